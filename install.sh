#!/usr/bin/env bash
# Installs the portcullis command as users run it: published for this machine's runtime with
# ReadyToRun code (no JIT wait at start, which is what a hook pays on every write) into DIR
# (default .portcullis/bin), plus the tree-sitter library it loads, and portcullis-hook, the hook client
# for a gate service compiled ahead of time (NativeAOT: a native start per write, no .NET runtime start).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=${1:-.portcullis/bin}
rid=$(dotnet --info | awk '/RID:/ { print $2; exit }')
.ci/install-prerequisites.sh
dotnet publish src/Portcullis.Cli -c Release -r "$rid" --nologo -v quiet -o "$out"
dotnet publish src/Portcullis.HookClient -c Release -r "$rid" --nologo -v quiet -o "$out"
rm -f "$out/portcullis-hook.dbg"   # the stripped debug symbols; not needed to run
echo "installed: $out/portcullis (add $(cd "$out" && pwd) to PATH)"
