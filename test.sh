#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the prerequisites (Debian packages), starts a
# throw-away PostgreSQL on loopback for the ledger tests, builds (which compiles the tree-sitter
# grammars pinned in native/), and runs the whole test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

.ci/install-prerequisites.sh
if [[ -x .ci/start-postgres.sh ]]; then
  eval "$(.ci/start-postgres.sh)"
  # The cluster is throw-away: stop it however the tests end. When they fail, first show what the
  # server logged (slow statements, lock waits, errors): a database stall is otherwise invisible here.
  stop_postgres() {
    local status=$?
    if [[ $status -ne 0 ]]; then
      echo "test.sh: PostgreSQL server log (slow statements, lock waits, errors):" >&2
      grep -E "duration:|waiting for|acquired|ERROR|FATAL|PANIC|DETAIL" "$PORTCULLIS_TEST_POSTGRES_DIR/server.log" 2>/dev/null | tail -n 40 >&2 || true
    fi
    .ci/stop-postgres.sh "$PORTCULLIS_TEST_POSTGRES_DIR" || true
  }
  trap stop_postgres EXIT
fi
dotnet build Portcullis.slnx -c Release --nologo -v quiet
dotnet test Portcullis.slnx -c Release --no-build --nologo "$@"
