"""``overblick impulse``: the Impulser view from the command line — open impulses, and an
outcome for one or many at once under the window's rules (app.inbox.record_outcome: one
transaction, one event per impulse, all or none; "not relevant" needs a note)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from app.base.i18n import _, label
from app.cli.common import ID, as_option, emit_json, group, json_option, on_option, pass_ctx


def _line(item: Any) -> str:
    from app.priority.score import short_date_sv

    what = item.type_sv
    if item.doc_kind:
        what = f"{item.doc_kind_sv}: {what}"
    text = " ".join(item.text.split())
    if item.change:
        text = f"{text} ({item.change})" if text else item.change
    unread = _("oläst") if item.unread else ""
    line = f"#{item.id:<5} {item.case_ref:<16} {short_date_sv(item.received_on):<11} {unread:<6} "
    return (line + what + (f" – {text}" if text else "")).rstrip()


def _as_json(item: Any, on: date) -> dict[str, Any]:
    return {
        "id": item.id,
        "case_id": item.case_ref,
        "type": item.type,
        "type_label": item.type_sv,
        "doc_kind": item.doc_kind,
        "doc_kind_label": item.doc_kind_sv or None,
        "received_at": item.received_at,
        "received_on": item.received_on.isoformat(),
        "age_days": item.age_days(on),
        "unread": item.unread,
        "text": item.text,
        "certificate_change": item.change,
    }


@group("impulse", help=_("Impulser: de obehandlade, och utfall för en eller flera."))
def impulse() -> None:
    pass


@impulse.command(
    "list",
    help=_("Dina obehandlade impulser, som fönstrets Impulser (nyaste först i varje ärende)."),
)
@click.option("--case", "case_ref", default=None, metavar=_("ÄRENDE"), help=_("Bara ett ärende."))
@as_option
@on_option
@json_option
@pass_ctx
def list_(ctx: Any, case_ref: str | None, as_: str | None, on: date | None, as_json: bool) -> None:
    from app.case.inbox import inbox_items
    from app.cli.output import counted
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn(check=False)
    caseworker = resolve_caseworker(conn, as_)
    day = ctx.on(on)
    if case_ref is not None:
        case_ref = _own_case(conn, case_ref, caseworker)
    items = [i for i in inbox_items(conn, caseworker, on=day) if case_ref in (None, i.case_ref)]
    if as_json:
        emit_json(
            {
                "on": day.isoformat(),
                "caseworker": caseworker.ext_id,
                "case_id": case_ref,
                "impulses": [_as_json(i, day) for i in items],
            }
        )
        return
    cases = len({i.case_ref for i in items})
    head = counted(
        len(items),
        "{n} obehandlad impuls",
        "{n} obehandlade impulser",
        none=_("Inga obehandlade impulser"),
    )
    where = ""
    if items and case_ref is None:
        where = " " + counted(cases, "i {n} ärende", "i {n} ärenden")
    click.echo(
        _("{head}{where} för {ext_id}{in_case}.").format(
            head=head,
            where=where,
            ext_id=caseworker.ext_id,
            in_case=_(" i {case}").format(case=case_ref) if case_ref else "",
        )
    )
    for item in items:
        click.echo(_line(item))
    if items:
        click.echo(
            _(
                "Registrera utfall med: overblick impulse outcome ID... "
                "(--acted | --other-actor AKTÖR | --not-relevant --note TEXT)"
            )
        )


def _own_case(conn: Any, case_ref: str, caseworker: Any) -> str:
    """The case's stored reference; a clear line when it is not the caseworker's."""
    from app.base.errors import InvalidInputError
    from app.stock.facts import case_row

    row = case_row(conn, case_ref)
    if row["caseworker_id"] != caseworker.id:
        owner = conn.execute(
            "SELECT ext_id FROM caseworkers WHERE id = ?", (row["caseworker_id"],)
        ).fetchone()
        if owner is None:
            raise InvalidInputError(
                _("Ärendet {case} har ingen handläggare.").format(case=row["case_ref"])
            )
        raise InvalidInputError(
            _("Ärendet {case} ligger hos {owner}, inte {me}; visa det med --as {owner}.").format(
                case=row["case_ref"], owner=owner[0], me=caseworker.ext_id
            )
        )
    return str(row["case_ref"])


@impulse.command(
    "outcome", help=_("Registrera utfall för en eller flera impulser (alla eller ingen).")
)
@click.argument("ids", nargs=-1, required=True, type=ID, metavar=_("ID..."))
@click.option("--acted", is_flag=True, help=_("Åtgärdad."))
@click.option(
    "--other-actor", "other_actor", default=None, metavar=_("AKTÖR"),
    help=_("Hanteras av annan aktör (t.ex. vården, Arbetsförmedlingen)."),
)  # fmt: skip
@click.option(
    "--not-relevant", "not_relevant", is_flag=True, help=_("Inte relevant (kräver --note).")
)
@click.option("--note", default=None, help=_("Anteckning, skrivs i händelseloggen."))
@as_option
@json_option
@pass_ctx
def outcome(
    ctx: Any, ids: tuple[int, ...], acted: bool, other_actor: str | None, not_relevant: bool,
    note: str | None, as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.case.inbox import OUTCOME_SV, record_outcome
    from app.cli.output import counted
    from app.priority.profile import resolve_caseworker

    if acted + (other_actor is not None) + not_relevant != 1:
        raise click.UsageError(
            _("Välj precis ett utfall: --acted, --other-actor AKTÖR eller --not-relevant.")
        )
    text = " ".join((note or "").split())
    if other_actor is not None:
        actor = " ".join(other_actor.split())
        if not actor:
            raise click.UsageError(_("Skriv vilken aktör som hanterar impulsen, t.ex. vården."))
        text = f"{actor}: {text}" if text else actor
    chosen = "acted" if acted else "other_actor" if other_actor is not None else "not_relevant"
    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, as_)
    ids = tuple(dict.fromkeys(ids))
    recorded = record_outcome(conn, list(ids), chosen, text, caseworker, ctx.clock, only_open=True)
    if as_json:
        emit_json(
            {
                "outcome": chosen,
                "outcome_label": label(OUTCOME_SV, chosen),
                "note": text,
                "impulses": list(ids),
                "recorded": recorded,
            }
        )
        return
    what = counted(recorded, "{n} impuls", "{n} impulser")
    click.echo(
        _("Utfall registrerat för {what}: {outcome}.").format(
            what=what, outcome=label(OUTCOME_SV, chosen)
        )
    )
