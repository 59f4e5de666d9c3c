"""Reminders on tasks and items."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, run

CASES = [
    Op(
        podio.Reminder,
        "find_by_reference",
        ("task", 7),
        path="/reminder/task/7",
        answer={"reminder_id": 2, "remind_delta": 30},
        expect=model(podio.Reminder, {"reminder_id": 2, "remind_delta": 30}),
    ),
    Op(
        podio.Reminder,
        "create",
        ("task", 7, 30),
        method="POST",
        path="/reminder/task/7",
        body={"remind_delta": 30},
        expect=equals(200),
    ),
    Op(
        podio.Reminder,
        "update",
        ("item", 42, 0),
        method="PUT",
        path="/reminder/item/42",
        body={"remind_delta": 0},
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Reminder,
        "delete",
        ("task", 7),
        {"reminder_id": 2},
        method="DELETE",
        path="/reminder/task/7",
        query={"reminder_id": "2"},
        expect=equals(None),
    ),
    Op(
        podio.Reminder,
        "snooze",
        ("task", 7),
        method="POST",
        path="/reminder/task/7/snooze",
        expect=equals(None),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


@pytest.mark.parametrize(
    ("delta", "error"), [(-5, ValueError), ("30", TypeError), (True, TypeError)]
)
def test_remind_delta_must_be_minutes(api: MockPodio, delta: object, error: type) -> None:
    with pytest.raises(error):
        podio.Reminder.update("task", 7, delta)  # type: ignore[arg-type]
    assert api.calls == []


def test_a_task_holds_its_reminder_typed() -> None:
    task = podio.Task.from_api({"task_id": 7, "reminder": {"reminder_id": 2, "remind_delta": 30}})
    assert type(task.reminder) is podio.Reminder and task.reminder.remind_delta == 30
