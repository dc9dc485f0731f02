"""Handover commands: ``handover`` (the note, a departing caseworker's whole stock, the
colleagues to offer), ``intake`` (the received cases to go through), ``caseworker`` (a
caseworker's unit and how to reach them) and ``units`` (the unit table)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from app.base.i18n import _
from app.cli.common import (
    ID,
    as_option,
    caseworker_of,
    command,
    emit_json,
    group,
    json_option,
    on_option,
    pass_ctx,
)


@group("handover", help=_("Överlämning: anteckningen som följer ärendet, och hela stockar."))
def handover() -> None:
    pass


@handover.command(
    "note",
    help=_(
        "Överlämningsanteckningar för ett ärende, och sammanfattningen en överlämning skulle "
        "få i dag (förifylld anteckning)."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@json_option
@pass_ctx
def handover_note(ctx: Any, case_id: str, as_json: bool) -> None:
    from app.case.handover import handover_notes, preview_summary, summary_lines

    conn = ctx.conn(check=False)
    summary = preview_summary(conn, case_id, ctx.clock)
    notes = handover_notes(conn, case_id)
    if as_json:
        emit_json(
            {
                "case_id": case_id,
                "summary_now": summary,
                "summary_now_text": summary_lines(summary),
                "handovers": [n.as_json() for n in notes],
            }
        )
        return
    click.echo(_("{case_id}: sammanfattning i dag").format(case_id=case_id))
    for line in summary_lines(summary):
        click.echo(f"  {line}")
    for n in notes:
        click.echo("")
        click.echo(
            _("Överlämnat {at} av {by}: {source} → {target} ({reason})").format(
                at=n.at[:10], by=n.by or "–", source=n.from_caseworker or "–",
                target=n.to_caseworker or "–", reason=n.reason or "–",
            )
        )  # fmt: skip
        if n.from_unit and n.to_unit and n.from_unit != n.to_unit:
            click.echo(_("  Byter enhet: {source} → {target}").format(
                source=n.from_unit, target=n.to_unit))  # fmt: skip
        if n.note:
            click.echo(_("  Anteckning: {note}").format(note=n.note))
        for line in summary_lines(n.summary):
            click.echo(f"  {line}")


def _by_hand(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        case_ref, sep, who = value.partition("=")
        if not sep or not case_ref.strip() or not who.strip():
            raise click.BadParameter(
                _("'{value}' ska skrivas ÄRENDE=SIGNATUR").format(value=value),
                param_hint="--assign",
            )
        out[case_ref.strip()] = who.strip()
    return out


@handover.command(
    "stock",
    help=_(
        "Fördela en handläggares hela stock på namngivna kollegor (gruppchef): förslag efter "
        "belastning, eller för hand med --assign; varje ärende får sin överlämningsanteckning."
    ),
)
@click.argument("from_caseworker", metavar=_("SIGNATUR"))
@click.option("--to", "to", multiple=True, required=True, metavar=_("SIGNATUR"),
              help=_("En kollega som tar emot ärenden; kan upprepas."))  # fmt: skip
@click.option("--assign", "assign", multiple=True, metavar=_("ÄRENDE=SIGNATUR"),
              help=_("Lägg ett ärende hos en av kollegorna för hand; kan upprepas."))  # fmt: skip
@click.option("--reason", required=True, help=_("Skälet, skrivs i varje ärendes händelselogg."))
@click.option(
    "--note",
    default=None,
    help=_("Överlämningsanteckning med egna ord (krävs när ett ärende byter enhet)."),
)
@click.option("--yes", "-y", "yes", is_flag=True, help=_("Fråga inte om bekräftelse."))
@as_option
@on_option
@json_option
@pass_ctx
def handover_stock(
    ctx: Any, from_caseworker: str, to: tuple[str, ...], assign: tuple[str, ...], reason: str,
    note: str | None, yes: bool, as_: str | None, on: date | None, as_json: bool,
) -> None:  # fmt: skip
    from app.cli.backup import _confirm
    from app.cli.output import counted
    from app.team.reassign import require_lead
    from app.team.spread import apply_spread, propose_spread

    conn = ctx.conn()
    actor = caseworker_of(ctx, as_)
    require_lead(actor)
    plan = propose_spread(conn, from_caseworker, list(to), ctx.on(on), by_hand=_by_hand(assign))
    if as_json and not yes:
        emit_json(plan.as_json() | {"applied": False, "moved": 0})
        return
    if not as_json:
        click.echo(
            _("{source} lämnar {cases}:").format(
                source=from_caseworker,
                cases=counted(len(plan.moves), "{n} öppet ärende", "{n} öppna ärenden"),
            )
        )
        for who, n in plan.counts().items():
            click.echo(
                _("  {who}: {cases} (belastning {before} → {after})").format(
                    who=who, cases=counted(n, "{n} ärende", "{n} ärenden"),
                    before=f"{plan.before[who]:.1f}", after=f"{plan.after[who]:.1f}",
                )
            )  # fmt: skip
        for m in plan.moves:
            how = _("för hand") if m.by_hand else _("förslag")
            other = _(", annan enhet") if m.other_unit else ""
            click.echo(f"    {m.case_ref:<16} → {m.to}  ({how}{other})")
    if not plan.moves:
        if as_json:
            emit_json(plan.as_json() | {"applied": True, "moved": 0})
        return
    if not yes:
        _confirm(_("Flytta alla ärenden så här?"))
    moved = apply_spread(conn, plan, reason, actor, ctx.clock_on(on), note=note)
    if as_json:
        emit_json(plan.as_json() | {"applied": True, "moved": moved})
        return
    click.echo(counted(moved, "{n} ärende flyttades.", "{n} ärenden flyttades."))


@handover.command(
    "colleagues",
    help=_("Kollegor att lämna ett ärende till: samma enhet först, de frånvarande sist."),
)
@click.argument("case_id", required=False, metavar=_("ÄRENDE"))
@click.option("--for", "for_", default=None, metavar=_("SIGNATUR"),
              help=_("I stället för ett ärende: kollegor till den här handläggaren."))  # fmt: skip
@on_option
@json_option
@pass_ctx
def handover_colleagues(
    ctx: Any, case_id: str | None, for_: str | None, on: date | None, as_json: bool
) -> None:
    from app.team.colleagues import colleagues_for

    if (case_id is None) == (for_ is None):
        raise click.UsageError(_("Ange antingen ett ärende eller --for SIGNATUR."))
    unit, found = colleagues_for(ctx.conn(check=False), ctx.on(on), case_ref=case_id,
                                 caseworker=for_)  # fmt: skip
    if as_json:
        emit_json({"unit": unit, "colleagues": [c.as_json() for c in found]})
        return
    click.echo(_("Enhet: {unit}").format(unit=unit or _("okänd")))
    for c in found:
        marks = []
        if c.same_unit:
            marks.append(_("samma enhet"))
        elif c.unit:
            marks.append(c.unit)
        if c.away:
            marks.append(_("frånvarande"))
        click.echo(
            _("  {who:<10} {cases:>4} öppna  {marks}").format(
                who=c.ext_id, cases=c.open_cases, marks=", ".join(marks)
            )
        )


@group(
    "intake",
    invoke_without_command=True,
    help=_(
        "Mottagna ärenden att gå igenom: de ligger överst i Idag tills varje impuls har fått "
        "ett utfall eller förts över."
    ),
)
@as_option
@json_option
@click.pass_context
def intake(click_ctx: click.Context, as_: str | None, as_json: bool) -> None:
    click_ctx.meta["overblick.as"] = as_
    if click_ctx.invoked_subcommand is not None:
        return
    from app.case.handover import open_reviews
    from app.cli.output import counted
    from app.priority.profile import resolve_caseworker

    ctx = click_ctx.obj
    conn = ctx.conn(check=False)
    reviews = open_reviews(conn, resolve_caseworker(conn, as_))
    if as_json:
        emit_json({"reviews": [r.as_json() for r in reviews]})
        return
    if not reviews:
        click.echo(_("Inga mottagna ärenden att gå igenom."))
    for r in reviews:
        source = r.handover.from_caseworker if r.handover else None
        click.echo(
            _("  {case_ref:<16} från {source:<8} {impulses}, {follow_ups}").format(
                case_ref=r.case_ref, source=source or "–",
                impulses=counted(len(r.remaining), "{n} impuls kvar", "{n} impulser kvar"),
                follow_ups=counted(len(r.follow_ups), "{n} öppen bevakning",
                                   "{n} öppna bevakningar"),
            )
        )  # fmt: skip


def _intake_actor(click_ctx: click.Context, as_: str | None) -> Any:
    from app.priority.profile import resolve_caseworker

    return resolve_caseworker(
        click_ctx.obj.conn(), as_ or click_ctx.parent.meta.get("overblick.as")
    )  # type: ignore[union-attr]


def _print_review(review: Any) -> None:
    from app.case.handover import summary_lines

    click.echo(_("{case_ref}: genomgång ({state})").format(
        case_ref=review.case_ref, state=review.state))  # fmt: skip
    click.echo(_("  Impulser utan utfall:"))
    if not review.impulses:
        click.echo(_("    inga"))
    for i in review.impulses:
        carried = _(" (förd över)") if i["carried_over"] else ""
        click.echo(f"    #{i['id']:<6} {i['received_at'][:10]}  {i['type_label']}{carried}")
    click.echo(_("  Öppna bevakningar:"))
    if not review.follow_ups:
        click.echo(_("    inga"))
    for f in review.follow_ups:
        click.echo(f"    #{f['id']:<6} {f['due_at'][:10]}  {f['kind_label']}")
    if review.handover is not None:
        h = review.handover
        click.echo(_("  Överlämnat av {by} från {source}: {reason}").format(
            by=h.by or "–", source=h.from_caseworker or "–", reason=h.reason or "–"))  # fmt: skip
        if h.note:
            click.echo(_("  Anteckning: {note}").format(note=h.note))
        for line in summary_lines(h.summary):
            click.echo(f"    {line}")


@intake.command(
    "show", help=_("Genomgången av ett mottaget ärende: impulser och bevakningar först.")
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@json_option
@click.pass_context
def intake_show(click_ctx: click.Context, case_id: str, as_json: bool) -> None:
    from app.case.handover import review_of

    review = review_of(click_ctx.obj.conn(check=False), case_id)
    if as_json or click_ctx.parent.params.get("as_json"):  # type: ignore[union-attr]
        emit_json(review.as_json())
        return
    _print_review(review)


@intake.command(
    "carry",
    help=_("För över impulser: du har sett dem och behåller dem öppna (räknas som genomgångna)."),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.argument("ids", nargs=-1, required=True, type=ID, metavar=_("ID..."))
@click.option("--note", default=None, help=_("Varför impulsen får vänta."))
@as_option
@click.pass_context
def intake_carry(
    click_ctx: click.Context, case_id: str, ids: tuple[int, ...], note: str | None,
    as_: str | None,
) -> None:  # fmt: skip
    from app.case.handover import carry_over
    from app.cli.output import counted

    me = _intake_actor(click_ctx, as_)
    n = carry_over(click_ctx.obj.conn(), case_id, list(ids), note or "", me, click_ctx.obj.clock)
    click.echo(
        _("{case_id}: {what}.").format(
            case_id=case_id,
            what=counted(n, "{n} impuls förd över", "{n} impulser förda över"),
        )
    )


@intake.command(
    "done", help=_("Markera genomgången klar (när varje impuls har utfall eller förts över).")
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@as_option
@click.pass_context
def intake_done(click_ctx: click.Context, case_id: str, as_: str | None) -> None:
    from app.case.handover import complete_review

    me = _intake_actor(click_ctx, as_)
    complete_review(click_ctx.obj.conn(), case_id, me, click_ctx.obj.clock)
    click.echo(_("{case_id}: genomgången är klar.").format(case_id=case_id))


@command(
    "caseworker",
    help=_(
        "En handläggares enhet och hur hen nås (telefon, e-post); visas i ärendena medan "
        "hen är frånvarande."
    ),
)
@click.argument("signature", metavar=_("SIGNATUR"))
@click.option("--unit", default=None, help=_("Enhet (namn eller alias; tomt tar bort)."))
@click.option("--phone", default=None, help=_("Telefonnummer (tomt tar bort)."))
@click.option("--email", default=None, help=_("E-post (tomt tar bort)."))
@as_option
@json_option
@pass_ctx
def caseworker_cmd(
    ctx: Any, signature: str, unit: str | None, phone: str | None, email: str | None,
    as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.team.colleagues import set_contact_details

    conn = ctx.conn()
    actor = caseworker_of(ctx, as_) if (unit, phone, email) != (None, None, None) else None
    if actor is None:
        from app.priority.profile import Caseworker

        actor = Caseworker(0, signature, "", "caseworker", None)  # reading only
    found = set_contact_details(conn, signature, actor, unit=unit, phone=phone, email=email)
    if as_json:
        emit_json(found)
        return
    click.echo(
        _("{caseworker}: enhet {unit}, telefon {phone}, e-post {email}").format(
            caseworker=found["caseworker"], unit=found["unit"] or "–",
            phone=found["phone"] or "–", email=found["email"] or "–",
        )
    )  # fmt: skip


@command("units", help=_("Enheterna och deras andra namn (resources/rules/units.toml)."))
@json_option
def units_cmd(as_json: bool) -> None:
    from app.chain.casework_rules import unit_rules

    rules = unit_rules()
    if as_json:
        emit_json({"version": rules.version, "units": [u.as_json() for u in rules.units]})
        return
    for u in rules.units:
        aliases = ", ".join(u.aliases)
        click.echo(f"{u.key:<16} {u.name:<24} {aliases}")
