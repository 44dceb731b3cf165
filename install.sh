#!/usr/bin/env bash
# Installs the portcullis command as users run it: published for this machine's runtime with
# ReadyToRun code (no JIT wait at start, which is what a hook pays on every write) into DIR
# (default .portcullis/bin), plus the tree-sitter library it loads.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=${1:-.portcullis/bin}
rid=$(dotnet --info | awk '/RID:/ { print $2; exit }')
.ci/install-prerequisites.sh
dotnet publish src/Portcullis.Cli -c Release -r "$rid" --nologo -v quiet -o "$out"
echo "installed: $out/portcullis (add $(cd "$out" && pwd) to PATH)"
