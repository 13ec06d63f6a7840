#!/usr/bin/env bash
# One command from a fresh clone to a running Kizuna with demo data on the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh
export DATABASE_URL="${DATABASE_URL:-file:./data/kizuna.db}"
echo "▶ Applying database migrations ($DATABASE_URL)…"
node node_modules/prisma/build/index.js migrate deploy
echo "▶ Compiling learning content…"
node node_modules/tsx/dist/cli.mjs scripts/build-content.ts
echo "▶ Seeding demo data…"
node node_modules/tsx/dist/cli.mjs scripts/seed.ts
echo "▶ Building the app…"
node node_modules/@remix-run/dev/dist/cli.js build > /dev/null

PORT="${PORT:-3000}"
cat <<MSG

  Kizuna is starting: open http://localhost:${PORT}
  Sign in with any demo account above (password: kizuna-demo-2026), e.g. admin@kizuna.example
  Stop with Ctrl+C.

MSG
# Local plain-HTTP run: cookies without the Secure flag so every browser keeps them.
NODE_ENV=production INSECURE_COOKIES="${INSECURE_COOKIES:-true}" PORT="$PORT" exec node server.mjs
