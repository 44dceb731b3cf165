#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the ledger tests, from Debian's binaries, and
# prints the line to eval: export PORTCULLIS_TEST_POSTGRES='Host=...;Port=...;Username=...;Database=...'.
# PostgreSQL refuses to run as root, so under root the cluster belongs to the postgres system user
# (or nobody). Trust authentication on loopback only; the cluster lives in a temp dir.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "start-postgres: no PostgreSQL binaries under /usr/lib/postgresql (run .ci/install-prerequisites.sh)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/portcullis-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run_as=()
user=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  user=postgres
  getent passwd postgres >/dev/null || user=nobody
  chown "$user" "$dir"
  run_as=(runuser -u "$user" --)
fi
chmod 700 "$dir"

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
# Slow statements and lock waits go to server.log: test.sh prints them when a test fails.
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on -c max_connections=200 -c log_lock_waits=on -c deadlock_timeout=1s -c log_min_duration_statement=1000" start >&2
"${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" portcullis_test >&2

echo "export PORTCULLIS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$user;Database=portcullis_test'"
echo "export PORTCULLIS_TEST_POSTGRES_DIR='$dir'"
