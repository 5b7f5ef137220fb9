#!/usr/bin/env bash
# The whole suite: type check, unit + database + HTTP tests on PGlite and the PostgreSQL server, then browser flows.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"
npx tsc --noEmit -p tsconfig.json
echo "== unit, database and API tests"
npx vitest run
echo "== end-to-end tests in Chromium"
[ -f web/dist/index.html ] || npx vite build --config web/vite.config.ts
npx vitest run --config vitest.e2e.config.ts
