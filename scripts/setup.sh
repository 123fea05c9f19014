#!/usr/bin/env bash
# Sourced by start.sh and test.sh. Brings the checkout up to date — pinned Node 24 and pnpm 10 in
# .toolchain/, the workspace's dependencies, the web build — redoing a step only when its inputs changed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
STAMPS="$ROOT/.stamps"
mkdir -p "$STAMPS"

inputs_hash() { cat "$@" 2>/dev/null | sha256sum | cut -c1-32; }
up_to_date() { [[ -f "$STAMPS/$1" && "$(cat "$STAMPS/$1")" == "$2" ]]; }

h=$(inputs_hash .toolchain/package.json .toolchain/package-lock.json)
if ! up_to_date toolchain "$h" || [[ ! -x .toolchain/node_modules/.bin/node ]]; then
  echo "› Installing Node 24 and pnpm 10 into .toolchain/ …"
  npm ci --prefix .toolchain --no-audit --no-fund --loglevel=error
  echo "$h" >"$STAMPS/toolchain"
fi
export PATH="$ROOT/.toolchain/node_modules/.bin:$PATH"
export COREPACK_ENABLE_STRICT=0

h=$(inputs_hash pnpm-lock.yaml package.json pnpm-workspace.yaml */package.json)
if ! up_to_date deps "$h" || [[ ! -d node_modules ]]; then
  echo "› Installing dependencies …"
  pnpm install --frozen-lockfile --reporter=append-only
  echo "$h" >"$STAMPS/deps"
fi

h=$( (find web/src web/static shared/src -type f -print0 | sort -z | xargs -0 cat; cat web/vite.config.ts web/package.json web/tsconfig.json) | sha256sum | cut -c1-32)
if ! up_to_date web "$h" || [[ ! -f web/build/handler.js ]]; then
  echo "› Building the web app …"
  pnpm --filter @soplan/web build >"$STAMPS/web-build.log" 2>&1 || { cat "$STAMPS/web-build.log"; exit 1; }
  echo "$h" >"$STAMPS/web"
fi
