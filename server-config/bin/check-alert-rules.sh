#!/usr/bin/env bash
# Checks the monitoring artefacts with promtool (Debian package "prometheus"): the alert rules parse
# (promtool check rules), behave as their unit tests say (promtool test rules: each alert fires and stays silent
# where it should), and every query of the Grafana dashboard parses as PromQL. Run by the build (mvn verify).
#   server-config/bin/check-alert-rules.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
monitoring="$here/monitoring"
if ! command -v promtool >/dev/null 2>&1; then
  "$here/../bin/ensure-packages.sh" prometheus:promtool || true
fi
command -v promtool >/dev/null 2>&1 || {
  echo "promtool not found: install Debian's package 'prometheus' (apt-get install -y prometheus); the alert rules are not checked without it" >&2
  exit 1
}
promtool check rules "$monitoring/muejam-alerts.yml"
(cd "$monitoring/tests" && promtool test rules muejam-alerts.test.yml)

# the dashboard's queries, as recording rules, so that promtool parses each of them
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
{
  echo "groups:"; echo "  - name: grafana-dashboard"; echo "    rules:"
  n=0
  grep -o '"expr": "\([^"\\]\|\\.\)*"' "$monitoring/grafana-dashboard.json" | sed 's/^"expr": "//; s/"$//; s/\\"/"/g' |
  while IFS= read -r expr; do
    n=$((n + 1))
    printf "      - record: dashboard:query_%d\n        expr: '%s'\n" "$n" "${expr//\'/\'\'}"
  done
} > "$work/dashboard-queries.yml"
count=$(grep -c 'record:' "$work/dashboard-queries.yml")
[ "$count" -gt 0 ] || { echo "no queries found in grafana-dashboard.json" >&2; exit 1; }
promtool check rules "$work/dashboard-queries.yml" >/dev/null
echo "grafana-dashboard.json: $count queries parse"
