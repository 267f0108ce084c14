#!/bin/sh
# One backup of the app's database: a custom-format pg_dump with a SHA-256 checksum and a manifest
# (row count of every public table and the Flyway version, taken in the dump's own snapshot), then
# pruning of this database's dumps older than BACKUP_RETENTION_DAYS. docs/operations/backup-restore.md.
#
#   DB_HOST DB_PORT DB_DATABASE DB_USERNAME DB_PASSWORD   the app's settings
#   BACKUP_DIR (default /backups)  BACKUP_RETENTION_DAYS (default 7)
#
# Writes $BACKUP_DIR/<db>-<UTC yyyymmddTHHMMSSZ>.dump, .dump.sha256 and .dump.manifest. Success: one
# JSON line backup.completed on stdout, exit 0. Failure: one JSON line backup.failed on stderr, no
# partial file left, exit 1.
. "$(dirname "$0")/lib.sh"

: "${BACKUP_RETENTION_DAYS:=7}"
started=$(date +%s)
work=""
tmp_dump=""
snap_pid=""

cleanup() {
  [ -n "$snap_pid" ] && { exec 3>&- 2>/dev/null; kill "$snap_pid" 2>/dev/null; wait "$snap_pid" 2>/dev/null; }
  [ -n "$tmp_dump" ] && rm -f "$tmp_dump" "$tmp_dump.sha256" "$tmp_dump.manifest"
  [ -n "$work" ] && rm -rf "$work"
}
fail() {
  log ERROR backup.failed "$1" "\"database\":$(json_str "$DB_DATABASE")"
  cleanup
  trap - EXIT
  exit 1
}
trap cleanup EXIT
trap "" PIPE
trap 'fail "interrupted by a signal"' INT TERM HUP

case "$BACKUP_RETENTION_DAYS" in
  ''|*[!0-9]*|0) fail "BACKUP_RETENTION_DAYS must be a whole number of days >= 1, not '$BACKUP_RETENTION_DAYS'" ;;
esac
for tool in pg_dump psql sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
mkdir -p "$BACKUP_DIR" 2>/dev/null || fail "cannot create BACKUP_DIR $BACKUP_DIR"
[ -w "$BACKUP_DIR" ] || fail "BACKUP_DIR $BACKUP_DIR is not writable"
work=$(mktemp -d "${TMPDIR:-/tmp}/backup.XXXXXX") || fail "cannot create a temporary directory"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
name="$DB_DATABASE-$stamp.dump"
final="$BACKUP_DIR/$name"
[ -e "$final" ] && fail "$final already exists"
tmp_dump="$BACKUP_DIR/.$name.partial"

# 1. A session that exports its snapshot and stays open until pg_dump is done: the counts, the
# Flyway version and the dump all see the same data, however busy the app is.
mkfifo "$work/in" || fail "cannot create a fifo in $work"
pg "$DB_DATABASE" <"$work/in" >"$work/snap.out" 2>"$work/snap.err" &
snap_pid=$!
exec 3>"$work/in"
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" "SELECT pg_export_snapshot();" >&3
snapshot=""
i=0
while [ $i -lt $((PGCONNECT_TIMEOUT * 10 + 50)) ]; do
  snapshot=$(head -n 1 "$work/snap.out" 2>/dev/null)
  [ -n "$snapshot" ] && break
  kill -0 "$snap_pid" 2>/dev/null || break
  sleep 0.1
  i=$((i + 1))
done
[ -n "$snapshot" ] || fail "cannot connect to $DB_HOST:$DB_PORT/$DB_DATABASE as $DB_USERNAME: $(last_lines "$work/snap.err")"

# 2. Row counts and the Flyway version in that snapshot.
in_snapshot="BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '$snapshot';"
pg "$DB_DATABASE" -c "$in_snapshot" -c "$COUNTS_SQL" -c "COMMIT;" >"$work/counts" 2>"$work/err" \
  || fail "counting rows failed: $(last_lines "$work/err")"
flyway=$(pg "$DB_DATABASE" -c "$in_snapshot" -c "$FLYWAY_SQL" -c "COMMIT;" 2>"$work/err") \
  || fail "reading the Flyway version failed: $(last_lines "$work/err")"

# 3. The dump, in the same snapshot.
pg_dump -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$DB_DATABASE" --format=custom --no-password \
  --snapshot="$snapshot" --file="$tmp_dump" 2>"$work/err" \
  || fail "pg_dump failed: $(last_lines "$work/err")"
printf '%s\n' "COMMIT;" >&3
exec 3>&-
wait "$snap_pid"
snap_pid=""
[ -s "$tmp_dump" ] || fail "pg_dump wrote an empty file"

# 4. Checksum and manifest next to it, then the renames (the dump last: a .dump always has both).
size=$(file_size "$tmp_dump")
sum=$(sha256sum "$tmp_dump" | cut -d ' ' -f 1) || fail "sha256sum failed"
printf '%s  %s\n' "$sum" "$name" >"$tmp_dump.sha256" || fail "cannot write $final.sha256"
tables=$(grep -c . "$work/counts")
{
  echo "format=1"
  echo "database=$DB_DATABASE"
  echo "file=$name"
  echo "created_at=$(now_iso)"
  echo "flyway_version=$flyway"
  echo "size_bytes=$size"
  echo "sha256=$sum"
  echo "tables=$tables"
  sed 's/^\(.*\)|\([0-9]*\)$/table.\1=\2/' "$work/counts"
} >"$tmp_dump.manifest" || fail "cannot write $final.manifest"
mv "$tmp_dump.sha256" "$final.sha256" && mv "$tmp_dump.manifest" "$final.manifest" && mv "$tmp_dump" "$final" \
  || { rm -f "$final.sha256" "$final.manifest"; fail "cannot rename the dump into $final"; }
tmp_dump=""

# 5. Retention: this database's dumps (and their companions) modified more than
# BACKUP_RETENTION_DAYS days ago; never the one just written. Stale partial files go too.
pruned=0
minutes=$((BACKUP_RETENTION_DAYS * 1440))
for old in $(find "$BACKUP_DIR" -maxdepth 1 -type f -name "$DB_DATABASE-*.dump" -mmin +"$minutes" 2>/dev/null); do
  [ "$old" = "$final" ] && continue
  rm -f "$old" "$old.sha256" "$old.manifest" && pruned=$((pruned + 1))
done
find "$BACKUP_DIR" -maxdepth 1 -type f -name ".$DB_DATABASE-*.partial*" -mmin +1440 -exec rm -f {} + 2>/dev/null

duration=$(($(date +%s) - started))
log INFO backup.completed "backup of $DB_DATABASE written to $final" \
  "\"database\":$(json_str "$DB_DATABASE"),\"file\":$(json_str "$final"),\"size_bytes\":$size,\"duration_seconds\":$duration,\"flyway_version\":$(json_str "$flyway"),\"tables\":$tables,\"pruned\":$pruned"
