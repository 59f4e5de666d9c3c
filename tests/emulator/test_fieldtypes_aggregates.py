"""Calculate, app values, field ranges, search text and revision diffs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from podio_emulator.fieldtypes import (
    AppField,
    Context,
    InvalidValue,
    ItemRecord,
    app_values,
    apply_values,
    calculate,
    diff_values,
    field_range,
    search_text,
)

from .fieldtypes_support import MemoryResolver, build_fields

SPECS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "number", "config": {"label": "Hours"}},
    {"type": "money", "config": {"label": "Rate"}},
    {"type": "category", "config": {"label": "Team", "settings": {
        "options": ["Red", "Blue"], "multiple": True}}},
    {"type": "date", "config": {"label": "Day", "settings": {"time": "disabled"}}},
    {"type": "contact", "config": {"label": "Who"}},
    {"type": "email", "config": {"label": "Mail"}},
]  # fmt: skip
ROWS: list[dict[str, Any]] = [
    {"title": "One", "hours": 2, "rate": {"value": 10, "currency": "USD"}, "team": [1],
     "day": "2024-01-01", "who": 11, "mail": "one@example.com"},
    {"title": "Two", "hours": 3, "rate": {"value": 20, "currency": "USD"}, "team": [1, 2],
     "day": "2024-01-02"},
    {"title": "Three", "hours": 5, "team": [2], "day": "2024-02-10", "who": 11},
    {"title": "Four"},
]  # fmt: skip


@pytest.fixture
def setup() -> tuple[list[AppField], list[ItemRecord], Context]:
    resolver = MemoryResolver()
    resolver.profiles[11] = {"profile_id": 11, "name": "Ada", "type": "user"}
    fields = build_fields(SPECS, resolver)
    ctx = Context(resolver=resolver, timezone="UTC")
    records = []
    for n, row in enumerate(ROWS, start=1):
        values, _ = apply_values(fields, row, ctx)
        records.append(
            ItemRecord(
                item_id=n,
                app_item_id=n,
                values=values,
                title=row["title"],
                created_on=datetime(2024, n, 1),
                created_by=("user", 1),
                created_by_name="Ada",
                tags=["x"] if n < 3 else [],
            )
        )
    return fields, records, ctx


def test_count_and_sum(setup: tuple[list[AppField], list[ItemRecord], Context]) -> None:
    fields, records, ctx = setup
    assert calculate(fields, records, {"aggregation": "count"}, ctx) == {"total": 4, "groups": []}
    hours = {"type": "field", "value": 1001}
    assert (
        calculate(fields, records, {"aggregation": "sum", "formula": [hours]}, ctx)["total"] == 10
    )
    body = {"aggregation": "sum", "formula": [hours, {"value": "multiply"},
            {"type": "field", "value": "rate"}]}  # fmt: skip
    assert calculate(fields, records, body, ctx)["total"] == 80
    body = {"aggregation": "sum", "formula": [{"type": "number", "value": 1}, {"value": "plus"},
            hours, {"value": "multiply"}, {"type": "number", "value": 2}]}  # fmt: skip
    assert calculate(fields, records, body, ctx)["total"] == 23  # (1 + 2*2) + (1 + 3*2) + (1 + 5*2)
    assert calculate(fields, records, {**body, "filters": {"team": [2]}}, ctx)["total"] == 18


@pytest.mark.parametrize(
    ("aggregation", "total"), [("average", 3.3333), ("minimum", 2), ("maximum", 5)]
)
def test_other_aggregations(
    setup: tuple[list[AppField], list[ItemRecord], Context], aggregation: str, total: float
) -> None:
    fields, records, ctx = setup
    body = {"aggregation": aggregation, "formula": [{"type": "field", "value": "hours"}]}
    assert calculate(fields, records, body, ctx)["total"] == total


def test_groupings(setup: tuple[list[AppField], list[ItemRecord], Context]) -> None:
    fields, records, ctx = setup
    body = {"aggregation": "count", "groupings": [{"type": "field", "value": "team"}]}
    assert calculate(fields, records, body, ctx)["groups"] == [
        {"count": 2, "groups": [{"value": "1", "label": "Red"}]},
        {"count": 2, "groups": [{"value": "2", "label": "Blue"}]},
        {"count": 1, "groups": [{"value": None, "label": None}]},
    ]
    body = {
        "aggregation": "sum",
        "formula": [{"type": "field", "value": "hours"}],
        "groupings": [{"type": "field", "value": "day", "sub_value": "month"}],
    }
    assert calculate(fields, records, body, ctx)["groups"][0] == {
        "count": 5,
        "groups": [{"value": "2024-01", "label": "2024-01"}],
    }
    body = {"aggregation": "count", "groupings": [
        {"type": "revision", "value": "created_on", "sub_value": "weekday"},
        {"type": "revision", "value": "tags"}]}  # fmt: skip
    groups = calculate(fields, records, body, ctx)["groups"]
    assert {"count": 1, "groups": [{"value": "1", "label": "Monday"},
            {"value": "x", "label": "x"}]} in groups  # fmt: skip


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"aggregation": "median"}, "must be one of count, sum"),
        ({"aggregation": "sum"}, "formula must be given"),
        (
            {"aggregation": "sum", "formula": [{"type": "field", "value": "title"}]},
            "must be a field of type",
        ),
        (
            {
                "aggregation": "sum",
                "formula": [
                    {"type": "number", "value": 1},
                    {"value": "pow"},
                    {"type": "number", "value": 1},
                ],
            },
            "must be one of plus",
        ),
        (
            {"aggregation": "count", "groupings": [{"type": "field", "value": "hours"}]},
            "must be a field of type app",
        ),
    ],
)
def test_bad_calculate_bodies(
    setup: tuple[list[AppField], list[ItemRecord], Context], body: Any, message: str
) -> None:
    fields, records, ctx = setup
    with pytest.raises(InvalidValue, match=message):
        calculate(fields, records, body, ctx)


def test_app_values_lists_distinct_values(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, records, ctx = setup
    values = {v["external_id"]: v["values"] for v in app_values(fields, records, ctx)}
    assert [v["value"]["text"] for v in values["team"]] == ["Red", "Blue"]
    assert values["who"] == [{"value": {"profile_id": 11, "name": "Ada", "type": "user"}}]
    assert "hours" not in values


def test_field_range(setup: tuple[list[AppField], list[ItemRecord], Context]) -> None:
    fields, records, ctx = setup
    by_key = {f.external_id: f for f in fields}
    assert field_range(by_key["hours"], records, ctx) == {"min": 2, "max": 5}
    assert field_range(by_key["day"], records, ctx) == {
        "min": "2024-01-01 00:00:00",
        "max": "2024-02-10 00:00:00",
    }
    assert field_range(by_key["hours"], [], ctx) == {"min": None, "max": None}
    with pytest.raises(InvalidValue, match="have no range"):
        field_range(by_key["title"], records, ctx)


def test_search_text_holds_title_text_numbers_and_tags(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, records, ctx = setup
    text = search_text(fields, records[0].values, ctx, title="One", tags=["Urgent"])
    lines = text.split("\n")
    assert "one" in lines
    assert "2" in lines  # the number 2.0000 as typed
    assert "red" in lines
    assert "one@example.com" in lines
    assert "urgent" in lines
    assert "2024-01-01" not in text  # dates are not searched


def test_diff_lists_changed_fields_only(
    setup: tuple[list[AppField], list[ItemRecord], Context],
) -> None:
    fields, records, ctx = setup
    before = records[0].values
    after, _ = apply_values(fields, {"hours": 4, "team": [2]}, ctx, existing=before)
    diff = diff_values(fields, before, after, ctx)
    assert [(d["external_id"], d["from"], d["to"]) for d in diff] == [
        ("hours", [{"value": "2.0000"}], [{"value": "4.0000"}]),
        ("team", [{"value": {"id": 1, "text": "Red", "status": "active", "color": "DCEBD8"}}],
         [{"value": {"id": 2, "text": "Blue", "status": "active", "color": "DCEBD8"}}]),
    ]  # fmt: skip
    assert set(diff[0]) == {"field_id", "external_id", "type", "label", "config", "from", "to"}
    assert diff_values(fields, before, before, ctx) == []
