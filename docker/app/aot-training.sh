#!/usr/bin/env bash
# The AOT cache's training run, at image build time (docker/app/Dockerfile) or by hand (JDK 25;
# AOT_TRAINING_PORT, default 8080, is the port it starts the server on):
#   docker/app/aot-training.sh JAR OPTIONS_FILE CACHE
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 docker/app/aot-training.sh \
#     bootstrap/target/huberman-app.jar bootstrap/jvm.options bootstrap/target/huberman-app.aot
# Starts the runnable with the JVM options it will run with and -XX:AOTCacheOutput (JDK 25), waits
# until the API answers, asks a few endpoints, and stops it with SIGTERM; the JVM writes the cache
# as it exits. No PostgreSQL or Redis is needed: the app deploys without them (not ready) and the
# start, which is what the cache is for, loads the same classes. Fails when no cache was written.
# The cache is valid for this JAR (path, size and time) on this JVM only; anything else makes the
# JVM warn and start without it.
set -euo pipefail

jar="$1"
options="$2"
cache="$3"
port="${AOT_TRAINING_PORT:-8080}"
log="$(mktemp)"

# Our own options only: the image's JDK_JAVA_OPTIONS would name the cache being made.
unset JDK_JAVA_OPTIONS
# The dump needs room for every class in the class space, which the file's metaspace cap does not
# give it; options after the file win.
APP_PORT="$port" MIGRATE_ON_START=false \
  SHUTDOWN_DRAIN=PT0S STARTUP_TIMEOUT=600 \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" "@$options" -XX:MaxMetaspaceSize=1g -XX:AOTCacheOutput="$cache" -jar "$jar" >"$log" 2>&1 &
pid=$!

answered=false
for _ in $(seq 1200); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/ping"; then
    answered=true
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [[ "$answered" == true ]]; then
  # The first requests' classes too: the API, the health checks, the contract.
  for path in api/v1/ping api/v1/plans health/live health/ready health/started openapi metrics; do
    curl -s -o /dev/null "http://127.0.0.1:$port/$path" || true
  done
  kill -TERM "$pid"
fi
# The exit status does not matter (a stop without a database may end with the app's own halt);
# the cache does.
wait "$pid" || true
if [[ ! -s "$cache" ]]; then
  echo "aot-training: no AOT cache was written; the run's output:" >&2
  tail -n 50 "$log" >&2
  exit 1
fi
rm -f "$log" "$cache.config"
echo "aot-training: $(du -h "$cache" | cut -f1) AOT cache at $cache"
