#!/usr/bin/env bash
# Installs node modules when package-lock.json changed since the last install (or never ran),
# then generates the Prisma client. Shared by the demo and test commands.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.kizuna-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "▶ Installing node modules (npm ci)…"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
echo "▶ Generating the Prisma client…"
node node_modules/prisma/build/index.js generate > /dev/null
