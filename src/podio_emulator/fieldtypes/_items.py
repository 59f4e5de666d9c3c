"""Item values: writing (every shape of fields.md §2.3), calculations, titles, rendering,
revision diffs and search text."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ._calc import UNDEFINED, CalcDate, CalcError, js_to_string, parse_script
from ._definitions import render_config
from ._errors import InvalidValue
from ._model import AppField, Context, StoredValues
from ._types import MAX_APP_REFERENCES, field_type, format_amount, strip_html

__all__ = [
    "FieldIndex",
    "apply_values",
    "compute_calculations",
    "derive_title",
    "diff_values",
    "parse_field_value",
    "parse_values",
    "referenced_items",
    "render_field_values",
    "render_item_field",
    "render_item_fields",
    "search_text",
]


class FieldIndex:
    """Finds an app's active fields by field_id (int or digit string) or external_id."""

    def __init__(self, fields: Sequence[AppField]) -> None:
        self.fields = list(fields)
        self.active = sorted((f for f in fields if f.active), key=lambda f: (f.delta, f.field_id))
        self._by_id = {f.field_id: f for f in self.active}
        self._by_external = {f.external_id: f for f in self.active}
        self._all_by_id = {f.field_id: f for f in fields}
        # Rendered configs of this app's fields, shared by the items of one response.
        self.configs: dict[tuple[int, str], dict[str, Any]] = {}

    def find(self, key: Any) -> AppField | None:
        if isinstance(key, bool):
            return None
        if isinstance(key, int):
            return self._by_id.get(key)
        if isinstance(key, str):
            if key in self._by_external:
                return self._by_external[key]
            if key.isdigit():
                return self._by_id.get(int(key))
        return None

    def get(self, key: Any) -> AppField:
        """The field for ``key``, or Podio's ``Invalid value "x" (string): No field found``."""
        found = self.find(key)
        if found is None:
            raise InvalidValue.of(key, "No field found")
        return found

    def by_id(self, field_id: int) -> AppField | None:
        """Any field with that id, deleted ones included (for old revisions)."""
        return self._all_by_id.get(field_id)


def _payload_pairs(payload: Any) -> list[tuple[Any, Any]]:
    """``(key, raw value)`` pairs from the object form or the array form of ``fields``.

    Array form (podio-rb, podio-dotnet): ``[{"external_id"|"field_id": k, "values": v}]``.
    """
    if isinstance(payload, Mapping):
        return list(payload.items())
    if isinstance(payload, list):
        pairs: list[tuple[Any, Any]] = []
        for entry in payload:
            if not isinstance(entry, Mapping):
                # podio-php issue 116 shows Podio's wording for this case.
                raise InvalidValue.of(payload, "must be object or must be object")
            key = entry.get("field_id", entry.get("external_id"))
            if key is None:
                raise InvalidValue.of(dict(entry), "must have field_id or external_id")
            if "values" in entry:
                pairs.append((key, entry["values"]))
            else:
                pairs.append((key, entry.get("value")))
        return pairs
    raise InvalidValue.of(payload, "must be object")


def parse_field_value(field: AppField, raw: Any, ctx: Context) -> list[dict[str, Any]]:
    """The stored values of one field from any of the four write shapes.

    ``[]`` and ``null`` clear the field. Duplicates collapse. A single-value field given
    several values is refused.
    """
    ftype = field_type(field.type)
    elements = raw if isinstance(raw, list) else ([] if raw is None else [raw])
    if ftype.read_only and elements:
        raise InvalidValue.of(raw, "calculation fields are read-only")
    stored: list[dict[str, Any]] = []
    for element in elements:
        if isinstance(element, list):
            raise InvalidValue.of(element, "must be object or must be a single value")
        value = ftype.parse(field, ftype.element(element), ctx)
        if value is not None and value not in stored:
            stored.append(value)
    if len(stored) > 1 and not ftype.many(field):
        raise InvalidValue.of(raw, "must not have more than one value")
    if field.type == "app" and len(stored) > MAX_APP_REFERENCES:
        raise InvalidValue.of(len(stored), f"must not be more than {MAX_APP_REFERENCES} items")
    return stored


def parse_values(
    fields: FieldIndex | Sequence[AppField], payload: Any, ctx: Context
) -> dict[int, list[dict[str, Any]]]:
    """Parse a ``fields`` payload into ``field_id -> stored values`` for the given fields only.

    Keys may be field ids or external ids; unknown keys are refused with Podio's
    ``No field found``. A field named twice keeps the last value given.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    changes: dict[int, list[dict[str, Any]]] = {}
    for key, raw in _payload_pairs(payload):
        field = index.get(key)
        changes[field.field_id] = parse_field_value(field, raw, ctx)
    return changes


def apply_values(
    fields: FieldIndex | Sequence[AppField],
    payload: Any,
    ctx: Context,
    *,
    existing: StoredValues | None = None,
) -> tuple[StoredValues, set[int]]:
    """The item's complete stored values after writing ``payload``, and the changed fields.

    ``existing is None`` means the item is being created: fields with a ``default_value``
    that were not written get it, and every required field must end up with a value. On an
    update only the written fields change and a required field may not be cleared.
    Calculation fields are recomputed from the result. Nothing is written anywhere: the
    caller stores the returned values.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    changes = parse_values(index, payload, ctx) if payload is not None else {}
    creating = existing is None
    values: StoredValues = {k: copy.deepcopy(v) for k, v in (existing or {}).items() if v}
    if creating:
        for field in index.active:
            default = field.config.get("default_value")
            if field.field_id not in changes and default is not None:
                try:
                    changes[field.field_id] = parse_field_value(field, default, ctx)
                except InvalidValue:
                    continue  # a default that no longer fits the field is ignored
    for field_id, stored in changes.items():
        if stored:
            values[field_id] = stored
        else:
            values.pop(field_id, None)
    for field in index.active:
        if not field.config.get("required") or field_type(field.type).read_only:
            continue
        if (creating or field.field_id in changes) and not values.get(field.field_id):
            raise InvalidValue.of(None, "must be set (required field)")
    values = compute_calculations(index, values, ctx)
    before = existing or {}
    changed = {
        fid for fid in set(before) | set(values) if before.get(fid, []) != values.get(fid, [])
    }
    return values, changed


# ---------------------------------------------------------------------------------------------
# Calculations


def _calc_order(index: FieldIndex) -> list[tuple[AppField, Any]]:
    """Calculation fields with their parsed scripts, dependencies first."""
    calcs: dict[int, tuple[AppField, Any]] = {}
    for field in index.active:
        if field.type != "calculation":
            continue
        try:
            script = parse_script(str(field.settings.get("script") or ""))
        except CalcError:
            script = None
        calcs[field.field_id] = (field, script)
    ordered: list[tuple[AppField, Any]] = []
    done: set[int] = set()

    def visit(field_id: int, trail: frozenset[int]) -> None:
        if field_id in done or field_id in trail:
            return
        field, script = calcs[field_id]
        if script is not None:
            for dep in script.field_ids:
                if dep in calcs:
                    visit(dep, trail | {field_id})
        done.add(field_id)
        ordered.append((field, script))

    for field_id in calcs:
        visit(field_id, frozenset())
    return ordered


def compute_calculations(
    fields: FieldIndex | Sequence[AppField], values: StoredValues, ctx: Context
) -> StoredValues:
    """Recompute every calculation field of an item; returns the updated values.

    Number results are stored like number values (four decimals), text results as text,
    date results like date values. A script the emulator cannot evaluate, a result that is
    not a finite number / string / date, or a script whose referenced fields are all empty
    leaves the field without value; an empty field inside a formula counts as ``null``
    (0 in arithmetic), as in JavaScript.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    out = dict(values)
    for field, script in _calc_order(index):
        result: list[dict[str, Any]] = []
        if script is not None and script.program:
            tokens: dict[int, Any] = {}
            for dep in script.field_ids:
                dep_field = index.find(dep)
                if dep_field is None:
                    tokens[dep] = None
                    continue
                tokens[dep] = field_type(dep_field.type).token(dep_field, out.get(dep, []), ctx)
            # An item where none of the referenced fields has a value shows no result rather
            # than a formula over nothing (0.0000 for a sum of empty numbers).
            if not script.field_ids or any(out.get(dep) for dep in script.field_ids):
                stored = _calc_result(field, script.evaluate(tokens))
                if stored is not None:
                    result = [stored]
        if result:
            out[field.field_id] = result
        else:
            out.pop(field.field_id, None)
    return out


def _calc_result(field: AppField, result: Any) -> dict[str, Any] | None:
    return_type = field.settings.get("return_type") or "number"
    if return_type == "date":
        if not isinstance(result, CalcDate):
            return None
        if result.all_day:
            return {
                "start_date": result.utc.date().isoformat(),
                "start_time": None,
                "end_date": None,
                "end_time": None,
            }
        return {
            "start_date": result.utc.date().isoformat(),
            "start_time": result.utc.time().isoformat(),
            "end_date": None,
            "end_time": None,
        }
    if return_type == "text":
        if result is None or result is UNDEFINED:
            return None
        text = result if isinstance(result, str) else js_to_string(result)
        return {"value": text} if text else None
    if isinstance(result, bool):
        result = 1.0 if result else 0.0
    if not isinstance(result, (int, float)) or not math.isfinite(result):
        return None
    if abs(result) >= 1e15:
        return None
    return {"value": format_amount(Decimal(repr(float(result))))}


# ---------------------------------------------------------------------------------------------
# Titles, rendering, diffs, search


def derive_title(
    fields: FieldIndex | Sequence[AppField],
    values: StoredValues,
    *,
    item_name: str | None,
    app_item_id: int,
) -> str:
    """The item title: the value of the app's first text field (by ``delta``).

    Podio titles an item by its title field; without one (or when it is empty) the title is
    the app's item name and the app_item_id, e.g. ``"Merge 4"``. HTML values contribute
    their text only.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    for field in index.active:
        if field.type != "text":
            continue
        stored = values.get(field.field_id)
        if stored:
            value = str(stored[0].get("value") or "")
            if field.settings.get("format") == "html":
                value = strip_html(value)
            if value.strip():
                return value
        break
    return f"{item_name or 'Item'} {app_item_id}".strip()


def render_field_values(
    field: AppField, stored: Sequence[Mapping[str, Any]], ctx: Context
) -> list[dict[str, Any]]:
    """The ``values`` list of one field; values whose object is gone are left out."""
    ftype = field_type(field.type)
    out: list[dict[str, Any]] = []
    for element in stored:
        rendered = ftype.render(field, element, ctx)
        if rendered is not None:
            out.append(rendered)
    return out


def render_item_field(
    field: AppField,
    stored: Sequence[Mapping[str, Any]],
    ctx: Context,
    *,
    view: str = "full",
    configs: dict[tuple[int, str], dict[str, Any]] | None = None,
) -> dict[str, Any] | None:
    """One entry of an item's ``fields`` list, or ``None`` when it has no value to show.

    ``full`` (``GET /item/{id}``): field_id, external_id, type, label, status, full config,
    values. ``short`` (filter and collection results): the config is reduced to label,
    settings and mapping and there is no status (samples/item-filter.json).
    ``configs`` caches rendered configs across items of one response; the cached objects
    are shared between entries, which is fine for a body about to be serialised.
    """
    values = render_field_values(field, stored, ctx)
    if not values:
        return None
    out: dict[str, Any] = {
        "field_id": field.field_id,
        "external_id": field.external_id,
        "type": field.type,
        "label": field.label,
    }
    if view == "full":
        out["status"] = field.status
    config_view = "full" if view == "full" else "short"
    if configs is None:
        out["config"] = render_config(field, ctx, view=config_view)
    else:
        key = (field.field_id, config_view)
        if key not in configs:
            configs[key] = render_config(field, ctx, view=config_view)
        out["config"] = configs[key]
    out["values"] = values
    return out


def render_item_fields(
    fields: FieldIndex | Sequence[AppField],
    values: StoredValues,
    ctx: Context,
    *,
    view: str = "full",
) -> list[dict[str, Any]]:
    """The ``fields`` list of an item: active fields with values, in app order."""
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    out: list[dict[str, Any]] = []
    for field in index.active:
        stored = values.get(field.field_id)
        if not stored:
            continue
        rendered = render_item_field(field, stored, ctx, view=view, configs=index.configs)
        if rendered is not None:
            out.append(rendered)
    return out


def diff_values(
    fields: FieldIndex | Sequence[AppField],
    before: StoredValues,
    after: StoredValues,
    ctx: Context,
) -> list[dict[str, Any]]:
    """Revision difference entries (samples/item-revision-diff.json) for changed fields.

    Each entry: field_id, external_id, type, label, config (as stored), ``from`` and ``to``
    in the read shapes. Fields deleted since are still described by their definition.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    out: list[dict[str, Any]] = []
    changed = [fid for fid in set(before) | set(after) if before.get(fid) != after.get(fid)]
    ordered: list[AppField] = []
    for fid in changed:
        field = index.by_id(fid)
        if field is not None:
            ordered.append(field)
    ordered.sort(key=lambda f: (f.delta, f.field_id))
    for field in ordered:
        out.append(
            {
                "field_id": field.field_id,
                "external_id": field.external_id,
                "type": field.type,
                "label": field.label,
                "config": render_config(field, ctx, view="plain"),
                "from": render_field_values(field, before.get(field.field_id, []), ctx),
                "to": render_field_values(field, after.get(field.field_id, []), ctx),
            }
        )
    return out


def search_text(
    fields: FieldIndex | Sequence[AppField],
    values: StoredValues,
    ctx: Context,
    *,
    title: str = "",
    tags: Sequence[str] = (),
) -> str:
    """The text an item is found by in search: title, text-like and number values, tags.

    Returned lower-cased, one piece per line, ready for a ``LIKE`` or ``in`` match.
    """
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    pieces = [title]
    for field in index.active:
        ftype = field_type(field.type)
        if not ftype.searchable():
            continue
        for element in values.get(field.field_id, []):
            text = ftype.text(field, element, ctx)
            if text:
                pieces.append(text)
    pieces.extend(tags)
    return "\n".join(p.lower() for p in pieces if p)


def referenced_items(
    fields: FieldIndex | Sequence[AppField], values: StoredValues
) -> dict[int, list[int]]:
    """``app`` field_id -> item ids referenced by it, for the references endpoints."""
    index = fields if isinstance(fields, FieldIndex) else FieldIndex(fields)
    out: dict[int, list[int]] = {}
    for field in index.active:
        if field.type == "app" and values.get(field.field_id):
            out[field.field_id] = [int(v["value"]) for v in values[field.field_id]]
    return out
