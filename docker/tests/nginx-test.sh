#!/usr/bin/env bash
# Runs docker/nginx/conf.d/app.conf in a local nginx in front of a local app and checks what it
# promises: request ids, security headers, the body limit, hidden operations endpoints and OpenAPI
# document, no header naming the software or its version, the client address seen by the app, gzip,
# the login rate limit and JSON error bodies.
#
# Needs the runnable (export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64;
# ./mvnw -q -B -DskipTests package), PostgreSQL and Redis as for the app, curl, python3, and nginx
# (installed with apt-get when missing). Usage: docker/tests/nginx-test.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../bench/lib.sh
source "$HERE/../../bench/lib.sh"
CONF="$ROOT/docker/nginx/conf.d/app.conf"

require curl curl
require python3 python3
require psql postgresql-client
if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "installing nginx"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q nginx-light >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q nginx-light >/dev/null; }
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -f "$JAR" ]] || {
  echo "no $JAR; build it: export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; ./mvnw -q -B -DskipTests package" >&2
  exit 2
}

PASSED=0
FAILED=0
pass() { echo "PASS $1"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; FAILED=$((FAILED + 1)); }
check() { # check NAME COMMAND...: passes when the command succeeds
  local name="$1"
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

WORK="$(mktemp -d)"
chmod 755 "$WORK" # nginx's workers (nobody when run as root) write the temp paths below it
NGINX_PID=""
cleanup() {
  if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID"
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  stop_app
  rm -rf "$WORK"
}

# The app believes X-Forwarded-For from nginx only (127.0.0.1); clients connect from other
# loopback addresses (127.0.0.2, 127.0.0.3), so the app must see those, never a forged header.
export TRUSTED_PROXIES=127.0.0.1
start_app nginx
trap cleanup EXIT
wait_ready

# The same app.conf; only the upstream, the listen port and the log directory differ.
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/conf.d" "$WORK/logs"
sed -e "s/server app:8080;/server 127.0.0.1:$APP_PORT;/" \
    -e "s/listen 80 default_server;/listen 127.0.0.1:$NGINX_PORT default_server;/" \
    -e "s#/var/log/nginx/#$WORK/logs/#" "$CONF" >"$WORK/conf.d/app.conf"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $WORK/client_body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include $WORK/conf.d/*.conf;
}
CONF
if out="$("$NGINX" -t -q -p "$WORK" -c "$WORK/nginx.conf" 2>&1)"; then
  pass "nginx -t accepts the rendered app.conf"
else
  fail "nginx -t accepts the rendered app.conf" "$out"
  exit 1
fi
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/logs/error.log" >&2; exit 1; }
  sleep 0.05
done

NG="http://127.0.0.1:$NGINX_PORT"
APP="http://127.0.0.1:$APP_PORT"
H="$WORK/headers"
B="$WORK/body"
# req ARGS...: curl through whatever URL is given; status on stdout, headers in $H, body in $B
# (000 when curl cannot connect; the check then fails instead of set -e ending the script)
req() { : >"$H"; : >"$B"; curl -s -o "$B" -D "$H" -w '%{http_code}' "$@" || true; }
header() { grep -i "^$1:" "$H" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
header_count() { grep -ci "^$1:" "$H" || true; }
json_message() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["message"])' "$B" 2>/dev/null; }
# answered_by_nginx ID: nginx's access log shows the request with that id never reached the app
answered_by_nginx() {
  local _
  for _ in $(seq 40); do
    python3 - "$WORK/logs/access.log" "$1" <<'PY' && return 0
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
mine = [l for l in lines if l["request_id"] == sys.argv[2]]
sys.exit(0 if mine and all(l["upstream_response_time"] == "" for l in mine) else 1)
PY
    sleep 0.05
  done
  return 1
}
# revealing FILE: prints the headers that name the software behind nginx, or nginx's version
revealing() {
  grep -iE '^(X-Powered-By:|Server:.*(payara|glassfish|grizzly)|Server:.*nginx/[0-9])' "$1" | tr -d '\r'
}
is_json_error() { # is_json_error MESSAGE: the body is {"message": MESSAGE}, typed application/json
  [[ "$(header Content-Type)" == application/json* && "$(json_message)" == "$1" ]]
}

# (a) request ids and security headers
status="$(req -H 'X-Request-Id: nginx-test-1234' "$NG/api/v1/plans")"
check "(a) GET /api/v1/plans through nginx is 200 (got $status)" test "$status" = 200
check "(a) a client's X-Request-Id is echoed" test "$(header X-Request-Id)" = nginx-test-1234
check "(a) exactly one X-Request-Id header" test "$(header_count X-Request-Id)" = 1
for pair in X-Content-Type-Options=nosniff X-Frame-Options=DENY Referrer-Policy=no-referrer; do
  name="${pair%%=*}"
  check "(a) $pair, sent once" test "$(header "$name")=$(header_count "$name")" = "${pair#*=}=1"
done
check "(a) no Strict-Transport-Security over plain HTTP" test "$(header_count Strict-Transport-Security)" = 0
status="$(req "$NG/api/v1/plans")"
NGINX_ID="$(header X-Request-Id)"
check "(a) without a client id, nginx's \$request_id comes back ($NGINX_ID)" \
  bash -c '[[ "$0" =~ ^[0-9a-f]{32}$ ]]' "$NGINX_ID"
check "(a) nginx's JSON access log has that request id" \
  grep -q "\"request_id\":\"$NGINX_ID\",\"method\":\"GET\",\"uri\":\"/api/v1/plans\",\"status\":200" "$WORK/logs/access.log"
check "(a) every access log line is JSON" \
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$WORK/logs/access.log"

# (b) the body limit
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$WORK/big.json"
status="$(req -X POST -H 'Content-Type: application/json' -H 'X-Request-Id: nginx-test-413' \
  --data-binary "@$WORK/big.json" "$NG/api/v1/register")"
check "(b) a 2 MiB body to /api/v1/register is 413 (got $status)" test "$status" = 413
check "(b) nginx answered it; the app never saw the body" answered_by_nginx nginx-test-413
check "(b) the 413 is nginx's JSON, not HTML" is_json_error "The request body is larger than 1 MiB."
check "(b) the 413 carries X-Request-Id and the security headers" \
  test -n "$(header X-Request-Id)" -a "$(header X-Frame-Options)" = DENY

# (c) operations endpoints: hidden through nginx, served on the app's port
for path in /metrics /health/ready /health/live /health /Metrics '/metrics;x=1' '/;x=1/metrics' '/%6detrics'; do
  status="$(req --path-as-is "$NG$path")"
  check "(c) GET $path through nginx is refused (got $status)" test "$status" = 404
done
check "(c) the refusal is JSON" is_json_error "Not found."
status="$(req "$APP/metrics")"
check "(c) GET /metrics on the app's own port is 200 (got $status)" test "$status" = 200
status="$(req "$APP/health/ready")"
check "(c) GET /health/ready on the app's own port is 200 (got $status)" test "$status" = 200

# (d) the client address the app sees: nginx's peer, not a forged X-Forwarded-For
email="forged-$RANDOM@example.com"
status="$(req --interface 127.0.0.2 -X POST -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 6.6.6.6' -d "{\"email\":\"$email\",\"password\":\"wrong-password-1\"}" \
  "$NG/api/v1/login")"
LOGIN_ID="$(header X-Request-Id)"
check "(d) a failed login through nginx is 401 (got $status)" test "$status" = 401
line=""
for _ in $(seq 40); do
  line="$(grep '"auth.login_failed"' "$APP_LOG" | grep -F "\"$LOGIN_ID\"" | tail -1 || true)"
  [[ -n "$line" ]] && break
  sleep 0.05
done
client_ip="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("client_ip",""))' "$line" 2>/dev/null || true)"
check "(d) the app logged auth.login_failed with nginx's request id $LOGIN_ID" test -n "$line"
check "(d) the logged client_ip is the real client 127.0.0.2 (got '$client_ip')" test "$client_ip" = 127.0.0.2
check "(d) the forged 6.6.6.6 is never a client_ip" \
  bash -c '! grep -q "\"client_ip\" *: *\"6\.6\.6\.6\"" "$0"' "$APP_LOG"

# (e) gzip
status="$(req -H 'Accept-Encoding: gzip' "$NG/api/v1/plans")"
check "(e) Accept-Encoding: gzip gives Content-Encoding: gzip" test "$(header Content-Encoding)" = gzip
check "(e) the gzipped plans decode to JSON" \
  python3 -c 'import gzip,json,sys; json.loads(gzip.open(sys.argv[1]).read())' "$B"

# (f) nginx's login limit: 10/min with a burst of 5 per address. Another address (127.0.0.3) and
# a new email each time, so the app's own limit (5 failures per email and address) stays out of it.
for i in $(seq 12); do
  req --interface 127.0.0.3 -X POST -H 'Content-Type: application/json' \
    -H "X-Request-Id: nginx-test-burst-$i" \
    -d "{\"email\":\"burst-$i-$RANDOM@example.com\",\"password\":\"wrong-password-1\"}" \
    "$NG/api/v1/login" >"$WORK/status-$i" || true
  cp "$B" "$WORK/body-$i"
  cp "$H" "$WORK/headers-$i"
done
statuses="$(for i in $(seq 12); do printf '%s ' "$(cat "$WORK/status-$i")"; done)"
first429=""
for i in $(seq 12); do [[ "$(cat "$WORK/status-$i")" == 429 ]] && { first429=$i; break; }; done
check "(f) 12 quick logins from one address: the first 6 (1 + burst 5) reach the app, then 429 ($statuses)" \
  bash -c '[[ "$0" =~ ^(401\ ){6}(401\ )*429\  ]]' "$statuses"
if [[ -n "$first429" ]]; then
  cp "$WORK/body-$first429" "$B"
  cp "$WORK/headers-$first429" "$H"
  check "(f) the 429 is nginx's JSON" is_json_error "Too many requests."
  check "(f) nginx answered it; the app never saw it" answered_by_nginx "nginx-test-burst-$first429"
  check "(f) the 429 has Retry-After" test -n "$(header Retry-After)"
  check "(f) the 429 reveals nothing (no X-Powered-By, Payara or nginx version)" test -z "$(revealing "$H")"
else
  fail "(f) the 429 is nginx's JSON" "no 429"
fi
check "(f) the app itself rate-limited nobody" bash -c '! grep -q "auth.rate_limited" "$0"' "$APP_LOG"

# (h) the OpenAPI document Payara generates is not exposed through nginx (for now; app.conf says why)
i=0
for path in /openapi /openapi/ /OpenAPI '/openapi?format=JSON' '/openapi;x=1' '/%6fpenapi' '/;x=1/openapi'; do
  i=$((i + 1))
  status="$(req --path-as-is -H "X-Request-Id: nginx-test-openapi-$i" "$NG$path")"
  check "(h) GET $path through nginx is 404 (got $status)" test "$status" = 404
  check "(h) GET $path: nginx's JSON 404" is_json_error "Not found."
  check "(h) GET $path: nginx answered it; the app never saw it" answered_by_nginx "nginx-test-openapi-$i"
done
status="$(req "$APP/openapi")"
check "(h) the app itself serves /openapi on its own port, so hiding it matters (got $status)" test "$status" = 200

# (i) no answer through nginx says what runs behind it: no X-Powered-By, no Payara Server header,
# no nginx version. Answers of the app (200, its own 404 and 401) and of nginx (404, 413, 429).
status="$(req "$APP/api/v1/plans")"
check "(i) the app's own port does send a Payara Server or X-Powered-By header (got: $(revealing "$H" | tr '\n' ' '))" \
  test -n "$(revealing "$H")"
for probe in /api/v1/plans /api/v1/nope /metrics /nginx-health /openapi; do
  status="$(req "$NG$probe")"
  check "(i) GET $probe through nginx ($status): no X-Powered-By, Payara Server or nginx version" \
    test -z "$(revealing "$H")"
  check "(i) GET $probe through nginx: Server is a bare 'nginx' (got '$(header Server)')" \
    test "$(header Server)" = nginx
done
status="$(req -X POST -H 'Content-Type: application/json' -d '{"email":"x@example.com","password":"wrong-password-1"}' \
  "$NG/api/v1/login")"
check "(i) POST /api/v1/login through nginx ($status): nothing revealing" test -z "$(revealing "$H")"
status="$(req -X POST -H 'Content-Type: application/json' --data-binary "@$WORK/big.json" "$NG/api/v1/register")"
check "(i) nginx's own 413 ($status): nothing revealing" test -z "$(revealing "$H")"

# 502 when the app is gone (last: it stops the app)
stop_app
status="$(req "$NG/api/v1/plans")"
check "(g) with the app stopped, nginx answers 502 (got $status)" test "$status" = 502
check "(g) the 502 is JSON" is_json_error "The service is temporarily unavailable. Try again shortly."
check "(g) the 502 reveals nothing (no X-Powered-By, Payara or nginx version)" test -z "$(revealing "$H")"

echo "$PASSED passed, $FAILED failed"
[[ "$FAILED" == 0 ]]
