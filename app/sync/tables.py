"""Which local rows replicate to the team server, and how each maps to a server row.

Local tables keep their integer ids; a replicated row also carries ``gid`` (its global id).
On the server a row is (table, gid, kind, case_gid, owner, data): ``data`` holds the
replicated columns, references travel as gids (``case_gid``, ``sick_period_gid``) and people
as signatures in lower case (= their login role). Rows with a natural key get a gid made
from it, so two desks importing the same source row make one row, not two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RANDOM_GID = "lower(hex(randomblob(16)))"
# Keys of an event's detail that carry a personal note's text: they stay on the author's
# desk (the shared copy of the event goes without them).
PRIVATE_EVENT_KEYS = ("note", "close_note", "text")


@dataclass(frozen=True)
class Spec:
    table: str  # the local table
    server: str  # people | cases | case_rows | private_rows | absences
    columns: tuple[str, ...]  # replicated as they are
    gid_sql: str  # a new row's gid; {r} is the row ("NEW." in a trigger)
    case_col: str | None = None  # the local column naming the row's case
    # local column holding a person's id -> the data key carrying their signature
    people: dict[str, str] = field(default_factory=dict)
    # local column holding another row's id -> (data key, that row's table)
    refs: dict[str, tuple[str, str]] = field(default_factory=dict)
    private: tuple[str, ...] = ()  # columns that go to the owner's private row instead
    owner_sql: str | None = None  # private rows: the owner's signature; {r} is the row
    only_when: str | None = None  # rows replicated only when this holds ({r} the row)
    natural: tuple[str, ...] = ()  # a unique key besides gid: adopt a local row holding it
    immutable: bool = False  # never updated once written (events)

    def watched(self) -> tuple[str, ...]:
        """Every local column whose change is a change to replicate."""
        return (*self.columns, *self.people, *self.refs, *self.private,
                *((self.case_col,) if self.case_col else ()))  # fmt: skip


def _natural(prefix: str, column: str) -> str:
    return f"coalesce('{prefix}:' || {{r}}{column}, {RANDOM_GID})"


def _case_gid(col: str = "case_id") -> str:
    return f"(SELECT gid FROM cases WHERE id = {{r}}{col})"


def _person(col: str) -> str:
    return f"(SELECT lower(ext_id) FROM caseworkers WHERE id = {{r}}{col})"


SPECS: tuple[Spec, ...] = (
    Spec("caseworkers", "people", ("ext_id", "name", "role", "team", "active", "unit", "phone",
                                   "email"),
         "lower({r}ext_id)", natural=("ext_id",)),
    Spec("cases", "cases",
         ("case_ref", "person_name", "pin", "birth_date", "employment", "employer",
          "diagnosis_group", "flow", "unit", "extent", "status", "opened_on", "closed_on",
          "runs_itself", "no_follow_up", "no_follow_up_reason", "recovery_until",
          "benefit_decision_pending", "coordination_needed", "last_coordination_on",
          "awaiting_actor", "awaiting_until", "plan_status", "os_position", "os_position_on",
          "check_phone", "check_employer", "check_plan", "check_informed", "last_contact_on",
          "last_action_at", "created_at", "updated_at", "nfa_refusal_on", "af_offer",
          "af_offer_on", "af_written_info_on", "benefit_marks"),
         "'case:' || {r}case_ref", people={"caseworker_id": "owner"}, natural=("case_ref",)),
    Spec("sick_periods", "case_rows", ("start", "end", "extent", "ext_id"),
         _natural("sp", "ext_id"), case_col="case_id", natural=("ext_id",)),
    Spec("certificates", "case_rows",
         ("ext_id", "issued_on", "from_date", "to_date", "extent", "received_at"),
         _natural("cert", "ext_id"), case_col="case_id",
         refs={"sick_period_id": ("sick_period_gid", "sick_periods")}, natural=("ext_id",)),
    Spec("impulses", "case_rows",
         ("ext_id", "type", "doc_kind", "received_at", "text", "read_at", "outcome",
          "outcome_note", "outcome_by", "outcome_at"),
         _natural("imp", "ext_id"), case_col="case_id", natural=("ext_id",)),
    Spec("contacts", "case_rows",
         ("ext_id", "role", "name", "organisation", "phone", "email", "consent", "consent_on"),
         _natural("con", "ext_id"), case_col="case_id", natural=("ext_id",)),
    Spec("follow_ups", "case_rows",
         ("due_at", "kind", "origin", "milestone_key", "state", "snoozed_until", "wake_on",
          "recurrence", "inherited", "created_at", "closed_at", "ext_id", "fired_at",
          "deleted_at", "occurrences", "lead_days", "chain_start"),
         "CASE WHEN {r}ext_id IS NOT NULL THEN 'fu:' || {r}ext_id "
         "WHEN {r}origin = 'standard' THEN 'std:' || " + _case_gid() + " || ':' || "
         "coalesce({r}milestone_key, '') || ':' || coalesce({r}lead_days, '') || ':' || "
         "coalesce({r}chain_start, '') ELSE " + RANDOM_GID + " END",
         case_col="case_id", people={"owner_id": "owner"}, private=("note", "close_note"),
         owner_sql="coalesce(" + _person("owner_id") + ", (SELECT lower(w.ext_id) FROM cases c "
         "JOIN caseworkers w ON w.id = c.caseworker_id WHERE c.id = {r}case_id))",
         natural=("ext_id",)),
    Spec("events", "case_rows", ("at", "actor", "kind", "detail"), RANDOM_GID,
         case_col="case_id", immutable=True),
    Spec("absences", "absences",
         ("from_date", "to_date", "created_at", "created_by", "ended_at", "reason"), RANDOM_GID,
         people={"caseworker_id": "absent", "covered_by_id": "covered_by"}),
    Spec("case_notes", "private_rows", ("at", "author", "text"), RANDOM_GID,
         case_col="case_id", owner_sql="lower({r}author)"),
    Spec("planned_dates", "private_rows", ("on_date", "created_at"),
         "'plan:' || " + _case_gid() + " || ':' || " + _person("caseworker_id"),
         case_col="case_id", people={"caseworker_id": "person"},
         owner_sql=_person("caseworker_id")),
    Spec("settings", "private_rows", ("scope", "key", "value"),
         "'set:' || lower({r}scope) || ':' || {r}key", owner_sql="lower({r}scope)",
         only_when="{r}scope != ''", natural=("scope", "key")),
    Spec("saved_views", "private_rows", ("owner", "name", "spec", "created_at"),
         "'view:' || lower({r}owner) || ':' || {r}name", owner_sql="lower({r}owner)",
         natural=("owner", "name")),
    # Issue #14. A handover note is shared with whoever sees the case: the new owner above
    # all (it is written for them), and the lead who moved it. The intake review and what
    # was carried over, the other-benefit hints (one per case and benefit on every desk),
    # referrals, method events and assessments are part of the case's file, shared alike.
    Spec("handovers", "case_rows",
         ("from_unit", "to_unit", "at", "by", "reason", "summary", "note"), RANDOM_GID,
         case_col="case_id", people={"from_id": "from", "to_id": "to"}),
    Spec("intake_reviews", "case_rows", ("state", "created_at", "done_at", "done_by"),
         RANDOM_GID, case_col="case_id", people={"owner_id": "reviewer"},
         refs={"handover_id": ("handover_gid", "handovers")}),
    Spec("intake_carried", "case_rows", ("note", "at", "by"), RANDOM_GID, case_col="case_id",
         refs={"review_id": ("review_gid", "intake_reviews"),
               "impulse_id": ("impulse_gid", "impulses")}),
    Spec("benefit_hints", "case_rows",
         ("benefit", "rule_version", "reason", "source", "raised_at", "outcome", "informed_on",
          "channel", "outcome_note", "outcome_by", "outcome_at"),
         "'hint:' || " + _case_gid() + " || ':' || {r}benefit", case_col="case_id",
         refs={"impulse_id": ("impulse_gid", "impulses")}, natural=("case_id", "benefit")),
    Spec("referrals", "case_rows",
         ("actor", "referred_on", "chain_day", "note", "created_by", "created_at"), RANDOM_GID,
         case_col="case_id", refs={"follow_up_id": ("follow_up_gid", "follow_ups")}),
    Spec("method_events", "case_rows",
         ("kind", "asked_kind", "held_on", "chain_day", "parties", "note", "created_by",
          "created_at"), RANDOM_GID, case_col="case_id"),
    Spec("assessments", "case_rows",
         ("checkpoint", "assessed_on", "chain_day", "note", "created_by", "created_at"),
         RANDOM_GID, case_col="case_id"),
)  # fmt: skip

BY_TABLE = {s.table: s for s in SPECS}
# A follow-up's note texts travel as their owner's private row with this kind and gid.
NOTE_KIND = "follow_up_notes"
NOTE_PREFIX = "note:"


def spec_for(server_table: str, kind: str) -> Spec | None:
    """The local table a pulled row belongs to."""
    if server_table == "people":
        return BY_TABLE["caseworkers"]
    if server_table == "cases":
        return BY_TABLE["cases"]
    if server_table == "absences":
        return BY_TABLE["absences"]
    spec = BY_TABLE.get(kind)
    return spec if spec is not None and spec.server == server_table else None
