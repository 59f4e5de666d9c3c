"""Calculation scripts: the JavaScript subset, evaluated without eval."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pytest

from podio_emulator.fieldtypes import (
    CalcDate,
    CalcError,
    CalcUnsupported,
    apply_values,
    parse_script,
    render_item_fields,
)
from podio_emulator.fieldtypes._calc import UNDEFINED

from .fieldtypes_support import build_fields, ctx_for


@pytest.mark.parametrize(
    ("script", "fields", "result"),
    [
        ("1 + 2 * 3", {}, 7.0),
        ("(1 + 2) * 3", {}, 9.0),
        ("10 / 4", {}, 2.5),
        ("7 % 3", {}, 1.0),
        ("-@[A](field_1) + 1", {1: 5.0}, -4.0),
        ("@[A](field_1) + @[B](field_2)", {1: 2.0, 2: None}, 2.0),
        ("'a' + 1", {}, "a1"),
        ("'n=' + 2.5", {}, "n=2.5"),
        ('"x" + @[T](field_1)', {1: "y"}, "xy"),
        ("var a = @[N](field_1);\nparseInt(a, 10);", {1: 111.0}, 111.0),
        ("var a = 2, b = 3; a * b", {}, 6.0),
        ("let x = 4\nx * x", {}, 16.0),
        ("Math.round(2.5) + Math.floor(-1.5) + Math.max(1, 7, 3)", {}, 8.0),
        ("Math.pow(2, 10) + Math.sqrt(16) + Math.abs(-1)", {}, 1029.0),
        ("parseFloat('3.5kg') * 2", {}, 7.0),
        ("parseInt('ff', 16)", {}, 255.0),
        ("(1.005).toFixed(2)", {}, "1.00"),
        ("'Ab'.toUpperCase() + 'Cd'.toLowerCase() + ' x '.trim()", {}, "ABcdx"),
        ("'abc'.length", {}, 3.0),
        ("@[N](field_1) > 10 ? 'big' : 'small'", {1: 11.0}, "big"),
        ("@[N](field_1) >= 10 && @[N](field_1) < 20", {1: 15.0}, True),
        ("@[N](field_1) || 5", {1: None}, 5.0),
        ("1 === 1 && '1' == 1 && 1 !== '1'", {}, True),
        ("Number('12') + String(3)", {}, "123"),
        ("// comment\n1 /* inline */ + 1", {}, 2.0),
        ("Math.PI > 3", {}, True),
    ],
)
def test_script_results(script: str, fields: dict[int, Any], result: Any) -> None:
    assert parse_script(script).evaluate(fields) == result


def test_division_by_zero_and_nan_follow_javascript() -> None:
    assert parse_script("1 / 0").evaluate({}) == math.inf
    assert math.isnan(parse_script("0 / 0").evaluate({}))
    assert math.isnan(parse_script("parseInt('x')").evaluate({}))


def test_runtime_errors_give_undefined() -> None:
    assert parse_script("nothing + 1").evaluate({}) is UNDEFINED
    assert parse_script("@[N](field_1).toFixed(2)").evaluate({1: None}) is UNDEFINED


def test_field_tokens_are_collected() -> None:
    script = parse_script("@[A](field_1) + @[B](field_22) * @[A](field_1); var field = 2")
    assert script.field_ids == frozenset({1, 22})


@pytest.mark.parametrize("script", ["1 +", "(1", "var = 3", "1 # 2", "'open"])
def test_syntax_errors(script: str) -> None:
    with pytest.raises(CalcError):
        parse_script(script)


@pytest.mark.parametrize(
    "script",
    [
        "@[All of Number](in_90568755_80608149).reduce(function(p, v) {return p + v })",
        "function f() { return 1 }",
        "[1, 2]",
        "for (;;) {}",
        "Math.random()",
    ],
)
def test_constructs_beyond_the_subset_are_unsupported(script: str) -> None:
    with pytest.raises(CalcUnsupported):
        parse_script(script).evaluate({})


def test_no_python_is_reachable_from_a_script() -> None:
    for script in ("__import__('os')", "'a'.__class__", "(1).__class__"):
        try:
            result = parse_script(script).evaluate({})
        except CalcError:
            continue
        assert result is UNDEFINED


def test_calculation_fields_follow_their_inputs_in_items() -> None:
    fields = build_fields(
        [
            {"type": "number", "config": {"label": "Hours"}},
            {"type": "money", "config": {"label": "Rate"}},
            {"type": "progress", "config": {"label": "Done"}},
            {"type": "duration", "config": {"label": "Spent"}},
            {
                "type": "calculation",
                "config": {
                    "label": "Cost",
                    "settings": {"script": "@[Hours](field_1000) * @[Rate](field_1001)"},
                },
            },
            {
                "type": "calculation",
                "config": {
                    "label": "Left",
                    "settings": {
                        "script": "@[Cost](field_1004) * (100 - @[Done](field_1002)) / 100"
                    },
                },
            },
            {
                "type": "calculation",
                "config": {
                    "label": "Label",
                    "settings": {"script": "'Cost: ' + @[Cost](field_1004)"},
                },
            },
            {
                "type": "calculation",
                "config": {"label": "Minutes", "settings": {"script": "@[Spent](field_1003) / 60"}},
            },
        ]
    )
    ctx = ctx_for()
    values, _ = apply_values(
        fields,
        {"hours": 10, "rate": {"value": "12.50", "currency": "USD"}, "done": 40, "spent": 5400},
        ctx,
    )
    assert values[1004] == [{"value": "125.0000"}]
    assert values[1005] == [{"value": "75.0000"}]
    assert values[1006] == [{"value": "Cost: 125"}]
    assert values[1007] == [{"value": "90.0000"}]
    read = {f["external_id"]: f["values"] for f in render_item_fields(fields, values, ctx)}
    assert read["cost"] == [{"value": "125.0000"}]
    assert read["label"] == [{"value": "Cost: 125"}]


def test_date_calculations_render_like_dates() -> None:
    fields = build_fields(
        [
            {"type": "date", "config": {"label": "When"}},
            {
                "type": "calculation",
                "config": {"label": "Copy", "settings": {"script": "@[When](field_1000)"}},
            },
        ]
    )
    assert fields[1].settings["return_type"] == "date"
    ctx = ctx_for(tz="Europe/Copenhagen")
    values, _ = apply_values(fields, {"when": "2020-05-01 10:00:00"}, ctx)
    (_, copy) = render_item_fields(fields, values, ctx)
    assert copy["values"] == [
        {
            "start": "2020-05-01 10:00:00",
            "start_date": "2020-05-01",
            "start_time": "10:00:00",
            "start_utc": "2020-05-01 08:00:00",
            "start_date_utc": "2020-05-01",
            "start_time_utc": "08:00:00",
        }
    ]
    token = CalcDate(datetime(2020, 1, 1))
    assert parse_script("@[W](field_1)").evaluate({1: token}) == token


def test_calculation_without_any_input_has_no_value() -> None:
    fields = build_fields(
        [
            {"type": "number", "config": {"label": "N"}},
            {"type": "text", "config": {"label": "T"}},
            {
                "type": "calculation",
                "config": {"label": "C", "settings": {"script": "@[N](field_1000) + 1"}},
            },
        ]
    )
    values, _ = apply_values(fields, {"t": "x"}, ctx_for())
    assert 1002 not in values
