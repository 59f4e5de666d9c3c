"""External files: files in a linked account (Box, Google Drive, ShareFile...) seen from Podio."""

from __future__ import annotations

from ._base import DateTime, Model
from ._operation import Call, ClientArg, members

__all__ = ["ExternalFile"]


class ExternalFile(Model):
    """A file of a linked storage account, identified by the provider's own id.

    Turn one into a Podio file with ``FileAttachment.create_from_external_file_id``.
    """

    _id_field = "external_file_id"

    external_file_id: str | None = None
    name: str | None = None
    mimetype: str | None = None
    created_on: DateTime | None = None
    updated_on: DateTime | None = None

    @members("GET", "/file/linked_account/{linked_account_id}/")
    def find_all_for_linked_account(
        cls,
        linked_account_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The files of a linked account."""
        return Call(
            path={"linked_account_id": linked_account_id},
            params={"limit": limit, "offset": offset},
        )

    afind_all_for_linked_account = find_all_for_linked_account.twin()
