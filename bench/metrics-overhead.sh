#!/usr/bin/env bash
# What counting and timing every request costs: GET /api/v1/ping (no I/O) on two instances of the
# runnable started side by side, one with the request-metrics filter (HTTP_METRICS_ENABLED=true,
# the default) and one without (false), loaded in alternating rounds so both see the same machine.
# See docs/benchmarks.md.
# Usage: bench/metrics-overhead.sh [rounds] [seconds-per-round] [connections]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
ROUNDS="${1:-4}"
SECONDS_EACH="${2:-15}"
CONNECTIONS="${3:-32}"

# Two apps: lib.sh's start_app tracks one, so keep the first one's pid and database here.
export HTTP_METRICS_ENABLED=false
start_app overhead-off
wait_ready
OFF_PID="$APP_PID" OFF_DB="$APP_DB" OFF_PORT="$APP_PORT"
export HTTP_METRICS_ENABLED=true
start_app overhead-on
wait_ready
stop_both() {
  stop_app
  APP_PID="$OFF_PID" APP_DB="$OFF_DB" stop_app
}
trap stop_both EXIT
on="http://127.0.0.1:$APP_PORT/api/v1/ping"
off="http://127.0.0.1:$OFF_PORT/api/v1/ping"

# Warm both up (JIT), then alternate, starting with a different one each round.
wrk_run "$on" 10 "$CONNECTIONS" >/dev/null
wrk_run "$off" 10 "$CONNECTIONS" >/dev/null
echo "| round | metrics on req/s | p50 | p99 | metrics off req/s | p50 | p99 | on / off |"
echo "|---|---|---|---|---|---|---|---|"
RATIOS=()
SUM_ON=0
SUM_OFF=0
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then
    read -r ON_RPS ON_P50 ON_P99 ON_ERR < <(wrk_run "$on" "$SECONDS_EACH" "$CONNECTIONS")
    read -r OFF_RPS OFF_P50 OFF_P99 OFF_ERR < <(wrk_run "$off" "$SECONDS_EACH" "$CONNECTIONS")
  else
    read -r OFF_RPS OFF_P50 OFF_P99 OFF_ERR < <(wrk_run "$off" "$SECONDS_EACH" "$CONNECTIONS")
    read -r ON_RPS ON_P50 ON_P99 ON_ERR < <(wrk_run "$on" "$SECONDS_EACH" "$CONNECTIONS")
  fi
  [[ "$ON_ERR" == 0 && "$OFF_ERR" == 0 ]] || echo "non-2xx answers: on $ON_ERR, off $OFF_ERR" >&2
  RATIO=$(awk -v a="$ON_RPS" -v b="$OFF_RPS" 'BEGIN {printf "%.3f", a / b}')
  RATIOS+=("$RATIO")
  echo "| $round | $ON_RPS | $ON_P50 | $ON_P99 | $OFF_RPS | $OFF_P50 | $OFF_P99 | $RATIO |"
  SUM_ON=$(awk -v a="$SUM_ON" -v b="$ON_RPS" 'BEGIN {print a + b}')
  SUM_OFF=$(awk -v a="$SUM_OFF" -v b="$OFF_RPS" 'BEGIN {print a + b}')
done
# The median of the per-round ratios: each ratio compares two runs seconds apart, so it survives
# the load of other processes drifting during the run better than the ratio of the means.
MEDIAN=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{r[NR] = $1} END {print (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2)}')
awk -v on="$SUM_ON" -v off="$SUM_OFF" -v n="$ROUNDS" -v m="$MEDIAN" 'BEGIN {
  printf "| mean | %.0f | | | %.0f | | | %.3f |\n\nCost of the request metrics: %.1f %% (median of the rounds), %.1f %% (ratio of the means)\n", on / n, off / n, on / off, 100 * (1 - m), 100 * (1 - on / off)
}'
echo
echo "JVM options: ${BENCH_JAVA_OPTS}; wrk -t2 -c${CONNECTIONS}, ${ROUNDS} rounds of ${SECONDS_EACH} s per instance after 10 s warm-up each."
