"""The one error of the field layer: a value that cannot be written to a field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["FieldValueError"]


class FieldValueError(ValueError):
    """A value cannot be written to an item field; raised before anything is sent.

    `field` names the field as the caller gave it (external_id, field_id or label), `value` is
    the offending Python value, `reason` says what is wrong in a sentence, and `choices` lists
    what would have been accepted when that is a short list (option texts, close field names,
    allowed currencies), else it is empty.

    It is a `ValueError`, so code that already guards conversions with ``except ValueError``
    keeps working; the message always starts with the field's name.
    """

    field: str
    value: Any
    reason: str
    choices: tuple[str, ...]

    def __init__(
        self, field: str | int, value: Any, reason: str, *, choices: Sequence[str] = ()
    ) -> None:
        self.field = str(field)
        self.value = value
        self.reason = reason
        self.choices = tuple(choices)
        super().__init__(f"field {self.field!r}: {reason}")

    def __repr__(self) -> str:
        return f"FieldValueError(field={self.field!r}, reason={self.reason!r})"
