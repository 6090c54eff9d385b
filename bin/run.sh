#!/usr/bin/env bash
# Runs MueJam locally on project-started services:
#   builds the EAR and the configured WildFly, starts PostgreSQL primary + streaming replica and Redis,
#   applies the Liquibase changelog, starts WildFly with the EAR deployed, prints the URLs and waits.
# Ctrl-C (or `bin/run.sh stop` from another shell) stops WildFly and the services.
# Options (environment): MUEJAM_REPLICAS=1|2, MUEJAM_SKIP_BUILD=1, MUEJAM_PORT_OFFSET (WildFly, default 0),
# MUEJAM_EAR (deploy this EAR instead of the build's, e.g. a release artifact or an older build to compare).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/target/run"
WILDFLY="$ROOT/server-config/target/wildfly"
CLI_JAR="$ROOT/local-services/target/local-services-cli.jar"
OFFSET="${MUEJAM_PORT_OFFSET:-0}"
REPLICAS="${MUEJAM_REPLICAS:-1}"
REPLICA_PORTS=25433
[ "$REPLICAS" = 2 ] && REPLICA_PORTS=25433,25434
MGMT_PORT=$((9990 + OFFSET))
HTTP_PORT=$((8080 + OFFSET))

services() { java -jar "$CLI_JAR" "$@" --state-dir "$STATE/services"; }

stop() {
  echo "stopping WildFly and the services..."
  if [ -x "$WILDFLY/bin/jboss-cli.sh" ]; then
    "$WILDFLY/bin/jboss-cli.sh" --connect --controller="localhost:$MGMT_PORT" --command=:shutdown >/dev/null 2>&1 || true
  fi
  if [ -f "$STATE/wildfly.pid" ]; then
    pid=$(cat "$STATE/wildfly.pid")
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill "$pid" 2>/dev/null || true
    rm -f "$STATE/wildfly.pid"
  fi
  [ -f "$CLI_JAR" ] && services down || true
}

if [ "${1:-}" = "stop" ]; then stop; exit 0; fi

if [ "${MUEJAM_SKIP_BUILD:-0}" != 1 ]; then
  echo "building (mvn -DskipTests install)..."
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi
mkdir -p "$STATE"

echo "starting PostgreSQL primary, $REPLICAS streaming replica(s) and Redis..."
services up --primary-port 25432 --replica-ports "$REPLICA_PORTS" --redis-port 26379
eval "$(services env)"
export DB_POOL_MIN_CONNECTIONS DB_POOL_MAX_CONNECTIONS DB_POOL_IDLE_TIMEOUT DB_POOL_CONNECTION_TIMEOUT DB_QUERY_TIMEOUT

echo "applying the Liquibase changelog to $DB_HOST:$DB_PORT/$DB_NAME..."
(cd "$ROOT" && mvn -B -q -pl liquibase exec:java -Dexec.mainClass=com.muejam.liquibase.Migrations \
  -Dliquibase.logLevel=WARNING -Dliquibase.showBanner=false)

trap 'stop; exit 0' INT TERM
# The run gets its own copy of the provisioned server's standalone/ directory (configuration, deployments,
# logs), fresh from the build at every start: the provisioned server stays clean for the tests, and live
# pool changes made during a run are saved in target/run/standalone.
rm -rf "$STATE/standalone"
mkdir -p "$STATE/standalone"
cp -r "$WILDFLY/standalone/configuration" "$WILDFLY/standalone/deployments" "$STATE/standalone/"
rm -f "$STATE/standalone/deployments/"*.ear*
cp "${MUEJAM_EAR:-$ROOT/ear/target/muejam.ear}" "$STATE/standalone/deployments/muejam.ear"
export MUEJAM_SERVER_BASE_DIR="$STATE/standalone"
# TOTP secrets are stored sealed with TOTP_ENCRYPTION_KEY (base64, 32 bytes). Unset: one is generated into the
# state directory on the first run and reused, so second factors enabled in a run keep working after a restart.
if [ -z "${TOTP_ENCRYPTION_KEY:-}" ]; then
  if [ ! -s "$STATE/totp-encryption.key" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$STATE/totp-encryption.key")
  fi
  TOTP_ENCRYPTION_KEY="$(cat "$STATE/totp-encryption.key")"
fi
export TOTP_ENCRYPTION_KEY
echo "starting WildFly (port offset $OFFSET)..."
"$ROOT/server-config/bin/start-wildfly.sh" -Djboss.socket.binding.port-offset="$OFFSET" > "$STATE/wildfly.log" 2>&1 &
echo $! > "$STATE/wildfly.pid"

for _ in $(seq 1 120); do
  if [ -f "$STATE/standalone/deployments/muejam.ear.deployed" ]; then break; fi
  if [ -f "$STATE/standalone/deployments/muejam.ear.failed" ]; then
    echo "deployment failed: see $STATE/wildfly.log"; stop; exit 1
  fi
  sleep 1
done

cat <<URLS

MueJam is running.
  API          http://localhost:$HTTP_PORT/api/discover/newest   (sign up: POST /api/auth/signup; reference: web/README.md)
  OpenAPI      http://localhost:$HTTP_PORT/openapi
  Metrics      http://localhost:$HTTP_PORT/metrics
  Health       http://localhost:$HTTP_PORT/health/ready
  Console      http://localhost:$MGMT_PORT/console   (add a management user first: $WILDFLY/bin/add-user.sh)
  Services     $(services status | tr '\n' ' ')
  Server log   $STATE/wildfly.log
Press Ctrl-C to stop everything (or run: bin/run.sh stop).
URLS
wait "$(cat "$STATE/wildfly.pid")" || true
stop
