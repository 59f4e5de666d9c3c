"""Space members: every operation of the space members area, as a user calls it and as Podio
sees it."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._wire_people import AreModels, IsModel, Op, arun, error_body, op_id, run

# Trusted-client operations authenticate the API key, not a user.
BASIC = "Basic dGVzdC1jbGllbnQ6dGVzdC1zZWNyZXQ="

MEMBERSHIP = {
    "user": {"user_id": 5, "avatar": 123, "name": "Ann Smith"},
    "role": "regular",
    "invited_on": "2024-01-02 03:04:05",
    "started_on": "2024-01-03 03:04:05",
}
MEMBER_V2 = {
    "user": {"user_id": 5, "profile_id": 7, "name": "Ann Smith"},
    "profile": {"profile_id": 7, "user_id": 5, "name": "Ann Smith"},
    "employee": True,
    "role": "admin",
    "grants": 2,
}
INVITE = {"space_id": 2, "role": "light", "mails": ["new@example.com"], "message": "Join us"}
TOP = {
    "employee": {"profiles": [{"profile_id": 7, "name": "Ann"}], "total": 1},
    "external": {"profiles": [], "total": 0},
}


OPS = [
    Op(
        podio.Space,
        "join",
        "POST",
        "/space/2/join",
        args=(2,),
        answer={"role": "regular"},
        expect={"role": "regular"},
    ),
    Op(podio.Space, "leave", "POST", "/space/2/leave", args=(2,), status=204, expect=204),
    Op(
        podio.SpaceMember,
        "find",
        "GET",
        "/space/2/member/5",
        args=(2, 5),
        answer=MEMBERSHIP,
        expect=IsModel(podio.SpaceMember, MEMBERSHIP),
    ),
    Op(
        podio.SpaceMember,
        "find_membership",
        "GET",
        "/space/2/member/5/v2",
        args=(2, 5),
        answer=MEMBER_V2,
        expect=IsModel(podio.SpaceMember, MEMBER_V2),
    ),
    Op(
        podio.SpaceMember,
        "find_all",
        "GET",
        "/space/2/member/",
        args=(2,),
        answer=[MEMBERSHIP],
        expect=AreModels(podio.SpaceMember, [MEMBERSHIP]),
    ),
    Op(
        podio.SpaceMember,
        "find_all_for_space",
        "GET",
        "/space/2/member/v2/",
        args=(2,),
        kwargs={"member_type": "external", "query": "ann", "limit": 20, "offset": 40},
        query={"member_type": "external", "query": "ann", "limit": "20", "offset": "40"},
        answer=[MEMBER_V2],
        expect=AreModels(podio.SpaceMember, [MEMBER_V2]),
    ),
    Op(
        podio.SpaceMember,
        "find_all_ended",
        "GET",
        "/space/2/member/ended/",
        args=(2,),
        answer=[{**MEMBERSHIP, "ended_on": "2024-02-01 00:00:00"}],
        expect=AreModels(podio.SpaceMember, [{**MEMBERSHIP, "ended_on": "2024-02-01 00:00:00"}]),
    ),
    Op(
        podio.SpaceMember,
        "find_all_for_role",
        "GET",
        "/space/2/member/admin/",
        args=(2, "admin"),
        answer=[MEMBERSHIP],
        expect=AreModels(podio.SpaceMember, [MEMBERSHIP]),
    ),
    Op(
        podio.SpaceMember,
        "find_top_active",
        "GET",
        "/space/2/member/top_active/",
        args=(2,),
        kwargs={"limit": 4},
        query={"limit": "4"},
        answer=[{"profile_id": 7, "name": "Ann"}],
        expect=AreModels(podio.Contact, [{"profile_id": 7, "name": "Ann"}]),
    ),
    Op(
        podio.SpaceMember,
        "get_members_count",
        "GET",
        "/space/2/member/total",
        args=(2,),
        answer={"total": 12, "employee": 10},
        expect={"total": 12, "employee": 10},
    ),
    Op(
        podio.SpaceMember,
        "update_role",
        "PUT",
        "/space/2/member/5,6",
        args=(2, [5, 6], "admin"),
        json={"role": "admin"},
        status=204,
        expect=204,
    ),
    Op(
        podio.SpaceMember,
        "update_role",
        "PUT",
        "/space/2/member/5",
        args=(2, 5, "light"),
        json={"role": "light"},
        status=204,
        expect=204,
    ),
    Op(
        podio.SpaceMember,
        "end_membership",
        "DELETE",
        "/space/2/member/5",
        args=(2, 5),
        status=204,
        expect=204,
    ),
    Op(
        podio.SpaceMember,
        "request_membership",
        "POST",
        "/space/2/member_request/",
        args=(2,),
        status=204,
        expect=204,
    ),
    Op(
        podio.SpaceMember,
        "accept_membership_request",
        "POST",
        "/space/2/member_request/31/accept",
        args=(2, 31),
        status=204,
        expect=204,
    ),
    # -- invitations -------------------------------------------------------------------------------
    Op(
        podio.SpaceInvitation,
        "create",
        "POST",
        "/space/2/invite",
        args=(2, "regular", {"mails": ["new@example.com"], "message": "Hi"}),
        json={"mails": ["new@example.com"], "message": "Hi", "role": "regular"},
        answer={"invited": 1},
        expect={"invited": 1},
    ),
    Op(
        podio.SpaceInvitation,
        "create_member",
        "POST",
        "/space/2/member/",
        args=(2, "light", {"users": [5], "invite_context": "item"}),
        json={"users": [5], "invite_context": "item", "role": "light"},
        answer={"added": 1},
        expect={"added": 1},
    ),
    Op(
        lambda: podio.SpaceInvitation(INVITE),
        "save",
        "POST",
        "/space/2/invite",
        json={"role": "light", "mails": ["new@example.com"], "message": "Join us"},
        answer={"invited": 1},
        expect=True,
    ),
    Op(
        lambda: podio.SpaceInvitation(INVITE),
        "save_member",
        "POST",
        "/space/2/member/",
        json={"role": "light", "mails": ["new@example.com"], "message": "Join us"},
        answer={"added": 1},
        expect=True,
    ),
    Op(
        podio.SpaceInvitation,
        "accept",
        "POST",
        "/space/invite/accept",
        args=("inv-1",),
        json={"invite_code": "inv-1"},
        answer={"space_id": 2},
        expect={"space_id": 2},
    ),
    Op(
        podio.SpaceInvitation,
        "decline",
        "POST",
        "/space/invite/decline",
        args=("inv-1",),
        json={"invite_code": "inv-1"},
        status=204,
        expect=None,
    ),
    Op(
        podio.SpaceInvitation,
        "find_member",
        "GET",
        "/space/membership",
        auth=BASIC,
        args=("inv-1",),
        query={"invite_code": "inv-1"},
        answer={"space_id": 2, "role": "regular", "inviter": {"profile_id": 7, "name": "Ann"}},
        expect=IsModel(
            podio.SpaceInvitation,
            {"space_id": 2, "role": "regular", "inviter": {"profile_id": 7, "name": "Ann"}},
        ),
    ),
    Op(
        podio.SpaceInvitation,
        "decline_member",
        "DELETE",
        "/space/membership",
        auth=BASIC,
        args=("inv-1",),
        query={"invite_code": "inv-1"},
        status=204,
        expect=204,
    ),
    Op(
        podio.SpaceInvitation,
        "claim_member",
        "POST",
        "/space/membership/claim",
        args=("inv-1",),
        query={"invite_code": "inv-1"},
        answer={"space_id": 2},
        expect={"space_id": 2},
    ),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_a_membership_is_typed(api: MockPodio) -> None:
    api.on("GET", "/space/2/member/5/v2", MEMBER_V2)
    member = podio.SpaceMember.find_membership(2, 5)
    assert isinstance(member.user, podio.User) and isinstance(member.contact, podio.Contact)
    assert member.user_id == 5 and member.employee is True and member.grants == 2
    api.on("GET", "/space/2/member/5", MEMBERSHIP)
    member = podio.SpaceMember.find(2, 5)
    assert member.user_id == 5 and member.contact is None
    assert member.started_on == dt.datetime(2024, 1, 3, 3, 4, 5, tzinfo=dt.timezone.utc)


def test_top_contacts_become_contacts_and_keep_the_rest(api: MockPodio) -> None:
    api.on("GET", "/space/2/member/top/", TOP)
    top = podio.SpaceMember.find_top_contacts(2, limit=5)
    assert api.last.params == {"limit": "5"}
    assert [type(p) for p in top["employee"]["profiles"]] == [podio.Contact]
    assert top["employee"]["profiles"][0].name == "Ann" and top["employee"]["total"] == 1
    assert top["external"] == {"profiles": [], "total": 0}


def test_top_contacts_that_are_not_an_object_are_an_invalid_answer(api: MockPodio) -> None:
    api.on("GET", "/space/2/member/top/", [1, 2])
    with pytest.raises(podio.InvalidResponseError):
        podio.SpaceMember.find_top_contacts(2)


def test_an_invitation_needs_its_space_and_role(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="space_id and role"):
        podio.SpaceInvitation(space_id=2, mails=["a@example.com"]).save()
    with pytest.raises(ValueError, match="space_id and role"):
        podio.SpaceInvitation(role="regular").save_member()
    assert api.calls == []


def test_a_full_space_refuses_new_members_and_the_invitation_keeps_why(api: MockPodio) -> None:
    api.on("POST", "/space/2/member/", error_body("forbidden", "User limit reached"), status=403)
    invite = podio.SpaceInvitation(INVITE)
    assert invite.save_member() is False
    assert invite.error_message == "User limit reached"
    assert isinstance(invite.error, podio.ForbiddenError)


def test_iter_all_for_space_pages_with_podio_default_page(api: MockPodio) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        count = max(0, min(int(request.url.params["limit"]), 205 - offset))
        return httpx.Response(200, json=[{"user": {"user_id": offset + i}} for i in range(count)])

    api.on("GET", "/space/2/member/v2/", handler=answer)
    members = list(podio.SpaceMember.iter_all_for_space(2, query="a"))
    assert [m.user_id for m in members] == list(range(205))
    assert [c.params for c in api.calls] == [
        {"query": "a", "limit": "100", "offset": str(offset)} for offset in (0, 100, 200)
    ]


def test_a_user_id_sent_on_the_membership_itself_is_found(api: MockPodio) -> None:
    api.on("GET", "/space/2/member/", [{"user_id": 9, "role": "admin"}])
    (member,) = podio.SpaceMember.find_all(2)
    assert member.user_id == 9
    assert member.as_json() == {"user_id": 9, "role": "admin"}
