"""Tags: adding, replacing and removing them, and the lookups by tag."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, models, run

TAGS = [{"text": "urgent", "count": 3}, {"text": "q3", "count": 1}]
TAGGED = [
    {
        "type": "item",
        "id": 42,
        "title": "Invoice",
        "link": "https://podio.com/x",
        "created_on": "2024-01-02 03:04:05",
    }
]

CASES = [
    Op(
        podio.Tag,
        "create",
        ("item", 42, ["urgent", "q3"]),
        method="POST",
        path="/tag/item/42/",
        body=["urgent", "q3"],
        expect=equals(None),
    ),
    Op(
        podio.Tag,
        "update",
        ("status", 8, []),
        method="PUT",
        path="/tag/status/8/",
        body=[],
        expect=equals(None),
    ),
    Op(
        podio.Tag,
        "delete",
        ("item", 42, "q3 & more"),
        method="DELETE",
        path="/tag/item/42/",
        query={"text": "q3 & more"},
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Tag,
        "find_by_app",
        (3,),
        {"limit": 5, "text": "ur"},
        path="/tag/app/3/",
        query={"limit": "5", "text": "ur"},
        answer=TAGS,
        expect=models(podio.Tag, TAGS),
    ),
    Op(
        podio.Tag,
        "find_top_by_app",
        (3,),
        {"limit": 2},
        path="/tag/app/3/top/",
        query={"limit": "2"},
        answer=["urgent", "q3"],
        expect=equals(["urgent", "q3"]),
    ),
    Op(
        podio.Tag,
        "find_by_space",
        (5,),
        path="/tag/space/5/",
        answer=TAGS,
        expect=models(podio.Tag, TAGS),
    ),
    Op(
        podio.Tag,
        "find_by_org",
        (4,),
        {"text": "q"},
        path="/tag/org/4/",
        query={"text": "q"},
        answer=TAGS,
        expect=models(podio.Tag, TAGS),
    ),
    Op(
        podio.Tag,
        "find_tagged_objects_on_app",
        (3, "urgent"),
        path="/tag/app/3/search/",
        query={"text": "urgent"},
        answer=TAGGED,
        expect=models(podio.TagSearch, TAGGED),
    ),
    Op(
        podio.Tag,
        "find_tagged_objects_on_space",
        (5, "urgent"),
        {"limit": 10},
        path="/tag/space/5/search/",
        query={"text": "urgent", "limit": "10"},
        answer=TAGGED,
        expect=models(podio.TagSearch, TAGGED),
    ),
    Op(
        podio.Tag,
        "find_tagged_objects_on_org",
        (4, "urgent"),
        path="/tag/org/4/search/",
        query={"text": "urgent"},
        answer=TAGGED,
        expect=models(podio.TagSearch, TAGGED),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_tagged_objects_are_typed(api: MockPodio) -> None:
    api.on("GET", "/tag/space/5/search/", TAGGED)
    found = podio.Tag.find_tagged_objects_on_space(5, "urgent")[0]
    assert found.id == 42 and found.type == "item" and found.created_on is not None


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: podio.Tag.create("item", 42, "urgent"), TypeError),  # a string, not a list
        (lambda: podio.Tag.update("item", 42, ["ok", ""]), ValueError),
        (lambda: podio.Tag.create("item", 42, ["ok", 7]), TypeError),  # type: ignore[list-item]
        (lambda: podio.Tag.delete("item", 42, ""), ValueError),
        (lambda: podio.Tag.find_tagged_objects_on_app(3, ""), ValueError),
    ],
)
def test_bad_tags_are_refused_before_sending(api: MockPodio, call: object, error: type) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]
    assert api.calls == []
