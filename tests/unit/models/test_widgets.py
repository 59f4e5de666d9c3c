"""Widgets on space, org and user dashboards."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

WIDGET = {
    "widget_id": 15,
    "ref_type": "space",
    "ref_id": 5,
    "type": "text",
    "title": "Welcome",
    "config": {"text": "Hello team"},
    "ref": {"type": "space", "id": 5},
    "rights": ["view", "update", "delete"],
    "data": None,
    "x": 0,
    "y": 2,
    "rows": 1,
    "cols": 2,
    "allowed_refs": [{"type": "space"}],
    "created_on": "2017-03-21 10:00:00",
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
}
NEW = {"type": "text", "title": "Welcome", "config": {"text": "Hello team"}}
W = podio.Widget

CASES = [
    Case(
        W,
        "create",
        ("space", 5, NEW),
        method="POST",
        path="/widget/space/5/",
        body=NEW,
        answer=WIDGET,
        kind=W,
    ),
    Case(
        W,
        "update",
        (15, {"title": "Hi"}),
        method="PUT",
        path="/widget/15",
        body={"title": "Hi"},
        answer={**WIDGET, "title": "Hi"},
        kind=W,
    ),
    Case(
        W, "delete", (15,), method="DELETE", path="/widget/15", answer=None, status=204, result=204
    ),
    Case(
        W,
        "update_order",
        ("user", 4, (15, 16, 14)),
        method="PUT",
        path="/widget/user/4/order",
        body=[15, 16, 14],
        answer=None,
        result=200,
    ),
    Case(W, "find", (15,), path="/widget/15", answer=WIDGET, kind=W),
    Case(W, "find_all", ("space", 5), path="/widget/space/5/", answer=[WIDGET], kind=W),
    Case(
        W,
        "find_all_for_reference",
        ("space", 5),
        path="/widget/space/5/display/",
        answer=[{**WIDGET, "data": {"text": "<p>Hello team</p>"}}],
        kind=W,
    ),
    Case(
        W,
        "clone",
        (15, {"type": "user", "id": 4}),
        method="POST",
        path="/widget/15/clone",
        body={"type": "user", "id": 4},
        answer={**WIDGET, "widget_id": 16},
        kind=W,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_widget_is_typed(api: MockPodio) -> None:
    api.on("GET", "/widget/15", WIDGET)
    widget = W.find(15)
    assert widget.id == 15 and (widget.x, widget.y, widget.rows, widget.cols) == (0, 2, 1, 2)
    assert widget.created_on == dt.datetime(2017, 3, 21, 10, tzinfo=dt.timezone.utc)
    assert isinstance(widget.created_by, podio.ByLine)
