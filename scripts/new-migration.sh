#!/usr/bin/env bash
# Authors the next migration on machines where `prisma migrate dev` cannot run (its shadow
# database needs multi-statement SQL that the better-sqlite3 adapter does not send).
# It diffs the schema as it stood at the last commit that changed prisma/migrations against the
# working prisma/schema.prisma. tests/integration/migrations.test.ts proves they stay in step.
#   npm run db:new-migration -- add_study_groups
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
if [[ ! "$name" =~ ^[a-z0-9_]+$ ]]; then
  echo "usage: npm run db:new-migration -- <name_in_snake_case>" >&2
  exit 2
fi

prisma=(node node_modules/prisma/build/index.js)
previous=$(mktemp --suffix=.prisma)
trap 'rm -f "$previous"' EXIT
base=$(git log -1 --format=%H -- prisma/migrations || true)
if [ -n "$base" ]; then
  git show "$base:prisma/schema.prisma" > "$previous"
  from=(--from-schema-datamodel "$previous")
else
  from=(--from-empty)
fi

sql=$("${prisma[@]}" migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script 2> /dev/null)
if ! grep -qvE '^(--.*)?$' <<< "$sql"; then
  echo "prisma/schema.prisma has no changes since the last migration."
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Wrote $dir/migration.sql — review it, then apply with: npm run db:migrate"
