"""The signed-in user's status: account, profile, counters and flags in one call."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, member, returns
from .contact import Contact
from .user import User

__all__ = ["UserStatus"]

_DOC = "https://developers.podio.com/doc/users"


class UserStatus(Model):
    """What ``GET /user/status`` answers (objects.md, "User status").

    `user` is the account, `profile` the user's contact details (the Ruby gem calls it
    `contact`, which is kept as an alias), `properties` what this API client stored on the user.
    """

    user: User | None = None
    profile: Contact | None = None
    properties: dict[str, Any] | None = None
    referral: dict[str, Any] | None = None
    inbox_new: int | None = None
    message_unread_count: int | None = None
    calendar_code: str | None = None
    task_mail: str | None = None
    mailbox: str | None = None
    flags: list[str] | None = None
    betas: list[str] | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None

    @property
    def contact(self) -> Contact | None:
        """The user's profile (the Ruby gem's name for `profile`)."""
        return self.profile

    @member("GET", "/user/status", doc=f"{_DOC}/get-user-status-22480")
    def current(cls, *, client: ClientArg = None) -> Call:
        """The current user's status."""
        return Call()

    acurrent = current.twin()

    @returns(as_raw, "GET", "/user/status/1ux")
    def find_first_ux(cls, *, client: ClientArg = None) -> Call:
        """Where the user stands in Podio's first-use guide."""
        return Call()

    afind_first_ux = find_first_ux.twin()

    @returns(as_raw, "GET", "/user/status/1ux/space/{space_id}")
    def find_for_space(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Where the user stands in the first-use guide of a space."""
        return Call(path={"space_id": space_id})

    afind_for_space = find_for_space.twin()
