#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 and lets the superuser postgres in
# without a password (the team server tests need one; docs/team-server.md). In order: it
# already answers; start the Debian cluster there is; install Debian's postgresql and start
# a throwaway cluster as the postgres system user (PostgreSQL refuses to run as root), with
# trust authentication on the loopback address only. Tests may use another server through
# OVERBLICK_TEST_PG (a superuser's libpq URL).
set -euo pipefail
answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
lets_in() { PGCONNECT_TIMEOUT=3 psql -w -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; }
wait_for_it() {
  for _ in $(seq 1 30); do answers && return 0; sleep 1; done
  echo "PostgreSQL svarar inte på 127.0.0.1:5432." >&2
  return 1
}
trust_loopback() {  # CI's own machine only: let postgres in over 127.0.0.1 without a password
  local hba
  hba="$(ls /etc/postgresql/*/main/pg_hba.conf 2>/dev/null | sort -V | tail -1)"
  [ -n "$hba" ] && [ "${CI:-}" = "true" ] || return 1
  sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$(basename "$(dirname "$(dirname "$hba")")")" main reload
  sleep 1
  lets_in
}
ready() {
  lets_in || trust_loopback || echo "Varning: postgres släpps inte in på 127.0.0.1:5432 utan" \
    "lösenord; teamservertesterna hoppas över (ange OVERBLICK_TEST_PG)." >&2
  exit 0
}
start_debian_cluster() {
  command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] \
    && [ -n "$(ls /etc/postgresql)" ] || return 1
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start \
    >/dev/null 2>&1 || true
  wait_for_it
}
if command -v pg_isready >/dev/null 2>&1 && answers; then ready; fi
if start_debian_cluster; then ready; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  if answers || start_debian_cluster; then ready; fi
fi
# A throwaway cluster of our own: trust on 127.0.0.1, owned by the postgres system user.
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
data="$(mktemp -d /tmp/overblick-pg.XXXXXX)"
chown postgres:postgres "$data"
su postgres -s /bin/sh -c "$bin/initdb -D $data -U postgres --auth=trust -E UTF8 >/dev/null"
su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -l $data/log -o '-c listen_addresses=127.0.0.1 -p 5432 -c unix_socket_directories=/tmp' start >/dev/null"
wait_for_it
