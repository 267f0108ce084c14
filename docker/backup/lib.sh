# Shared helpers of backup.sh and verify-restore.sh: JSON log lines, psql, row counts. POSIX sh;
# sourced, not run. Connection settings are the app's: DB_HOST, DB_PORT, DB_DATABASE, DB_USERNAME,
# DB_PASSWORD (handed to the clients as PGPASSWORD, never on a command line or in a log line).

# Everything the scripts create (dumps, checksums, manifests, BACKUP_DIR when they make it, temporary
# files) is readable by their owner only: a dump holds every account's email and password hash.
umask 077

: "${DB_HOST:=127.0.0.1}"
: "${DB_PORT:=5432}"
: "${DB_DATABASE:=huberman}"
: "${DB_USERNAME:=postgres}"
: "${BACKUP_DIR:=/backups}"
export PGPASSWORD="${DB_PASSWORD:-${PGPASSWORD:-}}"
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
export PGAPPNAME="${PGAPPNAME:-huberman-backup}"

now_iso() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# json_str TEXT: TEXT as a JSON string (quotes included), with the password blanked out.
json_str() {
  printf '%s' "$1" | SECRET="$PGPASSWORD" awk '
    BEGIN { ORS = ""; s = ENVIRON["SECRET"]; print "\"" }
    {
      if (s != "") { out = ""; line = $0
        while ((i = index(line, s)) > 0) { out = out substr(line, 1, i - 1) "***"; line = substr(line, i + length(s)) }
        $0 = out line }
      gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r")
      gsub(/[\001-\037]/, " ")
      if (NR > 1) print "\\n"
      print
    }
    END { print "\"" }'
}

# log LEVEL EVENT MESSAGE [RAW_JSON_FIELDS]: one JSON line; ERROR goes to stderr, the rest to stdout.
log() {
  line="{\"@timestamp\":\"$(now_iso)\",\"level\":\"$1\",\"logger\":\"backup\",\"event\":\"$2\",\"message\":$(json_str "$3")${4:+,$4}}"
  if [ "$1" = ERROR ]; then printf '%s\n' "$line" >&2; else printf '%s\n' "$line"; fi
}

# last_lines FILE: the last three non-empty lines of FILE, joined by " | " (a client's error).
last_lines() {
  [ -s "$1" ] || return 0
  grep -v '^[[:space:]]*$' "$1" | tail -n 3 | awk 'BEGIN { ORS = "" } { if (NR > 1) print " | "; print }'
}

# pg DATABASE ARGS...: psql without ~/.psqlrc, unaligned, tuples only, stopping at the first error.
pg() {
  _db="$1"; shift
  psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USERNAME" -d "$_db" "$@"
}

# The exact row count of every table in the public schema ("name|count", by name) and the Flyway
# schema version ("none" without flyway_schema_history or a successful versioned migration).
COUNTS_SQL="SELECT tablename || '|' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\";"
FLYWAY_SQL="SELECT CASE WHEN to_regclass('public.flyway_schema_history') IS NULL THEN 'none' ELSE coalesce((xpath('/row/v/text()', query_to_xml('SELECT version AS v FROM public.flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1', false, true, '')))[1]::text, 'none') END;"

# sql_ident NAME: NAME as a quoted SQL identifier ("" for each ").
sql_ident() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }

file_size() { wc -c <"$1" | tr -d ' '; }
