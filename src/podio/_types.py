"""Small shared types: the "not given" sentinel and the aliases used in signatures."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import IO, Any, Literal

import httpx

__all__ = [
    "NOT_GIVEN",
    "FileContent",
    "FileTypes",
    "NotGiven",
    "QueryParams",
    "TimeoutTypes",
]


class NotGiven(enum.Enum):
    """Marks an argument the caller did not pass.

    `None` is a real value for many Podio calls (it clears a field, or switches a timeout off),
    so "leave it to the default" needs a value of its own. Users never have to write it.
    """

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> Literal[False]:
        return False


NOT_GIVEN = NotGiven.NOT_GIVEN

TimeoutTypes = float | httpx.Timeout | None
QueryParams = Mapping[str, str | int | float | bool | Sequence[str | int | float] | None]
FileContent = bytes | IO[bytes]
# (filename, content) or (filename, content, content_type)
FileTypes = FileContent | tuple[str, FileContent] | tuple[str, FileContent, str]
JSONData = Any
