"""Search in every scope: the body each call posts, typed results, paging, click tracking."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, models, run

HIT = {
    "type": "item",
    "id": 42,
    "title": "Invoice 7",
    "rank": 1,
    "search_id": 900,
    "created_on": "2024-02-03 04:05:06",
    "created_by": {"type": "user", "id": 1, "name": "Ann"},
    "space": {"space_id": 5, "name": "Sales"},
    "org": {"org_id": 4, "name": "Acme"},
    "app": {"app_id": 3, "name": "Invoices"},
}
OPTIONS = {"ref_type": "item", "limit": 10, "offset": 20, "search_fields": ["title", "tags"]}
BODY = {"query": "invoice", **OPTIONS}

CASES = [
    Op(
        podio.Search,
        "globally",
        ("invoice",),
        OPTIONS,
        method="POST",
        path="/search/",
        body=BODY,
        answer=[HIT],
        expect=models(podio.Search, [HIT]),
    ),
    Op(
        podio.Search,
        "in_org",
        (4, "invoice"),
        OPTIONS,
        method="POST",
        path="/search/org/4/",
        body=BODY,
        answer=[HIT],
        expect=models(podio.Search, [HIT]),
    ),
    Op(
        podio.Search,
        "in_space",
        (5, "invoice"),
        {"highlights": True},
        method="POST",
        path="/search/space/5/",
        body={"query": "invoice", "highlights": True},
        answer=[HIT],
        expect=models(podio.Search, [HIT]),
    ),
    Op(
        podio.Search,
        "in_app",
        (3, "invoice"),
        method="POST",
        path="/search/app/3/",
        body={"query": "invoice"},
        answer=[],
        expect=models(podio.Search, []),
    ),
    Op(
        podio.Search,
        "in_app_and_space",
        (3, 5, "invoice"),
        method="POST",
        path="/search/app/3/space/5",
        body={"query": "invoice"},
        answer=[HIT],
        expect=models(podio.Search, [HIT]),
    ),
    Op(
        podio.Search,
        "register_click",
        (900, 1),
        method="POST",
        path="/search/900/1/clicked",
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


def test_results_are_typed(api: MockPodio) -> None:
    api.on("POST", "/search/", [HIT])
    hit = podio.Search.globally("invoice")[0]
    assert hit.id == 42 and hit.type == "item" and hit.search_id == 900
    assert type(hit.space) is podio.Space and type(hit.org) is podio.Organization
    assert type(hit.created_by) is podio.ByLine and hit.created_on is not None


def test_a_search_is_retried_after_a_dropped_connection_as_it_only_reads(
    api: MockPodio,
) -> None:
    attempts: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            raise httpx.ConnectError("dropped")
        return httpx.Response(200, json=[HIT])

    api.on("POST", "/search/space/5/", handler=flaky)
    assert [hit.id for hit in podio.Search.in_space(5, "invoice")] == [42]
    assert len(attempts) == 2


@pytest.mark.parametrize(
    ("pager", "path"),
    [
        (lambda: podio.Search.iter_globally("q", ref_type="task"), "/search/"),
        (lambda: podio.Search.iter_in_org(4, "q", ref_type="task"), "/search/org/4/"),
        (lambda: podio.Search.iter_in_space(5, "q", ref_type="task"), "/search/space/5/"),
        (lambda: podio.Search.iter_in_app(3, "q", ref_type="task"), "/search/app/3/"),
        (
            lambda: podio.Search.iter_in_app_and_space(3, 5, "q", ref_type="task"),
            "/search/app/3/space/5",
        ),
    ],
)
def test_iterators_page_twenty_results_at_a_time(api: MockPodio, pager: Any, path: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        import json

        sent = json.loads(request.content)
        first = sent["offset"]
        return httpx.Response(
            200, json=[{"type": "task", "id": i} for i in range(first, min(first + 20, 45))]
        )

    api.on("POST", path, handler=answer)
    assert [hit.id for hit in pager()] == list(range(45))
    assert [(c.raw_path, c.json) for c in api.calls] == [
        (path, {"query": "q", "ref_type": "task", "limit": 20, "offset": offset})
        for offset in (0, 20, 40)
    ]


def test_an_empty_query_is_refused_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="query"):
        podio.Search.globally("  ")
    with pytest.raises(ValueError, match="query"):
        podio.Search.iter_in_app(3, "")
    assert api.calls == []


def test_hits_are_told_apart_by_type_and_id() -> None:
    item = podio.Search(type="item", id=42, title="Invoice")
    task = podio.Search(type="task", id=42, title="Invoice")
    assert item != task and item == podio.Search.from_api({"type": "item", "id": 42})
    assert len({item, task, podio.Search(type="item", id=42)}) == 2
    assert podio.TagSearch(type="item", id=42) != item
