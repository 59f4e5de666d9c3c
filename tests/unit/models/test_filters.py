"""Saved filters: every operation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

FILTER = {"filter_id": 3, "name": "Mine", "items": 4, "filters": [{"key": "status", "values": [1]}]}
ATTRIBUTES = {"name": "Mine", "filters": {"status": [1]}}

# One row per operation; a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Filter, "find", (3,), "GET", "/filter/3", podio.Filter(FILTER), answer=FILTER),
    Case(podio.Filter, "find_all", (5,), "GET", "/filter/app/5/", [podio.Filter(FILTER)],
         answer=[FILTER]),
    Case(podio.Filter, "find_last", (5,), "GET", "/filter/app/5/last", podio.Filter(FILTER),
         answer=FILTER),
    Case(podio.Filter, "create", (5, ATTRIBUTES), "POST", "/filter/app/5/",
         podio.Filter(filter_id=3), body=ATTRIBUTES, answer={"filter_id": 3}),
    Case(podio.Filter, "delete", (3,), "DELETE", "/filter/3", 204, status=204),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)
