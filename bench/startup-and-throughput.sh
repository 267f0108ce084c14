#!/usr/bin/env bash
# Launch-to-ready time, memory at ready and after load, and GET /api/v1/plans against the trivial
# GET /api/v1/ping of the same server in the same run: interleaved rounds (ping, plans, ping,
# plans, ...), so that a machine whose load moves hits both alike; the ratio of each round and
# their median are printed. See docs/benchmarks.md.
# Usage: [ROUNDS=3] bench/startup-and-throughput.sh [seconds-per-endpoint-and-round] [connections]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
SECONDS_EACH="${1:-20}"
CONNECTIONS="${2:-32}"
ROUNDS="${ROUNDS:-3}"

start_app throughput
wait_ready
RSS_READY="$(rss_mb)"
base="http://127.0.0.1:$APP_PORT"

# Warm both endpoints up (JIT, pool), then measure them in turn, round after round.
wrk_run "$base/api/v1/ping" 10 "$CONNECTIONS" >/dev/null
wrk_run "$base/api/v1/plans" 10 "$CONNECTIONS" >/dev/null
ROWS=""
RATIOS=()
for round in $(seq "$ROUNDS"); do
  read -r PING_RPS PING_P50 PING_P99 PING_ERR < <(wrk_run "$base/api/v1/ping" "$SECONDS_EACH" "$CONNECTIONS")
  read -r PLANS_RPS PLANS_P50 PLANS_P99 PLANS_ERR < <(wrk_run "$base/api/v1/plans" "$SECONDS_EACH" "$CONNECTIONS")
  RATIO="$(awk -v a="$PLANS_RPS" -v b="$PING_RPS" 'BEGIN {printf "%.2f", a / b}')"
  RATIOS+=("$RATIO")
  ROWS+="| ${round} | ${PING_RPS} req/s, p50 ${PING_P50}, p99 ${PING_P99}, non-2xx ${PING_ERR} | ${PLANS_RPS} req/s, p50 ${PLANS_P50}, p99 ${PLANS_P99}, non-2xx ${PLANS_ERR} | ${RATIO} |"$'\n'
done
RSS_LOADED="$(rss_mb)"
MEDIAN="$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}')"

cat <<REPORT
| measure | value |
|---|---|
| launch to /health/ready | ${READY_MS} ms |
| RSS at ready | ${RSS_READY} MB |
| RSS after load | ${RSS_LOADED} MB |
| plans / ping, median of ${ROUNDS} rounds | ${MEDIAN} |

| round | GET /api/v1/ping (trivial JSON) | GET /api/v1/plans | plans / ping |
|---|---|---|---|
${ROWS}
JVM options: ${BENCH_JAVA_OPTS}; wrk -t2 -c${CONNECTIONS}, ${SECONDS_EACH} s per endpoint and round after 10 s warm-up each.
REPORT
