#!/usr/bin/env bash
# The main job on its embedded default: build, then scan the examples/ folder (insecure and secure
# code side by side). Exit code 1 is expected: the insecure examples are blocked.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
.ci/install-prerequisites.sh
dotnet build src/Portcullis.Cli -c Release --nologo -v quiet
src/Portcullis.Cli/bin/Release/net10.0/portcullis scan examples "$@"
