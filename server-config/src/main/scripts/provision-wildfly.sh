#!/usr/bin/env bash
# Builds the configured MueJam server: unpacks the WildFly distribution, adds EclipseLink to WildFly's
# org.eclipse.persistence module, creates standalone-muejam.xml and applies configure-wildfly.cli offline.
#
#   provision-wildfly.sh build <wildfly-dist.zip> <postgresql.jar> <eclipselink.jar> <cli script> <target dir>
#   provision-wildfly.sh configure <postgresql.jar> <eclipselink.jar> <cli script> <existing server dir>
#
# "build" is what the server-config Maven build runs (process-resources). It does nothing when <target dir>
# was built from the same inputs (checksums of this script, the CLI script and the artifacts, kept in a
# marker file); any change rebuilds the server from a fresh unpack, so a stale configuration never survives.
# "configure" runs only the steps after the unpack on a server that exists (stopped); they are idempotent,
# so running it again leaves the same server.
set -euo pipefail

usage() {
    sed -n 's/^#   //p' "${BASH_SOURCE[0]}" | head -n 2 >&2
    exit 2
}
mode=${1:-}
case $mode in
    build) [ $# -eq 6 ] || usage; dist_zip=$2 pg_jar=$3 el_jar=$4 cli_script=$5 target=$6 ;;
    configure) [ $# -eq 5 ] || usage; dist_zip= pg_jar=$2 el_jar=$3 cli_script=$4 target=$5 ;;
    *) usage ;;
esac
inputs=("$pg_jar" "$el_jar" "$cli_script")
[ "$mode" = configure ] || inputs+=("$dist_zip")
for f in "${inputs[@]}"; do
    [ -f "$f" ] || { echo "provision-wildfly: missing input $f" >&2; exit 1; }
done
target=$(mkdir -p "$(dirname "$target")" && cd "$(dirname "$target")" && pwd)/$(basename "$target")
marker=$target/.muejam-provisioned
config_dir=$target/standalone/configuration

# Never change a server that is running from this directory (start-wildfly.sh or Arquillian): a rebuild
# would pull files from under it and it would overwrite an offline configuration change.
refuse_if_running() {
    if [ -d "$target" ] && pgrep -f -- "-Djboss.home.dir=$target( |$)" >/dev/null 2>&1; then
        echo "provision-wildfly: a server is running from $target; stop it first" >&2
        exit 1
    fi
}

unpack() {
    # Artifacts are identified by name and size (hashing the 261 MB zip on every build is wasted time);
    # the scripts by content.
    fingerprint=$(
        {
            sha256sum "${BASH_SOURCE[0]}" "$cli_script" | cut -d' ' -f1
            for f in "$dist_zip" "$pg_jar" "$el_jar"; do echo "$(basename "$f") $(stat -c %s "$f")"; done
        } | sha256sum | cut -d' ' -f1
    )

    if [ -f "$marker" ] && [ "$(cat "$marker")" = "$fingerprint" ] && [ -f "$config_dir/standalone-muejam.xml" ]; then
        echo "provision-wildfly: $target is up to date"
        exit 0
    fi

    refuse_if_running

    echo "provision-wildfly: building $target from $(basename "$dist_zip")"
    staging=$target.staging
    rm -rf "$staging" "$target"
    mkdir -p "$staging"
    if command -v unzip >/dev/null 2>&1; then
        unzip -q "$dist_zip" -d "$staging"
    else
        (cd "$staging" && jar xf "$dist_zip")
    fi
    unpacked=$(find "$staging" -mindepth 1 -maxdepth 1 -type d -name 'wildfly-*' | head -n 1)
    [ -n "$unpacked" ] || { echo "provision-wildfly: no wildfly-* directory in $dist_zip" >&2; exit 1; }
    mv "$unpacked" "$target"
    rm -rf "$staging"
    chmod +x "$target"/bin/*.sh   # jar xf does not keep permissions
}

# Every step below is idempotent.
configure() {
    # EclipseLink joins the module that already holds WildFly's jipijapa-eclipselink integration, so a
    # persistence unit selects it with jboss.as.jpa.providerModule=org.eclipse.persistence. java.rmi is needed
    # (NoClassDefFoundError: java/rmi/RemoteException otherwise); java.desktop (java.beans), java.sql and
    # java.xml are what EclipseLink uses besides.
    el_module=$target/modules/system/layers/base/org/eclipse/persistence/main
    el_name=$(basename "$el_jar")
    cp -f "$el_jar" "$el_module/$el_name"
    if ! grep -q "<resource-root path=\"$el_name\"/>" "$el_module/module.xml"; then
        sed -i "s|^\( *\)\(<resource-root path=\"jipijapa-eclipselink-[^\"]*\"/>\)|\1\2\n\1<resource-root path=\"$el_name\"/>|" \
            "$el_module/module.xml"
    fi
    # inserted one after another right below java.logging, so listed in reverse to end up sorted
    for dep in java.xml java.sql java.rmi java.desktop; do
        if ! grep -q "<module name=\"$dep\"/>" "$el_module/module.xml"; then
            sed -i "s|^\( *\)\(<module name=\"java.logging\"/>\)|\1\2\n\1<module name=\"$dep\"/>|" "$el_module/module.xml"
        fi
    done
    for expected in "<resource-root path=\"$el_name\"/>" '<module name="java.rmi"/>' '<module name="java.desktop"/>'; do
        grep -q "$expected" "$el_module/module.xml" || {
            echo "provision-wildfly: could not add $expected to $el_module/module.xml" >&2; exit 1; }
    done

    # The application runs with its own configuration, derived from the MicroProfile one.
    [ -f "$config_dir/standalone-muejam.xml" ] || cp "$config_dir/standalone-microprofile.xml" "$config_dir/standalone-muejam.xml"

    # The CLI must act on this server whatever JBOSS_HOME or JAVA_OPTS the caller has set.
    JBOSS_HOME=$target JAVA_OPTS="-Dmuejam.postgresql.jar=$pg_jar" "$target/bin/jboss-cli.sh" --file="$cli_script"
}

if [ "$mode" = build ]; then
    unpack
    configure
    echo "$fingerprint" > "$marker"
    echo "provision-wildfly: $target is ready (start it with server-config/bin/start-wildfly.sh)"
else
    [ -f "$config_dir/standalone-microprofile.xml" ] || { echo "provision-wildfly: $target is not a WildFly server" >&2; exit 1; }
    refuse_if_running
    configure
    echo "provision-wildfly: configured $target"
fi
