"""Type-checked, never run: the field value layer as a caller sees it (mypy --strict)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from typing_extensions import assert_type

import podio
from podio.fields import (
    AppSchema,
    CategoryOption,
    FieldValue,
    ItemFields,
    SchemaField,
    changed_fields,
    fields_payload,
    schema_cache,
)
from podio.fields.codegen import generate_module


def reading(item: dict[str, Any], app: dict[str, Any]) -> None:
    fields = ItemFields(item["fields"], schema=app)
    status = fields["status"]
    assert_type(status, FieldValue)
    assert_type(status.values, list[Any])
    assert_type(status.humanized, str)
    assert_type(fields.get(123), FieldValue | None)
    assert_type(fields.humanized(), dict[str, str])
    price = podio.Money("1200.50", "EUR")
    assert_type(price.amount, Decimal)
    when = podio.DateRange(dt.date(2026, 12, 1))
    assert_type(when.start, dt.date)
    assert_type(when.end, dt.date | None)


def writing(item: dict[str, Any], app: dict[str, Any], client: podio.Client) -> None:
    schema = schema_cache.get_or_load(client, 1, lambda: app)
    assert_type(schema, AppSchema)
    assert_type(schema["status"], SchemaField)
    assert_type(schema["status"].option("Done"), CategoryOption)
    body = fields_payload({"status": "Done", 123: podio.Money(1, "EUR")}, schema, creating=True)
    assert_type(body, dict[str, Any])
    assert_type(changed_fields(item["fields"], {"status": None}, app), dict[str, Any])
    try:
        fields_payload({"progress": 101}, app["fields"], creating=False)
    except podio.FieldValueError as error:
        assert_type(error.field, str)
        assert_type(error.choices, tuple[str, ...])
    assert_type(generate_module([app], source="GET /app/1"), str)
