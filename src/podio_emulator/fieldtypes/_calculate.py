"""``POST /item/app/{app_id}/calculate``: aggregates over filtered items (items.md §6).

Request: ``aggregation`` (count, sum, average, minimum, maximum), ``formula`` (not for
count: variables and operators alternating, variables at both ends), ``groupings``,
``filters``, ``limit``. Response (podio-dotnet ``ItemCalculate``)::

    {"total": number, "groups": [{"count": number, "groups": [{"value", "label"}, ...]}]}

where each group's ``count`` carries that group's aggregate and its ``groups`` list names
one value per grouping. Aggregates are JSON numbers; ``average``, ``minimum`` and
``maximum`` over no values are ``null``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ._dates import date_bounds, format_datetime, utc_to_local
from ._errors import InvalidValue
from ._filters import parse_filters
from ._items import FieldIndex
from ._model import AppField, Context, ItemRecord
from ._types import field_type

__all__ = ["AGGREGATIONS", "app_values", "calculate", "field_range"]

AGGREGATIONS = ("count", "sum", "average", "minimum", "maximum")
_FORMULA_TYPES = frozenset({"number", "money", "progress", "duration", "calculation"})
_GROUP_FIELD_TYPES = frozenset(
    {"app", "member", "contact", "date", "state", "question", "category"}
)
_REVISION_GROUPS = ("created_on", "created_by", "last_edit_on", "last_edit_by", "tags")
_SUB_VALUES = ("date", "weekday", "week", "month", "year")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_OPERATORS = {"plus": "+", "minus": "-", "multiply": "*", "divide": "/"}
_OPERATORS.update({v: v for v in list(_OPERATORS.values())})
DEFAULT_GROUP_LIMIT = 30  # podio-dotnet's default

GroupKey = tuple[Any, Any]  # (value, label)


def _formula(parts: Any, index: FieldIndex) -> Callable[[ItemRecord], float | None]:
    if not isinstance(parts, list) or not parts or len(parts) % 2 == 0:
        raise InvalidValue.of(parts, "must be a list of variables and operators, alternating")
    terms: list[Callable[[ItemRecord], float | None]] = []
    ops: list[str] = []
    for position, part in enumerate(parts):
        if not isinstance(part, Mapping):
            raise InvalidValue.of(part, "must be object")
        value = part.get("value")
        if position % 2:
            op = _OPERATORS.get(value) if isinstance(value, str) else None
            if op is None:
                raise InvalidValue.of(value, "must be one of plus, minus, multiply, divide")
            ops.append(op)
            continue
        kind = part.get("type")
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InvalidValue.of(value, "must be number")
            terms.append(_constant(float(value)))
        elif kind == "field":
            fld = index.get(value)
            if fld.type not in _FORMULA_TYPES:
                raise InvalidValue.of(
                    value, "must be a field of type duration, number, calculation, progress, money"
                )
            terms.append(_field_number(fld))
        else:
            raise InvalidValue.of(kind, "must be one of field, number")

    def evaluate(record: ItemRecord) -> float | None:
        numbers: list[float] = []
        for term in terms:
            number = term(record)
            if number is None:
                return None
            numbers.append(number)
        # Multiplication and division bind tighter than addition and subtraction.
        stack: list[float] = [numbers[0]]
        pending: list[str] = []
        for op, number in zip(ops, numbers[1:], strict=True):
            if op == "*":
                stack[-1] *= number
            elif op == "/":
                if number == 0:
                    return None
                stack[-1] /= number
            else:
                pending.append(op)
                stack.append(number)
        total = stack[0]
        for op, number in zip(pending, stack[1:], strict=True):
            total = total + number if op == "+" else total - number
        return total

    return evaluate


def _constant(number: float) -> Callable[[ItemRecord], float | None]:
    return lambda record: number


def _field_number(fld: AppField) -> Callable[[ItemRecord], float | None]:
    ftype = field_type(fld.type)
    field_id = fld.field_id

    def number(record: ItemRecord) -> float | None:
        values = record.values.get(field_id)
        return ftype.numeric(values[0]) if values else None

    return number


def _bucket(stamp: datetime, sub_value: str) -> GroupKey:
    if sub_value == "weekday":
        weekday = stamp.isoweekday()
        return str(weekday), _WEEKDAYS[weekday - 1]
    if sub_value == "week":
        year, week, _ = stamp.isocalendar()
        text = f"{year}-W{week:02d}"
        return text, text
    if sub_value == "month":
        text = stamp.strftime("%Y-%m")
        return text, text
    if sub_value == "year":
        text = stamp.strftime("%Y")
        return text, text
    text = stamp.strftime("%Y-%m-%d")
    return text, text


@dataclass
class _Grouping:
    keys: Callable[[ItemRecord], list[GroupKey]]


def _grouping(spec: Any, index: FieldIndex, ctx: Context) -> _Grouping:
    if not isinstance(spec, Mapping):
        raise InvalidValue.of(spec, "must be object")
    kind, value = spec.get("type"), spec.get("value")
    sub_value = spec.get("sub_value") or "date"
    if sub_value not in _SUB_VALUES:
        raise InvalidValue.of(sub_value, "must be one of " + ", ".join(_SUB_VALUES))
    empty: list[GroupKey] = [(None, None)]
    if kind == "field":
        fld = index.get(value)
        if fld.type not in _GROUP_FIELD_TYPES:
            raise InvalidValue.of(value, "must be a field of type app, member, contact, date, "
                                  "state, question")  # fmt: skip
        ftype = field_type(fld.type)
        field_id = fld.field_id
        if fld.type == "date":

            def date_keys(record: ItemRecord) -> list[GroupKey]:
                values = record.values.get(field_id)
                if not values:
                    return empty
                begin = date_bounds(values[0], ctx.timezone)[0]
                return [_bucket(utc_to_local(begin, ctx.timezone), sub_value)]

            return _Grouping(date_keys)

        def field_keys(record: ItemRecord) -> list[GroupKey]:
            values = record.values.get(field_id)
            if not values:
                return empty
            return [
                (str(ftype.match_id(v)), ftype.text(fld, v, ctx) or str(ftype.match_id(v)))
                for v in values
            ]

        return _Grouping(field_keys)
    if kind == "revision":
        if value not in _REVISION_GROUPS:
            raise InvalidValue.of(value, "must be one of " + ", ".join(_REVISION_GROUPS))
        if value in ("created_on", "last_edit_on"):
            attr = value

            def time_keys(record: ItemRecord) -> list[GroupKey]:
                stamp = getattr(record, attr)
                if stamp is None:
                    return empty
                return [_bucket(utc_to_local(stamp, ctx.timezone), sub_value)]

            return _Grouping(time_keys)
        if value in ("created_by", "last_edit_by"):
            attr = value

            def auth_keys(record: ItemRecord) -> list[GroupKey]:
                ref = getattr(record, attr)
                if ref is None:
                    return empty
                name = getattr(record, f"{attr}_name") or f"{ref[0]}:{ref[1]}"
                return [(f"{ref[0]}:{ref[1]}", name)]

            return _Grouping(auth_keys)
        return _Grouping(lambda r: [(t, t) for t in r.tags] or empty)
    raise InvalidValue.of(kind, "must be one of field, revision")


def _aggregate(aggregation: str, numbers: list[float], count: int) -> float | int | None:
    if aggregation == "count":
        return count
    if aggregation == "sum":
        return _tidy(sum(numbers))
    if not numbers:
        return None
    if aggregation == "average":
        return _tidy(sum(numbers) / len(numbers))
    if aggregation == "minimum":
        return _tidy(min(numbers))
    return _tidy(max(numbers))


def _tidy(number: float) -> float | int:
    rounded = round(float(number), 4)
    return int(rounded) if rounded.is_integer() else rounded


def _group_order(group: dict[str, Any]) -> tuple[bool, float]:
    """Largest aggregate first; groups without an aggregate last."""
    count = group["count"]
    return count is None, -float(count or 0)


def calculate(
    fields: FieldIndex | Sequence[AppField],
    records: Sequence[ItemRecord],
    body: Any,
    ctx: Context,
) -> dict[str, Any]:
    """Aggregate ``records`` (all items of the app) per ``body``; filters apply first."""
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    if not isinstance(body, Mapping):
        raise InvalidValue.of(body, "must be object")
    aggregation = body.get("aggregation")
    if aggregation not in AGGREGATIONS:
        raise InvalidValue.of(aggregation, "must be one of " + ", ".join(AGGREGATIONS))
    formula = None
    if aggregation != "count":
        if body.get("formula") is None:
            raise InvalidValue.of(None, "formula must be given for " + str(aggregation))
        formula = _formula(body["formula"], index)
    groupings = [_grouping(g, index, ctx) for g in body.get("groupings") or []]
    limit = body.get("limit", DEFAULT_GROUP_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidValue.of(limit, "must be a positive integer")
    selected = parse_filters(index, body.get("filters"), ctx).apply(records)

    def number_of(record: ItemRecord) -> float | None:
        return formula(record) if formula is not None else None

    all_numbers: list[float] = []
    groups: dict[tuple[GroupKey, ...], tuple[list[float], list[int]]] = {}
    for record in selected:
        number = number_of(record)
        if number is not None:
            all_numbers.append(number)
        if not groupings:
            continue
        combos: list[tuple[GroupKey, ...]] = [()]
        for grouping in groupings:
            combos = [(*c, k) for c in combos for k in grouping.keys(record)]
        for combo in dict.fromkeys(combos):
            numbers, counter = groups.setdefault(combo, ([], [0]))
            counter[0] += 1
            if number is not None:
                numbers.append(number)
    result_groups = [
        {
            "count": _aggregate(str(aggregation), numbers, counter[0]),
            "groups": [{"value": value, "label": label} for value, label in combo],
        }
        for combo, (numbers, counter) in groups.items()
    ]
    result_groups.sort(key=_group_order)
    return {
        "total": _aggregate(str(aggregation), all_numbers, len(selected)),
        "groups": result_groups[:limit],
    }


_VALUE_LIST_TYPES = frozenset({"category", "question", "app", "contact", "member", "state"})


def app_values(
    fields: FieldIndex | Sequence[AppField], records: Sequence[ItemRecord], ctx: Context
) -> list[dict[str, Any]]:
    """The distinct values in use per list-like field (``GET /item/app/{app_id}/values``).

    One entry per category, question, app, contact, member and state field that has values:
    ``{"field_id", "external_id", "type", "label", "values": [read-shape values]}``.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    out: list[dict[str, Any]] = []
    for fld in index.active:
        if fld.type not in _VALUE_LIST_TYPES:
            continue
        ftype = field_type(fld.type)
        seen: dict[Any, Mapping[str, Any]] = {}
        for record in records:
            for stored in record.values.get(fld.field_id, ()):
                seen.setdefault(ftype.match_id(stored), stored)
        rendered = [ftype.render(fld, stored, ctx) for stored in seen.values()]
        values = [v for v in rendered if v is not None]
        if values:
            out.append(
                {
                    "field_id": fld.field_id,
                    "external_id": fld.external_id,
                    "type": fld.type,
                    "label": fld.label,
                    "values": values,
                }
            )
    return out


def field_range(fld: AppField, records: Sequence[ItemRecord], ctx: Context) -> dict[str, Any]:
    """``{"min", "max"}`` of a number-like or date field over ``records`` (null when empty).

    Number-like fields give numbers; date fields give UTC datetimes ``YYYY-MM-DD HH:MM:SS``.
    """
    ftype = field_type(fld.type)
    if fld.type == "date" or (
        fld.type == "calculation" and fld.settings.get("return_type") == "date"
    ):
        stamps = [
            date_bounds(stored, ctx.timezone)[0]
            for record in records
            for stored in record.values.get(fld.field_id, ())
            if "start_date" in stored
        ]
        if not stamps:
            return {"min": None, "max": None}
        return {"min": format_datetime(min(stamps)), "max": format_datetime(max(stamps))}
    if fld.type not in _FORMULA_TYPES:
        raise InvalidValue.of(fld.field_id, f"{fld.type} fields have no range")
    numbers = [
        n
        for record in records
        for stored in record.values.get(fld.field_id, ())
        if (n := ftype.numeric(stored)) is not None
    ]
    if not numbers:
        return {"min": None, "max": None}
    return {"min": _tidy(min(numbers)), "max": _tidy(max(numbers))}
