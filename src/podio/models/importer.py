"""The importer: turning an uploaded spreadsheet into items or space contacts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, members, returns

__all__ = ["Importer"]

_DOC = "https://developers.podio.com/doc/importer"


class Importer(Model):
    """Operations on an uploaded file (`file_id`, see files.md) to import: read its columns,
    preview a row under a mapping, and start an import, which runs as a `Batch`.

    Instances are the file's columns, as `get_columns` returns them (``id``, ``name``).
    """

    _id_field = "id"

    @returns(as_raw, "GET", "/importer/{file_id}/info", doc=f"{_DOC}/get-info-5929504")
    def get_info(cls, file_id: int, *, client: ClientArg = None) -> Call:
        """What the file holds: ``{"row_count": int, "columns": [{"id", "name"}]}``."""
        return Call(path={"file_id": file_id})

    aget_info = get_info.twin()

    @members("GET", "/importer/{file_id}/column/")
    def get_columns(cls, file_id: int, *, client: ClientArg = None) -> Call:
        """The file's columns, each with its ``id`` and ``name``."""
        return Call(path={"file_id": file_id})

    aget_columns = get_columns.twin()

    @returns(as_raw, "POST", "/importer/{file_id}/preview/{row}", doc=f"{_DOC}/get-preview-5936702")
    def preview(
        cls, file_id: int, row: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """How one row would be imported under a mapping (``{"app_id", "mappings": [...]}``):
        ``{"fields": [...], "tags": [...]}``. Only reads."""
        return Call(path={"file_id": file_id, "row": row}, json=dict(attributes), idempotent=True)

    apreview = preview.twin()

    @returns(as_raw, "POST", "/importer/{file_id}/process")
    def process_file(
        cls, file_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Start an import of the file as the mapping in `attributes` says; returns Podio's
        answer."""
        return Call(path={"file_id": file_id}, json=dict(attributes))

    aprocess_file = process_file.twin()

    @returns(
        as_raw,
        "POST",
        "/importer/{file_id}/item/app/{app_id}",
        doc=f"{_DOC}/import-app-items-212899",
    )
    def process_app(
        cls, file_id: int, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Import the file's rows as items of an app: ``{"mappings": [{"field_id", "value"}],
        "tags_column_id", "app_item_id_column_id"}``. Returns ``{"batch_id": ...}``; follow the
        import with `Batch.find`."""
        return Call(path={"file_id": file_id, "app_id": app_id}, json=dict(attributes))

    aprocess_app = process_app.twin()

    @returns(
        as_raw,
        "POST",
        "/importer/{file_id}/contact/space/{space_id}",
        doc=f"{_DOC}/import-space-contacts-4261072",
    )
    def process_contacts(
        cls, file_id: int, space_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Import the file's rows as contacts of a space: ``{"mappings": [...]}``. Returns
        ``{"batch_id": ...}``."""
        return Call(path={"file_id": file_id, "space_id": space_id}, json=dict(attributes))

    aprocess_contacts = process_contacts.twin()
