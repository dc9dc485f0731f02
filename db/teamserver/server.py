"""Connect to a team server and set it up: ``init``, ``upgrade``, ``add_user``, the schema
version check, and the two calls of the sync protocol (``push``, ``pull``).

Passwords only come the ways libpq knows (``~/.pgpass``, ``PGPASSWORD``, a service file)
or, for a new user's password, from a file; they are never printed, logged or stored, and
a URL is shown and kept without its password (:func:`safe_url`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.teamserver.errors import ServerError, ServerRefusedError, ServerUnreachableError
from db.text import _

if TYPE_CHECKING:
    import psycopg

SCHEMA = "overblick"
SCHEMA_DIR = Path(__file__).with_name("schema")
CONNECT_TIMEOUT_S = 5
ROLES = ("caseworker", "lead")


def schema_files() -> list[tuple[int, Path]]:
    """The numbered server migrations, in order: ``NNN_name.sql``."""
    found = []
    for path in SCHEMA_DIR.glob("*.sql"):
        match = re.match(r"(\d{3})_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    if not found or [n for n, _path in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"{SCHEMA_DIR}: the migrations must run 001, 002, … without gaps")
    return found


KNOWN_VERSION = len(schema_files())


def _params(url: str) -> dict[str, Any]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return conninfo_to_dict(url)
    except Exception as exc:  # psycopg.ProgrammingError: a malformed URL
        raise ServerRefusedError(
            _("Serveradressen går inte att läsa ({error}).").format(error=_first_line(exc))
        ) from None


def safe_url(url: str) -> str:
    """The URL without its password, as it may be shown and stored."""
    params = _params(url)
    params.pop("password", None)
    user, host = params.get("user", ""), params.get("host", "")
    port, dbname = params.get("port", ""), params.get("dbname", "")
    where = f"{host}:{port}" if port else host
    text = f"postgresql://{user + '@' if user else ''}{where}/{dbname}"
    extra = {k: v for k, v in params.items() if k not in ("user", "host", "port", "dbname")}
    if extra:
        text += "?" + "&".join(f"{k}={v}" for k, v in sorted(extra.items()))
    return text


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def connect(url: str, *, autocommit: bool = True) -> psycopg.Connection:
    """A connection to the server at ``url`` (libpq URL or key=value string).

    Raises :class:`ServerUnreachableError` with one line (in the chosen language) when there
    is no answer or the login is refused; the password (if any) is never part of it."""
    import psycopg

    params = _params(url)
    params.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    params.setdefault("application_name", "overblick")
    where = safe_url(url)
    try:
        return psycopg.connect(**params, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        text = str(exc)
        if "password" in text or "authentication" in text or "does not exist" in text:
            raise ServerUnreachableError(
                _(
                    "Teamservern {where} nekade inloggningen (fel lösenord, okänd roll eller "
                    "databas). Inget har ändrats lokalt."
                ).format(where=where)
            ) from None
        raise ServerUnreachableError(
            _(
                "Teamservern {where} svarar inte. Inget har ändrats lokalt; försök igen senare."
            ).format(where=where)
        ) from None


def server_version(conn: psycopg.Connection) -> int | None:
    """The server schema's version, or None when this database is no team server."""
    import psycopg

    try:
        row = conn.execute(
            "SELECT 1 FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
            "WHERE n.nspname = 'overblick' AND c.relname = 'schema_version'"
        ).fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT max(version) FROM overblick.schema_version").fetchone()
    except psycopg.errors.InsufficientPrivilege:
        raise _not_member(conn.info.user) from None
    return int(found[0]) if found and found[0] is not None else None


def _not_member(user: str) -> ServerRefusedError:
    return ServerRefusedError(
        _(
            "Rollen {user} hör inte till teamet på den här servern; be administratören köra "
            "'overblick server add-user'."
        ).format(user=user)
    )


def check_version(conn: psycopg.Connection) -> int:
    """The server's schema version, refused unless it is the one this program knows."""
    version = server_version(conn)
    if version is None:
        raise ServerRefusedError(
            _(
                "Databasen är ingen Överblick-teamserver; be administratören köra "
                "'overblick server init'."
            )
        )
    if version > KNOWN_VERSION:
        raise ServerRefusedError(
            _(
                "Teamservern har en nyare schemaversion ({version}) än den här versionen av "
                "Överblick känner till ({known}). Uppdatera Överblick; inget har ändrats."
            ).format(version=version, known=KNOWN_VERSION)
        )
    if version < KNOWN_VERSION:
        raise ServerRefusedError(
            _(
                "Teamservern har en äldre schemaversion ({version}, den här versionen behöver "
                "{known}). Be administratören köra 'overblick server upgrade'."
            ).format(version=version, known=KNOWN_VERSION)
        )
    return version


def group_names(dbname: str) -> tuple[str, str]:
    """The team's two group roles, named after its database so teams on one cluster
    never share them: (caseworkers, leads). The same rule as overblick.group_role()."""
    stem = re.sub(r"[^a-z0-9_]", "_", dbname.lower())
    if len(stem) > 48:
        stem = stem[:39] + "_" + hashlib.md5(dbname.encode()).hexdigest()[:8]
    return f"ovb_{stem}_cw", f"ovb_{stem}_lead"


# Anything in a database that is not PostgreSQL's own: a database holding any of it is not
# ours to set up (init refuses it untouched).
_FOREIGN_CONTENT = """
SELECT (SELECT count(*) FROM pg_namespace n
         WHERE n.nspname NOT IN ('public', 'information_schema')
           AND n.nspname NOT LIKE 'pg\\_%')
     + (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public')
     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public')
     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = 'public')
"""


@dataclass(frozen=True)
class InitResult:
    created: bool  # False: the database already was this team server (nothing done)
    version: int
    team: str


def _run_migrations(conn: psycopg.Connection, current: int) -> int:
    for number, path in schema_files()[current:]:
        with conn.transaction():
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("UPDATE overblick.schema_version SET version = %s", (number,))
            _grant(conn)
    return KNOWN_VERSION


def _grant(conn: psycopg.Connection) -> None:
    """The group roles' privileges on everything in the schema (row-level security then
    decides which rows). Run after every migration, so new tables get them too."""
    from psycopg import sql

    row = conn.execute("SELECT caseworker_group, lead_group FROM overblick.team").fetchone()
    if row is None:
        return
    groups = sql.SQL(", ").join(sql.Identifier(g) for g in row)
    for statement in (
        "GRANT USAGE ON SCHEMA overblick TO {g}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA overblick TO {g}",
        "GRANT INSERT, UPDATE ON overblick.people, overblick.cases, overblick.case_rows, "
        "overblick.private_rows, overblick.absences TO {g}",
        "GRANT INSERT ON overblick.applied_changes TO {g}",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA overblick TO {g}",
    ):
        conn.execute(sql.SQL(statement).format(g=groups))


def _create_role(conn: psycopg.Connection, name: str, *, login: bool) -> None:
    from psycopg import sql

    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    if not exists:
        conn.execute(
            sql.SQL("CREATE ROLE {} " + ("LOGIN" if login else "NOLOGIN")).format(
                sql.Identifier(name)
            )
        )


def init(url: str, team: str | None = None) -> InitResult:
    """Set up the team schema, group roles and policies in the empty database at ``url``
    (as a role that may create roles). Again on a team server: nothing is done. A database
    holding anything else is refused and left untouched."""
    with connect(url) as conn:
        dbname = conn.info.dbname
        version = server_version(conn)
        if version is not None:
            name = conn.execute("SELECT name FROM overblick.team").fetchone()
            return InitResult(False, version, name[0] if name else dbname)
        if conn.execute(_FOREIGN_CONTENT).fetchone()[0]:
            raise ServerRefusedError(
                _(
                    "Databasen {dbname} innehåller redan annat än en Överblick-teamserver och "
                    "har lämnats orörd. Skapa en tom databas för teamet (createdb) och försök "
                    "igen."
                ).format(dbname=dbname)
            )
        cw_group, lead_group = group_names(dbname)
        try:
            with conn.transaction():
                conn.execute("CREATE SCHEMA overblick")
                conn.execute("REVOKE ALL ON SCHEMA overblick FROM PUBLIC")
                conn.execute("CREATE TABLE overblick.schema_version (version integer NOT NULL)")
                conn.execute("INSERT INTO overblick.schema_version VALUES (0)")
                _create_role(conn, cw_group, login=False)
                _create_role(conn, lead_group, login=False)
                _run_migrations(conn, 0)
                conn.execute(
                    "INSERT INTO overblick.team(name, caseworker_group, lead_group) "
                    "VALUES (%s, %s, %s)",
                    (team or dbname, cw_group, lead_group),
                )
                _grant(conn)
        except _db_errors() as exc:
            raise ServerRefusedError(
                _(
                    "Teamservern kunde inte sättas upp ({error}); inget har ändrats. "
                    "Kör kommandot som en roll som får skapa roller (CREATEROLE)."
                ).format(error=_first_line(exc))
            ) from None
        return InitResult(True, KNOWN_VERSION, team or dbname)


def _db_errors() -> type[Exception]:
    import psycopg

    return psycopg.Error


def upgrade(url: str) -> tuple[int, int]:
    """Run the server migrations the database lacks; (version before, version after)."""
    with connect(url) as conn:
        version = server_version(conn)
        if version is None:
            raise ServerRefusedError(
                _("Databasen är ingen Överblick-teamserver; kör 'overblick server init' först.")
            )
        if version > KNOWN_VERSION:
            check_version(conn)
        try:
            _run_migrations(conn, version)
        except _db_errors() as exc:
            raise ServerRefusedError(
                _(
                    "Uppgraderingen misslyckades ({error}); servern har kvar schemaversionen "
                    "den hade."
                ).format(error=_first_line(exc))
            ) from None
        return version, KNOWN_VERSION


def server_hlc(node: str = "server") -> str:
    """A clock reading for a write the server's admin makes (app/sync/hlc.py's format)."""
    ms = int(datetime.now(UTC).timestamp() * 1000)
    return f"{ms:015d}-{0:05d}-{node}"


def add_user(url: str, signature: str, name: str, role: str, password: str | None = None) -> str:
    """Create (or update) the person ``signature`` and their login role (the signature in
    lower case), member of the team's caseworker or lead group; the login role's name.

    The password, if given, is sent already encrypted (SCRAM, by libpq), never as text."""
    from psycopg import sql
    from psycopg.types.json import Jsonb

    if role not in ROLES:
        raise ServerRefusedError(_("Rollen ska vara caseworker eller lead."))
    login = signature.strip().lower()
    if not re.fullmatch(r"[a-z0-9_][a-z0-9_.-]{0,62}", login):
        raise ServerRefusedError(
            _(
                "'{signature}' går inte att använda som signatur och inloggningsroll "
                "(bokstäver a–z, siffror, _ . -; högst 63 tecken)."
            ).format(signature=signature)
        )
    with connect(url) as conn:
        check_version(conn)
        team_row = conn.execute(
            "SELECT name, caseworker_group, lead_group FROM overblick.team"
        ).fetchone()
        team, cw_group, lead_group = team_row
        group, other = (lead_group, cw_group) if role == "lead" else (cw_group, lead_group)
        try:
            with conn.transaction():
                _create_role(conn, login, login=True)
                ident = sql.Identifier(login)
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident))
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), ident))
                if password is not None:
                    hashed = conn.pgconn.encrypt_password(password.encode(), login.encode())
                    conn.execute(
                        sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                            ident, sql.Literal(hashed.decode())
                        )
                    )
                data = {"ext_id": signature.strip(), "name": name, "role": role,
                        "team": team, "active": 1}  # fmt: skip
                stamp = server_hlc()
                conn.execute(
                    "INSERT INTO overblick.people(gid, kind, data, field_hlc) "
                    "VALUES (%s, 'caseworkers', %s, %s) ON CONFLICT (gid) DO UPDATE "
                    "SET data = people.data || excluded.data, "
                    "field_hlc = people.field_hlc || excluded.field_hlc, deleted = false",
                    (login, Jsonb(data), Jsonb({k: stamp for k in data})),
                )
        except _db_errors() as exc:
            raise ServerRefusedError(
                _("Användaren kunde inte läggas till ({error}); inget har ändrats.").format(
                    error=_first_line(exc)
                )
            ) from None
        return login


@dataclass(frozen=True)
class Person:
    signature: str  # as the team knows it (people.data.ext_id)
    login: str
    name: str
    role: str


def whoami(conn: psycopg.Connection) -> Person:
    """The person the connection's login role is, refused when not on this team."""
    check_version(conn)
    row = conn.execute(
        "SELECT p.data, overblick.is_lead() FROM overblick.people p "
        "WHERE p.gid = current_user::text AND NOT p.deleted"
    ).fetchone()
    if row is None:
        raise _not_member(conn.info.user)
    data, lead = row
    return Person(
        str(data.get("ext_id") or conn.info.user),
        conn.info.user,
        str(data.get("name") or ""),
        "lead" if lead else "caseworker",
    )


def push(conn: psycopg.Connection, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Send one batch as one server transaction; the result of each change, in order."""
    from psycopg.types.json import Jsonb

    with conn.transaction():
        row = conn.execute("SELECT overblick.push(%s)", (Jsonb(changes),)).fetchone()
    return list(row[0]) if row and row[0] else []


@dataclass
class Pulled:
    rows: list[tuple[Any, ...]]  # (t, gid, kind, case_gid, owner, data, seq, deleted, hlc)
    visible: set[str]
    cursor: int


def pull(
    conn: psycopg.Connection, since: int, known: set[str], again: list[str] | None = None
) -> Pulled:
    """What the caller may see that changed after ``since``, plus whole cases that became
    visible and the rows named in ``again``, read in one snapshot; ``visible`` tells which
    known cases left."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        visible = set(conn.execute("SELECT overblick.visible_cases()").fetchone()[0])
        arrived = sorted(visible - known)
        rows = conn.execute(
            "SELECT * FROM overblick.pull(%s, %s, %s, %s)",
            (since, sorted(visible), arrived, sorted(set(again or ()))),
        ).fetchall()
    cursor = max([since, *(r[6] for r in rows)])
    return Pulled(rows, visible, cursor)


__all__ = [
    "KNOWN_VERSION",
    "InitResult",
    "Person",
    "Pulled",
    "ServerError",
    "add_user",
    "check_version",
    "connect",
    "init",
    "pull",
    "push",
    "safe_url",
    "server_version",
    "upgrade",
    "whoami",
]
