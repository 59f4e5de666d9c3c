"""References: every operation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

REFERENCE = {
    "type": "item",
    "id": 42,
    "title": "Hello",
    "link": "https://podio.com/acme/sales/apps/leads/items/1",
    "data": {"item_id": 42},
    "created_on": "2024-05-01 10:00:00",
    "created_by": {"type": "user", "id": 1, "user_id": 1, "name": "Ann"},
    "created_via": {"id": 1, "auth_client_id": 1, "name": "Podio", "url": None, "display": False},
}
PROFILE = {"profile_id": 3, "user_id": 1, "name": "Ann"}
GROUPS = [{"name": "Leads", "data": {"app_id": 5}, "contents": [{"id": 42, "title": "Hello"}]}]

# One row per operation (and per notable variant); a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Reference, "find", ("item", 42), "GET", "/reference/item/42",
         podio.Reference(REFERENCE),
         kwargs={"accessor_count": True, "context_id": 5, "context_type": "app"},
         params={"accessor_count": "1", "context_id": "5", "context_type": "app"},
         answer=REFERENCE),
    Case(podio.Reference, "resolve", ("https://podio.com/acme/sales/apps/leads/items/1",),
         "GET", "/reference/resolve", podio.Reference(REFERENCE),
         params={"url": "https://podio.com/acme/sales/apps/leads/items/1"}, answer=REFERENCE),
    Case(podio.Reference, "search", ("item_field", "hel", 10, {"field_id": 9}, "title"),
         "POST", "/reference/search", GROUPS,
         body={"target": "item_field", "text": "hel", "limit": 10,
               "target_params": {"field_id": 9}, "subfield": "title"},
         answer=GROUPS),
    Case(podio.Reference, "search", ("alert", "an"), "POST", "/reference/search", GROUPS,
         body={"target": "alert", "text": "an"}, answer=GROUPS),
    Case(podio.Reference, "find_users_with_access", ("item", 42), "GET",
         "/reference/item/42/accessible_by/", [podio.Profile(PROFILE)],
         kwargs={"limit": 5, "offset": 10}, params={"limit": "5", "offset": "10"},
         answer=[PROFILE]),
    Case(podio.Reference, "count_users_with_access", ("item", 42), "GET",
         "/reference/item/42/accessible_by/count", 7, answer={"count": 7}),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


def test_a_reference_is_typed() -> None:
    found = podio.Reference.from_api(REFERENCE)
    assert (found.type, found.id, found.title) == ("item", 42, "Hello")
    assert isinstance(found.created_by, podio.ByLine) and isinstance(found.created_via, podio.Via)
    assert found.as_json() == REFERENCE
