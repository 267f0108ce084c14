#!/usr/bin/env bash
# Validates docker-compose.yml without Docker (docker/tests/validate-compose.mjs says what).
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
for f in docker-compose.yml .env.example; do
  [[ -r "$f" ]] || { echo "FAIL: $f is missing" >&2; exit 2; }
done

deps="$(mktemp -d)"
trap 'rm -rf "$deps"' EXIT
npm install --no-save --no-audit --no-fund --silent --prefix "$deps" ajv@8 ajv-formats@3 yaml@2 >/dev/null
cp docker/tests/validate-compose.mjs "$deps/"

node "$deps/validate-compose.mjs" "$root/docker-compose.yml" "$root/.env.example" "$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")"
