"""Calendar mutes: spaces, apps or object types the user hid from their global calendar."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_status, members, returns
from ._shapes import ByReference

__all__ = ["CalendarMute"]

_DOC = "https://developers.podio.com/doc/calendar"


def _scope(scope_type: str, scope_id: int, object_type: str | None) -> dict[str, Any]:
    path: dict[str, Any] = {"scope_type": scope_type, "scope_id": scope_id}
    if object_type is not None:
        path["object_type"] = object_type
    return path


class CalendarMute(ByReference, Model):
    """A muted scope (`type`, `id`, `title`) and which kinds of its events are hidden:
    `item`, `status` and `task` are true for the muted kinds."""

    _id_field = "id"

    type: str | None = None
    title: str | None = None
    data: dict[str, Any] | None = None
    item: bool | None = None
    status: bool | None = None
    task: bool | None = None

    @members("GET", "/calendar/mute/", doc=f"{_DOC}/get-mutes-in-global-calendar-62730")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The scopes the user muted in their global calendar."""
        return Call()

    afind_all = find_all.twin()

    @returns(
        as_status,
        "POST",
        "/calendar/mute/{scope_type}/{scope_id}/",
        "/calendar/mute/{scope_type}/{scope_id}/{object_type}/",
        doc=f"{_DOC}/mute-objects-from-global-calendar-79418",
    )
    def create(
        cls,
        scope_type: str,
        scope_id: int,
        object_type: str | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Hide a space's or app's events from the global calendar, all of them or only one
        `object_type` (``item``, ``task``, ``status``); returns the HTTP status."""
        return Call(path=_scope(scope_type, scope_id, object_type))

    acreate = create.twin()

    @returns(
        as_status,
        "DELETE",
        "/calendar/mute/{scope_type}/{scope_id}/",
        "/calendar/mute/{scope_type}/{scope_id}/{object_type}/",
        doc=f"{_DOC}/unmute-objects-from-the-global-calendar-79420",
    )
    def delete(
        cls,
        scope_type: str,
        scope_id: int,
        object_type: str | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Show a muted scope's events (all, or one `object_type`) again; returns the HTTP
        status."""
        return Call(path=_scope(scope_type, scope_id, object_type))

    adelete = delete.twin()
