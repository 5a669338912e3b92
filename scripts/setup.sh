#!/usr/bin/env bash
# Installs what Accord needs on a fresh Debian machine with Node 20: pnpm, the workspace's
# dependencies (better-sqlite3 compiles from source: it needs Node's headers, hence nodedir), and
# with --browser Debian's Chromium for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "12.21.0" ]; then
  npm i -g pnpm@12.21.0 >/dev/null
fi
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
pnpm install --frozen-lockfile

# Chromium, plus CJK and Arabic fonts so the Chinese seeds render (and screenshot) as glyphs;
# xmllint (libxml2-utils) for the Akoma Ntoso schema check (server/test/export-akn.test.ts);
# pdftotext (poppler-utils) for the print-to-PDF test (e2e/tests/print.test.ts).
if [ "${1:-}" = "--browser" ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/xmllint ] && command -v pdftotext >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-core libxml2-utils poppler-utils >/dev/null
fi
