#!/usr/bin/env python3
"""Each group's share of a program's time beside its share of the program's instructions: where time goes that an
instruction count does not show.

usage: timeshare.py PERF.data MANY.cg FEW.cg [PERF.data MANY.cg FEW.cg ...] [--functions N]

PERF.data is `perf record -e cpu-clock` of a program rendering many documents (processor time sampled by the kernel's
timer: it works where the machine has no hardware counters, as here); MANY.cg and FEW.cg are callgrind's files for
the same program rendering more and fewer documents (`mawjaz-bench REPORT --runs 5` and `--runs 0`; the floor's
`--n 6` and `--n 1`), whose difference is the instructions of the documents alone. Functions are grouped as
`groups.py` groups them (each C library; the C library's malloc and free, mem* and str*, the rest; Swift's reference
counting, allocation, standard library, runtime; the program's own code), the kernel's samples apart. For each group:
its share of the samples, its share of the instructions, and the one over the other ("time per instruction", 1.00 for
a group as fast per instruction as the program's average). Several triples (Mawjaz's, then the floor's) print side by
side. Shares within one program hold whatever the machine's load (both were taken in the same run); times across
programs do not, unless the runs were taken turn about. `--functions N` lists the N functions of Mawjaz's program
(the first triple) whose share of time most exceeds their share of instructions; perf and callgrind name a function
of a library without symbols differently, so those are left out.
"""
import collections
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from groups import exclusive, group  # noqa: E402


def samples(path):
    """Each (group, function)'s samples in a perf file."""
    report = subprocess.run(["perf", "report", "-i", path, "-n", "--no-children", "--sort", "dso,sym", "--stdio"],
                            capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for line in report.splitlines():
        match = re.match(r"\s*[\d.]+%\s+(\d+)\s+(\S+)\s+\[[.k]\]\s+(.*)$", line)
        if not match:
            continue
        library, function = match.group(2), match.group(3).strip()
        if library.startswith("[kernel"):
            name = "kernel"
        else:
            # The program itself (not a `lib…` object) is grouped by its functions' names.
            name = group(library if library.startswith("lib") else "/program/" + library, function)
        counts[(name, function)] += int(match.group(1))
    return counts


def instructions(many, few):
    """Each (group, function)'s instructions in MANY less those in FEW."""
    fewer = exclusive(few)
    counts = collections.Counter()
    for (obj, function), value in exclusive(many).items():
        counts[(group(obj, function), function)] += value - fewer.get((obj, function), 0)
    return counts


def by_group(counts):
    groups = collections.Counter()
    for (name, _), value in counts.items():
        groups[name] += value
    return groups


def main():
    arguments = sys.argv[1:]
    listed = 0
    if "--functions" in arguments:
        index = arguments.index("--functions")
        listed = int(arguments[index + 1])
        del arguments[index:index + 2]
    if len(arguments) % 3 or not arguments:
        sys.exit(__doc__)
    programs = []
    for start in range(0, len(arguments), 3):
        time, count = samples(arguments[start]), instructions(arguments[start + 1], arguments[start + 2])
        programs.append((time, count, by_group(time), by_group(count)))
    names = sorted({name for _, _, time, count in programs for name in set(time) | set(count)},
                   key=lambda name: -programs[0][2].get(name, 0))
    print("".join(f"{'time %':>8}{'instr %':>8}{'t / i':>7} " for _ in programs) + " group")
    for name in names:
        cells = []
        shown = False
        for _, _, time, count in programs:
            t = time.get(name, 0) / sum(time.values())
            i = max(count.get(name, 0), 0) / sum(count.values())
            shown = shown or t >= 0.003 or i >= 0.003
            cells.append(f"{100 * t:8.2f}{100 * i:8.2f}" + (f"{t / i:7.2f} " if i > 0 else f"{'':>7} "))
        if shown:
            print("".join(cells) + " " + name)
    if listed:
        time, count = programs[0][0], programs[0][1]
        total_time, total_count = sum(time.values()), sum(value for value in count.values() if value > 0)
        rows = []
        for key in set(time) & set(count):
            if key[1].startswith("0x"):
                continue
            rows.append((time[key] / total_time - max(count[key], 0) / total_count, key))
        rows.sort(reverse=True)
        names = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(key[1] for _, key in rows[:listed]),
                               capture_output=True, text=True).stdout.splitlines()
        print(f"\nfunctions of the first program whose share of time most exceeds their share of instructions:")
        for (excess, key), name in zip(rows[:listed], names):
            t, i = time[key] / total_time, max(count[key], 0) / total_count
            print(f"{100 * t:8.2f}{100 * i:8.2f}  {key[0]}: {name[:140]}")


if __name__ == "__main__":
    main()
