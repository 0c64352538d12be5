#!/usr/bin/env python3
"""The proxy under load, against moto alone: added latency and throughput.

    scripts/proxy-load.py BINARY PYTHON_WITH_MOTO BOTOCORE_DATA [--seconds N]

Starts moto's server and `aws-constraints proxy` in front of it on loopback ports, then, for
1, 16 and 64 concurrent clients (threads, each with its own keep-alive connection), sends
the same valid SSM GetParameter request for N seconds straight to moto and through the
proxy, and an invalid one (MaxResults 20 to GetParametersByPath) to the proxy, which answers
it itself. Prints a Markdown table: requests per second, p50 and p99 latency. Every request
must be answered exactly once, with the status expected. Then it sends one request per
service of the models (the proxy builds each on first use) and prints the proxy's peak
resident memory with every service loaded.
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port):
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing listens on {port}")


def signed_headers(service, target, content_type):
    return {
        "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/"
        f"{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0",
        "X-Amz-Date": "20240101T000000Z",
        "X-Amz-Target": target,
        "Content-Type": content_type,
    }


VALID = (
    "/",
    json.dumps({"Name": "/load/parameter"}).encode(),
    signed_headers("ssm", "AmazonSSM.GetParameter", "application/x-amz-json-1.1"),
)
INVALID = (
    "/",
    json.dumps({"Path": "/load", "MaxResults": 20}).encode(),
    signed_headers("ssm", "AmazonSSM.GetParametersByPath", "application/x-amz-json-1.1"),
)


def hammer(port, request, clients, seconds, expect):
    path, body, headers = request
    latencies, statuses, lock = [], {}, threading.Lock()
    stop = time.time() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, seen = [], {}
        while time.time() < stop:
            started = time.perf_counter()
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            seen[response.status] = seen.get(response.status, 0) + 1
        connection.close()
        with lock:
            latencies.extend(mine)
            for status, n in seen.items():
                statuses[status] = statuses.get(status, 0) + n

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if set(statuses) != {expect} or sum(statuses.values()) != len(latencies):
        sys.exit(f"expected every answer {expect} exactly once, got {statuses}")
    latencies.sort()
    return (
        len(latencies) / seconds,
        statistics.median(latencies) * 1e3,
        latencies[int(len(latencies) * 0.99) - 1] * 1e3,
    )


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    args = sys.argv[1:]
    seconds = 5.0
    if "--seconds" in args:
        at = args.index("--seconds")
        seconds = float(args[at + 1])
        del args[at : at + 2]
    binary, python, data = args
    moto_port, proxy_port = free_port(), free_port()
    moto_server = os.path.join(os.path.dirname(python), "moto_server")
    moto = subprocess.Popen([moto_server, "-H", "127.0.0.1", "-p", str(moto_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proxy = subprocess.Popen(
        [binary, "proxy", "--listen", f"127.0.0.1:{proxy_port}",
         "--upstream", f"http://127.0.0.1:{moto_port}", "--models", data],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(moto_port)
        wait_for(proxy_port)
        put = json.dumps({"Name": "/load/parameter", "Value": "v", "Type": "String"}).encode()
        connection = http.client.HTTPConnection("127.0.0.1", moto_port)
        connection.request("POST", "/", body=put,
                           headers=signed_headers("ssm", "AmazonSSM.PutParameter", "application/x-amz-json-1.1"))
        connection.getresponse().read()
        print("| clients | moto alone | through the proxy (valid) | answered by the proxy (invalid) |")
        print("|---:|---|---|---|")
        for clients in (1, 16, 64):
            cells = []
            for port, request, expect in (
                (moto_port, VALID, 200),
                (proxy_port, VALID, 200),
                (proxy_port, INVALID, 400),
            ):
                rate, p50, p99 = hammer(port, request, clients, seconds, expect)
                cells.append(f"{rate:,.0f}/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms")
            print(f"| {clients} | " + " | ".join(cells) + " |")
        services = sorted(os.listdir(data))
        for service in services:
            connection = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=30)
            connection.request("POST", "/", body=b"{}",
                               headers=signed_headers(service, f"{service}.Nothing", "application/x-amz-json-1.1"))
            connection.getresponse().read()
            connection.close()
        print(f"\nproxy peak resident memory after a request to each of {len(services)} services' "
              f"names: {peak_rss_kib(proxy.pid) / 1024:.0f} MB")
    finally:
        proxy.terminate()
        moto.terminate()
        proxy.wait(timeout=10)
        moto.wait(timeout=10)


if __name__ == "__main__":
    main()
