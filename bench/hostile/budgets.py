"""make bench-hostile: how long the worst hostile inputs take to reach their budget, at the default limits.

  python3 bench/hostile/budgets.py [--mawjaz .build/release/mawjaz] [--runs 3] [--only NAME]

Writes each case (expansion bombs, huge tables, deep nesting, alias bombs and chains, a log past the data-rows limit, image
headers that claim billions of pixels) into a temporary folder, runs `mawjaz render CASE -o out.pdf` --runs times, and
prints, per case, the exit status, the limit the first error names, the median wall time, the median CPU time (user +
system, which a loaded machine changes less than wall time), the largest resident memory (GNU time's), and whether any
output was written. Every case must end with status 2, a located error naming a limit, and no output: it exits 1 otherwise.
The load average is printed beside the figures: timings taken while other programs run are slower.
"""
import argparse
import os
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HEAD = 'title: "موجز"\ndate: 2024-09-15\n'


def log(rows):
    """An activity log of `rows` rows, as the hostile corpus writes them."""
    lines = ["date,category,title"]
    lines += [f"20{10 + n % 14}-0{1 + n % 9}-1{n % 9},فئة {n % 5},نشاط رقم {n}" for n in range(rows)]
    return "\n".join(lines) + "\n"


def report(body, data=None, extra=""):
    return HEAD + extra + (f"data:\n  activities: {data}\n" if data else "") + "body:\n" + body


def paragraph(text):
    return f'  - paragraph: "{text}"\n'


def png_header(width, height):
    """A PNG whose header claims `width`×`height` pixels, with one tiny IDAT: refused before any decoding."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def sections(count, inner="{{title}}"):
    return "{{#activities.activities}}" * count + inner + "{{/activities.activities}}" * count


def billion_laughs():
    """A list of ten levels of aliases, each item holding ten of the one before: 10^10 items once expanded."""
    names = "abcdefghij"
    return "body:\n  - list:\n      - &a {text: x, items: [x, x, x, x, x, x, x, x, x, x]}\n" + "".join(
        f"      - &{names[i]} {{text: x, items: [{', '.join(['*' + names[i - 1]] * 10)}]}}\n" for i in range(1, len(names)))


def alias_key_bomb():
    """Twelve levels of ten aliases, the last one a mapping's key: Yams hashes a key with its aliases expanded."""
    text = "body: []\nbombs:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 12))
    return text + "keys: {? *l11 : 1}\n"


def alias_chain(count):
    """`count` list items, each anchored and holding an alias of the one before: nested `count` deep once expanded."""
    return "body:\n  - list:\n      - &a0 {text: x}\n" + "".join(
        f"      - &a{i} {{text: x, items: [*a{i - 1}]}}\n" for i in range(1, count))


def cases():
    """(name, files, words the first error must hold); each file is text or bytes, made when the case runs."""
    return [
        ("3 nested sections over a 204-row log (8.5 million titles)",
         lambda: {"report.yaml": report(paragraph(sections(3)), data="log.csv"), "log.csv": log(204)}, "expansion-characters limit"),
        ("3 nested empty sections over a 204-row log (8.5 million steps)",
         lambda: {"report.yaml": report(paragraph(sections(3, "")), data="log.csv"), "log.csv": log(204)}, "expansion-steps limit"),
        ("8 nested sections over a 204-row log",
         lambda: {"report.yaml": report(paragraph(sections(8)), data="log.csv"), "log.csv": log(204)}, "expansion-"),
        ("1,000 nested sections",
         lambda: {"report.yaml": report(paragraph(sections(1000)), data="log.csv"), "log.csv": log(3)}, "section-depth limit"),
        ("a table over a 1,000,000-row log (rows-from)",
         lambda: {"report.yaml": report('  - table:\n      columns: ["أ", "ب"]\n'
                                '      rows-from: {data: activities, cells: ["{{title}}", "{{category}}"]}\n', data="log.csv"),
          "log.csv": log(1_000_000)}, "table-rows limit"),
        ("a log of 1,000,001 rows",
         lambda: {"report.yaml": report(paragraph("{{activities.count}}"), data="log.csv"), "log.csv": log(1_000_001)}, "data-rows limit"),
        ("flow lists nested 100,000 deep",
         lambda: {"report.yaml": HEAD + "body: " + "[" * 100_000 + "\n"}, "deeper than 64 levels"),
        ("a billion laughs (10^10 list items through aliases)",
         lambda: {"report.yaml": HEAD + billion_laughs()}, "more than 200000 nodes"),
        ("an alias bomb as a mapping key (10^12 nodes to hash)",
         lambda: {"report.yaml": HEAD + alias_key_bomb()}, "more than 200000 nodes"),
        ("30,000 aliases each inside the next",
         lambda: {"report.yaml": HEAD + alias_chain(30_000)}, "deeper than 64 levels"),
        ("a PNG header claiming 1,000,000 × 1,000,000 pixels",
         lambda: {"report.yaml": report("  - image: big.png\n    alt: x\n"), "big.png": png_header(1_000_000, 1_000_000)}, "image-pixels limit"),
    ]


def run(mawjaz, folder):
    """Runs one render of the case in `folder`; returns (status, first error line, wall s, CPU s, peak MiB). GNU time
    reads the figures of the render's own process (this script's memory would count in a child it forks itself)."""
    with tempfile.NamedTemporaryFile() as figures:
        start = time.monotonic()
        done = subprocess.run(["/usr/bin/time", "-o", figures.name, "-f", "%e %U %S %M", mawjaz, "render", "report.yaml", "-o", "out/brief.pdf"],
                              cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "MAWJAZ_LANG": "en"})
        wall = time.monotonic() - start
        fields = open(figures.name).read().split()[-4:]
    first = done.stderr.decode("utf-8", "replace").split("\n")[0].replace(folder + os.sep, "")
    return done.returncode, first, wall, float(fields[1]) + float(fields[2]), int(fields[3]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mawjaz", default=".build/release/mawjaz")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    arguments = parser.parse_args()
    mawjaz = os.path.abspath(arguments.mawjaz)
    failed = False
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("| case | status | first error (location: limit) | wall (median) | CPU (median) | peak RSS | output |")
    print("|---|---|---|---|---|---|---|")
    for name, files, limit in cases():
        if arguments.only and arguments.only not in name:
            continue
        with tempfile.TemporaryDirectory(prefix="mawjaz-hostile-") as folder:
            for path, content in files().items():
                with open(os.path.join(folder, path), "wb") as file:
                    file.write(content.encode("utf-8") if isinstance(content, str) else content)
            results = [run(mawjaz, folder) for _ in range(arguments.runs)]
            written = os.path.exists(os.path.join(folder, "out"))
        status, error = results[0][0], results[0][1]
        wall = statistics.median(r[2] for r in results)
        cpu = statistics.median(r[3] for r in results)
        peak = max(r[4] for r in results)
        located = re.match(r"^(\S+?): error: (?:[^:]+: )?.*?(the [a-z-]+ limit of \d+|deeper than \d+ levels|more than \d+ nodes)", error)
        shown = f"`{located.group(1)}`: {located.group(2)}" if located else error[:100]
        good = status == 2 and limit in error and not written and located is not None and ":" in located.group(1)
        failed = failed or not good
        print(f"| {name} | {status} | {shown} | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MiB | {'written' if written else 'none'} |"
              + ("" if good else " **unexpected**"))
        sys.stdout.flush()
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
