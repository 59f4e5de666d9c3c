"""Item field values as Python values, both ways.

Reading::

    fields = podio.fields.ItemFields(item_json["fields"], schema=app_json)
    fields["status"].value          # CategoryOption(id=3, text='Live', ...)
    fields["amount"].value          # Money('1200.5000', 'EUR')
    fields["due"].value.start       # aware UTC datetime (or a date when all-day)
    fields["Status"].humanized      # 'Live'

Writing::

    body = {"fields": podio.fields.fields_payload(
        {"status": "Live", "amount": podio.Money("1200.50", "EUR"), "due": date(2026, 12, 1)},
        app_json,
        creating=True,
    )}

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
from ._write import (
    AppFieldsArg,
    changed_fields,
    expected_read_values,
    fields_payload,
    read_to_write,
    write_value,
)

__all__ = [
    "RAW_TYPES",
    "READ_ONLY_TYPES",
    "AppFieldsArg",
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
    "changed_fields",
    "expected_read_values",
    "fields_payload",
    "format_amount",
    "format_duration",
    "humanize",
    "parse_values",
    "read_to_write",
    "schema_cache",
    "write_value",
]

# Public objects report themselves as podio.fields.X in reprs and tracebacks.
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("podio.fields._"):
        _obj.__module__ = "podio.fields"
del _name, _obj
