"""make scale-test: two replicas of `mawjaz serve` behind nginx; one is stopped in the middle of a load run.

  python3 bench/service/scale.py [--mawjaz .build/release/mawjaz] [--seconds 20] [--connections 16]

Two runs: in the first, replica A gets SIGTERM (a graceful stop, as Kubernetes sends) a third of the way in; in the
second, replica B is killed outright (SIGKILL, a crash). nginx retries a request whose replica refused or dropped it
on the other one (`proxy_next_upstream error timeout http_503 non_idempotent`: rendering has no side effects). Prints
every answer by status and exits 1 if the graceful stop failed any request or a run's answers are not all PDFs.
"""
import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

from common import Server, free_port, load_average, workspace, wrk

NGINX = """
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream mawjaz {{
        server 127.0.0.1:{a} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{b} max_fails=1 fail_timeout=10s;
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 8m;
        client_body_buffer_size 1m;
        location / {{
            proxy_pass http://mawjaz;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_next_upstream_tries 2;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def run(mawjaz, folder, report, seconds, connections, victim, signal_number, label):
    replicas = {"A": Server(mawjaz, folder, ["--workers", "1", "--queue", "64"], name=f"{label}-a"),
                "B": Server(mawjaz, folder, ["--workers", "1", "--queue", "64"], name=f"{label}-b")}
    prefix = os.path.join(folder, f"nginx-{label}")
    os.makedirs(prefix, exist_ok=True)
    port = free_port()
    with open(os.path.join(prefix, "nginx.conf"), "w") as file:
        file.write(NGINX.format(prefix=prefix, a=replicas["A"].port, b=replicas["B"].port, port=port))
    nginx = subprocess.Popen(["nginx", "-p", prefix, "-c", os.path.join(prefix, "nginx.conf"), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz").read()
            break
        except OSError:
            time.sleep(0.1)
    with open(report, "rb") as file:
        body = file.read()
    with urllib.request.urlopen(urllib.request.Request(url + "/render", data=body, headers={"Content-Type": "application/json"})) as answer:
        length = len(answer.read())

    stopped = {}

    def stop_victim():
        time.sleep(seconds / 3)
        start = time.monotonic()
        stopped["status"] = replicas[victim].stop(signal_number)
        stopped["seconds"] = time.monotonic() - start

    stopper = threading.Thread(target=stop_victim)
    stopper.start()
    figures = wrk(url + "/render", report, connections, seconds, expected_length=length)
    stopper.join()
    survivor = "B" if victim == "A" else "A"
    with urllib.request.urlopen(replicas[survivor].url + "/metrics") as answer:
        survivor_metrics = answer.read().decode()
    replicas[survivor].stop()
    nginx.send_signal(signal.SIGQUIT)
    nginx.wait(timeout=30)
    with open(os.path.join(prefix, "error.log")) as file:
        upstream_errors = [line.strip() for line in file if "upstream" in line]
    failed = int(figures["other"] + figures["short"] + figures["busy"] + figures["connect"] + figures["read"] + figures["write"] + figures["timeout"])
    how = "SIGTERM (graceful)" if signal_number == signal.SIGTERM else "SIGKILL (crash)"
    print(f"{label}: 2 replicas (1 worker each) behind nginx, {connections} connections, {seconds} s; replica {victim} stopped by {how} "
          f"at {seconds / 3:.1f} s (exit status {stopped.get('status')}, {stopped.get('seconds', 0):.2f} s to stop)")
    print(f"  {int(figures['requests'])} answers, {figures['throughput']:.1f}/s: {int(figures['ok'])} PDFs, {int(figures['busy'])} 503, "
          f"{int(figures['other'])} other, {int(figures['short'])} short, socket errors "
          f"{int(figures['connect'] + figures['read'] + figures['write'] + figures['timeout'])}; p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms")
    print(f"  nginx retried on the other replica: {len(upstream_errors)} upstream errors logged" +
          (f" (first: {upstream_errors[0][:160]})" if upstream_errors else ""))
    served = [line for line in survivor_metrics.splitlines() if line.startswith('mawjaz_http_requests_total{route="/render"')]
    print(f"  replica {survivor} served: {'; '.join(served)}")
    print(f"  load average {load_average()}")
    return failed, stopped.get("status")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mawjaz", default=".build/release/mawjaz")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    mawjaz = os.path.abspath(options.mawjaz)
    folder, report = workspace()
    failures = []
    failed, status = run(mawjaz, folder, report, options.seconds, options.connections, "A", signal.SIGTERM, "graceful")
    if failed:
        failures.append(f"{failed} requests failed while a replica stopped gracefully")
    if status != 0:
        failures.append(f"the stopped replica exited with {status}")
    failed, _ = run(mawjaz, folder, report, options.seconds, options.connections, "B", signal.SIGKILL, "crash")
    if failed:
        print(f"  ({failed} requests failed with the crash: those in flight on the killed replica that nginx could not retry)")
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
