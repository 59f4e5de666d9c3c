"""Recurrence of tasks."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, run

WEEKLY = {
    "recurrence_id": 4,
    "name": "weekly",
    "config": {"days": ["monday", "thursday"]},
    "step": 2,
    "until": "2024-12-31",
}

CASES = [
    Op(
        podio.Recurrence,
        "find_by_reference",
        ("task", 7),
        path="/recurrence/task/7",
        answer=WEEKLY,
        expect=model(podio.Recurrence, WEEKLY),
    ),
    Op(
        podio.Recurrence,
        "update",
        (
            "task",
            7,
            {"name": "weekly", "config": {"days": ["monday"]}, "until": dt.date(2024, 12, 31)},
        ),
        method="PUT",
        path="/recurrence/task/7",
        body={"name": "weekly", "config": {"days": ["monday"]}, "until": "2024-12-31"},
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Recurrence,
        "delete",
        ("task", 7),
        method="DELETE",
        path="/recurrence/task/7",
        expect=equals(None),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_a_recurrence_reads_its_schedule(api: MockPodio) -> None:
    api.on("GET", "/recurrence/task/7", WEEKLY)
    recurrence = podio.Recurrence.find_by_reference("task", 7)
    assert recurrence.until == dt.date(2024, 12, 31) and recurrence.step == 2
    assert recurrence.days == ["monday", "thursday"] and recurrence.repeat_on is None
