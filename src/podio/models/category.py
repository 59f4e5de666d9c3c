"""Categories of the app market, as managed by Podio's staff."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_status, member, returns
from ._shapes import as_grouped

__all__ = ["Category"]

_DOC = "https://developers.podio.com/doc/app-market"


class Category(Model):
    """A category of the app market (``functional`` or ``vertical`` `type`), with the calls
    that create, change and delete categories (the Ruby gem's ``Category``)."""

    _id_field = "category_id"

    category_id: int | None = None
    type: str | None = None
    name: str | None = None

    @returns(as_status, "POST", "/app_store/category/")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Add a category (``{"type", "name"}``); returns the HTTP status."""
        return Call(json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/app_store/category/{category_id}")
    def update(
        cls, category_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Rename or retype a category; returns the HTTP status."""
        return Call(path={"category_id": category_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/app_store/category/{category_id}")
    def delete(cls, category_id: int, *, client: ClientArg = None) -> Call:
        """Delete a category; returns the HTTP status."""
        return Call(path={"category_id": category_id})

    adelete = delete.twin()

    @member("GET", "/app_store/category/{category_id}/v2")
    def find(cls, category_id: int, *, client: ClientArg = None) -> Call:
        """One category."""
        return Call(path={"category_id": category_id})

    afind = find.twin()

    @returns(
        as_grouped(lambda: Category),
        "GET",
        "/app_store/category/",
        doc=f"{_DOC}/get-categories-37009",
    )
    def find_all(cls, *, only_used: bool | None = None, client: ClientArg = None) -> Call:
        """The categories by type: ``{"functional": [...], "vertical": [...]}`` (see
        `AppStoreCategory.find_all`)."""
        return Call(params={"only_used": only_used})

    afind_all = find_all.twin()
