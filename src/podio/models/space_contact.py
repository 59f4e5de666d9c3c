"""Space contacts: people kept in a space's contact list without being Podio users."""

from __future__ import annotations

from .._response import Response
from ._operation import Call, ClientArg, instance
from .profile import Profile

__all__ = ["SpaceContact"]

_DOC = "https://developers.podio.com/doc/contacts"


class SpaceContact(Profile):
    """A contact of a space; create one as an instance::

    contact = podio.SpaceContact(space_id=12, name="The Dude", birthdate=date(1976, 5, 1))
    if not contact.create():
        print(contact.error_code, contact.error_message, contact.error_parameters)
    """

    @instance("POST", "/contact/space/{space_id}/", doc=f"{_DOC}/create-space-contact-65590")
    def create(self, *, client: ClientArg = None) -> Call:
        """Create this contact in its space (`space_id`); sets `profile_id`."""
        if self.space_id is None:
            raise ValueError("a space contact needs space_id before it can be created")

        def take(response: Response) -> None:
            if isinstance(response.body, dict) and "profile_id" in response.body:
                self.profile_id = int(response.body["profile_id"])

        return Call(path={"space_id": self.space_id}, json=self._attributes(), after=take)

    acreate = create.twin()

    @instance("PUT", "/contact/{profile_id}", doc=f"{_DOC}/update-contact-60556")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this contact's details."""
        return Call(path={"profile_id": self.profile_id}, json=self._attributes())

    aupdate = update.twin()

    @instance("DELETE", "/contact/{profile_id}", doc=f"{_DOC}/delete-contact-s-60560")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this contact."""
        return Call(path={"profile_id": self.profile_id})

    adestroy = destroy.twin()
