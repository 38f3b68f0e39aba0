#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/TARGET/) from the examples, the
# labelled corpus and the reset-extract fixtures. The corpus is generated,
# never committed (fuzz/corpus is in .gitignore). Safe to run again: it only
# adds files. Needs unzip (for the XML of the docx/odt seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
C=fuzz/corpus
FIX=crates/reset-extract/tests/fixtures
mkdir -p "$C"/{extract_txt,extract_md,extract_html,extract_docx,extract_odt,extract_pdf,grid_load,product_load,engine_text}

# seed TARGET PREFIX FILE: copies FILE into the target's corpus, with a
# one-byte prefix (a mode byte for the targets that read one) or none.
seed() {
    local target=$1 prefix=$2 file=$3
    local out
    out="$C/$target/seed-$(printf %s "${file##*/}" | tr -c "A-Za-z0-9._-" _)"
    if [ -n "$prefix" ]; then
        { printf "$prefix"; cat "$file"; } > "$out.$(printf %s "$prefix" | tr -dc 0-9a-f)"
    else
        cp "$file" "$out"
    fi
}

for f in "$FIX"/*.txt "$FIX"/dossier/*.txt; do seed extract_txt "" "$f"; done
for f in "$FIX"/*.md examples/*.md "$FIX"/dossier/*.md; do seed extract_md "" "$f"; done
for f in "$FIX"/*.html examples/*.html; do seed extract_html "" "$f"; done
for f in "$FIX"/*.pdf examples/*.pdf; do
    # The 100-page benchmark would raise libFuzzer's -max_len for every input.
    [ "$(stat -c %s "$f")" -le 100000 ] && seed extract_pdf "" "$f"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$FIX"/*.docx examples/*.docx; do
    seed extract_docx '\x00' "$f"
    unzip -p "$f" word/document.xml > "$tmp/$(basename "$f").xml"
    seed extract_docx '\x01' "$tmp/$(basename "$f").xml"
done
for f in "$FIX"/*.odt examples/*.odt; do
    seed extract_odt '\x00' "$f"
    unzip -p "$f" content.xml > "$tmp/$(basename "$f").xml"
    seed extract_odt '\x01' "$tmp/$(basename "$f").xml"
done
# grid_load: first byte even, a grid alone (with the small fixed language and
# subjects files of fuzz/fixtures/); odd, a grid over the built-in catalog.
# A built-in grid is 150-180 KB, which would make every input slow: each
# seed is one grid's header with one of its criteria (and its first two
# examples), 5-15 KB. Two seeds only start in the slow built-in mode: one
# overrides a built-in grid, one adds a grid whose ids clash with it.
rm -f "$C"/grid_load/seed-*.toml # whole-grid seeds of an older script
for f in criteria/*.toml; do
    case $f in */language.toml | */subjects.toml) continue ;; esac
    LC_ALL=C awk -v out="$tmp/$(basename "$f" .toml)" '
        /^\[\[criteria\]\]/ { n++; ex = 0 }
        /^\[\[criteria\.examples\]\]/ { ex++ }
        n == 0 { header = header $0 "\n"; next }
        ex <= 2 { body[n] = body[n] $0 "\n" }
        END {
            for (i = 1; i <= n; i++) {
                f = sprintf("%s-%02d.toml", out, i)
                printf "%s%s", header, body[i] > f
                close(f)
            }
        }' "$f"
done
for f in "$tmp"/*-[0-9][0-9].toml; do seed grid_load '\x00' "$f"; done
seed grid_load '\x01' "$tmp/privacy-01.toml"
sed 's/^id = "privacy"/id = "extra"/' "$tmp/privacy-01.toml" > "$tmp/extra-privacy-01.toml"
seed grid_load '\x01' "$tmp/extra-privacy-01.toml"
rm -f "$tmp"/*.toml
for f in examples/products/*.toml; do seed product_load '\x00' "$f"; done
for f in examples/products/*.json; do seed product_load '\x01' "$f"; done
# engine_text runs with -max_len=4096 (fuzz-all.sh): the engine's cost grows
# with the square of a sentence's length, and libFuzzer would otherwise take
# the largest seed (20 KB) as the limit. Longer files are cut at blank lines
# (or, inside a long table, at line ends) into pieces of at most ENGINE_PIECE
# bytes, so that none is truncated away.
ENGINE_PIECE=4000
engine_seed() {
    local prefix=$1 file=$2 base
    if [ "$(stat -c %s "$file")" -le "$ENGINE_PIECE" ]; then
        seed engine_text "$prefix" "$file"
        return
    fi
    # The whole file, seeded by an older script, would be truncated.
    rm -f "$C/engine_text/seed-$(printf %s "${file##*/}" | tr -c "A-Za-z0-9._-" _)".[0-9][0-9]
    base="$tmp/$(basename "$file" .md)"
    LC_ALL=C awk -v max="$ENGINE_PIECE" -v out="$base" '
        BEGIN { RS = ""; n = 0; cur = "" }
        {
            # A paragraph over the limit (a long table) goes line by line.
            if (length($0) + 2 > max) {
                k = split($0, lines, "\n")
                for (i = 1; i <= k; i++) add(lines[i] "\n")
                add("\n")
            } else {
                add($0 "\n\n")
            }
        }
        END { if (cur != "") put() }
        function add(p) {
            if (cur != "" && length(cur) + length(p) > max) { put(); cur = "" }
            cur = cur p
        }
        function put(   f) {
            n++
            f = sprintf("%s.part%02d.md", out, n)
            printf "%s", cur > f
            close(f)
        }' "$file"
    for p in "$base".part*.md; do seed engine_text "$prefix" "$p"; done
    rm -f "$base".part*.md
}
for f in examples/*.md tests/corpus/*.md; do engine_seed '\x00' "$f"; done
for f in tests/corpus/en-0*.md; do engine_seed '\x01' "$f"; done

# Regression inputs found earlier go back into the corpora too.
for t in "$C"/*; do
    t=$(basename "$t")
    for d in crates/*/tests/regressions/"$t"; do
        [ -d "$d" ] && cp "$d"/* "$C/$t/" 2>/dev/null || true
    done
done
for t in "$C"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
