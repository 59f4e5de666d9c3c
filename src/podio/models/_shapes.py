"""Value types, query values and result shapes that several models share beyond the base.

* `LocalDateTime`: a datetime a user typed, in their own time zone (calendar ``start``/``end``),
  kept naive and written back exactly as Podio sent it (conventions.md §3);
* `query_date`, `query_datetime`, `query_csv`: check and format query values before a call;
* `ByReference`: identity by (`type`, `id`) for objects that stand for other objects (stream
  entries, pins, mutes), where an id alone is ambiguous;
* result parsers for the `returns` decorator: `as_text` (iCal feeds), `as_optional_model`
  (an object or nothing), `as_grouped` (``{"group": [objects]}``) and `as_envelope` (lists
  wrapped as ``{"shares": [...], "total": n}``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, PlainSerializer

from .._pagination import Collection
from .._response import Response
from .._serialization import format_datetime, parse_datetime
from ._base import Model, identity_hash
from ._operation import _parse_list, _shape_error

__all__ = [
    "ByReference",
    "LocalDateTime",
    "as_envelope",
    "as_grouped",
    "as_optional_model",
    "as_text",
    "query_csv",
    "query_date",
    "query_datetime",
]

M = TypeVar("M", bound=Model)

_LOCAL_FORMAT = "%Y-%m-%d %H:%M:%S"


def _to_local_datetime(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        # Only the full "YYYY-MM-DD HH:MM:SS" form: a bare date is not a local datetime, and
        # reading it as midnight would write back a value Podio never sent.
        return _dt.datetime.strptime(value.strip(), _LOCAL_FORMAT)
    return value


def _format_local(value: _dt.datetime) -> str:
    return value.strftime(_LOCAL_FORMAT)


#: A naive datetime in the user's own time zone, written back as ``YYYY-MM-DD HH:MM:SS``.
#: Podio sends these next to their UTC twins (``start`` and ``start_utc``); they carry no
#: zone, so they are never converted (conventions.md §3).
LocalDateTime = Annotated[
    _dt.datetime,
    BeforeValidator(_to_local_datetime),
    PlainSerializer(_format_local, return_type=str, when_used="json"),
]


class ByReference:
    """Mixin for models whose `type` and `id` name another object (``{"type": "item",
    "id": 1}``): an item and a status may share an id, so equality and hashing use both.

    Place it before `Model` in the bases.
    """

    def _reference(self) -> tuple[Any, Any] | None:
        ref_id = getattr(self, "id", None)
        return None if ref_id is None else (getattr(self, "type", None), ref_id)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        mine = self._reference()
        theirs = other._reference() if isinstance(other, ByReference) else None
        if mine is not None and theirs is not None:
            return type(self) is type(other) and mine == theirs
        return bool(super().__eq__(other))

    def __hash__(self) -> int:
        mine = self._reference()
        return identity_hash(type(self).__name__, *mine) if mine is not None else super().__hash__()


# --------------------------------------------------------------------------------------------
# Query values


def query_date(name: str, value: _dt.date | str | None) -> str | None:
    """A date query value as ``YYYY-MM-DD``; `None` stays `None` (left out of the query).

    A datetime is refused rather than cut to its date: which day a moment falls on depends on
    a time zone the caller has not named.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{name} must be a datetime.date, not a datetime (use .date())")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None
    raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")


def query_datetime(name: str, value: _dt.datetime | str | None) -> str | None:
    """A datetime query value in Podio's UTC ``YYYY-MM-DD HH:MM:SS``; `None` stays `None`.

    Aware datetimes are converted to UTC; naive ones are taken to be UTC, as Podio does.
    """
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = parse_datetime(value)
        except ValueError:
            raise ValueError(f"{name} must be a datetime, not {value!r}") from None
    if not isinstance(value, _dt.datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {type(value).__name__}")
    return format_datetime(value)


def query_csv(name: str, values: Sequence[str] | str | None) -> str | None:
    """A list query value as Podio reads it: comma-separated (podio-dotnet ``ArrayToCSV``)."""
    if values is None:
        return None
    if isinstance(values, str):
        return values
    items = list(values)
    for item in items:
        if not isinstance(item, str) or not item or "," in item:
            raise ValueError(f"{name} must hold non-empty words without commas, not {item!r}")
    return ",".join(items) or None


# --------------------------------------------------------------------------------------------
# Result shapes


def as_text(response: Response) -> str:
    """The body as text (iCal feeds): decoded with the charset Podio names, else UTF-8."""
    body = response.body
    if body is None:
        return ""
    if isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray)):
        charset = "utf-8"
        for part in response.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"'")
        try:
            return bytes(body).decode(charset, "replace")
        except LookupError:  # a charset Python does not know: UTF-8 is what Podio sends
            return bytes(body).decode("utf-8", "replace")
    raise _shape_error(response, "expected a text body")


def as_optional_model(cls: Callable[[], type[M]]) -> Callable[[Response], M | None]:
    """One instance of ``cls()``, or `None` when Podio answers without an object (204).

    `cls` is a function returning the class, so a model can name itself in its own body.
    """

    def parse(response: Response) -> M | None:
        if response.status != 200 or response.body in (None, "", b"", {}):
            return None
        return cls().from_response(response)

    return parse


def as_grouped(cls: Callable[[], type[M]]) -> Callable[[Response], dict[str, list[M]]]:
    """``{"group": [object, ...], ...}`` as a dict of lists of ``cls()`` instances.

    An empty answer gives an empty dict (the Ruby gem does the same for a blank body).
    """

    def parse(response: Response) -> dict[str, list[M]]:
        body = response.body
        if body in (None, [], {}):
            return {}
        if not isinstance(body, Mapping):
            raise _shape_error(response, "expected an object of lists")
        model = cls()
        grouped: dict[str, list[M]] = {}
        for key, value in body.items():
            if not isinstance(value, list):
                raise _shape_error(response, f"expected a list under {key!r}")
            grouped[str(key)] = [model.from_api(entry) for entry in value]
        return grouped

    return parse


def as_envelope(
    cls: Callable[[], type[M]], *, items_key: str, total_key: str
) -> Callable[[Response], Collection[M]]:
    """A list wrapped with its total (``{"shares": [...], "total": 12}``) as a `Collection`.

    `all` holds the instances, `count` and `total_count` the total Podio reported (the gem's
    ``Struct(:all, :total_count)``).
    """

    def parse(response: Response) -> Collection[M]:
        body = response.body
        if not isinstance(body, Mapping):
            raise _shape_error(response, f"expected an object with {items_key!r}")
        items = _parse_list(cls(), response, items_key)
        total = body.get(total_key)
        known = total if isinstance(total, int) and not isinstance(total, bool) else None
        extra = {key: value for key, value in body.items() if key not in (items_key, total_key)}
        return Collection(items, count=known, total_count=known, extra=extra)

    return parse
