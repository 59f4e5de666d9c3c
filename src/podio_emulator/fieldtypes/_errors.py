"""Errors raised by the field-type engine, worded the way Podio words them.

Podio reports every rejected field value as HTTP 400 with ``error: "invalid_value"`` and a
description of the form ``Invalid value "abc" (string): must be number``. The description
quotes the offending value and its JSON type but never names the field (errors.md §3; see
https://github.com/podio-community/podio-php/issues/251), so the engine does not either.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["EngineError", "InvalidValue", "describe_value", "json_type_name"]


class EngineError(Exception):
    """Base of every engine error; carries what an HTTP layer needs to answer like Podio."""

    status: int = 400
    error: str = "invalid_value"

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


class InvalidValue(EngineError):
    """A value, field definition or filter that Podio would refuse with 400 ``invalid_value``."""

    @classmethod
    def of(cls, value: Any, reason: str) -> InvalidValue:
        """Build the Podio-style message ``Invalid value <json> (<type>): <reason>``."""
        return cls(f"Invalid value {describe_value(value)} ({json_type_name(value)}): {reason}")


def json_type_name(value: Any) -> str:
    """Name the JSON type of ``value`` the way Podio's messages do (``string``, ``array``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def describe_value(value: Any) -> str:
    """Compact JSON of ``value`` as quoted in Podio's messages (``["Test"]``, ``"x"``, ``0``)."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    except (TypeError, ValueError):
        text = repr(value)
    # Very large bodies would make the message unreadable; Podio's own messages stay short.
    return text if len(text) <= 200 else text[:197] + "..."
