"""Text from a CSV cell (or a JSON string) as the Python value a field takes.

The forms are those of `FieldValue.humanized`, so a CSV written by ``podio export`` reads
back: ``1200.50 EUR``, ``42%``, ``1d 2h 3m``, ``2026-12-01 14:00`` (the user's local time;
``... UTC`` for an instant), ``start - end`` ranges, option texts joined by ``, ``. References
to other objects are written by id (``123`` or ``123, 456``, what ``podio export --ref-ids``
writes), because their display text (an item's title, a person's name) does not identify
them. What is left is checked by
`podio.fields.write_value` against the field's definition.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .._serialization import UTC
from ..fields import FieldValueError, SchemaField

__all__ = ["parse_cell", "parse_duration"]

_MONEY = re.compile(
    r"^(?:(?P<before>[A-Za-z]{3})\s*)?(?P<amount>-?\d+(?:\.\d+)?)(?:\s*(?P<after>[A-Za-z]{3}))?$"
)
_DURATION_PART = re.compile(r"(\d+)\s*([dhms])")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")
_MOMENT = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(\s*(?:UTC|Z))?$", re.IGNORECASE
)
_ID_SEPARATORS = re.compile(r"[,;\s]+")
_REFERENCE_TYPES = {
    "app": "item ids",
    "contact": "profile ids",
    "member": "user ids",
    "image": "file ids",
    "file": "file ids",
    "video": "file ids",
}


def parse_cell(field: SchemaField, text: str) -> Any:
    """The value `text` stands for in `field`; ``None`` for an empty cell.

    Raises `FieldValueError` (naming the field) for text that cannot be the field's value.
    Text fields keep their text exactly; other cells are read without surrounding blanks.
    """
    kind = field.type
    if kind == "text":
        return text if text.strip() else None
    text = text.strip()
    if not text:
        return None
    if kind == "money":
        return _money(field, text)
    if kind == "progress":
        digits = text[:-1].strip() if text.endswith("%") else text
        if not digits.isdigit():
            raise FieldValueError(field.name, text, "progress is a whole number such as 40 or 40%")
        return int(digits)
    if kind == "duration":
        return parse_duration(field, text)
    if kind == "date":
        return _date(field, text)
    if kind in ("category", "question"):
        return _options(field, text)
    if kind in _REFERENCE_TYPES:
        return _ids(field, text)
    if kind in ("embed", "email", "phone", "tel"):
        parts = [part.strip() for part in text.split(",") if part.strip()]
        return parts if len(parts) > 1 else parts[0]
    return text  # number (a numeric str), location, and types passed through as text


def _money(field: SchemaField, text: str) -> Any:
    match = _MONEY.match(text)
    if match is None or (match["before"] and match["after"]):
        raise FieldValueError(field.name, text, "money is an amount and a currency: 1200.50 EUR")
    currency = match["before"] or match["after"]
    return (match["amount"], currency.upper()) if currency else match["amount"]


def parse_duration(field: SchemaField, text: str) -> _dt.timedelta:
    """``93784``, ``1d 2h 3m 4s`` (what Podio shows) or ``26:03:04`` as a timedelta."""
    text = text.strip()
    if text.isdigit():
        return _dt.timedelta(seconds=int(text))
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return _dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
    parts = _DURATION_PART.findall(text)
    if not parts or _DURATION_PART.sub("", text).strip():
        raise FieldValueError(
            field.name, text, "a duration is seconds, 1d 2h 3m 4s, or hours:minutes:seconds"
        )
    size = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    return _dt.timedelta(seconds=sum(int(count) * size[unit] for count, unit in parts))


def _date(field: SchemaField, text: str) -> Any:
    start, sep, end = text.partition(" - ")
    first = _moment(field, start.strip())
    if not sep:
        return first
    return (first, _moment(field, end.strip()))


def _moment(field: SchemaField, text: str) -> _dt.date:
    match = _MOMENT.match(text)
    if match is None:
        raise FieldValueError(
            field.name, text, "a date is 2026-12-01, 2026-12-01 14:00, or a range 'start - end'"
        )
    day, hour, minute, second, utc = match.groups()
    try:
        date = _dt.date.fromisoformat(day)
        if hour is None:
            if utc:
                raise FieldValueError(field.name, text, "a UTC date needs a time of day")
            return date
        moment = _dt.datetime(
            date.year, date.month, date.day, int(hour), int(minute), int(second or 0)
        )
    except ValueError as exc:
        if isinstance(exc, FieldValueError):
            raise
        raise FieldValueError(field.name, text, f"is not a date: {exc}") from None
    # Without a zone the time is the Podio user's wall-clock time, as Podio shows it.
    return moment.replace(tzinfo=UTC) if utc else moment


def _options(field: SchemaField, text: str) -> Any:
    """One option (its text or id), or several joined by commas.

    The whole cell is tried as one option first, so an option text holding a comma still
    works; a cell that is no option is split at its commas.
    """
    texts = {option.text for option in field.options if option.text}
    folded = {value.casefold() for value in texts}
    if text in texts or text.casefold() in folded:
        return [text] if field.multiple else text
    parts = [part.strip() for part in text.split(",") if part.strip()]
    values: list[Any] = [
        int(part) if part.isdigit() and part not in texts else part for part in parts
    ]
    if not field.multiple:
        return values[0] if len(values) == 1 else values
    return values


def _ids(field: SchemaField, text: str) -> Any:
    parts = [part for part in _ID_SEPARATORS.split(text) if part]
    if not all(part.isdigit() for part in parts):
        raise FieldValueError(
            field.name,
            text,
            f"{field.type} fields are written with {_REFERENCE_TYPES[field.type]} "
            "(such as 123, 456), not names; export with --ref-ids to get them",
        )
    ids = [int(part) for part in parts]
    return ids if field.multiple or len(ids) > 1 else ids[0]
