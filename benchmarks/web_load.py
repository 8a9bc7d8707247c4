"""Load on loopback: `entente serve` over a database, then 16 clients (threads, keep-alive
connections) hitting the main read endpoints; requests/s, p50/p99 latency and errors per
endpoint. Also the cold (first, uncached) latency of each endpoint, and the dyad timeline
query timed in the store itself. Bounded in time; the server is stopped at the end.

    python benchmarks/web_load.py --db entente-demo.db --seconds 20
    python benchmarks/web_load.py --db /tmp/big.db --dyad USA-IND
"""
from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time


def endpoints(dyad: str) -> list[tuple[str, str]]:
    a, b = dyad.split("-")
    return [
        ("events page", "/api/events?limit=50"),
        ("events newest", "/api/events?limit=50&order=desc"),
        ("events deep page", "/api/events?limit=50&offset=5000"),
        ("dyad events", f"/api/events?dyad={dyad}&limit=50"),
        ("dyad timeline", f"/api/events/timeline?dyad={dyad}"),
        ("dyad series", f"/api/dyads/{dyad}/series"),
        ("dyad topics/month", f"/api/dyads/{dyad}/topics?period=month"),
        ("country events", f"/api/events?country={a}&limit=50"),
        ("timeline (all)", "/api/events/timeline"),
        ("network", "/api/network?limit=150"),
        ("dyads", "/api/dyads?limit=50"),
        ("summary", "/api/summary"),
        ("stories", "/api/stories?limit=50"),
        ("statements", "/api/statements?limit=50"),
        ("actors", "/api/actors?limit=50"),
        ("dashboard /events", "/events"),
        (f"dashboard /dyads/{dyad}", f"/dyads/{dyad}"),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(conn: http.client.HTTPConnection, path: str) -> tuple[int, float]:
    t = time.perf_counter()
    conn.request("GET", path)
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.perf_counter() - t


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def run_load(port: int, paths: list[tuple[str, str]], clients: int, seconds: float) -> dict:
    results: dict[str, dict] = {name: {"lat": [], "errors": 0} for name, _ in paths}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        i = k
        while time.monotonic() < stop:
            name, path = paths[i % len(paths)]
            i += 1
            try:
                status, took = fetch(conn, path)
                ok = status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                ok, took = False, 0.0
            with lock:
                if ok:
                    results[name]["lat"].append(took)
                else:
                    results[name]["errors"] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.monotonic()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    results["_elapsed"] = time.monotonic() - t0
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--dyad", default="USA-IND")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()

    from entente.store import Database, EventFilter

    db = Database(args.db, create=False)
    a, b = args.dyad.split("-")
    timings = []
    for _ in range(5):
        t = time.perf_counter()
        counts = db.event_counts(EventFilter(dyad=(a, b)))
        timings.append(time.perf_counter() - t)
    print(f"store: dyad timeline {args.dyad}: {counts['total']:,} events, {len(counts['buckets'])} months; "
          f"first {timings[0] * 1000:.0f} ms, median of 5 {statistics.median(timings) * 1000:.0f} ms")
    total = db.count_events()
    print(f"database: {total:,} events")
    db.engine.dispose()

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "entente", "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        paths = endpoints(args.dyad)
        print("\ncold (first request, nothing cached):")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        for name, path in paths:
            status, took = fetch(conn, path)
            print(f"  {name:<24} {status}  {took * 1000:8.0f} ms")
        conn.close()
        res = run_load(port, paths, args.clients, args.seconds)
        elapsed = res.pop("_elapsed")
        n = sum(len(r["lat"]) for r in res.values())
        errors = sum(r["errors"] for r in res.values())
        print(f"\nload: {args.clients} clients, {elapsed:.0f} s: {n:,} requests, {n / elapsed:.1f} req/s, {errors} errors")
        print(f"  {'endpoint':<24} {'req':>6} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
        for name, r in res.items():
            print(f"  {name:<24} {len(r['lat']):>6} {pct(r['lat'], 50) * 1000:>8.0f} {pct(r['lat'], 99) * 1000:>8.0f} {r['errors']:>6}")
        every = [x for r in res.values() for x in r["lat"]]
        print(f"  {'all':<24} {len(every):>6} {pct(every, 50) * 1000:>8.0f} {pct(every, 99) * 1000:>8.0f} {errors:>6}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
    os.sys.stdout.flush()


if __name__ == "__main__":
    main()
