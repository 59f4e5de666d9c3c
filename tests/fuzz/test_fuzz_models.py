"""Every model takes any JSON object without failing, and anything else with a clear error.

The models promise lenient parsing (models/_base.py): a value of an unexpected type leaves
its attribute ``None`` and is kept raw, so a change on Podio's side cannot crash a program.
Every model gets each of its keys with a fixed set of junk values on every run; generated
objects then mix known keys, keys that mean something to pydantic or Python, and random
ones, with any JSON value: wrong types, huge ints, NaN, dates that are not dates, nesting
hundreds of levels deep.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import podio
from podio.models import load_all

from .strategies import SNEAKY_KEYS, json_like, model_data, python_values

MODELS = load_all()
NAMES = sorted(MODELS)
MORE = settings(max_examples=2 * (settings.default.max_examples or 100))

JUNK: list[Any] = [
    None,
    True,
    -(2**200),
    float("nan"),
    float("-inf"),
    "",
    "2024-02-30 25:00:00",
    [],
    [{"a": None}, 1, "x"],
    {},
    {"item_id": "x", "values": {"value": []}},
]


def _deep(levels: int) -> Any:
    value: Any = "leaf"
    for level in range(levels):
        value = [value] if level % 2 else {"a": value}
    return value


def _keys(cls: type[podio.Model]) -> list[str]:
    names = list(cls.model_fields)
    return names + [info.alias for info in cls.model_fields.values() if info.alias]


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _use(model: podio.Model) -> dict[str, Any] | None:
    """What a program does with a model; returns its JSON, or None when JSON cannot hold it."""
    repr(model)
    str(model)
    assert model == model
    hash(model)
    _ = model.id, model.new_record, model.error
    try:
        data = model.as_json()
    except ValueError:
        return None  # documented: values JSON cannot express (nesting past the limit, ...)
    _canonical(data)  # as_json is JSON
    model.as_json(formatted=True)
    return data


def _check_object(cls: type[podio.Model], data: dict[str, Any]) -> None:
    model = cls.from_api(data)
    assert type(model) is cls
    written = _use(model)
    finite = not any(word in json.dumps(data, default=repr) for word in ("NaN", "Infinity"))
    if written is not None and finite:
        # What a model writes, it reads back to the same JSON. (JSON has no NaN: as_json
        # writes null for it, which then reads back as a value that fits.)
        again = cls.from_api(written).as_json()
        assert _canonical(again) == _canonical(written)
    built = cls(data)
    assert type(built) is cls
    _use(built)


@pytest.mark.parametrize("name", NAMES)
def test_every_key_of_every_model_takes_junk(name: str) -> None:
    cls = MODELS[name]
    keys = [*_keys(cls), *SNEAKY_KEYS]
    for value in JUNK:
        _check_object(cls, dict.fromkeys(keys, value))  # every key at once
    for index, key in enumerate(keys):  # and each alone, so that none hides another
        _check_object(cls, {key: JUNK[index % len(JUNK)]})
    _check_object(cls, dict.fromkeys(keys, _deep(300)))


@MORE
@given(st.sampled_from(NAMES).flatmap(lambda name: st.tuples(st.just(name), _objects(name))))
def test_from_api_takes_any_json_object(drawn: tuple[str, dict[str, Any]]) -> None:
    name, data = drawn
    _check_object(MODELS[name], data)


def _objects(name: str) -> st.SearchStrategy[dict[str, Any]]:
    return model_data(_keys(MODELS[name]))


@given(
    st.sampled_from(NAMES).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.dictionaries(
                st.sampled_from(_keys(MODELS[name]) or ["id"]) | st.text(max_size=8),
                json_like() | python_values(),
                max_size=5,
            ),
        )
    )
)
def test_constructors_take_any_python_values_under_any_keys(
    drawn: tuple[str, dict[str, Any]],
) -> None:
    name, values = drawn
    cls = MODELS[name]
    for model in (cls(values), cls(**values)):
        assert type(model) is cls
        _use(model)


@given(json_like().filter(lambda value: not isinstance(value, dict)))
def test_from_api_refuses_what_is_not_an_object_with_invalid_response(value: Any) -> None:
    for cls in (podio.Item, podio.Space, podio.ByLine):
        with pytest.raises(podio.InvalidResponseError):
            cls.from_api(value)


@given(json_like().filter(lambda value: value is not None and not isinstance(value, dict)))
def test_constructors_refuse_what_is_not_a_dict_with_type_error(value: Any) -> None:
    for cls in (podio.Item, podio.Space, podio.ByLine):
        with pytest.raises(TypeError):
            cls(value)
