#!/usr/bin/env bash
# Launch-to-ready time, memory at ready and after load, and GET /api/v1/plans against the trivial
# GET /api/v1/ping of the same server in the same run. See docs/benchmarks.md.
# Usage: bench/startup-and-throughput.sh [seconds-per-endpoint] [connections]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
SECONDS_EACH="${1:-20}"
CONNECTIONS="${2:-32}"

start_app throughput
wait_ready
RSS_READY="$(rss_mb)"
base="http://127.0.0.1:$APP_PORT"

# Warm both endpoints up (JIT, pool), then measure them one after the other.
wrk_run "$base/api/v1/ping" 10 "$CONNECTIONS" >/dev/null
wrk_run "$base/api/v1/plans" 10 "$CONNECTIONS" >/dev/null
read -r PING_RPS PING_P50 PING_P99 PING_ERR < <(wrk_run "$base/api/v1/ping" "$SECONDS_EACH" "$CONNECTIONS")
read -r PLANS_RPS PLANS_P50 PLANS_P99 PLANS_ERR < <(wrk_run "$base/api/v1/plans" "$SECONDS_EACH" "$CONNECTIONS")
RSS_LOADED="$(rss_mb)"

cat <<REPORT
| measure | value |
|---|---|
| launch to /health/ready | ${READY_MS} ms |
| RSS at ready | ${RSS_READY} MB |
| RSS after load | ${RSS_LOADED} MB |
| GET /api/v1/ping (trivial JSON) | ${PING_RPS} req/s, p50 ${PING_P50}, p99 ${PING_P99}, non-2xx ${PING_ERR} |
| GET /api/v1/plans | ${PLANS_RPS} req/s, p50 ${PLANS_P50}, p99 ${PLANS_P99}, non-2xx ${PLANS_ERR} |
| plans / ping | $(awk -v a="$PLANS_RPS" -v b="$PING_RPS" 'BEGIN {printf "%.0f%%", 100 * a / b}') |

JVM options: ${BENCH_JAVA_OPTS}; wrk -t2 -c${CONNECTIONS}, ${SECONDS_EACH} s per endpoint after 10 s warm-up.
REPORT
