"""Events reach listeners after a commit only, flagged with the request's hook/silent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest

from podio_emulator import Emulator, EmulatorHandle
from podio_emulator.db import Event


@pytest.fixture
def events(podio_emulator: EmulatorHandle) -> Iterator[list[Event]]:
    seen: list[Event] = []

    def listener(emulator: Emulator, batch: Sequence[Event]) -> None:
        seen.extend(batch)

    assert podio_emulator.emulator is not None
    podio_emulator.emulator.add_listener(listener)
    yield seen
    podio_emulator.emulator.remove_listener(listener)


def test_committed_changes_are_published_with_their_flags(
    api: httpx.Client, world: dict[str, Any], events: list[Event]
) -> None:
    events.clear()
    made = api.post("/space/", json={"org_id": world["org_id"], "name": "E"}).json()
    assert [(e.type, e.ref_type, e.ref_id, e.hook) for e in events] == [
        ("space.create", "space", made["space_id"], True)
    ]
    events.clear()
    api.put(
        f"/space/{made['space_id']}", params={"hook": "false", "silent": "1"}, json={"name": "F"}
    )
    assert [(e.type, e.hook, e.silent) for e in events] == [("space.update", False, True)]


def test_nothing_is_published_for_dry_runs_or_failures(
    api: httpx.Client, world: dict[str, Any], events: list[Event]
) -> None:
    events.clear()
    api.post(
        "/space/",
        headers={"X-Podio-Dry-Run": "1"},
        json={"org_id": world["org_id"], "name": "Dry"},
    )
    api.post("/space/", json={"org_id": world["org_id"], "name": ""})
    assert events == []
