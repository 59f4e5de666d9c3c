"""Date values: every write form clients send, one stored form, Podio's twelve read keys.

Stored form (one element of a date field's values)::

    {"start_date": "YYYY-MM-DD", "start_time": "HH:MM:SS" | None,
     "end_date": "YYYY-MM-DD" | None, "end_time": "HH:MM:SS" | None}

When a time is present the date and time are UTC; without a time the value is an all-day
date, which has no zone (``conventions.md`` §3: only values a user typed are local, and an
all-day date reads the same everywhere). Reads expose both the user-local and the UTC form
(``start``, ``start_date``, ``start_time``, ``start_utc``, ``start_date_utc``,
``start_time_utc`` and the ``end*`` twins), converted with the user's time zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._errors import InvalidValue

__all__ = [
    "DATETIME_FORMAT",
    "date_bounds",
    "format_datetime",
    "local_to_utc",
    "parse_date_value",
    "parse_datetime_text",
    "render_date_value",
    "utc_to_local",
    "zone",
]

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$")
_TIME_RE = re.compile(r"^\d{2}:\d{2}(?::\d{2})?$")


@lru_cache(maxsize=64)
def zone(name: str | None) -> ZoneInfo | timezone:
    """The zone for a zoneinfo name; unknown or empty names fall back to UTC."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def local_to_utc(value: datetime, tz_name: str | None) -> datetime:
    """Naive local wall time in ``tz_name`` -> naive UTC."""
    aware = value.replace(tzinfo=zone(tz_name))
    return aware.astimezone(timezone.utc).replace(tzinfo=None)


def utc_to_local(value: datetime, tz_name: str | None) -> datetime:
    """Naive UTC -> naive local wall time in ``tz_name``."""
    aware = value.replace(tzinfo=timezone.utc)
    return aware.astimezone(zone(tz_name)).replace(tzinfo=None)


def _parse_date(text: Any) -> date:
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise InvalidValue.of(text, "must be a date in the format YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue.of(text, "must be a valid date") from None


def _parse_time(text: Any) -> time:
    if not isinstance(text, str) or not _TIME_RE.match(text):
        raise InvalidValue.of(text, "must be a time in the format HH:MM:SS")
    try:
        return time.fromisoformat(text if len(text) == 8 else text + ":00")
    except ValueError:
        raise InvalidValue.of(text, "must be a valid time") from None


def parse_datetime_text(text: Any) -> tuple[date, time | None]:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM[:SS]`` into a date and an optional time.

    A ``T`` separator is tolerated because ISO-minded clients send it; Podio itself writes a
    space (``conventions.md`` §3).
    """
    if isinstance(text, str):
        if _DATE_RE.match(text):
            return _parse_date(text), None
        match = _DATETIME_RE.match(text)
        if match:
            return _parse_date(match.group(1)), _parse_time(match.group(2))
    raise InvalidValue.of(text, "must be a date (YYYY-MM-DD) or a datetime (YYYY-MM-DD HH:MM:SS)")


class _Point:
    """One end of a date value while it is being parsed: a date and, maybe, a UTC time."""

    __slots__ = ("clock", "day")

    def __init__(self, day: date, clock: time | None) -> None:
        self.day = day
        self.clock = clock

    @classmethod
    def from_local(cls, day: date, clock: time | None, tz_name: str | None) -> _Point:
        if clock is None:
            return cls(day, None)
        utc = local_to_utc(datetime.combine(day, clock), tz_name)
        return cls(utc.date(), utc.time())

    @classmethod
    def from_utc(cls, day: date, clock: time | None) -> _Point:
        return cls(day, clock)

    def local(self, tz_name: str | None) -> tuple[date, time | None]:
        if self.clock is None:
            return self.day, None
        local = utc_to_local(datetime.combine(self.day, self.clock), tz_name)
        return local.date(), local.time()

    def sort_key(self, tz_name: str | None) -> datetime:
        """An instant for comparisons: all-day dates count from local midnight."""
        if self.clock is None:
            return local_to_utc(datetime.combine(self.day, time()), tz_name)
        return datetime.combine(self.day, self.clock)

    def drop_time(self, tz_name: str | None) -> _Point:
        return _Point(self.local(tz_name)[0], None)

    def same_as(self, other: _Point) -> bool:
        return self.day == other.day and self.clock == other.clock


def _read_point(element: Mapping[str, Any], prefix: str, tz_name: str | None) -> _Point | None:
    """Read ``start``/``end`` from any of the write forms; UTC forms win over local ones."""
    full_utc = element.get(f"{prefix}_utc")
    if full_utc is not None:
        day, clock = parse_datetime_text(full_utc)
        return _Point.from_utc(day, clock)
    date_utc = element.get(f"{prefix}_date_utc")
    if date_utc is not None:
        time_utc = element.get(f"{prefix}_time_utc")
        return _Point.from_utc(
            _parse_date(date_utc), _parse_time(time_utc) if time_utc is not None else None
        )
    full_local = element.get(prefix)
    if full_local is not None:
        day, clock = parse_datetime_text(full_local)
        return _Point.from_local(day, clock, tz_name)
    date_local = element.get(f"{prefix}_date")
    time_local = element.get(f"{prefix}_time")
    if date_local is not None:
        return _Point.from_local(
            _parse_date(date_local),
            _parse_time(time_local) if time_local is not None else None,
            tz_name,
        )
    if time_local is not None or element.get(f"{prefix}_time_utc") is not None:
        raise InvalidValue.of(dict(element), f"{prefix} time given without a {prefix} date")
    return None


def parse_date_value(
    raw: Any, settings: Mapping[str, Any], tz_name: str | None
) -> dict[str, str | None]:
    """Validate one written date element and return its stored form.

    Accepted: a plain ``"YYYY-MM-DD[ HH:MM:SS]"`` string (local start), or an object with
    ``start``/``end`` (local), ``start_utc``/``end_utc``, ``start_date``/``start_time``/
    ``end_date``/``end_time`` (local) or ``start_date_utc``/``start_time_utc``... (UTC).
    Field settings apply: ``time: disabled`` drops times, ``time: required`` demands one,
    ``end: disabled`` refuses an end, ``end: required`` demands one. An end equal to the start
    counts as no end, because podio-php always sends ``end_date`` (= start) for single dates.
    """
    element: Mapping[str, Any]
    if isinstance(raw, str):
        element = {"start": raw}
    elif isinstance(raw, Mapping):
        element = raw
    else:
        raise InvalidValue.of(raw, "must be object or string")
    start = _read_point(element, "start", tz_name)
    if start is None:
        raise InvalidValue.of(raw, "must have a start date")
    end = _read_point(element, "end", tz_name)

    time_setting = settings.get("time", "enabled")
    end_setting = settings.get("end", "enabled")
    if time_setting == "disabled":
        start = start.drop_time(tz_name)
        end = end.drop_time(tz_name) if end is not None else None
    elif time_setting == "required" and (
        start.clock is None or (end is not None and end.clock is None)
    ):
        raise InvalidValue.of(raw, "must have a time")
    if end is not None and end.same_as(start):
        end = None
    if end is not None:
        if end_setting == "disabled":
            raise InvalidValue.of(raw, "must not have an end date")
        if _end_before_start(start, end, tz_name):
            raise InvalidValue.of(raw, "end must not be before start")
    elif end_setting == "required":
        raise InvalidValue.of(raw, "must have an end date")
    return {
        "start_date": start.day.isoformat(),
        "start_time": start.clock.isoformat() if start.clock else None,
        "end_date": end.day.isoformat() if end else None,
        "end_time": end.clock.isoformat() if end and end.clock else None,
    }


def _end_before_start(start: _Point, end: _Point, tz_name: str | None) -> bool:
    if start.clock is not None and end.clock is not None:
        return (end.day, end.clock) < (start.day, start.clock)
    return end.local(tz_name)[0] < start.local(tz_name)[0]


def _stored_point(stored: Mapping[str, Any], prefix: str) -> _Point | None:
    day = stored.get(f"{prefix}_date")
    if not day:
        return None
    clock = stored.get(f"{prefix}_time")
    return _Point(date.fromisoformat(day), time.fromisoformat(clock) if clock else None)


def render_date_value(stored: Mapping[str, Any], tz_name: str | None) -> dict[str, Any]:
    """The read shape of a stored date element for a user in ``tz_name``.

    All-day values keep ``*_time`` keys with ``null`` and show midnight in ``start``/
    ``start_utc``, as the captured revision diff does (samples/item-revision-diff.json).
    """
    out: dict[str, Any] = {}
    for prefix in ("start", "end"):
        point = _stored_point(stored, prefix)
        if point is None:
            continue
        local_day, local_clock = point.local(tz_name)
        if point.clock is None:
            midnight = f"{point.day.isoformat()} 00:00:00"
            out[prefix] = midnight
            out[f"{prefix}_date"] = point.day.isoformat()
            out[f"{prefix}_time"] = None
            out[f"{prefix}_utc"] = midnight
            out[f"{prefix}_date_utc"] = point.day.isoformat()
            out[f"{prefix}_time_utc"] = None
        else:
            clock_text = local_clock.isoformat() if local_clock is not None else "00:00:00"
            out[prefix] = f"{local_day.isoformat()} {clock_text}"
            out[f"{prefix}_date"] = local_day.isoformat()
            out[f"{prefix}_time"] = clock_text
            out[f"{prefix}_utc"] = f"{point.day.isoformat()} {point.clock.isoformat()}"
            out[f"{prefix}_date_utc"] = point.day.isoformat()
            out[f"{prefix}_time_utc"] = point.clock.isoformat()
    return out


def date_bounds(stored: Mapping[str, Any], tz_name: str | None) -> tuple[datetime, datetime]:
    """The UTC instants a stored date covers: from its start to its end (or the start).

    An all-day date covers its whole local day, so a filter ``to: 2024-05-01`` includes an
    all-day value on that day.
    """
    start = _stored_point(stored, "start")
    if start is None:
        raise ValueError("stored date without start")
    end = _stored_point(stored, "end") or start
    begin = start.sort_key(tz_name)
    finish = end.sort_key(tz_name)
    if end.clock is None:
        finish = finish + timedelta(days=1) - timedelta(seconds=1)
    return begin, finish
