"""Space invitations: inviting people into a space, and answering an invitation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._fields import without
from ._operation import Call, ClientArg, as_raw, as_status, instance, member, returns
from .contact import Contact
from .user import User

__all__ = ["SpaceInvitation"]

_MEMBERS_DOC = "https://developers.podio.com/doc/space-members"

# Keys an invitation reads back but never sends.
_READ_ONLY = ("space_id", "user", "inviter", "context", "activation_code")


class SpaceInvitation(Model):
    """An invitation to a space: who is invited (`users`, `profiles`, `mails`,
    `external_contacts`), with which `role`, and the message they get.

    Build one and `save` it (an invitation mail) or `save_member` it (added right away)::

        invite = podio.SpaceInvitation(space_id=12, role="regular", mails=["a@example.com"])
        if not invite.save():
            print(invite.error_message)
    """

    space_id: int | None = None
    role: str | None = None
    subject: str | None = None
    message: str | None = None
    notify: bool | None = None
    users: list[int] | None = None
    profiles: list[int] | None = None
    mails: list[str] | None = None
    external_contacts: dict[str, Any] | None = None
    external_user_invite: bool | None = None
    invite_context: str | None = None
    context_ref_type: str | None = None
    context_ref_id: int | None = None
    context: dict[str, Any] | None = None
    activation_code: int | None = None
    user: User | None = None
    inviter: Contact | None = None

    def _require_space_and_role(self) -> tuple[int, str]:
        if self.space_id is None or not self.role:
            raise ValueError("an invitation needs space_id and role before it can be sent")
        return self.space_id, self.role

    # -- inviting ----------------------------------------------------------------------------------

    @returns(as_raw, "POST", "/space/{space_id}/invite")
    def create(
        cls,
        space_id: int,
        role: str,
        attributes: Mapping[str, Any] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Invite people to a space by mail: ``{"users", "mails", "profiles", "message", ...}``.

        Returns Podio's answer.
        """
        return Call(path={"space_id": space_id}, json={**(attributes or {}), "role": role})

    acreate = create.twin()

    @returns(
        as_raw,
        "POST",
        "/space/{space_id}/member/",
        doc=f"{_MEMBERS_DOC}/add-member-to-space-1066259",
    )
    def create_member(
        cls,
        space_id: int,
        role: str,
        attributes: Mapping[str, Any] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Add people to a space: ``{"users", "profiles", "mails", "external_contacts",
        "message", "context_ref_type", "context_ref_id", "invite_context"}``.

        Podio answers 403 when the space's user limit is reached. Returns Podio's answer.
        """
        return Call(path={"space_id": space_id}, json={**(attributes or {}), "role": role})

    acreate_member = create_member.twin()

    @instance("POST", "/space/{space_id}/invite")
    def save(self, *, client: ClientArg = None) -> Call:
        """Send this invitation (by mail) for its space (`space_id`) and `role`."""
        space_id, role = self._require_space_and_role()
        return Call(path={"space_id": space_id}, json={**without(self, _READ_ONLY), "role": role})

    asave = save.twin()

    @instance(
        "POST", "/space/{space_id}/member/", doc=f"{_MEMBERS_DOC}/add-member-to-space-1066259"
    )
    def save_member(self, *, client: ClientArg = None) -> Call:
        """Add the people of this invitation to its space (`space_id`) with its `role`."""
        space_id, role = self._require_space_and_role()
        return Call(path={"space_id": space_id}, json={**without(self, _READ_ONLY), "role": role})

    asave_member = save_member.twin()

    # -- answering ---------------------------------------------------------------------------------

    @returns(as_raw, "POST", "/space/invite/accept")
    def accept(cls, invite_code: str, *, client: ClientArg = None) -> Call:
        """Accept an invitation with the code from its mail; returns Podio's answer."""
        return Call(json={"invite_code": invite_code})

    aaccept = accept.twin()

    @returns(as_raw, "POST", "/space/invite/decline")
    def decline(cls, invite_code: str, *, client: ClientArg = None) -> Call:
        """Decline an invitation with the code from its mail; returns Podio's answer."""
        return Call(json={"invite_code": invite_code})

    adecline = decline.twin()

    @member("GET", "/space/membership")
    def find_member(cls, invite_code: str, *, client: ClientArg = None) -> Call:
        """The invitation an invite code belongs to (a trusted-client call)."""
        return Call(basic_auth=True, params={"invite_code": invite_code})

    afind_member = find_member.twin()

    @returns(as_status, "DELETE", "/space/membership")
    def decline_member(cls, invite_code: str, *, client: ClientArg = None) -> Call:
        """Decline the invitation an invite code belongs to (a trusted-client call).

        Returns the HTTP status.
        """
        return Call(basic_auth=True, params={"invite_code": invite_code})

    adecline_member = decline_member.twin()

    @returns(as_raw, "POST", "/space/membership/claim")
    def claim_member(cls, invite_code: str, *, client: ClientArg = None) -> Call:
        """Take the invitation an invite code belongs to for the current user."""
        return Call(params={"invite_code": invite_code})

    aclaim_member = claim_member.twin()
