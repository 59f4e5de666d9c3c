"""The item-field-type engine of the emulator: pure functions, no HTTP, no storage.

Everything Podio does with app fields and item values lives here, type by type
(``fields.md``): field definitions and their defaults, the four write shapes of values,
canonical stored values, the read shapes of ``GET /item``, filter bodies, item views,
calculations, titles, filters and sorting, revision diffs, aggregates and search text.

The areas that own storage call in with plain data and a :class:`Context` whose
:class:`Resolver` answers lookups of other objects (items, profiles, files, embeds, apps).

Typical write path::

    index = FieldIndex(app_fields)
    values, changed = apply_values(index, body["fields"], ctx, existing=None)
    title = derive_title(index, values, item_name="Task", app_item_id=12)
    ... store values (JSON) ...
    body = render_item_fields(index, values, ctx, view="full")

Errors are :class:`InvalidValue` (HTTP 400 ``invalid_value``) with Podio's wording.
"""

from __future__ import annotations

from ._calc import CalcDate, CalcError, CalcUnsupported, Script, parse_script
from ._calculate import AGGREGATIONS, app_values, calculate, field_range
from ._dates import (
    date_bounds,
    format_datetime,
    local_to_utc,
    parse_date_value,
    parse_datetime_text,
    render_date_value,
    utc_to_local,
)
from ._definitions import (
    CONFIG_DEFAULTS,
    MAPPINGS,
    new_field,
    render_config,
    render_field,
    slugify,
    unique_external_id,
    update_field,
)
from ._errors import EngineError, InvalidValue, describe_value, json_type_name
from ._filters import (
    QUERY_RESERVED,
    SORT_KEYS,
    Filter,
    parse_filters,
    parse_query_filters,
    sort_records,
)
from ._items import (
    FieldIndex,
    apply_values,
    compute_calculations,
    derive_title,
    diff_values,
    parse_field_value,
    parse_values,
    referenced_items,
    render_field_values,
    render_item_field,
    render_item_fields,
    search_text,
)
from ._model import AppField, Context, ItemRecord, NullResolver, Resolver, StoredValues
from ._types import FIELD_TYPES, FieldType, field_type, format_amount, strip_html

__all__ = [
    "AGGREGATIONS",
    "CONFIG_DEFAULTS",
    "FIELD_TYPES",
    "MAPPINGS",
    "QUERY_RESERVED",
    "SORT_KEYS",
    "AppField",
    "CalcDate",
    "CalcError",
    "CalcUnsupported",
    "Context",
    "EngineError",
    "FieldIndex",
    "FieldType",
    "Filter",
    "InvalidValue",
    "ItemRecord",
    "NullResolver",
    "Resolver",
    "Script",
    "StoredValues",
    "app_values",
    "apply_values",
    "calculate",
    "compute_calculations",
    "date_bounds",
    "derive_title",
    "describe_value",
    "diff_values",
    "field_range",
    "field_type",
    "format_amount",
    "format_datetime",
    "json_type_name",
    "local_to_utc",
    "new_field",
    "parse_date_value",
    "parse_datetime_text",
    "parse_field_value",
    "parse_filters",
    "parse_query_filters",
    "parse_script",
    "parse_values",
    "referenced_items",
    "render_config",
    "render_date_value",
    "render_field",
    "render_field_values",
    "render_item_field",
    "render_item_fields",
    "search_text",
    "slugify",
    "sort_records",
    "strip_html",
    "unique_external_id",
    "update_field",
    "utc_to_local",
]
