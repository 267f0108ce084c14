#!/bin/sh
# Grafana's entrypoint in Compose (profile monitoring): refuses to start while
# GF_SECURITY_ADMIN_PASSWORD (GRAFANA_ADMIN_PASSWORD in .env) is empty or "admin", which would leave
# the admin account with Grafana's well-known default password; otherwise execs its arguments (the
# image's /run.sh). Compose cannot require the variable itself without requiring it for every
# profile. Tested by docker/tests/compose-test.sh.
set -eu
case "${GF_SECURITY_ADMIN_PASSWORD:-}" in
  "" | admin)
    echo "grafana: GRAFANA_ADMIN_PASSWORD is not set (or is \"admin\"): set it in .env" >&2
    exit 2
    ;;
esac
exec "$@"
