#!/usr/bin/env bash
# Validates docker-compose.yml and compose.dev.yaml without Docker (docker/tests/validate-compose.mjs
# says what), and the entrypoint checks of the monitoring profile's required variables.
# Needs node and npm with the npm registry reachable, and the Compose Specification's JSON schema
# (compose-spec.json, from github.com/compose-spec/compose-spec) at $SHARED_DIR/schemas/. The
# repository does not carry that file: SHARED_DIR defaults to ../shared, a directory of tooling
# files kept beside the checkout on the project's machines; CI downloads a pinned copy instead.
#   docker/tests/compose-test.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

shared="${SHARED_DIR:-../shared}"
schema="$shared/schemas/compose-spec.json"
if [[ ! -r "$schema" ]]; then
  echo "FAIL: the Compose schema is missing at $schema (set SHARED_DIR to the shared directory)" >&2
  exit 2
fi
for f in docker-compose.yml compose.dev.yaml .env.example; do
  [[ -r "$f" ]] || { echo "FAIL: $f is missing" >&2; exit 2; }
done

deps="$(mktemp -d)"
trap 'rm -rf "$deps"' EXIT
npm install --no-save --no-audit --no-fund --silent --prefix "$deps" ajv@8 ajv-formats@3 yaml@2 >/dev/null
cp docker/tests/validate-compose.mjs "$deps/"

status=0
node "$deps/validate-compose.mjs" "$root/docker-compose.yml" "$root/.env.example" \
  "$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")" "$root/compose.dev.yaml" || status=1

# The monitoring profile's own required variables are checked by its containers' entrypoints, not by
# Compose (validate-compose.mjs, 8): Grafana's wrapper and Alertmanager's render-config.sh must
# refuse to start without them, and start with them.
passed=0
failed=0
step() { # step NAME COMMAND...
  local name="$1"
  shift
  if "$@" >/dev/null 2>&1; then echo "PASS $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
grafana=docker/grafana/require-admin-password.sh
step "grafana's entrypoint refuses an empty GRAFANA_ADMIN_PASSWORD" \
  bash -c '! GF_SECURITY_ADMIN_PASSWORD= sh "$0" true' "$grafana"
step "grafana's entrypoint refuses the password \"admin\"" \
  bash -c '! GF_SECURITY_ADMIN_PASSWORD=admin sh "$0" true' "$grafana"
step "grafana's entrypoint runs Grafana with a password set" \
  bash -c '[[ "$(GF_SECURITY_ADMIN_PASSWORD=s3cret sh "$0" echo started)" == started ]]' "$grafana"
out="$(mktemp)"
trap 'rm -rf "$deps" "$out"' EXIT
am_env=(SMTP_SMARTHOST=smtp.example.com:587 SMTP_FROM=a@example.com SMTP_USERNAME=a SMTP_PASSWORD=p
  ALERT_EMAIL_TO=o@example.com ALERT_CRITICAL_EMAIL_TO=c@example.com ALERT_WEBHOOK_URL=https://example.com/h)
step "alertmanager's render-config.sh refuses an empty SMTP_PASSWORD (Compose's default)" \
  bash -c '! env "$@" SMTP_PASSWORD= sh docker/alertmanager/render-config.sh --render-only "$0"' "$out" "${am_env[@]}"
step "alertmanager's render-config.sh renders with every variable set" \
  env "${am_env[@]}" sh docker/alertmanager/render-config.sh --render-only "$out"
echo "$passed passed, $failed failed (entrypoints)"
[[ "$failed" == 0 && "$status" == 0 ]]
