"""Writing item field values: Python values to the JSON Podio accepts, checked first.

Podio takes a field's value in four forms (fields.md §2.3); this module always sends the first,
a list of objects keyed by the type's sub_ids (``[{"value": 3}]``), which is also the only form
the array-style ``fields`` body accepts (podio-php issue 116). An empty list clears a field.

With the app's definition (an `AppSchema`), values are checked before anything is sent and a
`FieldValueError` names the field and says what is wrong. Without it, typed values
(`Money`, `DateRange`, refs, ...) are still converted and everything else is passed through
for Podio to judge.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .._serialization import UTC, format_date, to_jsonable
from ._errors import FieldValueError
from ._read import FILE_TYPES, parse_values
from ._schema import CATEGORY_TYPES, READ_ONLY_TYPES, SINGLE_TYPES, AppSchema, SchemaField
from ._values import (
    CategoryOption,
    DateRange,
    EmbedRef,
    FileRef,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    TypedValue,
    exact_context,
    to_decimal,
)

__all__ = [
    "AppFieldsArg",
    "changed_fields",
    "expected_read_values",
    "fields_payload",
    "read_to_write",
    "write_value",
]

AppFieldsArg = AppSchema | Sequence[Mapping[str, Any]] | Mapping[str, Any] | None
"""An app definition: an `AppSchema`, the ``GET /app`` body, or its ``fields`` list."""

_DATETIME = "%Y-%m-%d %H:%M:%S"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_FOUR_PLACES = Decimal("0.0001")
# Kinds Podio offers for e-mail and phone values (fields.md §3), to tell ("work", "x") pairs
# from pairs of two addresses when the field's own `possible_types` are not known.
_KNOWN_KINDS = frozenset(
    {"work", "home", "other", "mobile", "main", "work_fax", "private_fax", "private"}
)
# Types whose values are sets: their order does not make a change (diffs compare sorted).
_UNORDERED = frozenset({"category", "question", "app", "contact", "member"}) | FILE_TYPES


@dataclass(frozen=True)
class _Target:
    """The field being written, for conversions and their error messages."""

    name: str
    type: str
    field: SchemaField | None

    @property
    def settings(self) -> Mapping[str, Any]:
        return self.field.settings if self.field is not None else {}

    def error(self, value: Any, reason: str, choices: Sequence[str] = ()) -> FieldValueError:
        return FieldValueError(self.name, value, reason, choices=choices)

    def wrong_type(self, value: Any, expected: str) -> FieldValueError:
        return self.error(
            value, f"a {self.type} field takes {expected}, not {type(value).__name__} {value!r}"
        )


def write_value(
    value: Any,
    field: SchemaField | None = None,
    *,
    field_type: str | None = None,
    name: str | int | None = None,
) -> Any:
    """The JSON Podio accepts for `value` written to `field` (or to a field of `field_type`).

    Returns a list of write objects, ``[]`` for ``None`` or an empty list (which clears the
    field). Raises `FieldValueError` for a value the field cannot hold; see the module
    docstring and docs/fields.md for what each type accepts.
    """
    ftype = field.type if field is not None else field_type
    target = _Target(
        name=str(name if name is not None else (field.name if field is not None else "?")),
        type=ftype or "unknown",
        field=field,
    )
    if value is None or (isinstance(value, (list, tuple, set, frozenset)) and not value):
        return []
    if ftype is None:
        return _untyped(value, target)
    if ftype in READ_ONLY_TYPES:
        what = "computed by Podio" if ftype == "calculation" else "layout only"
        raise target.error(value, f"is a {ftype} field ({what}) and cannot be written")
    writer = _WRITERS.get(ftype)
    elements = _split(value, target)
    if writer is None:
        why = f"to a field of type {ftype!r}, which this library cannot check"
        return [_as_given(element, target, why) for element in elements]
    out: list[Any] = []
    for element in elements:
        converted = writer(element, target)
        if converted is not None and converted not in out:
            out.append(converted)
    single = not field.multiple if field is not None else ftype in SINGLE_TYPES
    if len(out) > 1 and single:
        raise target.error(value, f"holds one value, got {len(out)}{_range_hint(ftype)}")
    return out


def _range_hint(ftype: str) -> str:
    return " (for a range pass a (start, end) tuple or a DateRange)" if ftype == "date" else ""


def _split(value: Any, target: _Target) -> list[Any]:
    """The elements of a value: a list is many values, anything else one.

    Tuples are one value where they mean one: ``(start, end)`` for dates, ``(amount,
    currency)`` for money and ``(kind, address)`` for e-mail and phone.
    """
    if isinstance(value, (str, bytes, Mapping)):
        return [value]
    if isinstance(value, tuple):
        if target.type == "date":
            return [value]
        if target.type == "money" and len(value) == 2 and isinstance(value[1], str):
            return [value]
        if target.type in ("email", "phone", "tel") and _is_kind_pair(value, target):
            return [value]
        return list(value)
    if isinstance(value, (list, set, frozenset)):
        return list(value)
    return [value]


def _is_kind_pair(value: tuple[Any, ...], target: _Target) -> bool:
    if len(value) != 2 or not all(isinstance(v, str) for v in value):
        return False
    kinds = target.settings.get("possible_types")
    known = _KNOWN_KINDS | (set(kinds) if isinstance(kinds, list) else set())
    return value[0] in known


# -- one writer per type ----------------------------------------------------------------------


def _unwrap(element: Any, *keys: str) -> Any:
    """A bare value from ``{"value": x}``-like dicts (what callers copy from read shapes)."""
    if isinstance(element, Mapping):
        for key in (*keys, "value"):
            if key in element:
                return element[key]
    return element


def _write_text(element: Any, target: _Target) -> Any:
    value = _unwrap(element)
    if not isinstance(value, str):
        raise target.wrong_type(value, "a str")
    if value == "":
        return None  # an empty text is no value; Podio drops it too
    return {"value": value}


def _decimal_for(value: Any, target: _Target) -> Decimal:
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as this float: what was typed
    try:
        return to_decimal(value)
    except TypeError:
        raise target.wrong_type(value, "an int, a Decimal, a float or a numeric str") from None
    except ValueError as exc:
        raise target.error(value, str(exc)) from None


def _write_number(element: Any, target: _Target) -> Any:
    return {"value": format(_decimal_for(_unwrap(element), target), "f")}


def _write_money(element: Any, target: _Target) -> Any:
    money: Money
    if isinstance(element, Money):
        money = element
    elif isinstance(element, tuple) and len(element) == 2:
        money = _make_money(element[0], element[1], target)
    elif isinstance(element, Mapping):
        amount = element.get("value", element.get("amount"))
        currency = element.get("currency")
        if currency is None:
            money = _money_without_currency(amount, target)
        else:
            money = _make_money(amount, currency, target)
    elif isinstance(element, (int, str, Decimal, float)) and not isinstance(element, bool):
        money = _money_without_currency(element, target)
    else:
        raise target.wrong_type(element, "a Money (podio.Money('12.50', 'EUR'))")
    allowed = target.field.allowed_currencies if target.field is not None else ()
    if allowed and money.currency not in allowed:
        raise target.error(
            element,
            f"currency {money.currency} is not allowed; allowed: {', '.join(allowed)}",
            choices=allowed,
        )
    return {"value": format(money.amount, "f"), "currency": money.currency}


def _make_money(amount: Any, currency: Any, target: _Target) -> Money:
    number = _decimal_for(amount, target)
    try:
        return Money(number, currency)
    except (TypeError, ValueError) as exc:
        raise target.error((amount, currency), str(exc)) from None


def _money_without_currency(amount: Any, target: _Target) -> Money:
    allowed = target.field.allowed_currencies if target.field is not None else ()
    if len(allowed) == 1:
        return _make_money(amount, allowed[0], target)
    raise target.error(
        amount,
        "needs a currency: write podio.Money(amount, 'EUR')"
        + (f" with one of {', '.join(allowed)}" if allowed else ""),
        choices=allowed,
    )


def _write_progress(element: Any, target: _Target) -> Any:
    value = _unwrap(element)
    if isinstance(value, bool) or not isinstance(value, int):
        raise target.wrong_type(value, "an int from 0 to 100")
    if not 0 <= value <= 100:
        raise target.error(value, f"progress must be between 0 and 100, got {value}")
    return {"value": value}


def _write_duration(element: Any, target: _Target) -> Any:
    value = _unwrap(element)
    if isinstance(value, _dt.timedelta):
        if value.microseconds:
            raise target.error(value, "durations are whole seconds; round the timedelta first")
        seconds = value.days * 86400 + value.seconds
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    else:
        raise target.wrong_type(value, "a timedelta or an int of seconds")
    if seconds < 0:
        raise target.error(value, "a duration cannot be negative")
    return {"value": seconds}


def _write_date(element: Any, target: _Target) -> Any:
    start: Any
    end: Any
    if isinstance(element, DateRange):
        start, end = element.start, element.end
    elif isinstance(element, tuple):
        if len(element) != 2:
            raise target.error(element, "a date range is a (start, end) tuple")
        start, end = element
    elif isinstance(element, _dt.date):
        start, end = element, None
    elif isinstance(element, Mapping):
        return _write_date_mapping(element, target)
    else:
        raise target.wrong_type(element, "a date, a datetime, a DateRange or a (start, end) tuple")
    if start is None:
        raise target.error(element, "has an end but no start")
    for point in (start, end):
        if point is not None and not isinstance(point, _dt.date):
            raise target.wrong_type(point, "dates or datetimes")
    _check_date_settings(element, start, end, target)
    out: dict[str, Any] = {}
    out.update(_date_point("start", start))
    if end is not None:
        out.update(_date_point("end", end))
    return out


def _date_point(prefix: str, value: _dt.date) -> dict[str, str]:
    """``start_date`` for a date, ``start_utc`` for an aware datetime, ``start`` for naive.

    A naive datetime is the user's wall-clock time; Podio reads ``start`` in the user's zone
    (fields.md §3, as podio-dotnet sends it), so the time is never shifted here.
    """
    if not isinstance(value, _dt.datetime):
        return {f"{prefix}_date": format_date(value)}
    if value.tzinfo is None:
        return {prefix: value.strftime(_DATETIME)}
    return {f"{prefix}_utc": value.astimezone(UTC).strftime(_DATETIME)}


def _check_date_settings(
    element: Any, start: _dt.date, end: _dt.date | None, target: _Target
) -> None:
    settings = target.settings
    timed = [p for p in (start, end) if isinstance(p, _dt.datetime)]
    if settings.get("time") == "disabled" and timed:
        raise target.error(element, "takes dates without a time of day; pass datetime.date")
    if settings.get("time") == "required" and len(timed) < (1 if end is None else 2):
        raise target.error(element, "needs a time of day; pass datetimes")
    if end is None:
        if settings.get("end") == "required":
            raise target.error(element, "needs an end: pass (start, end) or a DateRange")
        return
    if settings.get("end") == "disabled":
        raise target.error(element, "takes no end date")
    if _before(end, start):
        raise target.error(element, f"ends ({end}) before it starts ({start})")


def _before(end: _dt.date, start: _dt.date) -> bool:
    """Whether `end` is before `start`, when that can be told without a time zone."""
    end_dt, start_dt = isinstance(end, _dt.datetime), isinstance(start, _dt.datetime)
    if end_dt and start_dt:
        assert isinstance(end, _dt.datetime) and isinstance(start, _dt.datetime)
        if (end.tzinfo is None) != (start.tzinfo is None):
            return False  # a local and a UTC time: only Podio knows the user's zone
        return end < start
    end_day = end.date() if isinstance(end, _dt.datetime) else end
    start_day = start.date() if isinstance(start, _dt.datetime) else start
    return end_day < start_day


_DATE_KEYS = frozenset(
    f"{prefix}{suffix}"
    for prefix in ("start", "end")
    for suffix in ("", "_date", "_time", "_utc", "_date_utc", "_time_utc")
)


def _write_date_mapping(element: Mapping[str, Any], target: _Target) -> Any:
    """A dict in Podio's own date keys: checked for a start, then sent as given."""
    unknown = set(element) - _DATE_KEYS
    if unknown:
        raise target.error(
            dict(element), f"unknown date keys {', '.join(sorted(unknown))}; use DateRange"
        )
    try:
        parsed = parse_values("date", [element])
    except ValueError as exc:
        raise target.error(dict(element), f"is not a date value: {exc}") from None
    value = parsed[0]
    _check_date_settings(element, value.start, value.end, target)
    return {key: item for key, item in element.items() if item is not None}


def _write_category(element: Any, target: _Target) -> Any:
    value = _unwrap(element, "id")
    if isinstance(value, Mapping):
        value = _unwrap(value, "id")
    if isinstance(value, CategoryOption):
        value = value.id
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise target.wrong_type(
            value, "an option id (int), an option text (str) or a CategoryOption"
        )
    field = target.field
    if field is None or not field.options:
        # Without the options a text cannot be turned into an id: Podio judges it.
        return {"value": value}
    try:
        return {"value": field.option(value).id}
    except FieldValueError as exc:
        raise target.error(value, exc.reason, exc.choices) from None


def _ref_id(element: Any, target: _Target, attribute: str, what: str, *keys: str) -> int:
    """An id from an int, an object with that attribute (a model, a ref) or a dict."""
    value: Any = element
    if isinstance(element, Mapping):
        value = _unwrap(element, attribute, *keys)
        if isinstance(value, Mapping):
            value = value.get(attribute)
    elif not isinstance(element, (int, str)) and hasattr(element, attribute):
        value = getattr(element, attribute)
        if value is None:
            raise target.error(
                element, f"{type(element).__name__} has no {attribute} yet (save it first)"
            )
    if isinstance(value, bool) or not isinstance(value, int):
        raise target.wrong_type(value, f"{what} (an int, or an object with {attribute})")
    if value <= 0:
        raise target.error(value, f"{value} is not a valid {attribute}")
    return value


def _write_app(element: Any, target: _Target) -> Any:
    return {"value": _ref_id(element, target, "item_id", "an item id")}


def _write_contact(element: Any, target: _Target) -> Any:
    if isinstance(element, ProfileRef) and element.profile_id is None:
        raise target.error(element, "contacts are written by profile_id; this one has none")
    return {"value": _ref_id(element, target, "profile_id", "a profile id")}


def _write_member(element: Any, target: _Target) -> Any:
    return {"value": _ref_id(element, target, "user_id", "a user id")}


def _write_file(element: Any, target: _Target) -> Any:
    return {"value": _ref_id(element, target, "file_id", "a file id")}


def _write_embed(element: Any, target: _Target) -> Any:
    if isinstance(element, EmbedRef):
        if element.embed_id is None:
            url = element.url or element.original_url
            if not url:
                raise target.error(element, "an EmbedRef needs an embed_id or a url")
            return {"url": url}
        out: dict[str, Any] = {"embed": element.embed_id}
        if element.file is not None:
            out["file"] = element.file.file_id
        return out
    if isinstance(element, int) and not isinstance(element, bool):
        return {"embed": _ref_id(element, target, "embed_id", "an embed id")}
    if isinstance(element, str):
        if not _URL.match(element.strip()):
            raise target.error(element, "a link must be an http(s) URL or an embed id")
        # podio-objc sends {"url": ...} and lets Podio resolve the embed (fields.md §3 embed).
        return {"url": element.strip()}
    if isinstance(element, Mapping):
        if "url" in element and "embed" not in element:
            url = element["url"]
            if not isinstance(url, str) or not _URL.match(url.strip()):
                raise target.error(element, "a link must be an http(s) URL")
            return {"url": url.strip()}
        embed = element.get("embed", element.get("embed_id"))
        embed_id = _ref_id(embed, target, "embed_id", "an embed id")
        out = {"embed": embed_id}
        file = element.get("file")
        if file is not None:
            out["file"] = _ref_id(file, target, "file_id", "a file id")
        return out
    if hasattr(element, "embed_id"):  # an Embed model (POST /embed/ answers one)
        return {"embed": _ref_id(element, target, "embed_id", "an embed id")}
    raise target.wrong_type(element, "an EmbedRef, an Embed, an embed id, a URL or {'url': ...}")


def _write_location(element: Any, target: _Target) -> Any:
    if isinstance(element, str):
        return {"value": element} if element.strip() else None
    if isinstance(element, Location):
        text = element.value or element.formatted
        lat, lng = element.lat, element.lng
    elif isinstance(element, Mapping):
        text = element.get("value")
        lat, lng = element.get("lat"), element.get("lng")
        if text is not None and not isinstance(text, str):
            raise target.wrong_type(text, "an address str")
    else:
        raise target.wrong_type(element, "an address str, a Location or {'lat': ..., 'lng': ...}")
    out: dict[str, Any] = {}
    if text:
        out["value"] = text
    if (lat is None) != (lng is None):
        raise target.error(element, "lat and lng go together")
    if lat is not None and lng is not None:
        for key, number, limit in (("lat", lat, 90), ("lng", lng, 180)):
            if isinstance(number, bool) or not isinstance(number, (int, float, Decimal)):
                raise target.wrong_type(number, f"a number for {key}")
            if not -limit <= float(number) <= limit:
                raise target.error(element, f"{key} must be between -{limit} and {limit}")
            out[key] = float(number)
    if not out:
        raise target.error(element, "a location needs an address or lat and lng")
    return out


def _default_kind(target: _Target) -> str:
    """The kind of an address given as a bare str: ``other``, or the field's first kind."""
    kinds = target.settings.get("possible_types")
    if isinstance(kinds, list) and kinds and "other" not in kinds:
        return str(kinds[0])
    return "other"


def _write_typed(element: Any, target: _Target) -> Any:
    kind: Any
    value: Any
    if isinstance(element, TypedValue):
        kind, value = element.type, element.value
    elif isinstance(element, str):
        kind, value = _default_kind(target), element
    elif isinstance(element, tuple) and len(element) == 2:
        kind, value = element
    elif isinstance(element, Mapping):
        kind, value = element.get("type") or _default_kind(target), element.get("value")
    else:
        raise target.wrong_type(element, "a str, a TypedValue or a (kind, value) tuple")
    if not isinstance(value, str) or not value.strip():
        raise target.wrong_type(value, "a non-empty str")
    if not isinstance(kind, str):
        raise target.wrong_type(kind, "a kind str such as 'work'")
    kinds = target.settings.get("possible_types")
    if isinstance(kinds, list) and kinds and kind not in kinds:
        raise target.error(
            element, f"kind {kind!r} is not offered; offered: {', '.join(map(str, kinds))}",
            choices=[str(k) for k in kinds],
        )  # fmt: skip
    if target.type == "email" and not _EMAIL.match(value.strip()):
        raise target.error(value, f"{value!r} is not an e-mail address")
    return {"type": kind, "value": value.strip()}


_Writer = Callable[[Any, _Target], Any]
_WRITERS: dict[str, _Writer] = {
    "text": _write_text,
    "number": _write_number,
    "money": _write_money,
    "progress": _write_progress,
    "duration": _write_duration,
    "date": _write_date,
    "category": _write_category,
    "question": _write_category,
    "app": _write_app,
    "contact": _write_contact,
    "member": _write_member,
    "image": _write_file,
    "file": _write_file,
    "video": _write_file,
    "embed": _write_embed,
    "location": _write_location,
    "email": _write_typed,
    "phone": _write_typed,
}

# Which writer a typed value implies when the field's type is not known.
_TYPE_OF_VALUE: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (Money, "money"),
    ((DateRange, _dt.date), "date"),
    (CategoryOption, "category"),
    (ItemRef, "app"),
    (ProfileRef, "contact"),
    ((FileRef,), "file"),
    (EmbedRef, "embed"),
    (Location, "location"),
    (TypedValue, "email"),
    (_dt.timedelta, "duration"),
)


def _untyped(value: Any, target: _Target) -> Any:
    """Convert what the value's own type tells; pass the rest through for Podio to judge."""
    if (
        isinstance(value, tuple)
        and value
        and all(v is None or isinstance(v, _dt.date) for v in value)
    ):
        elements: list[Any] = [value]
    elif isinstance(value, (list, tuple, set, frozenset)):
        elements = list(value)
    else:
        elements = [value]
    out: list[Any] = []
    for element in elements:
        out.append(_untyped_element(element, target))
    return out


def _untyped_element(element: Any, target: _Target) -> Any:
    if isinstance(element, tuple) and all(v is None or isinstance(v, _dt.date) for v in element):
        return _write_date(element, _Target(target.name, "date", None))
    for kinds, ftype in _TYPE_OF_VALUE:
        if isinstance(element, kinds):
            if ftype == "email" and isinstance(element, TypedValue):
                return {"type": element.type, "value": element.value}
            return _WRITERS[ftype](element, _Target(target.name, ftype, None))
    if isinstance(element, Decimal):
        return format(element, "f")
    if isinstance(element, (str, int, float, bool)) or element is None:
        return element
    for attribute, ftype in (("item_id", "app"), ("profile_id", "contact"), ("file_id", "file")):
        if not isinstance(element, Mapping) and hasattr(element, attribute):
            return _WRITERS[ftype](element, _Target(target.name, ftype, None))
    return _as_given(element, target, "without knowing the field's type")


def _as_given(element: Any, target: _Target, why: str) -> Any:
    """`element` as JSON, for a field no writer checks; FieldValueError when it has none."""
    try:
        return to_jsonable(element)
    except TypeError:
        raise target.error(element, f"cannot send a {type(element).__name__} {why}") from None
    except RecursionError:
        raise target.error(element, "is nested too deeply to send") from None


# -- whole payloads ---------------------------------------------------------------------------


def _payload_key(field: SchemaField) -> str:
    return field.external_id or str(field.field_id)


def fields_payload(
    values: Mapping[str | int, Any],
    app_fields: AppFieldsArg = None,
    *,
    creating: bool,
) -> dict[str, Any]:
    """The ``fields`` object of an item create or update body.

    `values` maps an external_id (str), a field_id (int) or a label to a Python value (see
    `write_value`); ``None`` and ``[]`` clear a field. `app_fields` is the app definition (an
    `AppSchema`, the ``GET /app`` body or its ``fields`` list); with it every key is
    checked (unknown fields name the closest ones), values are checked against the field's
    settings, calculation fields are refused, and keys are normalised to the field's
    external_id (its field_id as a string when it has none). Without it keys are sent as given
    (field_ids as strings) and values converted as far as their Python type tells.

    With `creating`, required fields missing from `values` are an error; on update, clearing a
    required field is. Raises `FieldValueError` at the first problem, before anything is sent.
    """
    schema = AppSchema.coerce(app_fields)
    return {key: written for key, _, written in _convert_all(values, schema, creating=creating)}


def _convert_all(
    values: Mapping[str | int, Any], schema: AppSchema | None, *, creating: bool
) -> list[tuple[str, SchemaField | None, Any]]:
    out: list[tuple[str, SchemaField | None, Any]] = []
    given_as: dict[str, str | int] = {}
    for key, value in values.items():
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            raise FieldValueError(
                repr(key), value, "field keys are external_ids or labels (str) or field_ids (int)"
            )
        field = _field_for(schema, key)
        if field is None:
            out_key = str(key)
            converted = write_value(value, None, name=key)
        else:
            out_key = _payload_key(field)
            converted = write_value(value, field, name=key)
            if field.required and converted == [] and schema is not None and schema.complete:
                raise FieldValueError(key, value, "is required and cannot be left empty")
        if out_key in given_as:
            raise FieldValueError(
                key, value, f"is the same field as {given_as[out_key]!r}; give it once"
            )
        given_as[out_key] = key
        out.append((out_key, field, converted))
    if creating and schema is not None and schema.complete:
        written = {key for key, _, _ in out}
        missing = [
            f.name for f in schema.required if not f.read_only and _payload_key(f) not in written
        ]
        if missing:
            raise FieldValueError(
                missing[0], None,
                f"is required to create an item; missing required: {', '.join(missing)}",
                choices=missing,
            )  # fmt: skip
    return out


def _field_for(schema: AppSchema | None, key: str | int) -> SchemaField | None:
    if schema is None:
        return None
    if schema.complete:
        return schema.resolve(key)
    return schema.find(key)


def changed_fields(
    original: Sequence[Mapping[str, Any]],
    values: Mapping[str | int, Any],
    app_fields: AppFieldsArg = None,
) -> dict[str, Any]:
    """The ``fields`` of an update holding only the values that differ from `original`.

    `original` is the item's ``fields`` list as Podio sent it; `values` the new Python values
    (as for `fields_payload`). A value equal to the stored one is left out: numbers compare by
    value (``"12.5000"`` equals ``Decimal("12.5")``), categories, references, contacts and
    files as sets of ids, links by embed or URL, locations by address, dates by instant (aware
    datetimes), local wall time (naive ones) or day. Clearing a field that is empty is no
    change. Without `app_fields` the original fields serve as the definition of the fields
    they hold. Raises `FieldValueError` like `fields_payload`.
    """
    schema = AppSchema.coerce(app_fields)
    if schema is None:
        schema = AppSchema.from_item_fields(original)
    stored: dict[object, list[Any]] = {}
    for data in original:
        raw = data.get("values")
        raw_values = list(raw) if isinstance(raw, list) else []
        for key in (data.get("field_id"), data.get("external_id")):
            if key is not None:
                stored[key] = raw_values
    out: dict[str, Any] = {}
    for key, field, written in _convert_all(values, schema, creating=False):
        before: list[Any] = []
        if field is not None:
            before = stored.get(field.field_id) or stored.get(field.external_id) or []
        else:
            before = stored.get(key, [])
        if not _same(field, written, before):
            out[key] = written
    return out


def _same(field: SchemaField | None, written: Any, before: list[Any]) -> bool:
    if not isinstance(written, list):
        return False
    if not written or not before:
        return not written and not before
    ftype = field.type if field is not None else None
    if ftype == "date":
        return _same_date(written, before)
    try:
        stored = read_to_write(field, before) if field is not None else before
    except (ValueError, TypeError, KeyError):
        return False
    mine = [_canon(ftype, element) for element in written]
    theirs = [_canon(ftype, element) for element in stored]
    if ftype in _UNORDERED:
        return sorted(mine) == sorted(theirs)
    return mine == theirs


def _canon(ftype: str | None, element: Any) -> str:
    if isinstance(element, Mapping) and ftype == "embed":
        element = {"embed": element.get("embed"), "url": element.get("url")}
    elif isinstance(element, Mapping) and ftype == "location":
        text = element.get("value")
        element = (
            {"value": text} if text else {"lat": element.get("lat"), "lng": element.get("lng")}
        )
    elif isinstance(element, Mapping) and ftype in ("number", "money"):
        element = dict(element)
        with contextlib.suppress(TypeError, ValueError):
            number = to_decimal(str(element.get("value")))
            element["value"] = format(number.normalize(exact_context(number)), "f")
    elif not isinstance(element, Mapping):
        element = {"value": element}
    return json.dumps(to_jsonable(element), sort_keys=True)


def _same_date(written: list[Any], before: list[Any]) -> bool:
    try:
        old = parse_values("date", before)
        new = parse_values("date", written)
    except ValueError:
        return False
    if len(old) != len(new):
        return False
    for a, b in zip(new, old, strict=True):
        if not _same_point(a.start, a.start_local, b) or not _same_end(a, b):
            return False
    return True


def _same_point(value: _dt.date, local: _dt.date | None, old: DateRange, end: bool = False) -> bool:
    old_value = old.end if end else old.start
    old_local = old.end_local if end else old.start_local
    if old_value is None:
        return False
    if not isinstance(value, _dt.datetime):
        return not isinstance(old_value, _dt.datetime) and value == old_value
    if value.tzinfo is None:
        return old_local is not None and isinstance(old_local, _dt.datetime) and old_local == value
    return (
        isinstance(old_value, _dt.datetime) and old_value.tzinfo is not None and old_value == value
    )


def _same_end(new: DateRange, old: DateRange) -> bool:
    if new.end is None:
        return old.end is None
    return _same_point(new.end, new.end_local, old, end=True)


# -- between read and write shapes ------------------------------------------------------------


def read_to_write(field: SchemaField, values: Sequence[Any]) -> list[Any]:
    """The write form that sets `values` (read shapes, as Podio sent them) again.

    Used to copy a value from one item to another and to compare stored with new values.
    Dates with a time are written by their UTC instant. Raises `ValueError` for read-only
    fields and values this library cannot read.
    """
    if field.type in READ_ONLY_TYPES:
        raise ValueError(f"field {field.name!r} is read-only")
    parsed = parse_values(field.type, values, field.settings)
    if field.type not in _WRITERS:
        return [dict(v) if isinstance(v, Mapping) else v for v in parsed]
    target = _Target(field.name, field.type, None)
    writer = _WRITERS[field.type]
    return [w for w in (writer(v, target) for v in parsed) if w is not None]


def expected_read_values(
    field: SchemaField,
    written: Sequence[Any],
    *,
    tz: _dt.tzinfo | None = None,
) -> list[Any]:
    """What Podio would send back for values written with `write_value`, as far as known.

    Objects referenced by id (items, profiles, files, embeds) come back as stubs holding only
    the id; category options take their text and colour from the field's options. Numbers
    and money amounts have Podio's four decimals. A date written as local time has its UTC
    keys only when `tz` (the user's zone) is given, and one written in UTC its local keys only
    then; all-day dates have both. Used to show assigned values before a reload, and by
    tests to emulate Podio.
    """
    out: list[Any] = []
    for element in written:
        out.append(_read_shape(field, element, tz))
    return out


def _four(value: Any) -> str:
    number = to_decimal(str(value))
    return format(number.quantize(_FOUR_PLACES, context=exact_context(number, 4)), "f")


def _read_shape(field: SchemaField, element: Any, tz: _dt.tzinfo | None) -> Any:
    ftype = field.type
    body = element if isinstance(element, Mapping) else {"value": element}
    value = body.get("value")
    if ftype == "number":
        return {"value": _four(value)}
    if ftype == "money":
        return {"value": _four(value), "currency": body.get("currency")}
    if ftype in CATEGORY_TYPES:
        if isinstance(value, str):
            value = field.option(value).id
        for option in field.options:
            if option.id == value:
                return {
                    "value": {
                        "id": option.id,
                        "text": option.text,
                        "status": option.status,
                        "color": option.color,
                    }
                }
        return {"value": {"id": value}}
    if ftype == "app":
        return {"value": {"item_id": value}}
    if ftype == "contact":
        return {"value": {"profile_id": value}}
    if ftype in FILE_TYPES:
        return {"value": {"file_id": value}}
    if ftype == "embed":
        file = body.get("file")
        if "url" in body:
            embed: dict[str, Any] = {"url": body["url"], "original_url": body["url"]}
        else:
            embed = {"embed_id": body.get("embed")}
        return {"embed": embed, "file": {"file_id": file} if file is not None else None}
    if ftype == "date":
        out: dict[str, Any] = {}
        for prefix in ("start", "end"):
            out.update(_read_date_point(body, prefix, tz))
        return out
    return dict(body)


def _read_date_point(body: Mapping[str, Any], prefix: str, tz: _dt.tzinfo | None) -> dict[str, Any]:
    day = body.get(f"{prefix}_date")
    if day is not None and body.get(f"{prefix}_time") is None and prefix not in body:
        midnight = f"{day} 00:00:00"
        return {
            prefix: midnight, f"{prefix}_date": day, f"{prefix}_time": None,
            f"{prefix}_utc": midnight, f"{prefix}_date_utc": day, f"{prefix}_time_utc": None,
        }  # fmt: skip
    utc: _dt.datetime | None = None
    local: _dt.datetime | None = None
    if body.get(f"{prefix}_utc"):
        utc = _dt.datetime.strptime(body[f"{prefix}_utc"], _DATETIME).replace(tzinfo=UTC)
        if tz is not None:
            local = utc.astimezone(tz).replace(tzinfo=None)
    elif body.get(prefix):
        local = _dt.datetime.strptime(body[prefix], _DATETIME)
        if tz is not None:
            utc = local.replace(tzinfo=tz).astimezone(UTC)
    else:
        return {}
    out: dict[str, Any] = {}
    if local is not None:
        out[prefix] = local.strftime(_DATETIME)
        out[f"{prefix}_date"] = local.date().isoformat()
        out[f"{prefix}_time"] = local.time().isoformat()
    if utc is not None:
        out[f"{prefix}_utc"] = utc.strftime(_DATETIME)
        out[f"{prefix}_date_utc"] = utc.date().isoformat()
        out[f"{prefix}_time_utc"] = utc.time().isoformat()
    return out
