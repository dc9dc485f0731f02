<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
    <context>
        <name>Format</name>
        <message>
            <source>,</source>
            <translatorcomment>The decimal separator (ui/style.py decimal()).</translatorcomment>
            <translation>.</translation>
        </message>
        <message>
            <source>v%1</source>
            <translatorcomment>An ISO week number as a short label (ui/style.py week_label).</translatorcomment>
            <translation>W%1</translation>
        </message>
        <message>
            <source>ingen kedja</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>no chain</translation>
        </message>
        <message>
            <source>ingen pågående kedja</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>no running chain</translation>
        </message>
        <message>
            <source>dag %1 · %2</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>day %1 · %2</translation>
        </message>
        <message>
            <source>i dag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>today</translation>
        </message>
        <message>
            <source>för %1 d sedan</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>%1 d ago</translation>
        </message>
        <message>
            <source>om %1 d</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>in %1 d</translation>
        </message>
        <message>
            <source>mån</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Mon</translation>
        </message>
        <message>
            <source>tis</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Tue</translation>
        </message>
        <message>
            <source>ons</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Wed</translation>
        </message>
        <message>
            <source>tors</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Thu</translation>
        </message>
        <message>
            <source>fre</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Fri</translation>
        </message>
        <message>
            <source>lör</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Sat</translation>
        </message>
        <message>
            <source>sön</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Sun</translation>
        </message>
        <message>
            <source>jan</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Jan</translation>
        </message>
        <message>
            <source>feb</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Feb</translation>
        </message>
        <message>
            <source>mar</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Mar</translation>
        </message>
        <message>
            <source>apr</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Apr</translation>
        </message>
        <message>
            <source>maj</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>May</translation>
        </message>
        <message>
            <source>jun</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Jun</translation>
        </message>
        <message>
            <source>jul</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Jul</translation>
        </message>
        <message>
            <source>aug</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Aug</translation>
        </message>
        <message>
            <source>sep</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Sep</translation>
        </message>
        <message>
            <source>okt</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Oct</translation>
        </message>
        <message>
            <source>nov</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Nov</translation>
        </message>
        <message>
            <source>dec</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Dec</translation>
        </message>
        <message>
            <source>Måndag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Monday</translation>
        </message>
        <message>
            <source>Tisdag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Tuesday</translation>
        </message>
        <message>
            <source>Onsdag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Wednesday</translation>
        </message>
        <message>
            <source>Torsdag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Thursday</translation>
        </message>
        <message>
            <source>Fredag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Friday</translation>
        </message>
        <message>
            <source>Lördag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Saturday</translation>
        </message>
        <message>
            <source>Söndag</source>
            <translatorcomment>A shared format in ui/style.py.</translatorcomment>
            <translation>Sunday</translation>
        </message>
    </context>
    <context>
        <name />
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="154" />
            <source>Ångrade samtycke för {who}: {before} → {after}</source>
            <translation>Undid consent for {who}: {before} → {after}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="157" />
            <source>Ångrade ändringen:</source>
            <translation>Undid the change:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="72" />
            <source>När, skrivet</source>
            <translation>When, typed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="73" />
            <source>t.ex. i morgon, fre 10:00, +3d, 2026-12-01 10:30</source>
            <translation>e.g. tomorrow, fri 10:00, +3d, 2026-12-01 10:30</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="92" />
            <source>Välj datum och tid</source>
            <translation>Choose date and time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="100" />
            <source>Eller &amp;datum och tid:</source>
            <translation>Or &amp;date and time:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="109" />
            <source>Tolkad tidpunkt</source>
            <translation>Interpreted time</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="139" />
            <source>(har redan passerat – bevakningen blir förfallen direkt)</source>
            <translation>(already passed – the follow-up will be due at once)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="182" />
            <location filename="../../ui/widgets/case_sections.py" line="37" />
            <source>Felmeddelande</source>
            <translation>Error message</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="191" />
            <location filename="../../ui/dialogs/follow_up.py" line="192" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="255" />
            <source>Flytta bevakning – %1</source>
            <translation>Move follow-up – %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="255" />
            <source>Ny bevakning – %1</source>
            <translation>New follow-up – %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="257" />
            <source>Flytta</source>
            <translation>Move</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="257" />
            <source>Spara</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="261" />
            <source>Ny bevakning på ärende %1.</source>
            <translation>New follow-up on case %1.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="265" />
            <source>&amp;När:</source>
            <translation>&amp;When:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="270" />
            <source>Med vem</source>
            <translation>With whom</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="274" />
            <location filename="../../ui/widgets/case_tables.py" line="235" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="275" />
            <source>Vad ska göras, t.ex. Ring arbetsgivaren om planen</source>
            <translation>What needs doing, e.g. Call the employer about the plan</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="280" />
            <source>&amp;Med:</source>
            <translation>W&amp;ith:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="283" />
            <source>&amp;Anteckning:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="298" />
            <source>&amp;Upprepa</source>
            <translation>&amp;Repeat</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="299" />
            <source>Upprepa bevakningen</source>
            <translation>Repeat the follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="305" />
            <source>Intervall</source>
            <translation>Interval</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="307" />
            <source>Enhet för intervallet</source>
            <translation>Unit for the interval</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="308" />
            <source>veckor</source>
            <translation>weeks</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="309" />
            <source>dagar</source>
            <translation>days</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="310" />
            <source>månader</source>
            <translation>months</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="311" />
            <source>Var</source>
            <translation>Every</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="317" />
            <source>Tills vidare</source>
            <translation>Until further notice</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="318" />
            <source>Till och med</source>
            <translation>Up to and including</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="319" />
            <source>Antal gånger</source>
            <translation>Number of times</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="325" />
            <source>Sista datum för upprepningen</source>
            <translation>Last date of the repetition</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="333" />
            <source>Antal gånger i allt</source>
            <translation>Number of times in total</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="335" />
            <source>Slutar:</source>
            <translation>Ends:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="376" />
            <source>Anteckningen får vara högst %1 tecken.</source>
            <translation>The note may be at most %1 characters.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="398" />
            <source>Snooza bevakning – %1</source>
            <translation>Snooze follow-up – %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="398" />
            <source>Snooza</source>
            <translation>Snooze</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="403" />
            <source>&amp;Till:</source>
            <translation>&amp;Until:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="407" />
            <location filename="../../ui/dialogs/follow_up.py" line="408" />
            <source>Väcks tidigare av</source>
            <translation>Woken earlier by</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="421" />
            <source>En snooze döljer aldrig ärendet förbi nästa kontrollpunkt i rehabiliteringskedjan; en senare tid begränsas dit.</source>
            <translation>A snooze never hides the case beyond the next checkpoint in the rehabilitation chain; a later time is brought forward to it.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="492" />
            <source>Skriv ett skäl.</source>
            <translation>Enter a reason.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="500" />
            <location filename="../../ui/models/follow_up_model.py" line="291" />
            <source>Förföll</source>
            <translation>Was due</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="500" />
            <location filename="../../ui/models/follow_up_model.py" line="291" />
            <location filename="../../ui/widgets/case_tables.py" line="232" />
            <source>Förfaller</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="70" />
            <source>Det gick inte att spara. Försök igen.</source>
            <translation>Could not save. Please try again.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="76" />
            <source>%1: snoozad till %2.</source>
            <translation>%1: snoozed until %2.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="79" />
            <source>Begränsad från %1 till nästa kontrollpunkt i kedjan (%2).</source>
            <translation>Brought forward from %1 to the next checkpoint in the chain (%2).</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="124" />
            <source>Nu: %1</source>
            <translation>Now: %1</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="145" />
            <source>Klar – %1</source>
            <translation>Done – %1</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="146" />
            <source>&amp;Anteckning (valfri):</source>
            <translation>&amp;Note (optional):</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="147" />
            <location filename="../../ui/reminders.py" line="98" />
            <source>Klar</source>
            <translation>Done</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="157" />
            <source>Avfärda standardbevakning – %1</source>
            <translation>Dismiss standard follow-up – %1</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="158" />
            <source>&amp;Skäl (krävs):</source>
            <translation>&amp;Reason (required):</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="159" />
            <source>Avfärda</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="210" />
            <source>Bevakning på %1: %2.</source>
            <translation>Follow-up on %1: %2.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="213" />
            <source>Obs: tidpunkten har redan passerat.</source>
            <translation>Note: that time has already passed.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="224" />
            <source>%1: flyttad till %2.</source>
            <translation>%1: moved to %2.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="267" />
            <source>%1: klar. Nästa gång %2.</source>
            <translation>%1: done. Next time %2.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="271" />
            <source>%1: bevakningen är klar.</source>
            <translation>%1: the follow-up is done.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="295" />
            <source>Bevakningen på %1 är tillbaka.</source>
            <translation>The follow-up on %1 is back.</translation>
        </message>
        <message>
            <location filename="../../ui/follow_up_actions.py" line="303" />
            <source>%1: standardbevakningen är avfärdad.</source>
            <translation>%1: the standard follow-up has been dismissed.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="89" />
            <source>Snoozad till %1</source>
            <translation>Snoozed until %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="94" />
            <source>Försenad %1 d</source>
            <translation>Overdue %1 d</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="94" />
            <source>Förfallen</source>
            <translation>Due now</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="96" />
            <source>upprepas %1</source>
            <translation>repeats %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="162" />
            <source>Personliga bevakningar (%1)</source>
            <translation>Personal follow-ups (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="165" />
            <source>Inga personliga bevakningar – tryck F på ett ärende.</source>
            <translation>No personal follow-ups – press F on a case.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="166" />
            <source>Standardbevakningar från kedjan (%1)</source>
            <translation>Standard follow-ups from the chain (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="170" />
            <source>Inga standardbevakningar just nu.</source>
            <translation>No standard follow-ups at the moment.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="287" />
            <source>Standardbevakning</source>
            <translation>Standard follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="287" />
            <source>Personlig bevakning</source>
            <translation>Personal follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="288" />
            <source>med %1</source>
            <translation>with %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="302" />
            <source>Inga ärenden är dolda av snooze eller planering.</source>
            <translation>No cases are hidden by snoozing or planning.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="305" />
            <source>1 ärende är dolt av snooze eller planering till %2.</source>
            <translation>1 case is hidden by snoozing or planning until %2.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="307" />
            <source>%1 ärenden är dolda av snooze eller planering, som längst till %2.</source>
            <translation>%1 cases are hidden by snoozing or planning, at the latest until %2.</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="312" />
            <source>%1 av dem kommer tillbaka tidigare än begärt: ingen snooze eller planering döljer ett ärende förbi nästa kontrollpunkt i kedjan.</source>
            <translation>%1 of them will come back earlier than requested: no snooze or plan hides a case beyond the next checkpoint in the chain.</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="85" />
            <source>missad, förföll %1</source>
            <translation>missed, was due %1</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="85" />
            <source>förföll %1</source>
            <translation>was due %1</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="96" />
            <source>Öppna</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="96" />
            <source>Öppna ärendet %1</source>
            <translation>Open case %1</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="97" />
            <source>Snooza…</source>
            <translation>Snooze…</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="97" />
            <source>Snooza påminnelsen för %1</source>
            <translation>Snooze the reminder for %1</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="98" />
            <source>Markera bevakningen på %1 som klar</source>
            <translation>Mark the follow-up on %1 as done</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="128" />
            <location filename="../../ui/reminders.py" line="281" />
            <source>Påminnelser</source>
            <translation>Reminders</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="137" />
            <source>Visa alla påminnelser</source>
            <translation>Show all reminders</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="139" />
            <location filename="../../ui/reminders.py" line="284" />
            <location filename="../../ui/reminders.py" line="285" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="140" />
            <source>Stäng påminnelserna</source>
            <translation>Close the reminders</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="141" />
            <source>Bevakningarna finns kvar under Bevakningar</source>
            <translation>The follow-ups remain under Follow-ups</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="200" />
            <source>Visa alla (%1)…</source>
            <translation>Show all (%1)…</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="300" />
            <source>Inga påminnelser</source>
            <translation>No reminders</translation>
        </message>
        <message>
            <location filename="../../ui/reminders.py" line="341" />
            <source>Förföll %1</source>
            <translation>Was due %1</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="70" />
            <source>{what}, datum</source>
            <translation>{what}, date</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="72" />
            <source>Rensa</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="73" />
            <source>Rensa {what}</source>
            <translation>Clear {what}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="187" />
            <source>Saknar utfall</source>
            <translation>No outcome yet</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="195" />
            <source>oläst</source>
            <translation>unread</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="198" />
            <source>Inkom</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="199" />
            <source>Typ</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="201" />
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="207" />
            <source>Utfall</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="224" />
            <source>försenad {n} d</source>
            <translation>overdue {n} d</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="226" />
            <source>vilar till {day}</source>
            <translation>resting until {day}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="233" />
            <source>Med</source>
            <translation>With</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="234" />
            <source>Ursprung</source>
            <translation>Origin</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="236" />
            <source>Läge</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="244" />
            <source>Samtycke</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="248" />
            <source>Roll</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="249" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="250" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="251" />
            <source>Telefon</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="252" />
            <source>E-post</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="258" />
            <source>Tid</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="259" />
            <source>Av</source>
            <translation>By</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_tables.py" line="261" />
            <source>Händelse</source>
            <translation>Event</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="86" />
            <source>Okänt</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="87" />
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="87" />
            <source>Nej</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="116" />
            <source>inget</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="116" />
            <location filename="../../ui/widgets/case_texts.py" line="118" />
            <source>nej</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="118" />
            <source>ja</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="136" />
            <source>Ändrade</source>
            <translation>Changed</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="140" />
            <source>Samtycke för {who}: {before} → {after}</source>
            <translation>Consent for {who}: {before} → {after}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="146" />
            <source>Utfall för impuls ({type}): {outcome}</source>
            <translation>Outcome for impulse ({type}): {outcome}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_texts.py" line="150" />
            <source>Skrev en anteckning</source>
            <translation>Wrote a note</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="25" />
            <source>1 dag</source>
            <translation>1 day</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="25" />
            <source>{n} dagar</source>
            <translation>{n} days</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="34" />
            <source>Ärendet är avslutat. Ingen pågående sjukperiod.</source>
            <translation>The case is closed. No ongoing sick-leave period.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="36" />
            <source>Ingen pågående sjukperiod.</source>
            <translation>No ongoing sick-leave period.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="38" />
            <source>Dag {day} av kedjan, fas {phase}</source>
            <translation>Day {day} of the chain, phase {phase}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="42" />
            <source>inga fler milstolpar</source>
            <translation>no more milestones</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="44" />
            <source>milstolpe dag {day} i dag</source>
            <translation>milestone day {day} today</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="47" />
            <source>nästa milstolpe dag {day} om {left}</source>
            <translation>next milestone day {day} in {left}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="50" />
            <source>ingen sjukskrivning i dag, kedjan vilar</source>
            <translation>not on sick leave today, the chain is paused</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="56" />
            <source>{n} sammanlänkade sjukperioder (uppehåll {pauses} d)</source>
            <translation>{n} linked sick-leave periods (breaks {pauses} d)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="87" />
            <source>Tidslinje för rehabiliteringskedjan</source>
            <translation>Timeline of the rehabilitation chain</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="110" />
            <source>Milstolpar: </source>
            <translation>Milestones: </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="230" />
            <source>uppehåll {n} d</source>
            <translation>break {n} d</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="295" />
            <source>I dag · dag {day}</source>
            <translation>Today · day {day}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="297" />
            <source>(vilar)</source>
            <translation>(paused)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="337" />
            <source>passerad</source>
            <translation>passed</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="339" />
            <source>i dag</source>
            <translation>today</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/timeline.py" line="341" />
            <source>om {left}</source>
            <translation>in {left}</translation>
        </message>
    </context>
    <context>
        <name>AbsenceDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="89" />
            <source>Markera frånvaro</source>
            <translation>Mark absence</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="91" />
            <source>Frånvarande handläggare</source>
            <translation>Absent caseworker</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="93" />
            <source>Täcks av</source>
            <translation>Covered by</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="106" />
            <source>&amp;Handläggare:</source>
            <translation>&amp;Caseworker:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="107" />
            <source>&amp;Täcks av:</source>
            <translation>C&amp;overed by:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="108" />
            <source>&amp;Från och med:</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="109" />
            <source>T&amp;ill och med:</source>
            <translation>&amp;Up to and including:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="121" />
            <source>{who} är markerad frånvarande, {cover} täcker.</source>
            <translation>{who} is marked absent, {cover} is covering.</translation>
        </message>
        <message>
            <source>Från och med</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/team_actions.py passes this to self.tr() through a variable (the accessible name of a date field).</translatorcomment>
            <translation>From</translation>
        </message>
        <message>
            <source>Till och med</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/team_actions.py passes this to self.tr() through a variable (the accessible name of a date field).</translatorcomment>
            <translation>Up to and including</translation>
        </message>
    </context>
    <context>
        <name>BalanceDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="177" />
            <source>Förslag på jämnare fördelning</source>
            <translation>Proposal for a more even distribution</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="179" />
            <source>Räknar fram ett förslag…</source>
            <translation>Working out a proposal…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="182" />
            <source>Föreslagna flyttar</source>
            <translation>Proposed moves</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="184" />
            <source>Belastning före och efter</source>
            <translation>Load before and after</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="186" />
            <source>Jämnare belastning</source>
            <translation>More even load</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="187" />
            <source>Skäl</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="189" />
            <source>&amp;Bekräfta flyttarna</source>
            <translation>&amp;Confirm the moves</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="190" />
            <source>Bekräfta flyttarna</source>
            <translation>Confirm the moves</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="193" />
            <source>&amp;Skäl:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="196" />
            <source>Flyttar:</source>
            <translation>Moves:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="198" />
            <source>Belastning (nästa 4 veckor) före → efter:</source>
            <translation>Load (next 4 weeks) before → after:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="210" />
            <source>{ref}: {src} → {dst}, belastning {load}</source>
            <translation>{ref}: {src} → {dst}, load {load}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="218" />
            <source>Spridning (högst − lägst) {a} → {b}.</source>
            <translation>Spread (highest − lowest) {a} → {b}.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="223" />
            <source>{n} flyttar föreslås. </source>
            <translation>{n} moves proposed. </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="226" />
            <source>Ingen flytt gör fördelningen jämnare. </source>
            <translation>No move would make the distribution more even. </translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="237" />
            <source>{n} ärenden är flyttade.</source>
            <translation>{n} cases have been moved.</translation>
        </message>
        <message>
            <source>Ett ärende är flyttat.</source>
            <translation>One case has been moved.</translation>
        </message>
    </context>
    <context>
        <name>CaseHeader</name>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="54" />
            <source>← Tillbaka (Esc)</source>
            <translation>← Back (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="55" />
            <source>Tillbaka till föregående vy</source>
            <translation>Back to the previous view</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="62" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="64" />
            <source>Läge i kedjan</source>
            <translation>Position in the chain</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="68" />
            <source>Uppgifter om ärendet</source>
            <translation>Case details</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="92" />
            <source>Arbetsgivare: {name}</source>
            <translation>Employer: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="92" />
            <source>saknas</source>
            <translation>missing</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="94" />
            <source>Sjukskriven {extent} %</source>
            <translation>On sick leave {extent} %</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="100" />
            <source>Handläggare: {name} ({id})</source>
            <translation>Caseworker: {name} ({id})</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="103" />
            <source>Avslutat {day}</source>
            <translation>Closed {day}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="114" />
            <source>ingen pågående kedja</source>
            <translation>no ongoing chain</translation>
        </message>
        <message>
            <source>Anställd</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from EMPLOYMENT_SV to tr().</translatorcomment>
            <translation>Employed</translation>
        </message>
        <message>
            <source>Arbetslös</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from EMPLOYMENT_SV to tr().</translatorcomment>
            <translation>Unemployed</translation>
        </message>
        <message>
            <source>Egenföretagare</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from EMPLOYMENT_SV to tr().</translatorcomment>
            <translation>Self-employed</translation>
        </message>
        <message>
            <source>Visa personnummer</source>
            <translation>Show personal ID number</translation>
        </message>
        <message>
            <source>Visa hela personnumret (registreras i ärendets historik)</source>
            <translation>Show the whole personal ID number (recorded in the case history)</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>Ångrade samtycke för {who}: {before} → {after}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Undid consent for {who}: {before} → {after}</translation>
        </message>
        <message>
            <source>Ångrade ändringen:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Undid the change:</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="102" />
            <source>Rehabiliteringskedjan</source>
            <translation>Rehabilitation chain</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="113" />
            <source>Impulser i ärendet</source>
            <translation>Impulses in the case</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="113" />
            <source>Inga impulser.</source>
            <translation>No impulses.</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="117" />
            <source>Registrera utfall… (O)</source>
            <translation>Record outcome… (O)</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="118" />
            <source>Registrera utfall för vald impuls</source>
            <translation>Record outcome for the selected impulse</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="130" />
            <source>Impulser</source>
            <translation>Impulses</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="136" />
            <source>Bevakningar i ärendet</source>
            <translation>Follow-ups in the case</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="137" />
            <source>Inga bevakningar.</source>
            <translation>No follow-ups.</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="141" />
            <source>Ny bevakning… (F)</source>
            <translation>New follow-up… (F)</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="142" />
            <source>Ny bevakning på ärendet</source>
            <translation>New follow-up on the case</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="152" />
            <source>Bevakningar och planerat</source>
            <translation>Follow-ups and planned</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="159" />
            <source>Kontakter i ärendet</source>
            <translation>Contacts in the case</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="159" />
            <source>Inga kontakter.</source>
            <translation>No contacts.</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="161" />
            <source>Kontakter</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="166" />
            <source>Händelser</source>
            <translation>Events</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="166" />
            <source>Inga händelser ännu.</source>
            <translation>No events yet.</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="168" />
            <source>Historik (senaste först)</source>
            <translation>History (latest first)</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="187" />
            <source>Ärendets innehåll</source>
            <translation>Case contents</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="287" />
            <source>Sjukperioder: {list}</source>
            <translation>Sick-leave periods: {list}</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="287" />
            <source>inga</source>
            <translation>none</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="290" />
            <source>Senaste läkarintyg: {start} – {end} ({extent} %)</source>
            <translation>Latest medical certificate: {start} – {end} ({extent} %)</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="294" />
            <source>Högst i prioriteten: {why}</source>
            <translation>Top of the priority: {why}</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="301" />
            <source>Inte planerat till någon dag.</source>
            <translation>Not planned for any day.</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="306" />
            <source>Planerat: {days}</source>
            <translation>Planned: {days}</translation>
        </message>
        <message>
            <location filename="../../ui/views/case.py" line="338" />
            <source>Välj en impuls som saknar utfall.</source>
            <translation>Choose an impulse that has no outcome yet.</translation>
        </message>
        <message>
            <source>Felmeddelande</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_sections.py translates in this context at runtime.</translatorcomment>
            <translation>Error message</translation>
        </message>
        <message>
            <source>Anteckning</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Note</translation>
        </message>
        <message>
            <source>Förfaller</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Due</translation>
        </message>
        <message>
            <source>{what}, datum</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_edits.py translates in this context at runtime.</translatorcomment>
            <translation>{what}, date</translation>
        </message>
        <message>
            <source>Rensa</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_edits.py translates in this context at runtime.</translatorcomment>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Rensa {what}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_edits.py translates in this context at runtime.</translatorcomment>
            <translation>Clear {what}</translation>
        </message>
        <message>
            <source>Saknar utfall</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>No outcome yet</translation>
        </message>
        <message>
            <source>oläst</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>unread</translation>
        </message>
        <message>
            <source>Inkom</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Received</translation>
        </message>
        <message>
            <source>Typ</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Type</translation>
        </message>
        <message>
            <source>Text</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Text</translation>
        </message>
        <message>
            <source>Utfall</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>försenad {n} d</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>overdue {n} d</translation>
        </message>
        <message>
            <source>vilar till {day}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>resting until {day}</translation>
        </message>
        <message>
            <source>Med</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>With</translation>
        </message>
        <message>
            <source>Ursprung</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Origin</translation>
        </message>
        <message>
            <source>Läge</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Status</translation>
        </message>
        <message>
            <source>Samtycke</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Consent</translation>
        </message>
        <message>
            <source>Roll</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Role</translation>
        </message>
        <message>
            <source>Namn</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Name</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Telefon</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Phone</translation>
        </message>
        <message>
            <source>E-post</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Email</translation>
        </message>
        <message>
            <source>Tid</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Time</translation>
        </message>
        <message>
            <source>Av</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>By</translation>
        </message>
        <message>
            <source>Händelse</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_tables.py translates in this context at runtime.</translatorcomment>
            <translation>Event</translation>
        </message>
        <message>
            <source>Okänt</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>Ja</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nej</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>No</translation>
        </message>
        <message>
            <source>inget</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>none</translation>
        </message>
        <message>
            <source>nej</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>no</translation>
        </message>
        <message>
            <source>ja</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>yes</translation>
        </message>
        <message>
            <source>Ändrade</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Samtycke för {who}: {before} → {after}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Consent for {who}: {before} → {after}</translation>
        </message>
        <message>
            <source>Utfall för impuls ({type}): {outcome}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Outcome for impulse ({type}): {outcome}</translation>
        </message>
        <message>
            <source>Skrev en anteckning</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/case_texts.py translates in this context at runtime.</translatorcomment>
            <translation>Wrote a note</translation>
        </message>
        <message>
            <source>1 dag</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>1 day</translation>
        </message>
        <message>
            <source>{n} dagar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>{n} days</translation>
        </message>
        <message>
            <source>Ärendet är avslutat. Ingen pågående sjukperiod.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>The case is closed. No ongoing sick-leave period.</translation>
        </message>
        <message>
            <source>Ingen pågående sjukperiod.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>No ongoing sick-leave period.</translation>
        </message>
        <message>
            <source>Dag {day} av kedjan, fas {phase}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>Day {day} of the chain, phase {phase}</translation>
        </message>
        <message>
            <source>inga fler milstolpar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>no more milestones</translation>
        </message>
        <message>
            <source>milstolpe dag {day} i dag</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>milestone day {day} today</translation>
        </message>
        <message>
            <source>nästa milstolpe dag {day} om {left}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>next milestone day {day} in {left}</translation>
        </message>
        <message>
            <source>ingen sjukskrivning i dag, kedjan vilar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>not on sick leave today, the chain is paused</translation>
        </message>
        <message>
            <source>{n} sammanlänkade sjukperioder (uppehåll {pauses} d)</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>{n} linked sick-leave periods (breaks {pauses} d)</translation>
        </message>
        <message>
            <source>Tidslinje för rehabiliteringskedjan</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>Timeline of the rehabilitation chain</translation>
        </message>
        <message>
            <source>Milstolpar: </source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>Milestones: </translation>
        </message>
        <message>
            <source>uppehåll {n} d</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>break {n} d</translation>
        </message>
        <message>
            <source>I dag · dag {day}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>Today · day {day}</translation>
        </message>
        <message>
            <source>(vilar)</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>(paused)</translation>
        </message>
        <message>
            <source>passerad</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>passed</translation>
        </message>
        <message>
            <source>i dag</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>today</translation>
        </message>
        <message>
            <source>om {left}</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/widgets/timeline.py translates in this context at runtime.</translatorcomment>
            <translation>in {left}</translation>
        </message>
        <message>
            <source>dag</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/widgets/timeline.py.</translatorcomment>
            <translation>day</translation>
        </message>
        <message>
            <source>behov av rehabilitering</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>need for rehabilitation</translation>
        </message>
        <message>
            <source>rehabkoordinator vill ha kontakt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>rehabilitation coordinator wants contact</translation>
        </message>
        <message>
            <source>intyget anger rehabiliteringsbehov</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>certificate states rehabilitation need</translation>
        </message>
        <message>
            <source>intyget anger samordningsbehov</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>certificate states coordination need</translation>
        </message>
        <message>
            <source>problem på arbetsplatsen</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>problem at the workplace</translation>
        </message>
        <message>
            <source>uppgifter som inte går ihop</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>inconsistent information</translation>
        </message>
        <message>
            <source>behov av hjälp till annat arbete</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>needs help towards other work</translation>
        </message>
        <message>
            <source>annan tydlig impuls</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>other clear impulse</translation>
        </message>
        <message>
            <source>Åtgärdad</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.inbox.OUTCOME_SV to tr().</translatorcomment>
            <translation>Actioned</translation>
        </message>
        <message>
            <source>Hanteras av annan aktör</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.inbox.OUTCOME_SV to tr().</translatorcomment>
            <translation>Handled by another party</translation>
        </message>
        <message>
            <source>Inte relevant</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py and case_texts.py passes a value from app.inbox.OUTCOME_SV to tr().</translatorcomment>
            <translation>Not relevant</translation>
        </message>
        <message>
            <source>Arbetsgivaren</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>The employer</translation>
        </message>
        <message>
            <source>Intygsskrivande läkare</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Certifying doctor</translation>
        </message>
        <message>
            <source>Företagshälsovården</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Occupational health service</translation>
        </message>
        <message>
            <source>Rehabiliteringskoordinator</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Rehabilitation coordinator</translation>
        </message>
        <message>
            <source>Arbetsförmedlingen</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Arbetsförmedlingen</translation>
        </message>
        <message>
            <source>Facklig företrädare</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Trade union representative</translation>
        </message>
        <message>
            <source>Försäkringsmedicinsk rådgivare</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Insurance medicine adviser</translation>
        </message>
        <message>
            <source>Vården</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Healthcare</translation>
        </message>
        <message>
            <source>Den försäkrade</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (role_sv) passes a value from ROLE_SV to tr().</translatorcomment>
            <translation>Insured person</translation>
        </message>
        <message>
            <source>den försäkrade</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from app.model.FOLLOW_UP_KIND_SV to tr().</translatorcomment>
            <translation>insured person</translation>
        </message>
        <message>
            <source>arbetsgivaren</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from app.model.FOLLOW_UP_KIND_SV to tr().</translatorcomment>
            <translation>employer</translation>
        </message>
        <message>
            <source>vården</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from app.model.FOLLOW_UP_KIND_SV to tr().</translatorcomment>
            <translation>healthcare</translation>
        </message>
        <message>
            <source>annan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from app.model.FOLLOW_UP_KIND_SV to tr().</translatorcomment>
            <translation>other</translation>
        </message>
        <message>
            <source>Personlig</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from FOLLOW_UP_ORIGIN_SV to tr().</translatorcomment>
            <translation>Personal</translation>
        </message>
        <message>
            <source>Standard</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from FOLLOW_UP_ORIGIN_SV to tr().</translatorcomment>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Öppen</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from FOLLOW_UP_STATE_SV to tr().</translatorcomment>
            <translation>Open</translation>
        </message>
        <message>
            <source>Klar</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from FOLLOW_UP_STATE_SV to tr().</translatorcomment>
            <translation>Done</translation>
        </message>
        <message>
            <source>Avfärdad</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_tables.py passes a value from FOLLOW_UP_STATE_SV to tr().</translatorcomment>
            <translation>Dismissed</translation>
        </message>
        <message>
            <source>Ej taget</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Not made</translation>
        </message>
        <message>
            <source>Övervägande skäl (ÖS)</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>ÖS (return to employer expected)</translation>
        </message>
        <message>
            <source>NFA</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>NFA (normal labour market)</translation>
        </message>
        <message>
            <source>Särskilda skäl</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Special reasons</translation>
        </message>
        <message>
            <source>Ej tillämpligt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>Ingen plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Skriftlig plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Written plan</translation>
        </message>
        <message>
            <source>Muntlig plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_texts.py (_value_sv) passes a value from OS_POSITION_SV and PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Verbal plan</translation>
        </message>
    </context>
    <context>
        <name>CasesDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="279" />
            <source>&amp;Flytta markerade…</source>
            <translation>&amp;Move selected…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="280" />
            <source>Flytta markerade ärenden</source>
            <translation>Move the selected cases</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="284" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="287" />
            <source>{n} ärenden</source>
            <translation>{n} cases</translation>
        </message>
        <message>
            <source>Ett ärende</source>
            <translation>One case</translation>
        </message>
    </context>
    <context>
        <name>ChecklistBox</name>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="125" />
            <source>Före dag 180 · dag 181</source>
            <translation>Before day 180 · day 181</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="126" />
            <source>Checklista före dag 180 och ställningstagande dag 181</source>
            <translation>Checklist before day 180 and day-181 assessment</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="144" />
            <source>Plan för återgång i arbete</source>
            <translation>Return-to-work plan</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="151" />
            <source>Ställningstagande dag 181</source>
            <translation>Day-181 assessment</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="156" />
            <source>Plan för återgång:</source>
            <translation>Return-to-work plan:</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="158" />
            <source>Dag 181:</source>
            <translation>Day 181:</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="191" />
            <source>{label} (krävs för anställda)</source>
            <translation>{label} (required for employees)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="196" />
            <source>Klart: {done} av {needed}</source>
            <translation>Done: {done} of {needed}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="204" />
            <source>Ingen pågående kedja.</source>
            <translation>No ongoing chain.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="207" />
            <source>Dag 180</source>
            <translation>Day 180</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="211" />
            <source>Dag 181</source>
            <translation>Day 181</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="213" />
            <source>Dag 181: ingen prövning mot arbetsgivaren (gäller anställda).</source>
            <translation>Day 181: no assessment against the employer (applies to employees).</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="216" />
            <source>Ställningstagande taget {day}.</source>
            <translation>Assessment made {day}.</translation>
        </message>
        <message>
            <source>Telefonutredning gjord</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from app.casework.CHECKLIST to tr().</translatorcomment>
            <translation>Telephone investigation done</translation>
        </message>
        <message>
            <source>Arbetsgivaren kontaktad</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from app.casework.CHECKLIST to tr().</translatorcomment>
            <translation>Employer contacted</translation>
        </message>
        <message>
            <source>Planens status känd</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from app.casework.CHECKLIST to tr().</translatorcomment>
            <translation>Status of the plan known</translation>
        </message>
        <message>
            <source>Den försäkrade informerad</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from app.casework.CHECKLIST to tr().</translatorcomment>
            <translation>Insured person informed</translation>
        </message>
        <message>
            <source>Okänt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>Ingen plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>No plan</translation>
        </message>
        <message>
            <source>Skriftlig plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Written plan</translation>
        </message>
        <message>
            <source>Muntlig plan</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from PLAN_STATUS_SV to tr().</translatorcomment>
            <translation>Verbal plan</translation>
        </message>
        <message>
            <source>Ej taget</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from OS_POSITION_SV to tr().</translatorcomment>
            <translation>Not made</translation>
        </message>
        <message>
            <source>Övervägande skäl (ÖS)</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from OS_POSITION_SV to tr().</translatorcomment>
            <translation>ÖS (return to employer expected)</translation>
        </message>
        <message>
            <source>NFA</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from OS_POSITION_SV to tr().</translatorcomment>
            <translation>NFA (normal labour market)</translation>
        </message>
        <message>
            <source>Särskilda skäl</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from OS_POSITION_SV to tr().</translatorcomment>
            <translation>Special reasons</translation>
        </message>
        <message>
            <source>Ej tillämpligt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from OS_POSITION_SV to tr().</translatorcomment>
            <translation>Not applicable</translation>
        </message>
    </context>
    <context>
        <name>ConsentBox</name>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="210" />
            <source>Samtycke</source>
            <translation>Consent</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="211" />
            <source>Samtycke per aktör</source>
            <translation>Consent per party</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="214" />
            <source>Kontakt med arbetsgivare, vård och andra aktörer kräver den försäkrades samtycke.</source>
            <translation>Contact with the employer, healthcare and other parties requires the insured person's consent.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="230" />
            <source>Inga kontakter registrerade.</source>
            <translation>No contacts registered.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="275" />
            <source>Samtycke för {who}</source>
            <translation>Consent for {who}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="283" />
            <source>Datum för samtycke</source>
            <translation>Date of consent</translation>
        </message>
        <message>
            <source>ingen kontakt</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/widgets/case_sections.py.</translatorcomment>
            <translation>no contact</translation>
        </message>
        <message>
            <source>Okänt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from ConsentBox.CHOICES to tr().</translatorcomment>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>Ja</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from ConsentBox.CHOICES to tr().</translatorcomment>
            <translation>Yes</translation>
        </message>
        <message>
            <source>Nej</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from ConsentBox.CHOICES to tr().</translatorcomment>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>EmployerDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="351" />
            <source>Arbetsgivare: {name}</source>
            <translation>Employer: {name}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="352" />
            <source>Söker…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="355" />
            <source>Arbetsgivarens ärenden</source>
            <translation>The employer's cases</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="360" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="377" />
            <source>{name}: {n} öppna ärenden hos {cw} handläggare, {imp} öppna impulser, {plan} saknar plan.</source>
            <translation>{name}: {n} open cases with {cw} caseworkers, {imp} open impulses, {plan} without a plan.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="385" />
            <source>, nästa milstolpe {d}</source>
            <translation>, next milestone {d}</translation>
        </message>
    </context>
    <context>
        <name>FlagsBox</name>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="239" />
            <source>Läge</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="240" />
            <source>Ärendets läge och flaggor</source>
            <translation>Case status and flags</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="251" />
            <location filename="../../ui/widgets/case_edits.py" line="252" />
            <source>Ingen uppföljning behövs</source>
            <translation>No follow-up needed</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="257" />
            <source>Skäl, t.ex. palliativ vård</source>
            <translation>Reason, e.g. palliative care</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="258" />
            <source>Skäl till att ingen uppföljning behövs</source>
            <translation>Reason why no follow-up is needed</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="264" />
            <source>Senaste samordningsåtgärd</source>
            <translation>Latest coordination action</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="268" />
            <source>Återhämtningsfas till</source>
            <translation>Recovery phase until</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="273" />
            <source>Väntar på (aktör)</source>
            <translation>Waiting for (party)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="274" />
            <source>Väntar på aktör</source>
            <translation>Waiting for party</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="276" />
            <source>utlovat till</source>
            <translation>promised by</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="342" />
            <source>Ingen återhämtningsfas. Sätt ett datum när fallet först behöver vila.</source>
            <translation>No recovery phase. Set a date when the case first needs to rest.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="347" />
            <source>Återhämtningsfas: titta igen {day} ({rel}).</source>
            <translation>Recovery phase: look again {day} ({rel}).</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_edits.py" line="354" />
            <source>Återhämtningsfasen slutade {day}: dags att titta igen.</source>
            <translation>The recovery phase ended {day}: time to look again.</translation>
        </message>
        <message>
            <source>Sköter sig självt</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from its box() labels to tr().</translatorcomment>
            <translation>Runs itself</translation>
        </message>
        <message>
            <source>Beslut om rätt till ersättning väntar</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from its box() labels to tr().</translatorcomment>
            <translation>Decision on benefit entitlement pending</translation>
        </message>
        <message>
            <source>Samordning behövs</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from its box() labels to tr().</translatorcomment>
            <translation>Coordination needed</translation>
        </message>
        <message>
            <source>Palliativ vård</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from NO_FOLLOW_UP_REASONS to tr().</translatorcomment>
            <translation>Palliative care</translation>
        </message>
        <message>
            <source>Väntar på operation</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from NO_FOLLOW_UP_REASONS to tr().</translatorcomment>
            <translation>Awaiting surgery</translation>
        </message>
        <message>
            <source>Långa intyg vid svår diagnos</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from NO_FOLLOW_UP_REASONS to tr().</translatorcomment>
            <translation>Long certificates for a serious diagnosis</translation>
        </message>
        <message>
            <source>Nära pension</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_edits.py passes a value from NO_FOLLOW_UP_REASONS to tr().</translatorcomment>
            <translation>Close to retirement</translation>
        </message>
    </context>
    <context>
        <name>FollowUpModel</name>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="45" />
            <source>I morgon 08:00</source>
            <translation>Tomorrow 08:00</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="46" />
            <location filename="../../ui/dialogs/follow_up.py" line="53" />
            <source>Nästa arbetsdag</source>
            <translation>Next working day</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="47" />
            <source>Om en vecka</source>
            <translation>In a week</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="48" />
            <source>Måndag</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="51" />
            <source>1 timme</source>
            <translation>1 hour</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/follow_up.py" line="52" />
            <source>I morgon bitti</source>
            <translation>Tomorrow morning</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="31" />
            <source>Förfaller</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="32" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="33" />
            <source>Med</source>
            <translation>With</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="34" />
            <source>Anteckning</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="35" />
            <source>Läge</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="47" />
            <source>Den försäkrade</source>
            <translation>Insured person</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="48" />
            <source>Arbetsgivaren</source>
            <translation>The employer</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="49" />
            <source>Vården</source>
            <translation>Healthcare</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="50" />
            <source>Arbetsförmedlingen</source>
            <translation>Arbetsförmedlingen</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="51" />
            <source>Annan</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="54" />
            <source>Alla nya impulser</source>
            <translation>Any new impulse</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="55" />
            <source>Bara nya läkarintyg</source>
            <translation>Only new medical certificates</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="56" />
            <source>Inget – vänta till tiden</source>
            <translation>Nothing – wait until the time</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="59" />
            <source>väcks av nya impulser</source>
            <translation>woken by new impulses</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="60" />
            <source>väcks av nya intyg</source>
            <translation>woken by new certificates</translation>
        </message>
        <message>
            <location filename="../../ui/models/follow_up_model.py" line="61" />
            <source>väcks inte i förväg</source>
            <translation>not woken early</translation>
        </message>
        <message>
            <source>När, skrivet</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>When, typed</translation>
        </message>
        <message>
            <source>t.ex. i morgon, fre 10:00, +3d, 2026-12-01 10:30</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>e.g. tomorrow, fri 10:00, +3d, 2026-12-01 10:30</translation>
        </message>
        <message>
            <source>Välj datum och tid</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Choose date and time</translation>
        </message>
        <message>
            <source>Eller &amp;datum och tid:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Or &amp;date and time:</translation>
        </message>
        <message>
            <source>Tolkad tidpunkt</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Interpreted time</translation>
        </message>
        <message>
            <source>(har redan passerat – bevakningen blir förfallen direkt)</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>(already passed – the follow-up will be due at once)</translation>
        </message>
        <message>
            <source>Felmeddelande</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Error message</translation>
        </message>
        <message>
            <source>Avbryt</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Flytta bevakning – %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Move follow-up – %1</translation>
        </message>
        <message>
            <source>Ny bevakning – %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>New follow-up – %1</translation>
        </message>
        <message>
            <source>Flytta</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Move</translation>
        </message>
        <message>
            <source>Spara</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Save</translation>
        </message>
        <message>
            <source>Ny bevakning på ärende %1.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>New follow-up on case %1.</translation>
        </message>
        <message>
            <source>&amp;När:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;When:</translation>
        </message>
        <message>
            <source>Med vem</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>With whom</translation>
        </message>
        <message>
            <source>Vad ska göras, t.ex. Ring arbetsgivaren om planen</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>What needs doing, e.g. Call the employer about the plan</translation>
        </message>
        <message>
            <source>&amp;Med:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>W&amp;ith:</translation>
        </message>
        <message>
            <source>&amp;Anteckning:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <source>&amp;Upprepa</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;Repeat</translation>
        </message>
        <message>
            <source>Upprepa bevakningen</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Repeat the follow-up</translation>
        </message>
        <message>
            <source>Intervall</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Interval</translation>
        </message>
        <message>
            <source>Enhet för intervallet</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Unit for the interval</translation>
        </message>
        <message>
            <source>veckor</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>weeks</translation>
        </message>
        <message>
            <source>dagar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>days</translation>
        </message>
        <message>
            <source>månader</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>months</translation>
        </message>
        <message>
            <source>Var</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Every</translation>
        </message>
        <message>
            <source>Tills vidare</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Until further notice</translation>
        </message>
        <message>
            <source>Till och med</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Up to and including</translation>
        </message>
        <message>
            <source>Antal gånger</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Number of times</translation>
        </message>
        <message>
            <source>Sista datum för upprepningen</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Last date of the repetition</translation>
        </message>
        <message>
            <source>Antal gånger i allt</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Number of times in total</translation>
        </message>
        <message>
            <source>Slutar:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Ends:</translation>
        </message>
        <message>
            <source>Anteckningen får vara högst %1 tecken.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>The note may be at most %1 characters.</translation>
        </message>
        <message>
            <source>Snooza bevakning – %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Snooze follow-up – %1</translation>
        </message>
        <message>
            <source>Snooza</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Snooze</translation>
        </message>
        <message>
            <source>&amp;Till:</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;Until:</translation>
        </message>
        <message>
            <source>Väcks tidigare av</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Woken earlier by</translation>
        </message>
        <message>
            <source>En snooze döljer aldrig ärendet förbi nästa kontrollpunkt i rehabiliteringskedjan; en senare tid begränsas dit.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>A snooze never hides the case beyond the next checkpoint in the rehabilitation chain; a later time is brought forward to it.</translation>
        </message>
        <message>
            <source>Skriv ett skäl.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py translates in this context at runtime.</translatorcomment>
            <translation>Enter a reason.</translation>
        </message>
        <message>
            <source>Förföll</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/dialogs/follow_up.py, ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Was due</translation>
        </message>
        <message>
            <source>Det gick inte att spara. Försök igen.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Could not save. Please try again.</translation>
        </message>
        <message>
            <source>%1: snoozad till %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>%1: snoozed until %2.</translation>
        </message>
        <message>
            <source>Begränsad från %1 till nästa kontrollpunkt i kedjan (%2).</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Brought forward from %1 to the next checkpoint in the chain (%2).</translation>
        </message>
        <message>
            <source>Nu: %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Now: %1</translation>
        </message>
        <message>
            <source>Klar – %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Done – %1</translation>
        </message>
        <message>
            <source>&amp;Anteckning (valfri):</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;Note (optional):</translation>
        </message>
        <message>
            <source>Klar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py, ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Done</translation>
        </message>
        <message>
            <source>Avfärda standardbevakning – %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Dismiss standard follow-up – %1</translation>
        </message>
        <message>
            <source>&amp;Skäl (krävs):</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>&amp;Reason (required):</translation>
        </message>
        <message>
            <source>Avfärda</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>Bevakning på %1: %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Follow-up on %1: %2.</translation>
        </message>
        <message>
            <source>Obs: tidpunkten har redan passerat.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>Note: that time has already passed.</translation>
        </message>
        <message>
            <source>%1: flyttad till %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>%1: moved to %2.</translation>
        </message>
        <message>
            <source>%1: klar. Nästa gång %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>%1: done. Next time %2.</translation>
        </message>
        <message>
            <source>%1: bevakningen är klar.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>%1: the follow-up is done.</translation>
        </message>
        <message>
            <source>Bevakningen på %1 är tillbaka.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>The follow-up on %1 is back.</translation>
        </message>
        <message>
            <source>%1: standardbevakningen är avfärdad.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/follow_up_actions.py translates in this context at runtime.</translatorcomment>
            <translation>%1: the standard follow-up has been dismissed.</translation>
        </message>
        <message>
            <source>Snoozad till %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Snoozed until %1</translation>
        </message>
        <message>
            <source>Försenad %1 d</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Overdue %1 d</translation>
        </message>
        <message>
            <source>Förfallen</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Due now</translation>
        </message>
        <message>
            <source>upprepas %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>repeats %1</translation>
        </message>
        <message>
            <source>Personliga bevakningar (%1)</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Personal follow-ups (%1)</translation>
        </message>
        <message>
            <source>Inga personliga bevakningar – tryck F på ett ärende.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>No personal follow-ups – press F on a case.</translation>
        </message>
        <message>
            <source>Standardbevakningar från kedjan (%1)</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Standard follow-ups from the chain (%1)</translation>
        </message>
        <message>
            <source>Inga standardbevakningar just nu.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>No standard follow-ups at the moment.</translation>
        </message>
        <message>
            <source>Standardbevakning</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Standard follow-up</translation>
        </message>
        <message>
            <source>Personlig bevakning</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>Personal follow-up</translation>
        </message>
        <message>
            <source>med %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>with %1</translation>
        </message>
        <message>
            <source>Inga ärenden är dolda av snooze eller planering.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>No cases are hidden by snoozing or planning.</translation>
        </message>
        <message>
            <source>1 ärende är dolt av snooze eller planering till %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>1 case is hidden by snoozing or planning until %2.</translation>
        </message>
        <message>
            <source>%1 ärenden är dolda av snooze eller planering, som längst till %2.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>%1 cases are hidden by snoozing or planning, at the latest until %2.</translation>
        </message>
        <message>
            <source>%1 av dem kommer tillbaka tidigare än begärt: ingen snooze eller planering döljer ett ärende förbi nästa kontrollpunkt i kedjan.</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/models/follow_up_model.py translates in this context at runtime.</translatorcomment>
            <translation>%1 of them will come back earlier than requested: no snooze or plan hides a case beyond the next checkpoint in the chain.</translation>
        </message>
        <message>
            <source>missad, förföll %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>missed, was due %1</translation>
        </message>
        <message>
            <source>förföll %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>was due %1</translation>
        </message>
        <message>
            <source>Öppna</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Open</translation>
        </message>
        <message>
            <source>Öppna ärendet %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Open case %1</translation>
        </message>
        <message>
            <source>Snooza…</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Snooze…</translation>
        </message>
        <message>
            <source>Snooza påminnelsen för %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Snooze the reminder for %1</translation>
        </message>
        <message>
            <source>Markera bevakningen på %1 som klar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Mark the follow-up on %1 as done</translation>
        </message>
        <message>
            <source>Påminnelser</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Reminders</translation>
        </message>
        <message>
            <source>Visa alla påminnelser</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Show all reminders</translation>
        </message>
        <message>
            <source>Stäng</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Close</translation>
        </message>
        <message>
            <source>Stäng påminnelserna</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Close the reminders</translation>
        </message>
        <message>
            <source>Bevakningarna finns kvar under Bevakningar</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>The follow-ups remain under Follow-ups</translation>
        </message>
        <message>
            <source>Visa alla (%1)…</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Show all (%1)…</translation>
        </message>
        <message>
            <source>Inga påminnelser</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>No reminders</translation>
        </message>
        <message>
            <source>Förföll %1</source>
            <translatorcomment>Copy of the context-less entry: the tr() helper used in ui/reminders.py translates in this context at runtime.</translatorcomment>
            <translation>Was due %1</translation>
        </message>
        <message>
            <source>Bevakning:</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/reminders.py.</translatorcomment>
            <translation>Follow-up:</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsView</name>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="129" />
            <source>Dolda ärenden</source>
            <translation>Hidden cases</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="140" />
            <source>Vald bevakning</source>
            <translation>Selected follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="146" />
            <source>&amp;Ny bevakning… (F)</source>
            <translation>&amp;New follow-up… (F)</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="146" />
            <source>Ny bevakning</source>
            <translation>New follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="147" />
            <source>&amp;Klar…</source>
            <translation>&amp;Done…</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="147" />
            <source>Markera som klar</source>
            <translation>Mark as done</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="148" />
            <source>&amp;Snooza…</source>
            <translation>&amp;Snooze…</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="148" />
            <source>Snooza bevakningen</source>
            <translation>Snooze the follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="149" />
            <source>F&amp;lytta…</source>
            <translation>&amp;Move…</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="149" />
            <source>Flytta bevakningen</source>
            <translation>Move the follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="150" />
            <source>&amp;Ta bort</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="150" />
            <source>Ta bort bevakningen</source>
            <translation>Remove the follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="152" />
            <source>A&amp;vfärda…</source>
            <translation>D&amp;ismiss…</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="152" />
            <source>Avfärda standardbevakningen</source>
            <translation>Dismiss the standard follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="160" />
            <source>Bara egna bevakningar; kan ångras (Delete)</source>
            <translation>Own follow-ups only; can be undone (Delete)</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="161" />
            <source>Bara standardbevakningar; skäl krävs</source>
            <translation>Standard follow-ups only; a reason is required</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="166" />
            <source>Mina bevakningar</source>
            <translation>My follow-ups</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="238" />
            <source>Bevakningarna kunde inte läsas: %1</source>
            <translation>The follow-ups could not be read: %1</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="285" />
            <source>%1 öppna, %2 förfallna</source>
            <translation>%1 open, %2 due</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="376" />
            <source>En standardbevakning kan inte tas bort; avfärda den med ett skäl.</source>
            <translation>A standard follow-up cannot be removed; dismiss it with a reason.</translation>
        </message>
        <message>
            <source>Bevakningar</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/views/follow_ups.py.</translatorcomment>
            <translation>Follow-ups</translation>
        </message>
    </context>
    <context>
        <name>ForecastChart</name>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="127" />
            <source>Milstolpar per vecka (8 veckor)</source>
            <translation>Milestones per week (8 weeks)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="147" />
            <source>Teamets milstolpar per vecka: </source>
            <translation>The team's milestones per week: </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="154" />
            <source>Teamet</source>
            <translation>Team</translation>
        </message>
    </context>
    <context>
        <name>GapsBox</name>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="125" />
            <source>Luckor i ärendet</source>
            <translation>Gaps in the case</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="154" />
            <source>⚠ Luckor ({n})</source>
            <translation>⚠ Gaps ({n})</translation>
        </message>
        <message>
            <source>Arbetsgivarens möjligheter är inte utredda</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from app.casework.GAP_TYPES (Gap.title) to tr().</translatorcomment>
            <translation>The employer's options have not been investigated</translation>
        </message>
        <message>
            <source>Uppgifter som borde ha hämtats in saknas</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from app.casework.GAP_TYPES (Gap.title) to tr().</translatorcomment>
            <translation>Information that should have been obtained is missing</translation>
        </message>
        <message>
            <source>Motstridiga uppgifter har inte utretts</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from app.casework.GAP_TYPES (Gap.title) to tr().</translatorcomment>
            <translation>Contradictory information has not been investigated</translation>
        </message>
        <message>
            <source>Beslut i rehabiliteringskedjan saknas</source>
            <translatorcomment>Not extracted by lupdate: ui/widgets/case_sections.py passes a value from app.casework.GAP_TYPES (Gap.title) to tr().</translatorcomment>
            <translation>A decision in the rehabilitation chain is missing</translation>
        </message>
    </context>
    <context>
        <name>ImportHistoryDialog</name>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="68" />
            <location filename="../../ui/dialogs/import_result.py" line="74" />
            <source>Importhistorik</source>
            <translation>Import history</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="69" />
            <source>När</source>
            <translation>When</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="69" />
            <source>Fil</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="69" />
            <source>Källa</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="69" />
            <source>Nya</source>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="70" />
            <source>Uppdaterade</source>
            <translation>Updated</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="70" />
            <source>Oförändrade</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="70" />
            <source>Avvisade</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="71" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="76" />
            <source>klar</source>
            <translation>done</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="76" />
            <source>delvis</source>
            <translation>partial</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="77" />
            <source>misslyckad</source>
            <translation>failed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="77" />
            <source>hoppades över</source>
            <translation>skipped</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="90" />
            <source>Inga importer ännu.</source>
            <translation>No imports yet.</translation>
        </message>
    </context>
    <context>
        <name>ImportResultDialog</name>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="27" />
            <source>Importen är klar</source>
            <translation>Import complete</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="30" />
            <source>Fil</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="30" />
            <source>Nya</source>
            <translation>New</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="30" />
            <source>Uppdaterade</source>
            <translation>Updated</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="31" />
            <source>Oförändrade</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="31" />
            <source>Avvisade</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="34" />
            <source>Resultat per fil</source>
            <translation>Result per file</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="48" />
            <source>Öppna avvisade rader</source>
            <translation>Open rejected rows</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/import_result.py" line="49" />
            <source>Öppna filen med avvisade rader</source>
            <translation>Open the file of rejected rows</translation>
        </message>
    </context>
    <context>
        <name>Importer</name>
        <message>
            <location filename="../../ui/importer.py" line="55" />
            <source>Importera filer</source>
            <translation>Import files</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="57" />
            <source>Importfiler (*.csv *.txt *.xlsx *.jsonl *.ndjson);;Alla filer (*)</source>
            <translation>Import files (*.csv *.txt *.xlsx *.jsonl *.ndjson);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="67" />
            <source>Importerar…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="67" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="68" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="71" />
            <source>Importförlopp</source>
            <translation>Import progress</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/importer.py" line="124" />
            <source>%n nya impulser.</source>
            <translation>
                <numerusform>%n new impulse.</numerusform>
                <numerusform>%n new impulses.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="134" />
            <source>Importen avbröts och databasen är oförändrad.</source>
            <translation>The import was cancelled and the database is unchanged.</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="137" />
            <source>Importen misslyckades</source>
            <translation>The import failed</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="199" />
            <source>Exportera ärendestock</source>
            <translation>Export caseload</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="201" />
            <source>Excel (*.xlsx);;CSV för Excel (*.csv)</source>
            <translation>Excel (*.xlsx);;CSV for Excel (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/importer.py" line="218" />
            <source>Ärendestocken exporterades till %1</source>
            <translation>The caseload was exported to %1</translation>
        </message>
    </context>
    <context>
        <name>InboxModel</name>
        <message>
            <location filename="../../ui/models/inbox_model.py" line="296" />
            <source>Mottagen %1</source>
            <translation>Received %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/inbox_model.py" line="298" />
            <source>Intyget ändrade: %1</source>
            <translation>The certificate changed: %1</translation>
        </message>
    </context>
    <context>
        <name>InboxView</name>
        <message>
            <location filename="../../ui/views/inbox.py" line="124" />
            <source>Inga impulser</source>
            <translation>No impulses</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="145" />
            <source>Filtrera på impulstyp</source>
            <translation>Filter by impulse type</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="146" />
            <source>Alla typer</source>
            <translation>All types</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="151" />
            <source>Filtrera på ålder</source>
            <translation>Filter by age</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="153" />
            <source>Alla</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="154" />
            <source>Senaste dygnet</source>
            <translation>Last 24 hours</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="155" />
            <source>Senaste 7 dagarna</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="156" />
            <source>Äldre än 7 dagar</source>
            <translation>Older than 7 days</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="157" />
            <source>Äldre än 30 dagar</source>
            <translation>Older than 30 days</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="160" />
            <source>Bara olästa</source>
            <translation>Unread only</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="161" />
            <source>Visa bara olästa impulser</source>
            <translation>Show unread impulses only</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="163" />
            <source>Antal impulser</source>
            <translation>Number of impulses</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="165" />
            <source>&amp;Typ:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="167" />
            <source>Å&amp;lder:</source>
            <translation>&amp;Age:</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="180" />
            <source>Impulser grupperade per ärende</source>
            <translation>Impulses grouped by case</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="301" />
            <source>1 impuls</source>
            <translation>1 impulse</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="303" />
            <source>%1 impulser</source>
            <translation>%1 impulses</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="306" />
            <source>1 ärende</source>
            <translation>1 case</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="306" />
            <source>%1 ärenden</source>
            <translation>%1 cases</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="308" />
            <source>%1 i %2</source>
            <translation>%1 in %2</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="310" />
            <source> (av %1)</source>
            <translation> (of %1)</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="312" />
            <source> · %1 olästa</source>
            <translation> · %1 unread</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="318" />
            <source>Inga impulser matchar filtret.</source>
            <translation>No impulses match the filter.</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="320" />
            <source>Inga obehandlade impulser. Bra jobbat!</source>
            <translation>No unhandled impulses. Well done!</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="439" />
            <source>Välj utfall: 1 Åtgärdad, 2 Annan aktör eller 3 Inte relevant.</source>
            <translation>Choose an outcome: 1 Actioned, 2 Other party or 3 Not relevant.</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="444" />
            <source>Markera minst en impuls i listan.</source>
            <translation>Select at least one impulse in the list.</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="462" />
            <source>Utfall registrerat för %1 impulser.</source>
            <translation>Outcome recorded for %1 impulses.</translation>
        </message>
        <message>
            <location filename="../../ui/views/inbox.py" line="473" />
            <source>Utfallet kunde inte sparas. Försök igen.</source>
            <translation>The outcome could not be saved. Please try again.</translation>
        </message>
    </context>
    <context>
        <name>InflowChart</name>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="183" />
            <source>Impulser per dag (30 dagar)</source>
            <translation>Impulses per day (30 days)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="191" />
            <source>Impulser per dag, totalt {n}: </source>
            <translation>Impulses per day, {n} in total: </translation>
        </message>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="203" />
            <source>Totalt {n}, som mest {m} på en dag</source>
            <translation>{n} in total, at most {m} in one day</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="172" />
            <source>&amp;Redigera</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="175" />
            <location filename="../../ui/main_window.py" line="320" />
            <source>&amp;Ångra</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="320" />
            <source>&amp;Ångra: {what}</source>
            <translation>&amp;Undo: {what}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="61" />
            <source>Överblick</source>
            <translation>Överblick</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="81" />
            <source>Navigering</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="91" />
            <source>Idag</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="92" />
            <location filename="../../ui/main_window.py" line="307" />
            <source>Impulser</source>
            <translation>Impulses</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="93" />
            <source>Ärendestock</source>
            <translation>Caseload</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="94" />
            <source>Bevakningar</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="98" />
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="104" />
            <source>Förhandsvisning av ärende</source>
            <translation>Case preview</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="138" />
            <source>Arbetar</source>
            <translation>Working</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="144" />
            <source>&amp;Arkiv</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="146" />
            <source>&amp;Importera…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="147" />
            <source>Import&amp;historik…</source>
            <translation>Import &amp;history…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="148" />
            <source>&amp;Exportera ärendestock…</source>
            <translation>&amp;Export caseload…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="156" />
            <source>&amp;Avsluta</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="161" />
            <source>&amp;Visa</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="167" />
            <source>&amp;Uppdatera</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="172" />
            <source>&amp;Bevakning</source>
            <translation>Follow-&amp;up</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="173" />
            <source>&amp;Ny bevakning…</source>
            <translation>&amp;New follow-up…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="179" />
            <source>&amp;Hjälp</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="180" />
            <source>&amp;Kortkommandon</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="283" />
            <source>Välj ett ärende först.</source>
            <translation>Select a case first.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="310" />
            <source>%n olästa impulser</source>
            <translation>
                <numerusform>%n unread impulse</numerusform>
                <numerusform>%n unread impulses</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="318" />
            <source>Något gick fel</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>&amp;Säkerhetskopior…</source>
            <translation>&amp;Backups…</translation>
        </message>
        <message>
            <source>Nya impulser</source>
            <translation>New impulses</translation>
        </message>
        <message numerus="yes">
            <source>%n nya impulser från inkorgsmappen</source>
            <translation>
                <numerusform>%n new impulse from the inbox folder</numerusform>
                <numerusform>%n new impulses from the inbox folder</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NotesBox</name>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="297" />
            <source>Anteckningar</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="299" />
            <source>Ny anteckning…</source>
            <translation>New note…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="300" />
            <source>Ny anteckning</source>
            <translation>New note</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="303" />
            <source>Spara anteckning</source>
            <translation>Save note</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="304" />
            <source>Spara anteckningen</source>
            <translation>Save the note</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="310" />
            <source>Tidigare anteckningar</source>
            <translation>Earlier notes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/case_sections.py" line="324" />
            <source>Inga anteckningar ännu.</source>
            <translation>No notes yet.</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="252" />
            <source>Registrera utfall</source>
            <translation>Record outcome</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="270" />
            <source>Registrera</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="271" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="291" />
            <source>Välj utfall: 1 Åtgärdad, 2 Annan aktör eller 3 Inte relevant.</source>
            <translation>Choose an outcome: 1 Actioned, 2 Other party or 3 Not relevant.</translation>
        </message>
        <message>
            <source>behov av rehabilitering</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>need for rehabilitation</translation>
        </message>
        <message>
            <source>rehabkoordinator vill ha kontakt</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>rehabilitation coordinator wants contact</translation>
        </message>
        <message>
            <source>intyget anger rehabiliteringsbehov</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>certificate states rehabilitation need</translation>
        </message>
        <message>
            <source>intyget anger samordningsbehov</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>certificate states coordination need</translation>
        </message>
        <message>
            <source>problem på arbetsplatsen</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>problem at the workplace</translation>
        </message>
        <message>
            <source>uppgifter som inte går ihop</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>inconsistent information</translation>
        </message>
        <message>
            <source>behov av hjälp till annat arbete</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>needs help towards other work</translation>
        </message>
        <message>
            <source>annan tydlig impuls</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py (OutcomeDialog) passes a value from app.model.IMPULSE_TYPE_SV to tr().</translatorcomment>
            <translation>other clear impulse</translation>
        </message>
    </context>
    <context>
        <name>OutcomePanel</name>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="43" />
            <source>Registrera utfall</source>
            <translation>Record outcome</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="45" />
            <source>Vad gjordes? (t.ex. ringde den försäkrade)</source>
            <translation>What was done? (e.g. called the insured person)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="46" />
            <source>Vem hanterar? (t.ex. vården, Arbetsförmedlingen)</source>
            <translation>Who is handling it? (e.g. healthcare, Arbetsförmedlingen)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="47" />
            <source>Varför inte relevant? (krävs)</source>
            <translation>Why not relevant? (required)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="57" />
            <source>Åtgärdad (1)</source>
            <translation>Actioned (1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="58" />
            <source>Annan aktör (2)</source>
            <translation>Other party (2)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="59" />
            <source>Inte relevant (3)</source>
            <translation>Not relevant (3)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="62" />
            <source>Åtgärdad, tangent 1</source>
            <translation>Actioned, key 1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="63" />
            <source>Hanteras av annan aktör, tangent 2</source>
            <translation>Handled by another party, key 2</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="64" />
            <source>Inte relevant, tangent 3</source>
            <translation>Not relevant, key 3</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="80" />
            <source>Anteckning om utfallet</source>
            <translation>Note on the outcome</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="82" />
            <location filename="../../ui/dialogs/outcome.py" line="147" />
            <source>Anteckning (välj först utfall med 1, 2 eller 3)</source>
            <translation>Note (first choose an outcome with 1, 2 or 3)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="85" />
            <source>&amp;Anteckning:</source>
            <translation>&amp;Note:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="88" />
            <source>Registrera (Enter)</source>
            <translation>Record (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="89" />
            <source>Registrera utfallet</source>
            <translation>Record the outcome</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="94" />
            <source>Snabbval, inte relevant:</source>
            <translation>Quick choice, not relevant:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="99" />
            <source>Inte relevant: %1</source>
            <translation>Not relevant: %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="110" />
            <source>Felmeddelande</source>
            <translation>Error message</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="163" />
            <source>Markera impulser i listan för att registrera utfall.</source>
            <translation>Select impulses in the list to record an outcome.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="165" />
            <source>Utfall för impulsen i %1</source>
            <translation>Outcome for the impulse in %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="168" />
            <source>1 ärende</source>
            <translation>1 case</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="170" />
            <source>%1 ärenden</source>
            <translation>%1 cases</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/outcome.py" line="173" />
            <source>Utfall för %1 markerade impulser i %2</source>
            <translation>Outcome for %1 selected impulses in %2</translation>
        </message>
        <message>
            <source>Dubblettintyg</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py passes a value from QUICK_NOTES to tr().</translatorcomment>
            <translation>Duplicate certificate</translation>
        </message>
        <message>
            <source>Redan hanterat</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py passes a value from QUICK_NOTES to tr().</translatorcomment>
            <translation>Already handled</translation>
        </message>
        <message>
            <source>Ingen ny information</source>
            <translatorcomment>Not extracted by lupdate: ui/dialogs/outcome.py passes a value from QUICK_NOTES to tr().</translatorcomment>
            <translation>No new information</translation>
        </message>
    </context>
    <context>
        <name>OverviewStrip</name>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="29" />
            <source>Ärenden</source>
            <translation>Cases</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="30" />
            <source>Öppna
impulser</source>
            <translation>Open
impulses</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="31" />
            <source>Försenad
bevakning</source>
            <translation>Overdue
follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="32" />
            <source>Milstolpe
inom 14 d</source>
            <translation>Milestone
within 14 d</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="33" />
            <location filename="../../ui/widgets/overview_strip.py" line="153" />
            <source>Väntar på
samordning</source>
            <translation>Awaiting
coordination</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="107" />
            <source>Visa alla</source>
            <translation>Show all</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="108" />
            <source>Visa alla ärenden (ta bort filtret)</source>
            <translation>Show all cases (remove the filter)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="109" />
            <source>Ta bort fas- och lägesfiltret</source>
            <translation>Remove the phase and status filter</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="140" />
            <location filename="../../ui/widgets/overview_strip.py" line="197" />
            <source>Visa bara de här ärendena i tabellen</source>
            <translation>Show only these cases in the table</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="148" />
            <source>Köer</source>
            <translation>Queues</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="152" />
            <source>Väntar på beslut om
rätt till ersättning</source>
            <translation>Awaiting decision on
benefit entitlement</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="154" />
            <source>Passerat dag 181 utan
ÖS-ställningstagande</source>
            <translation>Past day 181 without
ÖS assessment</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="178" />
            <source>Totalt</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="180" />
            <source>Ingen kedja</source>
            <translation>No chain</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/overview_strip.py" line="181" />
            <source>Dag {phase}</source>
            <translation>Day {phase}</translation>
        </message>
    </context>
    <context>
        <name>PhaseChart</name>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="76" />
            <source>Ärenden per handläggare och fas</source>
            <translation>Cases per caseworker and phase</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/team_charts.py" line="85" />
            <source>Inga ärenden.</source>
            <translation>No cases.</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="94" />
            <source>Planera till… – %1</source>
            <translation>Plan for… – %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="97" />
            <source>Planerat till %1.</source>
            <translation>Planned for %1.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="99" />
            <source>Inte planerat.</source>
            <translation>Not planned.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="102" />
            <source>Välj dagen då %1 ska ligga i din planerade lista. %2</source>
            <translation>Choose the day on which %1 should appear in your planned list. %2</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="109" />
            <source>Dag att planera till</source>
            <translation>Day to plan for</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="115" />
            <source>Välj datum</source>
            <translation>Choose date</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="122" />
            <source>&amp;Datum:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="132" />
            <location filename="../../ui/dialogs/plan.py" line="133" />
            <location filename="../../ui/dialogs/plan.py" line="186" />
            <source>Planera</source>
            <translation>Plan</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="135" />
            <location filename="../../ui/dialogs/plan.py" line="136" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="159" />
            <source>I morgon (%1)</source>
            <translation>Tomorrow (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="163" />
            <source>Nästa arbetsdag (%1)</source>
            <translation>Next working day (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="170" />
            <source>%1 – %2 (helgdag)</source>
            <translation>%1 – %2 (public holiday)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="174" />
            <source>Välj datum…</source>
            <translation>Choose date…</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="177" />
            <source>Ta bort planering (nu %1)</source>
            <translation>Remove plan (now %1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/plan.py" line="186" />
            <source>Ta bort</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../ui/preview.py" line="28" />
            <source>anställd</source>
            <translation>employed</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="29" />
            <source>arbetslös</source>
            <translation>unemployed</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="30" />
            <source>egenföretagare</source>
            <translation>self-employed</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="33" />
            <source>Arbetsgivare</source>
            <translation>Employer</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="34" />
            <source>Intygsskrivande läkare</source>
            <translation>Certifying doctor</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="35" />
            <source>Företagshälsovård</source>
            <translation>Occupational health service</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="36" />
            <source>Rehabkoordinator</source>
            <translation>Rehabilitation coordinator</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="37" />
            <source>Facklig företrädare</source>
            <translation>Trade union representative</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="38" />
            <source>Arbetsförmedlingen</source>
            <translation>Arbetsförmedlingen</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="61" />
            <source>Ja</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="62" />
            <source>Nej</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="63" />
            <source>Okänt</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="80" />
            <location filename="../../ui/preview.py" line="158" />
            <source>Välj ett ärende för att se det här.</source>
            <translation>Select a case to see it here.</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="92" />
            <source>Luckor i utredningen</source>
            <translation>Gaps in the investigation</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="121" />
            <source>Sammanfattning av ärendet</source>
            <translation>Case summary</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="131" />
            <source>&amp;Öppna ärendet</source>
            <translation>&amp;Open case</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="132" />
            <source>Öppna ärendet</source>
            <translation>Open case</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="183" />
            <source>Ärendet finns inte längre.</source>
            <translation>The case no longer exists.</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="185" />
            <source>Ärendet kunde inte visas: %1</source>
            <translation>The case could not be shown: %1</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="214" />
            <source>(avslutat)</source>
            <translation>(closed)</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="221" />
            <source>sjukskriven %1 %</source>
            <translation>on sick leave %1 %</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="241" />
            <source>Nästa: %1, %2 (%3)</source>
            <translation>Next: %1, %2 (%3)</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="254" />
            <source>Luckor (%1)</source>
            <translation>Gaps (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="276" />
            <location filename="../../ui/preview.py" line="292" />
            <source>inga öppna</source>
            <translation>none open</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="277" />
            <location filename="../../ui/preview.py" line="293" />
            <source>%1 öppna</source>
            <translation>%1 open</translation>
        </message>
        <message>
            <location filename="../../ui/preview.py" line="323" />
            <source>inte planerat av dig</source>
            <translation>not planned by you</translation>
        </message>
        <message>
            <source>Kedjan</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Chain</translation>
        </message>
        <message>
            <source>Ärendet är avslutat.</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>The case is closed.</translation>
        </message>
        <message>
            <source>Poäng</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Score</translation>
        </message>
        <message>
            <source>Inget som kräver uppmärksamhet i dag.</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Nothing needs attention today.</translation>
        </message>
        <message>
            <source>Impulser</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Impulses</translation>
        </message>
        <message>
            <source>ny</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>new</translation>
        </message>
        <message>
            <source>Bevakningar</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>försenad</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>overdue</translation>
        </message>
        <message>
            <source>Samtycke</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Consent</translation>
        </message>
        <message>
            <source>inga kontakter registrerade</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>no contacts registered</translation>
        </message>
        <message>
            <source>Planerat</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/preview.py.</translatorcomment>
            <translation>Planned</translation>
        </message>
        <message>
            <source>okänd anställning</source>
            <translatorcomment>Not extracted by lupdate: ui/preview.py passes a value from a default for EMPLOYMENT_SV to tr().</translatorcomment>
            <translation>employment unknown</translation>
        </message>
    </context>
    <context>
        <name>ReassignDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="137" />
            <source>Flytta ärenden</source>
            <translation>Move cases</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="140" />
            <source>Flytta {n} ärenden: {refs}</source>
            <translation>Move {n} cases: {refs}</translation>
        </message>
        <message>
            <source>Flytta ett ärende: {refs}</source>
            <translation>Move one case: {refs}</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="147" />
            <source>Till handläggare</source>
            <translation>To caseworker</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="150" />
            <source>Skäl</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="151" />
            <source>Till exempel: jämnare belastning</source>
            <translation>For example: more even load</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="153" />
            <source>&amp;Till:</source>
            <translation>&amp;To:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="154" />
            <source>&amp;Skäl:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="166" />
            <source>Ärendena är flyttade till {who}.</source>
            <translation>The cases have been moved to {who}.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutHelp</name>
        <message>
            <source>Ångra senaste ändringen i det öppna ärendet (samtycke, läge, checklista, dag 181)</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Undo the latest change in the open case (consent, status, checklist, day 181)</translation>
        </message>
        <message>
            <location filename="../../ui/help.py" line="32" />
            <source>Kortkommandon</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../../ui/help.py" line="38" />
            <source>Lista över kortkommandon</source>
            <translation>List of keyboard shortcuts</translation>
        </message>
        <message>
            <source>Idag, Impulser, Ärendestock, Bevakningar, Team</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Today, Impulses, Caseload, Follow-ups, Team</translation>
        </message>
        <message>
            <source>Importera filer / Exportera ärendestocken (eller dra filer till fönstret)</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Import files / Export the caseload (or drag files onto the window)</translation>
        </message>
        <message>
            <source>Nästa / föregående ärende (förhandsvisas)</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Next / previous case (shown in the preview)</translation>
        </message>
        <message>
            <source>Öppna ärendet</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Open the case</translation>
        </message>
        <message>
            <source>Tillbaka</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Back</translation>
        </message>
        <message>
            <source>Sök</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Search</translation>
        </message>
        <message>
            <source>Registrera utfall för impulsen</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Record the outcome for the impulse</translation>
        </message>
        <message>
            <source>Åtgärdad / Annan aktör / Inte relevant</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Actioned / Other party / Not relevant</translation>
        </message>
        <message>
            <source>Ny bevakning</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>New follow-up</translation>
        </message>
        <message>
            <source>Bevakningar</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Ta bort bevakning / Ångra (i Bevakningar)</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Remove follow-up / Undo (in Follow-ups)</translation>
        </message>
        <message>
            <source>Planera till…</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Plan for…</translation>
        </message>
        <message>
            <source>Varför? (alla bidrag till prioriteten)</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Why? (everything that adds to the priority)</translation>
        </message>
        <message>
            <source>Uppdatera</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Den här hjälpen</source>
            <translatorcomment>Not extracted by lupdate: ui/help.py passes a value from SHORTCUTS to tr().</translatorcomment>
            <translation>This help</translation>
        </message>
    </context>
    <context>
        <name>StockModel</name>
        <message>
            <location filename="../../ui/models/stock_model.py" line="34" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="35" />
            <source>Namn</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="36" />
            <source>Personnummer</source>
            <translation>Personal ID no.</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="37" />
            <source>Dag/fas</source>
            <translation>Day/phase</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="38" />
            <source>Nästa milstolpe</source>
            <translation>Next milestone</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="39" />
            <source>Impulser</source>
            <translation>Impulses</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="40" />
            <source>Nästa bevakning</source>
            <translation>Next follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="41" />
            <source>Senaste åtgärd</source>
            <translation>Latest action</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="42" />
            <source>Poäng</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="114" />
            <source>Dag {day} · {left}</source>
            <translation>Day {day} · {left}</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="124" />
            <source>{count} ({new} ny)</source>
            <translation>{count} ({new} new)</translation>
        </message>
        <message>
            <location filename="../../ui/models/stock_model.py" line="407" />
            <source>{date} (försenad)</source>
            <translation>{date} (overdue)</translation>
        </message>
    </context>
    <context>
        <name>StockView</name>
        <message>
            <location filename="../../ui/views/stock.py" line="74" />
            <source>öppna impulser</source>
            <translation>open impulses</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="75" />
            <source>försenad bevakning</source>
            <translation>overdue follow-up</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="76" />
            <source>milstolpe inom 14 dagar</source>
            <translation>milestone within 14 days</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="77" />
            <source>väntar på samordning</source>
            <translation>awaiting coordination</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="78" />
            <source>väntar på beslut om rätt till ersättning</source>
            <translation>awaiting decision on benefit entitlement</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="79" />
            <source>passerat dag 181 utan ÖS-ställningstagande</source>
            <translation>past day 181 without ÖS assessment (ÖS: return to employer expected)</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="145" />
            <source>Sök namn, ärende, arbetsgivare eller impulstext (/)</source>
            <translation>Search name, case, employer or impulse text (/)</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="147" />
            <source>Sök i ärendestocken</source>
            <translation>Search the caseload</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="157" />
            <source>Sparade vyer</source>
            <translation>Saved views</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="163" />
            <source>Sparade &amp;vyer:</source>
            <translation>&amp;Saved views:</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="165" />
            <source>Spara vy…</source>
            <translation>Save view…</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="166" />
            <source>Spara nuvarande filter som vy</source>
            <translation>Save the current filter as a view</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="170" />
            <source>Antal ärenden som visas</source>
            <translation>Number of cases shown</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="176" />
            <source>Ärendestock</source>
            <translation>Caseload</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="343" />
            <source>Välj vy…</source>
            <translation>Choose view…</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="377" />
            <source>Spara vy</source>
            <translation>Save view</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="378" />
            <source>Namn på vyn (fas, läge och sökning sparas):</source>
            <translation>Name of the view (phase, status and search are saved):</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="388" />
            <source>Fasen 'ingen kedja' kan inte sparas i en vy; vyn sparas utan fas.</source>
            <translation>The phase 'no chain' cannot be saved in a view; the view is saved without a phase.</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="463" />
            <source>i teamet</source>
            <translation>in the team</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="464" />
            <source>Visar {shown} av {total} ärenden</source>
            <translation>Showing {shown} of {total} cases</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="468" />
            <source>ingen pågående kedja</source>
            <translation>no ongoing chain</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="470" />
            <source>dag {phase}</source>
            <translation>day {phase}</translation>
        </message>
        <message>
            <location filename="../../ui/views/stock.py" line="474" />
            <source>sökning ”{text}”</source>
            <translation>search “{text}”</translation>
        </message>
    </context>
    <context>
        <name>TeamModel</name>
        <message>
            <location filename="../../ui/models/team_model.py" line="23" />
            <source>Sign.</source>
            <translation>Sig.</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="24" />
            <source>Ärenden</source>
            <translation>Cases</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="25" />
            <source>Belast-
ning</source>
            <translation>Load</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="26" />
            <source>Impulser</source>
            <translation>Impulses</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="27" />
            <source>Äldsta
(dagar)</source>
            <translation>Oldest
(days)</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="29" />
            <source>Försenade
bev.</source>
            <translation>Overdue
follow-ups</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="30" />
            <source>Milst.
14 d</source>
            <translation>Milestones
14 d</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="31" />
            <source>Milst.
28 d</source>
            <translation>Milestones
28 d</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="32" />
            <source>Väntar
samordn.</source>
            <translation>Awaiting
coord.</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="34" />
            <source>Ej kontakt
60+ d</source>
            <translation>No contact
60+ d</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="35" />
            <source>181 utan
ÖS</source>
            <translation>Past 181
no ÖS</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="37" />
            <source>Frånvaro</source>
            <translation>Absence</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="41" />
            <source>Handläggarens signatur</source>
            <translation>Caseworker's signature</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="42" />
            <source>Aktiva ärenden</source>
            <translation>Active cases</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="43" />
            <source>Viktad belastning</source>
            <translation>Weighted load</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="44" />
            <source>Obehandlade impulser</source>
            <translation>Unhandled impulses</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="45" />
            <source>Äldsta obehandlade impuls, dagar</source>
            <translation>Oldest unhandled impulse, days</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="46" />
            <source>Försenade bevakningar</source>
            <translation>Overdue follow-ups</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="47" />
            <source>Milstolpar inom 14 dagar</source>
            <translation>Milestones within 14 days</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="48" />
            <source>Milstolpar inom 28 dagar</source>
            <translation>Milestones within 28 days</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="49" />
            <source>Väntar på samordning</source>
            <translation>Awaiting coordination</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="50" />
            <source>Ingen kontakt på 60 dagar eller mer</source>
            <translation>No contact for 60 days or more</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="51" />
            <source>Efter dag 181 utan ÖS-ställningstagande</source>
            <translation>Past day 181 without ÖS assessment</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="54" />
            <source>Frånvarande till och med, täcks av</source>
            <translation>Absent up to and including, covered by</translation>
        </message>
        <message>
            <location filename="../../ui/models/team_model.py" line="150" />
            <source>t.o.m. {day}, {who}</source>
            <translation>until {day}, {who}</translation>
        </message>
        <message>
            <source>Utan handläggare</source>
            <translatorcomment>Not extracted by lupdate: ui/models/team_model.py translates the name app/team.py gives this row (UNASSIGNED_SV) with QCoreApplication.translate in this context.</translatorcomment>
            <translation>Unassigned</translation>
        </message>
        <message>
            <source>Totalt</source>
            <translatorcomment>Not extracted by lupdate: ui/models/team_model.py translates the name app/team.py gives this row (TOTALS_SV) with QCoreApplication.translate in this context.</translatorcomment>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>TeamView</name>
        <message>
            <location filename="../../ui/views/team.py" line="61" />
            <source>Teamets läge</source>
            <translation>Team status</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="62" />
            <source>Markera &amp;frånvaro…</source>
            <translation>Mark &amp;absence…</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="63" />
            <source>Markera frånvaro och vem som täcker</source>
            <translation>Mark absence and who covers</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="65" />
            <source>&amp;Jämna ut…</source>
            <translation>&amp;Balance…</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="66" />
            <source>Förslag på jämnare fördelning</source>
            <translation>Proposal for a more even distribution</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="69" />
            <source>Arbetsgivare…</source>
            <translation>Employer…</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="70" />
            <source>Sök arbetsgivare</source>
            <translation>Search employer</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="78" />
            <source>Teamtabell</source>
            <translation>Team table</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="115" />
            <source>Dubbelklicka eller tryck Enter på en siffra för att se ärendena bakom den.</source>
            <translation>Double-click a figure or press Enter on it to see the cases behind it.</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="139" />
            <source>Räknar fram teamets läge…</source>
            <translation>Working out the team's status…</translation>
        </message>
        <message>
            <location filename="../../ui/views/team.py" line="159" />
            <source>{n} handläggare · {c} öppna ärenden · belastning {w}</source>
            <translation>{n} caseworkers · {c} open cases · load {w}</translation>
        </message>
        <message>
            <source>Handläggarens signatur</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Caseworker's signature</translation>
        </message>
        <message>
            <source>Aktiva ärenden</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Active cases</translation>
        </message>
        <message>
            <source>Viktad belastning</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Weighted load</translation>
        </message>
        <message>
            <source>Obehandlade impulser</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Unhandled impulses</translation>
        </message>
        <message>
            <source>Äldsta obehandlade impuls, dagar</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Oldest unhandled impulse, days</translation>
        </message>
        <message>
            <source>Försenade bevakningar</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Overdue follow-ups</translation>
        </message>
        <message>
            <source>Milstolpar inom 14 dagar</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Milestones within 14 days</translation>
        </message>
        <message>
            <source>Milstolpar inom 28 dagar</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Milestones within 28 days</translation>
        </message>
        <message>
            <source>Väntar på samordning</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Awaiting coordination</translation>
        </message>
        <message>
            <source>Ingen kontakt på 60 dagar eller mer</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>No contact for 60 days or more</translation>
        </message>
        <message>
            <source>Efter dag 181 utan ÖS-ställningstagande</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Past day 181 without ÖS assessment</translation>
        </message>
        <message>
            <source>Frånvarande till och med, täcks av</source>
            <translatorcomment>Copy of the TeamModel entry: ui/views/team.py passes a value from TOOLTIPS (ui/models/team_model.py) to self.tr() for the title of the cases dialog.</translatorcomment>
            <translation>Absent up to and including, covered by</translation>
        </message>
    </context>
    <context>
        <name>TodayModel</name>
        <message>
            <location filename="../../ui/models/today_model.py" line="29" />
            <source>Ärende</source>
            <translation>Case</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="30" />
            <source>Kedjan</source>
            <translation>Chain</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="31" />
            <source>Nästa milstolpe</source>
            <translation>Next milestone</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="32" />
            <source>Poäng</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="33" />
            <source>Främsta skäl</source>
            <translation>Main reason</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="194" />
            <source>Planerat i dag (%1)</source>
            <translation>Planned for today (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="195" />
            <source>Prioriterat (%1 av %2 öppna ärenden)</source>
            <translation>Prioritised (%1 of %2 open cases)</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="196" />
            <source>Inget planerat i dag – tryck P på ett ärende för att planera det.</source>
            <translation>Nothing planned for today – press P on a case to plan it.</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="326" />
            <source>Inga fler milstolpar i kedjan</source>
            <translation>No more milestones in the chain</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="330" />
            <source>Planerat till %1</source>
            <translation>Planned for %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/today_model.py" line="334" />
            <source>Tryck W för att se alla bidrag till poängen</source>
            <translation>Press W to see everything that adds to the score</translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message>
            <location filename="../../ui/views/today.py" line="83" />
            <source>Var&amp;för?</source>
            <translation>&amp;Why?</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="84" />
            <source>Varför? Visa alla bidrag till prioriteten</source>
            <translation>Why? Show everything that adds to the priority</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="85" />
            <source>Alla bidrag till ärendets poäng (W)</source>
            <translation>Everything that adds to the case's score (W)</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="87" />
            <source>&amp;Planera till…</source>
            <translation>&amp;Plan for…</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="88" />
            <source>Planera ärendet till en annan dag</source>
            <translation>Plan the case for another day</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="89" />
            <source>Lägg ärendet i en annan dags planerade lista (P)</source>
            <translation>Put the case in another day's planned list (P)</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="101" />
            <source>Dagens ärenden: planerade och prioriterade</source>
            <translation>Today's cases: planned and prioritised</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="204" />
            <source>Dagens lista kunde inte läsas: %1</source>
            <translation>Today's list could not be read: %1</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="283" />
            <source>Planeringen för %1 är borttagen.</source>
            <translation>The plan for %1 has been removed.</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="286" />
            <source>%1 är planerat till %2.</source>
            <translation>%1 is planned for %2.</translation>
        </message>
        <message>
            <location filename="../../ui/views/today.py" line="295" />
            <source>Ärendet kunde inte planeras: %1</source>
            <translation>The case could not be planned: %1</translation>
        </message>
        <message>
            <source>Idag</source>
            <translatorcomment>Not extracted by lupdate: the tr() call sits inside an f-string in ui/views/today.py.</translatorcomment>
            <translation>Today</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="81" />
            <source>&amp;Ångra</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="82" />
            <source>Ångra borttagningen</source>
            <translation>Undo the removal</translation>
        </message>
        <message>
            <location filename="../../ui/views/follow_ups.py" line="98" />
            <source>Bevakningen på %1 är borttagen.</source>
            <translation>The follow-up on %1 has been removed.</translation>
        </message>
    </context>
    <context>
        <name>WhyDialog</name>
        <message>
            <location filename="../../ui/dialogs/why.py" line="46" />
            <source>Varför? – %1</source>
            <translation>Why? – %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="51" />
            <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Poäng i dag: &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Score today: &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="58" />
            <source>Bidrag till prioriteten</source>
            <translation>Contributions to the priority</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="59" />
            <source>Poäng</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="59" />
            <source>Skäl</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="76" />
            <location filename="../../ui/dialogs/why.py" line="77" />
            <source>Stäng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="97" />
            <source>Dämpning: %1</source>
            <translation>Dampening: %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="111" />
            <source>Inga bidrag: inget i ärendet kräver uppmärksamhet i dag.</source>
            <translation>No contributions: nothing in the case needs attention today.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="114" />
            <source>Summan av bidragen är negativ; poängen blir aldrig lägre än 0.</source>
            <translation>The contributions add up to less than 0; the score is never lower than 0.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/why.py" line="115" />
            <source>Poängen är summan av bidragen (avrundad).</source>
            <translation>The score is the sum of the contributions (rounded).</translation>
        </message>
    </context>
    <context>
        <name>_TaskDialog</name>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="54" />
            <source>Felmeddelande</source>
            <translation>Error message</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/team_actions.py" line="59" />
            <source>Avbryt</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Säkerhetskopior</source>
            <translation>Backups</translation>
        </message>
        <message>
            <source>Tagen</source>
            <translation>Taken</translation>
        </message>
        <message>
            <source>Varför</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Storlek</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Säkerhetskopior, nyaste först</source>
            <translation>Backups, newest first</translation>
        </message>
        <message>
            <source>Säkerhetskopiorna ligger i mappen backups bredvid databasen.</source>
            <translation>The backups are in the backups folder next to the database.</translation>
        </message>
        <message>
            <source>Ta säkerhetskopia &amp;nu</source>
            <translation>Back up &amp;now</translation>
        </message>
        <message>
            <source>&amp;Återställ vald…</source>
            <translation>&amp;Restore selected…</translation>
        </message>
        <message>
            <source>manuell</source>
            <translation>manual</translation>
        </message>
        <message>
            <source>daglig</source>
            <translation>daily</translation>
        </message>
        <message>
            <source>före uppgradering</source>
            <translation>before upgrade</translation>
        </message>
        <message>
            <source>före import</source>
            <translation>before import</translation>
        </message>
        <message>
            <source>före återställning</source>
            <translation>before restore</translation>
        </message>
        <message>
            <source>Säkerhetskopia tagen: %1</source>
            <translation>Backup taken: %1</translation>
        </message>
        <message>
            <source>Återställ säkerhetskopia</source>
            <translation>Restore backup</translation>
        </message>
        <message>
            <source>Återställa databasen till säkerhetskopian från %1?

Det som gjorts efter den försvinner ur databasen, men nuvarande läge sparas först som en egen säkerhetskopia.</source>
            <translation>Restore the database to the backup from %1?

What was done after it disappears from the database, but the current state is first saved as a backup of its own.</translation>
        </message>
        <message>
            <source>Återställd från %1. Läget före finns i %2.</source>
            <translation>Restored from %1. The state before is in %2.</translation>
        </message>
    </context>
    <context>
        <name>CrashHandler</name>
        <message>
            <source>Ett oväntat fel</source>
            <translation>An unexpected error</translation>
        </message>
        <message>
            <source>Något gick fel ({kind}). Det du redan sparat finns kvar, och Överblick fortsätter. Händer det igen: starta om programmet och skicka loggfilen till supporten:
{log}</source>
            <translation>Something went wrong ({kind}). What you have saved is kept, and Överblick carries on. If it happens again, restart the program and send the log file to support:
{log}</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Återställ %1</source>
            <translation>Restore %1</translation>
        </message>
    </context>
    <context>
        <name>EditUndo</name>
        <message>
            <location filename="../../ui/undo.py" line="74" />
            <source>Ångrat i {case}: {what}</source>
            <translation>Undone in {case}: {what}</translation>
        </message>
        <message>
            <location filename="../../ui/undo.py" line="81" />
            <source>Det gick inte att ångra. Försök igen.</source>
            <translation>Could not undo. Try again.</translation>
        </message>
    </context>
    <context>
        <name>UndoNotice</name>
        <message>
            <location filename="../../ui/undo.py" line="98" />
            <source>Senaste ändringen</source>
            <translation>Latest change</translation>
        </message>
        <message>
            <location filename="../../ui/undo.py" line="2" />
            <source>Ångra</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../ui/undo.py" line="99" />
            <source>Ångra senaste ändringen</source>
            <translation>Undo the latest change</translation>
        </message>
        <message>
            <location filename="../../ui/undo.py" line="115" />
            <source>Ångra: {what} (Ctrl+Z)</source>
            <translation>Undo: {what} (Ctrl+Z)</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <location filename="../../ui/sync_status.py" line="49" />
            <source>Teamservern</source>
            <translation>Team server</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="50" />
            <source>Visa</source>
            <translation>Show</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="50" />
            <source>Visa de nekade ändringarna</source>
            <translation>Show the refused changes</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="103" />
            <source>Synkar…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="144" />
            <source>Servern nekade 1 ändring –</source>
            <translation>The server refused 1 change –</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="146" />
            <source>Servern nekade {n} ändringar –</source>
            <translation>The server refused {n} changes –</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="150" />
            <source>1 ändring väntar (offline)</source>
            <translation>1 change waiting (offline)</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="152" />
            <source>{n} ändringar väntar (offline)</source>
            <translation>{n} changes waiting (offline)</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="154" />
            <source>Offline: servern svarar inte</source>
            <translation>Offline: the server does not answer</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="163" />
            <source>Synkad {when}</source>
            <translation>Synced {when}</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="165" />
            <source>Inte synkad än</source>
            <translation>Not synced yet</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="175" />
            <source>Nekade ändringar</source>
            <translation>Refused changes</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="177" />
            <source>Servern nekade de här ändringarna. De finns kvar på den här datorn men skickas inte igen:</source>
            <translation>The server refused these changes. They stay on this computer but are not sent again:</translation>
        </message>
    </context>
</TS>
