"""Contacts: every operation of the contacts area, as a user calls it and as Podio sees it."""

from __future__ import annotations

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._wire_people import AreModels, IsModel, Op, arun, error_body, op_id, run

ANN = {
    "profile_id": 7,
    "user_id": 5,
    "type": "user",
    "name": "Ann Smith",
    "mail": ["ann@example.com"],
    "title": ["Pilot"],
    "birthdate": "1980-02-29",
    "last_seen_on": "2024-05-01 10:20:30",
    "link": "https://podio.com/users/5",
    "rights": ["view"],
}
DUDE = {"profile_id": 8, "type": "space", "name": "The Dude", "space_id": 2, "phone": ["555"]}
VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Smith\r\nEND:VCARD\r\n"


def _assert_created(contact: podio.SpaceContact, profile_id: int) -> None:
    assert contact.profile_id == profile_id and contact.persisted and contact.error is None


OPS = [
    Op(
        podio.Contact,
        "find",
        "GET",
        "/contact/7/v2",
        args=(7,),
        kwargs={"space_id": 2},
        query={"space_id": "2"},
        answer=ANN,
        expect=IsModel(podio.Contact, ANN),
    ),
    Op(
        podio.Profile,
        "find",
        "GET",
        "/contact/7/v2",
        args=(7,),
        answer=ANN,
        expect=IsModel(podio.Profile, ANN),
    ),
    Op(
        podio.Contact,
        "find_all_by_ids",
        "GET",
        "/contact/7,8/v2",
        args=([7, 8],),
        answer=[ANN, DUDE],
        expect=AreModels(podio.Contact, [ANN, DUDE]),
    ),
    Op(
        podio.Contact,
        "find_all_by_ids",
        "GET",
        "/contact/7/v2",
        args=([7],),
        answer=ANN,
        expect=AreModels(podio.Contact, [ANN]),
    ),
    Op(
        podio.Contact,
        "find_for_user",
        "GET",
        "/contact/user/5",
        args=(5,),
        answer=ANN,
        expect=IsModel(podio.Contact, ANN),
    ),
    Op(
        podio.Contact,
        "find_all_for_users",
        "GET",
        "/contact/user/5,6",
        args=((5, 6),),
        answer=[ANN],
        expect=AreModels(podio.Contact, [ANN]),
    ),
    Op(
        podio.Contact,
        "get_field_for_user",
        "GET",
        "/contact/user/5/mail",
        args=(5, "mail"),
        answer=["ann@example.com"],
        expect=["ann@example.com"],
    ),
    Op(
        podio.Contact,
        "vcard",
        "GET",
        "/contact/7/vcard",
        args=(7,),
        answer=VCARD,
        headers={"content-type": "text/x-vcard; charset=utf-8"},
        expect=VCARD,
    ),
    Op(
        podio.Contact,
        "all",
        "GET",
        "/contact/",
        kwargs={
            "contact_type": "user,space",
            "exclude_self": False,
            "filters": {"mail": "ann@"},
            "limit": 10,
        },
        query={
            "mail": "ann@",
            "contact_type": "user,space",
            "exclude_self": "0",
            "limit": "10",
        },
        answer=[ANN, DUDE],
        expect=AreModels(podio.Contact, [ANN, DUDE]),
    ),
    Op(
        podio.Contact,
        "find_all_for_space",
        "GET",
        "/contact/space/2",
        args=(2,),
        kwargs={"order": "name", "type": "full", "offset": 20},
        query={"order": "name", "type": "full", "offset": "20"},
        answer=[DUDE],
        expect=AreModels(podio.Contact, [DUDE]),
    ),
    Op(
        podio.Profile,
        "find_all_for_org",
        "GET",
        "/contact/org/3",
        args=(3,),
        kwargs={"required": "mail,phone", "external_id": "crm-1"},
        query={"required": "mail,phone", "external_id": "crm-1"},
        answer=[ANN],
        expect=AreModels(podio.Profile, [ANN]),
    ),
    Op(
        podio.SpaceContact,
        "find_all_for_app",
        "GET",
        "/contact/app/4/",
        args=(4,),
        kwargs={"filters": {"name": "Dude"}, "limit": 5},
        query={"name": "Dude", "limit": "5"},
        answer=[DUDE],
        expect=AreModels(podio.SpaceContact, [DUDE]),
    ),
    Op(
        podio.Contact,
        "find_all_for_linked_account",
        "GET",
        "/contact/linked_account/9",
        args=(9,),
        kwargs={"params": {"query": "ann"}},
        query={"query": "ann"},
        answer=[ANN],
        expect=AreModels(podio.Contact, [ANN]),
    ),
    Op(
        podio.Contact,
        "find_external",
        "POST",
        "/contact/linked_account/9",
        args=(9, "ext-1"),
        json={"external_contact_id": "ext-1"},
        answer={"name": "Ann", "external_id": "ext-1", "type": "connection"},
        expect=IsModel(
            podio.Contact, {"name": "Ann", "external_id": "ext-1", "type": "connection"}
        ),
    ),
    Op(
        podio.Contact,
        "skills",
        "GET",
        "/contact/skill/",
        kwargs={"text": "py", "limit": 3},
        query={"text": "py", "limit": "3"},
        answer=["python", "pyramid"],
        expect=["python", "pyramid"],
    ),
    Op(
        podio.Contact,
        "totals_by_org",
        "GET",
        "/contact/totals/",
        answer={"3": 12},
        expect={"3": 12},
    ),
    Op(
        podio.Contact,
        "totals_by_org_and_space",
        "GET",
        "/contact/totals/v2/",
        answer={"orgs": []},
        expect={"orgs": []},
    ),
    Op(
        podio.Contact,
        "totals_v3",
        "GET",
        "/contact/totals/v3/",
        answer={"user": {"count": 4}},
        expect={"user": {"count": 4}},
    ),
    Op(
        podio.Contact,
        "totals_by_space_v2",
        "GET",
        "/contact/space/2/totals/space",
        args=(2,),
        answer={"total": 9},
        expect={"total": 9},
    ),
    Op(
        podio.Contact,
        "totals_for_space",
        "GET",
        "/contact/space/2/totals/",
        args=(2,),
        answer={"space": 3, "user": 6},
        expect={"space": 3, "user": 6},
    ),
    Op(
        podio.Profile,
        "create_space_contact",
        "POST",
        "/contact/space/2/",
        args=(2, {"name": "The Dude", "phone": ["555"]}),
        json={"name": "The Dude", "phone": ["555"]},
        answer={"profile_id": 8},
        expect={"profile_id": 8},
    ),
    Op(
        podio.Profile,
        "update_contact",
        "PUT",
        "/contact/8",
        args=(8, {"city": "Malibu"}),
        json={"city": "Malibu"},
        answer=None,
        status=204,
        expect=None,
    ),
    Op(
        podio.Profile,
        "update_contact_field",
        "PUT",
        "/contact/8/phone",
        args=(8, "phone", ["555", "556"]),
        json={"value": ["555", "556"]},
        answer=None,
        status=204,
        expect=None,
    ),
    Op(
        podio.Profile,
        "delete_contact",
        "DELETE",
        "/contact/8,9",
        args=([8, 9],),
        answer=None,
        status=204,
        expect=None,
    ),
    Op(
        lambda: podio.Contact(DUDE),
        "update",
        "PUT",
        "/contact/8",
        json={"name": "The Dude", "phone": ["555"]},
        answer=None,
        status=204,
        expect=True,
    ),
    Op(
        lambda: podio.SpaceContact(DUDE),
        "update",
        "PUT",
        "/contact/8",
        json={"name": "The Dude", "phone": ["555"]},
        answer=None,
        status=204,
        expect=True,
    ),
    Op(
        lambda: podio.SpaceContact(DUDE),
        "destroy",
        "DELETE",
        "/contact/8",
        answer=None,
        status=204,
        expect=True,
    ),
    Op(
        lambda: podio.SpaceContact(space_id=2, name="Walter"),
        "create",
        "POST",
        "/contact/space/2/",
        json={"name": "Walter"},
        answer={"profile_id": 10},
        expect=True,
        after=lambda contact: _assert_created(contact, 10),
    ),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_contacts_are_typed_and_keep_what_they_do_not_know(api: MockPodio) -> None:
    api.on("GET", "/contact/7/v2", {**ANN, "new_thing": {"x": 1}})
    ann = podio.Contact.find(7)
    assert ann.mail == ["ann@example.com"] and ann.birthdate is not None
    assert ann.birthdate.isoformat() == "1980-02-29"
    assert ann.last_seen_on is not None and ann.last_seen_on.tzinfo is not None
    assert ann.new_thing == {"x": 1}  # type: ignore[attr-defined]
    assert ann.id == 7 and ann == podio.Contact(profile_id=7)


def test_id_lists_are_checked_before_anything_is_sent(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="profile_ids"):
        podio.Profile.delete_contact([])
    with pytest.raises(TypeError, match="profile_ids"):
        podio.Contact.find_all_by_ids([1, "2"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="profile_ids"):
        podio.Contact.find_all_by_ids([True])
    assert api.calls == []


def test_an_instance_update_refused_by_podio_returns_false_and_keeps_the_error(
    api: MockPodio,
) -> None:
    api.on("PUT", "/contact/7", error_body("forbidden", "Only space contacts"), status=403)
    contact = podio.Contact(ANN)
    assert contact.update() is False
    assert contact.error_code == "forbidden"
    assert contact.error_message == "Only space contacts"
    assert isinstance(contact.error, podio.ForbiddenError)


def test_a_contact_without_profile_id_cannot_be_updated(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="profile_id"):
        podio.Contact(name="Nobody").update()
    assert api.calls == []


def _contact_pages(total: int) -> object:
    def answer(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        limit = int(request.url.params["limit"])
        ids = range(offset, min(offset + limit, total))
        return httpx.Response(200, json=[{"profile_id": i, "name": f"c{i}"} for i in ids])

    return answer


def test_iter_all_for_space_pages_through_every_contact(mock_podio: MockPodio) -> None:
    mock_podio.on("GET", "/contact/space/2", handler=_contact_pages(230))  # type: ignore[arg-type]
    client = mock_podio.client()
    contacts = list(podio.Contact.iter_all_for_space(2, contact_type="space", client=client))
    assert [c.profile_id for c in contacts] == list(range(230))
    assert all(type(c) is podio.Contact for c in contacts)
    assert [(c.params["offset"], c.params["limit"]) for c in mock_podio.calls] == [
        ("0", "100"),
        ("100", "100"),
        ("200", "100"),
    ]
    assert {c.params["contact_type"] for c in mock_podio.calls} == {"space"}


async def test_iter_all_stops_at_the_limit_asked_for(api: MockPodio) -> None:
    api.on("GET", "/contact/", handler=_contact_pages(1000))  # type: ignore[arg-type]
    seen = [c.profile_id async for c in podio.Contact.iter_all(offset=50, limit=120)]
    assert seen == list(range(50, 170))
    assert [(c.params["offset"], c.params["limit"]) for c in api.calls] == [
        ("50", "100"),
        ("150", "20"),
    ]


@pytest.mark.parametrize(
    ("method", "template"),
    [("GET", "/contact/org/{}"), ("GET", "/contact/app/{}/")],
    ids=["org", "app"],
)
def test_the_other_contact_lists_page_too(api: MockPodio, method: str, template: str) -> None:
    api.on(method, template.format(3), handler=_contact_pages(101))  # type: ignore[arg-type]
    pager = (
        podio.Contact.iter_all_for_org(3)
        if "org" in template
        else podio.Contact.iter_all_for_app(3, order="name")
    )
    assert len(list(pager)) == 101
    assert [c.params["offset"] for c in api.calls] == ["0", "100"]
