#!/usr/bin/env bash
# Speed of the tender engine, side by side with ripgrep on the same cues.
#
#   scripts/bench-spec.sh [SIZE_MB]     (default 50)
#
# 1. Builds a large plain-text tender by concatenating the labelled corpus
#    until it reaches SIZE_MB, and a 100-page tender (about 50,000 words).
# 2. Writes every normalised cue of the catalog (`reset-check grids --cues`).
# 3. Times, in one run: ripgrep counting those cues (`rg -c -i -F -f cues.txt`)
#    and `reset-check spec` assessing the same file (extraction, normalisation,
#    matching, qualification, scoring and JSON output included), and reports
#    throughput and the ratio.
# 4. Times `reset-check spec` on the 100-page document, start-up included,
#    and on a one-line document (start-up alone).
#
# Needs ripgrep and hyperfine (Debian: apt-get install ripgrep hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in rg hyperfine; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (apt-get install ripgrep hyperfine)" >&2; exit 2; }
done

cargo build --release -q -p reset-check
bin=target/release/reset-check

corpus=(tests/corpus/*.md)
big="$work/big.txt"
: > "$big"
while [ "$(stat -c %s "$big")" -lt $((size_mb * 1024 * 1024)) ]; do
  cat "${corpus[@]}" >> "$big"
done
bytes=$(stat -c %s "$big")

# A 100-page tender: 50,000 words of the corpus (about 500 words a page).
page100="$work/tender-100-pages.md"
cat "${corpus[@]}" "${corpus[@]}" | awk '{ n += NF; print; if (n >= 50000) exit }' > "$page100"
words=$(wc -w < "$page100")

"$bin" grids --cues > "$work/cues.txt"
ncues=$(wc -l < "$work/cues.txt")

echo "text: $((bytes / 1024 / 1024)) MB; cues: $ncues; 100-page document: $words words"
hyperfine --warmup 1 --runs 3 --export-json "$work/big.json" \
  -n ripgrep "rg -c -i -F -f $work/cues.txt $big" \
  -n reset-check "$bin spec --max-input-size 1G --format json -o $work/out.json $big" >/dev/null

python3 - "$work/big.json" "$bytes" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
size = int(sys.argv[2]) / 1e6
t = {r["command"]: r["mean"] for r in data["results"]}
rg, rc = t["ripgrep"], t["reset-check"]
print(f"ripgrep      {rg:7.3f} s  {size / rg:8.1f} MB/s")
print(f"reset-check  {rc:7.3f} s  {size / rc:8.1f} MB/s")
print(f"reset-check throughput = {rg / rc:.2f} x ripgrep's (target >= 0.5)")
PY

# -N: no shell between hyperfine and the command (it has no shell syntax),
# so nothing has to be subtracted from a run of a few tens of milliseconds.
# A one-line document: what start-up alone costs (catalog, automaton).
printf '# Objet\n' > "$work/one-line.md"
hyperfine -N --warmup 3 --runs 30 --export-json "$work/one.json" \
  -n one-doc "$bin spec --format json -o $work/one.out.json $page100" \
  -n start-up "$bin spec --format json -o $work/empty.out.json $work/one-line.md" >/dev/null
python3 - "$work/one.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
one, start = r["one-doc"], r["start-up"]
print(f"reset-check spec, one 100-page document: {one['mean'] * 1000:.1f} ms mean, {one['min'] * 1000:.1f} ms min (target < 50 ms)")
print(f"reset-check spec, a one-line document (start-up): {start['mean'] * 1000:.1f} ms mean")
PY
