"""Batches: every operation, and a batch's nested app, space and reference."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, canonical, check_async, check_sync

BATCH = {
    "batch_id": 99,
    "name": "Export of Leads",
    "plugin": "app_export",
    "status": "completed",
    "completed": 120,
    "skipped": 0,
    "failed": 1,
    "created_on": "2024-05-01 10:00:00",
    "started_on": "2024-05-01 10:00:01",
    "ended_on": "2024-05-01 10:00:09",
    "file": {"file_id": 7, "name": "leads.xlsx", "link": "https://files.podio.com/7"},
    "app": {"app_id": 5, "name": "Leads"},
    "space": {"space_id": 7, "name": "Sales"},
    "ref": {"type": "app", "id": 5},
}

# One row per operation; a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Batch, "find", (99,), "GET", "/batch/99", podio.Batch(BATCH), answer=BATCH),
    Case(podio.Batch, "find_all", (), "GET", "/batch/", [podio.Batch(BATCH)],
         kwargs={"limit": 10, "offset": 0}, params={"limit": "10", "offset": "0"},
         answer=[BATCH]),
    Case(podio.Batch, "find_running", ("app", 5, "app_export"), "GET",
         "/batch/app/5/app_export/running/", [podio.Batch(BATCH)], answer=[BATCH]),
    Case(podio.Batch, "find_all_for_reference", ("app", 5), "GET", "/batch/app/5/",
         [BATCH], answer=[BATCH]),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


def test_a_batch_is_typed_and_round_trips() -> None:
    batch = podio.Batch.from_api(BATCH)
    assert isinstance(batch.app, podio.Application) and batch.app.name == "Leads"
    assert isinstance(batch.space, podio.Space) and batch.space.space_id == 7
    assert isinstance(batch.ref, podio.Reference) and batch.ref.id == 5
    assert batch.ended_on is not None and batch.started_on is not None
    assert (batch.ended_on - batch.started_on).total_seconds() == 8
    assert canonical(batch.as_json()) == canonical(BATCH)
