#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL server for the test suite (never for production:
# fsync is off). Usage: build/postgres.sh start|stop|running. Prints the admin connection string on start;
# `running` exits 0 when the server is already up (so a caller that did not start it leaves it running).
set -euo pipefail
PGROOT=${PGROOT:-/tmp/waymark-pg}
PGPORT=${PGPORT:-55432}
DATA=$PGROOT/data
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

install_postgres() {
  echo "Installing PostgreSQL (Debian package)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || install_postgres
    mkdir -p "$PGROOT"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
    if [ ! -s "$DATA/PG_VERSION" ]; then
      as_postgres "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$PGROOT/server.log" -w -t 30 \
        -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2
    fi
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" -U postgres
    echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    ;;
  running)
    [ -n "$PGBIN" ] && [ -s "$DATA/PG_VERSION" ] && as_postgres "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
    ;;
  stop)
    if [ -n "$PGBIN" ] && [ -s "$DATA/PG_VERSION" ]; then
      as_postgres "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop|running" >&2; exit 2 ;;
esac
