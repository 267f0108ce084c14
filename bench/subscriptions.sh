#!/usr/bin/env bash
# Subscription hot paths under load, next to what bounds them, in one run:
#  1. POST /api/v1/webhooks/stripe requests/s (each a distinct event with a real Stripe-Signature,
#     verified, stored and its processing job enqueued in a transaction shared with the webhooks
#     arriving meanwhile), with no queue workers, against pgbench's single-row INSERT
#     transactions/s on the same PostgreSQL with the same number of connections, and against GET
#     /api/v1/ping at that concurrency (what the server answers when it does nothing).
#  2. GET /api/v1/user/entitlements (bearer token, served from the Redis cache) against GET
#     /api/v1/ping, 64 connections.
#  3. The ingest of 1 again, in a second app started with QUEUE_WORKERS workers (default 4) that
#     process the events on the same two cores while they arrive.
# Usage: bench/subscriptions.sh [seconds-per-measure]; WARMUP (seconds, default 90) sets how long
# each path is driven before it is measured: the JIT compiler is still at work on this request path
# well after 10 s on two cores. See docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
require pgbench postgresql-contrib
SECONDS_EACH="${1:-20}"
WARMUP="${WARMUP:-90}"
CONNECTIONS="${WEBHOOK_CONNECTIONS:-16}"
SECRET="whsec_bench_$(date +%s)"
export STRIPE_WEBHOOK_SECRET="$SECRET"

# First run: no queue workers, so ingest is measured alone, as pgbench's inserts are.
QUEUE_WORKERS=0 start_app subscriptions
wait_ready
base="http://127.0.0.1:$APP_PORT"
PG=(-h "${DB_HOST:-127.0.0.1}" -U "${DB_USERNAME:-postgres}")

# 1. Webhook ingest. Signatures are made just before the run: Stripe's tolerance is 300 s.
make_events() { make_stripe_events "$1" "$2" "$3" "$SECRET"; } # make_events FILE COUNT PREFIX
# One wrk thread, so the requests can be built before the run starts: built as they went, they
# cost wrk about 30 µs of CPU each, a sixth of the machine taken from the server at this rate.
# With two threads, the second would build its share while the first already sent its own, and
# those requests would count in a time that does not include them.
write_webhooks_lua "$RESULTS/webhooks.lua"
# measure_ingest: warms the webhook path up, then sets HOOK_RPS, HOOK_P50, HOOK_P99, HOOK_ERR, STORED.
measure_ingest() {
  make_events "$RESULTS/warmup-events.tsv" 400000 warm
  EVENTS="$RESULTS/warmup-events.tsv" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP"s -s "$RESULTS/webhooks.lua" "$base" >/dev/null
  make_events "$RESULTS/events.tsv" $((SECONDS_EACH * 15000)) run   # more than the run can send
  read -r HOOK_RPS HOOK_P50 HOOK_P99 HOOK_ERR < <(EVENTS="$RESULTS/events.tsv" WRK_THREADS=1 wrk_run_script "$base/api/v1/webhooks/stripe" "$SECONDS_EACH" "$CONNECTIONS" "$RESULTS/webhooks.lua")
  STORED="$(psql -tA "${PG[@]}" -d "$APP_DB" -c "SELECT count(*) FROM webhook_events WHERE event_id LIKE 'evt_run_%'")"
}
measure_ingest

# The same database, a table of the same width as webhook_events, one INSERT per transaction.
psql -q "${PG[@]}" -d "$APP_DB" -c "CREATE TABLE bench_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id text, payload jsonb, received_at timestamptz)"
cat >"$RESULTS/insert.sql" <<'SQL'
INSERT INTO bench_rows (event_id, payload, received_at) VALUES (md5(random()::text), '{"id":"evt","type":"customer.subscription.updated"}', now());
SQL
PGBENCH_TPS="$(pgbench "${PG[@]}" -n -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" -f "$RESULTS/insert.sql" "$APP_DB" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"

# 2. Entitlements against ping.
register_user "$RESULTS/entitlements.lua"
wrk_run "$base/api/v1/ping" "$WARMUP" 64 >/dev/null
wrk_run_script "$base/api/v1/user/entitlements" "$WARMUP" 64 "$RESULTS/entitlements.lua" >/dev/null
read -r PING_RPS PING_P50 PING_P99 PING_ERR < <(wrk_run "$base/api/v1/ping" "$SECONDS_EACH" 64)
read -r ENT_RPS ENT_P50 ENT_P99 ENT_ERR < <(wrk_run_script "$base/api/v1/user/entitlements" "$SECONDS_EACH" 64 "$RESULTS/entitlements.lua")
# What the server answers at the ingest's concurrency when it does nothing: the ingest's ceiling.
read -r CEIL_RPS CEIL_P50 CEIL_P99 CEIL_ERR < <(wrk_run "$base/api/v1/ping" "$SECONDS_EACH" "$CONNECTIONS")

# Second run: the same ingest while QUEUE_WORKERS workers process the events on the same cores.
ALONE=("$HOOK_RPS" "$HOOK_P50" "$HOOK_P99" "$HOOK_ERR" "$STORED")
stop_app
WORKERS="${QUEUE_WORKERS:-4}"
QUEUE_WORKERS="$WORKERS" start_app subscriptions-processing
wait_ready
base="http://127.0.0.1:$APP_PORT"
measure_ingest
# The warm-up's events are queued first, so the workers are still on them: count every event.
PROCESSED="$(psql -tA "${PG[@]}" -d "$APP_DB" -c "SELECT count(*) FILTER (WHERE processed_at IS NOT NULL) || ' of ' || count(*) FROM webhook_events")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100 * a / b}'; }
cat <<REPORT
| measure | value |
|---|---|
| POST /api/v1/webhooks/stripe, $CONNECTIONS connections, no workers | ${ALONE[0]} req/s, p50 ${ALONE[1]}, p99 ${ALONE[2]}, non-2xx ${ALONE[3]}; ${ALONE[4]} events stored |
| pgbench single-row INSERT, $CONNECTIONS clients | ${PGBENCH_TPS} tps |
| webhook ingest / pgbench | $(ratio "${ALONE[0]}" "$PGBENCH_TPS") |
| GET /api/v1/ping, $CONNECTIONS connections (the ceiling) | ${CEIL_RPS} req/s, p50 ${CEIL_P50}, p99 ${CEIL_P99}, non-2xx ${CEIL_ERR}; / pgbench $(ratio "$CEIL_RPS" "$PGBENCH_TPS") |
| GET /api/v1/ping, 64 connections | ${PING_RPS} req/s, p50 ${PING_P50}, p99 ${PING_P99}, non-2xx ${PING_ERR} |
| GET /api/v1/user/entitlements (bearer), 64 connections | ${ENT_RPS} req/s, p50 ${ENT_P50}, p99 ${ENT_P99}, non-2xx ${ENT_ERR} |
| entitlements / ping | $(ratio "$ENT_RPS" "$PING_RPS") |
| POST /api/v1/webhooks/stripe, $CONNECTIONS connections, while $WORKERS workers process them | ${HOOK_RPS} req/s, p50 ${HOOK_P50}, p99 ${HOOK_P99}, non-2xx ${HOOK_ERR}; ${STORED} events stored; ${PROCESSED} events (warm-up included) processed by the end |

JVM options: ${BENCH_JAVA_OPTS}; wrk -t2 (webhooks: -t1, requests built before the run), ${SECONDS_EACH} s per measure after a ${WARMUP} s warm-up of each path.
REPORT
