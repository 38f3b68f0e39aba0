#!/usr/bin/env bash
# Runs every test of the workspace. Installs nothing for now; a later step
# adds a browser test of the HTML report (Debian's chromium), hence a script.
set -uo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets "$@"
exit $?
