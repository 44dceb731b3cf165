#!/usr/bin/env bash
# Stops the throw-away cluster .ci/start-postgres.sh started (as the user that owns it) and removes it.
set -euo pipefail
dir=${1:?usage: stop-postgres.sh CLUSTER_DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  run_as=(runuser -u "$(stat -c %U "$dir")" --)
fi
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
rm -rf "$dir"
