"""Table-driven checks of operations: the request a call sends and what the caller gets back.

A `Case` names an operation by class and method, the arguments a user passes, the request
Podio must receive (method, raw path, query, JSON body) and Podio's answer. `check_case` runs
the sync method and its async twin against the scripted Podio and asserts both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import podio
from podio._pagination import Collection

from ...mock_api import MockPodio

NO_BODY: Any = object()
SAME: Any = object()


@dataclass
class Case:
    cls: type[podio.Model]
    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    method: str = "GET"
    path: str = "/"
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = NO_BODY
    answer: Any = None
    status: int = 200
    headers: dict[str, str] | None = None
    #: What the caller gets, as JSON (models as `as_json()`); SAME: Podio's answer itself.
    result: Any = SAME
    #: The type of the result, or of every entry of a list / Collection / dict of lists.
    kind: type | None = None

    @property
    def id(self) -> str:
        return f"{self.cls.__name__}.{self.name}"


def dump(value: Any) -> Any:
    """A result as plain JSON, so it can be compared with what Podio sent."""
    if isinstance(value, podio.Model):
        return value.as_json()
    if isinstance(value, Collection):
        return {"all": dump(value.all), "count": value.count, "total_count": value.total_count}
    if isinstance(value, list):
        return [dump(entry) for entry in value]
    if isinstance(value, dict):
        return {key: dump(entry) for key, entry in value.items()}
    return value


def _entries(value: Any) -> list[Any]:
    if isinstance(value, (list, Collection)):
        return list(value)
    if isinstance(value, dict):
        return [entry for group in value.values() for entry in group]
    return [value]


def _assert_outcome(api: MockPodio, case: Case, result: Any) -> None:
    sent = api.last
    assert (sent.method, sent.raw_path) == (case.method, case.path)
    assert sent.params == {key: str(value) for key, value in case.query.items()}
    if case.body is NO_BODY:
        assert sent.body == b""
    else:
        assert sent.json == case.body
    expected = case.answer if case.result is SAME else case.result
    assert dump(result) == expected
    if case.kind is not None:
        entries = _entries(result)
        assert entries or expected in ([], {}), "no entries to check the type of"
        assert all(isinstance(entry, case.kind) for entry in entries)


async def check_case(api: MockPodio, case: Case) -> None:
    """Run the sync method and its async twin; both send the same request and get the same."""
    api.on(case.method, ".*", case.answer, status=case.status, headers=case.headers)
    result = getattr(case.cls, case.name)(*case.args, **case.kwargs)
    _assert_outcome(api, case, result)
    aresult = await getattr(case.cls, "a" + case.name)(*case.args, **case.kwargs)
    _assert_outcome(api, case, aresult)
    assert len(api.calls) == 2
