"""Pins: objects the user pinned to the top of their navigation."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, as_raw, member, members, returns
from ._shapes import ByReference

__all__ = ["Pin"]


class Pin(ByReference, Model):
    """A pinned object: its `type` and `id` are the reference type and id it points to."""

    _id_field = "id"

    title: str | None = None
    type: str | None = None
    link: str | None = None

    @property
    def ref_type(self) -> str | None:
        """The type of the pinned object (the gem's alias of `type`)."""
        return self.type

    @property
    def ref_id(self) -> int | None:
        """The id of the pinned object (the gem's alias of `id`)."""
        value = self.id
        return value if isinstance(value, int) else None

    @members("GET", "/pin/")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The user's pins, in their order."""
        return Call()

    afind_all = find_all.twin()

    @member("POST", "/pin/{ref_type}/{ref_id}")
    def create(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Pin an object (an app, a space, an item...); returns the new pin."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    acreate = create.twin()

    @returns(as_raw, "POST", "/pin/{ref_type}/{ref_id}/reorder")
    def reorder(
        cls, ref_type: str, ref_id: int, priority: int, *, client: ClientArg = None
    ) -> Call:
        """Move a pin to another place in the user's list; returns Podio's answer.

        The body is ``{"priority": priority}``: Podio reads JSON objects only
        (conventions.md §1), and the Ruby gem's caller-built body is not documented.
        """
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise TypeError(f"priority must be an int, not {type(priority).__name__}")
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json={"priority": priority})

    areorder = reorder.twin()

    @returns(as_raw, "DELETE", "/pin/{ref_type}/{ref_id}")
    def delete(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Unpin an object; returns Podio's answer."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    adelete = delete.twin()
