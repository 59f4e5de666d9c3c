"""Account providers: the external services a linked account can connect to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, members

__all__ = ["AccountProvider"]


class AccountProvider(Model):
    """An external service (a file store, an address book...) and what it can do."""

    _id_field = "name"

    name: str | None = None
    humanized_name: str | None = None
    connect_link: str | None = None
    capabilities: list[str] | None = None
    capability_names: dict[str, Any] | None = None
    external_service_provider: bool | None = None

    @members("GET", "/linked_account/provider/")
    def find_all(cls, *, params: Mapping[str, Any] | None = None, client: ClientArg = None) -> Call:
        """Every provider an account can be linked with; `params` go in the query as given."""
        return Call(params=params)

    afind_all = find_all.twin()
