"""Account providers: the external services a user can link an account from."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, members

__all__ = ["AccountProvider"]


class AccountProvider(Model):
    """A service (Google, Dropbox, ...) with what it can do and where to connect it."""

    _id_field = "name"

    name: str | None = None
    connect_link: str | None = None
    humanized_name: str | None = None
    capabilities: list[str] | None = None
    capability_names: dict[str, Any] | None = None
    external_service_provider: bool | None = None

    @members("GET", "/linked_account/provider/")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The services the user can link an account from."""
        return Call()

    afind_all = find_all.twin()
