#!/usr/bin/env bash
# Mixed traffic: does a login storm starve the other requests? One app, four paths:
#  - POST /api/v1/login at the machine's full Argon2 capacity (LOGIN_CONNECTIONS, default 3 per
#    core, each login from its own address so that no rate limit stops it);
#  - GET /api/v1/user/profile and GET /api/v1/user/entitlements (bearer), READ_CONNECTIONS each;
#  - POST /api/v1/webhooks/stripe, signed events, each new (WEBHOOK_CONNECTIONS): as fast as they
#    go alone, and at a provider's steady WEBHOOK_RATE (default 100/s) in the mix.
# Each path is measured ALONE (after a warm-up); then the reads and webhooks TOGETHER WITHOUT the
# storm for MIXED_SECONDS, the baseline of the targets; then all four TOGETHER for MIXED_SECONDS
# after a warm-up of the mix. During the mix a probe sends bursts of logins beyond the hashing line's room
# and times their answers. Afterwards the database must hold every webhook answered 2xx, and the
# queue workers must have processed them all.
# It also reports the app's RSS at ready, its peak RSS over the run and the share of time in GC
# (for the 1 GiB container: BENCH_JAVA_OPTS="$(grep -v '^#' bootstrap/jvm.options | xargs)
# -XX:MaxRAM=1g -XX:AOTCache=...", see docs/benchmarks.md).
# Usage: bench/mixed.sh [seconds-per-solo-measure] [mixed-seconds]; WARMUP (default 30 s) drives
# each path before its solo measure, MIXED_WARMUP (default 20 s) the mix. See docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
require psql postgresql-client
SOLO_SECONDS="${1:-20}"
MIXED_SECONDS="${2:-60}"
WARMUP="${WARMUP:-30}"
MIXED_WARMUP="${MIXED_WARMUP:-20}"
CORES="$(nproc)"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-$((3 * CORES))}"
READ_CONNECTIONS="${READ_CONNECTIONS:-32}"
WEBHOOK_CONNECTIONS="${WEBHOOK_CONNECTIONS:-16}"
WEBHOOK_RATE="${WEBHOOK_RATE:-100}"
# Each burst: more logins at once than the default line (PASSWORD_HASHING_QUEUE, 4 per core) holds.
BURST="${BURST:-$((10 * CORES))}"
SECRET="whsec_bench_$(date +%s)"
export STRIPE_WEBHOOK_SECRET="$SECRET"

start_app mixed
wait_ready
READY_RSS="$(rss_mb)"
GC_AT_READY="$(gc_seconds)"
READY_AT="$(date +%s)"
base="http://127.0.0.1:$APP_PORT"
PG=(-h "${DB_HOST:-127.0.0.1}" -U "${DB_USERNAME:-postgres}")
password="correct horse battery staple"
register() { # register EMAIL: prints the new account's token
  curl -fs -H 'Content-Type: application/json' -H "X-Forwarded-For: 198.19.0.$((RANDOM % 250 + 1))" \
    -d "{\"name\":\"Bench\",\"email\":\"$1\",\"password\":\"$password\",\"password_confirmation\":\"$password\"}" \
    "$base/api/v1/register" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
reader="bench-reader+$(date +%s)@example.com"
signer="bench-login+$(date +%s)@example.com"
token="$(register "$reader")"
[[ -n "$token" && -n "$(register "$signer")" ]] || { echo "registration failed; see $APP_LOG" >&2; exit 1; }

# Every script counts the answers by status (2xx; 503 or 429; other) and the refusals without a
# Retry-After header, and prints them as one STATUS line when wrk is done.
COUNTING='
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = (ok or 0) + 1
  elseif status == 503 or status == 429 then
    busy = (busy or 0) + 1
    if headers["Retry-After"] == nil and headers["retry-after"] == nil then
      noretry = (noretry or 0) + 1
    end
  else other = (other or 0) + 1 end
end
function done(summary, latency, requests)
  local total = {ok = 0, busy = 0, other = 0, noretry = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + (thread:get(name) or 0) end
  end
  io.write(string.format("STATUS %d %d %d %d\n", total.ok, total.busy, total.other, total.noretry))
end
'
write_login_lua "$RESULTS/mixed-login.lua" "$signer" "$password" "$COUNTING"
cat >"$RESULTS/mixed-read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
$COUNTING
LUA
# Loading the events takes wrk seconds: in the mix, the other paths start once it says READY.
write_webhooks_lua "$RESULTS/mixed-webhooks.lua" "$COUNTING
local pause = tonumber(os.getenv(\"PAUSE_MS\") or \"0\")
if pause > 0 then function delay() return pause end end
local load_events = init
function init(args)
  load_events(args)
  local ready = os.getenv(\"READY\")
  if ready then io.open(ready, \"w\"):close() end
end"
make_events() { make_stripe_events "$1" "$2" "$3" "$SECRET"; } # make_events FILE COUNT PREFIX

# drive PATH SECONDS OUTPUT: runs wrk on one path, its output to OUTPUT. One wrk thread for the
# webhooks, whose requests are built before the run (see bench/subscriptions.sh).
drive() {
  case "$1" in
    login) wrk -t2 -c"$LOGIN_CONNECTIONS" -d"$2"s --latency -s "$RESULTS/mixed-login.lua" "$base/api/v1/login" >"$3" ;;
    profile) wrk -t2 -c"$READ_CONNECTIONS" -d"$2"s --latency -s "$RESULTS/mixed-read.lua" "$base/api/v1/user/profile" >"$3" ;;
    entitlements) wrk -t2 -c"$READ_CONNECTIONS" -d"$2"s --latency -s "$RESULTS/mixed-read.lua" "$base/api/v1/user/entitlements" >"$3" ;;
    webhooks) EVENTS="$EVENTS" wrk -t1 -c"$WEBHOOK_CONNECTIONS" -d"$2"s --latency -s "$RESULTS/mixed-webhooks.lua" "$base/api/v1/webhooks/stripe" >"$3" ;;
  esac
}
# figures OUTPUT: "req/s p99 p99-in-ms 2xx 503-or-429 other no-retry-after" of one wrk run.
figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000
      if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p99=$2}
    /^STATUS/ {ok=$2; busy=$3; other=$4; noretry=$5}
    END {printf "%s %s %.2f %d %d %d %d\n", rps, p99, ms(p99), ok, busy, other, noretry}' "$1"
}
stored() { # stored PREFIX: webhooks of that run in the database
  psql -tA "${PG[@]}" -d "$APP_DB" -c "SELECT count(*) FROM webhook_events WHERE event_id LIKE 'evt\\_$1\\_%'"
}
unprocessed() {
  psql -tA "${PG[@]}" -d "$APP_DB" -c "SELECT count(*) FROM webhook_events WHERE processed_at IS NULL"
}

events_for() { # events_for WRK-OUTPUT SECONDS: twice what that run's rate sends in SECONDS
  awk -v seconds="$2" '/Requests\/sec/ {rate = $2} END {n = int(2 * rate * seconds); print (n < 20000 ? 20000 : n)}' "$1"
}
PATHS=(login profile entitlements webhooks)
declare -A SOLO CALM MIXED
for path in "${PATHS[@]}"; do
  if [[ "$path" == webhooks ]]; then
    make_events "$RESULTS/mixed-events-warm.tsv" $((WARMUP * 4000)) warm
    EVENTS="$RESULTS/mixed-events-warm.tsv"
    drive webhooks "$WARMUP" "$RESULTS/mixed-warmup-webhooks.txt"
    # Twice what the warm-up's rate would send: each event new, and few to load.
    make_events "$RESULTS/mixed-events-solo.tsv" "$(events_for "$RESULTS/mixed-warmup-webhooks.txt" "$SOLO_SECONDS")" solo
    EVENTS="$RESULTS/mixed-events-solo.tsv"
  else
    drive "$path" "$WARMUP" /dev/null
  fi
  drive "$path" "$SOLO_SECONDS" "$RESULTS/mixed-solo-$path.txt"
  SOLO[$path]="$(figures "$RESULTS/mixed-solo-$path.txt")"
done
SOLO_STORED="$(stored solo)"

# The mix: a warm-up, then the measure, each path driven by a wrk of its own at the same time.
make_events "$RESULTS/mixed-events-mixwarm.tsv" "$(events_for "$RESULTS/mixed-solo-webhooks.txt" "$MIXED_WARMUP")" mixwarm
make_events "$RESULTS/mixed-events-mix.tsv" "$(events_for "$RESULTS/mixed-solo-webhooks.txt" "$MIXED_SECONDS")" mix
make_events "$RESULTS/mixed-events-calm.tsv" "$(events_for "$RESULTS/mixed-solo-webhooks.txt" "$MIXED_SECONDS")" calm
# run_mix SECONDS SUFFIX EVENTS [PATH...]: the webhooks' wrk first, the other PATHs (by default
# login and the two reads) once it is loaded.
run_mix() {
  local seconds="$1" suffix="$2" events="$3" pids=() ready="$RESULTS/mixed-webhooks-ready"
  shift 3
  local others=(login profile entitlements)
  if [[ $# -gt 0 ]]; then others=("$@"); fi
  rm -f "$ready"
  EVENTS="$events" READY="$ready" PAUSE_MS=$((1000 * WEBHOOK_CONNECTIONS / WEBHOOK_RATE)) drive webhooks "$seconds" "$RESULTS/mixed-$suffix-webhooks.txt" & pids+=($!)
  for _ in $(seq 1200); do [[ -f "$ready" ]] && break; sleep 0.1; done
  for path in "${others[@]}"; do
    drive "$path" "$seconds" "$RESULTS/mixed-$suffix-$path.txt" & pids+=($!)
  done
  wait "${pids[@]}"
}
run_mix "$MIXED_SECONDS" calm "$RESULTS/mixed-events-calm.tsv" profile entitlements
for path in profile entitlements webhooks; do CALM[$path]="$(figures "$RESULTS/mixed-calm-$path.txt")"; done
CALM_STORED="$(stored calm)"
run_mix "$MIXED_WARMUP" warm "$RESULTS/mixed-events-mixwarm.tsv"
# The probe: every 2 s, BURST logins at once on top of the storm; each answer's status, time and
# Retry-After. It starts 5 s into the measure (once the webhooks' events are loaded), when the
# storm has filled the line.
rm -f "$RESULTS/mixed-webhooks-ready"
python3 - "$base" "$signer" "$password" "$BURST" "$((MIXED_SECONDS - 10))" "$RESULTS/mixed-webhooks-ready" >"$RESULTS/mixed-probe.txt" <<'PY' &
import http.client, json, os, sys, threading, time
base, email, password, burst, seconds, ready = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
host, port = base.split("//")[1].split(":")
body = json.dumps({"email": email, "password": password})
lock, rows = threading.Lock(), []
def login(n):
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    started = time.monotonic()
    connection.request("POST", "/api/v1/login", body,
                       {"Content-Type": "application/json", "X-Forwarded-For": f"198.20.{n // 250 % 250}.{n % 250 + 1}"})
    answer = connection.getresponse()
    answer.read()
    with lock:
        rows.append((answer.status, time.monotonic() - started, answer.getheader("Retry-After")))
    connection.close()
while not os.path.exists(ready):
    time.sleep(0.1)
time.sleep(5)
sent, end = 0, time.monotonic() + seconds
while time.monotonic() < end:
    threads = [threading.Thread(target=login, args=(sent + i,)) for i in range(burst)]
    sent += burst
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    time.sleep(2)
for status, took, retry in rows:
    print(status, f"{took * 1000:.1f}", retry or "-")
PY
PROBE_PID=$!
run_mix "$MIXED_SECONDS" run "$RESULTS/mixed-events-mix.tsv"
wait "$PROBE_PID"
for path in "${PATHS[@]}"; do MIXED[$path]="$(figures "$RESULTS/mixed-run-$path.txt")"; done
MIX_STORED="$(stored mix)"
# The workers process what was stored; wait for them (at most 5 minutes).
for _ in $(seq 300); do [[ "$(unprocessed)" == 0 ]] && break; sleep 1; done
UNPROCESSED="$(unprocessed)"
PEAK_RSS="$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$APP_PID/status")"
GC_SHARE="$(awk -v g0="$GC_AT_READY" -v g1="$(gc_seconds)" -v t="$(( $(date +%s) - READY_AT ))" \
  'BEGIN {printf "%.1f", 100 * (g1 - g0) / t}')"
TOTAL_STORED="$(psql -tA "${PG[@]}" -d "$APP_DB" -c "SELECT count(*) FROM webhook_events")"

row() { # row PATH FIGURES
  read -r rps p99 _ ok busy other noretry <<<"$2"
  echo "| $1 | $rps | $p99 | $ok | $busy | $other | $noretry |"
}
verdict() { if awk "BEGIN {exit !($1)}"; then echo PASS; else echo FAIL; fi; }
read_targets() { # read_targets PATH: under the storm against the same traffic without it
  read -r s_rps _ s_p99 _ <<<"${CALM[$1]}"
  read -r m_rps _ m_p99 _ <<<"${MIXED[$1]}"
  echo "- $1 under the storm: $(awk -v a="$m_rps" -v b="$s_rps" 'BEGIN {printf "%.0f%%", 100 * a / b}') of its rate without it (target ≥ 70 %): $(verdict "$m_rps >= 0.7 * $s_rps"); p99 $(awk -v a="$m_p99" -v b="$s_p99" 'BEGIN {printf "%.1f×", a / b}') its p99 without it (target < 3×): $(verdict "$m_p99 < 3 * $s_p99")"
}
webhook_target() { # webhook_target LABEL FIGURES STORED
  read -r _ _ _ ok _ <<<"$2"
  echo "- webhooks $1: $ok answered 2xx, $3 stored: $(verdict "$3 >= $ok")"
}
# Probe figures: sent, 2xx, refused (503 or 429), refused without Retry-After, refusals' p50 and p99.
PROBE="$(awk '$1 >= 200 && $1 < 300 {ok++} $1 == 503 || $1 == 429 {refused++; if ($3 == "-") noretry++}
  END {printf "%d %d %d %d", NR, ok, refused, noretry}' "$RESULTS/mixed-probe.txt") $(
  awk '$1 == 503 || $1 == 429 {print $2}' "$RESULTS/mixed-probe.txt" | sort -n |
  awk '{t[NR] = $1} END {
    if (NR == 0) {print "0 0"; exit}
    printf "%.1f %.1f\n", t[int((NR + 1) / 2)], t[int(NR * 0.99 + 0.999)] }')"
read -r PROBE_N PROBE_OK PROBE_REFUSED PROBE_NORETRY PROBE_P50 PROBE_P99 <<<"$PROBE"

cat <<REPORT
| alone, ${SOLO_SECONDS} s each | req/s | p99 | 2xx | 503 or 429 | other non-2xx | refusals without Retry-After |
|---|---|---|---|---|---|---|
$(for path in "${PATHS[@]}"; do row "$path" "${SOLO[$path]}"; done)

| reads and webhooks without the storm, ${MIXED_SECONDS} s | req/s | p99 | 2xx | 503 or 429 | other non-2xx | refusals without Retry-After |
|---|---|---|---|---|---|---|
$(for path in profile entitlements webhooks; do row "$path" "${CALM[$path]}"; done)

| mixed, with the storm, ${MIXED_SECONDS} s | req/s | p99 | 2xx | 503 or 429 | other non-2xx | refusals without Retry-After |
|---|---|---|---|---|---|---|
$(for path in "${PATHS[@]}"; do row "$path" "${MIXED[$path]}"; done)

Login bursts beyond the line ($BURST at once every 2 s during the mix): $PROBE_N sent, $PROBE_OK answered 2xx, $PROBE_REFUSED refused with 503 or 429 (p50 ${PROBE_P50} ms, p99 ${PROBE_P99} ms), $PROBE_NORETRY of those without Retry-After.

$(read_targets profile)
$(read_targets entitlements)
- logins beyond capacity refused, fast (p99 < 500 ms) and with Retry-After: $(verdict "$PROBE_REFUSED > 0 && $PROBE_NORETRY == 0 && $PROBE_P99 < 500")
$(webhook_target alone "${SOLO[webhooks]}" "$SOLO_STORED")
$(webhook_target "without the storm" "${CALM[webhooks]}" "$CALM_STORED")
$(webhook_target mixed "${MIXED[webhooks]}" "$MIX_STORED")
- every stored webhook processed by the queue workers: $UNPROCESSED of $TOTAL_STORED left unprocessed: $(verdict "$UNPROCESSED == 0")
- memory: RSS ${READY_RSS} MB at ready (target ≤ 512 MB): $(verdict "$READY_RSS <= 512"); peak RSS ${PEAK_RSS} MB over the whole run (target ≤ 768 MB): $(verdict "$PEAK_RSS <= 768"); GC ${GC_SHARE} % of the time from ready to the end (target < 5 %): $(verdict "$GC_SHARE < 5")

$CORES cores; JVM options: ${BENCH_JAVA_OPTS}; connections: login $LOGIN_CONNECTIONS, profile and entitlements $READ_CONNECTIONS each, webhooks $WEBHOOK_CONNECTIONS (in the mix at ${WEBHOOK_RATE}/s); warm-up ${WARMUP} s per path alone, ${MIXED_WARMUP} s for the mix.
REPORT
