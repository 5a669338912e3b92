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

# Chromium, plus CJK and Arabic fonts so the Chinese seeds render (and screenshot) as glyphs, and
# poppler-utils (pdftotext) for the print-to-PDF test.
if [ "${1:-}" = "--browser" ] && ! { [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" && command -v pdftotext >/dev/null; }; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium fonts-noto-cjk fonts-noto-core poppler-utils >/dev/null
fi
