"""Service-duty commands: ``benefits`` ("Andra förmåner": hints, outcomes, marks), ``case``
(the NFA refusal, the meeting offered with Arbetsförmedlingen, closing, who answers for
the case today) and ``referral`` (to another actor, with a follow-up to check it)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from app.base.i18n import _, label
from app.cli.common import (
    DATE,
    ID,
    as_option,
    caseworker_of,
    emit_json,
    group,
    json_option,
    on_option,
    pass_ctx,
)


def _hint_line(h: Any) -> str:
    from app.case.benefits import CHANNEL_SV, OUTCOME_SV

    if h.outcome is None:
        state = _("öppen")
    elif h.outcome == "informed":
        state = _("{outcome} {date} via {channel}").format(
            outcome=label(OUTCOME_SV, h.outcome), date=h.informed_on,
            channel=label(CHANNEL_SV, h.channel or ""),
        )  # fmt: skip
    else:
        state = _("{outcome}: {reason}").format(
            outcome=label(OUTCOME_SV, h.outcome), reason=h.outcome_note or ""
        )
    return f"  #{h.id:<5} {h.case_ref:<16} {h.label:<40} {state}"


@group(
    "benefits",
    invoke_without_command=True,
    help=_(
        "Andra förmåner: signaler om att en annan förmån kan vara aktuell. Utan kommando: "
        "dina öppna signaler (eller ett ärendes med --case)."
    ),
)
@click.option("--case", "case_ref", default=None, metavar=_("ÄRENDE"), help=_("Bara ett ärende."))
@as_option
@json_option
@click.pass_context
def benefits(
    click_ctx: click.Context, case_ref: str | None, as_: str | None, as_json: bool
) -> None:
    click_ctx.meta["overblick.as"] = as_
    if click_ctx.invoked_subcommand is not None:
        return
    from app.case.benefits import hints_for, open_hints

    ctx = click_ctx.obj
    conn = ctx.conn(check=False)
    hints = (
        hints_for(conn, case_ref)
        if case_ref
        else open_hints(conn, caseworker_of(ctx, as_, check=False))
    )
    if as_json:
        emit_json({"hints": [h.as_json() for h in hints]})
        return
    if not hints:
        click.echo(_("Inga signaler om andra förmåner."))
    for h in hints:
        click.echo(_hint_line(h))
        if h.outcome is None:
            click.echo(f"         {h.reason_text}")


@benefits.command(
    "scan", help=_("Gå igenom öppna ärenden och ta upp de signaler som gäller (görs dagligen).")
)
@on_option
@json_option
@pass_ctx
def benefits_scan(ctx: Any, on: date | None, as_json: bool) -> None:
    from app.case.benefits import scan
    from app.cli.output import counted

    result = scan(ctx.conn(), ctx.on(on), ctx.clock_on(on))
    if as_json:
        emit_json(result.as_json())
        return
    click.echo(
        _("{cases} genomgångna: {hints}.").format(
            cases=counted(result.cases, "{n} ärende", "{n} ärenden"),
            hints=counted(len(result.raised), "{n} ny signal", "{n} nya signaler"),
        )
    )


@benefits.command("informed", help=_("Den försäkrade är informerad om förmånen: datum och kanal."))
@click.argument("hint_id", type=ID, metavar=_("ID"))
@click.option("--on", "on", type=DATE, required=True, help=_("Dagen den försäkrade informerades."))
@click.option(
    "--channel", required=True,
    type=click.Choice(["phone", "letter", "meeting", "digital", "sms"]),
    help=_("Kanal: phone (telefon), letter (brev), meeting (möte), digital, sms."),
)  # fmt: skip
@as_option
@json_option
@pass_ctx
def benefits_informed(
    ctx: Any, hint_id: int, on: date, channel: str, as_: str | None, as_json: bool
) -> None:
    from app.case.benefits import record_hint_outcome

    hint = record_hint_outcome(
        ctx.conn(),
        hint_id,
        "informed",
        caseworker_of(ctx, as_),
        ctx.clock,
        informed_on=on,
        channel=channel,
    )
    if as_json:
        emit_json(hint.as_json())
        return
    click.echo(_hint_line(hint))


@benefits.command("not-relevant", help=_("Förmånen är inte aktuell: skriv varför."))
@click.argument("hint_id", type=ID, metavar=_("ID"))
@click.option("--reason", required=True, help=_("Varför förmånen inte är aktuell."))
@as_option
@json_option
@pass_ctx
def benefits_not_relevant(
    ctx: Any, hint_id: int, reason: str, as_: str | None, as_json: bool
) -> None:
    from app.case.benefits import record_hint_outcome

    hint = record_hint_outcome(
        ctx.conn(), hint_id, "not_relevant", caseworker_of(ctx, as_), ctx.clock, reason=reason
    )
    if as_json:
        emit_json(hint.as_json())
        return
    click.echo(_hint_line(hint))


@benefits.command(
    "marks",
    help=_(
        "Markeringar på ett ärende som väcker signaler (t.ex. work_injury, pregnant); utan "
        "--add/--remove visas de och vilka som finns."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option("--add", "add", multiple=True, metavar=_("MARKERING"), help=_("Lägg till."))
@click.option("--remove", "remove", multiple=True, metavar=_("MARKERING"), help=_("Ta bort."))
@as_option
@json_option
@pass_ctx
def benefits_marks(
    ctx: Any, case_id: str, add: tuple[str, ...], remove: tuple[str, ...], as_: str | None,
    as_json: bool,
) -> None:  # fmt: skip
    from app.case.benefits import marks_of, set_marks
    from app.chain.casework_rules import benefit_rules
    from app.stock.facts import case_row

    rules = benefit_rules()
    raised: list[dict[str, Any]] = []
    if add or remove:
        marks, result = set_marks(
            ctx.conn(), case_id, add, remove, caseworker_of(ctx, as_), ctx.clock
        )
        raised = result.raised
    else:
        marks = marks_of(case_row(ctx.conn(check=False), case_id)["benefit_marks"])
    if as_json:
        emit_json({"case_id": case_id, "marks": marks, "known": sorted(rules.marks),
                   "raised": raised})  # fmt: skip
        return
    shown = ", ".join(rules.mark_label(m) for m in marks) or _("inga")
    click.echo(_("{case_id}: markeringar: {marks}").format(case_id=case_id, marks=shown))
    for r in raised:
        found = rules.by_key(r["benefit"])
        click.echo(_("  Ny signal #{id}: {benefit}").format(
            id=r["hint_id"], benefit=found.label if found else r["benefit"]))  # fmt: skip
    if not add and not remove:
        click.echo(_("  Finns: {known}").format(known=", ".join(sorted(rules.marks))))


@group(
    "case", help=_("Ett ärende: NFA-avslag, mötet med Arbetsförmedlingen, avslut, vem som svarar.")
)
def case() -> None:
    pass


@case.command(
    "nfa-refusal",
    help=_(
        "Registrera ett NFA-avslag (eller --clear). Ärendet kan inte avslutas förrän mötet med "
        "Arbetsförmedlingen är erbjudet."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option("--on", "on", type=DATE, default=None, help=_("Avslagsdagen (standard: i dag)."))
@click.option("--clear", is_flag=True, help=_("Ta bort ett felregistrerat avslag."))
@as_option
@json_option
@pass_ctx
def case_nfa_refusal(
    ctx: Any, case_id: str, on: date | None, clear: bool, as_: str | None, as_json: bool
) -> None:
    from app.case.closing import record_nfa_refusal

    if clear and on is not None:
        raise click.UsageError(_("Ange antingen --on eller --clear."))
    day = None if clear else (on or ctx.on(None))
    _edit, found = record_nfa_refusal(ctx.conn(), case_id, day, caseworker_of(ctx, as_), ctx.clock)
    raised = found.raised if found else []
    if as_json:
        emit_json({"case_id": case_id, "nfa_refusal_on": day.isoformat() if day else None,
                   "raised": raised})  # fmt: skip
        return
    if day is None:
        click.echo(_("{case_id}: NFA-avslaget borttaget.").format(case_id=case_id))
        return
    click.echo(
        _(
            "{case_id}: NFA-avslag {date}. Erbjud ett möte med Arbetsförmedlingen innan "
            "beslutet lämnar skrivbordet: overblick case af-offer {case_id} accepted|declined."
        ).format(case_id=case_id, date=day.isoformat())
    )
    for r in raised:
        click.echo(_("  Ny signal om annan förmån: #{id} ({benefit}).").format(
            id=r["hint_id"], benefit=r["benefit"]))  # fmt: skip


@case.command(
    "af-offer",
    help=_(
        "Mötet med Arbetsförmedlingen är erbjudet: accepted, eller declined med dagen den "
        "skriftliga informationen skickades."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.argument("answer", type=click.Choice(["accepted", "declined"]), metavar=_("SVAR"))
@click.option(
    "--on", "on", type=DATE, default=None, help=_("Dagen mötet erbjöds (standard: i dag).")
)
@click.option(
    "--written-info-on",
    "written",
    type=DATE,
    default=None,
    help=_("Dagen den skriftliga informationen skickades (krävs vid declined)."),
)
@as_option
@json_option
@pass_ctx
def case_af_offer(
    ctx: Any, case_id: str, answer: str, on: date | None, written: date | None,
    as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.base.model import AF_OFFER_SV
    from app.case.closing import record_af_offer

    day = on or ctx.on(None)
    record_af_offer(ctx.conn(), case_id, answer, day, caseworker_of(ctx, as_), ctx.clock,
                    written_info_on=written)  # fmt: skip
    if as_json:
        emit_json({"case_id": case_id, "af_offer": answer, "af_offer_on": day.isoformat(),
                   "af_written_info_on": written.isoformat() if written else None})  # fmt: skip
        return
    click.echo(
        _("{case_id}: {answer} ({date}).").format(
            case_id=case_id, answer=label(AF_OFFER_SV, answer), date=day.isoformat()
        )
    )


@case.command("close", help=_("Avsluta ärendet (inte med ett NFA-avslag utan erbjudet AF-möte)."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option("--on", "on", type=DATE, default=None, help=_("Avslutsdagen (standard: i dag)."))
@as_option
@pass_ctx
def case_close(ctx: Any, case_id: str, on: date | None, as_: str | None) -> None:
    from app.case.closing import close_case

    day = on or ctx.on(None)
    close_case(ctx.conn(), case_id, day, caseworker_of(ctx, as_), ctx.clock)
    click.echo(_("{case_id}: avslutat {date}.").format(case_id=case_id, date=day.isoformat()))


@case.command(
    "reach",
    help=_("Vem svarar för ärendet i dag och hur hen nås (den som täcker under frånvaro)."),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@on_option
@json_option
@pass_ctx
def case_reach(ctx: Any, case_id: str, on: date | None, as_json: bool) -> None:
    from app.team.colleagues import reach_case

    found = reach_case(ctx.conn(check=False), case_id, ctx.on(on))
    if as_json:
        emit_json(found.as_json())
        return
    click.echo(found.text_sv())


@group(
    "referral", help=_("Hänvisningar till andra aktörer, med en bevakning som kontrollerar dem.")
)
def referral() -> None:
    pass


@referral.command(
    "add",
    help=_(
        "Registrera en hänvisning; en bevakning kontrollerar efter 14 dagar (eller "
        "--check-after) att kontakten blev av."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option("--to", "actor", required=True, metavar=_("AKTÖR"),
              help=_("af, healthcare, occupational_health, employer, social_services, "
                     "rehab_coordinator eller other."))  # fmt: skip
@click.option("--on", "on", type=DATE, default=None, help=_("Hänvisningsdagen (standard: i dag)."))
@click.option("--check-after", "days", type=click.IntRange(1, 365), default=None,
              help=_("Dagar till kontrollen."))  # fmt: skip
@click.option("--note", default=None, help=_("Vart och varför."))
@as_option
@json_option
@pass_ctx
def referral_add(
    ctx: Any, case_id: str, actor: str, on: date | None, days: int | None, note: str | None,
    as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.followups.referrals import refer

    me = caseworker_of(ctx, as_)
    found = refer(ctx.conn(), case_id, actor, on or ctx.on(None), me, ctx.clock, note=note,
                  check_after_days=days)  # fmt: skip
    if as_json:
        emit_json(found.as_json())
        return
    data = found.as_json()
    click.echo(
        _("{case_id}: hänvisad till {actor} {date} (dag {day}); bevakning #{follow_up} "
          "kontrollerar att kontakten blev av.").format(
            case_id=case_id, actor=data["actor_label"], date=found.referred_on,
            day=found.chain_day, follow_up=found.follow_up_id,
        )
    )  # fmt: skip


@referral.command("list", help=_("Ett ärendes hänvisningar, nyaste först."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@json_option
@pass_ctx
def referral_list(ctx: Any, case_id: str, as_json: bool) -> None:
    from app.followups.referrals import referrals_for

    found = referrals_for(ctx.conn(check=False), case_id)
    if as_json:
        emit_json({"referrals": [r.as_json() for r in found]})
        return
    if not found:
        click.echo(_("Inga hänvisningar."))
    for r in found:
        data = r.as_json()
        click.echo(
            _("  #{id:<5} {date} (dag {day}) till {actor}, kontroll #{follow_up}: {state}").format(
                id=r.id, date=r.referred_on, day=r.chain_day, actor=data["actor_label"],
                follow_up=r.follow_up_id, state=r.follow_up_state or "–",
            )
        )  # fmt: skip
