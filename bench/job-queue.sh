#!/usr/bin/env bash
# No-op jobs per second, enqueue rate and idle enqueue-to-start latency of our job queue, side by
# side with db-scheduler and a raw DELETE … SKIP LOCKED loop, in one run against a fresh database
# on the local PostgreSQL. See docs/benchmarks.md.
# Usage: bench/job-queue.sh [jobs] [workers] [enqueue-threads]
# Needs the project installed in ~/.m2 first: ./mvnw -B install -DskipTests
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export JAVA_HOME  # the Maven wrapper runs on it too
POM="$ROOT/bench/job-queue/pom.xml"
TARGET="$ROOT/bench/job-queue/target"

"$ROOT/mvnw" -q -B -f "$POM" package
mkdir -p "$RESULTS"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $BENCH_JAVA_OPTS -Dbench.results="$RESULTS" \
  -cp "$TARGET/classes:$(cat "$TARGET/classpath.txt")" \
  app.huberman.bench.JobQueueBenchmark "${1:-20000}" "${2:-4}" ${3:+"$3"}
