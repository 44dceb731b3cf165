#!/usr/bin/env bash
# Installs what the build and the tests need on a bare Debian machine, from Debian's packages:
# a C compiler and npm (native/build.sh compiles the pinned tree-sitter grammars; the compiler also
# links the NativeAOT hook client that install.sh publishes), git (diff-mode
# tests), and PostgreSQL (the ledger's shared store, tested against a real server).
# Idempotent: installs only what is missing. Needs root (or sudo) only when something is missing.
set -euo pipefail

missing=()
command -v cc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v python3 >/dev/null 2>&1 || missing+=(python3-minimal)   # start-postgres.sh picks a free port with it
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "install-prerequisites: installing ${missing[*]}" >&2
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
