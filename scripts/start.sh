#!/usr/bin/env bash
# Quick start: install what is missing, build what changed, and run Soplan on http://localhost:3000
# (PORT and DATA_DIR override the defaults; SOPLAN_DEMO=0 turns the demo workspace off).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# PDF export renders the DOCX with LibreOffice Writer (SPEC E3). Installed here when this is root or
# sudo needs no password; otherwise Soplan runs without it and its PDF button names this command.
if ! command -v soffice >/dev/null; then
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then as_root=(sudo -n); fi
  if [[ $(id -u) -eq 0 ]] || sudo -n true 2>/dev/null; then
    echo "› Installing LibreOffice Writer for PDF export …"
    "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation2 >/dev/null ||
      echo "  (could not install it: PDF export stays off until: sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2)"
  else
    echo "› PDF export is off until LibreOffice is installed: sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2"
  fi
fi
exec node server/src/main.ts
