"""Reading item field values: Podio's ``values`` lists turned into Python values.

`parse_values` is the one function that knows every read shape (fields.md §3); `FieldValue`
wraps one item field dict around it, and `ItemFields` gives an item's fields by external_id,
field_id or label.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from .._errors import InvalidResponseError
from .._serialization import UTC
from ._schema import AppSchema, SchemaField
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
    "RAW_TYPES",
    "FieldNotFoundError",
    "FieldValue",
    "ItemFields",
    "format_duration",
    "humanize",
    "parse_values",
]

#: Types whose values are returned as Podio sent them (shapes undocumented or layout only).
RAW_TYPES = frozenset({"tag", "tel", "media", "state", "separator"})
FILE_TYPES = frozenset({"image", "file", "video"})


def parse_values(
    field_type: str, values: Sequence[Any], settings: Mapping[str, Any] | None = None
) -> list[Any]:
    """Python values for a field's ``values`` list as Podio sends it.

    text -> str; number -> Decimal; money -> Money; progress -> int; duration -> timedelta;
    date -> DateRange; category/question -> CategoryOption; app -> ItemRef; contact/member ->
    ProfileRef; location -> Location; email/phone -> TypedValue; embed -> EmbedRef;
    image/file/video -> FileRef; calculation -> Decimal, str or DateRange after its
    ``return_type``; tag, tel, media, state, separator and unknown types -> the elements
    untouched. Elements that are ``null`` are skipped.

    Raises `ValueError` for an element that does not have its type's shape.
    """
    settings = settings or {}
    parser = _PARSERS.get(field_type)
    if parser is None:
        return list(values)
    out: list[Any] = []
    for element in values:
        if element is None:
            continue
        parsed = parser(element, settings)
        if parsed is not None:
            out.append(parsed)
    return out


def _primary(element: Any) -> Any:
    """The ``value`` of an element; a bare scalar stands for itself (write-shaped data)."""
    if isinstance(element, Mapping):
        return element.get("value")
    return element


def _text(element: Any, settings: Mapping[str, Any]) -> str | None:
    value = _primary(element)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _number(element: Any, settings: Mapping[str, Any]) -> Decimal | None:
    value = _primary(element)
    if value is None:
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        return to_decimal(value)
    except TypeError:
        raise ValueError(f"expected a number, got {value!r}") from None


def _money(element: Any, settings: Mapping[str, Any]) -> Money:
    if not isinstance(element, Mapping):
        raise ValueError(f"expected a money object, got {element!r}")
    return Money.from_api(element)


def _integer(element: Any, settings: Mapping[str, Any]) -> int | None:
    value = _primary(element)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def _duration(element: Any, settings: Mapping[str, Any]) -> _dt.timedelta | None:
    seconds = _integer(element, settings)
    return None if seconds is None else _dt.timedelta(seconds=seconds)


def _category(element: Any, settings: Mapping[str, Any]) -> CategoryOption:
    value = _primary(element)
    if isinstance(value, int) and not isinstance(value, bool):
        return CategoryOption(value)
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a category option, got {value!r}")
    return CategoryOption.from_api(value)


def _item(element: Any, settings: Mapping[str, Any]) -> ItemRef:
    value = _primary(element)
    if isinstance(value, int) and not isinstance(value, bool):
        return ItemRef(value)
    if not isinstance(value, Mapping):
        raise ValueError(f"expected an item, got {value!r}")
    return ItemRef.from_api(value)


def _contact(element: Any, settings: Mapping[str, Any]) -> ProfileRef:
    value = _primary(element)
    if isinstance(value, int) and not isinstance(value, bool):
        return ProfileRef(profile_id=value)
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a profile, got {value!r}")
    return ProfileRef.from_api(value)


def _member(element: Any, settings: Mapping[str, Any]) -> ProfileRef:
    # Legacy member fields hold a user id (fields.md §3 member).
    value = _primary(element)
    if isinstance(value, int) and not isinstance(value, bool):
        return ProfileRef(user_id=value)
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a user, got {value!r}")
    return ProfileRef.from_api(value)


def _file(element: Any, settings: Mapping[str, Any]) -> FileRef:
    value = _primary(element)
    if isinstance(value, int) and not isinstance(value, bool):
        return FileRef(value)
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a file, got {value!r}")
    return FileRef.from_api(value)


def _embed(element: Any, settings: Mapping[str, Any]) -> EmbedRef:
    if not isinstance(element, Mapping):
        raise ValueError(f"expected an embed object, got {element!r}")
    return EmbedRef.from_api(element)


def _location(element: Any, settings: Mapping[str, Any]) -> Location | None:
    if isinstance(element, str):
        return Location(value=element)
    if not isinstance(element, Mapping):
        raise ValueError(f"expected a location, got {element!r}")
    return Location.from_api(element)


def _typed(element: Any, settings: Mapping[str, Any]) -> TypedValue:
    if not isinstance(element, Mapping):
        raise ValueError(f"expected {{type, value}}, got {element!r}")
    return TypedValue.from_api(element)


def _date(element: Any, settings: Mapping[str, Any]) -> DateRange:
    if not isinstance(element, Mapping):
        raise ValueError(f"expected a date object, got {element!r}")
    start = _date_point(element, "start")
    if start is None:
        raise ValueError("a date value without a start")
    end = _date_point(element, "end")
    return DateRange(
        start=start[0],
        end=end[0] if end is not None else None,
        start_local=start[1],
        end_local=end[1] if end is not None else None,
    )


def _date_point(element: Mapping[str, Any], prefix: str) -> tuple[_dt.date, _dt.date | None] | None:
    """One end of a date value: (UTC datetime or date, naive local datetime or date).

    Podio sends ``start``, ``start_date``, ``start_time`` (the user's local time) and
    ``start_utc``, ``start_date_utc``, ``start_time_utc`` (conventions.md §3), not always all
    six: the 2014 sample lacks ``start_utc``. A value is all-day when its time keys are null
    (``start_time: null`` in samples/item-revision-diff.json, where ``start`` still shows
    midnight) or, without any time key, when no full datetime carries a time.
    """
    full_local = _str(element.get(prefix))
    full_utc = _str(element.get(f"{prefix}_utc"))
    date_local = _str(element.get(f"{prefix}_date"))
    date_utc = _str(element.get(f"{prefix}_date_utc"))
    time_local = _str(element.get(f"{prefix}_time"))
    time_utc = _str(element.get(f"{prefix}_time_utc"))
    if not any((full_local, full_utc, date_local, date_utc)):
        return None
    time_keys = f"{prefix}_time" in element or f"{prefix}_time_utc" in element
    if time_keys:
        timed = time_local is not None or time_utc is not None
    else:
        timed = any(text is not None and len(text.strip()) > 10 for text in (full_local, full_utc))
    if not timed:
        day_text = date_local or date_utc or full_local or full_utc
        assert day_text is not None
        day = _dt.date.fromisoformat(day_text.strip()[:10])
        return day, day
    local: _dt.datetime | None = None
    if full_local is not None and len(full_local.strip()) > 10:
        local = _naive(full_local)
    elif date_local is not None and time_local is not None:
        local = _naive(f"{date_local} {time_local}")
    utc: _dt.datetime | None = None
    if full_utc is not None and len(full_utc.strip()) > 10:
        utc = _naive(full_utc).replace(tzinfo=UTC)
    elif date_utc is not None and time_utc is not None:
        utc = _naive(f"{date_utc} {time_utc}").replace(tzinfo=UTC)
    if utc is not None:
        return utc, local
    if local is not None:
        return local, local
    raise ValueError(f"a date value with a time but no usable {prefix}")


def _naive(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text.strip().replace("T", " ", 1))


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _calculation(element: Any, settings: Mapping[str, Any]) -> Any:
    """A calculation's result, typed after ``return_type``.

    Date results carry the date keys (podio-dotnet ``CalculationItemField``); old
    expression-tree calculations have no ``return_type`` and are numbers.
    """
    if isinstance(element, Mapping) and any(
        key in element for key in ("start", "start_utc", "start_date", "start_date_utc")
    ):
        return _date(element, settings)
    return_type = settings.get("return_type")
    if return_type == "text":
        value = _primary(element)
        return None if value is None else str(value)
    if return_type == "date":
        value = _primary(element)
        if isinstance(value, str):
            return _date({"start": value}, settings)
        return _date(element, settings)
    return _number(element, settings)


_PARSERS: dict[str, Any] = {
    "text": _text,
    "number": _number,
    "money": _money,
    "progress": _integer,
    "duration": _duration,
    "date": _date,
    "category": _category,
    "question": _category,
    "app": _item,
    "contact": _contact,
    "member": _member,
    "image": _file,
    "file": _file,
    "video": _file,
    "embed": _embed,
    "location": _location,
    "email": _typed,
    "phone": _typed,
    "calculation": _calculation,
}

# -- display ---------------------------------------------------------------------------------

_BREAK = re.compile(r"<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/tr)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _plain_text(markup: str) -> str:
    text = _BREAK.sub("\n", markup)
    text = html.unescape(_TAG.sub("", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def format_duration(value: _dt.timedelta, units: Sequence[str] | None = None) -> str:
    """``93784`` seconds -> ``"1d 2h 3m 4s"``; zero parts are left out, zero is ``"0s"``.

    `units` is the duration field's ``settings.fields`` (``days``, ``hours``, ``minutes``,
    ``seconds``): a larger unit the field does not show is folded into the next one shown
    (``26h 3m 4s`` without days), as Podio displays it. Seconds below the smallest unit shown
    are kept rather than dropped.
    """
    table = (("days", "d", 86400), ("hours", "h", 3600), ("minutes", "m", 60), ("seconds", "s", 1))
    shown = [row for row in table if not units or row[0] in units] or list(table)
    total = int(value.total_seconds())
    sign = "-" if total < 0 else ""
    rest = abs(total)
    parts: list[str] = []
    for _, suffix, size in shown:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count}{suffix}")
    if rest:
        parts.append(f"{rest}s")
    return sign + (" ".join(parts) if parts else "0s")


def _format_number(value: Decimal, settings: Mapping[str, Any]) -> str:
    decimals = settings.get("decimals")
    if isinstance(decimals, int) and not isinstance(decimals, bool) and 0 <= decimals <= 20:
        exact = exact_context(value, decimals)
        return format(value.quantize(Decimal(1).scaleb(-decimals), context=exact), "f")
    return format(value.normalize(exact_context(value)), "f")


def humanize(field_type: str, values: Sequence[Any], settings: Mapping[str, Any] | None) -> str:
    """Display text of parsed values, locale-neutral, for screens and CSV files.

    Several values are joined with ``", "``. Numbers use ``.`` and no thousands separator,
    rounded to the field's ``decimals`` when it has that setting; money is ``"1200.50 EUR"``;
    progress ``"42%"``; durations ``"1d 2h 3m"``; dates ``"2026-12-01 14:00"`` or
    ``"2026-12-01"`` in the user's local time as Podio sent it (``" UTC"`` is appended when
    only the UTC instant is known) with ranges as ``"start - end"``; categories show their
    text; items their title; contacts their name; files their name; links their URL;
    locations the formatted address; e-mail and phone the addresses and numbers; html text its
    plain text. Empty fields are ``""``.
    """
    settings = settings or {}
    parts: list[str] = []
    for value in values:
        if isinstance(value, bool):
            parts.append(str(value).lower())
        elif isinstance(value, Decimal):
            text = _format_number(value, settings)
            unit = settings.get("unit") if field_type == "calculation" else None
            parts.append(f"{text} {unit}" if isinstance(unit, str) and unit.strip() else text)
        elif isinstance(value, int):
            parts.append(f"{value}%" if field_type == "progress" else str(value))
        elif isinstance(value, _dt.timedelta):
            units = settings.get("fields")
            parts.append(format_duration(value, units if isinstance(units, list) else None))
        elif isinstance(value, str):
            if field_type == "text" and _is_markup(settings):
                parts.append(_plain_text(value))
            else:
                parts.append(value)
        elif isinstance(value, Mapping):
            inner = value.get("value")
            if isinstance(inner, (str, int, float)) and not isinstance(inner, bool):
                parts.append(str(inner))
            else:
                parts.append(json.dumps(value, sort_keys=True, default=str))
        else:
            parts.append(str(value))
    return ", ".join(part for part in parts if part != "")


def _is_markup(settings: Mapping[str, Any]) -> bool:
    fmt = settings.get("format")
    # Multi-line fields from before the format setting hold html (the "large" size).
    return fmt == "html" or (fmt is None and settings.get("size") == "large")


# -- one field --------------------------------------------------------------------------------


class FieldValue:
    """One field of an item, typed: ``item_fields["status"].value``.

    Built from an item field dict as Podio sends it (``field_id``, ``external_id``, ``type``,
    ``label``, ``config``, ``values``); `schema_field` supplies what a reduced or absent config
    lacks (filter results carry only label and settings, some bodies no config at all).

    `values` is the list of Python values (see `parse_values`), `value` the first of them or
    None when the field is empty, `humanized` the display text (see `humanize`), `raw` the
    values exactly as Podio sent them. A value of a shape this library does not know raises
    `InvalidResponseError` naming the field when `values` is read; `raw` always works.
    """

    __slots__ = ("_data", "_parsed", "_schema_field")

    def __init__(self, data: Mapping[str, Any], *, schema_field: SchemaField | None = None) -> None:
        if not isinstance(data, Mapping):
            raise TypeError(f"FieldValue takes an item field dict, not {type(data).__name__}")
        self._data = data
        self._schema_field = schema_field
        self._parsed: list[Any] | None = None

    @classmethod
    def empty(cls, schema_field: SchemaField) -> FieldValue:
        """The value of an app field the item has no value for (Podio leaves those out)."""
        return cls(
            {
                "field_id": schema_field.field_id,
                "external_id": schema_field.external_id,
                "type": schema_field.type,
                "label": schema_field.label,
                "config": dict(schema_field.config),
                "values": [],
            },
            schema_field=schema_field,
        )

    @property
    def data(self) -> Mapping[str, Any]:
        """The whole item field dict as Podio sent it."""
        return self._data

    @property
    def field_id(self) -> int | None:
        value = self._data.get("field_id")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return self._schema_field.field_id if self._schema_field else None

    @property
    def external_id(self) -> str | None:
        value = self._data.get("external_id")
        if isinstance(value, str):
            return value
        return self._schema_field.external_id if self._schema_field else None

    @property
    def type(self) -> str:
        value = self._data.get("type")
        if isinstance(value, str):
            return value
        return self._schema_field.type if self._schema_field else "unknown"

    @property
    def label(self) -> str | None:
        value = self._data.get("label")
        if isinstance(value, str):
            return value
        return self.config.get("label") if isinstance(self.config.get("label"), str) else None

    @property
    def config(self) -> Mapping[str, Any]:
        """The field's config; the app definition's when the item's is reduced or missing."""
        config = self._data.get("config")
        own: Mapping[str, Any] = config if isinstance(config, Mapping) else {}
        if self._schema_field is not None and ("required" not in own or "settings" not in own):
            return {**self._schema_field.config, **own}
        return own

    @property
    def settings(self) -> Mapping[str, Any]:
        settings = self.config.get("settings")
        return settings if isinstance(settings, Mapping) else {}

    @property
    def schema_field(self) -> SchemaField:
        """This field as a definition (from the app when known, else from the item)."""
        if self._schema_field is not None:
            return self._schema_field
        return SchemaField.from_api(self._data)

    @property
    def name(self) -> str:
        return self.external_id or self.label or str(self.field_id)

    @property
    def raw(self) -> list[Any]:
        """The values as Podio sent them."""
        values = self._data.get("values")
        return list(values) if isinstance(values, list) else []

    @property
    def values(self) -> list[Any]:
        if self._parsed is None:
            try:
                self._parsed = parse_values(self.type, self.raw, self.settings)
            except (ValueError, TypeError, KeyError) as exc:
                raise InvalidResponseError(
                    f"field {self.name!r} ({self.type}) has a value this client cannot read: {exc}",
                    response_body=json.dumps(self.raw, default=str)[:500],
                ) from exc
        return list(self._parsed)

    @property
    def value(self) -> Any:
        values = self.values
        return values[0] if values else None

    @property
    def humanized(self) -> str:
        return humanize(self.type, self.values, self.settings)

    @property
    def is_empty(self) -> bool:
        return not self.raw

    def __bool__(self) -> bool:
        return not self.is_empty

    def __repr__(self) -> str:
        text = self.humanized if self._values_readable() else "<unreadable>"
        if len(text) > 60:
            text = text[:57] + "..."
        return f"<FieldValue {self.name} ({self.type}): {text!r}>"

    def _values_readable(self) -> bool:
        try:
            _ = self.values
        except InvalidResponseError:
            return False
        return True


# -- all fields of an item --------------------------------------------------------------------


class FieldNotFoundError(KeyError):
    """No field answers to this key (or a label names several); the message lists the known."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ItemFields:
    """An item's fields by external_id, field_id or label.

    ``fields["status"]``, ``fields[123]``, ``fields.get("Status")`` and ``"status" in fields``
    take an external_id, then an exact label, then a label compared case-insensitively (str),
    or a field_id (int). Iteration yields `FieldValue` objects.

    Podio leaves empty fields out of item bodies. With the app's `schema`, every field of the
    app is known: an empty one is found (its `value` is None) and iteration yields all fields
    in the app's order; without it, only fields that have values exist. An unknown key raises
    `KeyError` listing the known external_ids and the closest matches; a label shared by
    several fields raises `KeyError` naming them.
    """

    def __init__(
        self,
        fields: Sequence[Mapping[str, Any]],
        *,
        schema: AppSchema | Sequence[Mapping[str, Any]] | Mapping[str, Any] | None = None,
    ) -> None:
        self.schema = AppSchema.coerce(schema)
        present: list[FieldValue] = []
        for data in fields:
            schema_field = None
            if self.schema is not None:
                key = data.get("field_id")
                schema_field = self.schema.find(key) if isinstance(key, int) else None
                if schema_field is None and isinstance(data.get("external_id"), str):
                    schema_field = self.schema.find(data["external_id"])
            present.append(FieldValue(data, schema_field=schema_field))
        self._present = present
        self._by_id = {f.field_id: f for f in present if f.field_id is not None}
        self._by_external_id = {f.external_id: f for f in present if f.external_id}
        if self.schema is not None:
            ordered: list[FieldValue] = []
            for schema_field in self.schema:
                found = None
                if schema_field.field_id is not None:
                    found = self._by_id.get(schema_field.field_id)
                if found is None and schema_field.external_id:
                    found = self._by_external_id.get(schema_field.external_id)
                ordered.append(found or FieldValue.empty(schema_field))
            listed = {id(f) for f in ordered}
            ordered.extend(f for f in present if id(f) not in listed)
            self._all = ordered
        else:
            self._all = present

    def _lookup(self, key: object) -> FieldValue | None:
        if isinstance(key, FieldValue):
            key = key.field_id if key.field_id is not None else key.external_id
        if isinstance(key, bool) or not isinstance(key, (str, int)):
            return None
        if isinstance(key, int):
            return next((f for f in self._all if f.field_id == key), None)
        for f in self._all:
            if f.external_id == key:
                return f
        folded = key.casefold()
        exact = [f for f in self._all if f.label == key]
        loose = [f for f in self._all if (f.label or "").casefold() == folded]
        for matches in (exact, loose):
            if len(matches) > 1:
                names = ", ".join(repr(f.name) for f in matches)
                raise FieldNotFoundError(
                    f"label {key!r} is shared by fields {names}: use an external_id"
                )
            if matches:
                return matches[0]
        return None

    def __getitem__(self, key: str | int) -> FieldValue:
        found = self._lookup(key)
        if found is None:
            raise FieldNotFoundError(self._unknown(key))
        return found

    def get(self, key: str | int, default: FieldValue | None = None) -> FieldValue | None:
        found = self._lookup(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        try:
            return self._lookup(key) is not None
        except KeyError:
            return True  # the label exists, on several fields

    def __iter__(self) -> Iterator[FieldValue]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def keys(self) -> list[str]:
        """The fields' names: external_ids (label or id for fields without one)."""
        return [f.name for f in self._all]

    def to_dict(self) -> dict[str, Any]:
        """``{name: value}`` with the single value or, for multi-valued fields, the list."""
        out: dict[str, Any] = {}
        for f in self._all:
            multiple = f.schema_field.multiple
            out[f.name] = f.values if multiple else f.value
        return out

    def humanized(self) -> dict[str, str]:
        """``{name: display text}``, e.g. for a CSV row."""
        return {f.name: f.humanized for f in self._all}

    def _unknown(self, key: object) -> str:
        known = [f.external_id for f in self._all if f.external_id]
        close = difflib.get_close_matches(str(key), known, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        listing = ", ".join(known) if known else "none"
        scope = "this app" if self.schema is not None else "this item (empty fields are left out)"
        return f"no field {key!r} in {scope}{hint}; known external_ids: {listing}"

    def __repr__(self) -> str:
        return f"<ItemFields {', '.join(self.keys())}>"
