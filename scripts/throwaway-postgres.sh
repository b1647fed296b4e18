# Sourced by test.sh and the benchmarks: starts a throwaway PostgreSQL cluster on a free loopback
# port in a temporary folder (as the postgres user when run as root: PostgreSQL refuses root), and
# stops and removes it when the calling script exits.
# After `start_throwaway_postgres LOGDIR`, THROWAWAY_PG holds an Npgsql connection string.

start_throwaway_postgres() {
  local logdir=$1 pgbin port= candidate
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  THROWAWAY_PG_DIR=$(mktemp -d /tmp/escale-pg.XXXXXX)
  THROWAWAY_PG_BIN=$pgbin
  [ "$(id -u)" -eq 0 ] && chown postgres "$THROWAWAY_PG_DIR"
  for candidate in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  trap stop_throwaway_postgres EXIT
  echo "==> Starting PostgreSQL ($("$pgbin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
  _as_pg "$pgbin/initdb" -D "$THROWAWAY_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$logdir/initdb.log" 2>&1 \
    || { cat "$logdir/initdb.log"; return 1; }
  _as_pg "$pgbin/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $THROWAWAY_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$THROWAWAY_PG_DIR/server.log"; return 1; }
  THROWAWAY_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

stop_throwaway_postgres() {
  [ -n "${THROWAWAY_PG_DIR:-}" ] || return 0
  _as_pg "$THROWAWAY_PG_BIN/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$THROWAWAY_PG_DIR"
}

_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
