"""How fast ``podio export`` and ``podio import`` run against the emulator (not a test).

    python -m bench.cli_export [--items 5000] [--page-size 500] [--import-rows 500]

The emulator runs in a process of its own (no rate limit), as users run it, so client and
server do not share one interpreter; the app has twelve field types and its items are loaded
in bulk through the control API. Each export is the real command, ``python -m podio.cli``,
in a fresh process: the time includes starting Python and signing in from the stored token.
The same pages are then read in process twice: as JSON (what the export writes) and through
`Item.iter_all` with each item turned back into JSON. The import reads back the CSV of the
first rows and creates them over HTTP.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.e2e.conftest import emulator_process

import podio
from podio.cli._export import item_pages

from .items_filter import FIELDS


def _entries(count: int) -> list[dict[str, Any]]:
    rng = random.Random(5000)
    return [
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
        }
        for n in range(count)
    ]


def _run(env: dict[str, str], *arguments: str) -> float:
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 (our own module, fixed arguments)
        [sys.executable, "-m", "podio.cli", *arguments], env=env, check=True
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--import-rows", type=int, default=500)
    options = parser.parse_args()
    unlimited = ("--rate-limit", "1000000000", "--heavy-rate-limit", "1000000000")
    with emulator_process(*unlimited) as emu, tempfile.TemporaryDirectory() as folder:
        world = emu.seed()
        mail, password = emu.users[0]
        with podio.Client(emu.client_id, emu.client_secret, api_url=emu.base_url) as client:
            client.authenticate_with_credentials(mail, password)
            app = podio.Application.create(
                {
                    "space_id": world["space_ids"]["sales"],
                    "config": {"name": "Bench", "item_name": "Row"},
                    "fields": FIELDS,
                },
                client=client,
            )
        assert app.app_id is not None
        emu.control("POST", f"items/{app.app_id}", {"items": _entries(options.items)})
        env = {**os.environ, "PODIO_CONFIG_DIR": folder}
        env.pop("PODIO_CLIENT_ID", None)
        env.pop("PODIO_CLIENT_SECRET", None)
        _run(env, "configure", "--api-url", emu.base_url, "--client-id", emu.client_id,
             "--client-secret", emu.client_secret)  # fmt: skip
        _run(env, "login", "--username", mail, "--password", password)
        print(f"{options.items} items, twelve field types, page size {options.page_size}")
        for fmt in ("csv", "json", "jsonl"):
            target = Path(folder) / f"export.{fmt}"
            seconds = _run(
                env, "export", str(app.app_id), "-o", str(target), "-q",
                "--page-size", str(options.page_size),
            )  # fmt: skip
            size = target.stat().st_size / 1e6
            rate = options.items / seconds
            print(f"  export {fmt:5}: {seconds:5.2f} s  {rate:6.0f} items/s  {size:5.1f} MB")
        with podio.Client(emu.client_id, emu.client_secret, api_url=emu.base_url) as client:
            client.authenticate_with_credentials(mail, password)
            pages = options.page_size
            started = time.perf_counter()
            raw = sum(1 for _ in item_pages(client, app.app_id, page_size=pages))
            plain = time.perf_counter() - started
            started = time.perf_counter()
            typed = podio.Item.iter_all(app.app_id, page_size=pages, client=client)
            modelled = sum(1 for item in typed if item.as_json())
            through = time.perf_counter() - started
            assert raw == modelled == options.items
            print(f"  in process: as JSON {plain:5.2f} s, Item.iter_all + as_json {through:5.2f} s")
        everything = str(Path(folder) / "export.json")
        seconds = _run(env, "import", str(app.app_id), everything, "--dry-run")
        print(f"  import json --dry-run: {seconds:5.2f} s to check all {options.items} items")
        rows = Path(folder) / "rows.csv"
        with (Path(folder) / "export.csv").open(newline="", encoding="utf-8") as source:
            lines = list(csv.reader(source))[: options.import_rows + 1]
        with rows.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(lines)
        seconds = _run(env, "import", str(app.app_id), str(rows), "-q", "--concurrency", "4")
        rate = options.import_rows / seconds
        rows_read = options.import_rows
        print(f"  import csv  : {seconds:5.2f} s  {rate:6.0f} items/s  ({rows_read} rows)")


if __name__ == "__main__":
    main()
