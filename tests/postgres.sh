#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on a free loopback port, in a folder of its own.
#   tests/postgres.sh start [DIR]  starts it (or finds it running) and prints `export MFC_TEST_POSTGRES='…'`
#   tests/postgres.sh stop  [DIR]  stops it and removes DIR (nothing to do when none runs)
# DIR defaults to one folder per checkout under $TMPDIR, so checkouts side by side do not share a cluster.
# Debian's `postgresql` package (tests/install-deps.sh) provides initdb and pg_ctl; PostgreSQL refuses to run as
# root, so as root the cluster runs as the package's `postgres` user. Only loopback TCP, trust authentication.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command=${1:-}
dir=${2:-${TMPDIR:-/tmp}/mfc-postgres-$(printf '%s' "$root" | md5sum | cut -c1-8)}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $bin && -x $bin/pg_ctl ]] || { echo "PostgreSQL is not installed (tests/install-deps.sh installs it)" >&2; exit 1; }

owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
running() { [[ -f $dir/data/postmaster.pid ]] && owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }
connection() { echo "export MFC_TEST_POSTGRES='Host=127.0.0.1;Port=$(cat "$dir/port");Username=mfc;Database=postgres'"; }

case $command in
  start)
    if running; then connection; exit 0; fi
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      owner "$bin/initdb" -D "$dir/data" -U mfc --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    # Sockets in the cluster's own folder: /var/run/postgresql may be missing or not writable.
    owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/data -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    connection
    ;;
  stop)
    if running; then owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2; exit 2
    ;;
esac
