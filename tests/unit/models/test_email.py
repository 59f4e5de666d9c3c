"""Email: every operation of the email area, as a user calls it and as Podio sees it."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire_people import IsModel, Op, arun, op_id, run

SETTINGS = {"digest": True, "message": False, "reminder": True, "bulletin": False}
APP_MAIL = {"attachments": True, "mappings": {"subject": 101, "body": 102}}
CONTACT = {"name": "support", "mail": "support+123@podio.com"}
VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:support\r\nEND:VCARD\r\n"
VCARD_SPACE = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Søren's space\r\nEND:VCARD\r\n"

OPS = [
    Op(
        podio.ApplicationEmail,
        "get_app_configuration",
        "GET",
        "/email/app/4",
        args=(4,),
        answer=APP_MAIL,
        expect=IsModel(podio.ApplicationEmail, APP_MAIL),
    ),
    Op(
        podio.ApplicationEmail,
        "update_app_configuration",
        "PUT",
        "/email/app/4",
        args=(4, {"attachments": False}),
        json={"attachments": False},
        status=204,
        expect=None,
    ),
    Op(
        podio.EmailContact,
        "get_global",
        "GET",
        "/email/contact/support",
        args=("support",),
        answer=CONTACT,
        expect=IsModel(podio.EmailContact, CONTACT),
    ),
    Op(
        podio.EmailContact,
        "get_ref",
        "GET",
        "/email/contact/support/app/4",
        args=("support", "app", 4),
        answer=CONTACT,
        expect=IsModel(podio.EmailContact, CONTACT),
    ),
    Op(
        podio.EmailContact,
        "get_global_as_vcard",
        "GET",
        "/email/contact/support/vcard",
        args=("support",),
        answer=VCARD,
        headers={"content-type": "text/vcard"},
        expect=VCARD,
    ),
    Op(
        podio.EmailContact,
        "get_ref_as_vcard",
        "GET",
        "/email/contact/support/space/2/vcard",
        args=("support", "space", 2),
        answer=VCARD_SPACE.encode("latin-1"),
        headers={"content-type": "text/vcard; charset=latin-1"},
        expect=VCARD_SPACE,
    ),
    Op(
        podio.EmailContact,
        "export_global",
        "POST",
        "/email/contact/support/export",
        args=("support", 8),
        json={"linked_account_id": 8},
        answer={"exported": True},
        expect={"exported": True},
    ),
    Op(
        podio.EmailContact,
        "export_ref",
        "POST",
        "/email/contact/support/app/4/export",
        args=("support", "app", 4, 8),
        json={"linked_account_id": 8},
        answer={"exported": True},
        expect={"exported": True},
    ),
    Op(
        podio.EmailSubscriptionSetting,
        "get_groups",
        "GET",
        "/email/group/",
        answer=SETTINGS,
        expect=IsModel(podio.EmailSubscriptionSetting, SETTINGS),
    ),
    Op(
        podio.EmailSubscriptionSetting,
        "update_groups",
        "PUT",
        "/email/group/",
        args=({"digest": False},),
        json={"digest": False},
        status=204,
        expect=None,
    ),
    Op(
        podio.EmailSubscriptionSetting,
        "unsubscribe",
        "POST",
        "/email/unsubscribe/ann.smith",
        args=("ann.smith",),
        status=204,
        expect=204,
    ),
    Op(
        lambda: podio.EmailSubscriptionSetting(SETTINGS),
        "update",
        "PUT",
        "/email/group/",
        json=SETTINGS,
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


def test_mail_settings_are_changed_through_an_instance(api: MockPodio) -> None:
    api.on("GET", "/email/group/", SETTINGS)
    api.on("PUT", "/email/group/", status=204)
    settings = podio.EmailSubscriptionSetting.get_groups()
    settings.digest = False
    assert settings.update() is True
    assert api.last.json == {**SETTINGS, "digest": False}


def test_a_vcard_in_an_unknown_charset_still_reads_as_text(api: MockPodio) -> None:
    api.on(
        "GET",
        "/email/contact/support/vcard",
        VCARD.encode(),
        headers={"content-type": "text/vcard; charset=x-made-up"},
    )
    assert podio.EmailContact.get_global_as_vcard("support") == VCARD


def test_a_vcard_answered_as_json_is_an_invalid_answer(api: MockPodio) -> None:
    api.on("GET", "/email/contact/support/vcard", {"not": "a vcard"})
    with pytest.raises(podio.InvalidResponseError, match="text"):
        podio.EmailContact.get_global_as_vcard("support")
