#!/usr/bin/env python3
"""Events per document by stage of `mawjaz-bench`, from two callgrind profiles with the cache and branch simulation.

usage: stages.py MANY.cg FEW.cg DOCUMENTS

MANY.cg and FEW.cg are callgrind's files (`--cache-sim=yes --branch-sim=yes`) for the same command rendering more and
fewer documents (`mawjaz-bench REPORT --runs 5` and `--runs 0`); each stage's inclusive count of each event
(`callgrind_annotate --inclusive=yes`) in MANY less that in FEW, divided by DOCUMENTS, in millions. The stages are
`BriefingRenderer`'s load, bind and layout and `Renderer.write` (the PDF: drawing, tags, amendment), and within the
PDF the structure plan, the text layer's plan, the painter, cairo's `cairo_show_page` and `cairo_surface_finish`, and
the frames freed page by page. Tags and the amendment are told apart by profiles of `--pdf unamended` and `--pdf plain`.
"""
import re
import subprocess
import sys

EVENTS = ["Ir", "I1mr", "D1mr", "D1mw", "DLmr", "DLmw", "Bcm", "Bim"]
STAGES = [
    ("load", r"BriefingRendererC4load8reportAt"),
    ("bind", r"BriefingRendererC4bindy"),
    ("layout", r"BriefingRendererC6layouty"),
    ("PDF", r"RendererV5write_2to6format"),
    ("  structure plan", r"StructurePlanVyAC0A5Frame13PagedDocumentVAA0B5ErrorOYKcfC"),
    ("  text layer plan", r"TextLayerPlanC_5names8advances"),
    ("  painter", r"PainterV5paint_2aty0A5Frame0F0V_AF5Point"),
    ("  cairo_show_page", r"cairo_show_page \["),
    ("  cairo_surface_finish", r"cairo_surface_finish \["),
    ("  frames freed", r"MawjazFrame4PageVwxx"),
]


def inclusive(path):
    """Each stage's inclusive counts, from the first line of `callgrind_annotate` naming it."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--show=" + ",".join(EVENTS), "--threshold=100",
                           path], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in text.splitlines():
        if "???:" not in line:
            continue
        counts, function = line.split("???:", 1)
        values = [0 if value == "." else int(value.replace(",", ""))
                  for value in re.findall(r"([\d,]+|\.)(?: \([ \d.]+%\))?(?=\s|$)", counts.strip())]
        for name, pattern in STAGES:
            if name not in found and re.search(pattern, function) and len(values) == len(EVENTS):
                found[name] = values
    return found


def main():
    many, few, documents = inclusive(sys.argv[1]), inclusive(sys.argv[2]), float(sys.argv[3])
    print(f"{'M per document':24}" + "".join(f"{event:>9}" for event in EVENTS))
    for name, _ in STAGES:
        a, b = many.get(name, [0] * len(EVENTS)), few.get(name, [0] * len(EVENTS))
        print(f"{name:24}" + "".join(f"{(x - y) / documents / 1e6:9.4f}" for x, y in zip(a, b)))


if __name__ == "__main__":
    main()
