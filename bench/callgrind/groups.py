#!/usr/bin/env python3
"""Instructions per document by library and by kind of Swift code, from two callgrind profiles of one program.

usage: groups.py MANY.cg FEW.cg DOCUMENTS [--functions N] [--events E,E,...]

MANY.cg and FEW.cg are callgrind's files for the same command rendering more and fewer documents (`mawjaz-bench
REPORT --runs 5` and `--runs 0`; the floor's `--n 6` and `--n 1`); each function's own instructions (exclusive) in
MANY less those in FEW, divided by DOCUMENTS (5), are summed into groups: each C library, the C library's malloc and
free, its mem* and str* functions and the rest of it, and the Swift program's code split into Mawjaz's own, the
standard library, reference counting (retain and release), allocation, exclusivity checks and the rest of the
runtime (metadata, casts, value witnesses). `--functions N` lists each group's N costliest functions too.
`--events Ir,D1mr,...` prints those of the profile's events (callgrind's `--cache-sim=yes --branch-sim=yes` adds
I1mr, D1mr, D1mw, ILmr, DLmr, DLmw, Bc, Bcm, Bi, Bim) per group, in millions per document, instead of instructions
alone; the functions are then ranked by the first event named.
"""
import collections
import re
import sys


def exclusive(path, event="Ir"):
    """Each (object, function)'s own count of one event in a callgrind file (name compression and call lines handled)."""
    objects, functions = {}, {}
    cost = collections.Counter()
    column = 1
    obj = function = None
    skip = False

    def name(table, text):
        match = re.match(r"\((\d+)\)(?: (.*))?", text)
        if not match:
            return text
        if match.group(2) is not None:
            table[match.group(1)] = match.group(2)
        return table.get(match.group(1), "?")

    with open(path, errors="replace") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if skip:  # the line after calls= is the call's inclusive cost, not the caller's own
                skip = False
            elif line.startswith("events:"):
                column = 1 + line.split()[1:].index(event)
            elif line.startswith("ob="):
                obj = name(objects, line[3:])
            elif line.startswith("fn="):
                function = name(functions, line[3:])
            elif line.startswith("cob="):
                name(objects, line[4:])
            elif line.startswith("cfn="):
                name(functions, line[4:])
            elif line.startswith("calls="):
                skip = True
            elif line and (line[0].isdigit() or line[0] in "+-*"):
                fields = line.split()
                if len(fields) > column:  # trailing zero counts are left out of a line
                    cost[(obj, function)] += int(fields[column])
    return cost


SWIFT_GROUPS = [
    (r"^swift_(retain|release|bridgeObjectRe|nonatomic|unknownObjectRe|isUniquely)|_swift_release_dealloc|doDecrementSlow",
     "Swift: reference counting"),
    (r"^swift_(allocObject|deallocObject|slowAlloc|slowDealloc|deallocClassInstance|initStackObject)", "Swift: allocation"),
    (r"^swift_(beginAccess|endAccess)|AccessSet", "Swift: exclusivity checks"),
    (r"^swift_|^_swift|swift::|^__swift|tuple_|^void tuple_", "Swift: the rest of the runtime"),
    (r"^\$s[sS]", "Swift: standard library"),
    (r"^\$s4Yams", "Yams"),
    (r"^\$s", "Swift: the program's own code"),
    (r"^yaml_", "libyaml"),
]


def group(obj, function):
    """The group a function's instructions are counted in."""
    library = (obj or "?").rsplit("/", 1)[-1]
    function = function or "?"
    if library.startswith(("libc.so", "ld-linux")):
        if re.search(r"malloc|free|realloc|calloc|_int_|memalign|tcache|consolidate", function):
            return "C library: malloc and free"
        if re.search(r"mem|str", function):
            return "C library: mem* and str*"
        return "C library: the rest (printf, …)"
    if not library.startswith("lib"):  # the program itself
        for pattern, name in SWIFT_GROUPS:
            if re.search(pattern, function):
                return name
        return "the program's C (shims, CoreFoundation)"
    return re.sub(r"\.so.*$", "", library)


def per_group(many, few, documents, event):
    """Each group's count of one event per document, and each group's functions' counts."""
    cost = exclusive(many, event)
    for key, value in exclusive(few, event).items():
        cost[key] -= value
    groups = collections.Counter()
    members = collections.defaultdict(collections.Counter)
    for (obj, function), value in cost.items():
        name = group(obj, function)
        groups[name] += value / documents
        members[name][function] += value / documents
    return groups, members


def table(many, few, documents, events, listed):
    """Prints several events per group (millions per document), the groups in the first event's order."""
    counted = [per_group(many, few, documents, event) for event in events]
    print(f"{'':>10}" + "".join(f"{event:>10}" for event in events))
    first, members = counted[0]
    rows = [("in all", [sum(groups.values()) for groups, _ in counted])]
    names = sorted({name for groups, _ in counted for name in groups}, key=lambda name: -abs(first[name]))
    rows += [(name, [groups[name] for groups, _ in counted]) for name in names]
    for name, values in rows:
        if name == "in all" or max(abs(value) for value in values) >= 500:
            print(f"{'':>10}" + "".join(f"{value / 1e6:10.4f}" for value in values) + f"  {name}")
            for function, _ in (members[name].most_common(listed) if name != "in all" else []):
                own = [groups_members[1][name][function] for groups_members in counted]
                print(f"{'':>10}" + "".join(f"{value / 1e6:10.4f}" for value in own) + f"      {function[:120]}")


def main():
    many, few, documents = sys.argv[1], sys.argv[2], float(sys.argv[3])
    listed = int(sys.argv[sys.argv.index("--functions") + 1]) if "--functions" in sys.argv else 0
    if "--events" in sys.argv:
        table(many, few, documents, sys.argv[sys.argv.index("--events") + 1].split(","), listed)
        return
    groups, members = per_group(many, few, documents, "Ir")
    print(f"{sum(groups.values()) / 1e6:9.2f} M  in all")
    for name, value in groups.most_common():
        if abs(value) >= 5_000:
            print(f"{value / 1e6:9.2f} M  {name}")
            for function, own in members[name].most_common(listed):
                print(f"{'':14}{own / 1e6:8.3f}  {function[:150]}")


if __name__ == "__main__":
    main()
