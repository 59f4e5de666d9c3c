"""Item fields: one field of an item with its values, exactly as Podio sends them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, returns

__all__ = ["ItemField"]

_DOC = "https://developers.podio.com/doc/items"


class ItemField(Model):
    """A field of an item (fields.md §2.2): which app field it is, and its values.

    `values` is the list Podio sends, each value an object keyed by the field type's sub ids
    (``[{"value": "Title"}]``, ``[{"start": "2024-05-01 10:00:00", ...}]``). `config` is the
    app field's configuration (full in a single item, reduced to label/settings/mapping in
    collections).
    """

    _id_field = "field_id"

    field_id: int | None = None
    external_id: str | None = None
    type: str | None = None
    label: str | None = None
    config: dict[str, Any] | None = None
    values: list[Any] | None = None

    @returns(
        as_raw, "GET", "/item/{item_id}/value/{field_id}", doc=f"{_DOC}/get-item-field-values-22368"
    )
    def find_values(cls, item_id: int, field_id: int | str, *, client: ClientArg = None) -> Call:
        """The values of one field of an item (`field_id` or the field's external id).

        Returns Podio's list of values, as in `values`.
        """
        return Call(path={"item_id": item_id, "field_id": field_id})

    afind_values = find_values.twin()

    @returns(
        as_raw,
        "PUT",
        "/item/{item_id}/value/{field_id}",
        doc=f"{_DOC}/update-item-field-values-22367",
    )
    def update(
        cls,
        item_id: int,
        field_id: int | str,
        values: Any,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Replace the values of one field of an item; ``[]`` clears it.

        `values` takes any of Podio's write forms (fields.md §2.3): a list of values
        (``[1, 3]`` for category options), one full value (``{"value": "x"}``), or one plain
        value (``"x"``, sent as ``["x"]`` because Podio takes no bare scalar as a body).
        Returns Podio's answer, ``{"revision": int, "title": str}``.
        """
        body = values if isinstance(values, (Mapping, list, tuple)) else [values]
        if isinstance(body, Mapping):
            body = dict(body)
        return Call(
            path={"item_id": item_id, "field_id": field_id},
            params={"silent": silent, "hook": hook},
            json=body,
        )

    aupdate = update.twin()

    @returns(as_raw, "GET", "/item/field/{field_id}/range", doc=f"{_DOC}/get-field-ranges-24242866")
    def get_field_ranges(cls, field_id: int, *, client: ClientArg = None) -> Call:
        """The smallest and largest value of a number-like field: ``{"min": ..., "max": ...}``."""
        return Call(path={"field_id": field_id})

    aget_field_ranges = get_field_ranges.twin()
