#!/usr/bin/env bash
# The main job on its embedded default: install (./install.sh), scan the examples/ folder (insecure and secure code
# side by side, in Python, JavaScript and Solidity), record each decision in a SQLite ledger under
# .portcullis/ledger, and verify that ledger. Exit code 1 is expected: the insecure examples are blocked.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
.ci/install-prerequisites.sh
./install.sh .portcullis/bin > /dev/null
portcullis=.portcullis/bin/portcullis
status=0
"$portcullis" scan examples --record .portcullis/ledger "$@" || status=$?
"$portcullis" ledger verify --data .portcullis/ledger
exit "$status"
