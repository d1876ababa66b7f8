"""Sections (d) and (e) of bench/http_bench.py: webhook delivery and list pages of flex serve.

(d) wrk, 16 connections, `POST /v1/customers` (each makes a customer and a customer.created
    event) against `flex serve` without any webhook endpoint, then against one with an endpoint
    registered for customer.created on a fast loopback receiver (bare-hummingbird's POST /hooks),
    alternating, ROUNDS times. Reports both rates, their ratio, and whether every event was
    delivered (the receiver's count against the customers made), waiting at most 120 s for the
    delivery worker to catch up after wrk stops.
(e) at least 100,000 customers stored (5 s wrk runs of POSTs until the count is reached), then 300 sequential
    `GET /v1/customers?limit=100` (a full page) and `GET /v1/customers?limit=10&starting_after=…`
    over one keep-alive connection; median and p99 latency in ms.

`hb` is the http_bench module (its server bookkeeping, wrk and KEY), passed in by its main.
"""
import os
import re
import statistics
import time

import requests

POST_CUSTOMER = """
wrk.method = "POST"
wrk.body = '{"customer": {"email": "bench@example.com"}}'
wrk.headers["Content-Type"] = "application/json"
"""



def wrk_script(hb, url, script_path, connections, seconds):
    argv = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-s", script_path,
            "-H", "Authorization: Bearer " + hb.KEY, url]
    result = hb.subprocess.run(argv, stdout=hb.subprocess.PIPE, stderr=hb.subprocess.PIPE, text=True, timeout=seconds + 60)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    total = re.search(r"(\d+) requests in", result.stdout)
    if result.returncode != 0 or not rate or not total:
        raise RuntimeError(f"wrk failed: {result.stdout}{result.stderr}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    return {"rps": float(rate.group(1)), "requests": int(total.group(1)), "non2xx": int(errors.group(1)) if errors else 0}


def serve(hb, bin_dir):
    # A queue large enough for a whole run: the figure is about throughput, not about dropping.
    return hb.start_server([os.path.join(bin_dir, "flex"), "serve", "--host", "127.0.0.1", "--port", "0",
                            "--webhook-queue", "10000000"])


def section_d(hb, bin_dir, workdir, rounds, seconds, connections=16):
    script = os.path.join(workdir, "post-customer.lua")
    with open(script, "w") as file:
        file.write(POST_CUSTOMER)
    without, with_endpoint, lost, drains = [], [], [], []
    for _ in range(rounds):
        server, port = serve(hb, bin_dir)
        without.append(wrk_script(hb, f"http://127.0.0.1:{port}/v1/customers", script, connections, seconds))
        hb.stop(server)

        receiver, receiver_port = hb.start_server([os.path.join(bin_dir, "bare-hummingbird"), "0"])
        server, port = serve(hb, bin_dir)
        origin = f"http://127.0.0.1:{port}"
        requests.post(origin + "/v1/webhooks", headers={"Authorization": "Bearer " + hb.KEY}, json={"webhook": {
            "url": f"http://127.0.0.1:{receiver_port}/hooks", "events": ["customer.created"]}}).raise_for_status()
        run = wrk_script(hb, origin + "/v1/customers", script, connections, seconds)
        with_endpoint.append(run)
        # The events the server made (wrk does not count the requests still in flight when it stops).
        made = len(requests.get(origin + "/_sim/events?type=customer.created",
                                headers={"Authorization": "Bearer " + hb.KEY}).json()["events"])
        start = time.monotonic()
        count = 0
        while time.monotonic() - start < 120:
            count = int(requests.get(f"http://127.0.0.1:{receiver_port}/hooks/count").text)
            if count >= made:
                break
            time.sleep(0.05)
        time.sleep(0.5)
        count = int(requests.get(f"http://127.0.0.1:{receiver_port}/hooks/count").text)
        drains.append(time.monotonic() - start)
        lost.append(made - count)
        hb.stop(server)
        hb.stop(receiver)

    base = statistics.median(r["rps"] for r in without)
    loaded = statistics.median(r["rps"] for r in with_endpoint)
    print(f"(d) wrk -t2 -c{connections} -d{seconds}s POST /v1/customers, {rounds} rounds each, alternating")
    print(f"    no endpoint        median {base:,.0f} req/s  (runs: {', '.join(format(r['rps'], ',.0f') for r in without)})")
    print(f"    endpoint for every event (loopback receiver)  median {loaded:,.0f} req/s  "
          f"(runs: {', '.join(format(r['rps'], ',.0f') for r in with_endpoint)}); "
          f"deliveries still arriving after wrk stopped: {', '.join(f'{d:.1f}' for d in drains)} s")
    print(f"    ratio {loaded / base:.2f}x without   events made minus deliveries received, per run: {lost}   targets: >= 0.7x {hb.verdict(loaded / base >= 0.7)}, "
          f"none lost or doubled {hb.verdict(max(map(abs, lost)) == 0)}")


def timed_gets(session, url, count=300):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        response = session.get(url)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99) - 1]


def section_e(hb, bin_dir, workdir, stored=100_000, connections=16):
    script = os.path.join(workdir, "post-customer.lua")
    with open(script, "w") as file:
        file.write(POST_CUSTOMER)
    server, port = serve(hb, bin_dir)
    origin = f"http://127.0.0.1:{port}"
    made, runs = 0, []
    while made < stored and len(runs) < 40:
        runs.append(wrk_script(hb, origin + "/v1/customers", script, connections, 5))
        made += runs[-1]["requests"] - runs[-1]["non2xx"]
    fill = {"stored": made, "rps": statistics.median(run["rps"] for run in runs)}
    with requests.Session() as session:
        session.headers["Authorization"] = "Bearer " + hb.KEY
        newest = session.get(origin + "/v1/customers?limit=1").json()["customers"][0]["customer_id"]
        full = timed_gets(session, origin + "/v1/customers?limit=100")
        cursor = timed_gets(session, f"{origin}/v1/customers?limit=10&starting_after={newest}")
        first = timed_gets(session, origin + "/v1/customers")
    hb.stop(server)
    print(f"(e) list pages with at least {fill['stored']:,} customers stored (filled at {fill['rps']:,.0f} req/s), "
          "300 sequential GETs each over one connection")
    print(f"    GET /v1/customers                         median {first[0]:.2f} ms, p99 {first[1]:.2f} ms")
    print(f"    GET /v1/customers?limit=100               median {full[0]:.2f} ms, p99 {full[1]:.2f} ms")
    print(f"    GET /v1/customers?limit=10&starting_after median {cursor[0]:.2f} ms, p99 {cursor[1]:.2f} ms")
    print(f"    target: a page answers in <= 5 ms {hb.verdict(max(first[0], full[0], cursor[0]) <= 5)}")
