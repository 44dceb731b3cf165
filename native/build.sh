#!/usr/bin/env bash
# Compiles the tree-sitter runtime and every pinned grammar into one shared library.
#
#   native/build.sh [OUTPUT_DIR]     (default: native/out)
#
# Inputs are the npm packages pinned in native/package.json + package-lock.json. The output directory
# gets libportcullis-treesitter.so and a stamp file holding the digest of the pins and of this script,
# so the MSBuild target (src/Portcullis.Syntax) rebuilds only when they change.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/out}"
lib="$out/libportcullis-treesitter.so"
stamp="$out/stamp"

fail() { echo "native/build.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || fail "npm is not installed; it is needed to fetch the pinned tree-sitter grammars (Debian: apt-get install npm)."
cc="${CC:-cc}"
command -v "$cc" >/dev/null 2>&1 || fail "no C compiler ('$cc') found; install gcc or clang (Debian: apt-get install gcc) or set CC."

digest="$(cat "$here/package.json" "$here/package-lock.json" "$here/grammars.txt" "$here"/src/*.c "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)"
if [[ -f "$lib" && -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
  exit 0
fi

cd "$here"
# The pins changed or nothing was built yet: install exactly what the lock file names.
echo "native/build.sh: installing pinned grammar packages (npm ci)" >&2
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2 || fail "npm ci failed; is the npm registry reachable?"

obj="$out/obj"
rm -rf "$obj"
mkdir -p "$obj"
runtime="node_modules/tree-sitter/vendor/tree-sitter/lib"
[[ -f "$runtime/src/lib.c" ]] || fail "tree-sitter runtime source missing at $runtime/src/lib.c"

# One compile job per C file: "output-object source-file include-dir".
jobs=("$obj/runtime.o $runtime/src/lib.c $runtime/include -I$runtime/src")
# Portcullis's own helpers over the runtime's API (native/src).
for own in src/*.c; do
  jobs+=("$obj/portcullis-$(basename "$own" .c).o $own $runtime/include")
done
while read -r name dir; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  src="node_modules/$dir/src"
  [[ -f "$src/parser.c" ]] || fail "grammar '$name' has no $src/parser.c; run npm ci in native/"
  jobs+=("$obj/$name-parser.o $src/parser.c $src")
  [[ -f "$src/scanner.c" ]] && jobs+=("$obj/$name-scanner.o $src/scanner.c $src")
done < grammars.txt

compile() {
  set -- $1
  "$cc" -c -O2 -fPIC -std=c11 -w -D_DEFAULT_SOURCE -I"$3" ${4:-} -o "$1" "$2"
}
export -f compile
export cc
printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -I{} bash -c 'compile "{}"' || fail "compiling the grammars failed (see the compiler output above)"

"$cc" -shared -o "$lib.tmp" "$obj"/*.o || fail "linking $lib failed"
mv "$lib.tmp" "$lib"
echo "$digest" > "$stamp"
rm -rf "$obj"
echo "native/build.sh: built $lib" >&2
