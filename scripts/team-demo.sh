#!/usr/bin/env bash
# Watch two desks and a lead converge on one team server (docs/team-server.md).
#
#   bash scripts/team-demo.sh [--keep]
#
# Uses the PostgreSQL server at $OVERBLICK_TEAM_PG (a superuser's URL; default
# postgresql://postgres@127.0.0.1:5432/postgres), starting one with
# scripts/ensure-postgres.sh when none answers. Makes a team database, a team of three
# (caseworkers hl01 and hl02, lead lead01), three replicas in a temporary folder, edits on
# each desk, syncs them and checks they converged. Drops the database and the login roles it
# made at the end (unless --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_venv.sh
ensure_venv "test" >/dev/null
admin="${OVERBLICK_TEAM_PG:-postgresql://postgres@127.0.0.1:5432/postgres}"
keep="${1:-}"
if ! .venv/bin/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3)" "$admin" 2>/dev/null; then
  echo "Ingen PostgreSQL-server svarar på $admin; startar en lokal." >&2
  bash scripts/ensure-postgres.sh
fi
ob=.venv/bin/overblick
team="team_demo_$(date +%s)"
base="${admin%/*}"
url() { echo "${base/postgres@/$1@}/$team"; }
work="$(mktemp -d /tmp/overblick-team-demo.XXXXXX)"
made_roles=$(.venv/bin/python - "$admin" <<'PY'
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as conn:
    have = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}
print(" ".join(r for r in ("hl01", "hl02", "lead01") if r not in have))
PY
)
cleanup() {
  if [ "$keep" != "--keep" ]; then
    .venv/bin/python - "$admin" "$team" $made_roles <<'PY'
import sys, psycopg
from db.teamserver.server import group_names
admin, team, *roles = sys.argv[1:]
with psycopg.connect(admin, autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{team}" WITH (FORCE)')
    for role in [*roles, *group_names(team)]:
        conn.execute(f'DROP ROLE IF EXISTS "{role}"')
PY
    rm -rf "$work"
  else
    echo "Behåller databasen $team och mappen $work."
  fi
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "Administratören skapar teamets databas och teamservern"
.venv/bin/python -c "import sys, psycopg; psycopg.connect(sys.argv[1], autocommit=True).execute('CREATE DATABASE \"%s\"' % sys.argv[2])" "$admin" "$team"
$ob server init "$(url postgres)" --team "Demoteamet"
$ob server add-user "$(url postgres)" hl01 --name "Hanna Lind" --role caseworker
$ob server add-user "$(url postgres)" hl02 --name "Olle Berg" --role caseworker
$ob server add-user "$(url postgres)" lead01 --name "Gun Chef" --role lead

step "Gruppchefen har teamets stock i en egen fil och skickar upp den"
$ob --db "$work/lead01.db" demo --caseworkers 2 --cases 15 --seed 3 >/dev/null 2>&1
$ob --db "$work/lead01.db" join "$(url lead01)" --push-local || echo "(Handläggarnas privata rader i gruppchefens fil — planerade dagar, inställningar — nekas av servern och stannar i filen.)"

step "Varje handläggare ansluter med en tom databas"
$ob --db "$work/hl01.db" join "$(url hl01)"
$ob --db "$work/hl02.db" join "$(url hl02)"

step "Alla arbetar offline"
pick() {  # the n-th open case (by reference) in a replica
  .venv/bin/python - "$1" "$2" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "SELECT case_ref FROM cases WHERE status = 'open' ORDER BY case_ref LIMIT 1 OFFSET ?",
    (int(sys.argv[2]),)).fetchone()[0])
PY
}
first_hl01=$(pick "$work/hl01.db" 0)
second_hl01=$(pick "$work/hl01.db" 1)
first_hl02=$(pick "$work/hl02.db" 0)
$ob --db "$work/hl01.db" follow-up add "$first_hl01" --at "+3d" --note "Ring arbetsgivaren" --as hl01 >/dev/null
echo "hl01 lägger en bevakning på $first_hl01"
$ob --db "$work/hl02.db" follow-up add "$first_hl02" --at "+1d" --kind insured --as hl02 >/dev/null
echo "hl02 lägger en bevakning på $first_hl02"
$ob --db "$work/lead01.db" reassign "$second_hl01" --to hl02 --reason "Jämnare fördelning" --as lead01
echo "lead01 flyttar $second_hl01 från hl01 till hl02"

step "Alla synkar (två varv, så att alla får allt)"
for round in 1 2; do
  for who in hl01 hl02 lead01; do
    printf '%-7s ' "$who"; $ob --db "$work/$who.db" sync
  done
done

step "Samma sanning på alla tre skrivborden?"
.venv/bin/python - "$work" <<'PY'
import sqlite3, sys
from pathlib import Path
work = Path(sys.argv[1])
def shared(conn, refs=None):
    rows = conn.execute(
        "SELECT c.case_ref, w.ext_id, (SELECT count(*) FROM follow_ups f WHERE f.case_id = c.id), "
        "(SELECT count(*) FROM events e WHERE e.case_id = c.id), "
        "(SELECT count(*) FROM impulses i WHERE i.case_id = c.id AND i.outcome IS NULL) "
        "FROM cases c JOIN caseworkers w ON w.id = c.caseworker_id").fetchall()
    return sorted(r for r in rows if refs is None or r[0] in refs)
lead = sqlite3.connect(work / "lead01.db")
ok = True
for who in ("hl01", "hl02"):
    conn = sqlite3.connect(work / f"{who}.db")
    mine = shared(conn)
    same = mine == shared(lead, {r[0] for r in mine})
    owners = {r[1] for r in mine}
    ok &= same and owners == {who}
    print(f"{who}: {len(mine)} ärenden, alla egna: {owners == {who}}, "
          f"samma som gruppchefens: {same}")
note = "Ring arbetsgivaren"
at_lead = lead.execute("SELECT count(*) FROM follow_ups WHERE note = ?", (note,)).fetchone()[0]
at_hl01 = sqlite3.connect(work / "hl01.db").execute(
    "SELECT count(*) FROM follow_ups WHERE note = ?", (note,)).fetchone()[0]
ok &= at_lead == 0 and at_hl01 == 1
print(f"lead01 ser alla {lead.execute('SELECT count(*) FROM cases').fetchone()[0]} ärenden; "
      f"hl01:s anteckning '{note}' finns hos hl01 ({at_hl01}) men inte hos gruppchefen ({at_lead})")
print("Konvergerat." if ok else "INTE konvergerat!")
sys.exit(0 if ok else 1)
PY
