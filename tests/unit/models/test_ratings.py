"""Ratings and likes on items and statuses."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, models, run

ALL = {"like": {"average": None, "counts": {"1": {"total": 2, "users": []}}}}
PROFILE = {"profile_id": 9, "user_id": 1, "name": "Ann"}

CASES = [
    Op(
        podio.Rating,
        "create",
        ("item", 42, "fivestar", 4),
        method="POST",
        path="/rating/item/42/fivestar",
        body={"value": 4},
        answer={"rating_id": 77},
        expect=model(podio.Rating, {"rating_id": 77, "type": "fivestar", "value": 4}),
    ),
    Op(
        podio.Rating,
        "find_all",
        ("status", 8),
        path="/rating/status/8",
        answer=ALL,
        expect=equals(ALL),
    ),
    Op(
        podio.Rating,
        "find_all_by_type",
        ("item", 42, "like"),
        path="/rating/item/42/like",
        answer=ALL["like"],
        expect=equals(ALL["like"]),
    ),
    Op(
        podio.Rating,
        "find",
        ("item", 42, "rsvp", 1),
        path="/rating/item/42/rsvp/1",
        answer={"value": 2},
        expect=equals(2),
    ),
    Op(
        podio.Rating,
        "find_own",
        ("item", 42, "thumbs"),
        path="/rating/item/42/thumbs/self",
        answer={"value": None},
        expect=equals(None),
    ),
    Op(
        podio.Rating,
        "delete",
        ("item", 42, "like"),
        method="DELETE",
        path="/rating/item/42/like",
        expect=equals(None),
    ),
    Op(
        podio.Rating,
        "like_count",
        ("status", 8),
        path="/rating/status/8/like_count",
        answer={"like_count": 12},
        expect=equals(12),
    ),
    Op(
        podio.Rating,
        "liked_by",
        ("status", 8),
        {"limit": 3},
        path="/rating/status/8/liked_by/",
        query={"limit": "3"},
        answer=[PROFILE],
        expect=models(podio.Profile, [PROFILE]),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_unknown_rating_types_and_values_are_refused_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="rating_type"):
        podio.Rating.create("item", 42, "stars", 4)
    with pytest.raises(TypeError, match="value"):
        podio.Rating.create("item", 42, "like", True)
    with pytest.raises(ValueError, match="rating_type"):
        podio.Rating.find_own("item", 42, "heart")
    assert api.calls == []
