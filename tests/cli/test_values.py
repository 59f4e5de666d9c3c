"""Cell text as field values (import) and --filter text as Podio filters, without a server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from podio._serialization import UTC
from podio.cli._cells import parse_cell
from podio.cli._filters import parse_filters, sort_key
from podio.fields import (
    AppSchema,
    DateRange,
    FieldValueError,
    Money,
    SchemaField,
    humanize,
    parse_values,
)

SCHEMA = AppSchema(
    [
        {"field_id": 1, "external_id": "title", "type": "text", "label": "Title"},
        {
            "field_id": 2,
            "external_id": "status",
            "type": "category",
            "label": "Status",
            "config": {
                "settings": {
                    "multiple": False,
                    "options": [
                        {"id": 1, "text": "Open", "status": "active"},
                        {"id": 2, "text": "Done, finally", "status": "active"},
                        {"id": 3, "text": "7", "status": "active"},
                    ],
                }
            },
        },
        {
            "field_id": 3,
            "external_id": "areas",
            "type": "category",
            "label": "Areas",
            "config": {
                "settings": {
                    "multiple": True,
                    "options": [
                        {"id": 1, "text": "Design", "status": "active"},
                        {"id": 2, "text": "Sales", "status": "active"},
                    ],
                }
            },
        },
        {"field_id": 4, "external_id": "hours", "type": "number", "label": "Hours"},
        {"field_id": 5, "external_id": "budget", "type": "money", "label": "Budget"},
        {"field_id": 6, "external_id": "progress", "type": "progress", "label": "Progress"},
        {"field_id": 7, "external_id": "spent", "type": "duration", "label": "Spent"},
        {"field_id": 8, "external_id": "due", "type": "date", "label": "Due"},
        {
            "field_id": 9,
            "external_id": "client",
            "type": "app",
            "label": "Client",
            "config": {"settings": {"multiple": False}},
        },
        {"field_id": 10, "external_id": "people", "type": "contact", "label": "People"},
        {"field_id": 11, "external_id": "mail", "type": "email", "label": "Mail"},
        {"field_id": 12, "external_id": "link", "type": "embed", "label": "Link"},
    ]
)


def field(name: str) -> SchemaField:
    return SCHEMA.resolve(name)


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("title", "  spaced  ", "  spaced  "),
        ("title", "   ", None),
        ("hours", " 12.5 ", "12.5"),
        ("budget", "1200.50 EUR", ("1200.50", "EUR")),
        ("budget", "usd 7", ("7", "USD")),
        ("budget", "99", "99"),
        ("progress", "40%", 40),
        ("progress", "40", 40),
        ("spent", "1d 2h 3m 4s", dt.timedelta(days=1, hours=2, minutes=3, seconds=4)),
        ("spent", "93784", dt.timedelta(seconds=93784)),
        ("spent", "26:03:04", dt.timedelta(hours=26, minutes=3, seconds=4)),
        ("spent", "0s", dt.timedelta(0)),
        ("due", "2026-12-01", dt.date(2026, 12, 1)),
        ("due", "2026-12-01 14:00", dt.datetime(2026, 12, 1, 14, 0)),
        ("due", "2026-12-01 14:00:05 UTC", dt.datetime(2026, 12, 1, 14, 0, 5, tzinfo=UTC)),
        ("due", "2026-12-01 - 2026-12-03", (dt.date(2026, 12, 1), dt.date(2026, 12, 3))),
        ("status", "Open", "Open"),
        ("status", "done, FINALLY", "done, FINALLY"),  # one option, though it has a comma
        ("status", "2", 2),
        ("status", "7", "7"),  # an option's text wins over an id
        ("areas", "Design, Sales", ["Design", "Sales"]),
        ("areas", "Sales", ["Sales"]),
        ("client", "42", 42),
        ("people", "1, 2;3", [1, 2, 3]),
        ("mail", "a@example.com, b@example.com", ["a@example.com", "b@example.com"]),
        ("link", "https://example.com/x", "https://example.com/x"),
    ],
)
def test_cells(name: str, text: str, value: Any) -> None:
    assert parse_cell(field(name), text) == value


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("budget", "EUR 1 USD", "money is an amount and a currency"),
        ("progress", "half", "progress is a whole number"),
        ("spent", "a while", "a duration is seconds"),
        ("due", "tomorrow", "a date is 2026-12-01"),
        ("due", "2026-02-30", "is not a date"),
        ("due", "2026-12-01 UTC", "a UTC date needs a time of day"),
        ("client", "Acme Corp", "app fields are written with item ids"),
    ],
)
def test_bad_cells_name_the_field(name: str, text: str, reason: str) -> None:
    with pytest.raises(FieldValueError) as caught:
        parse_cell(field(name), text)
    assert caught.value.field == name
    assert caught.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("money", [{"value": "1200.5000", "currency": "EUR"}]),
        ("progress", [{"value": 42}]),
        ("duration", [{"value": 93784}]),
        ("date", [{"start_date": "2026-12-01", "end_date": "2026-12-03"}]),
        ("date", [{"start": "2026-12-01 14:00:00", "start_date": "2026-12-01"}]),
    ],
)
def test_display_text_reads_back(kind: str, raw: list[Any]) -> None:
    """What the CSV export writes (`humanize`) is what the import reads."""
    (stored,) = parse_values(kind, raw)
    text = humanize(kind, [stored], {})
    parsed = parse_cell(SchemaField(None, kind, kind, kind), text)
    if kind == "money":
        assert Money(*parsed) == stored
    elif kind == "date" and isinstance(parsed, tuple):
        assert DateRange(*parsed) == stored
    elif kind == "date":
        assert parsed == stored.start_local
    else:
        assert parsed == stored


def test_filters_in_podios_syntax() -> None:
    assert parse_filters(
        [
            "status=Open;null;3",
            "Areas=Sales",
            "hours=10-100",
            "budget=-50",
            "progress=40%",
            "spent=1h-2h",
            "due=2026-01-01-2026-06-30",
            "client=4;5",
            "title=launch",
            "created_on=-7d-+0d",
            "created_by=user:1;app:2;3",
            "tags=a;b",
            "app_item_id=1-10",
            "item_id=7;8",
            "external_id=x",
        ],
        SCHEMA,
    ) == {
        "2": [1, None, 3],
        "3": [2],
        "4": {"from": 10, "to": 100},
        "5": {"from": None, "to": 50},
        "6": {"from": 40, "to": 40},
        "7": {"from": 3600, "to": 7200},
        "8": {"from": "2026-01-01", "to": "2026-06-30"},
        "9": [4, 5],
        "1": "launch",
        "created_on": {"from": "-7d", "to": "+0d"},
        "created_by": [
            {"type": "user", "id": 1},
            {"type": "app", "id": 2},
            {"type": "user", "id": 3},
        ],
        "tags": ["a", "b"],
        "app_item_id": {"from": 1, "to": 10},
        "item_id": [7, 8],
        "external_id": ["x"],
    }
    assert parse_filters(["due=2026-03-01", "hours=2.5"], SCHEMA) == {
        "8": {"from": "2026-03-01", "to": "2026-03-01"},
        "4": {"from": 2.5, "to": 2.5},
    }


def test_sort_keys() -> None:
    assert sort_key("Hours", SCHEMA) == "4"
    assert sort_key("created_on", SCHEMA) == "created_on"
    assert sort_key(None, SCHEMA) is None
    with pytest.raises(FieldValueError, match="or one of activity"):
        sort_key("colour", SCHEMA)


def test_csv_columns_leave_out_item_columns_a_field_answers_to() -> None:
    from podio.cli._export import csv_columns

    schema = AppSchema(
        [
            {"field_id": 1, "external_id": "name", "type": "text", "label": "Title"},
            {"field_id": 2, "external_id": "link", "type": "embed", "label": "Website"},
            {"field_id": 3, "external_id": "notes", "type": "text", "label": "Notes"},
            {"field_id": 4, "external_id": "notes-2", "type": "text", "label": "Notes"},
            {"field_id": 5, "external_id": "break", "type": "separator", "label": "Break"},
        ]
    )
    # "title" is the label of field 1 and "link" an external id: the import would read
    # those columns as the fields, so the export leaves the item's own columns out.
    assert [c.name for c in csv_columns(schema)] == [
        "item_id", "app_item_id", "external_id", "created_on",
        "name", "link", "notes", "notes-2",
    ]  # fmt: skip
    assert [c.name for c in csv_columns(schema, "label")] == [
        "item_id", "app_item_id", "external_id", "created_on",
        "Title", "Website", "notes", "notes-2",
    ]  # fmt: skip
