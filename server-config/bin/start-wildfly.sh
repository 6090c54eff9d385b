#!/usr/bin/env bash
# Starts the configured MueJam WildFly (built by `mvn -pl server-config package` into
# server-config/target/wildfly) with standalone-muejam.xml. Every argument goes to standalone.sh, e.g.
#
#   DB_USER=postgres DB_NAME=postgres server-config/bin/start-wildfly.sh -Djboss.socket.binding.port-offset=200
#   server-config/bin/start-wildfly.sh -DDB_PORT=15432 -b 0.0.0.0
#
# MUEJAM_WILDFLY_HOME selects another server directory; MUEJAM_SERVER_BASE_DIR runs the server from a copy
# of its standalone/ directory (configuration, deployments, data, logs), leaving the provisioned one untouched. The DB_* settings are read by the server itself
# (system property first, then environment variable, then default), except two pool settings that WildFly
# must hold as plain numbers to keep live pool tuning reload-free (see configure-wildfly.cli): before each
# start this script writes initial-size = DB_POOL_MIN_CONNECTIONS and idle-removal = DB_POOL_IDLE_TIMEOUT
# (seconds, rounded up to whole minutes) into the PrimaryDS/ReplicaDS pools of standalone-muejam.xml.
# An empty DB_PASSWORD is treated as unset.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export JBOSS_HOME=${MUEJAM_WILDFLY_HOME:-$(cd "$here/.." && pwd)/target/wildfly}
base_dir=${MUEJAM_SERVER_BASE_DIR:-$JBOSS_HOME/standalone}
config=$base_dir/configuration/standalone-muejam.xml
[ -f "$config" ] || { echo "start-wildfly: $config not found; run: mvn -pl server-config package" >&2; exit 1; }

# Same precedence as the server's expressions: -DNAME=value argument, then environment, then default.
setting() {
    local name=$1 value=${!1-} arg
    shift
    for arg in "$@"; do
        case $arg in -D"$name"=*) value=${arg#-D"$name"=} ;; esac
    done
    printf '%s' "$value"
}
min_connections=$(setting DB_POOL_MIN_CONNECTIONS "$@")
min_connections=${min_connections:-10}
idle_seconds=$(setting DB_POOL_IDLE_TIMEOUT "$@")
idle_seconds=${idle_seconds:-300}
for pair in "DB_POOL_MIN_CONNECTIONS=$min_connections" "DB_POOL_IDLE_TIMEOUT=$idle_seconds"; do
    [[ ${pair#*=} =~ ^[0-9]+$ ]] || { echo "start-wildfly: ${pair%%=*} must be a whole number, got '${pair#*=}'" >&2; exit 1; }
done
idle_minutes=$(( (10#$idle_seconds + 59) / 60 ))
min_connections=$(( 10#$min_connections ))

updated=$(mktemp)
trap 'rm -f "$updated"' EXIT
sed -E '/<datasource name="(PrimaryDS|ReplicaDS)"/,/<\/datasource>/ {
    /<connection-pool / {
        s/initial-size="[^"]*"/initial-size="'"$min_connections"'"/
        s/idle-removal="[^"]*"/idle-removal="'"$idle_minutes"'"/
    }
}' "$config" > "$updated"
cmp -s "$updated" "$config" || cat "$updated" > "$config"
rm -f "$updated"   # exec below skips the EXIT trap

# An empty DB_PASSWORD means "no password", which is what leaving it unset gives (the pools then send the
# placeholder "none"); set but empty, the server would refuse it and not start the datasources.
[ -n "${DB_PASSWORD-}" ] || unset DB_PASSWORD
args=()
[ -z "${MUEJAM_SERVER_BASE_DIR-}" ] || args+=("-Djboss.server.base.dir=$base_dir")
for arg in "$@"; do
    [ "$arg" = "-DDB_PASSWORD=" ] || args+=("$arg")
done

exec "$JBOSS_HOME/bin/standalone.sh" -c standalone-muejam.xml ${args[@]+"${args[@]}"}
