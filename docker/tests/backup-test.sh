#!/usr/bin/env bash
# Tests docker/backup/backup.sh and verify-restore.sh against a real PostgreSQL (the app's DB_HOST,
# DB_PORT, DB_USERNAME, DB_PASSWORD; default 127.0.0.1:5432 as postgres). Creates a throw-away
# database migrated with the project's Flyway SQL files plus a flyway_schema_history row, and drops
# it again with everything else it made.
#   docker/tests/backup-test.sh
set -uo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
backup="$root/docker/backup/backup.sh"
verify="$root/docker/backup/verify-restore.sh"
export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_USERNAME="${DB_USERNAME:-postgres}"
export DB_PASSWORD="${DB_PASSWORD:-}"
export DB_DATABASE="huberman_backup_test_$$"
tmp="$(mktemp -d)"
export BACKUP_DIR="$tmp/backups"
passed=0
failed=0

admin() { PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" "$@"; }
cleanup() {
  admin -d postgres -c "DROP DATABASE IF EXISTS \"$DB_DATABASE\" WITH (FORCE);" >/dev/null 2>&1
  # Temporary databases a failed verify might have left behind (it drops its own via trap).
  for db in $(admin -d postgres -At -c "SELECT datname FROM pg_database WHERE datname LIKE '${DB_DATABASE}_verify_%'" 2>/dev/null); do
    admin -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE);" >/dev/null 2>&1
  done
  # The canary and whatever a crafted manifest made a broken verify create.
  admin -d postgres -At -c "SELECT datname FROM pg_database WHERE strpos(datname, 'hbt$$') > 0 OR strpos(datname, 'pwned') > 0" 2>/dev/null |
    while IFS= read -r db; do
      admin -d postgres -c "DROP DATABASE IF EXISTS \"${db//\"/\"\"}\" WITH (FORCE);" >/dev/null 2>&1
    done
  rm -rf "$tmp"
}
trap cleanup EXIT

ok() { echo "PASS $1"; passed=$((passed + 1)); }
ko() { echo "FAIL $1"; [[ -n "${2:-}" ]] && sed 's/^/     /' <<<"$2"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else ko "$1" "$out"; fi; }
newest() { ls -1t "$BACKUP_DIR"/*.dump | head -n 1; }

# The database: the project's migrations in order, a Flyway history, and some rows.
admin -d postgres -c "CREATE DATABASE \"$DB_DATABASE\";" >/dev/null || { echo "FAIL cannot create a database"; exit 1; }
for f in $(ls "$root"/adapters/persistence/src/main/resources/db/migration/V*__*.sql | sort -V); do
  admin -d "$DB_DATABASE" -f "$f" >/dev/null || { echo "FAIL migration $f"; exit 1; }
done
admin -d "$DB_DATABASE" >/dev/null <<'SQL' || { echo "FAIL seeding"; exit 1; }
CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL DEFAULT '', success boolean NOT NULL);
INSERT INTO flyway_schema_history (installed_rank, version, success)
VALUES (1, '1', true), (2, '2', true), (3, '3', true), (4, '4', true), (5, '5', false);
CREATE TABLE "odd Name" (id int);
INSERT INTO "odd Name" SELECT generate_series(1, 250);
SQL

# 1. Backup, then verify. Under the usual umask 022: the scripts must tighten it themselves.
umask 022
out="$("$backup" 2>&1)"; rc=$?
check "backup exits 0 and logs backup.completed" '[[ $rc == 0 && $out == *"\"event\":\"backup.completed\""* ]]'
dump="$(newest)"
check "dump, .sha256 and .manifest written, no partial file" \
  '[[ -s $dump && -s $dump.sha256 && -s $dump.manifest && -z $(ls -A "$BACKUP_DIR" | grep partial) ]]'
check "dump name is <db>-<UTC yyyymmddTHHMMSSZ>.dump" '[[ $(basename "$dump") =~ ^${DB_DATABASE}-[0-9]{8}T[0-9]{6}Z\.dump$ ]]'
out="$(stat -c '%a %n' "$BACKUP_DIR" "$dump" "$dump.sha256" "$dump.manifest")"
check "dump, .sha256 and .manifest are 0600 and BACKUP_DIR 0700: no group or other bits (umask 077)" \
  '[[ $(stat -c %a "$dump" "$dump.sha256" "$dump.manifest" | sort -u) == 600 && $(stat -c %a "$BACKUP_DIR") == 700 ]]'
check "sha256sum -c accepts the checksum file" '(cd "$BACKUP_DIR" && sha256sum -c --status "$(basename "$dump").sha256")'
out="$(cat "$dump.manifest")"
check "manifest: Flyway version 4, exact row counts" \
  'grep -qx "flyway_version=4" <<<"$out" && grep -qx "table.plans=3" <<<"$out" && grep -qx "table.odd Name=250" <<<"$out" && grep -qx "table.flyway_schema_history=5" <<<"$out"'
out="$("$verify" 2>&1)"; rc=$?
check "verify-restore of the newest dump succeeds (backup.verified)" '[[ $rc == 0 && $out == *"\"event\":\"backup.verified\""* ]]'
left="$(admin -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE '${DB_DATABASE}_verify_%'")"
check "verify dropped its temporary database" '[[ $left == 0 ]]'

# 2. A corrupted copy: bytes flipped, checksum file left as it was.
bad="$tmp/corrupt/$(basename "$dump")"
mkdir -p "$tmp/corrupt" && cp "$dump" "$dump.sha256" "$dump.manifest" "$tmp/corrupt/"
printf '\xff\xff\xff\xff' | dd of="$bad" bs=1 seek=2000 conv=notrunc status=none
out="$("$verify" "$bad" 2>&1)"; rc=$?
check "corrupted dump: verify fails with a checksum message" \
  '[[ $rc != 0 && $out == *"checksum mismatch"* && $out == *"\"event\":\"backup.verify_failed\""* ]]'

# 3. A wrong row count in the manifest (the dump and its checksum intact).
mkdir -p "$tmp/wrongcount" && cp "$dump" "$dump.sha256" "$dump.manifest" "$tmp/wrongcount/"
wrong="$tmp/wrongcount/$(basename "$dump")"
sed -i 's/^table\.plans=3$/table.plans=4/' "$wrong.manifest"
out="$("$verify" "$wrong" 2>&1)"; rc=$?
check "wrong manifest row count: verify fails naming the table" \
  '[[ $rc != 0 && $out == *"table plans has 3 rows, manifest says 4"* && $out == *"backup.verify_failed"* ]]'
cp "$dump.manifest" "$wrong.manifest" && sed -i 's/^flyway_version=4$/flyway_version=9/' "$wrong.manifest"
out="$("$verify" "$wrong" 2>&1)"; rc=$?
check "wrong Flyway version: verify fails" '[[ $rc != 0 && $out == *"Flyway version mismatch"* ]]'
admin -d "$DB_DATABASE" -c "DELETE FROM plans WHERE slug = 'free'" >/dev/null
sleep 1  # a new second: the dump names have one-second resolution
"$backup" >/dev/null 2>&1
out="$("$verify" 2>&1)"; rc=$?
check "missing seeded plan: the sanity query fails the verify" '[[ $rc != 0 && $out == *"2 of the 3 seeded plans"* ]]'
admin -d "$DB_DATABASE" -c "INSERT INTO plans (slug, name, billing_interval, price_cents, currency) VALUES ('free', 'Free', 'NONE', 0, 'USD')" >/dev/null
left="$(admin -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE '${DB_DATABASE}_verify_%'")"
check "failed verifies dropped their temporary databases too" '[[ $left == 0 ]]'

# 3b. A crafted manifest: its database name names the temporary database, which must never become
# SQL, a shell word or a libpq connection string ("dbname=... " or a URI would point pg_restore at
# another database, or another host, with our password). A canary database must come through
# untouched, and no other database may appear. Short names: verify keeps 40 characters of it.
canary="hbt$$c"
stray="hbt$$x"
fresh_canary() { # no stray database, and an empty canary
  admin -d postgres -c "DROP DATABASE IF EXISTS \"$stray\" WITH (FORCE);" \
    -c "DROP DATABASE IF EXISTS \"$canary\" WITH (FORCE);" -c "CREATE DATABASE \"$canary\";" >/dev/null
}
canary_state() { # "exists tables": the canary is there, and how many tables it has
  admin -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname = '$canary'"
  admin -d "$canary" -At -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" 2>/dev/null || echo gone
}
# The databases this part could have made (other runs on the server create their own meanwhile).
databases() {
  admin -d postgres -At -c "SELECT datname FROM pg_database WHERE strpos(datname, '$canary') > 0
    OR strpos(datname, '$stray') > 0 OR strpos(datname, 'pwned') > 0 OR datname LIKE 'x\"%' ORDER BY 1"
}
mkdir -p "$tmp/crafted" && cp "$dump" "$dump.sha256" "$dump.manifest" "$tmp/crafted/"
crafted="$tmp/crafted/$(basename "$dump")"
for name in "x\"; DROP DATABASE \"$canary\"; --" "$stray\" TEMPLATE \"$canary\" --" \
    "dbname=$canary application_name=" "postgresql:///$canary?application_name=" \
    "\$(touch $tmp/pwned)\`touch $tmp/pwned\` x"; do
  sed -i "s|^database=.*|database=$(printf '%s' "$name" | sed 's/[|&\\]/\\&/g')|" "$crafted.manifest"
  grep -qxF "database=$name" "$crafted.manifest" || { ko "crafted manifest written: $name"; continue; }
  fresh_canary
  before_dbs="$(databases)"
  out="$("$verify" "$crafted" 2>&1)"; rc=$?
  state="$(canary_state | tr '\n' ' ')"
  check "crafted manifest database '$name': the canary is untouched (got: exists/tables $state)" \
    '[[ $state == "1 0 " ]]'
  check "crafted manifest database '$name': no database was created or dropped" \
    '[[ "$(databases)" == "$before_dbs" ]]'
  check "crafted manifest database '$name': refused or verified, never a shell command" \
    '[[ ! -e $tmp/pwned && ( $out == *"backup.verified"* || $out == *"backup.verify_failed"* ) ]]'
done
admin -d postgres -c "DROP DATABASE IF EXISTS \"$canary\" WITH (FORCE);" -c "DROP DATABASE IF EXISTS \"$stray\" WITH (FORCE);" >/dev/null

# 4. Retention: files older than BACKUP_RETENTION_DAYS go with their companions; recent ones stay.
rm -f "$BACKUP_DIR"/*
for f in "$DB_DATABASE-20000101T000000Z.dump" "$DB_DATABASE-20000102T000000Z.dump"; do
  for s in "" .sha256 .manifest; do touch -d '10 days ago' "$BACKUP_DIR/$f$s"; done
done
recent="$BACKUP_DIR/$DB_DATABASE-20000103T000000Z.dump"
for s in "" .sha256 .manifest; do touch -d '6 days ago' "$recent$s"; done
touch -d '10 days ago' "$BACKUP_DIR/otherdb-20000101T000000Z.dump"
out="$(BACKUP_RETENTION_DAYS=7 "$backup" 2>&1)"; rc=$?
remaining="$(ls -1 "$BACKUP_DIR" | sort | tr '\n' ' ')"
check "retention: backup logs pruned 2" '[[ $rc == 0 && $out == *"\"pruned\":2"* ]]'
check "retention: the old dumps and their .sha256/.manifest are gone" '[[ $remaining != *"$DB_DATABASE-20000101T"* && $remaining != *"$DB_DATABASE-20000102T"* ]]'
check "retention: the recent dump, the new one and other databases' files stay" \
  '[[ -f $recent && -f $recent.sha256 && -f $recent.manifest && -f $BACKUP_DIR/otherdb-20000101T000000Z.dump && $(ls "$BACKUP_DIR"/*.dump | wc -l) == 3 ]]'
out="$(BACKUP_RETENTION_DAYS=0 "$backup" 2>&1)"; rc=$?
check "BACKUP_RETENTION_DAYS=0 is refused" '[[ $rc != 0 && $out == *backup.failed* ]]'

# 5. An unreachable database: one backup.failed line, no file left, no password in it.
before="$(ls -A "$BACKUP_DIR" | sort)"
out="$(DB_PORT=1 DB_PASSWORD='s3cret-pw' "$backup" 2>&1)"; rc=$?
check "unreachable DB_PORT: non-zero exit" '[[ $rc != 0 ]]'
check "unreachable DB_PORT: exactly one backup.failed JSON line" \
  '[[ $(wc -l <<<"$out") == 1 && $out == "{"*"\"level\":\"ERROR\""*"\"event\":\"backup.failed\""*"}" ]] && python3 -c "import json,sys; json.loads(sys.argv[1])" "$out"'
check "unreachable DB_PORT: no partial or new file left" '[[ $(ls -A "$BACKUP_DIR" | sort) == "$before" ]]'
check "the password never appears in the log line" '[[ $out != *s3cret-pw* ]]'

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
