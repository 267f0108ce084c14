#!/usr/bin/env bash
# Checks the monitoring configuration without containers: promtool check config and check rules,
# the promtool unit tests of every alert, and (when amtool exists) the Alertmanager configuration
# rendered from its template with example values. Installs promtool and amtool with apt-get
# (Debian packages prometheus and prometheus-alertmanager) when missing.
# Usage: docker/tests/prometheus-test.sh
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PROM="$ROOT/docker/prometheus"
AM="$ROOT/docker/alertmanager"

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$@" >/dev/null 2>&1; }
}
if ! command -v promtool >/dev/null; then
  echo "installing promtool (prometheus)"
  apt_install prometheus || { echo "FAIL cannot install promtool" >&2; exit 2; }
fi
if ! command -v amtool >/dev/null; then
  echo "installing amtool (prometheus-alertmanager)"
  apt_install prometheus-alertmanager || echo "amtool not available: its check is skipped"
fi

PASSED=0
FAILED=0
step() { # step NAME COMMAND...: runs the command, prints its output on failure
  local name="$1" out
  shift
  if out="$("$@" 2>&1)"; then
    echo "PASS $name"
    PASSED=$((PASSED + 1))
  else
    echo "FAIL $name"
    printf '%s\n' "$out" | sed 's/^/    /'
    FAILED=$((FAILED + 1))
  fi
}

cd "$PROM" || exit 2
step "promtool check config prometheus.yml" promtool check config prometheus.yml
step "promtool check rules rules/*.yml" promtool check rules rules/recording.yml rules/alerts.yml
step "promtool test rules tests/alerts-test.yml" promtool test rules tests/alerts-test.yml

# Every alert links a runbook section that exists.
runbooks_cover_alerts() {
  local anchor ok=0
  for anchor in $(grep -o 'runbooks.md#[a-z0-9-]*' rules/alerts.yml | sort -u | cut -d'#' -f2); do
    grep -qi "^## ${anchor}\$" "$ROOT/docs/operations/runbooks.md" || { echo "no runbook section for #$anchor"; ok=1; }
  done
  return $ok
}
step "every runbook_url has its section in docs/operations/runbooks.md" runbooks_cover_alerts

if command -v amtool >/dev/null; then
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  render_and_check() {
    SMTP_SMARTHOST=smtp.example.com:587 SMTP_FROM=alerts@example.com SMTP_USERNAME=alerts \
      SMTP_PASSWORD='s3cr&t|pass' ALERT_EMAIL_TO=ops@example.com \
      ALERT_CRITICAL_EMAIL_TO=oncall@example.com \
      ALERT_WEBHOOK_URL='https://hooks.example.com/alert?token=a&b=c' \
      sh "$AM/render-config.sh" --render-only "$TMP/alertmanager.yml" &&
      amtool check-config "$TMP/alertmanager.yml"
  }
  step "amtool check-config (alertmanager.yml rendered with example values)" render_and_check
  render_refuses_unset() {
    ! env -u SMTP_SMARTHOST sh "$AM/render-config.sh" --render-only "$TMP/unset.yml"
  }
  step "render-config.sh refuses an unset variable" render_refuses_unset
fi

echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
