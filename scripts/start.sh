#!/usr/bin/env bash
# Quick start: install what is missing, build what changed, and run Soplan on http://localhost:3000
# (PORT and DATA_DIR override the defaults; SOPLAN_DEMO=0 turns the demo workspace off).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec node server/src/main.ts
