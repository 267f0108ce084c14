#!/usr/bin/env bash
# Three instances of the runnable behind a real nginx serving the project's app.conf (its upstream
# pointed at them), one PostgreSQL and one Redis: shared state, a rolling restart and the loss of
# an instance under load (issue 20, acceptance 1; docs/operations/scaling.md). The database is
# migrated first, as a step of its own, with the operator CLI; the instances run with
# MIGRATE_ON_START=false. Prints the counts and exits non-zero when a check fails.
# Usage: docker/tests/multi-instance-test.sh   (after ./mvnw -B -DskipTests package)
set -euo pipefail
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/bootstrap/target/huberman-app.jar"
CONF="$ROOT/docker/nginx/conf.d/app.conf"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
[[ -f "$JAR" ]] || { echo "Build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
[[ -x "$NGINX" ]] || { echo "needs nginx (apt-get install nginx)" >&2; exit 2; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/huberman-multi.XXXXXX")"
DB="huberman_multi_$(date +%s)_$$"
export PGHOST="${DB_HOST:-127.0.0.1}" PGPORT="${DB_PORT:-5432}" PGUSER="${DB_USERNAME:-postgres}"
NGINX_PID=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

cleanup() {
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  if [[ "${KEEP_WORK:-}" != "1" ]]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap cleanup EXIT

# 1. Migrations as a step of the deployment, before any instance starts.
DB_DATABASE="$DB" "$JAVA_HOME/bin/java" -Djava.io.tmpdir="$WORK" -jar "$JAR" migrate

# 2. nginx with the project's app.conf; only the upstream's servers, the listen port and the paths
#    differ (Docker's DNS name and its resolver mean nothing here).
P1="$(free_port)"; P2="$(free_port)"; P3="$(free_port)"; NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/conf.d" "$WORK/nginx/logs"
sed -E -e "s/^([[:space:]]*)server app:8080[^;]*;/\1server 127.0.0.1:$P1;\n\1server 127.0.0.1:$P2;\n\1server 127.0.0.1:$P3;/" \
    -e "/^[[:space:]]*resolver[[:space:]]/d" \
    -e "s/listen 80 default_server;/listen 127.0.0.1:$NGINX_PORT default_server;/" \
    -e "s#/etc/nginx/docs.d/#$WORK/nginx/docs.d/#" \
    -e "s#/var/log/nginx/#$WORK/nginx/logs/#" "$CONF" >"$WORK/nginx/conf.d/app.conf"
grep -q "server 127.0.0.1:$P3;" "$WORK/nginx/conf.d/app.conf" \
  || { echo "app.conf's upstream server line was not found" >&2; exit 1; }
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/conf.d/*.conf;
}
CONF
"$NGINX" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!

# 3. The instances, the checks and the load.
"$JAVA_HOME/bin/java" "$ROOT/docker/tests/multi-instance/MultiInstanceTest.java" \
  "$JAR" "$DB" "$NGINX_PORT" "$WORK" "$P1" "$P2" "$P3"
