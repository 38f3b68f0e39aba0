#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 60), one at a
# time, and prints per target: time, executions, executions per second, and
# whether it crashed.
#
#   scripts/fuzz-all.sh 600            ten minutes each
#   TARGETS="extract_pdf grid_load" scripts/fuzz-all.sh 120
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain the
# nightly flags cargo-fuzz uses are allowed with RUSTC_BOOTSTRAP=1 (set
# here). Crashing inputs land in fuzz/artifacts/TARGET/; copy each into
# crates/*/tests/regressions/TARGET/ once fixed (the regression tests
# replay them). Logs: fuzz/logs/TARGET.log. Exit 1 when a target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
ALL="extract_txt extract_md extract_html extract_docx extract_odt extract_pdf grid_load product_load engine_text"
TARGETS=${TARGETS:-$ALL}
export RUSTC_BOOTSTRAP=1
./scripts/fuzz-seed.sh > /dev/null
mkdir -p fuzz/logs
(cd fuzz && cargo fuzz build -O) || exit 2
failed=0
printf '%-14s %8s %12s %8s  %s\n' target seconds executions exec/s result
for t in $TARGETS; do
    log=fuzz/logs/$t.log
    start=$(date +%s)
    # -max_len: the largest input libFuzzer makes (by default its largest
    # seed). engine_text stays at 4 KB (several paragraphs) for the sake of
    # executions per second (a sentence is read in pieces of at most 2 KB, so
    # longer inputs cost more in proportion only); a grid_load seed is one
    # criterion of a grid, up to 15 KB (see fuzz-seed.sh).
    case $t in
        engine_text) max_len=(-max_len=4096) ;;
        grid_load) max_len=(-max_len=16384) ;;
        *) max_len=() ;;
    esac
    # -timeout: an input taking over 10 s counts as a hang (a crash).
    # -rss_limit_mb: a bounded-memory check on top of the limits.
    (cd fuzz && cargo fuzz run -O "$t" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        "${max_len[@]}" -print_final_stats=1) > "$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    [ -z "$execs" ] && execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ "$rc" -eq 0 ]; then result=ok; else result="CRASH (rc $rc, see $log)"; failed=1; fi
    printf '%-14s %8s %12s %8s  %s\n' "$t" "$took" "${execs:-?}" "${rate:-?}" "$result"
done
exit $failed
