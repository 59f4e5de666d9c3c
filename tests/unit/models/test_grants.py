"""Grants: access to single items and apps for people outside their space."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

GRANT = {
    "grant_id": 41,
    "ref_type": "item",
    "ref_id": 1,
    "ref": {"type": "item", "id": 1, "title": "Quarterly plan"},
    "action": "comment",
    "access_level": "view",
    "message": "Have a look",
    "rights": ["view", "comment"],
    "created_on": "2017-03-21 10:00:00",
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
    "user": {"profile_id": 9, "user_id": 5, "name": "Bob", "type": "user"},
}
PEOPLE = {"people": [{"type": "user", "id": 5}], "action": "comment", "message": "Have a look"}
G = podio.Grant

CASES = [
    Case(
        G,
        "create",
        ("item", 1, PEOPLE),
        method="POST",
        path="/grant/item/1",
        body=PEOPLE,
        answer={"grant_count": 1},
    ),
    Case(G, "find_own", ("app", 6), path="/grant/app/6/own", answer=GRANT, kind=G),
    Case(G, "find_own", ("app", 6), path="/grant/app/6/own", answer=None, status=204, result=None),
    Case(G, "find_all", ("item", 1), path="/grant/item/1/", answer=[GRANT], kind=G),
    Case(G, "delete", ("item", 1, 5), method="DELETE", path="/grant/item/1/5", answer=None),
    Case(
        G,
        "count_by_reference",
        ("item", 1),
        path="/grant/item/1/count",
        answer={"count": 2},
        result=2,
    ),
    Case(
        G, "find_for_user_on_space", (5, 9), path="/grant/space/5/user/9/", answer=[GRANT], kind=G
    ),
    Case(
        G,
        "find_for_user_on_space_by_ref",
        (5, "item", 9),
        path="/grant/space/5/item/user/9/",
        answer=[GRANT],
        kind=G,
    ),
    Case(
        G,
        "find_all_on_space_by_ref",
        (5, "app"),
        path="/grant/space/5/app/",
        answer=[GRANT],
        kind=G,
    ),
    Case(G, "find_own_on_org", (4,), path="/grant/org/4/own/", answer=[GRANT], kind=G),
    Case(
        G,
        "find_own_on_org_by_ref",
        (4, "item"),
        path="/grant/org/4/item/own/",
        answer=[GRANT],
        kind=G,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_grant_is_typed(api: MockPodio) -> None:
    api.on("GET", "/grant/item/1/own", GRANT)
    grant = G.find_own("item", 1)
    assert grant is not None and grant.id == 41 and grant.access_level == "view"
    assert isinstance(grant.user, podio.Profile) and grant.user.name == "Bob"
    assert isinstance(grant.created_by, podio.ByLine)
    assert grant.created_on == dt.datetime(2017, 3, 21, 10, tzinfo=dt.timezone.utc)


def test_save_creates_the_grant_on_its_object(api: MockPodio) -> None:
    api.on("POST", "/grant/item/1", {"grant_id": 41})
    grant = G(ref_type="item", ref_id=1, **PEOPLE)
    assert grant.save() is True
    assert api.last.path == "/grant/item/1" and api.last.json == PEOPLE
    assert grant.grant_id == 41 and grant.error is None


def test_save_keeps_podios_refusal(api: MockPodio) -> None:
    api.on(
        "POST",
        "/grant/item/1",
        {
            "error": "forbidden",
            "error_description": "Not allowed",
            "error_detail": None,
            "error_parameters": {},
            "error_propagate": False,
        },
        status=403,
    )
    grant = G(ref_type="item", ref_id=1, people=[{"type": "mail", "id": "x@example.com"}])
    assert grant.save() is False
    assert grant.error_code == "forbidden" and isinstance(grant.error, podio.ForbiddenError)


def test_save_without_its_object_fails_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="ref_type and ref_id"):
        G(people=[]).save()
    assert api.calls == []
