#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet (as root, or through sudo).
#   bin/ensure-packages.sh haproxy wrk
# Each argument is "package" or "package:command" when the command differs from the package name.
set -euo pipefail
missing=()
for spec in "$@"; do
  pkg=${spec%%:*}; cmd=${spec#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
run=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "missing packages: ${missing[*]} (install them: apt-get install ${missing[*]})" >&2; exit 1; }
  run=(sudo)
fi
echo "installing ${missing[*]} from Debian's packages..." >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
  || { "${run[@]}" apt-get update -q >/dev/null 2>&1 && "${run[@]}" apt-get install -y -q "${missing[@]}" >/dev/null; }
