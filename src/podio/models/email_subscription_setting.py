"""Which mails and push notifications a user gets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, instance, member, returns

__all__ = ["EmailSubscriptionSetting"]

_DOC = "https://developers.podio.com/doc/email"


class EmailSubscriptionSetting(Model):
    """A user's notification switches, one boolean per kind (``digest``, ``message``...).

    Fetch the current user's with `get_groups`, change attributes, then `update`.
    """

    digest: bool | None = None
    bulletin: bool | None = None
    reference: bool | None = None
    message: bool | None = None
    reminder: bool | None = None
    space: bool | None = None
    subscription: bool | None = None
    user: bool | None = None
    push_notification: bool | None = None
    push_notification_sound: bool | None = None
    push_notification_browser: bool | None = None
    meeting_update_as_organizer: bool | None = None
    meeting_update: bool | None = None

    @member("GET", "/email/group/", doc=f"{_DOC}/get-groups-333977")
    def get_groups(cls, *, client: ClientArg = None) -> Call:
        """The current user's mail settings."""
        return Call()

    aget_groups = get_groups.twin()

    @member("GET", "/user/{user_id}/setting/{client_type}/")
    def find_for_user(cls, user_id: int, client_type: str, *, client: ClientArg = None) -> Call:
        """Another user's settings for a channel (`client_type` ``"email"`` or ``"mobile"``)."""
        return Call(path={"user_id": user_id, "client_type": client_type})

    afind_for_user = find_for_user.twin()

    @returns(as_raw, "PUT", "/email/group/", doc=f"{_DOC}/update-groups-333981")
    def update_groups(cls, settings: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Change some of the current user's mail settings: ``{"digest": False, ...}``."""
        return Call(json=dict(settings))

    aupdate_groups = update_groups.twin()

    @returns(
        as_status,
        "POST",
        "/email/unsubscribe/{username}",
        doc=f"{_DOC}/unsubscribe-from-all-304917",
    )
    def unsubscribe(cls, username: str, *, client: ClientArg = None) -> Call:
        """Stop every mail to a user (the link at the bottom of Podio's mails); returns the
        HTTP status."""
        return Call(path={"username": username})

    aunsubscribe = unsubscribe.twin()

    @instance("PUT", "/email/group/", doc=f"{_DOC}/update-groups-333981")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save the switches this instance holds as the current user's mail settings."""
        return Call(json=self.as_json())

    aupdate = update.twin()
