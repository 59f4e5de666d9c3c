"""How long one page of `POST /item/app/{app_id}/filter/` takes over 5,000 items (not a test).

    python -m bench.items_filter [--items 5000] [--repeat 20]

The app has twelve field types; items are created through the items area's own code inside
one transaction (creating 5,000 items over HTTP would measure the creation, not the filter).
Each filter is timed over real sockets and in process (the ASGI app called directly), and the
median of `--repeat` runs is printed; so is the first filter after a write, which cannot use
the decoded values kept from the previous call.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

import httpx

from podio_emulator import running
from podio_emulator.areas.items import models
from podio_emulator.areas.items.resolver import context_for
from podio_emulator.auth import Principal

FIELDS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "text", "config": {"label": "Notes", "settings": {"size": "large"}}},
    {"type": "number", "config": {"label": "Amount"}},
    {"type": "money", "config": {"label": "Price"}},
    {"type": "progress", "config": {"label": "Progress"}},
    {"type": "duration", "config": {"label": "Spent"}},
    {"type": "date", "config": {"label": "Due"}},
    {"type": "category", "config": {"label": "Status", "settings": {
        "options": ["Open", "Doing", "Done", "Dropped"]}}},
    {"type": "category", "config": {"label": "Areas", "settings": {
        "options": ["A", "B", "C"], "multiple": True}}},
    {"type": "location", "config": {"label": "Where"}},
    {"type": "email", "config": {"label": "Email"}},
    {"type": "phone", "config": {"label": "Phone"}},
]  # fmt: skip

QUERIES: dict[str, dict[str, Any]] = {
    "first page, default sort": {},
    "category filter, sort by number": {"filters": {"status": [2, 3]}, "sort_by": "amount"},
    "number range + date range": {
        "filters": {"amount": {"from": 100, "to": 500}, "due": {"from": "2025-03-01",
                                                              "to": "2025-06-30"}},
    },
    "text match, sort by title": {"filters": {"title": "ion 1"}, "sort_by": "title"},
    "last page of 500": {"limit": 500, "offset": 4500, "sort_by": "due", "sort_desc": False},
}  # fmt: skip


def _fill(emu: Any, app_id: int, user_id: int, count: int) -> None:
    rng = random.Random(5000)
    emulator = emu.emulator
    principal = Principal("user", user_id, emulator.config.client_id)
    with emulator.transaction() as tx:
        ctx = context_for(tx, emulator.config.web_url, principal)
        ictx = models.open_app(tx, principal, app_id, ctx, emulator.config.web_url, write=True)
        for n in range(count):
            models.create_item(
                ictx,
                {
                    "fields": {
                        "title": f"Item {rng.choice(['migration', 'audit', 'launch'])} {n}",
                        "notes": "<p>Some notes</p>" if n % 3 else "",
                        "amount": rng.randint(0, 1000),
                        "price": {"value": rng.randint(1, 9999), "currency": "USD"},
                        "progress": rng.randint(0, 100),
                        "spent": rng.randint(0, 100) * 60,
                        "due": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        "status": rng.randint(1, 4),
                        "areas": sorted(rng.sample([1, 2, 3], rng.randint(1, 2))),
                        "where": "Copenhagen",
                        "email": "someone@example.com",
                        "phone": "+4512345678",
                    }
                },
            )


def _median_ms(call: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with running(rate_limit=10**9, heavy_rate_limit=10**9) as emu:
        headers = emu.auth_headers()
        with httpx.Client(base_url=emu.base_url, headers=headers, timeout=60) as client:
            org = client.post("/org/", json={"name": "Bench"}).json()
            space = client.post("/space/", json={"org_id": org["org_id"], "name": "Bench"}).json()
            app = client.post(
                "/app/",
                json={"space_id": space["space_id"], "config": {"name": "Big"}, "fields": FIELDS},
            ).json()
            user_id = client.get("/user/status").json()["user"]["user_id"]
            start = time.perf_counter()
            _fill(emu, app["app_id"], user_id, args.items)
            print(f"created {args.items} items in {time.perf_counter() - start:.1f} s")
            path = f"/item/app/{app['app_id']}/filter/"
            with _InProcess(emu, headers) as local:
                for name, body in QUERIES.items():
                    r = client.post(path, json=body)
                    r.raise_for_status()
                    found = r.json()
                    http_ms = _median_ms(lambda b=body: client.post(path, json=b), args.repeat)
                    local_ms = _median_ms(lambda b=body: local.post(path, b), args.repeat)
                    print(
                        f"{name:34s} filtered {found['filtered']:5d}, page {len(found['items']):3d}"
                        f": {http_ms:7.1f} ms over HTTP, {local_ms:7.1f} ms in process"
                    )
                # The first filter after a write decodes the app's stored values again.
                item_id = found["items"][0]["item_id"]
                cold = []
                for n in range(args.repeat):
                    client.put(f"/item/{item_id}", json={"fields": {"amount": n}})
                    cold.append(_median_ms(lambda: client.post(path, json={}), 1))
                print(f"{'first page right after a write':34s}: {statistics.median(cold):7.1f} ms")


class _InProcess:
    """Calls the emulator's request handling directly, without sockets."""

    def __init__(self, emu: Any, headers: dict[str, str]) -> None:
        from starlette.testclient import TestClient

        from podio_emulator.app import create_app

        self._client = TestClient(create_app(emulator=emu.emulator), headers=headers)

    def __enter__(self) -> _InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()

    def post(self, path: str, body: dict[str, Any]) -> None:
        self._client.post(path, json=body).raise_for_status()


if __name__ == "__main__":
    main()
