#!/usr/bin/python3
"""What a user who drags a selection copies: poppler-glib's selection text (Evince's and other GNOME viewers' copy,
`poppler_page_get_selected_text`, TextSelectionDumper) and PDFium's (Chrome's and Edge's viewer: the characters from
the one under the drag's start to the one under its end, `FPDFText_GetCharIndexAtPos` and `FPDFText_GetText`; and
`FPDFText_GetBoundedText` over a rectangle), set beside the text as written.

    /usr/bin/python3 bench/fidelity/selection.py [--misses] [OUT] [NAME=REPORT ...]

Needs Debian's python3-gi and gir1.2-poppler-0.18 (poppler-glib 22.12), pypdfium2 in ~/.cache/mawjaz-pdfium (the tests'
environment, MAWJAZ_PDFIUM), and a debug build with its tests built: the reports (by default the default brief, its
English edition, the correspondence sample, the held-out briefs of bench/fidelity/held-out and the fidelity corpora of
Tests/MawjazTests/Fixtures/fidelity) are laid out and drawn by the tests' sweep (ReaderLineOracleTests, as lines.py
has it), which writes beside each PDF every text line's box, direction, element and logical text (`NAME.boxes.tsv`).
OUT defaults to /tmp/mawjaz-selection; SELECTION_SKIP_SWEEP=1 reads the PDFs already there again.

Selections, each read by both readers:
  page      the whole page (poppler: a drag from the page's top-left corner to its bottom-right one, or on a page
            most of whose lines read right to left from its top-right corner to its bottom-left one; PDFium: every
            character); every token of the report's TSV (when it has one) looked for in it, and every line.
  element   each paragraph, heading, list item, table cell, fact, caption and each running head's or foot's part (the
            lines the layout drew inside one structure element on one page, or one line of page furniture), dragged
            over its box: in poppler from the box's left edge at the middle of its first line to its right edge at the
            middle of its last (the box's corners fall into the lines' neighbours, whose boxes poppler makes taller
            than the layout's), which Evince highlights as every line whole (a drag from a right-to-left element's first character at its right to its last at its
            left is highlighted by poppler from the drag's start to the line's right end, and is measured apart as
            `element-rtl`); in PDFium from the character under the element's first line's start to the one under its
            last line's end, in the element's direction (`element`), and the characters inside the box (`bounded`).
            Exact when the copy, normalised, is the element's text (its lines joined by spaces), normalised; the
            tokens of the TSV found in the selection of an element holding them are counted too.
  drag      in each right-to-left paragraph of three lines or more, a drag from the middle of its first line to the
            middle of its last: exact when the copy is a piece of the first line, every line between whole and in
            order, and a piece of the last line, each piece a run of the line's text as written (no words out of
            order), with nothing else.
Normalised as pdf-audit compares (NFC, white space collapsed, the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E
and U+2066-U+2069 dropped). --misses prints every selection that is not exact.
"""
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from readers import normalised  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PDFIUM_PYTHON = pathlib.Path(os.environ.get("MAWJAZ_PDFIUM", pathlib.Path.home() / ".cache/mawjaz-pdfium")) / "bin/python"
FIDELITY = ROOT / "Tests/MawjazTests/Fixtures/fidelity"
HELD_OUT = ROOT / "bench/fidelity/held-out"


def default_reports():
    """The reports measured by default: name, source and the TSV of its tokens (or None)."""
    found = [(name, ROOT / "Reports" / name / "report.yaml", None)
             for name in ("mississippi-uzbekistan", "mississippi-uzbekistan-en", "correspondence")]
    found += [(p.stem, p, p.with_suffix(".tsv")) for p in sorted(HELD_OUT.glob("*.yaml"))]
    found += [(p.stem, p, FIDELITY / p.name.replace("corpus-", "tokens-").replace(".json", ".tsv"))
              for p in sorted(FIDELITY.glob("corpus-*.json"))]
    return found


def tokens(path):
    if not path or not path.exists():
        return []
    return [line.rstrip("\n").split("\t", 1)[1] for line in path.read_text(encoding="utf-8").splitlines()
            if "\t" in line and not line.startswith("#")]


class Line:
    def __init__(self, row):
        page, y, x, width, ascent, descent, direction, number, role, text = row.split("\t", 9)
        self.page, self.y, self.x, self.width = int(page), float(y), float(x), float(width)
        self.ascent, self.descent, self.rtl = float(ascent), float(descent), direction == "rtl"
        self.element = None if number == "-" else int(number)
        self.role, self.text = role, text

    @property
    def middle(self):
        """The y of the line's middle: between its baseline and the top of its glyphs (half its ascent up)."""
        return self.y - self.ascent * 0.4


def elements(lines):
    """The lines grouped as a reader's user selects them: the lines of one structure element on one page, in painting
    order (a table cell, a paragraph's lines on that page), and each line of page furniture alone."""
    groups, keyed = [], {}
    for line in lines:
        if not normalised(line.text):
            continue
        if line.element is None:
            groups.append([line])
            continue
        key = (line.page, line.element)
        if key not in keyed:
            keyed[key] = []
            groups.append(keyed[key])
        keyed[key].append(line)
    return groups


def box(group):
    """The rectangle around a group's lines, top-left and bottom-right, y from the page's top."""
    return (min(l.x for l in group), min(l.y - l.ascent for l in group),
            max(l.x + l.width for l in group), max(l.y + l.descent for l in group))


def selections(groups):
    """Every selection measured on a page: kind, expected text (or the lines of a drag), poppler's two points, PDFium's
    two points and, for `element`, the box for PDFium's bounded text."""
    found = []
    for group in groups:
        expected = " ".join(l.text for l in group)
        x0, y0, x1, y1 = box(group)
        inset = 0.5
        first, last = group[0], group[-1]
        rtl = first.rtl
        # PDFium: from the first character (at the first line's start) to the last (at the last line's end).
        start = (first.x + first.width - inset if rtl else first.x + inset, first.middle)
        end = (last.x + inset if rtl else last.x + last.width - inset, last.middle)
        found.append({"kind": "element", "expected": expected, "poppler": (x0 + inset, first.middle, x1 - inset, last.middle),
                      "pdfium": start + end, "bounded": (x0, y0, x1, y1), "role": first.role, "rtl": rtl})
        if rtl:
            found.append({"kind": "element-rtl", "expected": expected, "poppler": start + end, "role": first.role})
        if rtl and len(group) >= 3 and first.role == "paragraph":
            middle = [(first.x + first.width / 2, first.middle), (last.x + last.width / 2, last.middle)]
            found.append({"kind": "drag", "lines": [l.text for l in group], "poppler": middle[0] + middle[1],
                          "pdfium": middle[0] + middle[1], "role": first.role})
    return found


def poppler_selections(pdf, pages):
    """poppler-glib's selection text for each page's selections (glyph style, as a drag), and each page's whole."""
    import gi
    gi.require_version("Poppler", "0.18")
    from gi.repository import Poppler
    document = Poppler.Document.new_from_file(pathlib.Path(pdf).resolve().as_uri(), None)
    whole, texts = [], []
    for index, wanted in enumerate(pages):
        page = document.get_page(index)
        width, height = page.get_size()
        rectangle = Poppler.Rectangle()
        # From the corner the page's reading starts at: poppler starts a selection at the block nearest the drag's
        # start in its reading order, and a drag from the top left corner of a right-to-left page leaves out the blocks
        # read before the one nearest that corner.
        elements = [s for s in wanted if s["kind"] == "element"]
        rtl = sum(s["rtl"] for s in elements) * 2 > len(elements)
        rectangle.x1, rectangle.y1, rectangle.x2, rectangle.y2 = (width, 0, 0, height) if rtl else (0, 0, width, height)
        whole.append(page.get_selected_text(Poppler.SelectionStyle.GLYPH, rectangle) or "")
        copied = []
        for selection in wanted:
            rectangle = Poppler.Rectangle()
            rectangle.x1, rectangle.y1, rectangle.x2, rectangle.y2 = selection["poppler"]
            copied.append(page.get_selected_text(Poppler.SelectionStyle.GLYPH, rectangle) or "")
        texts.append(copied)
    return whole, texts


PDFIUM_SCRIPT = r"""
import json, sys, pypdfium2, pypdfium2.raw as raw
pdf, pages = sys.argv[1], json.load(sys.stdin)
document = pypdfium2.PdfDocument(pdf)
whole, texts = [], []
for index, wanted in enumerate(pages):
    page = document[index]
    height = page.get_height()
    text = page.get_textpage()
    whole.append(text.get_text_range())
    copied = []
    for selection in wanted:
        if "pdfium" not in selection:
            copied.append(None)
            continue
        x0, y0, x1, y1 = selection["pdfium"]
        # Chrome's viewer: the character under each end of the drag (or the nearest within a few points).
        a = text.get_index(x0, height - y0, 5, 5)
        b = text.get_index(x1, height - y1, 5, 5)
        if a is None or b is None or a < 0 or b < 0:
            dragged = ""
        else:
            a, b = min(a, b), max(a, b)
            dragged = text.get_text_range(a, b - a + 1)
        bounded = None
        if "bounded" in selection:
            left, top, right, bottom = selection["bounded"]
            bounded = text.get_text_bounded(left, height - bottom, right, height - top)
        copied.append([dragged, bounded])
    texts.append(copied)
print(json.dumps([whole, texts]))
"""


def pdfium_selections(pdf, pages):
    done = subprocess.run([str(PDFIUM_PYTHON), "-c", PDFIUM_SCRIPT, str(pdf)], input=json.dumps(pages), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def drag_exact(copied, lines):
    """Whether `copied` is a piece of lines[0], lines[1:-1] whole, and a piece of lines[-1], each piece a run of its line
    as written."""
    text = normalised(copied)
    middle = normalised(" ".join(lines[1:-1]))
    first, last = normalised(lines[0]), normalised(lines[-1])
    at = text.find(middle)
    if not middle or at < 0:
        return False
    head, tail = text[:at].strip(), text[at + len(middle):].strip()
    return (not head or head in first) and (not tail or tail in last)


def measure(name, out, tsv, misses):
    rows = [Line(r) for r in (out / f"{name}.boxes.tsv").read_text(encoding="utf-8").splitlines() if r]
    count = max((l.page for l in rows), default=0)
    pages = [selections(elements([l for l in rows if l.page == p + 1])) for p in range(count)]
    pdf = out / f"{name}.pdf"
    poppler_whole, poppler = poppler_selections(pdf, pages)
    pdfium_whole, pdfium = pdfium_selections(pdf, pages)
    result = {}

    def count_(key, ok, reader, selection, copied):
        hits, total = result.get(key, (0, 0))
        result[key] = (hits + bool(ok), total + 1)
        if misses and not ok:
            wanted = selection.get("expected") or " | ".join(selection.get("lines", []))
            print(f"miss {name} {key} [{selection['role']}]\n  wanted: {normalised(wanted)}\n  copied: {normalised(copied or '')}",
                  file=sys.stderr)

    for index, wanted in enumerate(pages):
        for k, selection in enumerate(wanted):
            got = poppler[index][k]
            if selection["kind"] == "drag":
                count_("poppler drag", drag_exact(got, selection["lines"]), "poppler", selection, got)
                dragged = pdfium[index][k][0]
                count_("pdfium drag", drag_exact(dragged, selection["lines"]), "pdfium", selection, dragged)
                continue
            exact = normalised(selection["expected"])
            if selection["kind"] == "element-rtl":
                count_("poppler element-rtl", normalised(got) == exact, "poppler", selection, got)
                continue
            count_("poppler element", normalised(got) == exact, "poppler", selection, got)
            dragged, bounded = pdfium[index][k]
            count_("pdfium element", normalised(dragged) == exact, "pdfium", selection, dragged)
            count_("pdfium bounded", normalised(bounded) == exact, "pdfium", selection, bounded)
    listed = tokens(tsv)
    if listed:
        for reader, whole, per in (("poppler", poppler_whole, poppler), ("pdfium", pdfium_whole, pdfium)):
            page_text = normalised(" ".join(whole))
            found = sum(normalised(t) in page_text for t in listed)
            result[f"{reader} page tokens"] = (found, len(listed))
            if reader == "poppler":
                pieces = [normalised(c) for page in per for c in page]
            else:
                pieces = [normalised(c[0]) if c else "" for page in per for c in page]
            owned = [s for page in pages for s in page]
            hits = total = 0
            for token in listed:
                t = normalised(token)
                holders = [i for i, s in enumerate(owned) if s["kind"] == "element" and t in normalised(s["expected"])]
                if not holders:
                    continue
                total += 1
                ok = any(t in pieces[i] for i in holders)
                hits += ok
                if misses and not ok:
                    print(f"miss {name} {reader} element token: {token}", file=sys.stderr)
            result[f"{reader} element tokens"] = (hits, total)
    return result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    misses = "--misses" in sys.argv
    out = pathlib.Path(args[0] if args and "=" not in args[0] else "/tmp/mawjaz-selection").resolve()
    named = [a.split("=", 1) for a in args if "=" in a]
    listed = [(n, pathlib.Path(p).resolve(), pathlib.Path(p).with_suffix(".tsv")) for n, p in named] or default_reports()
    out.mkdir(parents=True, exist_ok=True)
    (out / "reports.tsv").write_text("".join(f"{name}\t{path}\n" for name, path, _ in listed), encoding="utf-8")
    if not os.environ.get("SELECTION_SKIP_SWEEP"):
        sweep = subprocess.run(["swift", "test", "--skip-build", "--filter", "ReaderLineOracleTests.sweepWritesEachReportsLinesBesideItsPDF"],
                               cwd=ROOT, env={**os.environ, "MAWJAZ_LINE_SWEEP": str(out), "SOURCE_DATE_EPOCH": "1700000000"},
                               capture_output=True, text=True)
        if sweep.returncode:
            print(sweep.stdout[-3000:], sweep.stderr[-3000:], file=sys.stderr)
    totals = {}
    for name, _, tsv in listed:
        if not (out / f"{name}.boxes.tsv").exists():
            print(f"{name}: not drawn", file=sys.stderr)
            continue
        result = measure(name, out, tsv, misses)
        print(f"{name}: " + ", ".join(f"{key} {hits}/{total}" for key, (hits, total) in result.items()))
        for key, (hits, total) in result.items():
            h, t = totals.get(key, (0, 0))
            totals[key] = (h + hits, t + total)
    print("\nall: " + ", ".join(f"{key} {hits}/{total} ({hits / total:.3f})" for key, (hits, total) in totals.items() if total))


if __name__ == "__main__":
    main()
