#!/usr/bin/env bash
# Runs MueJam locally on project-started services:
#   builds the EAR and the configured WildFly, starts PostgreSQL primary + streaming replica and Redis,
#   applies the Liquibase changelog, starts WildFly with the EAR deployed, prints the URLs and waits.
# Ctrl-C (or `bin/run.sh stop` from another shell) stops WildFly and the services.
# Options (environment): MUEJAM_REPLICAS=1|2, MUEJAM_SKIP_BUILD=1, MUEJAM_PORT_OFFSET (WildFly, default 0),
# MUEJAM_EAR (deploy this EAR instead of the build's, e.g. a release artifact or an older build to compare),
# MUEJAM_NODES=N (N > 1: N WildFly nodes on port offsets 1000, 1100, ... (plus MUEJAM_PORT_OFFSET) behind HAProxy on 8080 + MUEJAM_PORT_OFFSET,
# health-checked on /health/ready; HAProxy is installed from Debian's packages when missing),
# MUEJAM_RUN_DIR (state directory, default target/run), MUEJAM_DB_PORT (primary, default 25432; replicas the next
# ports), MUEJAM_REDIS_PORT (default 26379), MUEJAM_SEED_ROWS=N (fill an empty database with the data generator:
# N stories, N/5 users, notifications, flags, blocks... in proportion; bin/bench.sh uses it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${MUEJAM_RUN_DIR:-$ROOT/target/run}"
WILDFLY="$ROOT/server-config/target/wildfly"
CLI_JAR="$ROOT/local-services/target/local-services-cli.jar"
OFFSET="${MUEJAM_PORT_OFFSET:-0}"
REPLICAS="${MUEJAM_REPLICAS:-1}"
PRIMARY_PORT="${MUEJAM_DB_PORT:-25432}"
REDIS_PORT="${MUEJAM_REDIS_PORT:-26379}"
REPLICA_PORTS=$((PRIMARY_PORT + 1))
[ "$REPLICAS" = 2 ] && REPLICA_PORTS=$((PRIMARY_PORT + 1)),$((PRIMARY_PORT + 2))
NODES="${MUEJAM_NODES:-1}"
[[ $NODES =~ ^[1-9][0-9]*$ ]] || { echo "MUEJAM_NODES must be a positive number, got '$NODES'" >&2; exit 1; }
MGMT_PORT=$((9990 + OFFSET))
HTTP_PORT=$((8080 + OFFSET))

services() { java -jar "$CLI_JAR" "$@" --state-dir "$STATE/services"; }

# Node i's directory, port offset and management port ("" for the single node: target/run itself).
node_dir() { if [ "$NODES" = 1 ]; then echo "$STATE"; else echo "$STATE/node$1"; fi; }
node_offset() { if [ "$NODES" = 1 ]; then echo "$OFFSET"; else echo $((OFFSET + 1000 + 100 * ($1 - 1))); fi; }

stop_node() { # directory: orderly shutdown (requests in flight finish, up to 10 s), then the process
  local dir=$1 pid mgmt
  [ -f "$dir/wildfly.pid" ] || return 0
  pid=$(cat "$dir/wildfly.pid")
  mgmt=$(cat "$dir/management.port" 2>/dev/null || echo "$MGMT_PORT")
  if [ -x "$WILDFLY/bin/jboss-cli.sh" ]; then
    "$WILDFLY/bin/jboss-cli.sh" --connect --controller="localhost:$mgmt" --command=':shutdown(suspend-timeout=10)' >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill "$pid" 2>/dev/null || true
  rm -f "$dir/wildfly.pid"
}

stop() {
  echo "stopping WildFly and the services..."
  if [ -f "$STATE/haproxy.pid" ]; then kill "$(cat "$STATE/haproxy.pid")" 2>/dev/null || true; rm -f "$STATE/haproxy.pid"; fi
  stop_node "$STATE"
  for d in "$STATE"/node*/; do [ -d "$d" ] && stop_node "${d%/}"; done
  [ -f "$CLI_JAR" ] && services down || true
}

if [ "${1:-}" = "stop" ]; then stop; exit 0; fi

if [ "${MUEJAM_SKIP_BUILD:-0}" != 1 ]; then
  echo "building (mvn -DskipTests install)..."
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi
mkdir -p "$STATE"

echo "starting PostgreSQL primary, $REPLICAS streaming replica(s) and Redis..."
services up --primary-port "$PRIMARY_PORT" --replica-ports "$REPLICA_PORTS" --redis-port "$REDIS_PORT"
eval "$(services env)"
export DB_POOL_MIN_CONNECTIONS DB_POOL_MAX_CONNECTIONS DB_POOL_IDLE_TIMEOUT DB_POOL_CONNECTION_TIMEOUT DB_QUERY_TIMEOUT

echo "applying the Liquibase changelog to $DB_HOST:$DB_PORT/$DB_NAME..."
(cd "$ROOT" && mvn -B -q -pl liquibase exec:java -Dexec.mainClass=com.muejam.liquibase.Migrations \
  -Dliquibase.logLevel=WARNING -Dliquibase.showBanner=false)

if [ -n "${MUEJAM_SEED_ROWS:-}" ]; then
  echo "seeding $MUEJAM_SEED_ROWS stories and everything in proportion with the data generator..."
  (cd "$ROOT" && mvn -B -q -pl tools exec:java -Dexec.mainClass=com.muejam.tools.generator.DataGenerator \
    -Dexec.args="--rows $MUEJAM_SEED_ROWS --url jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME --user $DB_USER --password ${DB_PASSWORD:-} --if-empty --analyze")
fi

trap 'stop; exit 0' INT TERM
# TOTP secrets are stored sealed with TOTP_ENCRYPTION_KEY (base64, 32 bytes). Unset: one is generated into the
# state directory on the first run and reused, so second factors enabled in a run keep working after a restart.
if [ -z "${TOTP_ENCRYPTION_KEY:-}" ]; then
  if [ ! -s "$STATE/totp-encryption.key" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$STATE/totp-encryption.key")
  fi
  TOTP_ENCRYPTION_KEY="$(cat "$STATE/totp-encryption.key")"
fi
export TOTP_ENCRYPTION_KEY

# Each node gets its own copy of the provisioned server's standalone/ directory (configuration, deployments,
# logs), fresh from the build at every start: the provisioned server stays clean for the tests, and live
# pool changes made during a run are saved in the node's standalone/ directory.
start_node() { # node number
  local dir offset
  dir=$(node_dir "$1"); offset=$(node_offset "$1")
  mkdir -p "$dir"
  rm -rf "$dir/standalone"
  mkdir -p "$dir/standalone"
  cp -r "$WILDFLY/standalone/configuration" "$WILDFLY/standalone/deployments" "$dir/standalone/"
  rm -f "$dir/standalone/deployments/"*.ear*
  cp "${MUEJAM_EAR:-$ROOT/ear/target/muejam.ear}" "$dir/standalone/deployments/muejam.ear"
  echo $((9990 + offset)) > "$dir/management.port"
  echo "starting WildFly node $1 (port offset $offset)..."
  MUEJAM_SERVER_BASE_DIR="$dir/standalone" "$ROOT/server-config/bin/start-wildfly.sh" \
    -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="muejam-$1" -Djboss.tx.node.id="muejam-$1" \
    > "$dir/wildfly.log" 2>&1 &
  echo $! > "$dir/wildfly.pid"
}

await_node() { # node number
  local dir
  dir=$(node_dir "$1")
  for _ in $(seq 1 240); do
    if [ -f "$dir/standalone/deployments/muejam.ear.deployed" ]; then return 0; fi
    if [ -f "$dir/standalone/deployments/muejam.ear.failed" ] || ! kill -0 "$(cat "$dir/wildfly.pid")" 2>/dev/null; then
      echo "node $1: deployment failed: see $dir/wildfly.log"; stop; exit 1
    fi
    sleep 1
  done
  echo "node $1: not deployed after 240 s: see $dir/wildfly.log"; stop; exit 1
}

for i in $(seq 1 "$NODES"); do start_node "$i"; done
for i in $(seq 1 "$NODES"); do await_node "$i"; done
PID_TO_WAIT=$(cat "$(node_dir 1)/wildfly.pid")
NODE_LINES=""
if [ "$NODES" -gt 1 ]; then
  "$ROOT/bin/ensure-packages.sh" haproxy
  backends=""
  for i in $(seq 1 "$NODES"); do
    backends="$backends${backends:+,}127.0.0.1:$((8080 + $(node_offset "$i")))"
    NODE_LINES="$NODE_LINES  Node $i       http://localhost:$((8080 + $(node_offset "$i")))/   (log $(node_dir "$i")/wildfly.log)
"
  done
  "$ROOT/bin/haproxy-config.sh" "$HTTP_PORT" "$backends" > "$STATE/haproxy.cfg"
  haproxy -db -f "$STATE/haproxy.cfg" > "$STATE/haproxy.log" 2>&1 &
  echo $! > "$STATE/haproxy.pid"
  PID_TO_WAIT=$(cat "$STATE/haproxy.pid")
  MGMT_PORT=$((9990 + $(node_offset 1)))
  for _ in $(seq 1 40); do
    curl -fs -o /dev/null "http://localhost:$HTTP_PORT/health/ready" && break
    sleep 0.5
  done
fi

cat <<URLS

MueJam is running.
  API          http://localhost:$HTTP_PORT/api/discover/newest   (sign up: POST /api/auth/signup; reference: web/README.md)
  OpenAPI      http://localhost:$HTTP_PORT/openapi
  Metrics      http://localhost:$HTTP_PORT/metrics
  Health       http://localhost:$HTTP_PORT/health/ready
  Status       http://localhost:$HTTP_PORT/status/   (moderators: see README "Status page and alert rules")
  Console      http://localhost:$MGMT_PORT/console   (add a management user first: $WILDFLY/bin/add-user.sh)
  Services     $(services status | tr '\n' ' ')
  Server log   $(node_dir 1)/wildfly.log
${NODE_LINES}Press Ctrl-C to stop everything (or run: bin/run.sh stop).
URLS
wait "$PID_TO_WAIT" || true
stop
