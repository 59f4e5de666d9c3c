"""How many calls per second the emulator serves over real sockets (not a test).

    python -m bench.emulator_throughput [--calls 2000] [--threads 8] [--db PATH]

Reports reads (`GET /user/status`) and writes (`POST /space/`) per second, sequential and with
several client threads, plus the write-loss check (every created space must be readable).
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from podio_emulator import running


def _rate(calls: int, seconds: float) -> str:
    return f"{calls / seconds:8.0f} calls/s ({seconds * 1000 / calls:.2f} ms/call)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--db", default=":memory:", help="SQLite file (default :memory:)")
    args = parser.parse_args()
    limits = {"rate_limit": 10**9, "heavy_rate_limit": 10**9}
    with running(seed=True, db_path=args.db, **limits) as emu:
        world = emu.seed()
        headers = emu.auth_headers()
        with httpx.Client(base_url=emu.base_url, headers=headers) as client:
            start = time.perf_counter()
            for _ in range(args.calls):
                client.get("/user/status").raise_for_status()
            print("read, 1 thread:  ", _rate(args.calls, time.perf_counter() - start))

            def create(i: int) -> int:
                r = client.post("/space/", json={"org_id": world["org_id"], "name": f"b{i}"})
                r.raise_for_status()
                return int(r.json()["space_id"])

            start = time.perf_counter()
            ids = [create(i) for i in range(args.calls // 4)]
            print("write, 1 thread: ", _rate(len(ids), time.perf_counter() - start))
            start = time.perf_counter()
            with ThreadPoolExecutor(args.threads) as pool:
                more = list(pool.map(create, range(args.calls // 4, args.calls // 2)))
            elapsed = time.perf_counter() - start
            print(f"write, {args.threads} threads:", _rate(len(more), elapsed))
            missing = [i for i in ids + more if client.get(f"/space/{i}").status_code != 200]
            print(f"spaces created: {len(ids) + len(more)}, missing afterwards: {len(missing)}")


if __name__ == "__main__":
    main()
