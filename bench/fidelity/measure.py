#!/usr/bin/env python3
"""Per-kind exact-token rates of PDFs in the readers people copy with.

Usage: measure.py TOKENS.tsv NAME=PDF [NAME=PDF ...] [--readers poppler,pdfium,mupdf,mupdf-1.28,pdfjs,pdfjs-6] [--misses]
                  [--source=CORPUS.json|TEXT]

A token (a line `kind<TAB>token` of TOKENS.tsv, `#` lines are comments) counts as exact in a reader when it is a
substring of the text the reader extracts, both normalised as /work/shared/tools/pdf-audit does: NFC, the
invisible bidi controls poppler wraps runs in dropped, white space collapsed. Readers: poppler (pdftotext, as
Evince and Okular copy), PDFium (pypdfium2: Chrome's and Edge's viewer), MuPDF 1.21 (Debian's mutool) and pdf.js 2.14
(Debian's libjs-pdf under node, the text of its text layer in stream order), and the versions people have today from
the readers' environment (READERS, default ~/.cache/mawjaz-readers, made by run.sh): MuPDF 1.28 (PyMuPDF's
`page.get_text()`; MuPDF is the engine of SumatraPDF, zathura-pdf-mupdf and PyMuPDF) and pdf.js 6 (the build a PyPI package
ships, Firefox's viewer's engine, under node). The MuPDF column is named by the version the environment holds (an
environment of another PyMuPDF, `READERS=DIR`, is read the same way: `mupdf-1.26` for PyMuPDF 1.26.7). A reader that
is not installed is left out.
Prints one table per reader: a row per kind, a column per PDF, then the totals, and what the reader gives back beyond
what the pages show (a token found once counts as exact however many stray copies of it or of its parts the reader
also prints; this counts them): `extra numbers`, the copies of numbers (runs of digits) beyond those shown (with
--misses each is listed). What the pages show is the most that MuPDF 1.21 and pdf.js 2.14, which read the glyphs and
no /ActualText, or the corpus's text (--source, by default the corpus-NAME.json beside tokens-NAME.tsv) hold of each;
without mutool the row is left out.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
# The environment of today's MuPDF and pdf.js (run.sh makes it from READERS_REQUIREMENTS).
READERS = os.environ.get("READERS", os.path.join(os.path.expanduser("~"), ".cache", "mawjaz-readers"))
READERS_PYTHON = os.path.join(READERS, "bin", "python")
BIDI_CONTROLS = re.compile("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]")


def normalise(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", BIDI_CONTROLS.sub("", text))).strip()


def run(command):
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace")


def poppler(pdf):
    return run(["pdftotext", "-enc", "UTF-8", pdf, "-"])


def pdfium(pdf):
    import pypdfium2
    document = pypdfium2.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def mupdf(pdf):
    return run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf])


PDFJS = "/usr/share/nodejs/pdfjs-dist/build/pdf.js"


def pdfjs(pdf):
    return run(["node", os.path.join(HERE, "pdfjs-text.js"), pdf])


def mupdf_current(pdf):
    return run([READERS_PYTHON, os.path.join(HERE, "mupdf-text.py"), pdf])


def pdfjs_current_build():
    """The folder of pdf.js 6's pdf.mjs in the readers' environment, or None."""
    found = glob.glob(os.path.join(READERS, "lib", "python*", "site-packages", "pdfjs_viewer", "pdfjs", "build", "pdf.mjs"))
    return os.path.dirname(found[0]) if found else None


def pdfjs_current(pdf):
    return run(["node", os.path.join(HERE, "pdfjs-text.mjs"), pdfjs_current_build(), pdf])


def available():
    readers = {"poppler": poppler}
    try:
        import pypdfium2  # noqa: F401
        readers["pdfium"] = pdfium
    except ImportError:
        print("measure.py: pypdfium2 is missing, PDFium left out", file=sys.stderr)
    if shutil.which("mutool"):
        readers["mupdf"] = mupdf
    if os.access(READERS_PYTHON, os.X_OK):
        version = subprocess.run([READERS_PYTHON, "-c", "import pymupdf; print(pymupdf.VersionFitz)"], capture_output=True, text=True)
        if version.returncode == 0:
            readers["mupdf-" + ".".join(version.stdout.strip().split(".")[:2])] = mupdf_current
    if shutil.which("node") and os.path.exists(PDFJS):
        readers["pdfjs"] = pdfjs
    if shutil.which("node") and pdfjs_current_build():
        readers["pdfjs-6"] = pdfjs_current
    return readers


def tokens(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t", 1) for line in f if "\t" in line and not line.startswith("#")]


def main():
    # Options as `--readers=poppler,pdfium` or `--readers poppler,pdfium` (its value the next argument, which is no PDF).
    args, options, words = [], {}, iter(sys.argv[1:])
    for word in words:
        if word == "--readers":
            options["readers"] = next(words, "")
        elif word.startswith("--"):
            name, _, value = word[2:].partition("=")
            options[name] = value
        else:
            args.append(word)
    if any("=" not in a for a in args[1:]):
        sys.exit(__doc__)
    if len(args) < 2:
        sys.exit(__doc__)
    rows = tokens(args[0])
    pdfs = [a.split("=", 1) for a in args[1:]]
    readers = available()
    if options.get("readers"):
        readers = {name: readers[name] for name in options["readers"].split(",") if name in readers}
    kinds = list(dict.fromkeys(kind for kind, _ in rows))
    source = source_text(options.get("source") or re.sub(r"tokens-(.*)\.tsv$", r"corpus-\1.json", args[0]))
    shown = {name: shown_counts(pdf, source) for name, pdf in pdfs} if shutil.which("mutool") else {}
    for reader, extract in readers.items():
        hits, extras = {}, []
        for name, pdf in pdfs:
            text = normalise(extract(pdf))
            for kind, token in rows:
                found = normalise(token) in text
                hits.setdefault((name, kind), []).append(found)
                if "misses" in options and not found:
                    print(f"miss  {reader:8s} {name:18s} [{kind}] {token}", file=sys.stderr)
            if shown:
                extras.append(extra_copies(text, shown[name]))
                if "misses" in options:
                    for number, (copies, reference) in extras[-1].items():
                        print(f"extra {reader:8s} {name:18s} [number] {number}: {copies} copies, {reference} shown", file=sys.stderr)
        width = max(10, *(len(name) + 1 for name, _ in pdfs))
        print(f"\n{reader}" + " " * (22 - len(reader)) + "".join(f"{name:>{width}}" for name, _ in pdfs))
        for kind in kinds:
            cells = "".join(f"{sum(hits[(n, kind)]):>{width - 3}}/{len(hits[(n, kind)]):<2}" for n, _ in pdfs)
            print(f"  {kind:20s}{cells}")
        totals = "".join(f"{sum(sum(hits[(n, k)]) for k in kinds) / len(rows):>{width}.3f}" for n, _ in pdfs)
        print(f"  {'exact (share)':20s}{totals}")
        if extras:
            print(f"  {'extra numbers':20s}" + "".join(f"{sum(c - r for c, r in numbers.values()):>{width}}" for numbers in extras))


NUMBER = re.compile(r"\d+")


def source_text(path):
    """The text a corpus was written with: a report's strings (`readers.strings`) when `path` is JSON, else the file's
    text; empty when there is none."""
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        if not path.endswith(".json"):
            return normalise(f.read())
        import json
        from readers import strings
        return normalise("\n".join(strings(json.load(f))))


def counted(text):
    """The numbers (runs of digits) of `text`, each with its count; compatibility forms folded first (NFKC), so that `½`,
    which PDFium gives back as `1⁄2`, and a superscript `²` count as digits."""
    numbers = {}
    for number in NUMBER.findall(unicodedata.normalize("NFKC", text)):
        numbers[number] = numbers.get(number, 0) + 1
    return numbers


def shown_counts(pdf, source):
    """How many times each number stands on the pages of `pdf` at least: the most that MuPDF 1.21 (`mutool`) and pdf.js
    2.14 read of its glyphs (they read no /ActualText, so each glyph once; each misses some) or the corpus's text
    `source` holds (the numbers a template adds, page numbers and chart ticks, are in the glyphs' text). A number that
    all three miss (a list item's number, which both readers missed on one line of the Arabic corpus in Noto Naskh
    Arabic) counts as extra when a reader gives it back: the figure is at most the copies beyond the page's, and
    --misses lists each to be checked."""
    texts = [normalise(mupdf(pdf)), source] + ([normalise(pdfjs(pdf))] if shutil.which("node") and os.path.exists(PDFJS) else [])
    numbers = {}
    for text in texts:
        for number, count in counted(text).items():
            numbers[number] = max(numbers.get(number, 0), count)
    return numbers


def extra_copies(text, numbers):
    """The numbers a reader gives back of a PDF (`text`, normalised) more often than its pages show them (`numbers`,
    `shown_counts`), as {number: (copies, shown)}. A stray copy of a line or of a piece of one counts (poppler read a
    date's year twice, an extra `2024` line, before round copy23), where the exact-token rate only asks that a token
    be found once."""
    return {number: (copies, numbers.get(number, 0)) for number, copies in counted(text).items() if copies > numbers.get(number, 0)}


if __name__ == "__main__":
    main()
