"""Chaos: the client against an emulator that fails one call in ten, and worse.

A dedicated emulator (no rate limit, so the volume is the point) holds an app with 5,000
items. With 500, 502, 503, 420 answers and dropped connections on 10 % of calls, exporting
the app through the lazy iterator must yield every item exactly once, and creating 500
items must leave exactly 500 (no duplicates, none lost), even when answers are lost after
the item was stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle

FAULTS: dict[str, Any] = {"rate": 0.08, "statuses": [500, 502, 503, 420], "drop": 0.02}


@pytest.fixture
def chaos(process_emulator: EmulatorHandle) -> Iterator[EmulatorHandle]:
    process_emulator.reset()
    yield process_emulator
    process_emulator.clear_faults()


@pytest.fixture
def client(chaos: EmulatorHandle) -> Iterator[podio.Client]:
    with podio.Client(chaos.client_id, chaos.client_secret, api_url=chaos.base_url) as made:
        made.authenticate_with_credentials(*chaos.users[0])
        yield made


def make_app(chaos: EmulatorHandle, client: podio.Client) -> int:
    world = chaos.seed()
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
    return app.app_id


def test_exporting_5000_items_under_faults_yields_each_exactly_once(
    chaos: EmulatorHandle, client: podio.Client
) -> None:
    app_id = make_app(chaos, client)
    entries = [{"fields": {"name": f"Lead {n}", "score": n}} for n in range(5000)]
    loaded = chaos.control("POST", f"items/{app_id}", {"items": entries})
    expected = set(loaded["item_ids"])
    assert len(expected) == 5000

    chaos.set_faults(**FAULTS, seed=20261128)
    seen = [item.item_id for item in podio.Item.iter_all(app_id, page_size=100, client=client)]
    injected = chaos.state()["faults"]["injected"]
    chaos.clear_faults()
    assert len(seen) == 5000
    assert set(seen) == expected
    assert sum(injected.values()) > 0, "no fault was injected: the test proved nothing"


async def test_async_export_under_faults(chaos: EmulatorHandle, client: podio.Client) -> None:
    app_id = make_app(chaos, client)
    created = await podio.Item.acreate_many(
        app_id, [{"fields": {"name": f"A{n}"}} for n in range(600)], concurrency=8, client=client
    )
    assert created.ok
    chaos.set_faults(**FAULTS, seed=7)
    seen = [
        item.item_id async for item in podio.Item.iter_all(app_id, page_size=100, client=client)
    ]
    chaos.clear_faults()
    await client.aclose()  # the async pool belongs to this test's event loop
    assert sorted(seen) == sorted(item.item_id for item in created)


@pytest.mark.parametrize("seed", [1, 2])
def test_creating_500_items_under_faults_and_lost_answers_creates_each_once(
    chaos: EmulatorHandle, client: podio.Client, seed: int
) -> None:
    app_id = make_app(chaos, client)
    entries = [{"fields": {"name": f"New {n}"}} for n in range(500)]
    chaos.set_faults(**FAULTS, lose=0.05, seed=seed)
    result = podio.Item.create_many(app_id, entries, concurrency=8, attempts=4, client=client)
    injected = chaos.state()["faults"]["injected"]
    chaos.clear_faults()
    assert injected.get("lose", 0) > 0
    stored = list(podio.Item.iter_all(app_id, page_size=500, client=client))
    external_ids = [item.external_id for item in stored]
    assert len(external_ids) == len(set(external_ids)), "an item was created twice"
    assert result.total == 500
    assert len(result.succeeded) + len(result.failed) == 500
    # Exactly the entries reported as created exist, and nothing else.
    assert {item.item_id for item in result} == {item.item_id for item in stored}
    assert len(stored) == len(result.succeeded)
    assert len(stored) == 500 or result.failed
