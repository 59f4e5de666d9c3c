"""Notification groups: the user's notifications grouped by the object they are about."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .._serialization import format_datetime
from ._base import Model
from ._operation import Call, ClientArg, Paging, member, members, paged
from .notification import Notification

__all__ = ["NotificationGroup"]

_DOC = "https://developers.podio.com/doc/notifications"

#: Podio sends at most 100 notification groups per call (podio-dotnet; limits.md §2).
NOTIFICATION_PAGE_SIZE = 100


def _filters(
    context_type: str | None,
    created_from: _dt.datetime | str | None,
    created_to: _dt.datetime | str | None,
    direction: str | None,
    starred: bool | None,
    type: str | None,
    user_id: int | None,
    viewed: bool | None,
    viewed_from: _dt.datetime | str | None,
) -> dict[str, Any]:
    return {
        "context_type": context_type,
        "created_from": _when(created_from),
        "created_to": _when(created_to),
        "direction": direction,
        "starred": starred,
        "type": type,
        "user_id": user_id,
        "viewed": viewed,
        "viewed_from": _when(viewed_from),
    }


def _when(value: _dt.datetime | str | None) -> str | None:
    return format_datetime(value) if isinstance(value, _dt.datetime) else value


class NotificationGroup(Model):
    """The notifications about one object: its `context` (``ref``, ``data``, ``link``,
    ``space``, ``rights``...) and the `notifications` themselves."""

    context: dict[str, Any] | None = None
    notifications: list[Notification] | None = None

    @property
    def ref(self) -> Any:
        """``context["ref"]``: the object the notifications are about."""
        return (self.context or {}).get("ref")

    @property
    def link(self) -> Any:
        """``context["link"]``: the object's page on Podio."""
        return (self.context or {}).get("link")

    @members("GET", "/notification/", doc=f"{_DOC}/get-notifications-290777")
    def find_all(
        cls,
        *,
        context_type: str | None = None,
        created_from: _dt.datetime | str | None = None,
        created_to: _dt.datetime | str | None = None,
        direction: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        starred: bool | None = None,
        type: str | None = None,
        user_id: int | None = None,
        viewed: bool | None = None,
        viewed_from: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's notifications, grouped by object, newest first.

        `context_type` (``item``, ``task``, ``conversation``...), `type` (a notification
        type), `user_id` (the other party), `direction` (``incoming`` by default, or
        ``outgoing``), `starred`, `viewed` (False: unread only; `viewed_from` then keeps
        those read since, so pages stay stable), `created_from`/`created_to` (UTC datetimes).
        `limit` is 20 by default and at most 100.
        """
        return Call(
            params=_filters(
                context_type,
                created_from,
                created_to,
                direction,
                starred,
                type,
                user_id,
                viewed,
                viewed_from,
            )
            | {"limit": limit, "offset": offset}
        )

    afind_all = find_all.twin()

    @paged("GET", "/notification/", doc=f"{_DOC}/get-notifications-290777")
    def iter_all(
        cls,
        *,
        context_type: str | None = None,
        created_from: _dt.datetime | str | None = None,
        created_to: _dt.datetime | str | None = None,
        direction: str | None = None,
        starred: bool | None = None,
        type: str | None = None,
        user_id: int | None = None,
        viewed: bool | None = None,
        viewed_from: _dt.datetime | str | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every group `find_all` would list, 100 per call; `limit` caps the number yielded."""
        params = _filters(
            context_type,
            created_from,
            created_to,
            direction,
            starred,
            type,
            user_id,
            viewed,
            viewed_from,
        )
        return Paging(
            call=lambda offset, size: Call(params=params | {"limit": size, "offset": offset}),
            page_size=NOTIFICATION_PAGE_SIZE,
            limit=limit,
        )

    @member("GET", "/notification/{notification_id}/v2", doc=f"{_DOC}/get-notification-v2-2973737")
    def find(cls, notification_id: int, *, client: ClientArg = None) -> Call:
        """One notification, grouped with its context like `find_all`'s groups."""
        return Call(path={"notification_id": notification_id})

    afind = find.twin()
