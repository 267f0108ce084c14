#!/bin/sh
# Verifies one backup by restoring it: the newest dump in BACKUP_DIR, or the one given.
#   verify-restore.sh [path/to/<db>-<stamp>.dump]
# Checks the SHA-256 against <dump>.sha256, restores with pg_restore --no-owner --exit-on-error into
# a temporary database <db>_verify_<random> (always dropped again), compares the Flyway version and
# every table's row count with <dump>.manifest, and runs sanity queries (the three seeded plans).
# Connection settings as backup.sh (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD; the user needs
# CREATEDB); VERIFY_MAINTENANCE_DB (default postgres) is where CREATE/DROP DATABASE run.
# Prints a short summary and one JSON line: backup.verified (exit 0) or backup.verify_failed (exit 1).
. "$(dirname "$0")/lib.sh"

: "${VERIFY_MAINTENANCE_DB:=postgres}"
started=$(date +%s)
work=""
verify_db=""
dump=""

cleanup() {
  if [ -n "$verify_db" ]; then
    pg "$VERIFY_MAINTENANCE_DB" -c "DROP DATABASE IF EXISTS $(sql_ident "$verify_db") WITH (FORCE);" >/dev/null 2>&1 \
      || echo "warning: could not drop the temporary database $verify_db" >&2
    verify_db=""
  fi
  [ -n "$work" ] && rm -rf "$work"
  work=""
}
fail() {
  echo "VERIFY FAILED: ${dump:-no dump}"
  echo "  reason: $1"
  log ERROR backup.verify_failed "$1" "\"file\":$(json_str "$dump"),\"reason\":$(json_str "$1")"
  cleanup
  trap - EXIT
  exit 1
}
trap cleanup EXIT
trap 'fail "interrupted by a signal"' INT TERM HUP

for tool in pg_restore psql sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done

# 1. Which dump.
if [ $# -ge 1 ]; then
  dump="$1"
else
  dump=$(ls -1t "$BACKUP_DIR"/*.dump 2>/dev/null | head -n 1)
  [ -n "$dump" ] || fail "no dump (*.dump) in $BACKUP_DIR"
fi
[ -f "$dump" ] || fail "$dump does not exist"
[ -f "$dump.sha256" ] || fail "checksum file $dump.sha256 is missing"
[ -f "$dump.manifest" ] || fail "manifest $dump.manifest is missing"
work=$(mktemp -d "${TMPDIR:-/tmp}/verify.XXXXXX") || fail "cannot create a temporary directory"

# 2. Checksum.
expected=$(awk 'NR == 1 { print $1 }' "$dump.sha256")
actual=$(sha256sum "$dump" | cut -d ' ' -f 1)
[ -n "$expected" ] || fail "checksum file $dump.sha256 is empty"
[ "$expected" = "$actual" ] || fail "checksum mismatch: $dump has SHA-256 $actual, $dump.sha256 says $expected (the file is corrupt or was changed)"

# 3. The manifest.
manifest_get() { sed -n "s/^$1=//p" "$dump.manifest" | head -n 1; }
db=$(manifest_get database)
[ -n "$db" ] || db="$DB_DATABASE"
want_flyway=$(manifest_get flyway_version)
[ -n "$want_flyway" ] || fail "manifest $dump.manifest has no flyway_version"
sed -n 's/^table\.\(.*\)=\([0-9][0-9]*\)$/\1|\2/p' "$dump.manifest" | sort >"$work/want"
want_tables=$(grep -c . "$work/want")
[ "$want_tables" = "$(manifest_get tables)" ] || fail "manifest $dump.manifest is inconsistent: tables=$(manifest_get tables) but $want_tables table lines"

# 4. Restore into a database of its own, named after the manifest's database. That name is data
# from a file anyone who can write BACKUP_DIR controls: only its letters, digits and _ are kept
# (the rest become _), so it can be neither SQL nor a libpq connection string for -d
# ("dbname=other ..." or "postgresql://elsewhere/..." would restore into another database, or send
# our password to another host); it is quoted as an identifier all the same.
rand=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
verify_db="$(printf '%s' "$db" | tr -c 'A-Za-z0-9_' '_' | cut -c 1-40)_verify_$rand"
pg "$VERIFY_MAINTENANCE_DB" -c "CREATE DATABASE $(sql_ident "$verify_db");" >/dev/null 2>"$work/err" \
  || { verify_db=""; fail "cannot create the temporary database: $(last_lines "$work/err")"; }
restore_started=$(date +%s)
pg_restore -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$verify_db" --no-password \
  --no-owner --no-acl --exit-on-error "$dump" 2>"$work/err" \
  || fail "pg_restore failed: $(last_lines "$work/err")"
restore_seconds=$(($(date +%s) - restore_started))

# 5. Compare with the manifest.
got_flyway=$(pg "$verify_db" -c "$FLYWAY_SQL" 2>"$work/err") || fail "reading the Flyway version failed: $(last_lines "$work/err")"
[ "$got_flyway" = "$want_flyway" ] || fail "Flyway version mismatch: restored $got_flyway, manifest $want_flyway"
pg "$verify_db" -c "$COUNTS_SQL" >"$work/got.raw" 2>"$work/err" || fail "counting rows failed: $(last_lines "$work/err")"
sort "$work/got.raw" >"$work/got"
problems=$(awk -F '|' '
  NR == FNR { want[$1] = $2; next }
  { got[$1] = $2 }
  END {
    for (t in want) {
      if (!(t in got)) print "table " t " is missing from the restore"
      else if (got[t] != want[t]) print "table " t " has " got[t] " rows, manifest says " want[t]
    }
    for (t in got) if (!(t in want)) print "table " t " is not in the manifest"
  }' "$work/want" "$work/got" | sort)
[ -z "$problems" ] || fail "row counts differ from the manifest: $(printf '%s' "$problems" | awk 'BEGIN { ORS = "" } { if (NR > 1) print "; "; print }')"

# 6. Sanity: the reference data the app cannot run without.
plans=$(pg "$verify_db" -c "SELECT count(*) FROM plans WHERE slug IN ('free', 'premium-monthly', 'premium-annual');" 2>"$work/err") \
  || fail "sanity query on plans failed: $(last_lines "$work/err")"
[ "$plans" = 3 ] || fail "sanity check failed: $plans of the 3 seeded plans (free, premium-monthly, premium-annual) restored"

rows=$(awk -F '|' '{ s += $2 } END { print s + 0 }' "$work/got")
size=$(file_size "$dump")
cleanup
duration=$(($(date +%s) - started))
echo "VERIFIED: $dump"
echo "  checksum ok, restored in ${restore_seconds}s, Flyway version $got_flyway, $want_tables tables / $rows rows match the manifest, 3 seeded plans present"
log INFO backup.verified "restore of $dump verified" \
  "\"file\":$(json_str "$dump"),\"size_bytes\":$size,\"flyway_version\":$(json_str "$got_flyway"),\"tables\":$want_tables,\"rows\":$rows,\"restore_seconds\":$restore_seconds,\"duration_seconds\":$duration"
