#!/usr/bin/env python3
"""Instructions per document by library and by kind of Swift code, from two callgrind profiles of one program.

usage: groups.py MANY.cg FEW.cg DOCUMENTS [--functions N]

MANY.cg and FEW.cg are callgrind's files for the same command rendering more and fewer documents (`mawjaz-bench
REPORT --runs 5` and `--runs 0`; the floor's `--n 6` and `--n 1`); each function's own instructions (exclusive) in
MANY less those in FEW, divided by DOCUMENTS (5), are summed into groups: each C library, the C library's malloc and
free, its mem* and str* functions and the rest of it, and the Swift program's code split into Mawjaz's own, the
standard library, reference counting (retain and release), allocation, exclusivity checks and the rest of the
runtime (metadata, casts, value witnesses). `--functions N` lists each group's N costliest functions too.
"""
import collections
import re
import sys


def exclusive(path):
    """Each (object, function)'s own instructions in a callgrind file (name compression and call lines handled)."""
    objects, functions = {}, {}
    cost = collections.Counter()
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
                if len(fields) >= 2:
                    cost[(obj, function)] += int(fields[1])
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


def main():
    many, few, documents = sys.argv[1], sys.argv[2], float(sys.argv[3])
    listed = int(sys.argv[sys.argv.index("--functions") + 1]) if "--functions" in sys.argv else 0
    cost = exclusive(many)
    for key, value in exclusive(few).items():
        cost[key] -= value
    groups = collections.Counter()
    members = collections.defaultdict(collections.Counter)
    for (obj, function), value in cost.items():
        name = group(obj, function)
        groups[name] += value / documents
        members[name][function] += value / documents
    print(f"{sum(groups.values()) / 1e6:9.2f} M  in all")
    for name, value in groups.most_common():
        if abs(value) >= 5_000:
            print(f"{value / 1e6:9.2f} M  {name}")
            for function, own in members[name].most_common(listed):
                print(f"{'':14}{own / 1e6:8.3f}  {function[:150]}")


if __name__ == "__main__":
    main()
