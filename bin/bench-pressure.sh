#!/usr/bin/env bash
# Pool-pressure benchmark (prints figures; not part of mvn verify):
#  1. writes/s through PATCH /api/stories/{id} with PrimaryDS squeezed live to each max-size in BENCH_POOL_SIZES
#     (default "2 4 8 50") and 4x as many concurrent writers (wrk connections) as connections;
#  2. the request timer's cost on the cached read path: GET /api/discover/newest with METRICS_HTTP_TIMING
#     false/true, interleaved rounds.
# Starts the application with bin/run.sh (project-started services, ports 25432.., 8080, 9990) unless BENCH_URL
# names a running one (then BENCH_MGMT=host:port of its management interface).
# Options: BENCH_SECONDS (10 per measurement), BENCH_POOL_SIZES, BENCH_TIMING_ROUNDS (5), BENCH_PARTS
# ("pool timing"), MUEJAM_EAR (deploy another EAR, e.g. an older build, for a before/after comparison),
# MUEJAM_SKIP_BUILD=1. The per-user write limit is raised for the run (RATE_LIMIT_WRITES_PER_MINUTE) so the
# figures measure the pool, not the limiter; every write still pays the limiter's counter transaction.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/bench"
SECONDS_EACH="${BENCH_SECONDS:-10}"
SIZES="${BENCH_POOL_SIZES:-2 4 8 50}"
ROUNDS="${BENCH_TIMING_ROUNDS:-5}"
PARTS="${BENCH_PARTS:-pool timing}"
CLI="$ROOT/server-config/target/wildfly/bin/jboss-cli.sh"
mkdir -p "$OUT"

"$ROOT/bin/ensure-packages.sh" wrk

STARTED=0
if [ -z "${BENCH_URL:-}" ]; then
  BENCH_URL=http://localhost:8080
  BENCH_MGMT=localhost:9990
  echo "starting the application (log: $OUT/run.log)..."
  RATE_LIMIT_WRITES_PER_MINUTE=100000000 setsid "$ROOT/bin/run.sh" > "$OUT/run.log" 2>&1 &
  STARTED=1
  trap '"$ROOT/bin/run.sh" stop >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 600); do
    grep -q "MueJam is running" "$OUT/run.log" 2>/dev/null && break
    grep -q "deployment failed" "$OUT/run.log" 2>/dev/null && { cat "$OUT/run.log"; exit 1; }
    sleep 1
  done
fi
BENCH_MGMT="${BENCH_MGMT:-localhost:9990}"
curl -fsS "$BENCH_URL/health/ready" >/dev/null || { echo "$BENCH_URL/health/ready is not UP" >&2; exit 1; }

cli() { "$CLI" --connect --controller="$BENCH_MGMT" --commands="$1" >/dev/null; }
CURRENT_MAX=50
pool() { # live resize: lower min-size before max-size when shrinking, raise max-size first when growing
  local max=$1 min=$(( $1 < 10 ? $1 : 10 )) ds=/subsystem=datasources-agroal/datasource=PrimaryDS
  if [ "$max" -lt "$CURRENT_MAX" ]; then
    cli "$ds:write-attribute(name=connection-pool.min-size,value=$min),$ds:write-attribute(name=connection-pool.max-size,value=$max)"
  else
    cli "$ds:write-attribute(name=connection-pool.max-size,value=$max),$ds:write-attribute(name=connection-pool.min-size,value=$min)"
  fi
  CURRENT_MAX=$max
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%F)"
echo "machine: $machine; commit $(git -C "$ROOT" rev-parse --short HEAD); EAR ${MUEJAM_EAR:-build}"

if [[ " $PARTS " == *" pool "* ]]; then
  echo "signing up 20 authors with 10 stories each..."
  : > "$OUT/writes.txt"
  for u in $(seq 1 20); do
    name="bench_$(date +%s%N | tail -c 9)_$u"
    curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$name\",\"password\":\"bench-password-1\",\"displayName\":\"Bench $u\"}" "$BENCH_URL/api/auth/signup" >/dev/null
    token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"username\":\"$name\",\"password\":\"bench-password-1\"}" "$BENCH_URL/api/auth/login" | jq -r .token)
    for s in $(seq 1 10); do
      id=$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
        -d "{\"title\":\"Bench story $u-$s\",\"body\":\"first draft\"}" "$BENCH_URL/api/stories" | jq -r .id)
      echo "$token $id" >> "$OUT/writes.txt"
    done
  done
  export WRITES_FILE="$OUT/writes.txt"
  pool 50
  wrk -t2 -c8 -d5s -s "$ROOT/benchmarks/wrk/pool-writes.lua" "$BENCH_URL" >/dev/null # warm-up
  printf '\n%-9s %-8s %-9s %-8s %-8s %-8s %s\n' "max-size" "writers" "writes/s" "p50 ms" "p99 ms" "max ms" "statuses"
  for size in $SIZES; do
    pool "$size"
    sleep 1
    r=$(wrk -t2 -c$(( size * 4 )) -d"${SECONDS_EACH}s" --timeout 30s -s "$ROOT/benchmarks/wrk/pool-writes.lua" "$BENCH_URL" | grep '^RESULT')
    ok=$(echo "$r" | grep -o '200=[0-9]*' | cut -d= -f2); ok=${ok:-0}
    secs=$(echo "$r" | field seconds)
    printf '%-9s %-8s %-9s %-8s %-8s %-8s %s\n' "$size" $(( size * 4 )) "$(awk "BEGIN{printf \"%.1f\", $ok/$secs}")" \
      "$(echo "$r" | field p50_ms)" "$(echo "$r" | field p99_ms)" "$(echo "$r" | field max_ms)" "$(echo "$r" | field statuses)"
  done
  pool 50
fi

if [[ " $PARTS " == *" timing "* ]]; then
  curl -fsS "$BENCH_URL/api/discover/newest" >/dev/null
  wrk -t2 -c16 -d20s "$BENCH_URL/api/discover/newest" >/dev/null # warm-up (JIT)
  timed() { curl -fsS "$BENCH_URL/metrics" | grep '^muejam_http_request_seconds_count' | grep 'discover/newest' | grep -o '[0-9.eE+]*$' | head -1; }
  declare -A total=([false]=0 [true]=0)
  printf '\n%-6s %-22s %-10s %-8s %-8s\n' "round" "METRICS_HTTP_TIMING" "req/s" "p50 ms" "p99 ms"
  for round in $(seq 1 "$ROUNDS"); do
    order="false true"; [ $(( round % 2 )) = 0 ] && order="true false" # alternate, so drift favours neither
    for timing in $order; do
      cli "/system-property=METRICS_HTTP_TIMING:remove" 2>/dev/null || true
      cli "/system-property=METRICS_HTTP_TIMING:add(value=$timing)"
      before=$(timed)
      r=$(wrk -t2 -c16 -d"${SECONDS_EACH}s" -s "$ROOT/benchmarks/wrk/cached-read.lua" "$BENCH_URL/api/discover/newest" | grep '^RESULT')
      if [ "$timing" = false ] && [ "$(timed)" != "$before" ]; then echo "the request timer did not switch off" >&2; exit 1; fi
      rate=$(awk "BEGIN{printf \"%.0f\", $(echo "$r" | field requests)/$(echo "$r" | field seconds)}")
      total[$timing]=$(( ${total[$timing]} + rate ))
      printf '%-6s %-22s %-10s %-8s %-8s\n' "$round" "$timing" "$rate" "$(echo "$r" | field p50_ms)" "$(echo "$r" | field p99_ms)"
    done
  done
  cli "/system-property=METRICS_HTTP_TIMING:remove" 2>/dev/null || true
  awk "BEGIN{printf \"request timer cost on the cached read path: %.1f%% of throughput (mean of %d rounds)\n\", (1 - ${total[true]}/${total[false]})*100, $ROUNDS}"
fi
