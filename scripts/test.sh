#!/usr/bin/env bash
# Runs every test suite: shared and server (vitest, real server on port 0, temp SQLite) and the
# end-to-end suite in Debian's Chromium. Ends with one line: "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [[ -z "${CHROMIUM_PATH:-}" ]] && ! command -v chromium >/dev/null; then
  echo "› Installing Debian's Chromium for the end-to-end tests …"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
exec node tests/run-all.ts "$@"
