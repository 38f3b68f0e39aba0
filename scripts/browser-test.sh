#!/usr/bin/env bash
# Browser test of the HTML report: axe-core in headless Chromium (zero
# violations), printed to an A4 PDF (page count, a model clause and the
# chart's title in its text). See tests/browser/check-report.mjs.
#
#   scripts/browser-test.sh [--screenshot docs/report-screenshot.png]
#
# Installs what is missing: Debian's chromium (and poppler-utils for
# pdftotext) with apt-get when running as root or with CI=true, and the
# pinned node packages (axe-core, playwright-core) of tests/browser/ with
# npm ci. Set RESET_SKIP_BROWSER_TEST=1 to skip it on a machine that cannot
# have chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${RESET_SKIP_BROWSER_TEST:-}" = 1 ]; then
  echo "browser test: skipped (RESET_SKIP_BROWSER_TEST=1)"
  exit 0
fi

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  elif [ "${CI:-}" = true ] && command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    return 1
  fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "browser test: installing ${missing[*]}" >&2
  if ! apt_install "${missing[@]}"; then
    if [ ! -x /usr/bin/chromium ]; then
      echo "error: /usr/bin/chromium is missing; install it (apt-get install -y chromium), run as root or with CI=true, or set RESET_SKIP_BROWSER_TEST=1" >&2
      exit 2
    fi
    echo "warning: could not install ${missing[*]}; the PDF text will not be checked" >&2
  fi
fi

command -v node >/dev/null || { echo "error: node is not installed (Node.js 18 or later)" >&2; exit 2; }
if [ ! -d tests/browser/node_modules/axe-core ] || [ ! -d tests/browser/node_modules/playwright-core ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
fi

cargo build -q -p reset-check
# The binary cargo just built, wherever the target directory is.
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
RESET_CHECK_BIN="$target_dir/debug/reset-check" node tests/browser/check-report.mjs "$@"
