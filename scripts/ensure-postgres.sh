#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on 127.0.0.1:5432 (the team server tests need one;
# docs/team-server.md). Order: it already answers; start the Debian cluster there is; install
# Debian's postgresql and start a throwaway cluster as the postgres system user (PostgreSQL
# refuses to run as root), with trust authentication on the loopback address only.
set -euo pipefail
answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
wait_for_it() {
  for _ in $(seq 1 30); do answers && return 0; sleep 1; done
  echo "PostgreSQL svarar inte på 127.0.0.1:5432." >&2
  return 1
}
if command -v pg_isready >/dev/null 2>&1 && answers; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ]; then
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  if wait_for_it; then exit 0; fi
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
# A throwaway cluster of our own: trust on 127.0.0.1, owned by the postgres system user.
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
data="$(mktemp -d /tmp/overblick-pg.XXXXXX)"
chown postgres:postgres "$data"
su postgres -s /bin/sh -c "$bin/initdb -D $data -U postgres --auth=trust -E UTF8 >/dev/null"
su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -l $data/log -o '-c listen_addresses=127.0.0.1 -p 5432 -c unix_socket_directories=/tmp' start >/dev/null"
wait_for_it
