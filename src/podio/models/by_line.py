"""ByLine: who did something (a user, an app, ...), as embedded in most objects."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model

__all__ = ["ByLine"]


class ByLine(Model):
    """The author of an object: ``created_by``, ``user``, ``completed_by``...

    `type` is ``"user"``, ``"app"``, ``"space"``... and `id` the id of that entity; for users
    `user_id` is set as well (conventions.md §8).
    """

    _id_field = "id"

    type: str | None = None
    user_id: int | None = None
    name: str | None = None
    url: str | None = None
    avatar: int | None = None
    avatar_id: int | None = None
    avatar_type: str | None = None
    image: dict[str, Any] | None = None
    last_seen_on: DateTime | None = None
