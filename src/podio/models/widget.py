"""Widgets: the boxes on a space's or a user's dashboard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_status, member, members, returns
from .by_line import ByLine

__all__ = ["Widget"]

_DOC = "https://developers.podio.com/doc/widgets"


class Widget(Model):
    """A widget on a space, an org or a user's dashboard (`ref`), placed at `x`/`y`."""

    _id_field = "widget_id"

    widget_id: int | None = None
    ref_type: str | None = None
    ref_id: int | None = None
    type: str | None = None
    title: str | None = None
    config: dict[str, Any] | None = None
    ref: dict[str, Any] | None = None
    rights: list[str] | None = None
    data: dict[str, Any] | None = None
    x: int | None = None
    y: int | None = None
    rows: int | None = None
    cols: int | None = None
    allowed_refs: list[Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None

    @member("POST", "/widget/{ref_type}/{ref_id}/", doc=f"{_DOC}/create-widget-22491")
    def create(
        cls, ref_type: str, ref_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Add a widget: ``{"type": "text", "title": "...", "config": {...}}``.

        Returns the new widget.
        """
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes))

    acreate = create.twin()

    @member("PUT", "/widget/{widget_id}", doc=f"{_DOC}/update-widget-22490")
    def update(
        cls, widget_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a widget's `title` and `config`; returns the widget as Podio now holds it."""
        return Call(path={"widget_id": widget_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/widget/{widget_id}", doc=f"{_DOC}/delete-widget-22492")
    def delete(cls, widget_id: int, *, client: ClientArg = None) -> Call:
        """Remove a widget; returns the HTTP status."""
        return Call(path={"widget_id": widget_id})

    adelete = delete.twin()

    @returns(
        as_status,
        "PUT",
        "/widget/{ref_type}/{ref_id}/order",
        doc=f"{_DOC}/update-widget-order-22495",
    )
    def update_order(
        cls, ref_type: str, ref_id: int, widget_ids: Sequence[int], *, client: ClientArg = None
    ) -> Call:
        """Put the widgets of a space or user in this order (a list of widget ids)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=list(widget_ids))

    aupdate_order = update_order.twin()

    @member("GET", "/widget/{widget_id}", doc=f"{_DOC}/get-widget-22489")
    def find(cls, widget_id: int, *, client: ClientArg = None) -> Call:
        """One widget."""
        return Call(path={"widget_id": widget_id})

    afind = find.twin()

    @members("GET", "/widget/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-widgets-22494")
    def find_all(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The widgets on a space, org or user, with their configuration."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all = find_all.twin()

    @members("GET", "/widget/{ref_type}/{ref_id}/display/", doc=f"{_DOC}/get-widgets-22494")
    def find_all_for_reference(
        cls, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """The widgets on a space, org or user as shown on screen, each with its `data`."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all_for_reference = find_all_for_reference.twin()

    @member("POST", "/widget/{widget_id}/clone", doc=f"{_DOC}/clone-widget-105850650")
    def clone(
        cls, widget_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Copy a widget to another place: ``{"type": "space"|"user", "id": ...}``.

        Returns the new widget.
        """
        return Call(path={"widget_id": widget_id}, json=dict(attributes))

    aclone = clone.twin()
