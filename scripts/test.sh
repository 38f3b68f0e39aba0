#!/usr/bin/env bash
# Runs every test of the workspace, then the browser test of the HTML report
# (scripts/browser-test.sh: installs Debian's chromium and the node packages
# it needs when they are missing and it may).
set -uo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets --no-fail-fast "$@"
status=$?
./scripts/browser-test.sh || status=$?
exit $status
