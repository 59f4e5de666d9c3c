"""How mail sent to an app's address becomes items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, member, returns

__all__ = ["ApplicationEmail"]

_DOC = "https://developers.podio.com/doc/email"


class ApplicationEmail(Model):
    """The mail-to-app configuration of an app: whether `attachments` are kept, and
    `mappings` from parts of a mail (subject, body, sender...) to app fields."""

    attachments: bool | None = None
    mappings: dict[str, Any] | None = None
    field_options: dict[str, Any] | None = None

    @member("GET", "/email/app/{app_id}", doc=f"{_DOC}/get-app-email-configuration-622338")
    def get_app_configuration(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """An app's mail-to-app configuration."""
        return Call(path={"app_id": app_id})

    aget_app_configuration = get_app_configuration.twin()

    @returns(
        as_raw, "PUT", "/email/app/{app_id}", doc=f"{_DOC}/update-app-email-configuration-622851"
    )
    def update_app_configuration(
        cls, app_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an app's mail-to-app configuration (``{"attachments", "mappings"}``)."""
        return Call(path={"app_id": app_id}, json=dict(attributes))

    aupdate_app_configuration = update_app_configuration.twin()
