"""Type-checked, never run: the public API as a caller sees it (mypy --strict)."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import podio


def sync_calls() -> None:
    client = podio.setup("id", "secret")
    assert_type(client, podio.Client)
    assert_type(podio.client, podio.Client)
    token = client.authenticate_with_credentials("me@example.com", "password")
    assert_type(token, podio.OAuthToken)
    response = podio.connection.get("/item/42")
    assert_type(response, podio.Response)
    assert_type(response.request_id, str | None)
    orgs = podio.Organization.find_all()
    assert_type(orgs, list[podio.Organization])
    status = podio.Status.create(23, {"value": "Hello"})
    assert_type(status, podio.Status)
    contact = podio.SpaceContact(space_id=1, name="The Dude")
    assert_type(contact.create(), bool)
    assert_type(contact.error_parameters, dict[str, Any])


class MyOrganization(podio.Organization):
    def shout(self) -> str:
        return (self.name or "").upper()


async def async_calls() -> None:
    orgs = await MyOrganization.afind_all()
    assert_type(orgs, list[MyOrganization])
    space = await podio.Space.afind(1, client=podio.Client())
    assert_type(space, podio.Space)
    response = await podio.connection.aget("/org/")
    assert_type(response, podio.Response)
    contact = podio.SpaceContact(space_id=1)
    assert_type(await contact.acreate(), bool)
