"""Type-checked, never run: the organizations, spaces, members, users and contacts models as a
caller sees them (mypy --strict)."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import podio
from podio._pagination import Pager


def sync_calls() -> None:
    assert_type(podio.Organization.find(1), podio.Organization)
    assert_type(podio.Organization.create_org({"name": "Acme"}), int)
    assert_type(podio.Organization(name="Acme").create(), bool)
    assert_type(podio.Space.create({"name": "New Space", "org_id": 42}), Any)
    assert_type(podio.Space(org_id=42, name="New Space").save(), bool)
    assert_type(podio.Space.get_count(42), int)
    # Contact operations declared on Profile return the class they are called on.
    assert_type(podio.Contact.find_all_for_space(1), list[podio.Contact])
    assert_type(podio.SpaceContact.find(1), podio.SpaceContact)
    assert_type(podio.Contact.find_all_by_ids([1, 2]), list[podio.Contact])
    assert_type(podio.Contact.vcard(1), str)
    assert_type(podio.Contact.iter_all_for_org(1), Pager[podio.Contact])
    assert_type(
        podio.SpaceMember.iter_all_for_space(1, member_type="admin"), Pager[podio.SpaceMember]
    )
    assert_type(podio.OrganizationMember.iter_all_for_org(1), Pager[podio.OrganizationMember])
    assert_type(podio.SpaceMember.find_top_active(1), list[podio.Contact])
    status = podio.UserStatus.current()
    assert_type(status.user, podio.User | None)
    assert_type(status.contact, podio.Contact | None)
    assert_type(podio.User.get_notification_setting("email", "digest"), bool)
    assert_type(podio.User.get_notification_settings("email"), podio.EmailSubscriptionSetting)
    assert_type(podio.OAuth.verify_second_factor("nonce", "123456"), podio.OAuthToken)
    assert_type(podio.OAuthClient(name="Sync").create(), bool)


async def async_calls() -> None:
    assert_type(await podio.User.acurrent(), podio.User)
    assert_type(await podio.Space.aleave(1), int)
    assert_type(await podio.SpaceInvitation(space_id=1, role="light").asave(), bool)
    async for member in podio.SpaceMember.iter_all_for_space(1):
        assert_type(member, podio.SpaceMember)
