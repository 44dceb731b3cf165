#!/usr/bin/env bash
# The main job on its embedded default: build, scan the examples/ folder (insecure and secure code
# side by side, in Python, JavaScript and Solidity), record each decision in a SQLite ledger under
# .portcullis/ledger, and verify that ledger. Exit code 1 is expected: the insecure examples are blocked.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
.ci/install-prerequisites.sh
dotnet build src/Portcullis.Cli -c Release --nologo -v quiet
portcullis=src/Portcullis.Cli/bin/Release/net10.0/portcullis
status=0
"$portcullis" scan examples --record .portcullis/ledger "$@" || status=$?
"$portcullis" ledger verify --data .portcullis/ledger
exit "$status"
