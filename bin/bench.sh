#!/usr/bin/env bash
# The load and fault suite over the HTTP API (load/, Gatling):
#   bin/bench.sh            builds, starts MueJam on its own project-started services (PostgreSQL primary + 2
#                           streaming replicas on 27432-27434, Redis 28379, WildFly port offset 500: 8580/10490)
#                           with a seeded data set (BENCH_ROWS stories, default 100000, and 20000 users, with
#                           follows/blocks/notifications in proportion), runs every scenario, the faults and
#                           pgbench, writes benchmarks/RESULTS.md and benchmarks/results/*.png, and stops.
# Options (environment): BENCH_ROWS, BENCH_USERS (signed-in load users, default 2000), MUEJAM_SKIP_BUILD=1,
#   BENCH_NODES=2 (two WildFly nodes behind HAProxy on 8580, nodes on 9580/9680: every scenario goes through the
#   balancer, faults squeeze node 1's pool, and the cross-node runs count stale read-backs on the other node),
#   BENCH_JFR=1 (record a JDK Flight Recording of the server during the suite: target/bench/server.jfr, and print
#   its hottest frames), BENCH_PROBE=writes:150:30,writes:250:30 (instead of the suite: each scenario:rate:seconds
#   at that fixed rate after a 20 s warm-up, printing latencies and the CPU time per answer of the server and of the services, to
#   target/bench/probe.txt; benchmarks/ is left alone). Gatling's HTML reports: target/bench/gatling/*/*/index.html.
# The server runs with PASSWORD_PBKDF2_ITERATIONS=10000 (the suite signs up thousands of users; production keeps
# 600000) and TRUSTED_PROXIES=127.0.0.1 (the load generator is the proxy that passes each user's own address);
# every other setting, write rate limits included, is the production default.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/bench"
export MUEJAM_RUN_DIR="$OUT/run" MUEJAM_DB_PORT=27432 MUEJAM_REDIS_PORT=28379 MUEJAM_PORT_OFFSET=500 MUEJAM_REPLICAS=2
export MUEJAM_SEED_ROWS="${BENCH_ROWS:-100000}"
export PASSWORD_PBKDF2_ITERATIONS=10000 TRUSTED_PROXIES=127.0.0.1,::1
URL=http://127.0.0.1:8580/
MGMT=127.0.0.1:10490
NODE_ARGS=()
NODE_DIR="$MUEJAM_RUN_DIR"
if [ "${BENCH_NODES:-1}" = 2 ]; then
  export MUEJAM_NODES=2
  MGMT=127.0.0.1:11490                     # node 1: offset 500 + 1000
  NODE_ARGS=(--node-urls "http://127.0.0.1:9580/,http://127.0.0.1:9680/")
  NODE_DIR="$MUEJAM_RUN_DIR/node1"
fi

"$ROOT/bin/ensure-packages.sh" postgresql-client:psql >/dev/null 2>&1 || true
if [ "${MUEJAM_SKIP_BUILD:-0}" != 1 ]; then
  echo "building (mvn -DskipTests install)..."
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi
mkdir -p "$OUT"
MUEJAM_SKIP_BUILD=1 "$ROOT/bin/run.sh" stop >/dev/null 2>&1 || true
rm -rf "$MUEJAM_RUN_DIR"   # a fresh, freshly seeded database for every run
echo "starting the application on its own services and seeding (log: $OUT/run.log)..."
MUEJAM_SKIP_BUILD=1 setsid "$ROOT/bin/run.sh" > "$OUT/run.log" 2>&1 &
trap 'MUEJAM_SKIP_BUILD=1 "$ROOT/bin/run.sh" stop >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 900); do
  grep -q "MueJam is running" "$OUT/run.log" 2>/dev/null && break
  grep -q "deployment failed\|not deployed" "$OUT/run.log" 2>/dev/null && { tail -50 "$OUT/run.log"; exit 1; }
  sleep 1
done
grep -q "MueJam is running" "$OUT/run.log" || { tail -50 "$OUT/run.log"; echo "the application did not start" >&2; exit 1; }
grep -E '^(data|vacuum|stories|user_profiles) ' "$OUT/run.log" || true

(cd "$ROOT" && mvn -B -q -o -pl load dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null)
jvm_pid=$(pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$NODE_DIR/standalone" | head -1 || true)
if [ "${BENCH_JFR:-0}" = 1 ] && [ -n "$jvm_pid" ]; then
  jcmd "$jvm_pid" JFR.start name=bench settings=profile filename="$OUT/server.jfr" >/dev/null
fi
PROBE_ARGS=()
if [ -n "${BENCH_PROBE:-}" ]; then
  [ -n "$jvm_pid" ] || { echo "no server JVM found to probe" >&2; exit 1; }
  PROBE_ARGS=(--probe "$BENCH_PROBE" --server-pid "$jvm_pid")
fi
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
java -Xmx2g --add-opens java.base/java.lang=ALL-UNNAMED -cp "$ROOT/load/target/classes:$(cat "$OUT/classpath.txt")" com.muejam.load.LoadSuite \
  --url "$URL" --services-state-dir "$MUEJAM_RUN_DIR/services" \
  --jboss-cli "$ROOT/server-config/target/wildfly/bin/jboss-cli.sh" --controller "$MGMT" \
  --out "$OUT" --results "$ROOT/benchmarks" --users "${BENCH_USERS:-2000}" \
  --machine "$machine" --commit "$(git -C "$ROOT" rev-parse --short HEAD)" ${NODE_ARGS[@]+"${NODE_ARGS[@]}"} ${PROBE_ARGS[@]+"${PROBE_ARGS[@]}"}
if [ "${BENCH_JFR:-0}" = 1 ] && [ -n "$jvm_pid" ]; then
  jcmd "$jvm_pid" JFR.stop name=bench >/dev/null
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/server.jfr" > "$OUT/samples.txt"
  # first frame outside the JDK, per sample: where the server's CPU goes, by library and method
  awk '/jdk.ExecutionSample/{inst=1; done=0; next} inst && /line:/ && !done {f=$0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f);
       if (f !~ /^(java|jdk|sun|javax)\./) {n[f]++; done=1}} /^}/{inst=0} END {for (k in n) print n[k], k}' "$OUT/samples.txt" \
    | sort -rn > "$OUT/hot-frames.txt"
  total=$(grep -c 'jdk.ExecutionSample' "$OUT/samples.txt" || true)
  {
    echo
    echo "## Server profile (JDK Flight Recorder, whole ${BENCH_PROBE:+probe}${BENCH_PROBE:-suite})"
    echo
    echo "$total execution samples of the server; the first frame outside the JDK in each, most frequent first:"
    echo
    echo '```'
    head -25 "$OUT/hot-frames.txt"
    echo '```'
  } | if [ -n "${BENCH_PROBE:-}" ]; then tee "$OUT/profile.txt"; else tee -a "$ROOT/benchmarks/RESULTS.md"; fi
  echo "samples with OpenTelemetry in the stack: $(grep -c 'opentelemetry' "$OUT/samples.txt" || true)"
fi
