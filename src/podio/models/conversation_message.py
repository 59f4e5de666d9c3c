"""Conversation messages: the texts posted in a conversation."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from .by_line import ByLine

__all__ = ["ConversationMessage"]


class ConversationMessage(Model):
    """One message of a conversation, with its files and embedded link."""

    _id_field = "message_id"

    message_id: int | None = None
    text: str | None = None
    embed_id: int | None = None
    embed_file_id: int | None = None
    embed: dict[str, Any] | None = None
    embed_file: dict[str, Any] | None = None
    files: list[dict[str, Any]] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
