"""Filters: an app's saved filters, the predecessors of views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_status, member, members, returns
from .by_line import ByLine

__all__ = ["Filter"]


class Filter(Model):
    """A saved filter of an app: `filters`, `sort_by`/`sort_desc`, and `items`, the number of
    items that match. Only the Ruby gem knows this area; no documentation page describes it.
    """

    _id_field = "filter_id"

    filter_id: int | None = None
    name: str | None = None
    sort_by: str | None = None
    sort_desc: bool | None = None
    filters: list[dict[str, Any]] | dict[str, Any] | None = None
    items: int | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None

    @member("GET", "/filter/{filter_id}")
    def find(cls, filter_id: int, *, client: ClientArg = None) -> Call:
        """One saved filter."""
        return Call(path={"filter_id": filter_id})

    afind = find.twin()

    @members("GET", "/filter/app/{app_id}/")
    def find_all(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The saved filters of an app."""
        return Call(path={"app_id": app_id})

    afind_all = find_all.twin()

    @member("GET", "/filter/app/{app_id}/last")
    def find_last(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The user's last used filter of an app."""
        return Call(path={"app_id": app_id})

    afind_last = find_last.twin()

    @member("POST", "/filter/app/{app_id}/")
    def create(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Save a filter: ``{"name", "filters", "sort_by", "sort_desc"}``.

        Returns the new filter (Podio answers ``{"filter_id": ...}``, which the Ruby gem
        returns bare; here it is `filter_id`).
        """
        return Call(path={"app_id": app_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "DELETE", "/filter/{filter_id}")
    def delete(cls, filter_id: int, *, client: ClientArg = None) -> Call:
        """Delete a saved filter; returns the HTTP status."""
        return Call(path={"filter_id": filter_id})

    adelete = delete.twin()
