#!/usr/bin/env bash
# Generates a migration from the entity changes (against the committed snapshot) into migrations/.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.build.json
DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/dla}" npx mikro-orm migration:create --path migrations "$@"
npx prettier --write migrations/*.ts >/dev/null
