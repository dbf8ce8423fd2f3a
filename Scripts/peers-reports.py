#!/usr/bin/env python3
"""Writes Reports/peers-brief/report.yaml and Reports/peers-brief-long/report.yaml from the peers' brief.

The peers' benchmark kit (../shared/bench/peers) renders one reference brief, content/brief.json, with every
peer and with a C program calling Pango and Cairo (the floor). These two reports hold exactly that brief for
Mawjaz: the same text, table, two charts, timeline and banner, in the same order, one font (Noto Naskh Arabic,
Latin falling back to Noto Sans), 11.5 pt justified body, Latin digits as written, the kit's margins. The long
report is the kit's `large` variant: the brief 7 times, each copy from a new page (21 pages).

    python3 Scripts/peers-reports.py [../shared/bench/peers/content/brief.json]
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "bench", "peers", "content", "brief.json")


def q(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def body(brief):
    """The brief's blocks, in the kit's order, as YAML lines."""
    lines = []
    for item in brief["order"]:
        if item in ("title", "subtitle", "date"):
            continue  # the template's title block
        if item == "facts":
            facts = brief["facts"]
            text = "\n".join("\u2022 " + fact for fact in facts["items"])
            lines += ["  - note:", f"      title: {q(facts['title'])}", f"      text: {q(text)}"]
        elif item.startswith("section:"):
            section = brief["sections"][int(item.split(":")[1])]
            if section["heading"]:
                lines.append(f"  - heading: {q(section['heading'])}")
            lines += [f"  - paragraph: {q(p)}" for p in section["paragraphs"]]
        elif item == "table":
            table = brief["table"]
            widths = ["7%", "31%", "27%", "35%"]
            columns = ", ".join(f"{{title: {q(t)}, width: {w}}}" for t, w in zip(table["header"], widths))
            lines += ["  - table:", f"      title: {q(table['title'])}", f"      columns: [{columns}]", "      rows:"]
            lines += ["        - [" + ", ".join(q(cell) for cell in row) + "]" for row in table["rows"]]
        elif item in ("chart_years", "chart_categories"):
            chart = brief[item]
            kind = "bar" if chart["kind"] == "vbar" else "horizontal-bar"
            lines += ["  - chart:", f"      type: {kind}", f"      title: {q(chart['title'])}",
                      f"      caption: {q(chart['caption'])}", "      values:"]
            lines += [f"        - {{label: {q(label)}, value: {value}}}" for label, value in chart["data"]]
        elif item == "timeline":
            timeline = brief["timeline"]
            lines += ["  - timeline:", f"      title: {q(timeline['title'])}", "      events:"]
            lines += [f"        - {{date: {q(year)}, text: {q(text)}}}" for year, text in timeline["events"]]
        else:
            raise ValueError(item)
    return lines


def report(brief, copies, comment):
    head = [
        f"# {comment}",
        "# Written by Scripts/peers-reports.py from the peers' kit (content/brief.json); do not edit by hand.",
        "template:",
        "  name: briefing",
        "  page: {size: A4, margins: {top: 70, bottom: 70, inside: 56.7, outside: 56.7}}",
        "  fonts:",
        "    arabic: Noto Naskh Arabic",
        "    latin: Noto Sans",
        "    roles: {body: {size: 11.5}, title: {size: 19}, subtitle: {size: 14, bold: true}, date: {size: 9},",
        "            heading1: {size: 14}, chart-title: {size: 14, bold: true}, chart: {size: 9}, caption: {size: 9},",
        "            banner: {size: 10, bold: true}, footer: {size: 9}, table: {size: 11.5}, note: {size: 11.5}}",
        "  footer: {start: \"\", end: \"صفحة {page}\"}",
        "  chart-height: 170",
        f"title: {q(brief['title'])}",
        f"subtitle: {q(brief['subtitle'])}",
        "date: 2024-09-15",
        f"classification: {q(brief['banner'])}",
        "language: ar",
        "numerals: latin",
        "justify: spaces",
        "body:",
    ]
    lines = list(head)
    for copy in range(copies):
        if copy:
            # Each copy opens as the first does (the floor and the peers repeat the title, subtitle and date),
            # here as blocks, since a report has one title block.
            lines += ["  - page-break", f"  - heading: {q(brief['title'])}", f"  - paragraph: {q(brief['subtitle'])}",
                      f"  - paragraph: {q(brief['date'])}", "  - rule"]
        lines += body(brief)
    return "\n".join(lines) + "\n"


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(source, encoding="utf-8") as f:
        brief = json.load(f)
    for folder, copies, comment in [
        ("peers-brief", 1, "The peers' reference brief (3 pages): the same work as the kit's floor, Typst and the others."),
        ("peers-brief-long", 7, "The peers' large variant: the reference brief 7 times, each copy from a new page (21 pages)."),
    ]:
        path = os.path.join(ROOT, "Reports", folder, "report.yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(report(brief, copies, comment))
        print(path)


if __name__ == "__main__":
    main()
