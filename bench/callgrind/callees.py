#!/usr/bin/env python3
"""Where a function's instructions go, per document: its own and each callee's, from two callgrind profiles.

usage: callees.py MANY.cg FEW.cg DOCUMENTS PATTERN

MANY.cg and FEW.cg are callgrind's files for the same command rendering more and fewer documents (`mawjaz-bench REPORT
--runs 5` and `--runs 0`, stripped of debug information as round speed20 counts); for each function whose mangled name
matches the regular expression PATTERN, its inclusive count, its own, and its 25 largest callees' inclusive counts (calls
from it only), MANY less FEW over DOCUMENTS, in millions, names demangled by `swift demangle`.
"""
import re, sys, subprocess, collections
def load(path):
    names = {}; fn = None; cfn = None
    selfc = collections.Counter(); calls = collections.Counter()
    pending_call = False
    def name(kind, text):
        m = re.match(r"\((\d+)\)(?: (.*))?", text)
        if m:
            if m.group(2): names[(kind, m.group(1))] = m.group(2)
            return names.get((kind, m.group(1)), m.group(1))
        return text
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("fn="): fn = name("fn", line[3:]); continue
        if line.startswith("cfn="): cfn = name("fn", line[4:]); continue
        if line.startswith("calls="): pending_call = True; continue
        if line.startswith(("fl=", "fi=", "fe=", "cfi=", "cfl=", "ob=", "cob=")):
            k = line.split("=")[0]
            name("fl" if k != "ob" and k != "cob" else "ob", line[len(k)+1:]); continue
        if line and (line[0].isdigit() or line[0] in "+-*"):
            parts = line.split()
            if len(parts) < 2: continue
            v = int(parts[1])
            if pending_call: calls[(fn, cfn)] += v; pending_call = False
            else: selfc[fn] += v
    return selfc, calls
def short(n):
    out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input=n, capture_output=True, text=True).stdout.strip()
    return out[:160] if out else n[:160]
a, b, docs, pat = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
sa, ca = load(a); sb, cb = load(b)
for f in sorted(set(k for k in sa if re.search(pat, k))):
    tot_self = (sa[f] - sb.get(f, 0)) / docs
    kids = [((ca[k] - cb.get(k, 0)) / docs, k[1]) for k in ca if k[0] == f]
    incl = tot_self + sum(v for v, _ in kids if _ != f)
    print(f"== {incl/1e6:.3f} M incl, self {tot_self/1e6:.3f}: {short(f)}")
    for v, k in sorted(kids, reverse=True)[:25]:
        if abs(v) > 5000: print(f"   {v/1e6:8.3f}  {short(k)}")
