#!/usr/bin/env bash
# Development: recompiles content on save (content:watch) beside Remix's dev server.
set -euo pipefail
cd "$(dirname "$0")/.."
node node_modules/tsx/dist/cli.mjs scripts/build-content.ts --watch &
watcher=$!
trap 'kill $watcher 2>/dev/null' EXIT
node node_modules/@remix-run/dev/dist/cli.js dev -c "node server.mjs"
