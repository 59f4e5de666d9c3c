"""Actions: point-in-time activities such as a space or app being created."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, member
from .by_line import ByLine
from .via import Via

__all__ = ["Action"]

_DOC = "https://developers.podio.com/doc/actions"


class Action(Model):
    """An action (``space_created``, ``member_added``, ``app_created``, ...) with the object it
    concerns under `data`. Podio may add types at any time; unknown ones are kept as sent."""

    _id_field = "action_id"

    action_id: int | None = None
    type: str | None = None
    text: str | None = None
    data: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    comments: list[dict[str, Any]] | None = None
    rights: list[str] | None = None
    pinned: bool | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None
    is_liked: bool | None = None
    like_count: int | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None

    @member("GET", "/action/{action_id}", doc=f"{_DOC}/get-action-1701120")
    def find(cls, action_id: int, *, client: ClientArg = None) -> Call:
        """One action."""
        return Call(path={"action_id": action_id})

    afind = find.twin()
