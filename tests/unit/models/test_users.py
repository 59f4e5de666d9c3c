"""Users: every operation of the users area, as a user calls it and as Podio sees it."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._wire_people import IsModel, Op, arun, op_id, run

# Trusted-client operations authenticate the API key, not a user.
BASIC = "Basic dGVzdC1jbGllbnQ6dGVzdC1zZWNyZXQ="

USER = {
    "user_id": 5,
    "profile_id": 7,
    "name": "Ann Smith",
    "mail": "ann@example.com",
    "mails": [
        {"mail": "ann@example.com", "verified": True, "primary": True, "disabled": False},
        {"mail": "ann@home.example", "verified": False, "primary": False, "disabled": False},
    ],
    "status": "active",
    "locale": "en_GB",
    "timezone": "Europe/Copenhagen",
    "flags": ["god"],
    "created_on": "2011-06-07 12:00:00",
    "activated_on": "2011-06-07 12:05:00",
    "profile": {"profile_id": 7, "user_id": 5, "name": "Ann Smith", "title": ["Pilot"]},
}
STATUS = {
    "user": {
        "user_id": 5,
        "mail": "ann@example.com",
        "status": "active",
        "locale": "en_GB",
        "timezone": "Europe/Copenhagen",
        "created_on": "2011-06-07 12:00:00",
        "activated_on": "2011-06-07 12:05:00",
        "invites": 3,
    },
    "profile": {"profile_id": 7, "user_id": 5, "name": "Ann Smith", "avatar": 123},
    "properties": {"theme": {"value": "dark"}},
    "referral": {"code": "abc", "status": "inactive"},
    "flags": ["new_ui"],
    "betas": [],
    "inbox_new": 2,
    "message_unread_count": 1,
    "calendar_code": "cal-1",
    "mailbox": "ann.smith",
    "task_mail": "tasks+ann@podio.com",
    "push": {"channel": "/user/5", "signature": "s", "timestamp": 1, "expires_in": 21600},
}
SETTINGS = {"digest": True, "message": False, "reminder": True, "push_notification": True}

OPS = [
    Op(podio.User, "current", "GET", "/user/", answer=USER, expect=IsModel(podio.User, USER)),
    Op(
        podio.User,
        "update",
        "PUT",
        "/user/",
        args=({"locale": "da_DK", "timezone": "Europe/Copenhagen"},),
        json={"locale": "da_DK", "timezone": "Europe/Copenhagen"},
        status=204,
        expect=204,
    ),
    Op(podio.User, "delete", "DELETE", "/user/", status=204, expect=204),
    Op(
        podio.User,
        "update_profile",
        "PUT",
        "/user/profile/",
        args=({"name": "Ann S.", "about": None},),
        json={"name": "Ann S.", "about": None},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "get_profile_field",
        "GET",
        "/user/profile/title",
        args=("title",),
        answer=["Pilot"],
        expect=["Pilot"],
    ),
    Op(
        podio.User,
        "update_profile_field",
        "PUT",
        "/user/profile/title",
        args=("title", ["Captain"]),
        json={"value": ["Captain"]},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "get_property",
        "GET",
        "/user/property/theme",
        args=("theme",),
        answer={"value": "dark"},
        expect="dark",
    ),
    Op(
        podio.User,
        "get_property_hash",
        "GET",
        "/user/property/theme",
        args=("theme",),
        answer={"value": "dark"},
        expect={"value": "dark"},
    ),
    Op(
        podio.User,
        "set_property",
        "PUT",
        "/user/property/theme",
        args=("theme", "dark"),
        json={"value": "dark"},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "set_property_hash",
        "PUT",
        "/user/property/layout",
        args=("layout", {"value": [1, 2], "updated": "today"}),
        json={"value": [1, 2], "updated": "today"},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "set_properties",
        "PUT",
        "/user/property/",
        args=({"theme": {"value": "dark"}, "size": {"value": 3}},),
        json={"theme": {"value": "dark"}, "size": {"value": 3}},
        status=204,
        expect=None,
    ),
    Op(
        podio.User,
        "remove_property",
        "DELETE",
        "/user/property/theme",
        args=("theme",),
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "get_notification_setting",
        "GET",
        "/user/setting/email/digest",
        args=("email", "digest"),
        answer={"value": False},
        expect=False,
    ),
    Op(
        podio.User,
        "update_notification_setting",
        "PUT",
        "/user/setting/mobile/message",
        args=("mobile", "message", True),
        json={"value": True},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "get_notification_settings",
        "GET",
        "/user/setting/email/",
        args=("email",),
        answer=SETTINGS,
        expect=IsModel(podio.EmailSubscriptionSetting, SETTINGS),
    ),
    Op(
        podio.User,
        "update_notification_settings",
        "PUT",
        "/user/setting/email/",
        args=("email", {"digest": False, "reminder": True}),
        json={"digest": False, "reminder": True},
        status=204,
        expect=204,
    ),
    Op(
        podio.EmailSubscriptionSetting,
        "find_for_user",
        "GET",
        "/user/5/setting/email/",
        args=(5, "email"),
        answer=SETTINGS,
        expect=IsModel(podio.EmailSubscriptionSetting, SETTINGS),
    ),
    Op(
        podio.User,
        "create",
        "POST",
        "/user/",
        auth=BASIC,
        args=({"mail": "new@example.com", "password": "pw", "name": "New"},),
        json={"mail": "new@example.com", "password": "pw", "name": "New"},
        answer={"user_id": 42},
        expect=IsModel(podio.User, {"user_id": 42}),
    ),
    Op(
        podio.User,
        "create_inactive",
        "POST",
        "/user/inactive/",
        auth=BASIC,
        args=({"mail": "later@example.com", "name": "Later"},),
        json={"mail": "later@example.com", "name": "Later"},
        answer={"user_id": 43},
        expect=IsModel(podio.User, {"user_id": 43}),
    ),
    Op(
        podio.User,
        "activate",
        "POST",
        "/user/activate_user",
        auth=BASIC,
        args=({"activation_code": "act-1", "password": "pw", "name": "Ann"},),
        json={"activation_code": "act-1", "password": "pw", "name": "Ann"},
        answer=USER,
        expect=IsModel(podio.User, USER),
    ),
    Op(
        podio.User,
        "mail_verification",
        "POST",
        "/user/mail_verification/",
        args=({"mail": "ann@home.example"},),
        json={"mail": "ann@home.example"},
        status=204,
        expect=None,
    ),
    Op(
        podio.User,
        "verify",
        "POST",
        "/user/mail_verification/ver-9",
        args=("ver-9",),
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "recover",
        "POST",
        "/user/recover_password",
        auth=BASIC,
        args=("ann@example.com",),
        json={"mail": "ann@example.com"},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "reset",
        "POST",
        "/user/reset_password",
        auth=BASIC,
        args=("n3w", "rec-1"),
        json={"password": "n3w", "recovery_code": "rec-1"},
        answer={"mail": "ann@example.com"},
        expect={"mail": "ann@example.com"},
    ),
    Op(
        podio.User,
        "resend_signup_email",
        "POST",
        "/user/resend_signup_email",
        args=("ann@example.com",),
        json={"mail": "ann@example.com"},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "merge",
        "POST",
        "/user/merge",
        args=("act-2",),
        json={"activation_code": "act-2"},
        status=204,
        expect=204,
    ),
    Op(
        podio.User,
        "can_request_call",
        "GET",
        "/user/request_call",
        answer={"requestable": True},
        expect=True,
    ),
    Op(podio.User, "request_call", "POST", "/user/request_call", status=204, expect=204),
    Op(
        podio.User,
        "get_sales_agent_profile",
        "GET",
        "/user/sales_agent",
        answer={"name": "Bob"},
        expect={"name": "Bob"},
    ),
    Op(
        podio.User,
        "internal_source",
        "GET",
        "/user/source",
        answer={"source": "web"},
        expect={"source": "web"},
    ),
    Op(
        podio.User,
        "source_tier",
        "GET",
        "/user/source/tier",
        answer={"tier": "plus"},
        expect={"tier": "plus"},
    ),
    Op(
        podio.UserStatus,
        "current",
        "GET",
        "/user/status",
        answer=STATUS,
        expect=IsModel(podio.UserStatus, STATUS),
    ),
    Op(
        podio.UserStatus,
        "find_first_ux",
        "GET",
        "/user/status/1ux",
        answer={"step": 2},
        expect={"step": 2},
    ),
    Op(
        podio.UserStatus,
        "find_for_space",
        "GET",
        "/user/status/1ux/space/2",
        args=(2,),
        answer={"step": 1},
        expect={"step": 1},
    ),
    Op(
        podio.ActivationStatus,
        "find",
        "GET",
        "/user/status/activation",
        auth=BASIC,
        args=("act-1",),
        query={"activation_code": "act-1"},
        answer={"user_id": 5, "status": "inactive", "has_valid_password": False},
        expect=IsModel(
            podio.ActivationStatus,
            {"user_id": 5, "status": "inactive", "has_valid_password": False},
        ),
    ),
    Op(
        podio.UserMail,
        "validate",
        "POST",
        "/user/mail_validation",
        auth=BASIC,
        args=("new@example.com",),
        json={"mail": "new@example.com"},
        answer={"valid": True},
        expect={"valid": True},
    ),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_user_status_nests_typed_user_and_profile(api: MockPodio) -> None:
    api.on("GET", "/user/status", STATUS)
    status = podio.UserStatus.current()
    assert isinstance(status.user, podio.User) and isinstance(status.profile, podio.Contact)
    assert status.contact is status.profile
    assert status.user.user_id == 5 and status.profile.profile_id == 7
    assert status.user.created_on == dt.datetime(2011, 6, 7, 12, tzinfo=dt.timezone.utc)
    assert status.properties == {"theme": {"value": "dark"}}
    assert status.inbox_new == 2 and status.flags == ["new_ui"]


def test_user_nests_its_mails_and_profile(api: MockPodio) -> None:
    api.on("GET", "/user/", USER)
    user = podio.User.current()
    assert user.mails is not None and all(isinstance(m, podio.UserMail) for m in user.mails)
    assert [m.mail for m in user.mails if m.primary] == ["ann@example.com"]
    assert isinstance(user.profile, podio.Contact) and user.profile.title == ["Pilot"]


def test_account_flows_send_the_client_credentials_before_anyone_signs_in(
    mock_podio: MockPodio,
) -> None:
    """Sign-up and recovery are trusted-client calls, made before a user token exists."""
    mock_podio.on("POST", "/user/recover_password", status=204)
    client = mock_podio.client(oauth_token=None)
    assert podio.User.recover("ann@example.com", client=client) == 204
    assert mock_podio.last.headers["authorization"].startswith("Basic ")


def test_passwords_never_show_in_a_repr() -> None:
    user = podio.User(mail="ann@example.com", old_password="0ld-s3cret", new_password="n3w-s3cret")
    shown = repr(user)
    assert "s3cret" not in shown and "password" not in shown
    assert "ann@example.com" in shown


def test_a_property_without_value_is_an_invalid_answer(api: MockPodio) -> None:
    api.on("GET", "/user/property/theme", {"unexpected": 1})
    with pytest.raises(podio.InvalidResponseError, match="value"):
        podio.User.get_property("theme")


# -- people-related lookups outside the users rows: connections and linked-account providers ----


def test_friends_are_removed_one_or_several_at_a_time(api: MockPodio) -> None:
    api.on("DELETE", "/friend/5,6", status=204)
    assert podio.Friend.delete([5, 6]) == 204
    assert api.last.raw_path == "/friend/5,6"


async def test_account_providers_are_listed(api: MockPodio) -> None:
    providers = [{"name": "google", "humanized_name": "Google", "capabilities": ["contacts"]}]
    api.on("GET", "/linked_account/provider/", providers)
    found = await podio.AccountProvider.afind_all(params={"capability": "contacts"})
    assert api.last.params == {"capability": "contacts"}
    assert [type(p) for p in found] == [podio.AccountProvider]
    assert [p.as_json() for p in found] == providers
