"""Forms: public web forms that create items in an app."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, member, members, returns

__all__ = ["Form"]

_DOC = "https://developers.podio.com/doc/forms"


class Form(Model):
    """A web form of an app: its `settings` (captcha, texts, theme, CSS, success page), the
    `domains` it may be embedded on, its `fields` and whether it takes `attachments`."""

    _id_field = "form_id"

    form_id: int | None = None
    app_id: int | None = None
    space_id: int | None = None
    status: str | None = None
    settings: dict[str, Any] | None = None
    domains: list[str] | None = None
    fields: list[dict[str, Any]] | None = None
    field_ids: list[int] | None = None  # older answers, replaced by `fields`
    attachments: bool | None = None
    item_capacity: bool | None = None

    @member("GET", "/form/{form_id}", doc=f"{_DOC}/get-form-53754")
    def find(cls, form_id: int, *, client: ClientArg = None) -> Call:
        """One form."""
        return Call(path={"form_id": form_id})

    afind = find.twin()

    @members("GET", "/form/app/{app_id}/", doc=f"{_DOC}/get-forms-53771")
    def find_all_for_app(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The forms of an app."""
        return Call(path={"app_id": app_id})

    afind_all_for_app = find_all_for_app.twin()

    @member("POST", "/form/app/{app_id}/", doc=f"{_DOC}/create-form-53803")
    def create(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Create a form: ``{"settings": {...}, "domains": [...], "fields": [{"field_id",
        "settings"}], "attachments": bool}``.

        Returns the new form (Podio answers ``{"form_id": ...}``, which the Ruby gem returns
        bare; here it is `form_id`).
        """
        return Call(path={"app_id": app_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/form/{form_id}", doc=f"{_DOC}/update-form-53808")
    def update(
        cls, form_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a form (same keys as `create`); returns the HTTP status."""
        return Call(path={"form_id": form_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/form/{form_id}", doc=f"{_DOC}/delete-from-53810")
    def delete(cls, form_id: int, *, client: ClientArg = None) -> Call:
        """Delete a form; returns the HTTP status."""
        return Call(path={"form_id": form_id})

    adelete = delete.twin()

    @returns(as_raw, "POST", "/form/{form_id}/activate", doc=f"{_DOC}/activate-form-1107439")
    def enable(cls, form_id: int, *, client: ClientArg = None) -> Call:
        """Switch a form on again."""
        return Call(path={"form_id": form_id})

    aenable = enable.twin()

    @returns(as_raw, "POST", "/form/{form_id}/deactivate", doc=f"{_DOC}/deactivate-form-1107378")
    def disable(cls, form_id: int, *, client: ClientArg = None) -> Call:
        """Switch a form off: it stops taking submissions."""
        return Call(path={"form_id": form_id})

    adisable = disable.twin()
