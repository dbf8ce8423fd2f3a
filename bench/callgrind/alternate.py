#!/usr/bin/env python3
"""Two builds of mawjaz-bench timed in alternating rounds, by processor time as well as by wall time.

usage: alternate.py A B REPORT ROUNDS RUNS

Each round runs A and B (in turn first) twice each: `REPORT --runs RUNS --json` and `REPORT --runs 0`; a build's
processor time per document is the first process's user and system time less the second's (start, fonts, first
document), over RUNS. It includes the second and third renderings `mawjaz-bench` makes of each document (without the
amendment, without tags), so it is larger than the wall median the benchmark prints, which is given too. Prints each
round's B/A and their median: on a machine others load, processor time swings less than wall time (a process waiting
for a core counts no processor time), though it still takes in their cache and memory traffic.
"""
import json
import os
import resource
import statistics
import subprocess
import sys


def per_document(binary, report, runs):
    """Processor ms per document and the wall median `mawjaz-bench` prints, for one process of RUNS documents."""
    times = []
    wall = None
    for count in (runs, 0):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([binary, report, "--runs", str(count), "--json"], capture_output=True, text=True,
                             check=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if count:
            wall = json.loads(out.strip().splitlines()[-1])["ms_per_doc_median"]
    return (times[0] - times[1]) * 1000 / runs, wall


def main():
    a, b, report, rounds, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    processor, wall = [], []
    for round_number in range(rounds):
        order = [(a, "a"), (b, "b")] if round_number % 2 == 0 else [(b, "b"), (a, "a")]
        measured = {name: per_document(binary, report, runs) for binary, name in order}
        (pa, wa), (pb, wb) = measured["a"], measured["b"]
        processor.append(pb / pa)
        wall.append(wb / wa)
        print(f"round {round_number + 1}: processor ms/doc A {pa:.2f} B {pb:.2f} B/A {pb / pa:.3f}; "
              f"wall median A {wa:.2f} B {wb:.2f} B/A {wb / wa:.3f}; load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"processor B/A median {statistics.median(processor):.3f} ({min(processor):.3f}-{max(processor):.3f}); "
          f"wall B/A median {statistics.median(wall):.3f} ({min(wall):.3f}-{max(wall):.3f}); {rounds} rounds")


if __name__ == "__main__":
    main()
