"""What faults cost an export: 5,000 items through `Item.iter_all`, clean and under chaos.

    python -m bench.chaos_export [--items 5000] [--page-size 100] [--runs 3] [--seed 1]

The emulator runs in its own process without rate limits and holds one app with `--items`
items. The client exports them all through the lazy iterator, alternately with no fault and
with 10 % of the calls failing: 8 % answered 500, 502, 503 or 420 (one of the four at random)
and 2 % dropped without an answer. The client's own retry policy applies unchanged, with its
real back-off and the 420's "wait 1 second", so the figures are what a user would wait. Each
export must yield every item exactly once. Printed: the median time of each kind, items per
second, the faults injected and the calls made, and the ratio of the two medians.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import podio
from podio_emulator import EmulatorHandle, running_process

FAULTS: dict[str, Any] = {"rate": 0.08, "statuses": [500, 502, 503, 420], "drop": 0.02}


@dataclass
class Runs:
    """The exports of one kind: seconds each, faults injected and calls made in all."""

    seconds: list[float] = field(default_factory=list)
    faults: list[Counter[str]] = field(default_factory=list)
    calls: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def _prepare(emu: EmulatorHandle, client: podio.Client, count: int) -> tuple[int, set[int]]:
    """An app holding `count` items (loaded in one control call); its id and the item ids."""
    world = emu.seed()
    app = podio.Application.create(
        {
            "space_id": world["space_ids"]["sales"],
            "config": {"name": "Leads", "item_name": "Lead"},
            "fields": [
                {"type": "text", "config": {"label": "Name"}},
                {"type": "number", "config": {"label": "Score"}},
            ],
        },
        client=client,
    )
    assert app.app_id is not None
    entries = [{"fields": {"name": f"Lead {n}", "score": n}} for n in range(count)]
    loaded = emu.control("POST", f"items/{app.app_id}", {"items": entries})
    return app.app_id, {int(item_id) for item_id in loaded["item_ids"]}


def _export(client: podio.Client, app_id: int, page_size: int, expected: set[int]) -> float:
    started = time.perf_counter()
    seen = [
        item.item_id for item in podio.Item.iter_all(app_id, page_size=page_size, client=client)
    ]
    elapsed = time.perf_counter() - started
    if len(seen) != len(expected) or set(seen) != expected:
        raise SystemExit(f"the export is wrong: {len(seen)} items, {len(set(seen))} distinct")
    return elapsed


def _run(
    emu: EmulatorHandle,
    runs: Runs,
    export: Callable[[], float],
    faults: dict[str, Any] | None,
) -> None:
    """One export, counting the calls it made and the faults the emulator injected."""
    before = emu.state()
    if faults is not None:
        emu.set_faults(**faults)
    try:
        runs.seconds.append(export())
    finally:
        after = emu.state()
        emu.clear_faults()
    injected = after["faults"]["injected"]
    previous = before["faults"]["injected"]
    faults = Counter({kind: total - previous.get(kind, 0) for kind, total in injected.items()})
    runs.faults.append(+faults)
    # The emulator counts the calls it served; a call answered by a fault never got there,
    # except a lost answer ("lose"), which this benchmark does not inject.
    runs.calls += after["requests"] - before["requests"] + faults.total()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1, help="seed of the fault draws")
    args = parser.parse_args()

    limits = ("--rate-limit", "1000000000", "--heavy-rate-limit", "1000000000")
    with running_process(*limits) as emu:
        mail, password = emu.users[0]
        with podio.Client(emu.client_id, emu.client_secret, api_url=emu.base_url) as client:
            client.authenticate_with_credentials(mail, password)
            app_id, expected = _prepare(emu, client, args.items)

            def export() -> float:
                return _export(client, app_id, args.page_size, expected)

            export()  # warm both sides up (connections, the emulator's caches)
            clean, chaotic = Runs(), Runs()
            for n in range(args.runs):
                _run(emu, clean, export, None)
                _run(emu, chaotic, export, {**FAULTS, "seed": args.seed + n})

    pages = -(-args.items // args.page_size)
    print(f"chaos export: {args.items} items in pages of {args.page_size} ({pages} pages)")
    print(f"{args.runs} runs of each, alternating; medians")
    for label, runs in (("without faults", clean), ("with faults", chaotic)):
        rate = args.items / runs.median
        per_run = runs.calls / args.runs
        print(
            f"  {label:15s} {runs.median:6.2f} s  {rate:7.0f} items/s  "
            f"{per_run:5.1f} calls/run  runs: {', '.join(f'{s:.2f}' for s in runs.seconds)}"
        )
    for n, (seconds, faults) in enumerate(zip(chaotic.seconds, chaotic.faults, strict=True)):
        listed = ", ".join(f"{kind}: {count}" for kind, count in sorted(faults.items()))
        print(f"  faults of run {n + 1} ({seconds:.2f} s): {listed or 'none'}")
    print(f"  ratio with/without faults: {chaotic.median / clean.median:.2f}x")


if __name__ == "__main__":
    main()
