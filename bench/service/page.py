"""make bench-page: the editor page's round trip in headless Chromium, from an edit to its new pages shown.

  python3 bench/service/page.py [--mawjaz .build/release/mawjaz] [--edits 40] [--language ar]

Starts `mawjaz serve` and chromedriver, opens the page on the briefing template, and makes --edits edits one after
another, each a change to the summary paragraph typed as one insertion (what a paste does). Each edit's round trip is
read in the page's own clock: from the edit to the `mawjaz-preview-shown` mark the page sets once the new pages are
drawn. It is the pause the page waits after typing (350 ms, so that it renders once a person stops, not at every
key) plus the `/preview` request (read from the page's resource timing) plus decoding and showing the pictures.
Prints median and 95th percentile of each, and the load average. Exits 1 when an edit is not shown within 30 s.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import Server, free_port, load_average


class Browser:
    """A headless Chromium session over chromedriver's WebDriver protocol."""

    def __init__(self, width=1400, height=1000):
        self.port = free_port()
        self.driver = subprocess.Popen(["chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                if self.call("GET", "/status").get("ready"):
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise RuntimeError("chromedriver did not start")
            time.sleep(0.05)
        arguments = ["--headless=new", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},{height}"]
        if os.getuid() == 0:
            arguments.append("--no-sandbox")
        answer = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"args": arguments}}}})
        self.session = answer["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read())["value"]

    def run(self, script, *arguments):
        return self.call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": list(arguments)})

    def wait(self, script, *arguments, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.run(script, *arguments):
                return True
            time.sleep(0.02)
        return False

    def close(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        finally:
            self.driver.terminate()
            self.driver.wait(timeout=10)


PICTURES = "[...document.querySelectorAll('#pages img')].map(image => image.src).join(' ')"
SHOWN = "document.querySelector('#status').dataset.state === 'upToDate'"

# One edit: the summary paragraph's words replaced, as one insertion (the page's input event follows at once), timed
# from just before it in the page's clock. Returns that time and the pictures shown before it.
EDIT = """
const field = document.querySelector('#report'), words = arguments[0];
const line = field.value.split('\\n').findIndex(text => /^\\s*- paragraph:/.test(text));
const start = field.value.split('\\n').slice(0, line).join('\\n').length + 1;
const end = field.value.indexOf('\\n', start);
const shown = """ + PICTURES + """;
performance.clearResourceTimings();
const at = performance.now();
field.focus();
field.setSelectionRange(start, end < 0 ? field.value.length : end);
document.execCommand('insertText', false, '  - paragraph: "' + words + '"');
return [at, shown];
"""

# The edit's round trip once its pages are shown: [to shown, the /preview request, the pause before it].
TIMES = """
const at = arguments[0], marks = performance.getEntriesByName('mawjaz-preview-shown');
const requests = performance.getEntriesByType('resource').filter(entry => entry.name.includes('/preview'));
const request = requests[requests.length - 1];
return [marks[marks.length - 1].startTime - at, request.responseEnd - request.startTime, request.startTime - at];
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mawjaz", default=".build/release/mawjaz")
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--language", default="ar", choices=["ar", "en"])
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="mawjaz-page-")
    print(f"machine: {os.cpu_count()} cores; load average at start {load_average()}")
    server = Server(os.path.abspath(options.mawjaz), folder, ["--workers", "2"])
    browser = Browser()
    rounds = []
    try:
        browser.call("POST", f"/session/{browser.session}/url", {"url": f"{server.url}/?new&lang={options.language}"})
        if not browser.wait(f"return document.body.dataset.ready === 'true' && {SHOWN} && document.querySelectorAll('#pages img').length > 0"):
            sys.exit("the page did not show its first preview within 30 s")
        for edit in range(options.edits):
            words = f"فقرة الموجز في تعديلها رقم {edit + 1}: بلغ عدد الأنشطة {{{{activities.count}}}} نشاطا."
            at, shown = browser.run(EDIT, words)
            if not browser.wait(f"return {SHOWN} && {PICTURES} !== arguments[0]", shown):
                sys.exit(f"edit {edit + 1} was not shown within 30 s")
            rounds.append(browser.run(TIMES, at))
    finally:
        browser.close()
        server.stop()
    print(f"editor page ({options.language}), briefing template, {len(rounds)} edits of its paragraph, each shown before the next:")
    for index, name in enumerate(["edit to new pages shown", "  of which the /preview request", "  of which the pause after typing"]):
        values = [round_[index] for round_ in rounds]
        print(f"{name}: median {statistics.median(values):.0f} ms, 95th percentile {percentile(values, 0.95):.0f} ms,"
              f" best {min(values):.0f} ms, worst {max(values):.0f} ms")
    print(f"load average at end {load_average()}")


if __name__ == "__main__":
    main()
