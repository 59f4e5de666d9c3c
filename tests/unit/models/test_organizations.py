"""Organizations: every operation of the organizations area, as a user calls it and as Podio
sees it, and the real organization bodies surviving a round trip."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ...reference import sample
from ._wire_people import AreModels, IsModel, Op, arun, error_body, op_id, run

ORG = {
    "org_id": 3,
    "name": "Planet Express",
    "url": "https://podio.com/planetexpress",
    "url_label": "planetexpress",
    "logo": 17,
    "segment_size": 5,
    "created_on": "2011-06-07 12:00:00",
    "trial_expired_on": "2011-07-07",
}
MEMBER = {
    "user": {"user_id": 5, "mail": "ann@example.com"},
    "profile": {"profile_id": 7, "user_id": 5, "name": "Ann Smith"},
    "employee": True,
    "role": "admin",
    "tier": "gold",
    "spaces": {"invited": 1, "started": 4},
}
SPACE_MEMBER = {"space": {"space_id": 2, "name": "Intranet"}, "role": "regular"}
APPSTORE = {
    "org_id": 3,
    "name": "Planet Express",
    "mail": ["hi@example.com"],
    "about": "We deliver",
}
BILLING = {"org_id": 3, "name": "Hermes", "attention": "Accounting", "city": "New New York"}
SPACE = {"space_id": 2, "name": "Intranet", "url": "https://podio.com/planetexpress/intranet"}


def _assert_org_created(org: podio.Organization) -> None:
    assert (org.org_id, org.url_label) == (9, "mom")
    assert org.url == "https://podio.com/mom"


OPS = [
    Op(
        podio.Organization,
        "find_all",
        "GET",
        "/org/",
        answer=[ORG],
        expect=AreModels(podio.Organization, [ORG]),
    ),
    Op(
        podio.Organization,
        "find",
        "GET",
        "/org/3",
        args=(3,),
        answer=ORG,
        expect=IsModel(podio.Organization, ORG),
    ),
    Op(
        podio.Organization,
        "find_by_url",
        "GET",
        "/org/url",
        args=("https://podio.com/planetexpress",),
        query={"url": "https://podio.com/planetexpress"},
        answer=ORG,
        expect=IsModel(podio.Organization, ORG),
    ),
    Op(
        podio.Organization,
        "find_by_url_slug",
        "GET",
        "/org/url",
        args=("planetexpress",),
        query={"org_slug": "planetexpress"},
        answer=ORG,
        expect=IsModel(podio.Organization, ORG),
    ),
    Op(
        podio.Organization,
        "find_for_user",
        "GET",
        "/org/user/5/",
        args=(5,),
        answer=[ORG],
        expect=AreModels(podio.Organization, [ORG]),
    ),
    Op(
        podio.Organization,
        "find_all_shared_with",
        "GET",
        "/org/shared/5",
        args=(5,),
        answer=[ORG],
        expect=AreModels(podio.Organization, [ORG]),
    ),
    Op(
        podio.Organization,
        "create_org",
        "POST",
        "/org/",
        args=({"name": "Mom Corp"},),
        json={"name": "Mom Corp"},
        answer={"org_id": 9, "url": "https://podio.com/mom"},
        expect=9,
    ),
    Op(
        podio.Organization,
        "bootstrap",
        "POST",
        "/org/bootstrap",
        args=({"org_name": "Mom Corp", "space_name": "HQ"},),
        json={"org_name": "Mom Corp", "space_name": "HQ"},
        answer={"org_id": 9, "space_id": 10},
        expect={"org_id": 9, "space_id": 10},
    ),
    Op(
        podio.Organization,
        "update_org",
        "PUT",
        "/org/3",
        args=(3, {"name": "PE"}),
        json={"name": "PE"},
        status=204,
        expect=204,
    ),
    Op(podio.Organization, "delete", "DELETE", "/org/3", args=(3,), status=204, expect=204),
    Op(
        podio.Organization,
        "validate_url_label",
        "POST",
        "/org/url/validate",
        args=("planetexpress",),
        json={"url_label": "planetexpress"},
        answer={"valid": False, "message": "taken"},
        expect={"valid": False, "message": "taken"},
    ),
    Op(
        podio.Organization,
        "update_billing_profile",
        "PUT",
        "/org/3/billing",
        args=(3, {"attention": "Hermes"}),
        json={"attention": "Hermes"},
        status=204,
        expect=204,
    ),
    Op(
        podio.Organization,
        "upgrade",
        "POST",
        "/org/3/upgrade",
        args=(3,),
        answer={"ok": True},
        expect={"ok": True},
    ),
    Op(
        podio.Organization,
        "change_to_user_model",
        "POST",
        "/org/3/change_to_user_model",
        args=(3,),
        answer={"ok": True},
        expect={"ok": True},
    ),
    Op(
        podio.Organization,
        "get_login_report",
        "GET",
        "/org/3/report/login/",
        args=(3,),
        kwargs={"limit": 8, "offset": 0},
        query={"limit": "8", "offset": "0"},
        answer=[{"week": "2024-01", "users": 4, "active": 3}],
        expect=[{"week": "2024-01", "users": 4, "active": 3}],
    ),
    Op(
        podio.Organization,
        "get_reporting_data",
        "GET",
        "/org/3/report/metrics/",
        args=(3,),
        kwargs={"params": {"period": "month"}},
        query={"period": "month"},
        answer={"items": 10},
        expect={"items": 10},
    ),
    Op(
        podio.Organization,
        "get_statistics_v1",
        "GET",
        "/org/3/statistics",
        args=(3,),
        answer={"spaces": 2},
        expect={"spaces": 2},
    ),
    Op(
        podio.Organization,
        "get_statistics",
        "GET",
        "/org/3/statistics/v2",
        args=(3,),
        answer={"users": 4},
        expect={"users": 4},
    ),
    Op(
        podio.Organization,
        "get_stats",
        "GET",
        "/org/3/stats",
        args=(3,),
        answer={"apps": 5},
        expect={"apps": 5},
    ),
    Op(
        lambda: podio.Organization(name="Mom Corp", segment_size=10),
        "create",
        "POST",
        "/org/",
        json={"name": "Mom Corp", "segment_size": 10},
        answer={"org_id": 9, "url": "https://podio.com/mom", "url_label": "mom"},
        expect=True,
        after=_assert_org_created,
    ),
    Op(
        lambda: podio.Organization({**ORG, "rights": ["update"], "member_count": 4}),
        "update",
        "PUT",
        "/org/3",
        json={
            "name": "Planet Express",
            "logo": 17,
            "url_label": "planetexpress",
            "segment_size": 5,
        },
        status=204,
        expect=True,
    ),
    Op(lambda: podio.Organization(ORG), "destroy", "DELETE", "/org/3", status=204, expect=True),
    # -- members ---------------------------------------------------------------------------------
    Op(
        podio.OrganizationMember,
        "find",
        "GET",
        "/org/3/member/5",
        args=(3, 5),
        answer=MEMBER,
        expect=IsModel(podio.OrganizationMember, MEMBER),
    ),
    Op(
        podio.OrganizationMember,
        "find_all_for_org",
        "GET",
        "/org/3/member/",
        args=(3,),
        kwargs={"member_type": "admin", "sort_by": "last_seen_on", "sort_desc": True, "limit": 10},
        query={
            "member_type": "admin",
            "sort_by": "last_seen_on",
            "sort_desc": "1",
            "limit": "10",
        },
        answer=[MEMBER],
        expect=AreModels(podio.OrganizationMember, [MEMBER]),
    ),
    Op(
        podio.OrganizationMember,
        "search",
        "GET",
        "/org/3/member/search/",
        args=(3, "ann"),
        kwargs={"params": {"limit": 5}},
        query={"query": "ann", "limit": "5"},
        answer=[MEMBER],
        expect=AreModels(podio.OrganizationMember, [MEMBER]),
    ),
    Op(
        podio.OrganizationMember,
        "export",
        "GET",
        "/org/3/member/export",
        args=(3,),
        answer=[{"mail": "ann@example.com"}],
        expect=[{"mail": "ann@example.com"}],
    ),
    Op(
        podio.OrganizationMember,
        "delete",
        "DELETE",
        "/org/3/member/5",
        args=(3, 5),
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationMember,
        "delete_role",
        "DELETE",
        "/org/3/member/5/role",
        args=(3, 5),
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationMember, "leave", "POST", "/org/3/leave", args=(3,), status=204, expect=204
    ),
    Op(
        podio.OrganizationMember,
        "make_admin",
        "POST",
        "/org/3/admin/",
        args=(3, 5),
        json={"user_id": 5},
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationMember,
        "remove_admin",
        "DELETE",
        "/org/3/admin/5",
        args=(3, 5),
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationMember,
        "change_membership",
        "PUT",
        "/org/3/membership-type",
        args=(3, 5, "external"),
        json={"user_id": 5, "user_type": "external"},
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationMembership,
        "find_all_for_user",
        "GET",
        "/org/user/5/membership/",
        args=(5,),
        answer=[{"org": {"org_id": 3, "name": "PE"}, "employee": True, "tier": "gold"}],
        expect=AreModels(
            podio.OrganizationMembership,
            [{"org": {"org_id": 3, "name": "PE"}, "employee": True, "tier": "gold"}],
        ),
    ),
    Op(
        podio.User,
        "find_all_admins_for_org",
        "GET",
        "/org/3/admin/",
        args=(3,),
        answer=[{"user_id": 5, "name": "Ann"}],
        expect=AreModels(podio.User, [{"user_id": 5, "name": "Ann"}]),
    ),
    Op(
        podio.SpaceMember,
        "find_memberships_for_user_in_org",
        "GET",
        "/org/3/member/5/space_member/",
        args=(3, 5),
        answer=[SPACE_MEMBER],
        expect=AreModels(podio.SpaceMember, [SPACE_MEMBER]),
    ),
    Op(
        podio.Space,
        "find_all_for_org",
        "GET",
        "/org/3/space/",
        args=(3,),
        answer=[SPACE],
        expect=AreModels(podio.Space, [SPACE]),
    ),
    Op(
        podio.Space,
        "find_all_spaces_for_org",
        "GET",
        "/org/3/all_spaces/",
        args=(3,),
        kwargs={"params": {"limit": 50}},
        query={"limit": "50"},
        answer=[SPACE],
        expect=AreModels(podio.Space, [SPACE]),
    ),
    # -- app store profile and billing contact -----------------------------------------------------
    Op(
        podio.OrganizationProfile,
        "find",
        "GET",
        "/org/3/appstore",
        args=(3,),
        answer=APPSTORE,
        expect=IsModel(podio.OrganizationProfile, APPSTORE),
    ),
    Op(
        podio.OrganizationProfile,
        "create_profile",
        "POST",
        "/org/3/appstore",
        args=(3, {"name": "PE"}),
        json={"name": "PE"},
        answer={"profile_id": 77},
        expect={"profile_id": 77},
    ),
    Op(
        podio.OrganizationProfile,
        "update_profile",
        "PUT",
        "/org/3/appstore",
        args=(3, {"about": "Fast"}),
        json={"about": "Fast"},
        status=204,
        expect=204,
    ),
    Op(
        podio.OrganizationProfile,
        "delete",
        "DELETE",
        "/org/3/appstore",
        args=(3,),
        status=204,
        expect=204,
    ),
    Op(
        lambda: podio.OrganizationProfile(APPSTORE),
        "create",
        "POST",
        "/org/3/appstore",
        json={"name": "Planet Express", "mail": ["hi@example.com"], "about": "We deliver"},
        answer={"profile_id": 77},
        expect=True,
    ),
    Op(
        lambda: podio.OrganizationProfile(APPSTORE),
        "update",
        "PUT",
        "/org/3/appstore",
        json={"name": "Planet Express", "mail": ["hi@example.com"], "about": "We deliver"},
        status=204,
        expect=True,
    ),
    Op(
        lambda: podio.OrganizationProfile(APPSTORE),
        "destroy",
        "DELETE",
        "/org/3/appstore",
        status=204,
        expect=True,
    ),
    Op(
        podio.OrganizationContact,
        "find_for_org",
        "GET",
        "/org/3/billing",
        args=(3,),
        answer=BILLING,
        expect=IsModel(podio.OrganizationContact, BILLING),
    ),
    Op(
        lambda: podio.OrganizationContact(BILLING),
        "save",
        "PUT",
        "/org/3/billing",
        json={"name": "Hermes", "attention": "Accounting", "city": "New New York"},
        status=204,
        expect=True,
    ),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


@pytest.mark.parametrize("name", ["org-list.json", "org-list-2011.json"])
def test_real_organization_lists_round_trip(api: MockPodio, name: str) -> None:
    body = sample(name)
    api.on("GET", "/org/", body)
    orgs = podio.Organization.find_all()
    assert [org.as_json() for org in orgs] == body
    assert all(isinstance(org.org_id, int) and org.name and org.url for org in orgs)


def test_organization_attributes_are_typed(api: MockPodio) -> None:
    api.on("GET", "/org/3", ORG)
    org = podio.Organization.find(3)
    assert org.created_on == dt.datetime(2011, 6, 7, 12, tzinfo=dt.timezone.utc)
    assert org.trial_expired_on == dt.date(2011, 7, 7)
    assert org.id == 3 and org.persisted


def test_members_nest_their_account_and_profile(api: MockPodio) -> None:
    api.on("GET", "/org/3/member/5", MEMBER)
    member = podio.OrganizationMember.find(3, 5)
    assert isinstance(member.user, podio.User) and isinstance(member.profile, podio.Contact)
    assert member.contact is member.profile and member.user_id == 5
    assert member.spaces == {"invited": 1, "started": 4}


def test_end_member_info_turns_the_affected_memberships_into_models(api: MockPodio) -> None:
    body = {"to_promote": [SPACE_MEMBER], "to_remove": [], "to_delete": [SPACE_MEMBER], "x": 1}
    api.on("GET", "/org/3/member/5/end_member_info", body)
    info = podio.OrganizationMember.delete_info(3, 5)
    assert [type(m) for m in info["to_promote"] + info["to_delete"]] == [podio.SpaceMember] * 2
    assert info["to_promote"][0].space.name == "Intranet"
    assert info["to_remove"] == [] and info["x"] == 1


def test_membership_kind_is_checked_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="user_type"):
        podio.OrganizationMember.change_membership(3, 5, "boss")
    assert api.calls == []


def test_an_update_refused_by_podio_returns_false_and_keeps_the_error(api: MockPodio) -> None:
    api.on("PUT", "/org/3", error_body("invalid_value", "Name too long", field="name"), status=400)
    org = podio.Organization(org_id=3, name="x" * 300)
    assert org.update() is False
    assert isinstance(org.error, podio.BadRequestError)
    assert (org.error_code, org.error_parameters) == ("invalid_value", {"field": "name"})
    assert api.last.json == {"name": "x" * 300}


def test_an_organization_without_id_cannot_be_updated_or_destroyed(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="org_id"):
        podio.Organization(name="New").update()
    with pytest.raises(ValueError, match="org_id"):
        podio.Organization(name="New").destroy()
    assert api.calls == []


def test_iter_all_for_org_pages_through_every_member(api: MockPodio) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        count = max(0, min(100, 150 - offset))
        users = [{"user": {"user_id": offset + i}} for i in range(count)]
        return httpx.Response(200, json=users)

    api.on("GET", "/org/3/member/", handler=answer)
    members = list(podio.OrganizationMember.iter_all_for_org(3, member_type="employee"))
    assert [m.user_id for m in members] == list(range(150))
    assert [(c.params["offset"], c.params["member_type"]) for c in api.calls] == [
        ("0", "employee"),
        ("100", "employee"),
    ]
