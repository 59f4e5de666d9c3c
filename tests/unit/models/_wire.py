"""Checks of what an operation sends and returns, for table-driven model tests.

An `Op` names a model operation with its arguments, the request it must send (method, raw
path, query, JSON body) and Podio's answer; `run` / `arun` call the sync method or its async
twin against the scripted Podio, assert the request, and return the result for the test's own
assertions (`expect`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...mock_api import MockPodio

NO_BODY = object()


@dataclass(frozen=True)
class Op:
    target: Any
    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    method: str = "GET"
    path: str = "/"
    query: dict[str, str] = field(default_factory=dict)
    body: Any = NO_BODY
    answer: Any = None
    status: int = 200
    expect: Callable[[Any], None] | None = None

    @property
    def id(self) -> str:
        owner = self.target if isinstance(self.target, type) else type(self.target)
        return f"{owner.__name__}.{self.name}"


def _prepare(api: MockPodio, op: Op) -> None:
    api.on(op.method, re.escape(op.path), op.answer, status=op.status)


def _check(api: MockPodio, op: Op, result: Any) -> None:
    sent = api.last
    assert (sent.method, sent.raw_path) == (op.method, op.path)
    assert sent.params == op.query
    if op.body is NO_BODY:
        assert sent.body == b""
    else:
        assert sent.headers["content-type"] == "application/json"
        assert sent.json == op.body
    if op.expect is not None:
        op.expect(result)


def run(api: MockPodio, op: Op) -> Any:
    _prepare(api, op)
    result = getattr(op.target, op.name)(*op.args, **op.kwargs)
    _check(api, op, result)
    return result


async def arun(api: MockPodio, op: Op) -> Any:
    _prepare(api, op)
    result = await getattr(op.target, "a" + op.name)(*op.args, **op.kwargs)
    _check(api, op, result)
    return result


# -- expectations -----------------------------------------------------------------------------


def equals(expected: Any) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert result == expected
        assert type(result) is type(expected)

    return check


def model(cls: type, json: dict[str, Any]) -> Callable[[Any], None]:
    """The result is an instance of exactly `cls` holding exactly `json`."""

    def check(result: Any) -> None:
        assert type(result) is cls
        assert result.as_json() == json

    return check


def models(cls: type, jsons: list[dict[str, Any]]) -> Callable[[Any], None]:
    """The result is a list of `cls` instances holding exactly `jsons`."""

    def check(result: Any) -> None:
        assert isinstance(result, list)
        assert [type(entry) for entry in result] == [cls] * len(jsons)
        assert [entry.as_json() for entry in result] == jsons

    return check
