#!/usr/bin/env python3
"""Sets a fidelity corpus (a Mawjaz report in JSON) with Typst and with WeasyPrint, in the same fonts.

Usage: peers.py CORPUS.json OUT_DIR --fonts FONTS_DIR [--arabic-font NAME]
Writes OUT_DIR/typst.pdf and OUT_DIR/weasyprint.pdf. Each peer gets the report's text exactly as Mawjaz prints
it (the corpus keeps Mawjaz's own rewriting out of the tokens: figures alone in cells are typed in the digits
Mawjaz prints; the corpora whose digits Mawjaz converts, places-ar-converted, places-en, codes-en and codes-ar, are given to the peers as
typed, so only their tokens free of conversion compare), in the blocks the corpus uses: headings, paragraphs (with a direction), tables, columns, bar
charts given as values (labels set as text: HTML for WeasyPrint, whose SVG text cannot join Arabic), ordered
lists, notes, running heads and feet, the classification banner and the title block. Each peer is given its
best direction markup: Typst `text(dir:, lang:)`, HTML `dir` and `lang`.
"""
import argparse
import html
import json
import os
import sys

LATIN_FONT = "Noto Sans"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def arabic_digits(text):
    return "".join(ARABIC_INDIC[int(c)] if c.isdigit() and c.isascii() else c for c in text)


def date_line(report):
    year, month, day = (int(p) for p in report["date"].split("-"))
    if report.get("language", "ar") == "en":
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    return arabic_digits(f"{day} {MONTHS[month - 1]} {year}")


def page_settings(report):
    """What both peers need from the report: whether it reads right to left, its language and direction, its running
    head and foot, and the words around the page numbers of Mawjaz's {page-of-pages}."""
    rtl = report.get("language", "ar") != "en"
    template = report.get("template", {})
    words = ("صفحة ", " من ") if rtl else ("Page ", " of ")
    return (rtl, "ar" if rtl else "en", "rtl" if rtl else "ltr", template.get("header", {}), template.get("footer", {})) + words


def running(report, text):
    return text.replace("{title}", report["title"])


def list_items(items):
    """A list's items as text, an item's own items after it (`{text, items}`)."""
    for item in items:
        if isinstance(item, dict):
            yield item["text"]
            yield from list_items(item.get("items", []))
        else:
            yield item


def blocks(report):
    """The corpus's blocks as (kind, value, direction) with the document's direction resolved, in the kinds both peers
    set: a heading given as `{text, level, numbered}` as its text, a facts box as a table (its labels the header row,
    its values the one row), a list's nested items after their item, a chart's caption as a paragraph after it."""
    base = "ltr" if report.get("language", "ar") == "en" else "rtl"
    def walk(items):
        for block in items:
            kind = next(k for k in block if k not in ("direction", "align", "justify"))
            value, direction = block[kind], block.get("direction", base)
            if kind == "heading" and isinstance(value, dict):
                value = value["text"]
            elif kind == "facts":
                kind = "table"
                value = {"title": value.get("title"), "columns": [i["label"] for i in value["items"]],
                         "rows": [[i["value"] for i in value["items"]]]}
            elif kind == "list":
                value = dict(value, items=list(list_items(value["items"])))
            yield kind, value, direction
            if kind == "chart" and value.get("caption"):
                yield "paragraph", value["caption"], direction
    yield from walk(report["body"])


# MARK: - Typst

def typ_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(report, arabic):
    rtl, lang, direction, header, footer, prefix, middle = page_settings(report)
    digits = '"١"' if rtl else '"1"'
    pages = (f'[#{typ_string(prefix)}#counter(page).display({digits})#{typ_string(middle)}'
             f'#numbering({digits}, counter(page).final().first())]')
    def slot(text):
        if text == "{page-of-pages}":
            return f"context {pages}"
        return f"text({typ_string(running(report, text))})" if text else "[]"
    banner = typ_string(report.get("classification", ""))
    fonts = f'({typ_string(arabic)}, {typ_string(LATIN_FONT)})' if rtl else f'({typ_string(LATIN_FONT)}, {typ_string(arabic)})'
    out = [
        f'#set document(title: {typ_string(report["title"])})',
        f'#set text(lang: "{lang}", dir: {direction}, font: {fonts}, size: 11.5pt)',
        '#set par(justify: true, spacing: 6pt)',
        '#set page(paper: "a4", margin: (x: 56pt, y: 64pt),',
        f'  header: [#align(center, text(fill: rgb("#b00020"), weight: "bold", {banner})) '
        f'#grid(columns: (1fr, 1fr), align(start, {slot(header.get("start", ""))}), align(end, {slot(header.get("end", ""))}))],',
        f'  footer: [#grid(columns: (1fr, 1fr), align(start, {slot(footer.get("start", "{title}"))}), '
        f'align(end, {slot(footer.get("end", "{page-of-pages}"))})) '
        f'#align(center, text(fill: rgb("#b00020"), weight: "bold", {banner}))])',
        f'#text(size: 20pt, weight: "bold", {typ_string(report["title"])})',
    ]
    if report.get("subtitle"):
        out.append(f'#block(text(size: 13pt, {typ_string(report["subtitle"])}))')
    out.append(f'#block(text(size: 9pt, {typ_string(date_line(report))}))')
    out.append('#line(length: 100%)')
    for kind, value, dir_ in blocks(report):
        out.extend(typst_block(kind, value, dir_))
    return "\n".join(out) + "\n"


def typst_paragraph(text, dir_):
    lang = "ar" if dir_ == "rtl" else "en"
    return f'#block(text(dir: {dir_}, lang: "{lang}", {typ_string(text)}))'


def typst_block(kind, value, dir_):
    if kind == "heading":
        return [f'#block(above: 14pt, below: 6pt, text(size: 15pt, weight: "bold", {typ_string(value)}))']
    if kind == "paragraph":
        return [typst_paragraph(value, dir_)]
    if kind == "table":
        out = [f'#block(text(weight: "bold", {typ_string(value["title"])}))'] if value.get("title") else []
        cells = [f'text(weight: "bold", {typ_string(c)})' for c in value["columns"]]
        cells += [f'text({typ_string(c)})' for row in value["rows"] for c in row]
        out.append(f'#table(columns: {len(value["columns"])}, inset: 5pt, {", ".join(cells)})')
        return out
    if kind == "columns":
        inner = " #colbreak() ".join(typst_paragraph(b["paragraph"], dir_) for b in value["blocks"])
        return [f'#columns({value.get("count", 2)}, gutter: 14pt)[{inner}]']
    if kind == "chart":
        values = value["values"]
        top = max(v["value"] for v in values)
        bars = ", ".join(f'align(bottom, stack(dir: ttb, spacing: 3pt, align(center, text(size: 8pt, {typ_string(str(v["value"]))})), '
                         f'rect(width: 60%, height: {100 * v["value"] / top:.1f}pt, fill: rgb("#0072B2"))))' for v in values)
        labels = ", ".join(f'align(center, text(size: 8pt, {typ_string(v["label"])}))' for v in values)
        return [f'#block(text(weight: "bold", {typ_string(value["title"])}))',
                f'#grid(columns: {len(values)} * (1fr,), row-gutter: 4pt, {bars}, {labels})']
    if kind == "list":
        items = ", ".join(f'text({typ_string(i)})' for i in value["items"])
        marker = "enum" if value.get("ordered") else "list"
        numbering = ', numbering: "١."' if value.get("ordered") and dir_ == "rtl" else ""
        return [f'#{marker}({items}{numbering})']
    if kind == "note":
        title = f'text(weight: "bold", {typ_string(value["title"])}), linebreak(), ' if value.get("title") else ""
        return [f'#block(fill: rgb("#f3f6fa"), inset: 8pt, width: 100%, [#{{({title}text({typ_string(value["text"])})).join()}}])']
    raise SystemExit(f"peers.py: the corpus has a {kind} block, which this script does not set")


def render_typst(report, arabic, fonts, out):
    import typst
    source = typst_source(report, arabic)
    with open(out + ".typ", "w", encoding="utf-8") as f:
        f.write(source)
    typst.compile(out + ".typ", output=out, font_paths=[fonts])


# MARK: - WeasyPrint

def css_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def weasy_html(report, arabic, fonts):
    rtl, lang, direction, header, footer, prefix, middle = page_settings(report)
    style = "arabic-indic" if rtl else "decimal"
    def slot(text):
        if text == "{page-of-pages}":
            return f'{css_string(prefix)} counter(page, {style}) {css_string(middle)} counter(pages, {style})'
        return css_string(running(report, text)) if text else '""'
    start, end = ("right", "left") if rtl else ("left", "right")
    faces = "\n".join(f'@font-face {{ font-family: "{family}"; src: url("file://{os.path.join(fonts, file)}"); font-weight: {weight}; }}'
                      for family, file, weight in [
                          (arabic, arabic.replace(" ", "") + "-Regular.ttf", 400),
                          (arabic, arabic.replace(" ", "") + "-Bold.ttf", 700),
                          (LATIN_FONT, "NotoSans-Regular.ttf", 400), (LATIN_FONT, "NotoSans-Bold.ttf", 700)])
    family = f'"{arabic}", "{LATIN_FONT}"' if rtl else f'"{LATIN_FONT}", "{arabic}"'
    banner = css_string(report.get("classification", ""))
    css = f"""{faces}
@page {{ size: A4; margin: 64pt 56pt;
  @top-center {{ content: {banner}; color: #b00020; font-weight: bold; font-family: {family}; vertical-align: top; }}
  @top-{start} {{ content: {slot(header.get("start", ""))}; font-family: {family}; font-size: 9pt; }}
  @top-{end} {{ content: {slot(header.get("end", ""))}; font-family: {family}; font-size: 9pt; }}
  @bottom-{start} {{ content: {slot(footer.get("start", "{title}"))}; font-family: {family}; font-size: 9pt; }}
  @bottom-{end} {{ content: {slot(footer.get("end", "{page-of-pages}"))}; font-family: {family}; font-size: 9pt; }}
  @bottom-center {{ content: {banner}; color: #b00020; font-weight: bold; font-family: {family}; vertical-align: bottom; }} }}
body {{ font-family: {family}; font-size: 11.5pt; line-height: 1.6; }}
p {{ text-align: justify; margin: 0 0 6pt; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border: 0.6pt solid #999; padding: 4pt; text-align: start; }}
.chart {{ display: flex; align-items: flex-end; height: 130pt; gap: 10pt; }} .chart div {{ flex: 1; text-align: center; font-size: 8pt; }}
.bar {{ background: #0072B2; margin: 3pt 20%; }} .columns {{ columns: 2; column-gap: 14pt; }}
.note {{ background: #f3f6fa; padding: 8pt; }}"""
    e = html.escape
    body = [f"<h1>{e(report['title'])}</h1>"]
    if report.get("subtitle"):
        body.append(f"<p>{e(report['subtitle'])}</p>")
    body.append(f"<p>{e(date_line(report))}</p><hr>")
    for kind, value, dir_ in blocks(report):
        attrs = "" if dir_ == direction else f' dir="{dir_}" lang="{"en" if dir_ == "ltr" else "ar"}"'
        if kind == "heading":
            body.append(f"<h2>{e(value)}</h2>")
        elif kind == "paragraph":
            body.append(f"<p{attrs}>{e(value)}</p>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in value["rows"])
            head = "".join(f"<th>{e(c)}</th>" for c in value["columns"])
            title = f"<caption>{e(value['title'])}</caption>" if value.get("title") else ""
            body.append(f"<table>{title}<tr>{head}</tr>{rows}</table>")
        elif kind == "columns":
            body.append('<div class="columns">' + "".join(f"<p>{e(b['paragraph'])}</p>" for b in value["blocks"]) + "</div>")
        elif kind == "chart":
            top = max(v["value"] for v in value["values"])
            bars = "".join(f'<div>{v["value"]}<div class="bar" style="height: {100 * v["value"] / top:.1f}pt"></div>{e(v["label"])}</div>'
                           for v in value["values"])
            body.append(f"<h3>{e(value['title'])}</h3><div class=\"chart\">{bars}</div>")
        elif kind == "list":
            tag = "ol" if value.get("ordered") else "ul"
            kind_style = ' style="list-style-type: arabic-indic"' if tag == "ol" and dir_ == "rtl" else ""
            body.append(f"<{tag}{kind_style}>" + "".join(f"<li>{e(i)}</li>" for i in value["items"]) + f"</{tag}>")
        elif kind == "note":
            title = f"<strong>{e(value['title'])}</strong><br>" if value.get("title") else ""
            body.append(f'<div class="note">{title}{e(value["text"])}</div>')
        else:
            raise SystemExit(f"peers.py: the corpus has a {kind} block, which this script does not set")
    return (f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f'<title>{e(report["title"])}</title><style>{css}</style></head><body>{"".join(body)}</body></html>')


def render_weasyprint(report, arabic, fonts, out):
    import weasyprint
    document = weasy_html(report, arabic, fonts)
    with open(out + ".html", "w", encoding="utf-8") as f:
        f.write(document)
    weasyprint.HTML(string=document, base_url=fonts).write_pdf(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--fonts", required=True, help="the folder of the bundled fonts (Mawjaz's Fonts/)")
    parser.add_argument("--arabic-font", default="Noto Naskh Arabic")
    parser.add_argument("--peers", default="typst,weasyprint")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        report = json.load(f)
    os.makedirs(args.out, exist_ok=True)
    fonts = os.path.abspath(args.fonts)
    for peer in args.peers.split(","):
        render = {"typst": render_typst, "weasyprint": render_weasyprint}[peer]
        render(report, args.arabic_font, fonts, os.path.join(args.out, peer + ".pdf"))


if __name__ == "__main__":
    sys.exit(main())
