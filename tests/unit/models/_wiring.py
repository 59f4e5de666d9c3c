"""Table-driven checks of operations: the request a call sends and the result it returns.

Each `Case` names a class operation and its arguments, the request Podio should see
(method, raw path, query, JSON body) and the answer to give; `check_sync` and `check_async`
run the operation and its ``a``-prefixed twin against `MockPodio` and compare both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import podio
from podio._pagination import Collection

from ...mock_api import MockPodio
from ...reference import sample

__all__ = ["Case", "assert_result", "canonical", "check_async", "check_sync", "sample"]

_NO_BODY = object()


def canonical(value: Any) -> str:
    """JSON text that tells 1 from 1.0 and True from 1, for exact round-trip checks."""
    return json.dumps(value, sort_keys=True)


@dataclass
class Case:
    """`model.name(*args, **kwargs)` sends `method` `path` (raw, percent-encoded) with
    `params` and `body`; answered with `answer` (JSON, or bytes as is) it returns `expected`."""

    model: type[podio.Model]
    name: str
    args: tuple[Any, ...]
    method: str
    path: str
    expected: Any
    kwargs: dict[str, Any] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    body: Any = _NO_BODY
    answer: Any = None
    status: int = 200

    @property
    def id(self) -> str:
        return f"{self.model.__name__}.{self.name}"


def _respond(mock: MockPodio, case: Case) -> None:
    headers = (
        {"content-type": "application/octet-stream"} if isinstance(case.answer, bytes) else None
    )
    decoded = re.sub(r"%[0-9A-Fa-f]{2}", lambda m: chr(int(m.group(0)[1:], 16)), case.path)
    mock.on(case.method, re.escape(decoded), case.answer, status=case.status, headers=headers)


def _check_request(mock: MockPodio, case: Case) -> None:
    sent = mock.last
    assert (sent.method, sent.raw_path) == (case.method, case.path)
    assert sent.params == case.params
    if case.body is _NO_BODY:
        assert sent.body == b""
    else:
        assert sent.json == case.body


def assert_result(result: Any, expected: Any) -> None:
    """Same shape and values: models by class and JSON, collections by items and counts."""
    if isinstance(expected, podio.Model):
        assert type(result) is type(expected)
        assert canonical(result.as_json()) == canonical(expected.as_json())
    elif isinstance(expected, Collection):
        assert isinstance(result, Collection)
        assert (result.count, result.total_count) == (expected.count, expected.total_count)
        assert_result(result.all, expected.all)
    elif isinstance(expected, list):
        assert isinstance(result, list) and len(result) == len(expected)
        for got, want in zip(result, expected, strict=True):
            assert_result(got, want)
    else:
        assert type(result) is type(expected)
        assert result == expected


def check_sync(mock: MockPodio, case: Case) -> None:
    _respond(mock, case)
    result = getattr(case.model, case.name)(*case.args, **case.kwargs)
    _check_request(mock, case)
    assert_result(result, case.expected)


async def check_async(mock: MockPodio, case: Case) -> None:
    _respond(mock, case)
    result = await getattr(case.model, "a" + case.name)(*case.args, **case.kwargs)
    _check_request(mock, case)
    assert_result(result, case.expected)
