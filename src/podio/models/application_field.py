"""Application fields: the definition of one field of an app (its type and configuration)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_field, member, returns

__all__ = ["ApplicationField"]

_DOC = "https://developers.podio.com/doc/applications"


class ApplicationField(Model):
    """A field of an app (fields.md §2.1).

    `config` holds ``label``, ``description``, ``delta`` (position), ``settings`` (per type),
    ``required``, ``unique``, ``visible``, ``hidden``, ``mapping``, ``default_value``, as
    Podio sends them.
    """

    _id_field = "field_id"

    field_id: int | None = None
    external_id: str | None = None
    type: str | None = None
    label: str | None = None
    status: str | None = None
    config: dict[str, Any] | None = None

    @member("GET", "/app/{app_id}/field/{field_id}", doc=f"{_DOC}/get-app-field-22353")
    def find(cls, app_id: int, field_id: int | str, *, client: ClientArg = None) -> Call:
        """One field of an app, by `field_id` or by the field's external id."""
        return Call(path={"app_id": app_id, "field_id": field_id})

    afind = find.twin()

    @member("POST", "/app/{app_id}/field/", doc=f"{_DOC}/add-new-app-field-22354")
    def create(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Add a field to an app: ``{"type": "text", "config": {"label": ..., ...}}``.

        Returns the new field (Podio answers only ``{"field_id": ...}``, which the Ruby gem
        returns bare; here it is `field_id`).
        """
        return Call(path={"app_id": app_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(
        as_field("revision", int),
        "PUT",
        "/app/{app_id}/field/{field_id}",
        doc=f"{_DOC}/update-an-app-field-22356",
    )
    def update(
        cls,
        app_id: int,
        field_id: int | str,
        attributes: Mapping[str, Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Change a field's configuration: ``{"config": {"label": ..., "settings": ...}}``.

        Returns the app's new revision number.
        """
        return Call(path={"app_id": app_id, "field_id": field_id}, json=dict(attributes))

    aupdate = update.twin()
