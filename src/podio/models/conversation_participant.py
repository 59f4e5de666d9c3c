"""Conversation participants: who takes part in a conversation, and since when."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from .by_line import ByLine
from .via import Via

__all__ = ["ConversationParticipant"]


class ConversationParticipant(Model):
    """A participant: the `user` and who added them (`created_by`, `created_on`).

    As in the Ruby gem, `user_id`, `name`, `avatar` and `link` read through to the user.
    """

    created_on: DateTime | None = None
    user: dict[str, Any] | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None

    def _user(self, key: str, kind: type) -> Any:
        value = self.user.get(key) if isinstance(self.user, dict) else None
        return value if isinstance(value, kind) and not isinstance(value, bool) else None

    @property
    def user_id(self) -> int | None:
        """The participant's user id."""
        value: int | None = self._user("user_id", int)
        return value

    @property
    def name(self) -> str | None:
        value: str | None = self._user("name", str)
        return value

    @property
    def avatar(self) -> int | None:
        value: int | None = self._user("avatar", int)
        return value

    @property
    def link(self) -> str | None:
        value: str | None = self._user("link", str)
        return value
