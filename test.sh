#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the prerequisites (Debian packages), starts a
# throw-away PostgreSQL on loopback for the ledger tests, builds (which compiles the tree-sitter
# grammars pinned in native/), and runs the whole test suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

.ci/install-prerequisites.sh
if [[ -x .ci/start-postgres.sh ]]; then
  eval "$(.ci/start-postgres.sh)"
  # The cluster is throw-away: stop it however the tests end.
  trap '.ci/stop-postgres.sh "$PORTCULLIS_TEST_POSTGRES_DIR" || true' EXIT
fi
dotnet build Portcullis.slnx -c Release --nologo -v quiet
dotnet test Portcullis.slnx -c Release --no-build --nologo "$@"
