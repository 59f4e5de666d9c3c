"""Integrations: an app fed from an external source (a spreadsheet, a CRM, a feed)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_raw, as_status, instance, member, returns
from .by_line import ByLine

__all__ = ["Integration"]

_DOC = "https://developers.podio.com/doc/integrations"


class Integration(Model):
    """The integration of an app (one per app, so operations take the `app_id`).

    Work with it as an instance, as in the Ruby gem::

        integration = podio.Integration(app_id=12, type="csv", config={...})
        if not integration.create():
            print(integration.error_message)
        integration.refresh()

    or through the class methods, which raise on errors and return Podio's answer.
    """

    _id_field = "integration_id"

    integration_id: int | None = None
    app_id: int | None = None
    status: str | None = None
    type: str | None = None
    silent: bool | None = None
    config: dict[str, Any] | None = None
    mapping: dict[str, Any] | None = None
    updating: bool | None = None
    last_updated_on: DateTime | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None

    # -- class methods -----------------------------------------------------------------------

    @member("GET", "/integration/{app_id}", doc=f"{_DOC}/get-integration-86821")
    def find(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The integration of an app."""
        return Call(path={"app_id": app_id})

    afind = find.twin()

    @returns(
        as_raw, "GET", "/integration/{app_id}/field/", doc=f"{_DOC}/get-available-fields-86890"
    )
    def find_available_fields_for(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The external fields the integration can map to the app's fields, as Podio sends
        them (``[{"external_id", "name", "type"}, ...]``)."""
        return Call(path={"app_id": app_id})

    afind_available_fields_for = find_available_fields_for.twin()

    @member("POST", "/integration/{app_id}", doc=f"{_DOC}/create-integration-86839")
    def create_integration(
        cls,
        app_id: int,
        type: str,
        config: Mapping[str, Any],
        *,
        silent: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Set up the integration of an app.

        Returns an Integration holding the new `integration_id` (the Ruby gem returns the id).
        """
        body: dict[str, Any] = {"type": type, "config": dict(config)}
        if silent is not None:
            body["silent"] = silent
        return Call(path={"app_id": app_id}, json=body)

    acreate_integration = create_integration.twin()

    @returns(as_raw, "PUT", "/integration/{app_id}", doc=f"{_DOC}/update-integration-86843")
    def update_integration(
        cls,
        app_id: int,
        config: Mapping[str, Any],
        *,
        silent: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change the configuration of an app's integration; returns Podio's answer."""
        body: dict[str, Any] = {"config": dict(config)}
        if silent is not None:
            body["silent"] = silent
        return Call(path={"app_id": app_id}, json=body)

    aupdate_integration = update_integration.twin()

    @returns(
        as_raw,
        "PUT",
        "/integration/{app_id}/mapping",
        doc=f"{_DOC}/update-integration-mapping-86865",
    )
    def update_integration_mapping(
        cls, app_id: int, mapping: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Say which external field feeds which app field (``{field_id: external_id}``)."""
        return Call(path={"app_id": app_id}, json=dict(mapping))

    aupdate_integration_mapping = update_integration_mapping.twin()

    @returns(as_status, "DELETE", "/integration/{app_id}", doc=f"{_DOC}/delete-integration-86876")
    def delete(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Remove an app's integration; returns the HTTP status."""
        return Call(path={"app_id": app_id})

    adelete = delete.twin()

    @returns(
        as_status, "POST", "/integration/{app_id}/refresh", doc=f"{_DOC}/refresh-integration-86987"
    )
    def refresh_integration(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Fetch the external data again now; returns the HTTP status."""
        return Call(path={"app_id": app_id})

    arefresh_integration = refresh_integration.twin()

    # -- instance methods (True on success, False with `error` set) -----------------------------

    def _app_id(self) -> int:
        if self.app_id is None:
            raise ValueError("an integration needs its app_id")
        return self.app_id

    @instance("POST", "/integration/{app_id}", doc=f"{_DOC}/create-integration-86839")
    def create(self, *, client: ClientArg = None) -> Call:
        """Set up this integration on its app (`type`, `config`, `silent`); sets
        `integration_id`."""

        def take(response: Response) -> None:
            body = response.body
            if isinstance(body, Mapping) and body.get("integration_id") is not None:
                self.integration_id = int(body["integration_id"])

        body = {"type": self.type, "silent": self.silent, "config": self.config}
        return Call(
            path={"app_id": self._app_id()},
            json={k: v for k, v in body.items() if v is not None},
            after=take,
        )

    acreate = create.twin()

    @instance("PUT", "/integration/{app_id}", doc=f"{_DOC}/update-integration-86843")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this integration's `config` and `silent` setting."""
        body = {"silent": self.silent, "config": self.config}
        return Call(
            path={"app_id": self._app_id()}, json={k: v for k, v in body.items() if v is not None}
        )

    aupdate = update.twin()

    @instance(
        "PUT", "/integration/{app_id}/mapping", doc=f"{_DOC}/update-integration-mapping-86865"
    )
    def update_mapping(self, *, client: ClientArg = None) -> Call:
        """Save this integration's `mapping`."""
        return Call(path={"app_id": self._app_id()}, json=dict(self.mapping or {}))

    aupdate_mapping = update_mapping.twin()

    @instance("DELETE", "/integration/{app_id}", doc=f"{_DOC}/delete-integration-86876")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Remove this integration from its app."""
        return Call(path={"app_id": self._app_id()})

    adestroy = destroy.twin()

    @instance("POST", "/integration/{app_id}/refresh", doc=f"{_DOC}/refresh-integration-86987")
    def refresh(self, *, client: ClientArg = None) -> Call:
        """Fetch this integration's external data again now."""
        return Call(path={"app_id": self._app_id()})

    arefresh = refresh.twin()
