"""Stream mutes: objects the user silenced in their global stream."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_status, members, returns
from ._shapes import ByReference

__all__ = ["StreamMute"]

_DOC = "https://developers.podio.com/doc/stream"


class StreamMute(ByReference, Model):
    """A muted object (`type`, `id`) and its `title`."""

    _id_field = "id"

    type: str | None = None
    title: str | None = None
    data: dict[str, Any] | None = None

    @members("GET", "/stream/mute/v2/", doc=f"{_DOC}/get-mutes-in-global-stream-62742")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The objects the user muted in their global stream."""
        return Call()

    afind_all = find_all.twin()

    @returns(
        as_status,
        "POST",
        "/stream/mute/{scope_type}/{scope_id}",
        doc=f"{_DOC}/mute-object-from-global-stream-79424",
    )
    def create(cls, scope_type: str, scope_id: int, *, client: ClientArg = None) -> Call:
        """Hide an object (a space, an app, an item...) from the global stream; returns the
        HTTP status."""
        return Call(path={"scope_type": scope_type, "scope_id": scope_id})

    acreate = create.twin()

    @returns(
        as_status,
        "DELETE",
        "/stream/mute/{scope_type}/{scope_id}",
        doc=f"{_DOC}/unmute-objects-from-the-global-stream-79426",
    )
    def delete(cls, scope_type: str, scope_id: int, *, client: ClientArg = None) -> Call:
        """Show a muted object in the global stream again; returns the HTTP status."""
        return Call(path={"scope_type": scope_type, "scope_id": scope_id})

    adelete = delete.twin()
