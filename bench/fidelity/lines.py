"""A line-by-line oracle over many reports: every text line Mawjaz lays out, looked for whole within one line of what
PDFium (and, to report only, poppler) copies of its page.

    python3 bench/fidelity/lines.py [OUT]        (default /tmp/mawjaz-lines; a debug build with its tests built)

Writes OUT/reports.tsv (every sample, fixture and fidelity corpus, and generated variants: every template × ar/en ×
with and without a classification banner × Noto Naskh Arabic / Amiri × A4 / A5 / A4 landscape, each with running heads
and feet of one and two parts holding digits, brackets and Latin, a letterhead, tables across pages, a table of cells
holding a dash alone, columns, facts, a timeline, a chart's labels, a signature, a reference block, contents, lists and notes), runs the tests' sweep
(ReaderLineOracleTests) to lay each out and draw it, then reads every PDF with pypdfium2 (~/.cache/mawjaz-pdfium) and
pdftotext. A line of several parts on one baseline (a running head's two ends, a table row's cells) is each part. PDFium
must give a line back within one of its lines; poppler, to report only, within its page's text with line breaks
collapsed (Mawjaz hands it a line it would misread as pieces on lines of their own), and a line it misses is counted
apart when `readers.bad_junctions` says no PDF gives it back within one line without a direction mark, in the direction
poppler reads its page (`reads_left_to_right`: letters counted, digits not). Texts are compared as `pdf-audit` compares
tokens (`readers.normalised`: NFC, white space collapsed, the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E and
U+2066-U+2069 dropped), so the marks Mawjaz hands poppler (`ReaderLine.marked`) and those pdftotext adds are not counted. LINES_POPPLER=N prints the N lines poppler misses most often, of
both kinds; LINES_SKIP_SWEEP=1 reads the PDFs already in OUT again. A baseline of several parts (a row, a running
head's two ends, a timeline's date and text) is counted apart too when a reader runs its parts together
(`run_together`: a part without white space or a line's end either side, or two neighbours glued); LINES_TOGETHER=N
prints the N met most often, PDFium's and poppler's (poppler only to report, its line breaks collapsed).
"""
import itertools
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from readers import bad_junctions, normalised, poppler_type  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PDFIUM_PYTHON = pathlib.Path(os.environ.get("MAWJAZ_PDFIUM", pathlib.Path.home() / ".cache/mawjaz-pdfium")) / "bin/python"
ACTIVITIES = ROOT / "Reports/mississippi-uzbekistan/activities.csv"

# Each field of the generated reports: its Arabic and its English text.
TEXTS = {
    "title": (
        "تقرير الأداء (Q3 2026) — الإصدار 2.4",
        "Performance report (Q3 2026) — release 2.4"),
    "subtitle": (
        "إدارة المتابعة [PMO] — نسخة 1.2",
        "Follow-up office [PMO] — version 1.2"),
    "head": (
        ('مديرية الموارد — التقرير 7/2026', 'سري (Internal)'),
        ('Resources directorate — report 7/2026', 'مديرية الموارد (سري)')),
    "foot": (
        ('المرجع: ت/2026/77', '{page-of-pages}'),
        ('Ref: T/2026/77', '{page-of-pages}')),
    "heading": (
        "أولا: المؤشرات (KPI) لعام 2026",
        "First: indicators (KPI) for 2026"),
    "sub": (
        "الخطة [المرحلة ب] بنسبة 40%",
        "The plan [phase B] at 40%"),
    "paragraph": (
        "ارتفع الإنجاز إلى 87.5% مقابل 62.5% في الربع السابق، وبلغ الإنفاق 1250000 ريال (انظر الملحق B) "
        "وفق نظام SAP S/4HANA الذي يعمل على Ubuntu 22.04 منذ عام 2012، والبريد ops@example.gov.sa والهاتف "
        "+966 11 555 0100 للطوارئ. قال الوزير «العمل مستمر» ثم أضاف (ربما) في الاجتماع القادم.",
        "Delivery rose to 87.5% against 62.5% last quarter, and spending reached 1250000 riyals (see annex B) "
        "under the programme «الشراكة بين الدول» since 2012; write to ops@example.gov.sa or call "
        "+966 11 555 0100. The minister, اللواء فيشر, said \"work goes on\" (perhaps) at the next meeting."),
    "column": (
        "يعرض العمود الأول نتائج الفروع (الرياض وجدة) لعام 2025، ويعرض الثاني خطة 2026 بنسبة 12.5% زيادة.",
        "The first column shows the branches (الرياض and جدة) for 2025, the second the plan for 2026, 12.5% more."),
    "facts": (
        [('نسبة الإنجاز', '87.5%'), ('مشاريع جديدة (Q3)', '+200'), ('الإنفاق', '1250000'), ('منذ عام', '2012')],
        [('Delivery', '87.5%'), ('New projects (Q3)', '+200'), ('Spending', '1250000'), ('Since', '2012')]),
    "table": (
        ['الفرع', 'الرمز', 'النسبة', 'التاريخ'],
        ['Branch', 'Code', 'Rate', 'Date']),
    "events": (
        [('2012', 'بدء الشراكة (State Partnership)'), ('2021/05', 'أول عملية جوية مشتركة [C-17]'),
         ('2026', 'مناورة Southern Strike بمشاركة 40 فردا')],
        [('2012', 'Partnership begins (الشراكة)'), ('2021/05', 'First joint air operation [C-17]'),
         ('2026', 'Exercise Southern Strike with 40 members')]),
    "chart": (
        ('الإنفاق حسب الربع (مليون $)', 'المصدر: وزارة المالية، 2026',
         [('Q1 2026', 12), ('الربع (2)', 18), ('H2/2025', 9), ('«الخدمات»', 15)]),
        ('Spending by quarter (million $)', 'Source: ministry of finance, 2026',
         [('Q1 2026', 12), ('الربع (2)', 18), ('H2/2025', 9), ('«services»', 15)])),
    "list": (
        ['المرحلة (أ): 12.5% من الميزانية', 'البريد: support@example.gov.sa أو الهاتف +966 11 555 0100',
         'تحديث النظام إلى Python 3.12 قبل 2026/12/31'],
        ['Phase (A): 12.5% of the budget', 'Mail: support@example.gov.sa or call +966 11 555 0100',
         'Move to Python 3.12 before 2026/12/31 (النظام الجديد)']),
    "note": (
        ('ملاحظة (مهمة)', 'الحد الأقصى 45% (تقريبا) و[ب] {ج} حتى 2026.'),
        ('Note (important)', 'The limit is 45% (about) and [B] {C} until 2026, وفق التعميم.')),
    "signature": (
        ('اللواء جانسن فيشر', 'المساعد العام (J-3)', 'مكتب الحرس الوطني'),
        ('Maj. Gen. Janson Fisher', 'Adjutant General (J-3)', 'اللواء جانسن فيشر')),
    "reference": (
        ('م ح و/24/567', 'موجز الشراكة (3 صفحات)'),
        ('MNG/24/567', 'Partnership brief (3 pages)')),
    "contents": (
        "المحتويات",
        "Contents"),
    "letterhead": (('الحرس الوطني — ولاية ميسيسيبي', 'Mississippi National Guard'),) * 2,
    "banner": (
        "سري — للاستخدام الرسمي",
        "RESTRICTED — official use"),
}


def row(n):
    """Row `n` of the table across pages."""
    return [f"فرع جدة ({n})", f"KPI-{n:03d}", f"{n * 7.1 % 100:.1f}%", f"2026/{n % 12 + 1:02d}/{n % 28 + 1:02d}"]


PAGES = {"a4": {"size": "A4"}, "a5": {"size": "A5"}, "landscape": {"size": "A4", "orientation": "landscape"}}
FONTS = {"naskh": "Noto Naskh Arabic", "amiri": "Amiri"}


def variant(template, language, banner, font, page, heads):
    """A report of every kind of block, in `template`, `language`; `heads` 1 or 2: running head and foot of one part
    (the start) or two."""
    t = {key: texts[language == "en"] for key, texts in TEXTS.items()}
    head = {"start": t["head"][0]} if heads == 1 else {"start": t["head"][0], "end": t["head"][1]}
    foot = {"start": t["foot"][0]} if heads == 1 else {"start": t["foot"][0], "end": t["foot"][1]}
    spec = {"name": template, "fonts": {"arabic": FONTS[font]}, "page": PAGES[page], "header": head, "footer": foot}
    if template == "correspondence":
        spec["letterhead"] = {"arabic": t["letterhead"][0], "english": t["letterhead"][1]}
    chart_title, caption, values = t["chart"]
    body = [
        {"contents": {"title": t["contents"], "levels": 2}},
        {"heading": {"text": t["heading"], "numbered": True}},
        {"paragraph": t["paragraph"]},
        {"reference": {"number": t["reference"][0], "attachments": t["reference"][1]}},
        {"facts": {"title": t["heading"], "items": [{"label": label, "value": value} for label, value in t["facts"]]}},
        {"heading": {"text": t["sub"], "level": 2, "numbered": True}},
        {"list": {"ordered": True, "items": [t["list"][0], {"text": t["list"][1], "items": [t["list"][2]]}]}},
        {"list": t["list"]},
        {"note": {"title": t["note"][0], "text": t["note"][1]}},
        {"columns": {"count": 2, "blocks": [{"paragraph": t["column"]}, {"paragraph": t["paragraph"]}]}},
        {"timeline": {"title": t["sub"], "events": [{"date": date, "text": text} for date, text in t["events"]]}},
        {"chart": {"type": "bar", "title": chart_title, "caption": caption,
                   "values": [{"label": label, "value": value} for label, value in values]}},
        {"chart": {"type": "bar", "data": "activities", "by": "year", "title": chart_title}},
        {"table": {"title": t["sub"], "columns": t["table"], "rows": [row(n) for n in range(1, 41)]}},
        {"table": {"columns": t["table"][:3], "rows": [[t["table"][0], "12", "-"], ["-", "KPI-7", "-"], [t["facts"][0][0], "-", "2012"]]}},
        {"paragraph": t["paragraph"]},
        {"signature": {"name": t["signature"][0], "title": t["signature"][1], "organisation": t["signature"][2], "stamp": True}},
    ]
    report = {"template": spec, "title": t["title"], "subtitle": t["subtitle"], "date": "2026-10-05", "language": language,
              "numerals": "latin", "convert-digits": False, "overflow": "warn", "data": {"activities": str(ACTIVITIES)}, "body": body}
    if banner:
        report["classification"] = t["banner"]
    return report


def reports(out):
    """Every sample, fixture and corpus, and the variants (written to OUT/variants): name and path."""
    found = [(p.parent.name, p) for p in sorted((ROOT / "Reports").glob("*/report.yaml"))]
    fixtures = ROOT / "Tests/MawjazTests/Fixtures"
    found += [(f"{p.parent.name}-{p.stem}", p) for p in sorted(fixtures.glob("*/*.yaml"))]
    found += [(p.stem, p) for p in sorted((fixtures / "fidelity").glob("corpus-*.json"))]
    folder = out / "variants"
    folder.mkdir(parents=True, exist_ok=True)
    for template, language, banner, font, page, heads in itertools.product(
            ["briefing", "correspondence", "annual-summary"], ["ar", "en"], [True, False], FONTS, PAGES, [1, 2]):
        name = f"{template}-{language}-{'banner' if banner else 'plain'}-{font}-{page}-{heads}"
        path = folder / f"{name}.json"
        path.write_text(json.dumps(variant(template, language, banner, font, page, heads), ensure_ascii=False), encoding="utf-8")
        found.append((name, path))
    return found


def reads_left_to_right(page):
    """Whether poppler reads `page` (its text as pdftotext writes it) left to right: its left-to-right letters (type `L`;
    digits and number characters, type `#`, are not counted) at least as many as its right-to-left ones
    (`TextPage::coalesce`, as `ReaderLine.letterBalance` has it). The embedding controls pdftotext adds around a line's
    sections (U+202A LRE, U+202B RLE, U+202C PDF) are left out."""
    kinds = [poppler_type(c) for c in page if not "\u202a" <= c <= "\u202c"]
    return kinds.count("L") >= kinds.count("R")


def baselines(parts):
    """`parts` (page, baseline y, left end x, normalised text) grouped by baseline: those of a page whose baselines stand
    less than 2 pt apart (a row's Arabic cells in Amiri sit 0.3 pt below its Latin ones), each group's texts left to
    right, keyed by its page."""
    found = []
    for page, y, x, text in sorted((p for p in parts if p[3]), key=lambda p: (int(p[0]), p[1])):
        if found and found[-1][0] == page and y - found[-1][1] < 2:
            found[-1][2].append((x, text))
        else:
            found.append((page, y, [(x, text)]))
    return [(page, [text for _, text in sorted(placed)]) for page, _, placed in found]


def run_together(parts, pages):
    """The baselines of several parts (`parts`: page, baseline y, left end x, normalised text; a table's row, a running
    head's two ends) that a reader's text (`pages`, a page's text a string) does not give back apart, as
    `LineOracle.runTogether` has it: a part not found whole within one line with white space or the line's end on either
    side, or two neighbouring parts (left to right) found one straight after the other more often than the page's own
    lines hold them so (`2015` is the axis labels `20` and `15` glued, and a year in the chart). Each: its page and its
    parts; and the number of baselines of several parts."""
    found, count = [], 0
    own = {}
    for page, _, _, text in parts:
        own.setdefault(page, []).append(text)
    for page, texts in baselines(parts):
        if len(texts) < 2:
            continue
        count += 1
        index = int(page) - 1
        copied = [f" {normalised(line)} " for line in pages[index].splitlines()] if index < len(pages) else []
        apart = all(any(f" {text} " in line for line in copied) for text in texts)
        glued = any(sum(line.count(joined) for line in copied) > sum(line.count(joined) for line in own[page])
                    for left, right in zip(texts, texts[1:]) for joined in (left + right, right + left))
        if not apart or glued:
            found.append((page, texts))
    return found, count


PDFIUM_SCRIPT = """import sys, json, pypdfium2
print(json.dumps({p: [pg.get_textpage().get_text_range() for pg in pypdfium2.PdfDocument(p)] for p in sys.argv[1:]}))"""


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mawjaz-lines").resolve()
    out.mkdir(parents=True, exist_ok=True)
    listed = reports(out)
    (out / "reports.tsv").write_text("".join(f"{name}\t{path}\n" for name, path in listed), encoding="utf-8")
    if not os.environ.get("LINES_SKIP_SWEEP"):
        sweep = subprocess.run(["swift", "test", "--skip-build", "--filter", "ReaderLineOracleTests.sweepWritesEachReportsLinesBesideItsPDF"],
                               cwd=ROOT, env={**os.environ, "MAWJAZ_LINE_SWEEP": str(out)}, capture_output=True, text=True)
        if sweep.returncode:
            print("\n".join(line for line in sweep.stdout.splitlines() if line.startswith("↳ ") and ": " in line), file=sys.stderr)
    listed = [(name, path) for name, path in listed if (out / f"{name}.lines.tsv").exists()]
    pdfs = [str(out / f"{name}.pdf") for name, _ in listed]
    pdfium_pages = json.loads(subprocess.run([str(PDFIUM_PYTHON), "-c", PDFIUM_SCRIPT, *pdfs], capture_output=True,
                                             check=True).stdout)
    totals = {"lines": 0, "pdfium": 0, "poppler": 0, "poppler_impossible": 0, "baselines": 0, "pdfium_together": 0,
              "poppler_together": 0}
    misses_by_line, poppler_by_line, poppler_impossible = {}, {}, {}
    together = {"pdfium": {}, "poppler": {}}
    for name, _ in listed:
        parts = [(page, float(y), float(x), normalised(text)) for page, y, x, text in (r.split("\t", 3) for r in
                 (out / f"{name}.lines.tsv").read_text(encoding="utf-8").split("\n") if r)]
        rows = [(page, text) for page, _, _, text in parts if text]
        poppler = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out / f"{name}.pdf"), "-"], capture_output=True,
                                 check=True).stdout.decode().split("\f")
        pdfium = pdfium_pages[str(out / f"{name}.pdf")]
        missed = {"pdfium": 0, "poppler": 0, "poppler_impossible": 0}
        for page, text in rows:
            index = int(page) - 1
            totals["lines"] += 1
            pdfium_lines = [normalised(line) for line in pdfium[index].splitlines()] if index < len(pdfium) else []
            if not any(text in line for line in pdfium_lines):
                missed["pdfium"] += 1
                misses_by_line.setdefault(text, []).append(f"{name} p{page}")
            poppler_page = poppler[index] if index < len(poppler) else ""
            # poppler is handed a line it would misread as pieces on lines of their own ("A line for poppler"), so its
            # lines are looked for in the page's text with line breaks collapsed too, as tokens are compared.
            if text not in normalised(poppler_page):
                direction = "ltr" if reads_left_to_right(poppler_page) else "rtl"
                impossible = bool(bad_junctions(text, direction))
                missed["poppler_impossible" if impossible else "poppler"] += 1
                (poppler_impossible if impossible else poppler_by_line).setdefault(text, []).append(f"{name} p{page}")
        # poppler's page with its line breaks collapsed, as its lines are looked for above.
        for reader, pages in (("pdfium", pdfium), ("poppler", [page.replace("\n", " ") for page in poppler])):
            found, count = run_together(parts, pages)
            totals["baselines"] += count if reader == "pdfium" else 0
            for page, texts in found:
                totals[f"{reader}_together"] += 1
                together[reader].setdefault(" | ".join(texts), []).append(f"{name} p{page}")
        for key in missed:
            totals[key] += missed[key]
        print(f"{name}: {len(rows)} lines; PDFium misses {missed['pdfium']}; poppler {missed['poppler']} "
              f"(+{missed['poppler_impossible']} no PDF gives back)")
    print(f"\nall: {totals['lines']} lines in {len(listed)} reports; PDFium misses {totals['pdfium']}; poppler misses "
          f"{totals['poppler']} it could give back, {totals['poppler_impossible']} no PDF gives back within one line without a mark")
    print(f"{totals['baselines']} baselines of several parts: PDFium runs together {totals['pdfium_together']}, poppler (to report only) "
          f"{totals['poppler_together']}")
    for reader in together:
        for texts, where in sorted(together[reader].items(), key=lambda item: -len(item[1]))[:int(os.environ.get("LINES_TOGETHER", "0"))]:
            print(f"{reader} runs together {len(where)}×: {texts}   ({', '.join(where[:3])}{' …' if len(where) > 3 else ''})")
    for text, where in sorted(misses_by_line.items(), key=lambda item: -len(item[1])):
        print(f"PDFium {len(where)}×: {text}   ({', '.join(where[:3])}{' …' if len(where) > 3 else ''})")
    shown = int(os.environ.get("LINES_POPPLER", "0"))
    for label, found in (("poppler", poppler_by_line), ("poppler, no PDF within one line without a mark,", poppler_impossible)):
        for text, where in sorted(found.items(), key=lambda item: -len(item[1]))[:shown]:
            print(f"{label} {len(where)}×: {text}   ({', '.join(where[:3])}{' …' if len(where) > 3 else ''})")


if __name__ == "__main__":
    main()
