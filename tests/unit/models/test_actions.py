"""Actions: the one operation, and an action's typed attributes."""

from __future__ import annotations

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

ACTION = {
    "action_id": 12,
    "type": "app_created",
    "text": "created the app Leads",
    "data": {"app_id": 5},
    "created_on": "2024-05-01 10:00:00",
    "created_by": {"type": "user", "id": 1, "user_id": 1, "name": "Ann"},
    "created_via": {"id": 1, "auth_client_id": 1, "name": "Podio", "url": None, "display": False},
    "comments": [],
    "like_count": 0,
}
FIND = Case(podio.Action, "find", (12,), "GET", "/action/12", podio.Action(ACTION), answer=ACTION)


def test_find_sends_its_request_and_returns_an_action(api: MockPodio) -> None:
    check_sync(api, FIND)


async def test_afind_does_the_same(api: MockPodio) -> None:
    await check_async(api, FIND)


def test_an_action_is_typed() -> None:
    action = podio.Action.from_api(ACTION)
    assert isinstance(action.created_by, podio.ByLine) and action.created_by.name == "Ann"
    assert action.created_on is not None and action.created_on.hour == 10
    assert action.as_json() == ACTION
