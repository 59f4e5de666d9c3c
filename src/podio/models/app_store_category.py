"""App market categories, as the market shows them (functional and vertical)."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, member, returns
from ._shapes import as_grouped

__all__ = ["AppStoreCategory"]

_DOC = "https://developers.podio.com/doc/app-market"


class AppStoreCategory(Model):
    """A category of the app market; `type` is ``functional`` or ``vertical``."""

    _id_field = "category_id"

    category_id: int | None = None
    name: str | None = None
    type: str | None = None

    @member("GET", "/app_store/category/{category_id}/v2")
    def find(cls, category_id: int, *, client: ClientArg = None) -> Call:
        """One category."""
        return Call(path={"category_id": category_id})

    afind = find.twin()

    @returns(
        as_grouped(lambda: AppStoreCategory),
        "GET",
        "/app_store/category/",
        doc=f"{_DOC}/get-categories-37009",
    )
    def find_all(cls, *, only_used: bool | None = None, client: ClientArg = None) -> Call:
        """The categories by type: ``{"functional": [...], "vertical": [...]}``.

        With ``only_used=True`` (Podio's default) only categories that shares in the user's
        language use; ``False`` gives them all.
        """
        return Call(params={"only_used": only_used})

    afind_all = find_all.twin()
