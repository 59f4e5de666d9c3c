"""Pins: objects pinned to the top of the user's navigation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

PIN = {"id": 6, "type": "app", "title": "Plans", "link": "https://podio.com/acme/plans/apps/plans"}
P = podio.Pin

CASES = [
    Case(P, "find_all", path="/pin/", answer=[PIN], kind=P),
    Case(P, "create", ("app", 6), method="POST", path="/pin/app/6", answer=PIN, kind=P),
    Case(
        P,
        "reorder",
        ("app", 6, 2),
        method="POST",
        path="/pin/app/6/reorder",
        body={"priority": 2},
        answer=None,
    ),
    Case(P, "delete", ("app", 6), method="DELETE", path="/pin/app/6", answer=None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_pin_names_the_object_it_points_to() -> None:
    pin = P.from_api(PIN)
    assert (pin.ref_type, pin.ref_id, pin.id) == ("app", 6, 6)
    assert pin.as_json() == PIN


def test_a_priority_must_be_an_int(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="priority"):
        P.reorder("app", 6, "2")  # type: ignore[arg-type]
    assert api.calls == []


def test_pins_compare_by_what_they_point_to() -> None:
    assert P(id=6, type="app") == P.from_api(PIN)
    assert P(id=6, type="space") != P.from_api(PIN)
