"""Activities: one thing that happened to an object, as listed in its stream entry."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._shapes import ByReference
from .by_line import ByLine
from .via import Via

__all__ = ["Activity"]


class Activity(ByReference, Model):
    """One activity on a stream object (``activity`` of a `StreamObject`).

    `type` names the kind of object the activity concerns (``comment``, ``file``, ...),
    `activity_type` what happened (``creation``, ``update``, ...) and `data` that object.
    """

    _id_field = "id"

    type: str | None = None
    activity_type: str | None = None
    data: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
