#!/bin/sh
# The backup service's schedule (docker-compose.yml, profile backup): backup.sh every day at
# BACKUP_HOUR:00 UTC (default 2), then verify-restore.sh of that dump on BACKUP_VERIFY_WEEKDAY
# (0 = Sunday .. 6, default 0). A plain loop rather than crond, so the jobs inherit the container's
# environment; a failed run is logged (JSON) and the loop goes on. Stops at once on SIGTERM.
dir="$(dirname "$0")"
: "${BACKUP_HOUR:=2}"
: "${BACKUP_VERIFY_WEEKDAY:=0}"
BACKUP_HOUR=$(printf '%s' "$BACKUP_HOUR" | sed 's/^0*\([0-9]\)/\1/')
case "$BACKUP_HOUR" in ''|*[!0-9]*) echo "BACKUP_HOUR must be 0-23" >&2; exit 2 ;; esac
[ "$BACKUP_HOUR" -le 23 ] || { echo "BACKUP_HOUR must be 0-23" >&2; exit 2; }
trap 'exit 0' INT TERM
echo "{\"@timestamp\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"level\":\"INFO\",\"logger\":\"backup\",\"event\":\"backup.scheduled\",\"message\":\"daily backup at $BACKUP_HOUR:00 UTC, restore verification on weekday $BACKUP_VERIFY_WEEKDAY\"}"
while :; do
  h=$(date -u +%H); m=$(date -u +%M); s=$(date -u +%S)
  since_midnight=$(( ${h#0} * 3600 + ${m#0} * 60 + ${s#0} ))
  wait_s=$(( BACKUP_HOUR * 3600 - since_midnight ))
  [ "$wait_s" -le 0 ] && wait_s=$(( wait_s + 86400 ))
  sleep "$wait_s" & wait $!
  sh "$dir/backup.sh"
  if [ "$(date -u +%w)" = "$BACKUP_VERIFY_WEEKDAY" ]; then sh "$dir/verify-restore.sh"; fi
  # Past the hour's first second, so the next round waits for tomorrow.
  sleep 2 & wait $!
done
