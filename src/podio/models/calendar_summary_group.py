"""Calendar summary groups: one bucket (today, upcoming) of a calendar summary."""

from __future__ import annotations

from ._base import Model
from .calendar_event import CalendarEvent

__all__ = ["CalendarSummaryGroup"]


class CalendarSummaryGroup(Model):
    """The first `events` of a bucket and the `total` number of events in it."""

    total: int | None = None
    events: list[CalendarEvent] | None = None
