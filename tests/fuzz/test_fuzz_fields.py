"""Field value writers take any Python value and answer with a value or FieldValueError.

`write_value` and `fields_payload` document one error for a value a field cannot hold,
`FieldValueError` (a ValueError naming the field). Generated values of every kind go to every
field type, with and without a definition (generated settings included); definitions that
are not app definitions at all are refused with TypeError or ValueError, as
`AppSchema.coerce` documents. Whatever is written is JSON Podio can be sent.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podio._serialization import dumps
from podio.fields import (
    DateRange,
    FieldValueError,
    FileRef,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    SchemaField,
    TypedValue,
    fields_payload,
    write_value,
)
from podio.fields._write import _WRITERS

from .strategies import attempt, json_like, python_values

TYPES = [*sorted(_WRITERS), "calculation", "separator", "tel", "new-type"]

TYPED = st.one_of(
    st.builds(
        Money,
        st.decimals(allow_nan=False, allow_infinity=False, places=4),
        st.sampled_from(["EUR", "USD"]),
    ),
    st.builds(DateRange, st.dates(), st.none() | st.dates()),
    st.builds(ItemRef, st.integers()),
    st.builds(ProfileRef, st.none() | st.integers()),
    st.builds(FileRef, st.integers()),
    st.builds(Location, value=st.none() | st.text(max_size=10)),
    st.builds(TypedValue, st.text(max_size=5), st.text(max_size=10)),
)
VALUE_KEYS = st.sampled_from(
    [
        "value",
        "id",
        "currency",
        "start",
        "end",
        "start_date",
        "end_utc",
        "url",
        "embed",
        "file",
        "lat",
        "lng",
        "type",
        "item_id",
        "profile_id",
        "file_id",
    ]
)
VALUES = st.recursive(
    json_like() | python_values() | TYPED,
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children, children)
        | st.dictionaries(VALUE_KEYS | st.text(max_size=4), children, max_size=3)
        | st.frozensets(st.integers() | st.text(max_size=3), max_size=3)
    ),
    max_leaves=6,
)
SETTINGS = st.fixed_dictionaries(
    {},
    optional={
        "multiple": st.booleans() | json_like(),
        "options": st.lists(
            st.fixed_dictionaries(
                {"id": st.integers(1, 4), "text": st.sampled_from(["A", "a", "B", ""])},
                optional={"status": st.sampled_from(["active", "deleted"])},
            )
            | json_like(),
            max_size=3,
        ),
        "allowed_currencies": st.lists(st.sampled_from(["EUR", "USD"]) | json_like(), max_size=2),
        "time": st.sampled_from(["disabled", "required", "enabled"]) | json_like(),
        "end": st.sampled_from(["disabled", "required", "enabled"]) | json_like(),
        "possible_types": st.lists(st.sampled_from(["work", "home", "other"]), max_size=2)
        | json_like(),
    },
)


def _definition(field_type: Any, settings_: Any, required: Any, external_id: Any) -> dict[str, Any]:
    return {
        "field_id": 7,
        "external_id": external_id,
        "type": field_type,
        "label": "Field",
        "config": {"label": "Field", "settings": settings_, "required": required},
    }


DEFINITIONS = st.builds(
    _definition,
    st.sampled_from(TYPES) | json_like(),
    SETTINGS | json_like(),
    st.booleans() | json_like(),
    st.sampled_from(["field", None]) | json_like(),
)


def _sendable(written: Any) -> None:
    """What a writer returns is a list Podio can be sent (or refused as NaN, before sending)."""
    assert isinstance(written, list)
    _, error = attempt(lambda: dumps({"fields": {"f": written}}), ValueError)
    assert error is None or "NaN" in str(error) or "not valid Unicode" in str(error), error


@given(VALUES, st.sampled_from(TYPES))
def test_write_value_by_type_answers_a_value_or_field_value_error(value: Any, kind: str) -> None:
    written, error = attempt(lambda: write_value(value, field_type=kind, name="f"), FieldValueError)
    if isinstance(error, FieldValueError):
        assert error.field == "f"
        assert str(error).startswith("field 'f': ") and repr(error)
        return
    _sendable(written)


@given(VALUES, DEFINITIONS)
def test_write_value_with_a_definition_answers_a_value_or_field_value_error(
    value: Any, definition: dict[str, Any]
) -> None:
    field = SchemaField.from_api(definition)
    try:
        written = write_value(value, field)
    except FieldValueError:
        return
    _sendable(written)


@given(VALUES)
def test_write_value_without_any_type_answers_a_value_or_field_value_error(value: Any) -> None:
    try:
        written = write_value(value)
    except FieldValueError:
        return
    _sendable(written)


APP_FIELDS = st.lists(
    st.builds(
        lambda field_id, field_type, settings_, required, external_id, label: {
            "field_id": field_id,
            "external_id": external_id,
            "type": field_type,
            "label": label,
            "config": {"label": label, "settings": settings_, "required": required},
        },
        st.integers(1, 5) | json_like(),
        st.sampled_from(TYPES),
        SETTINGS,
        st.booleans(),
        st.sampled_from(["a", "b", None]) | json_like(),
        st.sampled_from(["A", "B", "a"]) | json_like(),
    ),
    max_size=4,
)
KEYS = st.integers(0, 6) | st.sampled_from(["a", "b", "A", "B", "zz", ""]) | st.text(max_size=3)


@given(
    st.dictionaries(KEYS | st.none() | st.booleans() | st.floats(), VALUES, max_size=4),
    st.none() | APP_FIELDS | st.builds(lambda fields: {"app_id": 1, "fields": fields}, APP_FIELDS),
    st.booleans(),
)
def test_fields_payload_answers_a_payload_or_field_value_error(
    values: dict[Any, Any], app: Any, creating: bool
) -> None:
    try:
        payload = fields_payload(values, app, creating=creating)
    except FieldValueError as exc:
        str(exc), repr(exc)
        return
    assert isinstance(payload, dict)
    for written in payload.values():
        _sendable(written)


@given(json_like() | python_values())
def test_fields_payload_refuses_what_is_not_an_app_definition(app: Any) -> None:
    if app is None:
        return
    values = {"a": "x"}
    # A FieldValueError means it was a definition after all (field dicts that lack "a").
    _, error = attempt(lambda: fields_payload(values, app, creating=False), TypeError, ValueError)
    if error is not None and not isinstance(error, FieldValueError):
        assert "app" in str(error) or "field" in str(error), error


@pytest.mark.parametrize("kind", TYPES)
def test_every_type_refuses_junk_with_field_value_error(kind: str) -> None:
    """The same junk for every type on every run, next to the generated values."""
    junk: list[Any] = [
        object(),
        b"\xff",
        {"value": object()},
        [object()],
        (object(), "EUR"),
        float("nan"),
        10**400,
        {"value": {"value": {"value": None}}},
        frozenset({1}),
    ]
    for value in junk:
        written, _ = attempt(
            lambda v=value: write_value(v, field_type=kind, name="f"), FieldValueError
        )
        if written is not None:
            _sendable(written)
