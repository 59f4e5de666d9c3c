"""The billing contact of an organization."""

from __future__ import annotations

from ._operation import Call, ClientArg, instance
from .profile import Profile

__all__ = ["OrganizationContact"]


class OrganizationContact(Profile):
    """The primary (billing) contact of an organization, a profile with the person to address.

    Fetch it with ``podio.OrganizationContact.find_for_org(org_id)``, change it, `save` it.
    """

    _id_field = "org_id"

    attention: str | None = None

    @instance("PUT", "/org/{org_id}/billing")
    def save(self, *, client: ClientArg = None) -> Call:
        """Save this billing contact on its organization (`org_id`)."""
        return Call(path={"org_id": self.org_id}, json=self._attributes())

    asave = save.twin()
