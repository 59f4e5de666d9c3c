"""Flows: every operation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

FLOW = {
    "flow_id": 6,
    "name": "Welcome",
    "type": "item.create",
    "config": {},
    "effects": [{"type": "task.create", "values": {"text": "Call"}}],
    "execution_count": 3,
}
ATTRIBUTES = {"name": "Welcome", "type": "item.create", "effects": []}
CAUSE = {"cause": {"type": "item.create"}, "effect": {"type": "task.create"}}
ATTRIBUTE_LIST = [{"attribute_id": "title", "label": "Title", "type": "text"}]

# One row per operation (and per notable variant); a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Flow, "find", (6,), "GET", "/flow/6", podio.Flow(FLOW), answer=FLOW),
    Case(podio.Flow, "find_all", ("app", 5), "GET", "/flow/app/5/", [podio.Flow(FLOW)],
         answer=[FLOW]),
    Case(podio.Flow, "create", ("app", 5, ATTRIBUTES), "POST", "/flow/app/5/",
         podio.Flow(flow_id=6), body=ATTRIBUTES, answer={"flow_id": 6}),
    Case(podio.Flow, "update", (6, {"name": "Hello"}), "PUT", "/flow/6", 204,
         body={"name": "Hello"}, status=204),
    Case(podio.Flow, "delete", (6,), "DELETE", "/flow/6", 204, status=204),
    Case(podio.Flow, "get_context", (6,), "GET", "/flow/6/context/",
         {"title": ATTRIBUTE_LIST[0]}, answer={"title": ATTRIBUTE_LIST[0]}),
    Case(podio.Flow, "get_possible_attributes", ("app", 5, CAUSE), "POST",
         "/flow/app/5/attributes/", ATTRIBUTE_LIST, body=CAUSE, answer=ATTRIBUTE_LIST),
    Case(podio.Flow, "get_effect_attributes", ("app", 5), "POST",
         "/flow/app/5/effect/attributes", ATTRIBUTE_LIST, answer=ATTRIBUTE_LIST),
    Case(podio.Flow, "get_effect_attributes", ("app", 5, {"type": "task.create"}), "POST",
         "/flow/app/5/effect/attributes", ATTRIBUTE_LIST, body={"type": "task.create"},
         answer=ATTRIBUTE_LIST),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)
