"""Spaces (workspaces): where apps, members and status messages live."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_raw, member, returns
from .by_line import ByLine
from .organization import Organization

__all__ = ["Space"]

_DOC = "https://developers.podio.com/doc/spaces"


class Space(Model):
    """A workspace (``GET /space/{space_id}``); see objects.md and samples/space-get.json."""

    _id_field = "space_id"

    space_id: int | None = None
    name: str | None = None
    description: str | None = None
    url: str | None = None
    url_label: str | None = None
    org_id: int | None = None
    org: Organization | None = None
    contact_count: int | None = None
    member_count: int | None = None
    app_count: int | None = None
    role: str | None = None
    rights: list[str] | None = None
    post_on_new_app: bool | None = None
    post_on_new_member: bool | None = None
    subscribed: bool | None = None
    privacy: str | None = None
    auto_join: bool | None = None
    archived: bool | None = None
    type: str | None = None
    premium: bool | None = None
    last_activity_on: DateTime | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    is_overdue: bool | None = None
    push: dict[str, Any] | None = None

    @member("GET", "/space/{space_id}", doc=f"{_DOC}/get-space-22389")
    def find(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """One space."""
        return Call(path={"space_id": space_id})

    afind = find.twin()

    @returns(as_raw, "POST", "/space/", doc=f"{_DOC}/create-space-22390")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Create a space: ``{"org_id", "name", "privacy", "auto_join", ...}``.

        Returns Podio's answer, ``{"space_id": ..., "url": ...}``.
        """
        return Call(json=dict(attributes))

    acreate = create.twin()
