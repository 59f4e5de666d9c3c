"""Flows: automations on an app ("when an item is created, ...") and their effects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, member, members, returns

__all__ = ["Flow"]

_DOC = "https://developers.podio.com/doc/flows"


class Flow(Model):
    """A flow: its cause (`type`, e.g. ``"item.create"``, and `config`), what it does
    (`effects`) and how often it ran (`execution_count`).

    The Ruby gem has no flows; names follow the PHP (``PodioFlow``) and .NET (``Flow``)
    clients.
    """

    _id_field = "flow_id"

    flow_id: int | None = None
    name: str | None = None
    type: str | None = None
    config: dict[str, Any] | None = None
    effects: list[Any] | dict[str, Any] | None = None
    execution_count: int | None = None
    ref: dict[str, Any] | None = None

    @member("GET", "/flow/{flow_id}", doc=f"{_DOC}/get-flow-by-id-26312313")
    def find(cls, flow_id: int, *, client: ClientArg = None) -> Call:
        """One flow."""
        return Call(path={"flow_id": flow_id})

    afind = find.twin()

    @members("GET", "/flow/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-flows-26312304")
    def find_all(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The flows on an object (``find_all("app", app_id)``)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all = find_all.twin()

    @member("POST", "/flow/{ref_type}/{ref_id}/", doc=f"{_DOC}/add-new-flow-26309928")
    def create(
        cls, ref_type: str, ref_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Add a flow to an object: ``{"name", "type", "config", "effects": [...]}``.

        Returns the new flow (Podio answers ``{"flow_id": ...}``).
        """
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/flow/{flow_id}", doc=f"{_DOC}/update-flow-26310901")
    def update(
        cls, flow_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a flow's `name`, `config` or `effects`; returns the HTTP status."""
        return Call(path={"flow_id": flow_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/flow/{flow_id}", doc=f"{_DOC}/delete-flow-32929229")
    def delete(cls, flow_id: int, *, client: ClientArg = None) -> Call:
        """Delete a flow; returns the HTTP status."""
        return Call(path={"flow_id": flow_id})

    adelete = delete.twin()

    @returns(as_raw, "GET", "/flow/{flow_id}/context/", doc=f"{_DOC}/get-flow-context-26313659")
    def get_context(cls, flow_id: int, *, client: ClientArg = None) -> Call:
        """The attributes a flow's effects may use, keyed by name, as Podio sends them."""
        return Call(path={"flow_id": flow_id})

    aget_context = get_context.twin()

    @returns(
        as_raw,
        "POST",
        "/flow/{ref_type}/{ref_id}/attributes/",
        doc=f"{_DOC}/get-possible-attributes-33060379",
    )
    def get_possible_attributes(
        cls, ref_type: str, ref_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """The attributes available to an effect of a flow being designed: ``{"cause":
        {...}, "effect": {...}}`` in; a list of attributes out. Only reads."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes), idempotent=True
        )

    aget_possible_attributes = get_possible_attributes.twin()

    @returns(
        as_raw,
        "POST",
        "/flow/{ref_type}/{ref_id}/effect/attributes",
        doc=f"{_DOC}/get-effect-attributes-239234961",
    )
    def get_effect_attributes(
        cls,
        ref_type: str,
        ref_id: int,
        attributes: Mapping[str, Any] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """The attributes effects on an object may use. The PHP client sends no body; pass
        `attributes` to send one. Only reads."""
        json: Any = dict(attributes) if attributes is not None else None
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=json, idempotent=True)

    aget_effect_attributes = get_effect_attributes.twin()
