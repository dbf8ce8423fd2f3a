"""make load: `mawjaz serve` under wrk on the one-page brief, set beside `mawjaz batch` on the same brief in the same run.

  python3 bench/service/load.py [--mawjaz .build/release/mawjaz] [--workers 2] [--seconds 30] [--connections 16]
                                [--memory-requests 20000] [--memory-only]

Prints: batch throughput (before and after), service throughput and latency at 1, 2 and 4 times the worker count and
at --connections, each with the service's own time per request (from its log lines: from the request's head to its
answer, without the client and the socket) and, at 1× the workers, `GET /healthz` under the same wrk (the tail the
machine gives a request that renders nothing); answers above saturation (64 connections, a queue of 4: only 200 and
503 allowed); resident memory at start, after 1,000 requests and after an eighth, a quarter, a half and all of
--memory-requests; and a SIGTERM while every worker renders and the queue holds more (all of them answered, then exit
0). Each figure with the load average when it was taken. Exits 1 when a check fails: a failed answer, an answer other
than 200/503, a short body, a request taken and not answered, resident memory growing more than 1 MB from an eighth of
--memory-requests to all of them. --memory-only runs the memory run alone.
"""
import argparse
import csv
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from common import Server, answered, load_average, workspace, wrk


def batch_throughput(mawjaz, folder, report, workers, documents=500):
    """`mawjaz batch -j workers` over a manifest of `documents` rows of the same report: documents per second."""
    manifest = os.path.join(folder, "jobs.csv")
    with open(manifest, "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["report", "output"])
        for index in range(documents):
            writer.writerow([os.path.basename(report), f"out/{index}.pdf"])
    start = time.monotonic()
    subprocess.run([mawjaz, "batch", "--manifest", manifest, "-j", str(workers), "-q"], check=True)
    return documents / (time.monotonic() - start)


def rendered_length(server, report):
    with open(report, "rb") as file:
        request = urllib.request.Request(server.url + "/render", data=file.read(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return len(answer.read())


def socket_errors(figures):
    return int(figures["connect"] + figures["read"] + figures["write"] + figures["timeout"])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def served_milliseconds(server, skip):
    """The `ms` of the service's request lines for POST /render after the first `skip` lines of its log: its own time
    per request. Returns them and the log's line count."""
    with open(server.log_path) as log:
        lines = log.readlines()
    times = []
    for line in lines[skip:]:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("message") == "request" and entry.get("route") == "/render" and entry.get("status") == 200:
            times.append(entry["ms"])
    return times, len(lines)


def latency_runs(mawjaz, folder, report, workers, connections, seconds, failures):
    """wrk at 1, 2 and 4 times the worker count (10 s each), then at `connections` for `seconds`: figures by connections.
    Before them, `GET /healthz` at 1× the workers for 10 s."""
    server = Server(mawjaz, folder, ["--workers", str(workers), "--queue", "64"])
    length = rendered_length(server, report)
    health = wrk(server.url + "/healthz", report, workers, 10, method="GET")
    print(f"GET /healthz, {workers} connections, 10 s: {health['throughput']:.1f} req/s, p50 {health['p50']:.2f} ms, "
          f"p99 {health['p99']:.2f} ms, p99/p50 {health['p99'] / health['p50']:.2f} (load average {load_average()})")
    runs = {}
    _, seen = served_milliseconds(server, 0)
    for count, duration in [(workers, 10), (2 * workers, 10), (4 * workers, 10), (connections, seconds)]:
        figures = wrk(server.url + "/render", report, count, duration, expected_length=length)
        served, seen = served_milliseconds(server, seen)
        figures["served p50"], figures["served p99"] = percentile(served, 0.5), percentile(served, 0.99)
        runs[count] = figures
        print(f"serve, {count:>2} connections ({count / workers:g}× workers), {duration} s: {figures['throughput']:.1f} req/s, "
              f"p50 {figures['p50']:.1f} ms, p90 {figures['p90']:.1f} ms, p99 {figures['p99']:.1f} ms, "
              f"p99/p50 {figures['p99'] / figures['p50']:.2f}; in the service: p50 {figures['served p50']:.1f} ms, "
              f"p99 {figures['served p99']:.1f} ms, p99/p50 {figures['served p99'] / figures['served p50']:.2f}; "
              f"answers: {int(figures['ok'])} ok, {int(figures['busy'])} 503, "
              f"{int(figures['other'])} other, {int(figures['short'])} short; socket errors {socket_errors(figures)} "
              f"(load average {load_average()})")
        if figures["busy"] or figures["other"] or figures["short"] or socket_errors(figures):
            failures.append(f"{count} connections: a request failed")
    server.stop()
    return runs, length


def saturation(mawjaz, folder, report, workers, length, failures):
    """64 connections against a queue of 4: every answer must be a PDF or a 503."""
    server = Server(mawjaz, folder, ["--workers", str(workers), "--queue", "4"], name="saturated")
    figures = wrk(server.url + "/render", report, 64, 10, expected_length=length, threads=2)
    print(f"above saturation, 64 connections, {workers} workers, queue 4, 10 s: {figures['throughput']:.1f} answers/s: "
          f"{int(figures['ok'])} ok, {int(figures['busy'])} 503, {int(figures['other'])} other, {int(figures['short'])} short, "
          f"socket errors {socket_errors(figures)}; p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms "
          f"(load average {load_average()})")
    if figures["other"] or figures["short"] or socket_errors(figures):
        failures.append("above saturation: an answer other than 200 or 503")
    server.stop()


# The most resident memory may grow from an eighth of the memory run's requests to its end.
MEMORY_GROWTH_LIMIT = 1_000_000


def memory(mawjaz, folder, report, workers, connections, requests, length, failures):
    """Resident memory of one server at start (listening, nothing asked), then after 1,000, an eighth, a quarter, half
    and all of `requests` renders, each read while the server is idle between wrk runs."""
    server = Server(mawjaz, folder, ["--workers", str(workers), "--queue", "64"], name="memory")
    marks = [("start", 0, server.resident_bytes())]
    seconds = 0.0
    for target in sorted({1000, requests // 8, requests // 4, requests // 2, requests}):
        before = answered(server)
        figures = wrk(server.url + "/render", report, connections, 3600, expected_length=length,
                      until=lambda: answered(server) >= target)
        seconds += figures["seconds"]
        if figures["other"] or figures["short"] or figures["busy"] or socket_errors(figures):
            failures.append(f"memory run: a request between {before} and {target} was not answered with its PDF")
        marks.append((f"after {answered(server)}", target, server.resident_bytes()))
    with urllib.request.urlopen(server.url + "/metrics") as answer:
        metrics = answer.read().decode()
    total = answered(server)
    server.stop()
    print(f"resident memory over {total} requests ({total / seconds:.1f} req/s, {connections} connections): "
          + ", ".join(f"{name} {rss / 1e6:.1f} MB" for name, _, rss in marks) + f" (load average {load_average()})")
    after_thousand = next(rss for _, target, rss in marks if target == 1000)
    print(f"growth from 1,000 to {total}: {(marks[-1][2] - after_thousand) / 1e6:+.1f} MB; per span: "
          + ", ".join(f"{(rss - before) / max(1, target - since) / 1e3:+.3f} kB/request" for (_, since, before), (_, target, rss)
                      in zip(marks[1:], marks[2:])))
    # Flat: once warm (an eighth of the requests), the rest may not add more than MEMORY_GROWTH_LIMIT. Before the fix of
    # the deadline's timers it grew with the request rate: +8.9 MB from 5,241 to 20,239 at 494 requests a second.
    warm = next(rss for _, target, rss in marks if target == requests // 8)
    if marks[-1][2] - warm > MEMORY_GROWTH_LIMIT:
        failures.append(f"memory run: resident memory grew {(marks[-1][2] - warm) / 1e6:.1f} MB from {requests // 8} to {total} "
                        f"requests (at most {MEMORY_GROWTH_LIMIT / 1e6:.0f} MB)")
    rendered = re.search(r"^mawjaz_pages_rendered_total (\d+)", metrics, re.M)
    print(f"pages rendered (from /metrics): {rendered.group(1) if rendered else '?'}")
    if total < requests:
        failures.append(f"memory run: {total} of {requests} requests answered")


def drain(mawjaz, folder, report, workers, failures):
    """SIGTERM while every worker renders and 4 × workers requests wait: each request taken must get its PDF, a request
    sent after the signal must be refused (connection refused), and the process must exit 0."""
    server = Server(mawjaz, folder, ["--workers", str(workers), "--queue", "64"], name="drain")
    with open(report, "rb") as file:
        body = file.read()
    # A brief long enough that the queue is still full when the signal comes: a table of 300 rows after the brief.
    document = json.loads(body)
    document["body"].append({"table": {"columns": ["رقم", "نص"], "rows": [[str(row), "صف من جدول طويل يملأ الصفحات"] for row in range(300)]}})
    long_body = json.dumps(document, ensure_ascii=False).encode()
    outcomes = []

    def post():
        request = urllib.request.Request(server.url + "/render", data=long_body, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                outcomes.append((answer.status, answer.read()[:5]))
        except urllib.error.HTTPError as error:
            outcomes.append((error.code, error.read()[:200]))
        except OSError as error:
            outcomes.append((None, str(error).encode()))

    taken = 5 * workers
    clients = [threading.Thread(target=post) for _ in range(taken)]
    for client in clients:
        client.start()
    state = {}
    for _ in range(1200):
        with urllib.request.urlopen(server.url + "/healthz") as answer:
            state = json.loads(answer.read())
        if state["running"] == workers and state["waiting"] == taken - workers:
            break
        time.sleep(0.025)
    start = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    try:
        urllib.request.urlopen(server.url + "/healthz", timeout=5).read()
        late = "answered"
    except OSError as error:
        late = f"refused ({getattr(error, 'reason', error)})"
    status = server.process.wait(timeout=300)
    stopped = time.monotonic() - start
    for client in clients:
        client.join()
    pdfs = sum(1 for code, head in outcomes if code == 200 and head == b"%PDF-")
    print(f"SIGTERM with {state.get('running')} rendering and {state.get('waiting')} waiting: {pdfs} of {taken} answered with "
          f"their PDF, others {[code for code, head in outcomes if not (code == 200 and head == b'%PDF-')]}; a request after the "
          f"signal: {late}; exit status {status} {stopped:.2f} s after the signal (load average {load_average()})")
    server.stop()
    if pdfs != taken or status != 0:
        failures.append("SIGTERM: a request taken was not answered with its PDF, or the exit status was not 0")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mawjaz", default=".build/release/mawjaz")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--memory-requests", type=int, default=20000)
    parser.add_argument("--memory-only", action="store_true", help="only the memory run")
    options = parser.parse_args()
    mawjaz = os.path.abspath(options.mawjaz)
    folder, report = workspace()
    os.chdir(folder)
    failures = []
    workers = options.workers
    print(f"machine: {os.cpu_count()} cores; load average at start {load_average()}")
    if options.memory_only:
        server = Server(mawjaz, folder, ["--workers", str(workers), "--queue", "64"], name="length")
        length = rendered_length(server, report)
        server.stop()
        memory(mawjaz, folder, report, workers, options.connections, options.memory_requests, length, failures)
        finish(failures)
        return

    batch_before = batch_throughput(mawjaz, folder, report, workers)
    print(f"mawjaz batch -j {workers}, 500 one-page briefs: {batch_before:.1f} docs/s (load average {load_average()})")
    runs, length = latency_runs(mawjaz, folder, report, workers, options.connections, options.seconds, failures)
    batch_after = batch_throughput(mawjaz, folder, report, workers)
    print(f"mawjaz batch -j {workers}, 500 one-page briefs: {batch_after:.1f} docs/s (load average {load_average()})")
    batch = (batch_before + batch_after) / 2
    service = runs[options.connections]["throughput"]
    print(f"service at {options.connections} connections ÷ batch: {service / batch:.2f} (target ≥ 0.8)")
    for count in [workers, 2 * workers]:
        ratio = runs[count]["p99"] / runs[count]["p50"]
        print(f"{count} connections: p99 ÷ p50 = {ratio:.2f} (target < 3 below saturation)")

    saturation(mawjaz, folder, report, workers, length, failures)
    memory(mawjaz, folder, report, workers, options.connections, options.memory_requests, length, failures)
    drain(mawjaz, folder, report, workers, failures)
    finish(failures)


def finish(failures):
    print(f"load average at the end {load_average()}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
