"""The team server's set-up and its row-level security, with real roles on a real server.

Every check of who may read or write what is plain SQL over a connection made AS that
person's own login role: the server decides, not the client.
"""

from __future__ import annotations

from datetime import date, timedelta

import psycopg
import pytest
from psycopg.types.json import Jsonb

from db.teamserver import server
from db.teamserver.errors import ServerRefusedError, ServerUnreachableError


@pytest.fixture
def team(pg_db):
    """A team server with caseworkers A and B and lead L, and one case each for A and B,
    each with an impulse and a private note."""
    server.init(pg_db.admin_url, "Team Test")
    a = server.add_user(pg_db.admin_url, pg_db.signature("HKA"), "Anna", "caseworker")
    b = server.add_user(pg_db.admin_url, pg_db.signature("hkb"), "Bo", "caseworker")
    lead = server.add_user(pg_db.admin_url, pg_db.signature("gc"), "Lena", "lead")
    for who, case in ((a, "case-a"), (b, "case-b")):
        with pg_db.connect(who) as conn:
            results = server.push(conn, [
                {"id": f"{case}-1", "t": "cases", "gid": case, "op": "upsert",
                 "data": {"owner": who, "case_ref": case.upper()}, "hlc": "1"},
                {"id": f"{case}-2", "t": "case_rows", "gid": f"{case}-imp", "kind": "impulses",
                 "case_gid": case, "op": "upsert", "data": {"type": "rehab_need"}, "hlc": "1"},
                {"id": f"{case}-3", "t": "private_rows", "gid": f"{case}-note",
                 "kind": "case_notes", "case_gid": case, "owner": who, "op": "upsert",
                 "data": {"text": "privat anteckning"}, "hlc": "1"},
            ])  # fmt: skip
            assert {r["result"] for r in results} == {"applied"}
    return pg_db, a, b, lead


def _scalar(conn: psycopg.Connection, query: str, params: tuple = ()) -> object:
    return conn.execute(query, params).fetchone()[0]


def _cover(pg_db, absent: str, by: str, first: date, last: date) -> None:
    with pg_db.connect() as conn:
        conn.execute(
            "INSERT INTO overblick.absences(gid, data) VALUES (%s, %s)",
            (f"abs-{first}", Jsonb({"absent": absent, "covered_by": by,
                                    "from_date": first.isoformat(),
                                    "to_date": last.isoformat()})),
        )  # fmt: skip


def test_init_makes_a_team_server_and_again_does_nothing(pg_db) -> None:
    first = server.init(pg_db.admin_url, "Team Norr")
    assert first.created and first.version == server.KNOWN_VERSION
    with pg_db.connect() as conn:
        seq_before = _scalar(conn, "SELECT last_value FROM overblick.change_seq")
    again = server.init(pg_db.admin_url, "Team Söder")
    assert not again.created and again.team == "Team Norr"
    with pg_db.connect() as conn:
        assert _scalar(conn, "SELECT count(*) FROM overblick.team") == 1
        assert _scalar(conn, "SELECT last_value FROM overblick.change_seq") == seq_before
        forced = conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'overblick'::regnamespace "
            "AND relkind = 'r' AND NOT (relrowsecurity AND relforcerowsecurity)"
        ).fetchall()
        assert forced == [("schema_version",)]  # every other table: RLS, forced on the owner


def test_init_refuses_a_database_holding_something_else_and_leaves_it_untouched(pg_db) -> None:
    with pg_db.connect() as conn:
        conn.execute("CREATE TABLE public.invoices (id int)")
        conn.execute("INSERT INTO public.invoices VALUES (1)")
    with pytest.raises(ServerRefusedError, match="innehåller redan annat"):
        server.init(pg_db.admin_url)
    with pg_db.connect() as conn:
        assert _scalar(conn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'overblick'") == 0
        assert _scalar(conn, "SELECT count(*) FROM public.invoices") == 1
        assert _scalar(
            conn, "SELECT count(*) FROM pg_roles WHERE rolname = %s",
            (server.group_names(pg_db.name)[0],),
        ) == 0  # fmt: skip


def test_upgrade_and_the_version_check(pg_db) -> None:
    server.init(pg_db.admin_url)
    assert server.upgrade(pg_db.admin_url) == (server.KNOWN_VERSION, server.KNOWN_VERSION)
    with pg_db.connect() as conn:
        assert server.check_version(conn) == server.KNOWN_VERSION
        conn.execute("UPDATE overblick.schema_version SET version = version + 1")
        with pytest.raises(ServerRefusedError, match="nyare schemaversion"):
            server.check_version(conn)
    with pytest.raises(ServerRefusedError, match="nyare schemaversion"):
        server.upgrade(pg_db.admin_url)


def test_upgrade_runs_the_migrations_a_server_lacks(pg_db) -> None:
    server.init(pg_db.admin_url)
    with pg_db.connect() as conn:
        conn.execute("DROP FUNCTION overblick.pull(bigint, text[], text[], text[])")
        conn.execute("DROP FUNCTION overblick.push(jsonb)")
        conn.execute("DROP FUNCTION overblick.apply_change(jsonb)")
        conn.execute("DROP FUNCTION overblick.visible_cases()")
        conn.execute("DROP FUNCTION overblick.latest(jsonb)")
        for table in ("people", "cases", "case_rows", "private_rows", "absences"):
            conn.execute(f"DROP FUNCTION overblick.apply_{table}(jsonb)")
        conn.execute("UPDATE overblick.schema_version SET version = 1")
        with pytest.raises(ServerRefusedError, match="äldre schemaversion"):
            server.check_version(conn)
    assert server.upgrade(pg_db.admin_url) == (1, server.KNOWN_VERSION)
    with pg_db.connect() as conn:
        assert server.check_version(conn) == server.KNOWN_VERSION
        assert _scalar(conn, "SELECT to_regprocedure('overblick.push(jsonb)') IS NOT NULL")


def test_add_user_makes_a_lowercase_login_role_with_an_encrypted_password(pg_db) -> None:
    server.init(pg_db.admin_url)
    login = server.add_user(
        pg_db.admin_url, pg_db.signature("HK"), "Hanna", "caseworker", password="hemligt-123"
    )
    assert login == pg_db.signature("hk").lower()
    with pg_db.connect() as conn:
        stored = _scalar(conn, "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (login,))
        assert stored.startswith("SCRAM-SHA-256$") and "hemligt" not in stored
        cw_group, lead_group = server.group_names(pg_db.name)
        assert _scalar(conn, "SELECT pg_has_role(%s, %s, 'MEMBER')", (login, cw_group))
        data = _scalar(conn, "SELECT data FROM overblick.people WHERE gid = %s", (login,))
        assert data["ext_id"] == pg_db.signature("HK") and data["role"] == "caseworker"
    server.add_user(pg_db.admin_url, pg_db.signature("HK"), "Hanna", "lead")
    with pg_db.connect() as conn:
        assert _scalar(conn, "SELECT pg_has_role(%s, %s, 'MEMBER')", (login, lead_group))
        assert not _scalar(conn, "SELECT pg_has_role(%s, %s, 'MEMBER')", (login, cw_group))
    with pytest.raises(ServerRefusedError):
        server.add_user(pg_db.admin_url, "drop table;", "X", "caseworker")


def test_a_caseworker_neither_sees_nor_changes_a_colleagues_case(team) -> None:
    pg_db, a, b, _lead = team
    with pg_db.connect(a) as conn:
        assert conn.execute("SELECT gid FROM overblick.cases").fetchall() == [("case-a",)]
        assert conn.execute("SELECT gid FROM overblick.case_rows").fetchall() == [("case-a-imp",)]
        assert (
            conn.execute(
                "UPDATE overblick.cases SET data = data || '{\"x\": 1}' WHERE gid = 'case-b'"
            ).rowcount
            == 0
        )
        assert (
            conn.execute(
                "UPDATE overblick.case_rows SET data = '{}' WHERE gid = 'case-b-imp'"
            ).rowcount
            == 0
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO overblick.cases(gid, data) VALUES ('new', %s)",
                (Jsonb({"owner": b}),),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO overblick.case_rows(gid, kind, case_gid) "
                "VALUES ('sneak', 'impulses', 'case-b')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM overblick.cases")  # no one deletes: tombstones only
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE overblick.cases SET data = data || %s WHERE gid = 'case-a'",
                         (Jsonb({"owner": b}),))  # reassigning needs a lead  # fmt: skip
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO overblick.people(gid) VALUES ('someone')")
    with pg_db.connect() as conn:
        assert _scalar(conn, "SELECT data->>'owner' FROM overblick.cases WHERE gid = 'case-b'") == b


def test_cover_shows_a_colleagues_cases_only_while_it_lasts(team) -> None:
    pg_db, a, b, _lead = team
    today = date.today()
    _cover(pg_db, b, a, today - timedelta(days=20), today - timedelta(days=10))  # ended
    _cover(pg_db, b, a, today + timedelta(days=3), today + timedelta(days=9))  # not yet
    with pg_db.connect(a) as conn:
        assert {r[0] for r in conn.execute("SELECT gid FROM overblick.cases")} == {"case-a"}
    _cover(pg_db, b, a, today - timedelta(days=1), today + timedelta(days=1))
    with pg_db.connect(a) as conn:
        assert {r[0] for r in conn.execute("SELECT gid FROM overblick.cases")} == {
            "case-a", "case-b"}  # fmt: skip
        assert (
            conn.execute(
                'UPDATE overblick.case_rows SET data = \'{"outcome": "handled"}\' '
                "WHERE gid = 'case-b-imp'"
            ).rowcount
            == 1
        )
        # covering gives the cases, not the colleague's private notes
        assert conn.execute("SELECT gid FROM overblick.private_rows").fetchall() == [
            ("case-a-note",)
        ]
    with pg_db.connect(b) as conn:  # and B, the one away, still sees nothing of A's
        assert {r[0] for r in conn.execute("SELECT gid FROM overblick.cases")} == {"case-b"}


def test_a_lead_sees_every_case_but_no_private_row(team) -> None:
    pg_db, a, b, lead = team
    with pg_db.connect(lead) as conn:
        assert {r[0] for r in conn.execute("SELECT gid FROM overblick.cases")} == {
            "case-a", "case-b"}  # fmt: skip
        assert _scalar(conn, "SELECT count(*) FROM overblick.case_rows") == 2
        assert conn.execute("SELECT * FROM overblick.private_rows").fetchall() == []
        assert conn.execute("UPDATE overblick.private_rows SET data = '{}'").rowcount == 0
        # a lead reassigns: the case moves from A to B
        assert (
            conn.execute(
                "UPDATE overblick.cases SET data = data || %s WHERE gid = 'case-a'",
                (Jsonb({"owner": b}),),
            ).rowcount
            == 1
        )
    with pg_db.connect(a) as conn:
        assert conn.execute("SELECT gid FROM overblick.cases").fetchall() == []
        assert conn.execute("SELECT gid FROM overblick.private_rows ORDER BY gid").fetchall() == [
            ("case-a-note",)]  # fmt: skip
    with pg_db.connect(b) as conn:
        assert {r[0] for r in conn.execute("SELECT gid FROM overblick.cases")} == {
            "case-a", "case-b"}  # fmt: skip
        assert conn.execute("SELECT gid FROM overblick.private_rows").fetchall() == [
            ("case-b-note",)]  # fmt: skip


def test_someone_outside_the_team_reads_nothing(team) -> None:
    pg_db, *_ = team
    outsider = pg_db.signature("utom")
    with pg_db.connect() as conn:
        conn.execute(f'CREATE ROLE "{outsider}" LOGIN')
    with pg_db.connect(outsider) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM overblick.cases")
        with pytest.raises(ServerRefusedError, match="hör inte till teamet"):
            server.whoami(conn)


def test_push_is_idempotent_and_refuses_per_change(team) -> None:
    pg_db, a, _b, _lead = team
    change = {"id": "x-1", "t": "case_rows", "gid": "case-a-imp", "op": "upsert",
              "data": {"outcome": "handled"}, "hlc": "2"}  # fmt: skip
    with pg_db.connect(a) as conn:
        first = server.push(conn, [change, {**change, "id": "x-2", "gid": "case-b-imp"}])
        assert [r["result"] for r in first] == ["applied", "refused"]
        assert server.push(conn, [change]) == [{"id": "x-1", "result": "duplicate"}]
        stale = server.push(conn, [{**change, "id": "x-3", "data": {"outcome": "old"},
                                    "hlc": "1"}])  # fmt: skip
        assert stale[0]["result"] == "conflict"
        assert _scalar(
            conn, "SELECT data->>'outcome' FROM overblick.case_rows WHERE gid = 'case-a-imp'"
        ) == "handled"  # fmt: skip


def test_unreachable_server_and_wrong_login_are_one_line(pg_db) -> None:
    with pytest.raises(ServerUnreachableError, match="svarar inte"):
        server.connect("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(ServerUnreachableError, match="nekade inloggningen") as caught:
        server.connect(pg_db.url("no_such_role_" + pg_db.suffix) + "?password=topsecret")
    assert "topsecret" not in str(caught.value)


def test_a_follow_up_note_goes_over_only_with_a_reassigned_case(team) -> None:
    pg_db, a, b, lead = team
    today = date.today()
    _cover(pg_db, b, a, today - timedelta(days=1), today + timedelta(days=1))
    with pg_db.connect(b) as conn:
        server.push(conn, [
            {"id": "fu-1", "t": "case_rows", "gid": "fu-b", "kind": "follow_ups",
             "case_gid": "case-b", "op": "upsert", "hlc": "1",
             "data": {"owner": b, "origin": "personal", "state": "open"}},
            {"id": "fu-2", "t": "private_rows", "gid": "note:fu-b", "kind": "follow_up_notes",
             "case_gid": "case-b", "owner": b, "op": "upsert",
             "data": {"note": "Bos egen anteckning"}, "hlc": "1"},
        ])  # fmt: skip
    with pg_db.connect(a) as conn:  # A covers B and may edit B's follow-up...
        taken = conn.execute(
            "UPDATE overblick.case_rows SET data = data || %s WHERE gid = 'fu-b'",
            (Jsonb({"owner": a}),),
        ).rowcount
        assert taken == 1
        # ...but does not get B's note by making the follow-up theirs
        assert conn.execute(
            "SELECT count(*) FROM overblick.private_rows WHERE gid = 'note:fu-b'"
        ).fetchone()[0] == 0  # fmt: skip
    with pg_db.connect(lead) as conn:
        conn.execute(  # nor does a lead, by taking the follow-up
            "UPDATE overblick.case_rows SET data = data || %s WHERE gid = 'fu-b'",
            (Jsonb({"owner": lead}),),
        )
        assert conn.execute("SELECT count(*) FROM overblick.private_rows").fetchone()[0] == 0
        conn.execute(  # the lead reassigns B's case to A: the follow-up and its note go to A
            "UPDATE overblick.cases SET data = data || %s, field_hlc = field_hlc || %s "
            "WHERE gid = 'case-b'",
            (Jsonb({"owner": a}), Jsonb({"owner": "2"})),
        )
        assert conn.execute("SELECT count(*) FROM overblick.private_rows").fetchone()[0] == 0
    with pg_db.connect(a) as conn:
        assert conn.execute(
            "SELECT data->>'note' FROM overblick.private_rows WHERE gid = 'note:fu-b'"
        ).fetchone() == ("Bos egen anteckning",)
