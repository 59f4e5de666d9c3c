"""Filters and sorting of items (fields.md §4).

Filters arrive as an object ``{"<field_id|external_id|special key>": value}``, as the list
saved views use (``[{"key": ..., "values": ...}]``), or in the query-string syntax of
``GET /item/app/{app_id}/`` and ``/count`` (``1;2``, ``20-100``, ``user:1;user:2``); all three
become the same :class:`Filter`. Per field type:

* ``ids`` (category, question, app, contact, member, state): a list of ids (state: strings);
  ``null`` in the list also matches items without a value. Category filters also accept
  option texts, as podio-php's and podio-dotnet's docs show.
* ``range`` (number, money, progress, duration, calculation, date): ``{"from", "to"}``,
  either bound optional, both inclusive. Date bounds are ``YYYY-MM-DD`` (whole local days)
  or ``YYYY-MM-DD HH:MM:SS`` (user-local), or relative: ``-7d``, ``+0d``, ``+2w``, ``-1m``,
  ``+1y`` counted from today in the user's zone. A date value matches when the span from its
  start to its end overlaps the range.
* ``text`` (text, location, email, phone, tag, embed): a string, matched as a
  case-insensitive substring; a list matches when any entry does.

Special keys: ``created_by``/``last_edit_by`` (auth objects ``{"type", "id"}``, ``"user:1"``
strings or bare user ids), ``created_via``/``last_edit_via`` (client ids),
``created_on``/``last_edit_on`` (ranges), ``external_id`` (exact), ``title`` (substring),
``app_item_id`` and ``item_id`` (lists or ranges), ``tags`` (any of the tags).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from ._dates import date_bounds, local_to_utc, parse_datetime_text, utc_to_local
from ._errors import InvalidValue
from ._items import FieldIndex
from ._model import AppField, Context, ItemRecord
from ._types import CategoryType, field_type

__all__ = [
    "QUERY_RESERVED",
    "SORT_KEYS",
    "Filter",
    "parse_filters",
    "parse_query_filters",
    "sort_records",
]

Predicate = Callable[[ItemRecord], bool]

# Query parameters that are options, not filters, on the GET collection/count calls.
QUERY_RESERVED = frozenset(
    {
        "limit", "offset", "sort_by", "sort_desc", "view_id", "fields", "remember",
        "mark_as_viewed", "silent", "hook", "deleted_columns", "oauth_token",
    }
)  # fmt: skip

_AUTH_KEYS = ("created_by", "last_edit_by")
_VIA_KEYS = ("created_via", "last_edit_via")
_TIME_KEYS = ("created_on", "last_edit_on")
SPECIAL_KEYS = frozenset(
    {*_AUTH_KEYS, *_VIA_KEYS, *_TIME_KEYS, "external_id", "title", "app_item_id", "item_id",
     "tags", "tag"}
)  # fmt: skip

# sort_by values of fields.md §4 besides field ids
SORT_KEYS = frozenset(
    {
        "created_by", "created_on", "last_edit_by", "last_edit_on", "app_item_id", "item_id",
        "activity", "priority", "title", "like", "approved", "rsvp", "fivestar", "yesno",
        "thumbs",
    }
)  # fmt: skip
_SORTABLE_TYPES = frozenset(
    {
        "state", "text", "location", "money", "number", "calculation", "progress", "duration",
        "app", "date", "contact", "category", "question",
    }
)  # fmt: skip

_RELATIVE_RE = re.compile(r"^([+-])(\d+)([dwmy])$")


@dataclass
class Filter:
    """A parsed set of filter clauses; an item matches when every clause does."""

    clauses: list[Predicate] = field(default_factory=list)
    # The normalised filters, keyed as given, for echoing back (e.g. saved views).
    normalized: dict[str, Any] = field(default_factory=dict)

    def matches(self, record: ItemRecord) -> bool:
        return all(clause(record) for clause in self.clauses)

    def apply(self, records: Sequence[ItemRecord]) -> list[ItemRecord]:
        if not self.clauses:
            return list(records)
        return [r for r in records if self.matches(r)]


def _pairs(filters: Any) -> list[tuple[Any, Any]]:
    if filters is None:
        return []
    if isinstance(filters, Mapping):
        return list(filters.items())
    if isinstance(filters, list):
        pairs: list[tuple[Any, Any]] = []
        for entry in filters:
            if not isinstance(entry, Mapping) or "key" not in entry:
                raise InvalidValue.of(entry, "must be object with key and values")
            pairs.append((entry["key"], entry.get("values", entry.get("value"))))
        return pairs
    raise InvalidValue.of(filters, "must be object")


def parse_filters(fields: FieldIndex | Sequence[AppField], filters: Any, ctx: Context) -> Filter:
    """Validate filters (object or saved-view list form) and build the predicate set."""
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    result = Filter()
    for key, value in _pairs(filters):
        if isinstance(key, str) and key in SPECIAL_KEYS and index.find(key) is None:
            clause = _special_clause(key, value, ctx)
        else:
            fld = index.get(key)
            clause = _field_clause(fld, value, ctx)
        result.normalized[str(key)] = value
        if clause is not None:
            result.clauses.append(clause)
    return result


# ---------------------------------------------------------------------------------------------
# Field clauses


def _field_clause(fld: AppField, value: Any, ctx: Context) -> Predicate | None:
    kind = field_type(fld.type).filter_kind
    if kind == "ids":
        return _ids_clause(fld, value)
    if kind == "range":
        return _range_clause(fld, value, ctx)
    if kind == "text":
        return _text_clause(fld, value, ctx)
    raise InvalidValue.of(value, f"{fld.type} fields cannot be filtered")


def _ids_clause(fld: AppField, value: Any) -> Predicate | None:
    wanted = value if isinstance(value, list) else [value]
    include_empty = None in wanted
    ids: set[Any] = set()
    ftype = field_type(fld.type)
    for item in wanted:
        if item is None:
            continue
        if fld.type == "state":
            if not isinstance(item, str):
                raise InvalidValue.of(item, "must be string")
            ids.add(item)
            continue
        if isinstance(item, str) and isinstance(ftype, CategoryType):
            matches = [
                o["id"]
                for o in fld.settings.get("options", [])
                if str(o.get("text", "")).lower() == item.lower()
            ]
            if not matches and not item.lstrip("-").isdigit():
                raise InvalidValue.of(item, "must be an option id or text")
            ids.update(matches or [int(item)])
            continue
        if isinstance(item, str) and item.lstrip("-").isdigit():
            item = int(item)
        if isinstance(item, bool) or not isinstance(item, int):
            raise InvalidValue.of(item, "must be integer")
        ids.add(item)
    if not ids and not include_empty:
        return None
    field_id = fld.field_id

    def clause(record: ItemRecord) -> bool:
        values = record.values.get(field_id)
        if not values:
            return include_empty
        return any(ftype.match_id(v) in ids for v in values)

    return clause


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise InvalidValue.of(value, "must be number")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise InvalidValue.of(value, "must be number")


def _range_bounds(value: Any) -> tuple[Any, Any]:
    if isinstance(value, Mapping):
        unknown = set(value) - {"from", "to"}
        if unknown:
            raise InvalidValue.of(dict(value), "must be object with from and to")
        return value.get("from"), value.get("to")
    if isinstance(value, list) and len(value) == 2:
        return value[0], value[1]
    raise InvalidValue.of(value, "must be object with from and to")


def _date_bound(value: Any, ctx: Context, *, upper: bool) -> datetime:
    """A filter bound as a naive UTC instant; whole days when only a date is given."""
    if isinstance(value, str):
        match = _RELATIVE_RE.match(value.strip())
        if match:
            now = ctx.now or datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
            today = utc_to_local(now, ctx.timezone).date()
            amount = int(match.group(2)) * (-1 if match.group(1) == "-" else 1)
            unit = match.group(3)
            if unit == "d":
                day = today + timedelta(days=amount)
            elif unit == "w":
                day = today + timedelta(weeks=amount)
            else:
                months = amount * (12 if unit == "y" else 1)
                year, month = divmod(today.month - 1 + months, 12)
                day = _clamp_day(today.year + year, month + 1, today.day)
            value = day.isoformat()
    day, clock = parse_datetime_text(value)
    if clock is None:
        clock = time(23, 59, 59) if upper else time()
    return local_to_utc(datetime.combine(day, clock), ctx.timezone)


def _clamp_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, monthrange(year, month)[1]))


def _range_clause(fld: AppField, value: Any, ctx: Context) -> Predicate | None:
    low, high = _range_bounds(value)
    if low is None and high is None:
        return None
    ftype = field_type(fld.type)
    field_id = fld.field_id
    is_date = fld.type == "date" or (
        fld.type == "calculation" and fld.settings.get("return_type") == "date"
    )
    if is_date:
        start = _date_bound(low, ctx, upper=False) if low is not None else None
        end = _date_bound(high, ctx, upper=True) if high is not None else None

        def date_clause(record: ItemRecord) -> bool:
            for stored in record.values.get(field_id, ()):
                if "start_date" not in stored:
                    continue
                begin, finish = date_bounds(stored, ctx.timezone)
                if (end is None or begin <= end) and (start is None or finish >= start):
                    return True
            return False

        return date_clause
    lo = _number(low) if low is not None else None
    hi = _number(high) if high is not None else None

    def number_clause(record: ItemRecord) -> bool:
        for stored in record.values.get(field_id, ()):
            number = ftype.numeric(stored)
            if number is None:
                continue
            if (lo is None or number >= lo) and (hi is None or number <= hi):
                return True
        return False

    return number_clause


def _text_clause(fld: AppField, value: Any, ctx: Context) -> Predicate | None:
    wanted = value if isinstance(value, list) else [value]
    needles: list[str] = []
    for item in wanted:
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise InvalidValue.of(item, "must be string")
        if item.strip():
            needles.append(item.strip().lower())
    if not needles:
        return None
    ftype = field_type(fld.type)
    field_id = fld.field_id

    def clause(record: ItemRecord) -> bool:
        for stored in record.values.get(field_id, ()):
            text = ftype.text(fld, stored, ctx).lower()
            if any(n in text for n in needles):
                return True
        return False

    return clause


# ---------------------------------------------------------------------------------------------
# Special keys


def _auth_ref(item: Any) -> tuple[str, int]:
    if isinstance(item, Mapping):
        kind, ident = item.get("type"), item.get("id")
    elif isinstance(item, str) and ":" in item:
        kind, _, raw = item.partition(":")
        ident = int(raw) if raw.strip().lstrip("-").isdigit() else raw
    elif isinstance(item, int) and not isinstance(item, bool):
        kind, ident = "user", item
    else:
        raise InvalidValue.of(item, 'must be object {"type", "id"}')
    if not isinstance(kind, str) or isinstance(ident, bool) or not isinstance(ident, int):
        raise InvalidValue.of(item, 'must be object {"type", "id"}')
    return kind, ident


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _int_of(item: Any) -> int:
    if isinstance(item, str) and item.strip().lstrip("-").isdigit():
        return int(item)
    if isinstance(item, bool) or not isinstance(item, int):
        raise InvalidValue.of(item, "must be integer")
    return item


def _special_clause(key: str, value: Any, ctx: Context) -> Predicate | None:
    if key in _AUTH_KEYS:
        refs = {_auth_ref(v) for v in _as_list(value) if v is not None}
        if not refs:
            return None
        attr = key
        return lambda r: getattr(r, attr) in refs
    if key in _VIA_KEYS:
        vias = {_int_of(v) for v in _as_list(value) if v is not None}
        if not vias:
            return None
        attr = key
        return lambda r: getattr(r, attr) in vias
    if key in _TIME_KEYS:
        low, high = _range_bounds(value)
        start = _date_bound(low, ctx, upper=False) if low is not None else None
        end = _date_bound(high, ctx, upper=True) if high is not None else None
        attr = key

        def time_clause(record: ItemRecord) -> bool:
            stamp = getattr(record, attr)
            if stamp is None:
                return False
            return (start is None or stamp >= start) and (end is None or stamp <= end)

        return time_clause
    if key == "external_id":
        wanted = {v for v in _as_list(value) if v is not None}
        for item in wanted:
            if not isinstance(item, str):
                raise InvalidValue.of(item, "must be string")
        return lambda r: r.external_id in wanted
    if key == "title":
        needles = [str(v).lower() for v in _as_list(value) if v not in (None, "")]
        if not needles:
            return None
        return lambda r: any(n in r.title.lower() for n in needles)
    if key in ("app_item_id", "item_id"):
        attr = key
        if isinstance(value, Mapping):
            low, high = _range_bounds(value)
            lo = _number(low) if low is not None else None
            hi = _number(high) if high is not None else None
            return lambda r: (
                (lo is None or getattr(r, attr) >= lo) and (hi is None or getattr(r, attr) <= hi)
            )
        ids = {_int_of(v) for v in _as_list(value) if v is not None}
        return lambda r: getattr(r, attr) in ids
    # tags / tag
    wanted_tags = {str(v).lower() for v in _as_list(value) if v is not None}
    if not wanted_tags:
        return None
    return lambda r: any(t.lower() in wanted_tags for t in r.tags)


# ---------------------------------------------------------------------------------------------
# Query-string syntax

_NUMBER_RANGE_RE = re.compile(r"^(-?\d+(?:\.\d+)?)?-(-?\d+(?:\.\d+)?)?$")
_DATE_PART = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|[+-]\d+[dwmy]"
_DATE_RANGE_RE = re.compile(rf"^({_DATE_PART})?-({_DATE_PART})?$")


def _query_range(text: str, *, dates: bool) -> dict[str, Any]:
    text = text.strip()
    if dates:
        match = _DATE_RANGE_RE.match(text)
        if match is None:
            if re.match(rf"^(?:{_DATE_PART})$", text):
                return {"from": text, "to": text}
            raise InvalidValue.of(text, "must be a range such as 2010-12-01-2011-01-01")
        return {"from": match.group(1), "to": match.group(2)}
    match = _NUMBER_RANGE_RE.match(text)
    if match is None:
        try:
            number = float(text)
        except ValueError:
            raise InvalidValue.of(text, "must be a range such as 20-100") from None
        return {"from": number, "to": number}
    low, high = match.group(1), match.group(2)
    return {
        "from": float(low) if low is not None else None,
        "to": float(high) if high is not None else None,
    }


def _query_list(text: str) -> list[Any]:
    out: list[Any] = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if part == "null":
            out.append(None)
        elif part.lstrip("-").isdigit():
            out.append(int(part))
        else:
            out.append(part)
    return out


def parse_query_filters(
    fields: FieldIndex | Sequence[AppField], query: Mapping[str, str]
) -> dict[str, Any]:
    """Turn query parameters (``?category=1;2&number=20-100``) into JSON filters.

    Option parameters (limit, offset, sort_by, sort_desc, view_id, fields...) are skipped.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    filters: dict[str, Any] = {}
    for key, text in query.items():
        if key in QUERY_RESERVED:
            continue
        fld = index.find(key)
        if fld is None and key in SPECIAL_KEYS:
            if key in _TIME_KEYS:
                filters[key] = _query_range(text, dates=True)
            elif key in ("app_item_id", "item_id") and "-" in text.strip().lstrip("-"):
                filters[key] = _query_range(text, dates=False)
            elif key in ("title",):
                filters[key] = text
            else:
                filters[key] = _query_list(text)
            continue
        if fld is None:
            raise InvalidValue.of(key, "No field found")
        kind = field_type(fld.type).filter_kind
        if kind == "ids":
            values = _query_list(text)
            if fld.type == "state":
                values = [None if v is None else str(v) for v in values]
            filters[key] = values
        elif kind == "range":
            is_date = fld.type == "date" or fld.settings.get("return_type") == "date"
            filters[key] = _query_range(text, dates=is_date)
        else:
            filters[key] = text
    return filters


# ---------------------------------------------------------------------------------------------
# Sorting


def _special_sort_key(key: str) -> Callable[[ItemRecord], Any]:
    if key in ("created_on", "last_edit_on"):
        return lambda r: getattr(r, key)
    if key in ("created_by", "last_edit_by"):
        name_attr = f"{key}_name"

        def by(record: ItemRecord) -> Any:
            name = getattr(record, name_attr)
            if name:
                return name.lower()
            ref = getattr(record, key)
            return None if ref is None else f"{ref[0]}:{ref[1]:020d}"

        return by
    if key == "activity":
        return lambda r: r.last_event_on or r.last_edit_on or r.created_on
    if key == "priority":
        return lambda r: r.priority if r.priority is not None else float(r.item_id)
    if key == "title":
        return lambda r: r.title.lower()
    if key in ("app_item_id", "item_id"):
        return lambda r: getattr(r, key)
    return lambda r: r.ratings.get(key, 0.0)


def sort_records(
    records: Sequence[ItemRecord],
    fields: FieldIndex | Sequence[AppField],
    ctx: Context,
    *,
    sort_by: Any = None,
    sort_desc: bool = True,
) -> list[ItemRecord]:
    """Sort items like Podio: by a special key or by a sortable field.

    Items without a value for the sort key come last in both directions; ties keep the
    newest item first (descending) or oldest first (ascending) by item_id. Without
    ``sort_by`` items sort by ``created_on``.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    key_of: Callable[[ItemRecord], Any]
    if sort_by is None or sort_by == "":
        key_of = _special_sort_key("created_on")
    elif isinstance(sort_by, str) and sort_by in SORT_KEYS and index.find(sort_by) is None:
        key_of = _special_sort_key(sort_by)
    else:
        fld = index.find(sort_by)
        if fld is None:
            raise InvalidValue.of(sort_by, "No field found")
        if fld.type not in _SORTABLE_TYPES:
            raise InvalidValue.of(sort_by, f"{fld.type} fields cannot be sorted by")
        ftype = field_type(fld.type)
        field_id = fld.field_id

        def key_of(record: ItemRecord) -> Any:
            return ftype.sort_key(fld, record.values.get(field_id, []), ctx)

    keyed = [(key_of(r), r) for r in records]
    present = [(k, r) for k, r in keyed if k is not None]
    missing = [r for k, r in keyed if k is None]
    present.sort(key=lambda pair: (pair[0], pair[1].item_id), reverse=sort_desc)
    missing.sort(key=lambda r: r.item_id, reverse=sort_desc)
    return [r for _, r in present] + missing
