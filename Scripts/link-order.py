#!/usr/bin/env python3
"""Writes Scripts/link-order.txt: the functions `mawjaz render` runs, for lld to lay out side by side.

A release build links the Swift runtime, Foundation and ICU into the program (about 18 MB of code), and the kernel maps
code in blocks around each page a process touches: the few thousand functions a render runs, scattered over the whole
program, made it map about 10 MB of it. Given this list (`--symbol-ordering-file`, see the Makefile's RELEASE), lld puts
those functions first and together, and a render maps a fraction of that. A function missing from the list (renamed,
new) only keeps its usual place, so a stale list costs memory, never correctness.

    python3 Scripts/link-order.py        # after `make build`; needs valgrind

It runs every report in Reports/ (and `mawjaz validate` and `--help`) under callgrind and lists each function of the
program that ran, in the order callgrind first met it.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM = os.path.join(ROOT, ".build", "release", "mawjaz")


def functions(profile, program):
    """The names of the functions of `program` that ran, from a callgrind profile written with --demangle=no."""
    objects, names, found, current = {}, {}, [], None
    for line in open(profile, errors="replace"):
        match = re.match(r"(c?)(ob|fn)=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
        if not match:
            continue
        called, kind, number, name = match.groups()
        table = objects if kind == "ob" else names
        if name:
            table[number] = name
        if kind == "ob" and not called:
            current = objects.get(number)
        elif kind == "fn" and not called and current == program:
            found.append(re.sub(r"'\d+$", "", names.get(number, "")))
    return found


def main():
    if not os.path.exists(PROGRAM):
        sys.exit(f"{PROGRAM} is missing: run `make build` first")
    runs = [["render", report, "-o", None] for report in sorted(glob.glob(os.path.join(ROOT, "Reports", "*", "report.yaml")))]
    runs += [["validate", os.path.join(ROOT, "Reports", "peers-brief", "report.yaml")], ["--help"]]
    ordered, seen = [], set()
    with tempfile.TemporaryDirectory() as scratch:
        # valgrind cannot read the debug information Swift writes: a copy without it, its symbols kept.
        program = os.path.join(scratch, "mawjaz")
        subprocess.run(["strip", "--strip-debug", "-o", program, PROGRAM], check=True)
        environment = dict(os.environ, MAWJAZ_HOME=ROOT)
        for index, arguments in enumerate(runs):
            arguments = [os.path.join(scratch, "out.pdf") if argument is None else argument for argument in arguments]
            profile = os.path.join(scratch, f"profile-{index}.out")
            subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}", program]
                           + arguments, env=environment, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for name in functions(profile, program):
                if name and not name.startswith("0x") and name not in seen:
                    seen.add(name)
                    ordered.append(name)
    with open(os.path.join(ROOT, "Scripts", "link-order.txt"), "w") as out:
        out.write("\n".join(ordered) + "\n")
    print(f"Scripts/link-order.txt: {len(ordered)} functions")


if __name__ == "__main__":
    main()
