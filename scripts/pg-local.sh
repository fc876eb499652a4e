#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on loopback for tests and
# benchmarks, from Debian's packages. Usage: scripts/pg-local.sh start|stop [port]
# Prints the DATABASE_URL of a fresh database on "start".
set -euo pipefail
cmd=${1:-start}
port=${2:-${PG_PORT:-5433}}
dir=${PG_DIR:-/tmp/portal-pg-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 3
fi
# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # Memory sized for the benchmarks' million-member directory (about 1.5 GB with its indexes):
      # with the default 128 MB of shared buffers its searches read from the kernel's cache at
      # every page (PG_SHARED_BUFFERS overrides). Pages cost the same to read in any order here.
      mem="-c shared_buffers=${PG_SHARED_BUFFERS:-2GB} -c effective_cache_size=8GB -c random_page_cost=1.1 -c work_mem=16MB"
      as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off $mem" start >/dev/null
    fi
    db=${PG_DB:-portal_$(date +%s)_$$}
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
    echo "postgresql://postgres@127.0.0.1:$port/$db"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac
