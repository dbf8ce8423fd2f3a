"""What the load and scale-out runs share: the one-page brief, starting `mawjaz serve`, running wrk, reading memory."""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def one_page_brief():
    """A district brief with its activities written inline: facts, a heading, a paragraph and a bar chart, one page."""
    cities = ["الرياض", "جدة", "الدمام", "أبها"]
    categories = ["اجتماعات", "تدريب", "تبادل خبرات", "زيارات ميدانية"]
    titles = ["اجتماع تنسيقي", "دورة تدريبية في السلامة", "ورشة عمل للمتطوعين", "زيارة ميدانية للمواقع"]
    rows = [{"date": f"{2019 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", "category": categories[i % 4], "title": titles[(i * 3) % 4],
             "location": cities[i % 4]} for i in range(12)]
    return {
        "title": "موجز نشاط حي الشمال",
        "subtitle": "ملخص الأنشطة المسجلة في الحي",
        "date": "2024-12-31",
        "classification": "غير سري",
        "numerals": "arabic-indic",
        "data": {"activities": {"rows": rows}},
        "body": [
            {"facts": {"items": [{"label": "نشاطا مسجلا", "value": "{{activities.count}}"},
                                 {"label": "عام البداية", "value": "{{activities.first_year}}"},
                                 {"label": "أكثر الفئات", "value": "{{activities.top_category}}"}]}},
            {"heading": "خلاصة"},
            {"paragraph": "سجل الحي {{activities.count}} نشاطا منذ عام {{activities.first_year}}، وكان عام "
                          "{{activities.busiest_year}} أكثرها نشاطا."},
            {"chart": {"type": "bar", "data": "activities", "by": "year", "title": "الأنشطة حسب السنة"}},
        ],
    }


def workspace():
    folder = tempfile.mkdtemp(prefix="mawjaz-load-")
    report = os.path.join(folder, "report.json")
    with open(report, "w", encoding="utf-8") as file:
        json.dump(one_page_brief(), file, ensure_ascii=False)
    return folder, report


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mawjaz serve` on a free loopback port, its log lines in a file."""

    def __init__(self, mawjaz, folder, arguments=(), name="serve"):
        self.log_path = os.path.join(folder, f"{name}.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([mawjaz, "serve", "--port", "0", *arguments], stdout=subprocess.DEVNULL, stderr=self.log)
        self.port = None
        deadline = time.time() + 60
        while self.port is None:
            if self.process.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"mawjaz serve did not start: {open(self.log_path).read()}")
            with open(self.log_path) as lines:
                for line in lines:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    if entry.get("message") == "listening":
                        self.port = entry["port"]
            time.sleep(0.05)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def resident_bytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def stop(self, signal_number=signal.SIGTERM, timeout=60):
        if self.process.poll() is None:
            self.process.send_signal(signal_number)
        status = self.process.wait(timeout=timeout)
        self.log.close()
        return status


def wrk(url, body, connections, seconds, content_type="application/json", expected_length=0, limit=0, threads=1, until=None,
        method="POST"):
    """Runs wrk against `url` POSTing `body` (or asking with `method` and no body); returns its figures: throughput,
    latencies (ms), answers by status. With
    `until`, a function asked every half second, wrk is stopped (SIGINT, after which it prints its figures) once it
    answers true; `limit` stops each thread after that many answers."""
    environment = dict(os.environ, MAWJAZ_LOAD_BODY=body, MAWJAZ_LOAD_TYPE=content_type,
                       MAWJAZ_LOAD_LENGTH=str(expected_length), MAWJAZ_LOAD_LIMIT=str(limit), MAWJAZ_LOAD_METHOD=method)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", os.path.join(HERE, "post.lua"), url]
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if until is not None:
        while process.poll() is None:
            time.sleep(0.5)
            if until():
                process.send_signal(signal.SIGINT)
                break
    output, errors = process.communicate()
    figures = {}
    for key in ["STATUS", "LATENCY", "TOTAL"]:
        line = re.search(rf"^{key} (.*)$", output, re.M)
        if not line:
            raise RuntimeError(f"wrk printed no {key} line:\n{output}{errors}")
        for name, value in re.findall(r"(\w+)=([\d.]+)", line.group(1)):
            figures[name] = float(value)
    figures["throughput"] = figures["requests"] / figures["seconds"]
    return figures


def answered(server, status=200):
    """Requests the server has answered with `status` so far, from its /metrics."""
    import urllib.request
    with urllib.request.urlopen(server.url + "/metrics") as answer:
        text = answer.read().decode()
    return sum(int(float(count)) for count in re.findall(rf'^mawjaz_http_requests_total{{route="/render",method="POST",status="{status}"}} (\S+)',
                                                          text, re.M))


def load_average():
    with open("/proc/loadavg") as file:
        return " ".join(file.read().split()[:3])
