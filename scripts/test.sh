#!/usr/bin/env bash
# Installs everything the tests need (Debian's Chromium and CJK fonts, node modules), then runs
# the whole suite: type check, build, unit/integration tests (Vitest), browser tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

# (grep without -q: with pipefail, -q quitting early would make fc-list fail on a closed pipe.)
if ! command -v chromium > /dev/null || ! fc-list 2> /dev/null | grep -i "Noto Sans CJK" > /dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Browser tests need Debian's chromium and fonts-noto-cjk: run 'sudo apt-get install -y chromium fonts-noto-cjk'." >&2
    exit 1
  fi
  echo "▶ Installing Chromium and Japanese fonts (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk > /dev/null
fi

bash scripts/ensure-deps.sh
mkdir -p tests/.tmp
rm -f tests/.tmp/vitest.json tests/.tmp/playwright.json

echo "▶ Type check…"
node node_modules/typescript/bin/tsc --noEmit
echo "▶ Build…"
node node_modules/tsx/dist/cli.mjs scripts/build-content.ts
node node_modules/@remix-run/dev/dist/cli.js build > /dev/null

status=0
echo "▶ Unit and integration tests (Vitest)…"
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=tests/.tmp/vitest.json || status=1
echo "▶ Browser tests (Playwright, Chromium)…"
PLAYWRIGHT_JSON_OUTPUT_NAME=tests/.tmp/playwright.json \
  node node_modules/@playwright/test/cli.js test --reporter=list,json || status=1

node scripts/test-summary.mjs tests/.tmp/vitest.json tests/.tmp/playwright.json || status=1
exit $status
