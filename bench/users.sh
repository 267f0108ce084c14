#!/usr/bin/env bash
# Sign-in and authenticated reads under load, next to what bounds them, in one run:
#  1. POST /api/v1/login requests/s against the raw Argon2id verification rate of the same hasher
#     (same parameters, same number of threads as cores): hashing should dominate a login.
#  2. GET /api/v1/user/profile (bearer token) against GET /api/v1/ping, 64 connections: rate and p99.
# Usage: bench/users.sh [seconds-per-measure] [rounds] [login-connections]; WARMUP (default 90 s)
# drives ping and profile before they are measured, LOGIN_WARMUP (default 150 s) the logins.
# See docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
SECONDS_EACH="${1:-20}"
WARMUP="${WARMUP:-90}"
CORES="$(nproc)"

ROUNDS="${2:-3}"
# Logins in flight: twice the cores, so that one login's database and Redis round trips overlap
# another's hashing (the server runs at most one Argon2 computation per core at a time).
LOGIN_CONNECTIONS="${3:-$((2 * CORES))}"

# The raw hash rate of the application's own hasher, in a JVM of its own with the server's heap.
CP="$ROOT/adapters/security/target/classes:$ROOT/application/target/classes:$ROOT/domain/target/classes"
BC_VERSION="$(sed -n 's:.*<bouncycastle.version>\(.*\)</bouncycastle.version>.*:\1:p' "$ROOT/pom.xml")"
# The local Maven repository the build used: MAVEN_ARGS may name another (see docs/benchmarks.md).
M2_REPO="$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<<"${MAVEN_ARGS:-}")"
BCPROV="${M2_REPO:-$HOME/.m2/repository}/org/bouncycastle/bcprov-jdk18on/$BC_VERSION/bcprov-jdk18on-$BC_VERSION.jar"
[[ -f "$BCPROV" ]] || { echo "$BCPROV is missing: build the project first (see docs/benchmarks.md)" >&2; exit 1; }
CP="$CP:$BCPROV"
JSHELL_VM_OPTS=()
for option in $BENCH_JAVA_OPTS; do JSHELL_VM_OPTS+=("-R$option"); done
raw_argon2() {
  local output rate
  output="$("$JAVA_HOME/bin/jshell" --class-path "$CP" "${JSHELL_VM_OPTS[@]}" -R-Dthreads="$CORES" \
    -R-Dseconds="$SECONDS_EACH" "$ROOT/bench/raw-argon2.jsh" 2>&1)"
  rate="$(sed -n 's/^RAW_ARGON2_PER_SECOND //p' <<<"$output")"
  [[ -n "$rate" ]] || { echo "raw Argon2 measurement failed:" >&2; echo "$output" >&2; exit 1; }
  echo "$rate"
}

start_app users
wait_ready
base="http://127.0.0.1:$APP_PORT"
register_user "$RESULTS/profile.lua"
write_login_lua "$RESULTS/login.lua" "$EMAIL" "$PASSWORD"

# Reads first: their thousands of requests a second also get the HTTP stack the logins share
# compiled, which fifty logins a second would take minutes to do.
wrk_run "$base/api/v1/ping" "$WARMUP" 64 >/dev/null
wrk_run_script "$base/api/v1/user/profile" "$WARMUP" 64 "$RESULTS/profile.lua" >/dev/null
read -r PING_RPS PING_P50 PING_P99 PING_ERR < <(wrk_run "$base/api/v1/ping" "$SECONDS_EACH" 64)
read -r PROFILE_RPS PROFILE_P50 PROFILE_P99 PROFILE_ERR < <(wrk_run_script "$base/api/v1/user/profile" "$SECONDS_EACH" 64 "$RESULTS/profile.lua")

wrk -t1 -c"$LOGIN_CONNECTIONS" -d"${LOGIN_WARMUP:-150}"s -s "$RESULTS/login.lua" "$base/api/v1/login" >/dev/null   # warm-up: at ~50 logins/s the JIT is still compiling the request path after 40 s
# Raw hashing and logins take turns, so that a change in the machine's load between two
# measurements shows in one round's pair rather than in the ratio.
ROUND_ROWS=""
RATIOS=()
for round in $(seq "$ROUNDS"); do
  RAW="$(raw_argon2)"
  read -r LOGIN_RPS LOGIN_P50 LOGIN_P99 LOGIN_ERR < <(wrk_run_script "$base/api/v1/login" "$SECONDS_EACH" "$LOGIN_CONNECTIONS" "$RESULTS/login.lua")
  RATIO="$(awk -v a="$LOGIN_RPS" -v b="$RAW" 'BEGIN {printf "%.2f", a / b}')"
  RATIOS+=("$RATIO")
  ROUND_ROWS+="| $round | ${RAW}/s | ${LOGIN_RPS} req/s, p50 ${LOGIN_P50}, p99 ${LOGIN_P99}, non-2xx ${LOGIN_ERR} | $RATIO |"$'\n'
done
MEDIAN_RATIO="$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100 * a / b}'; }
cat <<REPORT
| round | raw Argon2id verifications (m=19456, t=2, p=1), $CORES threads | POST /api/v1/login, $LOGIN_CONNECTIONS connections | login / raw |
|---|---|---|---|
${ROUND_ROWS}
Median login / raw: ${MEDIAN_RATIO} (target ≥ 0.85).

| measure | value |
|---|---|
| GET /api/v1/ping, 64 connections | ${PING_RPS} req/s, p50 ${PING_P50}, p99 ${PING_P99}, non-2xx ${PING_ERR} |
| GET /api/v1/user/profile (bearer), 64 connections | ${PROFILE_RPS} req/s, p50 ${PROFILE_P50}, p99 ${PROFILE_P99}, non-2xx ${PROFILE_ERR} |
| profile / ping | $(ratio "$PROFILE_RPS" "$PING_RPS") |

JVM options: ${BENCH_JAVA_OPTS}; wrk -t2 (login: -t2 -c$LOGIN_CONNECTIONS, after ${LOGIN_WARMUP:-150} s of warm-up), ${SECONDS_EACH} s per measure after warm-up (${WARMUP} s for ping and profile), $ROUNDS rounds of raw hashing and logins.
REPORT
