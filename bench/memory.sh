#!/usr/bin/env bash
# Memory in a 1 GiB container: the RSS, the JVM's native memory by area (Native Memory Tracking)
# and the share of time spent in GC, at ready and after reads and logins under load. The JVM gets
# the options of bootstrap/jvm.options (lib.sh) and -XX:MaxRAM set to the container's limit, so it
# sizes itself as it would inside one. See docs/benchmarks.md, "Memory in a 1 GiB container".
# Usage: bench/memory.sh [seconds-per-load]; MEMORY_LIMIT (default 1g) is the limit to emulate.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require wrk wrk
require curl curl
SECONDS_EACH="${1:-60}"
MEMORY_LIMIT="${MEMORY_LIMIT:-1g}"
BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS -XX:MaxRAM=$MEMORY_LIMIT -XX:NativeMemoryTracking=summary"

start_app memory
wait_ready
base="http://127.0.0.1:$APP_PORT"

# snapshot NAME: the RSS and its peak from /proc, NMT's committed memory per area, the GC time.
snapshot() {
  "$JAVA_HOME/bin/jcmd" "$APP_PID" VM.native_memory summary scale=MB >"$RESULTS/memory-nmt-$1.txt"
  grep -E '^(VmRSS|VmHWM|Threads):' "/proc/$APP_PID/status" >"$RESULTS/memory-proc-$1.txt"
  gc_seconds >"$RESULTS/memory-gct-$1.txt"
  date +%s%N >"$RESULTS/memory-at-$1.txt"
}
proc_mb() { awk -v k="$1:" '$1 == k {printf "%d", $2 / 1024}' "$RESULTS/memory-proc-$2.txt"; }
threads() { awk '$1 == "Threads:" {print $2}' "$RESULTS/memory-proc-$1.txt"; }
# nmt AREA NAME: committed MB of one NMT area ("Java Heap", "Class", "Thread", "Code", "GC", ...).
nmt() {
  sed -n "s/^-  *$1 (reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/\1/p" "$RESULTS/memory-nmt-$2.txt"
}
nmt_total() { sed -n 's/^Total: reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/\1/p' "$RESULTS/memory-nmt-$1.txt"; }

snapshot ready

register_user "$RESULTS/memory-profile.lua"
write_login_lua "$RESULTS/memory-login.lua" "$EMAIL" "$PASSWORD"

read -r PROFILE_RPS PROFILE_P50 PROFILE_P99 PROFILE_ERR < <(wrk_run_script "$base/api/v1/user/profile" "$SECONDS_EACH" 64 "$RESULTS/memory-profile.lua")
read -r PLANS_RPS PLANS_P50 PLANS_P99 PLANS_ERR < <(wrk_run "$base/api/v1/plans" "$SECONDS_EACH" 64)
read -r LOGIN_RPS LOGIN_P50 LOGIN_P99 LOGIN_ERR < <(wrk_run_script "$base/api/v1/login" "$SECONDS_EACH" 8 "$RESULTS/memory-login.lua")
snapshot loaded

GC_SHARE="$(awk -v g0="$(cat "$RESULTS/memory-gct-ready.txt")" -v g1="$(cat "$RESULTS/memory-gct-loaded.txt")" \
  -v t0="$(cat "$RESULTS/memory-at-ready.txt")" -v t1="$(cat "$RESULTS/memory-at-loaded.txt")" \
  'BEGIN {printf "%.1f %%", 100 * (g1 - g0) / ((t1 - t0) / 1e9)}')"
row() { # row LABEL AREA
  echo "| $1 | $(nmt "$2" ready) MB | $(nmt "$2" loaded) MB |"
}

cat <<REPORT
| measure | at ready | after load |
|---|---|---|
| RSS (/proc VmRSS) | $(proc_mb VmRSS ready) MB | $(proc_mb VmRSS loaded) MB |
| peak RSS (VmHWM) | $(proc_mb VmHWM ready) MB | $(proc_mb VmHWM loaded) MB |
| NMT committed, total | $(nmt_total ready) MB | $(nmt_total loaded) MB |
$(row "Java heap" "Java Heap")
$(row "metaspace (class metadata)" "Metaspace")
$(row "class space (class headers)" "Class")
$(row "threads (stacks)" "Thread")
$(row "code cache" "Code")
$(row "GC structures" "GC")
$(row "compiler" "Compiler")
$(row "symbols" "Symbol")
$(row "shared class space (CDS, AOT cache)" "Shared class space")
$(row "other (direct buffers)" "Other")
$(row "internal" "Internal")
$(row "arena" "Arena Chunk")
| threads | $(threads ready) | $(threads loaded) |
| GC time, launch to ready | $(cat "$RESULTS/memory-gct-ready.txt") s | |
| GC time during the load | | ${GC_SHARE} of the wall time |

Load, one after the other: GET /api/v1/user/profile (bearer, 64 connections) ${PROFILE_RPS} req/s,
p99 ${PROFILE_P99}, non-2xx ${PROFILE_ERR}; GET /api/v1/plans (64 connections) ${PLANS_RPS} req/s, p99
${PLANS_P99}, non-2xx ${PLANS_ERR}; POST /api/v1/login (8 connections) ${LOGIN_RPS} req/s, p99
${LOGIN_P99}, non-2xx ${LOGIN_ERR}; ${SECONDS_EACH} s each.

JVM options: ${BENCH_JAVA_OPTS}. The NMT figures are in the files $RESULTS/memory-nmt-*.txt.
REPORT
