"""Notifications: what the user's inbox shows, one event each."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_field, as_status, member, returns
from .by_line import ByLine
from .via import Via

__all__ = ["Notification"]

_DOC = "https://developers.podio.com/doc/notifications"


class Notification(Model):
    """One notification (objects.md, "Notification"): its `type` (``comment``, ``alert``,
    ``rating``...), `text`, the event's `data`, and when it was viewed or starred."""

    _id_field = "notification_id"

    notification_id: int | None = None
    type: str | None = None
    text: str | None = None
    text_short: str | None = None
    icon: str | None = None
    data: dict[str, Any] | None = None
    data_link: str | None = None
    context_type: str | None = None
    context_link: str | None = None
    context: dict[str, Any] | None = None
    space: dict[str, Any] | None = None
    org: dict[str, Any] | None = None
    subscription_id: int | None = None
    viewed_on: DateTime | None = None
    starred: bool | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    user: ByLine | None = None

    @member("GET", "/notification/{notification_id}")
    def find(cls, notification_id: int, *, client: ClientArg = None) -> Call:
        """One notification (with `space`, `org` and its context)."""
        return Call(path={"notification_id": notification_id})

    afind = find.twin()

    @returns(
        as_field("new", int),
        "GET",
        "/notification/inbox/new/count",
        doc=f"{_DOC}/get-inbox-new-count-84610",
    )
    def inbox_new_count(cls, *, client: ClientArg = None) -> Call:
        """How many unread notifications the user has (Podio's ``{"new": n}``)."""
        return Call()

    ainbox_new_count = inbox_new_count.twin()

    @returns(
        as_status,
        "POST",
        "/notification/{notification_id}/viewed",
        doc=f"{_DOC}/mark-notification-as-viewed-22436",
    )
    def mark_as_viewed(cls, notification_id: int, *, client: ClientArg = None) -> Call:
        """Move a notification from the inbox to the viewed archive; returns the status."""
        return Call(path={"notification_id": notification_id})

    amark_as_viewed = mark_as_viewed.twin()

    @returns(
        as_status,
        "POST",
        "/notification/{ref_type}/{ref_id}/viewed",
        doc=f"{_DOC}/mark-notifications-as-viewed-by-ref-553653",
    )
    def mark_as_viewed_by_ref(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Mark every notification about an object as viewed; returns the status."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    amark_as_viewed_by_ref = mark_as_viewed_by_ref.twin()

    @returns(
        as_status,
        "POST",
        "/notification/viewed",
        doc=f"{_DOC}/mark-all-notifications-as-viewed-58099",
    )
    def mark_all_as_viewed(cls, *, client: ClientArg = None) -> Call:
        """Mark all the user's notifications as viewed; returns the status."""
        return Call()

    amark_all_as_viewed = mark_all_as_viewed.twin()

    @returns(
        as_status,
        "POST",
        "/notification/{notification_id}/star",
        doc=f"{_DOC}/star-notification-295910",
    )
    def star(cls, notification_id: int, *, client: ClientArg = None) -> Call:
        """Star a notification (it moves to the starred list); returns the status."""
        return Call(path={"notification_id": notification_id})

    astar = star.twin()

    @returns(
        as_status,
        "DELETE",
        "/notification/{notification_id}/star",
        doc=f"{_DOC}/un-star-notification-295911",
    )
    def unstar(cls, notification_id: int, *, client: ClientArg = None) -> Call:
        """Remove the star from a notification; returns the status."""
        return Call(path={"notification_id": notification_id})

    aunstar = unstar.twin()
