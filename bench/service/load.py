"""make load: `mawjaz serve` under wrk on the one-page brief, set beside `mawjaz batch` on the same brief in the same run.

  python3 bench/service/load.py [--mawjaz .build/release/mawjaz] [--seconds 30] [--connections 16] [--memory-requests 20000]

Prints: batch throughput (before and after), service throughput and latency at 1, 2 and 16 connections (2 workers),
answers above saturation (64 connections, a queue of 4: only 200 and 503 allowed), and resident memory over
--memory-requests requests. Exits 1 when a check fails: a failed answer, an answer other than 200/503, a short body.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

from common import Server, answered, load_average, workspace, wrk


def batch_throughput(mawjaz, folder, report, documents=500):
    """`mawjaz batch -j 2` over a manifest of `documents` rows of the same report: documents per second."""
    manifest = os.path.join(folder, "jobs.csv")
    with open(manifest, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["report", "output"])
        for index in range(documents):
            writer.writerow([os.path.basename(report), f"out/{index}.pdf"])
    start = time.monotonic()
    subprocess.run([mawjaz, "batch", "--manifest", manifest, "-j", "2", "-q"], check=True)
    return documents / (time.monotonic() - start)


def rendered_length(server, report):
    with open(report, "rb") as file:
        request = urllib.request.Request(server.url + "/render", data=file.read(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return len(answer.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mawjaz", default=".build/release/mawjaz")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--memory-requests", type=int, default=20000)
    options = parser.parse_args()
    mawjaz = os.path.abspath(options.mawjaz)
    folder, report = workspace()
    os.chdir(folder)
    failures = []
    print(f"machine: {os.cpu_count()} cores; load average at start {load_average()}")

    batch_before = batch_throughput(mawjaz, folder, report)
    print(f"mawjaz batch -j 2, 500 one-page briefs: {batch_before:.1f} docs/s")

    server = Server(mawjaz, folder, ["--workers", "2", "--queue", "64"])
    length = rendered_length(server, report)
    runs = {}
    for connections, seconds in [(1, 10), (2, 10), (options.connections, options.seconds)]:
        figures = wrk(server.url + "/render", report, connections, seconds, expected_length=length)
        runs[connections] = figures
        print(f"serve, {connections:>2} connections, {seconds} s: {figures['throughput']:.1f} req/s, p50 {figures['p50']:.1f} ms, "
              f"p90 {figures['p90']:.1f} ms, p99 {figures['p99']:.1f} ms, p99/p50 {figures['p99'] / figures['p50']:.2f}; "
              f"answers: {int(figures['ok'])} ok, {int(figures['busy'])} 503, {int(figures['other'])} other, {int(figures['short'])} short; "
              f"socket errors {int(figures['connect'] + figures['read'] + figures['write'] + figures['timeout'])} "
              f"(load average {load_average()})")
        if figures["busy"] or figures["other"] or figures["short"] or figures["connect"] + figures["read"] + figures["write"] + figures["timeout"]:
            failures.append(f"{connections} connections: a request failed")
    server.stop()

    batch_after = batch_throughput(mawjaz, folder, report)
    print(f"mawjaz batch -j 2, 500 one-page briefs: {batch_after:.1f} docs/s")
    batch = (batch_before + batch_after) / 2
    service = runs[options.connections]["throughput"]
    print(f"service ÷ batch: {service / batch:.2f} (target ≥ 0.8)")
    for connections in [1, 2]:
        ratio = runs[connections]["p99"] / runs[connections]["p50"]
        print(f"below saturation, {connections} connection(s): p99 ÷ p50 = {ratio:.2f} (target < 3)")

    # Above saturation: 64 connections against a queue of 4; every answer must be a PDF or a 503.
    server = Server(mawjaz, folder, ["--workers", "2", "--queue", "4"], name="saturated")
    figures = wrk(server.url + "/render", report, 64, 10, expected_length=length, threads=2)
    print(f"above saturation, 64 connections, queue 4: {figures['throughput']:.1f} answers/s: {int(figures['ok'])} ok, "
          f"{int(figures['busy'])} 503, {int(figures['other'])} other, {int(figures['short'])} short, "
          f"socket errors {int(figures['connect'] + figures['read'] + figures['write'] + figures['timeout'])}")
    if figures["other"] or figures["short"] or figures["connect"] + figures["read"] + figures["write"] + figures["timeout"]:
        failures.append("above saturation: an answer other than 200 or 503")
    server.stop()

    # Resident memory over many requests: sampled every half second while wrk runs to the count.
    server = Server(mawjaz, folder, ["--workers", "2", "--queue", "64"], name="memory")
    samples = []
    done = threading.Event()

    def sample():
        start = time.monotonic()
        while not done.is_set():
            samples.append((time.monotonic() - start, server.resident_bytes()))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    figures = wrk(server.url + "/render", report, options.connections, 3600, expected_length=length, limit=options.memory_requests,
                  until=lambda: answered(server) >= options.memory_requests)
    done.set()
    sampler.join()
    with urllib.request.urlopen(server.url + "/metrics") as answer:
        metrics = answer.read().decode()
    server.stop()
    answered_count = int(figures["ok"])
    per_second = figures["throughput"]
    marks = [(0.05, "5%"), (0.25, "25%"), (0.5, "50%"), (0.75, "75%"), (1.0, "100%")]
    points = []
    for share, name in marks:
        when = share * figures["seconds"]
        nearest = min(samples, key=lambda sample: abs(sample[0] - when))
        points.append(f"{name} ({int(share * answered_count)} requests) {nearest[1] / 1e6:.1f} MB")
    print(f"memory over {answered_count} requests ({per_second:.1f} req/s): " + ", ".join(points))
    after_warmup = min(samples, key=lambda sample: abs(sample[0] - 0.05 * figures["seconds"]))[1]
    growth = samples[-1][1] - after_warmup
    print(f"growth after the first 5%: {growth / 1e6:.1f} MB; peak {max(s[1] for s in samples) / 1e6:.1f} MB")
    rendered = re.search(r"^mawjaz_pages_rendered_total (\d+)", metrics, re.M)
    print(f"pages rendered (from /metrics): {rendered.group(1) if rendered else '?'}")
    if answered_count < options.memory_requests or figures["other"] or figures["short"] or figures["busy"]:
        failures.append("memory run: not every request answered with its PDF")
    print(f"load average at the end {load_average()}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
