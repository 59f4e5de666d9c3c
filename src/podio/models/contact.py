"""Contacts: the profile of a Podio user or of a space contact, as the contacts API shows it."""

from __future__ import annotations

from collections.abc import Mapping

from .._response import Response
from ._id_list import IdOrIds, id_list
from ._operation import Call, ClientArg, as_model, as_model_list, instance, member, returns
from .profile import Profile

__all__ = ["Contact"]

_DOC = "https://developers.podio.com/doc/contacts"


def _contacts(response: Response) -> list[Contact]:
    """Podio answers a list of ids with a list, and a single id with one object."""
    if isinstance(response.body, Mapping):
        return [as_model(Contact)(response)]
    return as_model_list(Contact)(response)


class Contact(Profile):
    """A contact (objects.md, "Profile"): `type` is ``"user"`` for Podio users, ``"space"`` for
    contacts kept in a space, ``"connection"`` for contacts of linked accounts.

    Its id is `profile_id`, which every contact operation takes (the Ruby gem uses `user_id`,
    which space contacts do not have).
    """

    external_picture: str | None = None

    @returns(_contacts, "GET", "/contact/{profile_id}/v2", doc=f"{_DOC}/get-contact-s-22335")
    def find_all_by_ids(
        cls, profile_ids: IdOrIds, *, space_id: int | None = None, client: ClientArg = None
    ) -> Call:
        """Several contacts by profile id, in one call; always a list."""
        return Call(
            path={"profile_id": id_list(profile_ids, "profile_ids")},
            params={"space_id": space_id},
        )

    afind_all_by_ids = find_all_by_ids.twin()

    @returns(_contacts, "GET", "/contact/user/{user_id}", doc=f"{_DOC}/get-user-contact-60514")
    def find_all_for_users(cls, user_ids: IdOrIds, *, client: ClientArg = None) -> Call:
        """The contacts of several users, in one call; always a list."""
        return Call(path={"user_id": id_list(user_ids, "user_ids")})

    afind_all_for_users = find_all_for_users.twin()

    @member("POST", "/contact/linked_account/{linked_account_id}")
    def find_external(
        cls, linked_account_id: int, external_contact_id: str, *, client: ClientArg = None
    ) -> Call:
        """One contact of a linked account, by its id in the external address book."""
        return Call(
            path={"linked_account_id": linked_account_id},
            json={"external_contact_id": external_contact_id},
            idempotent=True,  # a lookup, safe to repeat
        )

    afind_external = find_external.twin()

    @instance("PUT", "/contact/{profile_id}", doc=f"{_DOC}/update-contact-60556")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this contact's details (Podio lets only space contacts be changed)."""
        return Call(path={"profile_id": self.profile_id}, json=self._attributes())

    aupdate = update.twin()
