"""Calendar summaries: what is on today and in the next days, per user, space or org."""

from __future__ import annotations

from ._base import Model
from .calendar_summary_group import CalendarSummaryGroup

__all__ = ["CalendarSummary"]


class CalendarSummary(Model):
    """``{"today": {"total", "events"}, "upcoming": {"total", "events"}}``.

    `upcoming` covers the next six days (doc get-calendar-summary-1609256); each bucket holds
    at most the `limit` asked for (Podio's default 5) and its `total`.
    """

    today: CalendarSummaryGroup | None = None
    upcoming: CalendarSummaryGroup | None = None
