"""``--filter key=value`` and ``--sort-by`` turned into Podio's filter body (fields.md §4).

The value syntax is Podio's own query-string form, so what works in a Podio URL works here:
``status=Active;Done`` (options by text or id, ``null`` for "no value"), ``hours=10-100``,
``hours=10-`` (open range), ``deadline=2025-01-01-2025-06-30``, ``created_on=-7d-+0d``
(relative days, weeks, months, years), ``created_by=user:1;user:2``, ``tags=urgent;vip``.
Keys are a field's external id, label or id, or one of Podio's special keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..fields import AppSchema, FieldValueError, SchemaField
from ._cells import parse_duration

__all__ = ["SORT_KEYS", "parse_filters", "sort_key"]

#: Keys Podio filters on that are not fields (fields.md §4, and what the web app sends).
_BY = frozenset({"created_by", "last_edit_by"})
_VIA = frozenset({"created_via", "last_edit_via"})
_WHEN = frozenset({"created_on", "last_edit_on"})
_IDS = frozenset({"item_id", "app_item_id"})
_TEXTS = frozenset({"external_id", "tags"})
_SPECIAL = _BY | _VIA | _WHEN | _IDS | _TEXTS | {"title"}

#: Podio's `sort_by` values that are not fields (fields.md §4).
SORT_KEYS = frozenset(
    {
        "created_by", "created_on", "last_edit_by", "last_edit_on", "app_item_id", "item_id",
        "activity", "priority", "title", "like", "approved", "rsvp", "fivestar", "yesno",
        "thumbs",
    }
)  # fmt: skip

_RANGE_TYPES = frozenset({"number", "money", "progress", "duration", "calculation"})
_ID_TYPES = frozenset({"app", "contact", "member"})
_NUMBER = r"-?\d+(?:\.\d+)?"
_DAY = r"\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2}(?::\d{2})?)?|[+-]\d+[dwmy]"
_NUMBER_RANGE = re.compile(rf"^({_NUMBER})?-({_NUMBER})?$")
_DATE_RANGE = re.compile(rf"^({_DAY})?-({_DAY})?$")
_ONE_DATE = re.compile(rf"^(?:{_DAY})$")


def parse_filters(pairs: Sequence[str], schema: AppSchema) -> dict[str, Any]:
    """``["status=Active;Done", "hours=10-"]`` -> ``{"<field_id>": [2, 4], ...}``.

    Raises `FieldValueError` for an unknown key or a value the key cannot take, naming it.
    """
    filters: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise FieldValueError(pair, None, "a filter is key=value, e.g. status=Active")
        if key in _SPECIAL and schema.find(key) is None:
            filters[key] = _special(key, text.strip())
            continue
        field = schema.find(key)
        if field is None:
            raise schema.unknown(key)
        name = str(field.field_id) if field.field_id is not None else field.name
        filters[name] = _field_filter(field, text.strip())
    return filters


def sort_key(name: str | None, schema: AppSchema) -> str | None:
    """A field (external id, label or id) as the field id Podio sorts by, or a sort keyword."""
    if name is None:
        return None
    field = schema.find(name)
    if field is not None and field.field_id is not None:
        return str(field.field_id)
    if name in SORT_KEYS:
        return name
    raise FieldValueError(
        name, None, f"{schema.unknown(name).reason}; or one of {', '.join(sorted(SORT_KEYS))}"
    )


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _special(key: str, text: str) -> Any:
    if key in _BY:
        return [_auth(key, part) for part in _parts(text)]
    if key in _VIA:
        return [_int(key, part) for part in _parts(text)]
    if key in _WHEN:
        return _date_range(key, text)
    if key in _IDS:
        match = _NUMBER_RANGE.match(text)
        if match and "." not in text:
            return _range(match)
        return [_int(key, part) for part in _parts(text)]
    if key in _TEXTS:
        return _parts(text)
    return text  # title: a part of the title


def _auth(key: str, part: str) -> dict[str, Any]:
    kind, sep, ident = part.partition(":")
    if not sep:
        kind, ident = "user", part
    return {"type": kind, "id": _int(key, ident)}


def _int(key: str, text: str) -> int | None:
    if text == "null":
        return None
    try:
        return int(text)
    except ValueError:
        raise FieldValueError(key, text, f"takes ids, not {text!r}") from None


def _field_filter(field: SchemaField, text: str) -> Any:
    kind = field.type
    if kind in ("category", "question"):
        return [None if part == "null" else _option(field, part) for part in _parts(text)]
    if kind in _ID_TYPES:
        return [_int(field.name, part) for part in _parts(text)]
    if kind == "date":
        return _date_range(field.name, text)
    if kind in _RANGE_TYPES:
        if kind == "duration" and not re.fullmatch(r"[\d.\-]*", text):
            low, _, high = text.partition("-")
            return {
                "from": _seconds(field, low) if low else None,
                "to": _seconds(field, high) if high else None,
            }
        text = text.rstrip("%") if kind == "progress" else text
        match = _NUMBER_RANGE.match(text)
        if match:
            return _range(match)
        if re.fullmatch(_NUMBER, text):
            return {"from": _numeric(text), "to": _numeric(text)}
        raise FieldValueError(field.name, text, "takes a range such as 10-100, 10- or -100")
    return text


def _seconds(field: SchemaField, text: str) -> int:
    return int(parse_duration(field, text).total_seconds())


def _option(field: SchemaField, part: str) -> int:
    if part.isdigit():
        try:
            return field.option(int(part)).id
        except FieldValueError:
            pass
    return field.option(part).id


def _numeric(text: str | None) -> int | float | None:
    if text is None:
        return None
    return float(text) if "." in text else int(text)


def _range(match: re.Match[str]) -> dict[str, Any]:
    return {"from": _numeric(match.group(1)), "to": _numeric(match.group(2))}


def _date_range(name: str, text: str) -> dict[str, Any]:
    if _ONE_DATE.match(text) and not text.startswith(("-", "+")):
        return {"from": text, "to": text}
    match = _DATE_RANGE.match(text)
    if match is None:
        raise FieldValueError(
            name, text, "takes dates such as 2025-01-01-2025-06-30, 2025-01-01- or -7d-+0d"
        )
    return {"from": match.group(1), "to": match.group(2)}
