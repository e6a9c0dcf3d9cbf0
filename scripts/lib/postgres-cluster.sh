# Starts a throwaway PostgreSQL cluster for Starl's tests and exports STARL_TEST_DATABASE_URL for it.
# Sourced by .ci/run and scripts/test-postgres.sh. The cluster lives in a temporary directory, listens
# on a free port of 127.0.0.1 and on a socket in that directory, and is stopped and removed when the
# shell that sourced this exits. initdb refuses to run as root, so as root the cluster runs as the
# `postgres` user that Debian's postgresql package creates.

# The newest installed server's binaries (Debian keeps them per major version, off the PATH).
postgres_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  dir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
  [ -x "$dir/initdb" ] && echo "$dir"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_test_cluster() {
  if [ -n "${STARL_PG_DIR:-}" ] && [ -d "$STARL_PG_DIR" ]; then
    as_cluster_owner "$STARL_PG_BIN/pg_ctl" -D "$STARL_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$STARL_PG_DIR"
  fi
}

start_test_cluster() {
  STARL_PG_BIN=$(postgres_bin_dir) || true
  if [ -z "${STARL_PG_BIN:-}" ]; then
    echo "PostgreSQL's server is not installed (Debian/Ubuntu: sudo apt-get install postgresql)" >&2
    return 1
  fi
  STARL_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/starl-pg.XXXXXX")
  trap stop_test_cluster EXIT
  [ "$(id -u)" -eq 0 ] && chown postgres "$STARL_PG_DIR"
  local port password
  port=$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  # Trust on the socket, for setting up here; a password over TCP, as a real server would ask.
  as_cluster_owner "$STARL_PG_BIN/initdb" -D "$STARL_PG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$STARL_PG_DIR/initdb.log"
  # A throwaway cluster need not survive a crash: no fsync makes the tests' many small writes cheap.
  # STARL_PG_DURABLE=1 keeps a real server's fsync and synchronous commits, for measuring writes.
  local cheap_writes="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ -n "${STARL_PG_DURABLE:-}" ] && cheap_writes=""
  as_cluster_owner "$STARL_PG_BIN/pg_ctl" -D "$STARL_PG_DIR/data" -l "$STARL_PG_DIR/server.log" -w \
    -o "-p $port -k $STARL_PG_DIR -c listen_addresses=127.0.0.1 $cheap_writes" start >/dev/null
  as_cluster_owner "$STARL_PG_BIN/psql" -h "$STARL_PG_DIR" -p "$port" -U postgres -d postgres -qv ON_ERROR_STOP=1 \
    -c "create role starl login password '$password'" -c "create database starl_test owner starl" >/dev/null
  export STARL_TEST_DATABASE_URL="postgres://starl:$password@127.0.0.1:$port/starl_test"
  echo "PostgreSQL $("$STARL_PG_BIN/postgres" --version | awk '{print $3}') is running for the tests on 127.0.0.1:$port ($STARL_PG_DIR)."
}
