#!/usr/bin/env bash
# Runs docker/nginx/conf.d/app.conf in a local nginx in front of a local app and checks what it
# promises: request ids, security headers, the body limit, hidden operations endpoints, OpenAPI
# document and API reference, no header naming the software or its version, the client address seen
# by the app, gzip, the login rate limit and JSON error bodies. Then the same app.conf with
# docker/nginx/docs.d included (the Compose profile `docs`): /openapi and /api/docs published, and
# nothing else more than before. Then several upstreams (k): a GET answered 503 by one instance or
# refused by it is retried on another, a POST answered 503 is not, connections are kept alive; and
# (l) what only Compose can run: re-resolving every replica, bounded retries.
#
# Needs the runnable (export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64;
# ./mvnw -q -B -DskipTests package), PostgreSQL and Redis as for the app, curl, python3, and nginx
# (installed with apt-get when missing). Usage: docker/tests/nginx-test.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../bench/lib.sh
source "$HERE/../../bench/lib.sh"
# shellcheck source=nginx-lib.sh
source "$HERE/nginx-lib.sh"
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
NGINX_PIDS=()
cleanup() {
  local pid
  for pid in "${NGINX_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid"
      wait "$pid" 2>/dev/null || true
    fi
  done
  stop_app
  rm -rf "$WORK"
}

# The app believes X-Forwarded-For from nginx only (127.0.0.1); clients connect from other
# loopback addresses (127.0.0.2, 127.0.0.3), so the app must see those, never a forged header.
export TRUSTED_PROXIES=127.0.0.1
# start_app runs it with APP_ENV=production, where the API reference is off unless said otherwise:
# on, so that what nginx hides is there to hide, and to publish in (j).
export API_DOCS_ENABLED=true
start_app nginx
trap cleanup EXIT
wait_ready

# start_nginx DIR NAME [SERVERS]: the same app.conf, run from DIR; only the upstream's servers
# (default: the app; SERVERS is what replaces the whole `server app:8080 ...;` line, e.g. two local
# upstreams), the listen port, the log directory and the directory of its docs.d include differ.
# The whole line goes, with its `resolve`: this nginx may be older than 1.27.3, and there is no
# Docker DNS here. Sets NGINX_PORT. DIR/docs.d is what /etc/nginx/docs.d is in the container: absent
# for the public webserver, docker/nginx/docs.d for the profile `docs`.
start_nginx() {
  local dir="$1" name="$2" servers="${3:-server 127.0.0.1:$APP_PORT;}" out pid
  NGINX_PORT="$(free_port)"
  mkdir -p "$dir/conf.d" "$dir/logs"
  grep -Eq '^[[:space:]]*server app:8080( [^;]*)?;' "$CONF" ||
    { fail "app.conf has the upstream line 'server app:8080 ...;' this script replaces"; exit 1; }
  sed -E -e "s/^([[:space:]]*)server app:8080( [^;]*)?;/\1$servers/" \
      -e "s/listen 80 default_server;/listen 127.0.0.1:$NGINX_PORT default_server;/" \
      -e "s#/etc/nginx/docs.d/#$dir/docs.d/#" \
      -e "s#/var/log/nginx/#$dir/logs/#" "$CONF" >"$dir/conf.d/app.conf"
  nginx_main_conf "$dir"
  if out="$("$NGINX" -t -q -p "$dir" -c "$dir/nginx.conf" 2>&1)"; then
    pass "nginx -t accepts the rendered app.conf ($name)"
  else
    fail "nginx -t accepts the rendered app.conf ($name)" "$out"
    exit 1
  fi
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  pid=$!
  NGINX_PIDS+=("$pid")
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/logs/error.log" >&2; exit 1; }
    sleep 0.05
  done
}

start_nginx "$WORK" "the public webserver: no docs.d"
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
# answered_by_nginx ID [LOG]: nginx's access log (default: the public one's) shows the request with
# that id never reached the app
answered_by_nginx() {
  local _
  for _ in $(seq 40); do
    python3 - "${2:-$WORK/logs/access.log}" "$1" <<'PY' && return 0
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

# (h) the contract and the API reference are not published by the public webserver (app.conf says why)
i=0
for path in /openapi /openapi/ /OpenAPI '/openapi?format=JSON' '/openapi;x=1' '/%6fpenapi' '/;x=1/openapi' \
  /api/docs /api/docs/ /API/DOCS /api/docs/swagger-ui-bundle.js /api/docs/swagger-ui.css '/api/docs;x=1' \
  '/api/docs/;x=1' '/api/%64ocs/' '/api//docs' '/api/v1/../docs/' '/api/docs/%2e%2e/docs/' '/api/docs%2f'; do
  i=$((i + 1))
  status="$(req --path-as-is -H "X-Request-Id: nginx-test-docs-$i" "$NG$path")"
  check "(h) GET $path through nginx is 404 (got $status)" test "$status" = 404
  check "(h) GET $path: nginx's JSON 404" is_json_error "Not found."
  check "(h) GET $path: nginx answered it; the app never saw it" answered_by_nginx "nginx-test-docs-$i"
done
status="$(req "$APP/openapi")"
check "(h) the app itself serves /openapi on its own port, so hiding it matters (got $status)" test "$status" = 200
status="$(req "$APP/api/docs")"
check "(h) the app itself serves /api/docs on its own port (API_DOCS_ENABLED=true), so hiding it matters (got $status)" \
  test "$status" = 200

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

# (j) the profile `docs`: the same app.conf with docker/nginx/docs.d included publishes the contract
# and the reference, as the app serves them, and nothing else changes.
DOCS="$WORK/docs"
mkdir -p "$DOCS/docs.d"
cp "$ROOT"/docker/nginx/docs.d/*.conf "$DOCS/docs.d/"
chmod -R a+rX "$DOCS"
start_nginx "$DOCS" "the profile docs: docs.d included"
ND="http://127.0.0.1:$NGINX_PORT"

curl -s -o "$WORK/openapi-app" "$APP/openapi"
status="$(req "$ND/openapi")"
check "(j) GET /openapi through the docs nginx is 200 (got $status)" test "$status" = 200
check "(j) ... application/yaml, the app's document byte for byte" \
  bash -c '[[ "$0" == application/yaml* ]] && cmp -s "$1" "$2"' "$(header Content-Type)" "$B" "$WORK/openapi-app"
for path in /api/docs /api/docs/; do
  status="$(req "$ND$path")"
  check "(j) GET $path through the docs nginx is 200 (got $status)" test "$status" = 200
  check "(j) GET $path: text/html naming /openapi" \
    bash -c '[[ "$0" == text/html* ]] && grep -q "data-url=\"/openapi\"" "$1"' "$(header Content-Type)" "$B"
  check "(j) GET $path: the app's Content-Security-Policy, once" \
    bash -c '[[ "$0" == 1 && "$1" == *"script-src '"'self'"'"* ]]' "$(header_count Content-Security-Policy)" "$(header Content-Security-Policy)"
  for pair in X-Content-Type-Options=nosniff X-Frame-Options=DENY Referrer-Policy=no-referrer; do
    name="${pair%%=*}"
    check "(j) GET $path: $pair, sent once" test "$(header "$name")=$(header_count "$name")" = "${pair#*=}=1"
  done
  check "(j) GET $path: nothing revealing" test -z "$(revealing "$H")"
done
status="$(req -H 'Accept-Encoding: gzip' "$ND/api/docs/swagger-ui-bundle.js")"
TAG="$(header ETag)"
check "(j) GET /api/docs/swagger-ui-bundle.js through the docs nginx is 200 text/javascript (got $status $(header Content-Type))" \
  bash -c '[[ "$0" == 200 && "$1" == text/javascript* ]]' "$status" "$(header Content-Type)"
check "(j) ... gzipped, and it decodes to Swagger UI" \
  bash -c '[[ "$0" == gzip ]] && python3 -c "import gzip,sys; sys.exit(b\"SwaggerUIBundle\" not in gzip.open(sys.argv[1]).read())" "$1"' \
  "$(header Content-Encoding)" "$B"
status="$(req -H "If-None-Match: $TAG" "$ND/api/docs/swagger-ui-bundle.js")"
check "(j) ... and 304 to its ETag $TAG (got $status)" test "$status" = 304
status="$(req "$ND/api/docs/swagger-ui.css")"
check "(j) GET /api/docs/swagger-ui.css through the docs nginx is 200 text/css (got $status $(header Content-Type))" \
  bash -c '[[ "$0" == 200 && "$1" == text/css* ]]' "$status" "$(header Content-Type)"
status="$(req "$ND/api/v1/plans")"
check "(j) the API itself answers through the docs nginx, for \"Try it out\" (got $status)" test "$status" = 200
# Nothing else is published: no way out of the reference's folder, no path parameters, and the
# operations endpoints stay hidden. Answered 404 by nginx, or by the app's allow-list; JSON either way.
for path in /api/docs/../../WEB-INF/web.xml /api/docs/%2e%2e/%2e%2e/WEB-INF/web.xml \
  /api/docs/..%2f..%2fWEB-INF%2fweb.xml '/api/docs/..;/..;/metrics' '/api/docs/;x=1/swagger-ui.css' \
  '/api/docs/swagger-ui.css;x=1' /api/docs/index.html /api/docs/.hidden /api/docs/a/b '/openapi;x=1' \
  /openapi/ /metrics /health/ready '/;x=1/metrics' /webjars/swagger-ui/ /API/DOCS; do
  status="$(req --path-as-is "$ND$path")"
  check "(j) GET $path through the docs nginx is 404 (got $status)" test "$status" = 404
  check "(j) GET $path: JSON" is_json_error "Not found."
done

# (k) several instances behind the upstream: what a starting or draining instance (503 +
# Retry-After to everything) or a dead one (connection refused) does to requests. Two small local
# upstreams stand in for instances: OK answers 200, BUSY answers 503 + Retry-After; each logs
# "METHOD REQUEST-ID PEER-PORT". max_fails=0 keeps nginx from setting a failed server aside for
# fail_timeout, so that round robin keeps sending requests to BUSY first now and then; which
# requests it gets does not matter, what happens to each of them does.
cat >"$WORK/upstream.py" <<'PY'
import http.server, sys
mode, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with open(log, "a") as f:
            f.write(f"{self.command} {self.headers.get('X-Request-Id', '')} {self.client_address[1]}\n")
        status, body = (503, b'{"message": "starting"}\n') if mode == "busy" else (200, b'{"ok": true}\n')
        self.send_response(status)
        if status == 503:
            self.send_header("Retry-After", "5")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *args):
        pass
class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # nginx closing a kept-alive connection is no error here
Server(("127.0.0.1", port), Handler).serve_forever()
PY
UPSTREAM_PIDS=()
start_upstream() { # start_upstream MODE LOG: sets UPSTREAM_PORT
  UPSTREAM_PORT="$(free_port)"
  python3 "$WORK/upstream.py" "$1" "$UPSTREAM_PORT" "$2" &
  UPSTREAM_PIDS+=("$!")
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$UPSTREAM_PORT/" && break
    sleep 0.05
  done
}
start_upstream ok "$WORK/ok.log"
OK_PORT="$UPSTREAM_PORT"
start_upstream busy "$WORK/busy.log"
BUSY_PORT="$UPSTREAM_PORT"
CLOSED_PORT="$(free_port)" # nothing listens: connection refused
TWO="server 127.0.0.1:$BUSY_PORT max_fails=0; server 127.0.0.1:$OK_PORT max_fails=0;"
got() { grep -q "^$1 $2 " "$3"; } # got METHOD ID LOG: that upstream received the request

# busy_pair METHOD: four requests over BUSY and OK (a fresh nginx, started before); checks what
# happened to each: sent to OK, 200; sent to BUSY first, a GET is retried on OK (200) and a POST
# is not (the client gets BUSY's 503, and OK never sees it). Sets RETRY_AFTER from such a 503.
busy_pair() {
  local method="$1" i id status data=()
  [[ "$method" == POST ]] && data=(-H 'Content-Type: application/json' -d '{}')
  : >"$WORK/ok.log"
  : >"$WORK/busy.log"
  for i in 1 2 3 4; do
    id="k-$method-$i"
    status="$(req -X "$method" "${data[@]}" -H "X-Request-Id: $id" "http://127.0.0.1:$NGINX_PORT/api/v1/things")"
    if ! got "$method" "$id" "$WORK/busy.log"; then
      check "(k) $method $id, sent to the healthy upstream, is 200 (got $status)" test "$status" = 200
    elif [[ "$method" == GET ]]; then
      check "(k) GET $id, answered 503 by the busy upstream, is retried on the healthy one: 200 (got $status)" \
        bash -c '[[ "$0" == 200 ]] && grep -q "^GET $1 " "$2"' "$status" "$id" "$WORK/ok.log"
    else
      RETRY_AFTER="$(header Retry-After || true)"
      check "(k) POST $id, answered 503 by the busy upstream, comes back 503 and is not sent again (got $status)" \
        bash -c '[[ "$0" == 503 ]] && ! grep -q "^POST $1 " "$2"' "$status" "$id" "$WORK/ok.log"
    fi
  done
  check "(k) the busy upstream did get some of the ${method}s" grep -q "^$method k-$method-" "$WORK/busy.log"
}

mkdir -p "$WORK/k1" "$WORK/k2" "$WORK/k3"
start_nginx "$WORK/k1" "GETs over a busy and a healthy upstream" "$TWO"
busy_pair GET
start_nginx "$WORK/k2" "POSTs over a busy and a healthy upstream" "$TWO"
RETRY_AFTER=""
busy_pair POST
check "(k) the client gets the instance's 503 as it was, with its Retry-After: 5 (got '$RETRY_AFTER')" \
  test "$RETRY_AFTER" = 5

start_nginx "$WORK/k3" "a refused and a healthy upstream" \
  "server 127.0.0.1:$CLOSED_PORT max_fails=0; server 127.0.0.1:$OK_PORT max_fails=0;"
: >"$WORK/ok.log"
for i in 1 2 3; do
  status="$(req -H "X-Request-Id: k-refused-get-$i" "http://127.0.0.1:$NGINX_PORT/api/v1/plans")"
  check "(k) GET k-refused-get-$i over a refusing and a healthy upstream is 200 (got $status)" test "$status" = 200
done
for i in 1 2 3; do
  status="$(req -X POST -H 'Content-Type: application/json' -H "X-Request-Id: k-refused-post-$i" \
    -d '{}' "http://127.0.0.1:$NGINX_PORT/api/v1/things")"
  check "(k) POST k-refused-post-$i is passed on past a refused connection, which it never reached (got $status)" \
    test "$status" = 200
done
refused="$(grep -c 'connect() failed (111' "$WORK/k3/logs/error.log" || true)"
check "(k) nginx did meet the refusing upstream ($refused refused connections in its error log)" test "$refused" -gt 0
requests="$(wc -l <"$WORK/ok.log")"
connections="$(cut -d' ' -f3 "$WORK/ok.log" | sort -u | wc -l)"
check "(k) nginx keeps connections to the upstream alive ($requests requests over $connections connections)" \
  test "$requests" -ge 6 -a "$connections" -lt "$requests"
# The idle connections are nginx's to close (keepalive_timeout), never the app's: one the app closes
# just as nginx sends a request on it costs that request. The OK upstream never closes one itself.
idle_timeout="$(sed -n '/^upstream app {/,/^}/s/^\s*keepalive_timeout \([0-9]*\)s;/\1/p' "$CONF")"
to_ok() { ss -Htn state established "( dport = :$OK_PORT )" | wc -l; }
kept="$(to_ok)"
sleep "$((${idle_timeout:-60} + 1))"
check "(k) nginx itself closes an idle upstream connection after keepalive_timeout ${idle_timeout:-?}s ($kept open before, $(to_ok) after)" \
  test "$kept" -gt 0 -a "$(to_ok)" = 0
for pid in "${UPSTREAM_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done

# (l) what the local runs above cannot show, since they replace the upstream's server line: in
# Compose, nginx re-resolves the name app (every replica) through Docker's DNS, and retries only
# what is safe to retry, boundedly.
upstream_block="$(sed -n '/^upstream app {/,/^}/p' "$CONF")"
check "(l) the upstream app has a shared zone (which resolve needs)" grep -Eq '^\s*zone app [0-9]+k;' <<<"$upstream_block"
check "(l) the upstream's server app:8080 has resolve" grep -Eq '^\s*server app:8080( [^;]*)? resolve( [^;]*)?;' <<<"$upstream_block"
check "(l) the upstream keeps connections alive" grep -Eq '^\s*keepalive [0-9]+;' <<<"$upstream_block"
# Under the 2.5 s a stopping instance stays once its port is closed (GracefulStop.LINGER): it must
# see no idle connection left when it exits.
check "(l) idle upstream connections are closed by nginx within 1-2 s (keepalive_timeout ${idle_timeout:-unset})" \
  grep -Eq '^\s*keepalive_timeout [12]s;' <<<"$upstream_block"
check "(l) Docker's DNS (127.0.0.11) is the resolver, answers kept at most 10 s" \
  grep -Eq '^\s*resolver 127\.0\.0\.11( [^;]*)? valid=([0-9]|10)s[ ;]' "$CONF"
next_upstream="$(grep -E '^\s*proxy_next_upstream ' "$CONF" || true)"
check "(l) proxy_next_upstream is error timeout http_503, without non_idempotent (got: $next_upstream)" \
  bash -c '[[ "$(wc -l <<<"$0")" == 1 && "$0" =~ \ error && "$0" =~ \ timeout && "$0" =~ \ http_503 && ! "$0" =~ non_idempotent ]]' "$next_upstream"
check "(l) retries are bounded: proxy_next_upstream_tries and proxy_next_upstream_timeout" \
  bash -c 'grep -Eq "^\s*proxy_next_upstream_tries [1-9];" "$0" && grep -Eq "^\s*proxy_next_upstream_timeout [0-9]+s;" "$0"' "$CONF"

# 502 when the app is gone (last: it stops the app)
stop_app
status="$(req "$NG/api/v1/plans")"
check "(g) with the app stopped, nginx answers 502 (got $status)" test "$status" = 502
check "(g) the 502 is JSON" is_json_error "The service is temporarily unavailable. Try again shortly."
check "(g) the 502 reveals nothing (no X-Powered-By, Payara or nginx version)" test -z "$(revealing "$H")"

echo "$PASSED passed, $FAILED failed"
[[ "$FAILED" == 0 ]]
