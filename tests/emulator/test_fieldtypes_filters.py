"""Filters (JSON, saved-view list and query-string forms) and sorting of items."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from podio_emulator.fieldtypes import (
    AppField,
    Context,
    InvalidValue,
    ItemRecord,
    apply_values,
    derive_title,
    parse_filters,
    parse_query_filters,
    sort_records,
)

from .fieldtypes_support import MemoryResolver, build_fields, ctx_for

SPECS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "number", "config": {"label": "Amount"}},
    {"type": "category", "config": {"label": "Status", "settings": {
        "options": ["Open", "Doing", "Done"]}}},
    {"type": "date", "config": {"label": "Due"}},
    {"type": "app", "config": {"label": "Project", "settings": {"referenceable_types": [7]}}},
    {"type": "contact", "config": {"label": "Owner"}},
    {"type": "money", "config": {"label": "Budget"}},
    {"type": "progress", "config": {"label": "Progress"}},
    {"type": "duration", "config": {"label": "Spent"}},
    {"type": "state", "config": {"label": "State"}},
    {"type": "location", "config": {"label": "Where"}},
    {"type": "image", "config": {"label": "Picture"}},
    {"type": "calculation", "config": {"label": "Double", "settings": {
        "script": "@[Amount](field_1001) * 2"}}},
]  # fmt: skip

ROWS: list[dict[str, Any]] = [
    {"title": "Alpha", "amount": 10, "status": 1, "due": "2024-05-01", "project": 501,
     "owner": 11, "budget": {"value": 100, "currency": "USD"}, "progress": 10, "spent": 60,
     "state": "active", "where": "Paris, France"},
    {"title": "beta", "amount": 20, "status": 2, "due": {"start": "2024-05-03 10:00:00",
     "end": "2024-05-10 10:00:00"}, "project": [502, 501], "owner": 12, "progress": 50,
     "state": "inactive"},
    {"title": "Gamma", "amount": 30.5, "status": 3, "due": "2024-06-01", "progress": 100},
    {"title": "delta"},
]  # fmt: skip


@pytest.fixture
def setup() -> tuple[list[AppField], list[ItemRecord], Context]:
    resolver = MemoryResolver()
    resolver.apps[7] = {"app_id": 7}
    resolver.add_item(501, 7, "Moon")
    resolver.add_item(502, 7, "Apollo")
    resolver.profiles[11] = {"profile_id": 11, "name": "Zed", "type": "user"}
    resolver.profiles[12] = {"profile_id": 12, "name": "Ann", "type": "user"}
    fields = build_fields(SPECS, resolver)
    ctx = Context(resolver=resolver, timezone="Europe/Copenhagen", now=datetime(2024, 5, 2, 9))
    records = []
    for n, row in enumerate(ROWS, start=1):
        values, _ = apply_values(fields, row, ctx)
        records.append(
            ItemRecord(
                item_id=100 + n,
                app_item_id=n,
                values=values,
                title=derive_title(fields, values, item_name="Task", app_item_id=n),
                external_id=f"ext-{n}" if n < 3 else None,
                created_on=datetime(2024, 1, n, 12),
                created_by=("user", n % 2 + 1),
                created_via=1 if n < 4 else 2,
                last_edit_on=datetime(2024, 2, 5 - n, 12),
                last_edit_by=("app", 7) if n == 4 else ("user", 1),
                tags=["urgent"] if n in (1, 3) else [],
                created_by_name="Ann" if n % 2 else "Bob",
                ratings={"like": float(n % 3)},
            )
        )
    return fields, records, ctx


def _ids(
    fields: list[AppField], records: list[ItemRecord], ctx: Context, filters: Any
) -> list[int]:
    return [r.app_item_id for r in parse_filters(fields, filters, ctx).apply(records)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [1, 2, 3, 4]),
        ({"status": [1, 3]}, [1, 3]),
        ({"status": [1, None]}, [1, 4]),
        ({"status": ["doing"]}, [2]),
        ({"1002": [2]}, [2]),
        ({"amount": {"from": 15}}, [2, 3]),
        ({"amount": {"to": 20}}, [1, 2]),
        ({"amount": {"from": "10", "to": 20.0}}, [1, 2]),
        ({"double": {"from": 41}}, [3]),
        ({"budget": {"from": 50, "to": 150}}, [1]),
        ({"progress": {"from": 50}}, [2, 3]),
        ({"spent": {"to": 60}}, [1]),
        ({"due": {"from": "2024-05-01", "to": "2024-05-01"}}, [1]),
        ({"due": {"from": "2024-05-05", "to": "2024-05-06"}}, [2]),
        ({"due": {"from": "2024-05-11"}}, [3]),
        ({"due": {"from": "2024-05-03 11:00:00", "to": "2024-05-03 12:00:00"}}, [2]),
        ({"due": {"from": "-1d", "to": "+1d"}}, [1, 2]),
        ({"due": {"from": "+3w"}}, [3]),
        ({"due": {"to": "-1m"}}, []),
        ({"project": [502]}, [2]),
        ({"project": [501, None]}, [1, 2, 3, 4]),
        ({"owner": [11]}, [1]),
        ({"state": ["inactive", None]}, [2, 3, 4]),
        ({"title": "ALP"}, [1]),
        ({"where": "paris"}, [1]),
        ({"created_by": [{"type": "user", "id": 2}]}, [1, 3]),
        ({"created_by": ["user:1"]}, [2, 4]),
        ({"created_by": [1]}, [2, 4]),
        ({"last_edit_by": [{"type": "app", "id": 7}]}, [4]),
        ({"created_via": [2]}, [4]),
        ({"created_on": {"from": "2024-01-02", "to": "2024-01-03"}}, [2, 3]),
        ({"last_edit_on": {"to": "2024-02-02"}}, [3, 4]),
        ({"external_id": "ext-2"}, [2]),
        ({"app_item_id": [1, 4]}, [1, 4]),
        ({"app_item_id": {"from": 2, "to": 3}}, [2, 3]),
        ({"item_id": [101]}, [1]),
        ({"tags": ["URGENT"]}, [1, 3]),
        ({"status": [1, 2, 3], "amount": {"from": 20}}, [2, 3]),
        ([{"key": "status", "values": [2]}], [2]),
    ],
)
def test_filters_select_the_right_items(
    setup: tuple[list[AppField], list[ItemRecord], Context], filters: Any, expected: list[int]
) -> None:
    fields, records, ctx = setup
    assert _ids(fields, records, ctx, filters) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"nope": [1]}, r'Invalid value "nope" \(string\): No field found'),
        ({"amount": {"from": "x"}}, r'Invalid value "x" \(string\): must be number'),
        ({"amount": {"min": 1}}, "must be object with from and to"),
        ({"status": [True]}, "must be integer"),
        ({"picture": [1]}, "image fields cannot be filtered"),
        ({"due": {"from": "May 1st"}}, "must be a date"),
        ({"created_by": [{"type": "user"}]}, "must be object"),
        ("status", "must be object"),
    ],
)
def test_bad_filters_are_refused(
    setup: tuple[list[AppField], list[ItemRecord], Context], filters: Any, message: str
) -> None:
    fields, _, ctx = setup
    with pytest.raises(InvalidValue, match=message):
        parse_filters(fields, filters, ctx)


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({"status": "1;2"}, {"status": [1, 2]}),
        ({"status": "null;3"}, {"status": [None, 3]}),
        ({"state": "null;active"}, {"state": [None, "active"]}),
        ({"amount": "20-100"}, {"amount": {"from": 20.0, "to": 100.0}}),
        ({"amount": "20-"}, {"amount": {"from": 20.0, "to": None}}),
        ({"amount": "-5-10"}, {"amount": {"from": -5.0, "to": 10.0}}),
        ({"amount": "7"}, {"amount": {"from": 7.0, "to": 7.0}}),
        ({"due": "2010-12-01-2011-01-01"}, {"due": {"from": "2010-12-01", "to": "2011-01-01"}}),
        ({"due": "2010-12-01-"}, {"due": {"from": "2010-12-01", "to": None}}),
        ({"created_by": "user:1;user:2"}, {"created_by": ["user:1", "user:2"]}),
        (
            {"created_on": "2024-01-01-2024-01-31"},
            {"created_on": {"from": "2024-01-01", "to": "2024-01-31"}},
        ),
        ({"title": "al", "limit": "5", "sort_by": "title"}, {"title": "al"}),
        ({"1001": "1-2"}, {"1001": {"from": 1.0, "to": 2.0}}),
    ],
)
def test_query_string_syntax_becomes_json_filters(
    setup: tuple[list[AppField], list[ItemRecord], Context],
    query: dict[str, str],
    filters: dict[str, Any],
) -> None:
    fields, _, ctx = setup
    assert parse_query_filters(fields, query) == filters
    parse_filters(fields, filters, ctx)  # and they are valid filters


def test_query_filters_select_like_json_filters(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, records, ctx = setup
    query = parse_query_filters(fields, {"created_by": "user:2", "amount": "0-20"})
    assert _ids(fields, records, ctx, query) == [1]


def test_unknown_query_parameter_is_refused(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, _, _ = setup
    with pytest.raises(InvalidValue, match="No field found"):
        parse_query_filters(fields, {"bogus": "1"})


@pytest.mark.parametrize(
    ("sort_by", "desc", "expected"),
    [
        (None, True, [4, 3, 2, 1]),
        ("created_on", False, [1, 2, 3, 4]),
        ("last_edit_on", False, [4, 3, 2, 1]),
        ("title", False, [1, 2, 4, 3]),
        ("app_item_id", True, [4, 3, 2, 1]),
        ("item_id", False, [1, 2, 3, 4]),
        ("amount", True, [3, 2, 1, 4]),
        ("amount", False, [1, 2, 3, 4]),
        ("1001", False, [1, 2, 3, 4]),
        ("status", True, [3, 2, 1, 4]),
        ("due", False, [1, 2, 3, 4]),
        ("project", False, [2, 1, 3, 4]),
        ("owner", False, [2, 1, 3, 4]),
        ("progress", True, [3, 2, 1, 4]),
        ("double", True, [3, 2, 1, 4]),
        ("created_by", False, [1, 3, 2, 4]),
        ("like", True, [2, 4, 1, 3]),
        ("priority", False, [1, 2, 3, 4]),
        ("activity", False, [4, 3, 2, 1]),
    ],
)
def test_sorting(
    setup: tuple[list[AppField], list[ItemRecord], Context],
    sort_by: Any,
    desc: bool,
    expected: list[int],
) -> None:
    fields, records, ctx = setup
    ordered = sort_records(records, fields, ctx, sort_by=sort_by, sort_desc=desc)
    assert [r.app_item_id for r in ordered] == expected


def test_sorting_by_unsortable_or_unknown_keys_is_refused(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, records, ctx = setup
    with pytest.raises(InvalidValue, match="image fields cannot be sorted by"):
        sort_records(records, fields, ctx, sort_by="picture")
    with pytest.raises(InvalidValue, match="No field found"):
        sort_records(records, fields, ctx, sort_by="bogus")


def test_context_helpers_build_utc_contexts() -> None:
    assert ctx_for().timezone == "UTC"
