"""Item revisions: one numbered change of an item (creation is revision 0)."""

from __future__ import annotations

from ._base import DateTime, Model
from ._operation import Call, ClientArg, member, members
from .by_line import ByLine
from .via import Via

__all__ = ["ItemRevision"]

_DOC = "https://developers.podio.com/doc/items"


class ItemRevision(Model):
    """A revision of an item (items.md §5): its number, kind, author and time.

    Identified by `item_revision_id`, which is global; `revision` counts per item.
    """

    _id_field = "item_revision_id"

    item_revision_id: int | None = None
    revision: int | None = None
    app_revision: int | None = None
    type: str | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    user: ByLine | None = None

    @member("GET", "/item/{item_id}/revision/{revision}", doc=f"{_DOC}/get-item-revision-22373")
    def find(cls, item_id: int, revision: int, *, client: ClientArg = None) -> Call:
        """One revision of an item, by its number."""
        return Call(path={"item_id": item_id, "revision": revision})

    afind = find.twin()

    @members("GET", "/item/{item_id}/revision/", doc=f"{_DOC}/get-item-revisions-22372")
    def find_all_by_item_id(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """Every revision of an item, oldest first."""
        return Call(path={"item_id": item_id})

    afind_all_by_item_id = find_all_by_item_id.twin()
