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
for f in criteria/*.toml; do seed grid_load "" "$f"; done
for f in examples/products/*.toml; do seed product_load '\x00' "$f"; done
for f in examples/products/*.json; do seed product_load '\x01' "$f"; done
for f in examples/*.md tests/corpus/*.md; do seed engine_text '\x00' "$f"; done
for f in tests/corpus/en-0*.md; do seed engine_text '\x01' "$f"; done

# Regression inputs found earlier go back into the corpora too.
for t in "$C"/*; do
    t=$(basename "$t")
    for d in crates/*/tests/regressions/"$t"; do
        [ -d "$d" ] && cp "$d"/* "$C/$t/" 2>/dev/null || true
    done
done
for t in "$C"/*; do echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"; done
