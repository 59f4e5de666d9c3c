"""Subscriptions: following objects, by reference or by subscription id."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, run

SUBSCRIPTION = {
    "subscription_id": 61,
    "started_on": "2024-01-02 03:04:05",
    "notifications": 4,
    "ref": {"type": "item", "id": 42},
}

CASES = [
    Op(
        podio.Subscription,
        "find",
        (61,),
        path="/subscription/61",
        answer=SUBSCRIPTION,
        expect=model(podio.Subscription, SUBSCRIPTION),
    ),
    Op(
        podio.Subscription,
        "find_by_reference",
        ("item", 42),
        path="/subscription/item/42",
        answer=SUBSCRIPTION,
        expect=model(podio.Subscription, SUBSCRIPTION),
    ),
    Op(
        podio.Subscription,
        "find_subscribers_by_reference",
        ("item", 42),
        path="/subscription/item/42/user",
        answer=[{"user_id": 1, "name": "Ann"}],
        expect=equals([{"user_id": 1, "name": "Ann"}]),
    ),
    Op(
        podio.Subscription,
        "create",
        ("item", 42),
        method="POST",
        path="/subscription/item/42",
        answer={"subscription_id": 61},
        expect=model(podio.Subscription, {"subscription_id": 61}),
    ),
    Op(
        podio.Subscription,
        "delete",
        (61,),
        method="DELETE",
        path="/subscription/61",
        status=204,
        expect=equals(None),
    ),
    Op(
        podio.Subscription,
        "delete_by_reference",
        ("task", 7),
        method="DELETE",
        path="/subscription/task/7",
        status=204,
        expect=equals(None),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_a_missing_subscription_raises_not_found(api: MockPodio) -> None:
    api.on(
        "GET",
        "/subscription/item/43",
        {"error": "not_found", "error_description": "Not subscribed"},
        status=404,
    )
    with pytest.raises(podio.NotFoundError):
        podio.Subscription.find_by_reference("item", 43)
