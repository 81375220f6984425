#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: a data directory under a temporary
# folder, a random port on 127.0.0.1, trust authentication for local connections only.
#   eval "$(bash scripts/pg-cluster.sh start)"   # exports PG_CLUSTER_DIR and TEST_DATABASE_URL
#   bash scripts/pg-cluster.sh stop "$PG_CLUSTER_DIR"
#   eval "$(bash scripts/pg-cluster.sh start --no-fsync)"   # for test suites: see below
# initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user (Debian's
# package creates it) or, failing that, `nobody`.
set -euo pipefail

bin_dir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$newest" ] || { echo 'PostgreSQL is not installed (apt-get install postgresql)' >&2; exit 1; }
  echo "$newest"
}

as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  local user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  runuser -u "$user" -- "$@"
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/shoreline-pg-XXXXXX")
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$(id postgres >/dev/null 2>&1 && echo postgres || echo nobody)" "$dir"
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync stays on by default: the benchmarks measure durable commits, as a deployment runs them.
    # `--no-fsync` (the test suites, README decision 91) makes commits return before the WAL reaches
    # the disk: about 4 ms less per commit on CI's disk. Nothing a test sees changes (a commit is
    # visible to every session as before); only a crash of the machine could lose this throwaway
    # cluster's last commits, and no test crashes PostgreSQL.
    durability=''
    [ "${2:-}" = '--no-fsync' ] && durability='-c fsync=off -c synchronous_commit=off -c full_page_writes=off'
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $durability" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export PG_CLUSTER_DIR='$dir'"
    echo "export TEST_DATABASE_URL='postgres://postgres@127.0.0.1:$port/postgres'"
    ;;
  stop)
    dir=${2:?usage: pg-cluster.sh stop DIR}
    [ -d "$dir/data" ] && as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo 'usage: pg-cluster.sh start [--no-fsync] | stop DIR' >&2
    exit 2
    ;;
esac
