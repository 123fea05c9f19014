#!/usr/bin/env bash
# Runs every test suite: shared and server (vitest, real server on port 0, temp SQLite) and the
# end-to-end suite in Debian's Chromium, the import tests with LibreOffice. Ends with one line: "N passed, N failed".
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# Debian packages the suites run for real: Chromium (end-to-end), LibreOffice Writer (ODT fixtures of
# the import tests) with the fonts documents use.
missing=()
if [[ -z "${CHROMIUM_PATH:-}" ]] && ! command -v chromium >/dev/null; then missing+=(chromium); fi
if ! command -v soffice >/dev/null; then missing+=(libreoffice-writer-nogui fonts-liberation2); fi
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "› Installing Debian packages for the tests: ${missing[*]} …"
  sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq && sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
exec node tests/run-all.ts "$@"
