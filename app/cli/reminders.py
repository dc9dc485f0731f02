"""``overblick reminders``: what the window would pop up, what it missed, and marking seen.

The same engine calls as the window's scheduler (ui/scheduler.py): ``due_reminders`` for
what a running window shows at this minute, ``missed_on_start`` with the stored last-seen
time for what a window starting now lists as missed, and ``mark_fired`` (through
``acknowledge``) for a reminder shown. Listing writes nothing; only ``ack`` does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import click

from app.base.i18n import _
from app.cli.common import ID, as_option, emit_json, group, json_option, on_option, pass_ctx


def _line(reminder: Any) -> str:
    from app.cli.followup import when_sv

    what = " ".join((reminder.note or "").split()) or reminder.kind_sv
    when = when_sv(reminder.fire_at)
    snoozed = _(" (uppskjuten)") if reminder.snoozed else ""
    return _("#{id:<5} {case:<16} förföll {when}{snoozed}  {what}").format(
        id=reminder.follow_up_id, case=reminder.case_ref, when=when, snoozed=snoozed, what=what
    )


def _listing(ctx: Any, as_: str | None, on: date | None, as_json: bool, *, missed: bool) -> None:
    from app.base.clock import utc_iso
    from app.cli.output import counted
    from app.followups.reminders import due_reminders, last_seen, missed_on_start
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn(check=False)
    caseworker = resolve_caseworker(conn, as_)
    now: datetime = ctx.clock_on(on).now()
    seen = last_seen(conn, caseworker)
    if missed:
        found = missed_on_start(conn, now, seen, caseworker)
    else:
        found = due_reminders(conn, now, caseworker)
    if as_json:
        data: dict[str, Any] = {"now": utc_iso(now), "caseworker": caseworker.ext_id}
        if missed:
            data["last_seen"] = utc_iso(seen) if seen else None
        emit_json(data | {"reminders": [r.as_json() for r in found]})
        return
    if missed:
        head = counted(
            len(found),
            "{n} missad påminnelse",
            "{n} missade påminnelser",
            none=_("Inga missade påminnelser"),
        )
    else:
        head = counted(len(found), "{n} påminnelse", "{n} påminnelser", none=_("Inga påminnelser"))
    click.echo(_("{head} för {ext_id} just nu.").format(head=head, ext_id=caseworker.ext_id))
    for reminder in found:
        click.echo(_line(reminder))
    if found:
        click.echo(_("Markera som sedda med: overblick reminders ack ID..."))


@group(
    "reminders",
    help=_("Påminnelser: det fönstret skulle visa nu, det som missades, och kvittering."),
)
def reminders() -> None:
    pass


@reminders.command(
    "due", help=_("Påminnelserna fönstret skulle visa nu (eller vid --now, eller kl. 08:00 --on).")
)
@as_option
@on_option
@json_option
@pass_ctx
def due(ctx: Any, as_: str | None, on: date | None, as_json: bool) -> None:
    _listing(ctx, as_, on, as_json, missed=False)


@reminders.command("missed", help=_("Påminnelser som förföll medan fönstret inte var igång."))
@as_option
@on_option
@json_option
@pass_ctx
def missed(ctx: Any, as_: str | None, on: date | None, as_json: bool) -> None:
    _listing(ctx, as_, on, as_json, missed=True)


@reminders.command(
    "ack", help=_("Markera påminnelser som sedda, som fönstret gör när det visar dem.")
)
@click.argument("ids", nargs=-1, required=True, type=ID, metavar=_("ID..."))
@as_option
@on_option
@json_option
@pass_ctx
def ack(ctx: Any, ids: tuple[int, ...], as_: str | None, on: date | None, as_json: bool) -> None:
    from app.cli.output import counted
    from app.followups.reminders import acknowledge
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, as_)
    result = acknowledge(conn, ids, ctx.clock_on(on).now(), caseworker)
    if as_json:
        emit_json({"acknowledged": list(result.marked), "already": list(result.already)})
        return
    if result.marked:
        shown = ", ".join(f"#{i}" for i in result.marked)
        click.echo(
            counted(
                len(result.marked),
                "Kvitterat: {shown}. Fönstret visar den inte igen.",
                "Kvitterat: {shown}. Fönstret visar dem inte igen.",
                shown=shown,
            )
        )
    if result.already:
        shown = ", ".join(f"#{i}" for i in result.already)
        click.echo(_("Redan kvitterat tidigare: {shown}.").format(shown=shown))
