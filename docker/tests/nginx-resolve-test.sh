#!/usr/bin/env bash
# What nginx-test.sh cannot run with an nginx older than 1.27.3 (Debian 12 has 1.22): the upstream
# of docker/nginx/conf.d/app.conf as written, `server app:8080 resolve`, following the replicas a
# DNS server names for `app`, as Docker's DNS does with `docker compose up --scale app=N`. A small
# DNS server (python3, below) stands in for Docker's 127.0.0.11, two local HTTP servers on
# 127.0.0.2 and 127.0.0.3 for replicas. Checks: nginx -t accepts app.conf unchanged; one replica
# named, it gets every request; a second one named (scale up), both get requests without a reload;
# the first one dropped (scale down), only the second gets them.
#
# Needs nginx 1.27.3 or newer (NGINX_BIN=/path/to/nginx; built from source if need be:
# ./auto/configure --prefix=DIR && make install), python3 and curl. No app, no database.
# Usage: NGINX_BIN=/opt/nginx/sbin/nginx docker/tests/nginx-resolve-test.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONF="$ROOT/docker/nginx/conf.d/app.conf"
# shellcheck source=nginx-lib.sh
source "$ROOT/docker/tests/nginx-lib.sh"
# Not NGINX: nginx itself reads that variable (sockets inherited on a binary upgrade).
NGINX_BIN="${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}"
version="$("$NGINX_BIN" -v 2>&1 | sed -n 's#.*nginx/\([0-9.]*\).*#\1#p')"
if [[ "$(printf '%s\n' 1.27.3 "$version" | sort -V | head -1)" != 1.27.3 ]]; then
  echo "needs nginx 1.27.3 or newer (set NGINX_BIN); $NGINX_BIN is ${version:-unknown}" >&2
  exit 2
fi

PASSED=0
FAILED=0
check() { # check NAME COMMAND...
  local name="$1"
  shift
  if "$@"; then echo "PASS $name"; PASSED=$((PASSED + 1)); else echo "FAIL $name"; FAILED=$((FAILED + 1)); fi
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

WORK="$(mktemp -d)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$WORK/nginx.pid" ]] && kill -QUIT "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The DNS server: A records for "app" from $WORK/app.hosts (one address a line), TTL 1 s.
cat >"$WORK/dns.py" <<'PY'
import socket, struct, sys
port, hosts = int(sys.argv[1]), sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
while True:
    query, peer = s.recvfrom(512)
    ident, = struct.unpack(">H", query[:2])
    end = 12
    while query[end] != 0:
        end += query[end] + 1
    question = query[12:end + 5]
    qtype, = struct.unpack(">H", query[end + 1:end + 3])
    name = query[12:end]
    labels, i = [], 0
    while i < len(name):
        labels.append(name[i + 1:i + 1 + name[i]].decode()); i += name[i] + 1
    addresses = [l.strip() for l in open(hosts) if l.strip()] if labels == ["app"] and qtype == 1 else []
    flags = 0x8180 if labels == ["app"] else 0x8183  # NXDOMAIN for any other name
    answer = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 1, 4) + socket.inet_aton(a) for a in addresses)
    s.sendto(struct.pack(">HHHHHH", ident, flags, 1, len(addresses), 0, 0) + question + answer, peer)
PY
# A replica: answers its own address.
cat >"$WORK/replica.py" <<'PY'
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        body = (sys.argv[1] + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass
Server((sys.argv[1], int(sys.argv[2])), Handler).serve_forever()
PY

DNS_PORT="$(free_port)"
APP_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
echo 127.0.0.2 >"$WORK/app.hosts"
python3 "$WORK/dns.py" "$DNS_PORT" "$WORK/app.hosts" &
PIDS+=("$!")
for address in 127.0.0.2 127.0.0.3; do
  python3 "$WORK/replica.py" "$address" "$APP_PORT" &
  PIDS+=("$!")
done

# app.conf as it is, but for the ports, the resolver's address (Docker's 127.0.0.11 is this DNS
# server here; valid=1s instead of 10s, to keep the test short) and the log directory.
mkdir -p "$WORK/conf.d" "$WORK/logs"
sed -E -e "s/^([[:space:]]*server app):8080( [^;]*)?;/\1:$APP_PORT\2;/" \
  -e "s/^resolver 127\.0\.0\.11( .*)? valid=[0-9]+s/resolver 127.0.0.1:$DNS_PORT\1 valid=1s/" \
  -e "s/listen 80 default_server;/listen 127.0.0.1:$NGINX_PORT default_server;/" \
  -e "s#/etc/nginx/docs.d/#$WORK/docs.d/#" \
  -e "s#/var/log/nginx/#$WORK/logs/#" "$CONF" >"$WORK/conf.d/app.conf"
check "the upstream line is app.conf's own, with resolve" grep -q "^ *server app:$APP_PORT resolve;" "$WORK/conf.d/app.conf"
check "the resolver is this test's DNS server" grep -q "^resolver 127.0.0.1:$DNS_PORT .*valid=1s" "$WORK/conf.d/app.conf"
nginx_main_conf "$WORK"
check "nginx $version -t accepts app.conf with its resolve" "$NGINX_BIN" -t -q -p "$WORK" -c "$WORK/nginx.conf"
"$NGINX_BIN" -p "$WORK" -c "$WORK/nginx.conf"

# answered_by N: which replicas answered N requests through nginx, sorted and unique
answered_by() {
  local i
  for i in $(seq "$1"); do curl -s --max-time 2 "http://127.0.0.1:$NGINX_PORT/api/v1/plans" || echo "failed"; done | sort -u | tr '\n' ' '
}
wait_for() { # wait_for EXPECTED: up to 10 s for 10 requests to be answered by exactly those replicas
  local got
  for _ in $(seq 40); do
    got="$(answered_by 10)"
    [[ "$got" == "$1" ]] && return 0
    sleep 0.25
  done
  echo "    answered by: $got" >&2
  tail -5 "$WORK/logs/error.log" >&2
  return 1
}
check "one replica named: it answers every request" wait_for "127.0.0.2 "
printf '127.0.0.2\n127.0.0.3\n' >"$WORK/app.hosts"
check "a second replica named (scale up): both answer, without a reload" wait_for "127.0.0.2 127.0.0.3 "
echo 127.0.0.3 >"$WORK/app.hosts"
check "the first one no longer named (scale down): only the second answers" wait_for "127.0.0.3 "

echo "$PASSED passed, $FAILED failed"
[[ "$FAILED" == 0 ]]
