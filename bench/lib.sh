# Shared helpers of the benchmark scripts: start the runnable in a database of its own, wait for
# readiness, measure, and clean up. Sourced, not run.

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# JAR: the runnable to measure (another build of it, to compare).
JAR="${JAR:-$ROOT/bootstrap/target/huberman-app.jar}"
RESULTS="$ROOT/bench/results"
# The JVM options of the image, from the one file that sets them (comments dropped; override to
# compare). Passed as options rather than as @file, since jshell's -R takes no argument files.
JVM_OPTIONS_FILE="$ROOT/bootstrap/jvm.options"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-$(grep -v '^[[:space:]]*#' "$JVM_OPTIONS_FILE" | xargs)}"
# AOT_CACHE: an AOT cache to start with (docker/app/aot-training.sh makes one), as the image does.
if [[ -n "${AOT_CACHE:-}" ]]; then
  BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -XX:AOTCache=$AOT_CACHE"
fi
# How long wait_ready waits; the app's own STARTUP_TIMEOUT (120 s unless set) ends a start first.
READY_WAIT_SECONDS="${READY_WAIT_SECONDS:-120}"

require() {
  command -v "$1" >/dev/null || { echo "needs $1 (apt-get install $2)" >&2; exit 2; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_app NAME: starts the runnable with its own database; sets APP_PID, APP_PORT, APP_DB, APP_LOG
# and LAUNCH_NS (the moment of launch).
start_app() {
  [[ -f "$JAR" ]] || { echo "Build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
  mkdir -p "$RESULTS"
  APP_PORT="$(free_port)"
  APP_DB="huberman_bench_$1_$(date +%s)"
  APP_LOG="$RESULTS/$1-app.log"
  LAUNCH_NS="$(date +%s%N)"
  # shellcheck disable=SC2086
  APP_PORT="$APP_PORT" DB_DATABASE="$APP_DB" LOG_LEVEL=WARNING APP_ENV=production \
    "$JAVA_HOME/bin/java" $BENCH_JAVA_OPTS \
    -Djava.io.tmpdir="$RESULTS" -jar "$JAR" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  trap stop_app EXIT
}

# wait_ready: polls /health/ready every 50 ms; sets READY_MS, the launch-to-ready time.
wait_ready() {
  for _ in $(seq $((READY_WAIT_SECONDS * 20))); do
    if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/health/ready"; then
      READY_MS=$(( ($(date +%s%N) - LAUNCH_NS) / 1000000 ))
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app died; see $APP_LOG" >&2; exit 1; }
    sleep 0.05
  done
  echo "not ready after $READY_WAIT_SECONDS s; see $APP_LOG" >&2
  exit 1
}

# gc_seconds: the seconds the app's JVM spent in GC since launch (the last column of jstat -gcutil).
gc_seconds() {
  "$JAVA_HOME/bin/jstat" -gcutil "$APP_PID" | awk 'NR == 2 {print $NF}'
}

rss_mb() {
  echo $(( $(ps -o rss= -p "$APP_PID") / 1024 ))
}

stop_app() {
  if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    # The app's own watchdog halts a stop that hangs after SHUTDOWN_TIMEOUT (33 s); past that,
    # nothing is left to wait for.
    for _ in $(seq 400); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "${APP_DB:-}" ]]; then
    PGPASSWORD="${DB_PASSWORD:-}" psql -q -h "${DB_HOST:-127.0.0.1}" -U "${DB_USERNAME:-postgres}" -d postgres \
      -c "DROP DATABASE IF EXISTS \"$APP_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}

# register_user FILE: registers a fresh account with the server started by start_app and writes a
# wrk Lua script that sends its bearer token to FILE; sets EMAIL and PASSWORD.
register_user() {
  local token
  EMAIL="bench+$(date +%s%N)@example.com"
  PASSWORD="correct horse battery staple"
  token="$(curl -fs -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"password_confirmation\":\"$PASSWORD\"}" \
    "http://127.0.0.1:$APP_PORT/api/v1/register" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  [[ -n "$token" ]] || { echo "registration failed; see $APP_LOG" >&2; exit 1; }
  cat >"$1" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
}

# wrk_run URL SECONDS CONNECTIONS: prints "requests/s p50 p99 non-2xx" of one wrk run.
wrk_run() {
  wrk -t2 -c"$3" -d"$2"s --latency "$1" | wrk_summary
}

# wrk_run_script URL SECONDS CONNECTIONS LUA: the same, with a wrk Lua script (method, body, headers);
# WRK_THREADS sets wrk's threads (default 2).
wrk_run_script() {
  wrk -t"${WRK_THREADS:-2}" -c"$3" -d"$2"s --latency -s "$4" "$1" | wrk_summary
}

wrk_summary() {
  awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    /Non-2xx/ {errors=$NF}
    END {printf "%s %s %s %s\n", rps, p50, p99, (errors == "" ? 0 : errors)}'
}

# make_stripe_events FILE COUNT PREFIX SECRET: COUNT distinct Stripe events (evt_PREFIX_N), one a
# line as "Stripe-Signature<TAB>body", signed with SECRET now: Stripe's tolerance is 300 s, so make
# them just before the run that sends them.
make_stripe_events() {
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import hashlib, hmac, json, sys, time
path, count, prefix, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
now = int(time.time())
with open(path, "w") as out:
    for n in range(count):
        event = {"id": f"evt_{prefix}_{n}", "object": "event", "type": "customer.subscription.updated",
                 "created": now, "data": {"object": {"id": f"sub_{prefix}_{n % 500}", "object": "subscription",
                 "status": "active", "cancel_at_period_end": False, "customer": "cus_bench",
                 "items": {"data": [{"current_period_end": now + 2592000 + n, "price": {"id": "price_premium_monthly"}}]}}}}
        body = json.dumps(event, separators=(",", ":"))
        mac = hmac.new(secret.encode(), f"{now}.{body}".encode(), hashlib.sha256).hexdigest()
        out.write(f"t={now},v1={mac}\t{body}\n")
PY
}

# write_webhooks_lua FILE [LUA]: the wrk script that sends each line of the file named by EVENTS
# (make_stripe_events) once, to POST /api/v1/webhooks/stripe; LUA is appended.
write_webhooks_lua() {
  cat >"$1" <<'LUA'
-- Every request is a new event: each line of EVENTS, signature and body, once.
function init(args)
  requests = {}
  for line in io.lines(os.getenv("EVENTS")) do
    local signature, body = line:match("^([^\t]*)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/api/v1/webhooks/stripe",
      {["Content-Type"] = "application/json", ["Stripe-Signature"] = signature}, body)
  end
  step = 0
end
function request()
  step = step + 1
  return requests[(step - 1) % #requests + 1]
end
LUA
  printf '%s\n' "${2:-}" >>"$1"
}

# write_login_lua FILE EMAIL PASSWORD [LUA]: the wrk script that signs EMAIL in, each login from
# its own address (the app trusts 127.0.0.1's X-Forwarded-For): a login is counted by the
# password-guess limit while its hash is checked (5 in flight per account and address); LUA is
# appended.
write_login_lua() {
  cat >"$1" <<LUA
wrk.method = "POST"
wrk.body = '{"email":"$2","password":"$3"}'
local sent = 0
request = function()
  sent = sent + 1
  local address = "198.18." .. (math.floor(sent / 250) % 250) .. "." .. (sent % 250 + 1)
  return wrk.format(nil, nil,
    {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address}, nil)
end
LUA
  printf '%s\n' "${4:-}" >>"$1"
}
