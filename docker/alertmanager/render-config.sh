#!/bin/sh
# Renders docker/alertmanager/alertmanager.yml (a template with ${VAR} placeholders) from the
# environment, since Alertmanager does not expand environment variables itself. POSIX sh and sed
# only, so it runs in the busybox-based prom/alertmanager image as the entrypoint:
#   entrypoint: ["/bin/sh", "/etc/alertmanager/render-config.sh"]
#   command: ["--storage.path=/alertmanager"]
# It writes $ALERTMANAGER_CONFIG (default /tmp/alertmanager.yml) and execs alertmanager with it.
# "render-config.sh --render-only OUT" only writes OUT (used by docker/tests/prometheus-test.sh).
# Fails when a placeholder's variable is unset or empty, or when a value holds a quote or newline.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
TEMPLATE="${ALERTMANAGER_TEMPLATE:-$HERE/alertmanager.yml}"
VARS="SMTP_SMARTHOST SMTP_FROM SMTP_USERNAME SMTP_PASSWORD ALERT_EMAIL_TO ALERT_CRITICAL_EMAIL_TO ALERT_WEBHOOK_URL"

render() { # render OUT
  script=""
  for v in $VARS; do
    eval "val=\${$v:-}"
    [ -n "$val" ] || { echo "render-config: $v is not set" >&2; exit 2; }
    case "$val" in *"'"*|*'
'*) echo "render-config: $v holds a quote or a newline" >&2; exit 2 ;; esac
    esc=$(printf '%s' "$val" | sed 's/[\\|&]/\\&/g')
    script="${script}s|\\\${$v}|$esc|g;"
  done
  umask 077
  sed "$script" "$TEMPLATE" >"$1"
  if grep -v '^[[:space:]]*#' "$1" | grep -q '\${[A-Z_]*}'; then echo "render-config: placeholders left in $1" >&2; exit 2; fi
}

if [ "${1:-}" = "--render-only" ]; then
  render "${2:?usage: render-config.sh --render-only OUT}"
  exit 0
fi
OUT="${ALERTMANAGER_CONFIG:-/tmp/alertmanager.yml}"
render "$OUT"
exec /bin/alertmanager --config.file="$OUT" "$@"
