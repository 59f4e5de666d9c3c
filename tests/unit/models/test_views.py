"""Views: every operation, and both shapes Podio gives a view's filters."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

VIEW = {
    "view_id": 8,
    "name": "Open",
    "sort_by": "created_on",
    "sort_desc": True,
    "filters": [{"key": "status", "values": [1]}],
    "created_on": "2024-05-01 10:00:00",
    "created_by": {"type": "user", "id": 1, "user_id": 1, "name": "Ann"},
}
ATTRIBUTES = {"name": "Open", "filters": [{"key": "status", "values": [1]}]}

# One row per operation (and per notable variant); a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.View, "find", (8,), "GET", "/view/8", podio.View(VIEW), answer=VIEW),
    Case(podio.View, "find", ("Open items", 5), "GET", "/view/app/5/Open%20items",
         podio.View(VIEW), answer=VIEW),
    Case(podio.View, "find_all", (5,), "GET", "/view/app/5/", [podio.View(VIEW)],
         kwargs={"include_standard_views": True}, params={"include_standard_views": "1"},
         answer=[VIEW]),
    Case(podio.View, "find_last", (5,), "GET", "/view/app/5/last", podio.View(VIEW),
         answer=VIEW),
    Case(podio.View, "create", (5, ATTRIBUTES), "POST", "/view/app/5/", podio.View(view_id=9),
         body=ATTRIBUTES, answer={"view_id": 9}),
    Case(podio.View, "update", (8, ATTRIBUTES), "PUT", "/view/8", 204, body=ATTRIBUTES,
         status=204),
    Case(podio.View, "update_last", (5, ATTRIBUTES), "PUT", "/view/app/5/last", 204,
         body=ATTRIBUTES, status=204),
    Case(podio.View, "delete", (8,), "DELETE", "/view/8", 204, status=204),
    Case(podio.View, "make_default", (8,), "POST", "/view/8/default", 204, status=204),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


def test_a_view_is_typed_and_keeps_either_filter_shape() -> None:
    view = podio.View.from_api(VIEW)
    assert view.view_id == 8 and view.sort_desc is True
    assert isinstance(view.created_by, podio.ByLine) and view.created_on is not None
    assert view.filters == [{"key": "status", "values": [1]}]
    legacy = podio.View.from_api({"view_id": 1, "filters": {"status": [1]}})
    assert legacy.filters == {"status": [1]}
    assert legacy.as_json() == {"view_id": 1, "filters": {"status": [1]}}
