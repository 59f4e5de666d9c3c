"""Views: saved filters, sort orders and layouts of an app's items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_status, member, members, returns
from .by_line import ByLine

__all__ = ["View"]

_DOC = "https://developers.podio.com/doc/views"


class View(Model):
    """A view of an app (objects.md, View): `filters`, `sort_by`/`sort_desc`, `layout`,
    per-field display settings (`fields`) and `grouping`; `items` is how many items match.

    Saved views hold `filters` as a list of ``{"key", "values"}`` (fields.md §4); older
    answers send an object keyed by field, which is kept as sent.
    """

    _id_field = "view_id"

    view_id: int | None = None
    name: str | None = None
    type: str | None = None
    private: bool | None = None
    sort_by: str | None = None
    sort_desc: bool | None = None
    filters: list[dict[str, Any]] | dict[str, Any] | None = None
    filter_id: int | None = None
    layout: str | None = None
    fields: dict[str, Any] | None = None
    grouping: dict[str, Any] | None = None
    items: int | None = None
    rights: list[str] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None

    @member("GET", "/view/{view_id}", "/view/app/{app_id}/{view_id}", doc=f"{_DOC}/get-view-27450")
    def find(
        cls, view_id: int | str, app_id: int | None = None, *, client: ClientArg = None
    ) -> Call:
        """One view, by id; with `app_id` (``GET /view/app/{app_id}/{view_id}``) `view_id` may
        also be the view's name."""
        if app_id is None:
            return Call(path={"view_id": view_id})
        return Call(path={"app_id": app_id, "view_id": view_id})

    afind = find.twin()

    @members("GET", "/view/app/{app_id}/", doc=f"{_DOC}/get-views-27460")
    def find_all(
        cls,
        app_id: int,
        *,
        include_standard_views: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The views of an app (saved ones; the built-in ones too with
        `include_standard_views`)."""
        return Call(
            path={"app_id": app_id}, params={"include_standard_views": include_standard_views}
        )

    afind_all = find_all.twin()

    @member("GET", "/view/app/{app_id}/last", doc=f"{_DOC}/get-last-view-27663")
    def find_last(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The user's last used view of an app (what filtering with ``remember`` stored)."""
        return Call(path={"app_id": app_id})

    afind_last = find_last.twin()

    @member("POST", "/view/app/{app_id}/", doc=f"{_DOC}/create-view-27453")
    def create(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Save a view: ``{"name", "private", "sort_by", "sort_desc", "filters": [{"key",
        "values"}], "layout", "fields", "groupings"}``.

        Returns the new view (Podio answers ``{"view_id": ...}``).
        """
        return Call(path={"app_id": app_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/view/{view_id}", doc=f"{_DOC}/update-view-20069949")
    def update(
        cls, view_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a saved view (same keys as `create`); returns the HTTP status."""
        return Call(path={"view_id": view_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "PUT", "/view/app/{app_id}/last", doc=f"{_DOC}/update-last-view-5988251")
    def update_last(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Replace the user's last used view of an app (same keys as `create`); returns the
        HTTP status."""
        return Call(path={"app_id": app_id}, json=dict(attributes))

    aupdate_last = update_last.twin()

    @returns(as_status, "DELETE", "/view/{view_id}", doc=f"{_DOC}/delete-view-27454")
    def delete(cls, view_id: int, *, client: ClientArg = None) -> Call:
        """Delete a saved view; returns the HTTP status."""
        return Call(path={"view_id": view_id})

    adelete = delete.twin()

    @returns(as_status, "POST", "/view/{view_id}/default", doc=f"{_DOC}/make-default-155388326")
    def make_default(cls, view_id: int, *, client: ClientArg = None) -> Call:
        """Make a saved view the app's default for everyone (needs the app's update right);
        returns the HTTP status."""
        return Call(path={"view_id": view_id})

    amake_default = make_default.twin()
