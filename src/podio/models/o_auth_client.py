"""OAuth clients: the API keys a user or an administrator registered."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import Model
from ._fields import without
from ._operation import Call, ClientArg, as_status, instance, member, members, returns
from .o_auth_scope import OAuthScope

__all__ = ["OAuthClient"]

# What Podio assigns to a client; never sent back.
_ASSIGNED = ("auth_client_id", "key", "secret")


class OAuthClient(Model):
    """An API client: its `key` (client id), `secret`, and the `domain` its redirects go to.

    The secret never shows in a repr. Register one as an instance
    (``podio.OAuthClient(name="Sync", domain="example.com").create()``) or with `create_client`.
    """

    _id_field = "auth_client_id"

    auth_client_id: int | None = None
    name: str | None = None
    key: str | None = None
    secret: str | None = None
    url: str | None = None
    domain: str | None = None
    scope: list[OAuthScope] | None = None

    # -- finding ---------------------------------------------------------------------------------

    @member("GET", "/oauth/client/{client_id}")
    def find(cls, client_id: int, *, client: ClientArg = None) -> Call:
        """One API client of the current user."""
        return Call(path={"client_id": client_id})

    afind = find.twin()

    @members("GET", "/oauth/client/")
    def find_all_for_current_user(cls, *, client: ClientArg = None) -> Call:
        """The API clients the current user registered."""
        return Call()

    afind_all_for_current_user = find_all_for_current_user.twin()

    @members("GET", "/oauth/client/user/{user_id}/")
    def find_all_for_user(cls, user_id: int, *, client: ClientArg = None) -> Call:
        """The API clients another user registered (for Podio's administrators)."""
        return Call(path={"user_id": user_id})

    afind_all_for_user = find_all_for_user.twin()

    @members("GET", "/oauth/grant/client/")
    def find_granted_clients(cls, *, client: ClientArg = None) -> Call:
        """The API clients the current user has granted access to."""
        return Call()

    afind_granted_clients = find_granted_clients.twin()

    # -- changing (class level) ------------------------------------------------------------------

    @member("POST", "/oauth/client/")
    def create_client(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Register an API client (``{"name", "domain", "url", ...}``) for the current user.

        Returns it (the Ruby gem returns only its id, which is `auth_client_id` here).
        """
        return Call(json=dict(attributes))

    acreate_client = create_client.twin()

    @returns(as_status, "POST", "/oauth/client/user/{user_id}/")
    def create_admin(
        cls, user_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Register an API client for another user (for Podio's administrators).

        Returns the HTTP status.
        """
        return Call(path={"user_id": user_id}, json=dict(attributes))

    acreate_admin = create_admin.twin()

    @returns(as_status, "PUT", "/oauth/client/{client_id}")
    def update_client(
        cls, client_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an API client's name, domain or URL; returns the HTTP status."""
        return Call(path={"client_id": client_id}, json=dict(attributes))

    aupdate_client = update_client.twin()

    @returns(as_status, "PUT", "/oauth/client/{client_id}/admin")
    def update_admin(
        cls, client_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an API client's settings only Podio's administrators may change.

        Returns the HTTP status.
        """
        return Call(path={"client_id": client_id}, json=dict(attributes))

    aupdate_admin = update_admin.twin()

    @returns(as_status, "POST", "/oauth/client/{client_id}/reset")
    def reset(cls, client_id: int, *, client: ClientArg = None) -> Call:
        """Give an API client a new secret (the old one stops working); returns the status."""
        return Call(path={"client_id": client_id})

    areset = reset.twin()

    @returns(as_status, "DELETE", "/oauth/client/{client_id}")
    def delete(cls, client_id: int, *, client: ClientArg = None) -> Call:
        """Delete an API client; returns the HTTP status."""
        return Call(path={"client_id": client_id})

    adelete = delete.twin()

    @returns(as_status, "DELETE", "/oauth/grant/client/{client_id}")
    def delete_grant(cls, client_id: int, *, client: ClientArg = None) -> Call:
        """Withdraw the access the current user granted an API client; returns the status."""
        return Call(path={"client_id": client_id})

    adelete_grant = delete_grant.twin()

    # -- instance operations ---------------------------------------------------------------------

    @instance("POST", "/oauth/client/")
    def create(self, *, client: ClientArg = None) -> Call:
        """Register this API client; sets `auth_client_id` (and `key`, `secret` when Podio
        sends them)."""

        def take(response: Response) -> None:
            self._take_answer(response.body, _ASSIGNED)

        return Call(json=without(self, _ASSIGNED), after=take)

    acreate = create.twin()

    @instance("PUT", "/oauth/client/{client_id}")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this API client's name, domain and URL."""
        return Call(path={"client_id": self.auth_client_id}, json=without(self, _ASSIGNED))

    aupdate = update.twin()

    @instance("DELETE", "/oauth/client/{client_id}")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this API client."""
        return Call(path={"client_id": self.auth_client_id})

    adestroy = destroy.twin()
