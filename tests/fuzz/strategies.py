"""Generated junk: JSON-like values as a broken or changed Podio could send, and Python values
as a careless caller could pass."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


def attempt(
    call: Callable[[], T], *errors: type[BaseException]
) -> tuple[T | None, BaseException | None]:
    """``(result, None)``, or ``(None, error)`` when `call` raised one of `errors`."""
    try:
        return call(), None
    except errors as exc:
        return None, exc


#: Keys with a meaning elsewhere: pydantic's namespace, the model's private attributes,
#: Python's own, and keys that look like Podio's.
SNEAKY_KEYS = [
    "model_config",
    "model_fields",
    "model_extra",
    "__dict__",
    "__class__",
    "__pydantic_extra__",
    "_client",
    "_error",
    "_id_field",
    "id",
    "error",
    "as_json",
    "from",
    "fields",
    "values",
    "items",
    "config",
    "",
]

HUGE_INTS = st.integers(min_value=-(2**300), max_value=2**300)
DATE_TEXTS = st.sampled_from(
    [
        "2024-01-01 10:00:00",
        "2024-02-30 10:00:00",
        "0000-00-00 00:00:00",
        "9999-12-31 23:59:59",
        "2024-01-01T10:00:00+05:00",
        "2024-01-01Z",
        "10:00:00",
        "25:61:00",
        "2024-01-01",
        "",
    ]
)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | HUGE_INTS
    | st.floats()
    | st.text(max_size=20)
    | DATE_TEXTS
)


def json_like(keys: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """Nested JSON values: what json.loads can return (NaN and infinities included)."""
    key_strategy = keys if keys is not None else st.text(max_size=8)
    return st.recursive(
        JSON_SCALARS,
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(key_strategy, children, max_size=3)
        ),
        max_leaves=10,
    )


def deeply_nested() -> st.SearchStrategy[Any]:
    """A value nested hundreds of levels deep (lists and objects alternating)."""

    def build(depth: int, leaf: Any) -> Any:
        value = leaf
        for level in range(depth):
            value = [value] if level % 2 else {"a": value}
        return value

    return st.builds(build, st.integers(min_value=50, max_value=600), JSON_SCALARS)


def python_values() -> st.SearchStrategy[Any]:
    """Values a caller may pass that JSON has no word for."""
    return st.one_of(
        st.binary(max_size=8),
        st.decimals(),
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.timezones()),
        st.times(),
        st.timedeltas(),
        st.complex_numbers(),
        st.frozensets(st.integers(), max_size=3),
        st.builds(object),
        st.just(Ellipsis),
        st.just(dt),
        st.tuples(st.integers(), st.text(max_size=3)),
        st.just(Decimal("NaN")),
    )


def model_data(known: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """An object for a model: its known keys, sneaky keys and random ones, any values, and
    now and then one value nested hundreds of levels deep."""
    keys = st.sampled_from(known + SNEAKY_KEYS) | st.text(max_size=12) if known else st.text()
    plain = st.dictionaries(keys, json_like(), max_size=6)
    with_deep = st.tuples(plain, keys, deeply_nested()).map(
        lambda drawn: {**drawn[0], drawn[1]: drawn[2]}
    )
    return st.one_of(plain, plain, plain, with_deep)


def _encode(value: Any) -> bytes:
    return json.dumps(value).encode()


def bodies() -> st.SearchStrategy[bytes]:
    """Answer bodies: JSON, JSON cut short, HTML, nothing, binary, very deep, very large."""
    podio_keys = st.sampled_from(
        [
            "error",
            "error_description",
            "error_detail",
            "error_parameters",
            "error_propagate",
            "request",
            "items",
            "filtered",
            "total",
            "item_id",
            "access_token",
            "fields",
        ]
    )
    documents = json_like(podio_keys | st.text(max_size=6)).map(_encode)
    return st.one_of(
        documents,
        documents.flatmap(lambda body: st.integers(0, len(body)).map(lambda n: body[:n])),
        st.just(b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
        st.just(b""),
        st.binary(max_size=64),
        st.integers(100, 20_000).map(lambda depth: b"[" * depth + b"]" * depth),
        st.integers(100, 20_000).map(lambda depth: b'{"a":' * depth),
        st.just(b'{"items": [' + b",".join([b'{"item_id": 1}'] * 20_000) + b"]}"),
        st.just(b"x" * 3_000_000),
        st.just(b'{"error": "rate_limit", "error_description": "Please wait 1e309 seconds"}'),
    )


CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/problem+json",
        "text/html",
        "text/plain; charset=latin-1",
        "application/octet-stream",
        "image/png",
        "multipart/form-data; boundary=x",
        "",
    ]
)

HEADER_VALUES = st.sampled_from(
    [
        "1",
        "0",
        "-1",
        "abc",
        "1e400",
        "nan",
        "inf",
        "-inf",
        "9" * 5000,
        "",
        'Bearer realm="podio", error="expired_token"',
        'Bearer realm="podio", error="invalid_token"',
        "attachment; filename=x.json",
        "Please wait 2 seconds",
        "Wed, 21 Oct 2015 07:28:00 GMT",
    ]
)
HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "x-rate-limit-limit",
            "x-rate-limit-remaining",
            "retry-after",
            "www-authenticate",
            "x-podio-request-id",
            "content-disposition",
            "location",
        ]
    ),
    HEADER_VALUES,
    max_size=4,
)
