"""Notifications: the inbox, grouped or one by one, and marking them viewed or starred."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, models, run

NOTE = {
    "notification_id": 31,
    "type": "comment",
    "text": "Ann commented",
    "viewed_on": None,
    "starred": False,
    "created_on": "2024-01-02 03:04:05",
    "created_by": {"type": "user", "id": 1, "name": "Ann"},
    "data": {"comment_id": 3},
}
GROUP = {
    "context": {"ref": {"type": "item", "id": 42}, "link": "https://podio.com/x"},
    "notifications": [NOTE],
}

CASES = [
    Op(
        podio.NotificationGroup,
        "find_all",
        kwargs={
            "context_type": "item",
            "created_from": dt.datetime(
                2024, 1, 1, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))
            ),
            "direction": "outgoing",
            "starred": True,
            "viewed": False,
            "viewed_from": "2024-01-03 00:00:00",
            "user_id": 1,
            "type": "comment",
            "limit": 50,
            "offset": 100,
        },
        path="/notification/",
        query={
            "context_type": "item",
            "created_from": "2024-01-01 00:00:00",
            "direction": "outgoing",
            "starred": "1",
            "viewed": "0",
            "viewed_from": "2024-01-03 00:00:00",
            "user_id": "1",
            "type": "comment",
            "limit": "50",
            "offset": "100",
        },
        answer=[GROUP],
        expect=models(podio.NotificationGroup, [GROUP]),
    ),
    Op(
        podio.NotificationGroup,
        "find",
        (31,),
        path="/notification/31/v2",
        answer=GROUP,
        expect=model(podio.NotificationGroup, GROUP),
    ),
    Op(
        podio.Notification,
        "find",
        (31,),
        path="/notification/31",
        answer=NOTE,
        expect=model(podio.Notification, NOTE),
    ),
    Op(
        podio.Notification,
        "inbox_new_count",
        path="/notification/inbox/new/count",
        answer={"new": 6},
        expect=equals(6),
    ),
    Op(
        podio.Notification,
        "mark_as_viewed",
        (31,),
        method="POST",
        path="/notification/31/viewed",
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Notification,
        "mark_as_viewed_by_ref",
        ("item", 42),
        method="POST",
        path="/notification/item/42/viewed",
        expect=equals(200),
    ),
    Op(
        podio.Notification,
        "mark_all_as_viewed",
        method="POST",
        path="/notification/viewed",
        expect=equals(200),
    ),
    Op(
        podio.Notification,
        "star",
        (31,),
        method="POST",
        path="/notification/31/star",
        expect=equals(200),
    ),
    Op(
        podio.Notification,
        "unstar",
        (31,),
        method="DELETE",
        path="/notification/31/star",
        status=204,
        expect=equals(204),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_groups_hold_typed_notifications(api: MockPodio) -> None:
    api.on("GET", "/notification/31/v2", GROUP)
    group = podio.NotificationGroup.find(31)
    note = (group.notifications or [])[0]
    assert type(note) is podio.Notification and note.notification_id == 31
    assert type(note.created_by) is podio.ByLine and note.viewed_on is None
    assert group.ref == {"type": "item", "id": 42} and group.link == "https://podio.com/x"


async def test_iter_all_pages_a_hundred_groups_at_a_time(api: MockPodio) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        count = max(0, min(100, 130 - offset))
        return httpx.Response(200, json=[{"context": {"n": offset + i}} for i in range(count)])

    api.on("GET", "/notification/", handler=answer)
    seen = [group.context["n"] async for group in podio.NotificationGroup.iter_all(viewed=False)]
    assert seen == list(range(130))
    assert [(c.params["offset"], c.params["limit"], c.params["viewed"]) for c in api.calls] == [
        ("0", "100", "0"),
        ("100", "100", "0"),
    ]
