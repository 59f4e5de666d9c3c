"""Podio's wire formats for dates and times, and JSON encoding of Python values.

Podio writes datetimes as ``YYYY-MM-DD HH:MM:SS`` in UTC (no ``T``, no offset), dates as
``YYYY-MM-DD`` and times as ``HH:MM:SS`` (conventions.md §3). Everything here is I/O free and
shared by the connection and the models.
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from typing import Any

__all__ = [
    "dumps",
    "format_date",
    "format_datetime",
    "format_time",
    "parse_date",
    "parse_datetime",
    "parse_time",
    "to_jsonable",
]

UTC = _dt.timezone.utc
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def parse_datetime(value: str | _dt.datetime) -> _dt.datetime:
    """Parse a Podio datetime into an aware UTC datetime.

    Podio sends naive UTC strings; an ISO string with an offset is converted to UTC, so values
    written by other tools still compare correctly.
    """
    if isinstance(value, _dt.datetime):
        parsed = value
    else:
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        parsed = _dt.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_datetime(value: _dt.datetime) -> str:
    """Format a datetime the way Podio expects: UTC, ``YYYY-MM-DD HH:MM:SS``.

    A naive datetime is taken to be UTC already, which is what Podio itself assumes.
    """
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime(DATETIME_FORMAT)


def parse_date(value: str | _dt.date) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value.strip()[:10])


def format_date(value: _dt.date) -> str:
    return value.isoformat()


def parse_time(value: str | _dt.time) -> _dt.time:
    if isinstance(value, _dt.time):
        return value
    return _dt.time.fromisoformat(value.strip())


def format_time(value: _dt.time) -> str:
    return value.strftime("%H:%M:%S")


def to_jsonable(value: Any) -> Any:
    """Turn Python values into what Podio accepts in a JSON body.

    Datetimes become Podio's UTC text, dates and times ISO text, Decimals their exact digits as
    a string (Podio reads numbers and money amounts from strings: fields.md §3), sets and tuples
    lists, and objects with an ``as_json()`` method (models) their JSON form.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    if isinstance(value, _dt.time):
        return format_time(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(item) for item in value]
    as_json = getattr(value, "as_json", None)
    if callable(as_json):
        return to_jsonable(as_json())
    raise TypeError(f"cannot send a value of type {type(value).__name__} to Podio as JSON")


def dumps(value: Any) -> bytes:
    """Encode a request body as compact UTF-8 JSON.

    Raises `TypeError` for a value of a type JSON cannot hold and `ValueError` for NaN or an
    infinity (Python would write ``NaN``, which is not JSON and which Podio cannot read), for
    text that is not valid Unicode, and for nesting too deep to encode.
    """
    try:
        text = json.dumps(
            to_jsonable(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
        return text.encode()
    except RecursionError:
        raise ValueError("the JSON body is nested too deeply to send") from None
    except UnicodeEncodeError as exc:
        raise ValueError(f"the JSON body holds text that is not valid Unicode: {exc}") from None
    except ValueError:
        raise ValueError("the JSON body holds NaN or an infinity, which JSON cannot hold") from None
