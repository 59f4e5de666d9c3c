"""Table-driven checks of model operations against the scripted Podio.

Each `Op` is one call as a user writes it, the request Podio must receive (method, raw path,
query, JSON or form body) and what the user must get back. `run` and `arun` play an `Op`
through the sync method and its async twin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from podio.models import Model

from ...mock_api import MockPodio

#: Marks "no body at all" in `Op.json`.
NO_BODY = object()


@dataclass(frozen=True)
class IsModel:
    """The result is an instance of exactly `cls` that writes back `data`."""

    cls: type[Model]
    data: dict[str, Any]

    def check(self, result: Any) -> None:
        assert type(result) is self.cls, f"got {type(result).__name__}"
        assert result.as_json() == self.data


@dataclass(frozen=True)
class AreModels:
    """The result is a list of instances of exactly `cls` that write back `data`."""

    cls: type[Model]
    data: list[dict[str, Any]]

    def check(self, result: Any) -> None:
        assert isinstance(result, list)
        assert [type(entry) for entry in result] == [self.cls] * len(self.data)
        assert [entry.as_json() for entry in result] == self.data


@dataclass
class Op:
    """One operation: the call, the request it must send, and the result it must give."""

    target: Any  # a model class, or a factory of the instance an instance method runs on
    name: str
    method: str
    path: str  # the raw (percent-encoded) path Podio must see
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    json: Any = NO_BODY
    form: dict[str, str] | None = None
    answer: Any = None
    status: int = 200
    headers: dict[str, str] | None = None
    expect: Any = None  # a value, or an object with check(result)
    after: Callable[[Any], None] | None = None  # checks the instance after an instance method
    auth: str | None = "OAuth2 test-access"  # the Authorization header Podio must see

    @property
    def id(self) -> str:
        if isinstance(self.target, type):
            owner = self.target.__name__
        else:
            owner = f"{type(self.target()).__name__}()"
        return f"{owner}.{self.name} {self.method} {self.path}"


def op_id(op: Op) -> str:
    return op.id


def _prepare(api: MockPodio, op: Op) -> Any:
    api.on(
        op.method,
        re.escape(unquote(op.path)),
        op.answer,
        status=op.status,
        headers=op.headers,
    )
    return op.target if isinstance(op.target, type) else op.target()


def _verify(api: MockPodio, op: Op, subject: Any, result: Any) -> None:
    assert len(api.calls) == 1, [call.path for call in api.calls]
    sent = api.last
    assert (sent.method, sent.raw_path) == (op.method, op.path)
    assert sent.params == op.query
    if op.form is not None:
        assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
        assert sent.form == op.form
    elif op.json is NO_BODY:
        assert sent.body == b""
    else:
        assert sent.headers["content-type"] == "application/json"
        assert sent.json == op.json
    assert sent.headers.get("authorization") == op.auth
    if hasattr(op.expect, "check"):
        op.expect.check(result)
    else:
        assert result == op.expect
        assert type(result) is type(op.expect)
    if op.after is not None:
        op.after(subject)


def run(api: MockPodio, op: Op) -> None:
    """Call the sync method and check the request and the result."""
    subject = _prepare(api, op)
    result = getattr(subject, op.name)(*op.args, **op.kwargs)
    _verify(api, op, subject, result)


async def arun(api: MockPodio, op: Op) -> None:
    """Call the async twin (``a`` + name) and check the same request and result."""
    subject = _prepare(api, op)
    result = await getattr(subject, "a" + op.name)(*op.args, **op.kwargs)
    _verify(api, op, subject, result)


def error_body(code: str, description: str, **parameters: Any) -> dict[str, Any]:
    """A Podio error body (errors.md §1)."""
    return {
        "error": code,
        "error_description": description,
        "error_detail": None,
        "error_parameters": parameters,
        "error_propagate": True,
        "request": {"url": "https://api.podio.com/", "query_string": "", "method": "POST"},
    }


__all__ = ["NO_BODY", "AreModels", "IsModel", "Op", "arun", "error_body", "op_id", "run"]
