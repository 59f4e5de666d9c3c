"""Linked accounts: external services (calendars, file stores, CRMs) a user connected."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, member, members, returns

__all__ = ["LinkedAccount"]


class LinkedAccount(Model):
    """A connection to an external service: its `provider`, `label`, capabilities, options."""

    _id_field = "linked_account_id"

    linked_account_id: int | None = None
    status: str | None = None
    label: str | None = None
    provider: str | None = None
    provider_humanized_name: str | None = None
    capability_names: dict[str, Any] | None = None
    options: dict[str, Any] | None = None

    @members("GET", "/linked_account/")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The user's linked accounts."""
        return Call()

    afind_all = find_all.twin()

    @member("POST", "/linked_account/")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Link an external account (``{"provider": ..., ...}``); returns the new account."""
        return Call(json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "DELETE", "/linked_account/{linked_account_id}")
    def delete(cls, linked_account_id: int, *, client: ClientArg = None) -> Call:
        """Unlink an account; returns the HTTP status."""
        return Call(path={"linked_account_id": linked_account_id})

    adelete = delete.twin()

    @returns(as_raw, "PUT", "/linked_account/{linked_account_id}/options")
    def update_options(
        cls, linked_account_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a linked account's options; returns Podio's answer."""
        return Call(path={"linked_account_id": linked_account_id}, json=dict(attributes))

    aupdate_options = update_options.twin()
