#!/usr/bin/env bash
# Prints the HAProxy configuration that puts application nodes behind one port:
#   bin/haproxy-config.sh 8080 127.0.0.1:8180,127.0.0.1:8280 > haproxy.cfg
# Round robin; every node health-checked on GET /health/ready every 500 ms (2 failures out, 2 successes in); a
# request a node did not serve (connection refused, or 503 while it drains before a shutdown) is retried on
# another node, up to 3 times. Responses a node did serve are never replayed, so a write is never applied twice.
set -euo pipefail
port=$1
IFS=, read -ra nodes <<< "$2"
cat <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    retries 3
    option redispatch 1
    # conn-failure: never reached the node; 503: a suspended WildFly refuses without running the request
    retry-on conn-failure 503

frontend muejam
    bind 127.0.0.1:$port
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
CFG
i=0
for n in "${nodes[@]}"; do
  i=$((i + 1))
  echo "    server node$i $n check"
done
