"""Item field values as Python values, both ways.

See docs/fields.md for every type's Python form, the write rules and the display formats.
"""

from __future__ import annotations

from ._errors import FieldValueError
from ._read import (
    RAW_TYPES,
    FieldNotFoundError,
    FieldValue,
    ItemFields,
    format_duration,
    humanize,
    parse_values,
)
from ._schema import READ_ONLY_TYPES, AppSchema, SchemaCache, SchemaField, schema_cache
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
    format_amount,
)

__all__ = [
    "RAW_TYPES",
    "READ_ONLY_TYPES",
    "AppSchema",
    "CategoryOption",
    "DateRange",
    "EmbedRef",
    "FieldNotFoundError",
    "FieldValue",
    "FieldValueError",
    "FileRef",
    "ItemFields",
    "ItemRef",
    "Location",
    "Money",
    "ProfileRef",
    "SchemaCache",
    "SchemaField",
    "TypedValue",
    "format_amount",
    "format_duration",
    "humanize",
    "parse_values",
    "schema_cache",
]

# Public objects report themselves as podio.fields.X in reprs and tracebacks.
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("podio.fields._"):
        _obj.__module__ = "podio.fields"
del _name, _obj
