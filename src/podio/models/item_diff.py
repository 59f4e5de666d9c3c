"""Item diffs: how one field of an item changed between two revisions."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ._base import Model
from ._operation import Call, ClientArg, as_raw, members, returns

__all__ = ["ItemDiff"]

_DOC = "https://developers.podio.com/doc/items"


class ItemDiff(Model):
    """The change of one field between two revisions (items.md §5).

    `from_` (Podio's ``from``) and `to` hold the field's values before and after, in the same
    shape as `ItemField.values`.
    """

    _id_field = "field_id"

    field_id: int | None = None
    external_id: str | None = None
    type: str | None = None
    label: str | None = None
    config: dict[str, Any] | None = None
    from_: list[Any] | None = Field(default=None, alias="from")
    to: list[Any] | None = None

    @members(
        "GET",
        "/item/{item_id}/revision/{revision_from}/{revision_to}",
        doc=f"{_DOC}/get-item-revision-difference-22374",
    )
    def find_by_item_and_revisions(
        cls, item_id: int, revision_from: int, revision_to: int, *, client: ClientArg = None
    ) -> Call:
        """The fields that changed between two revisions of an item, one diff per field."""
        return Call(
            path={"item_id": item_id, "revision_from": revision_from, "revision_to": revision_to}
        )

    afind_by_item_and_revisions = find_by_item_and_revisions.twin()

    @returns(
        as_raw,
        "DELETE",
        "/item/{item_id}/revision/{revision}",
        doc=f"{_DOC}/revert-item-revision-953195",
    )
    def revert(cls, item_id: int, revision: int, *, client: ClientArg = None) -> Call:
        """Undo the changes made in one revision of an item (a new revision records the undo).

        Returns Podio's answer, ``{"revision": <the new revision>}``.
        """
        return Call(path={"item_id": item_id, "revision": revision})

    arevert = revert.twin()
