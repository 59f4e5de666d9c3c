"""Calendar events: items with dates, tasks and meetings in a user's, space's or app's calendar.

Range calls take `date_from` and `date_to` as `datetime.date` (both required by Podio, as in
the .NET client). Summaries return a `CalendarSummary`. The iCal calls return the feed as text;
the global, space and app feeds are addressed by the user's id and calendar token (the
``calendar_code`` of ``GET /user/status``), which travel in the path.

Calendar exports (pushing Podio's calendar to a linked Google or Outlook calendar) are not
events, so their listings come back as Podio sent them rather than as CalendarEvents.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._response import Response
from ._base import Date, DateTime, Model, Time
from ._operation import Call, ClientArg, as_raw, as_status, member, members, returns
from ._shapes import LocalDateTime, as_text, query_date

if TYPE_CHECKING:
    from .calendar_summary import CalendarSummary

__all__ = ["CalendarEvent"]

_DOC = "https://developers.podio.com/doc/calendar"

DateArg = _dt.date | str


def _as_summary(response: Response) -> CalendarSummary:
    # Imported here: the summary's buckets hold CalendarEvents, so it imports this module.
    from .calendar_summary import CalendarSummary

    return CalendarSummary.from_response(response)


def _range(date_from: DateArg, date_to: DateArg, priority: int | None) -> dict[str, Any]:
    if date_from is None or date_to is None:
        raise ValueError("a calendar range needs both date_from and date_to")
    start, end = query_date("date_from", date_from), query_date("date_to", date_to)
    if start is not None and end is not None and start > end:
        raise ValueError(f"date_from ({start}) is after date_to ({end})")
    return {"date_from": start, "date_to": end, "priority": priority}


class CalendarEvent(Model):
    """An event in a calendar: a task, an item's date, a meeting, or an external event.

    `start`/`end` are in the user's own time zone (naive datetimes), `start_utc`/`end_utc`
    the same moments in UTC; `start_date`/`start_time` split the local value (conventions.md
    §3). `ref_type`/`ref_id` name the object the event comes from. Events in summaries carry
    `type` and ``id`` instead.
    """

    _id_field = "uid"

    uid: str | None = None
    ref_type: str | None = None
    ref_id: int | None = None
    type: str | None = None
    group: str | None = None
    title: str | None = None
    description: str | None = None
    location: str | None = None
    status: str | None = None
    link: str | None = None
    app: dict[str, Any] | None = None
    source: str | None = None
    color: str | None = None
    linked_account_id: int | None = None
    start: LocalDateTime | None = None
    start_utc: DateTime | None = None
    start_date: Date | None = None
    start_time: Time | None = None
    end: LocalDateTime | None = None
    end_utc: DateTime | None = None
    end_date: Date | None = None
    end_time: Time | None = None

    # -- ranges -------------------------------------------------------------------------------

    @members("GET", "/calendar/", doc=f"{_DOC}/get-global-calendar-22458")
    def find_all(
        cls,
        date_from: DateArg,
        date_to: DateArg,
        *,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's events between two dates: items they can see, tasks assigned to them.

        `priority` is the lowest priority of the events returned (Podio's default 1).
        """
        return Call(params=_range(date_from, date_to, priority))

    afind_all = find_all.twin()

    @members("GET", "/calendar/space/{space_id}/", doc=f"{_DOC}/get-space-calendar-22459")
    def find_all_for_space(
        cls,
        space_id: int,
        date_from: DateArg,
        date_to: DateArg,
        *,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """A space's events between two dates (tasks referring to other spaces left out)."""
        return Call(path={"space_id": space_id}, params=_range(date_from, date_to, priority))

    afind_all_for_space = find_all_for_space.twin()

    @members("GET", "/calendar/app/{app_id}/", doc=f"{_DOC}/get-app-calendar-22460")
    def find_all_for_app(
        cls,
        app_id: int,
        date_from: DateArg,
        date_to: DateArg,
        *,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An app's events between two dates: its items' dates and the tasks on them."""
        return Call(path={"app_id": app_id}, params=_range(date_from, date_to, priority))

    afind_all_for_app = find_all_for_app.twin()

    @members("GET", "/calendar/linked_account/{linked_account_id}/")
    def find_all_for_linked_account(
        cls,
        linked_account_id: int,
        date_from: DateArg,
        date_to: DateArg,
        *,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The events of a linked external calendar between two dates."""
        return Call(
            path={"linked_account_id": linked_account_id},
            params=_range(date_from, date_to, priority),
        )

    afind_all_for_linked_account = find_all_for_linked_account.twin()

    # -- summaries ----------------------------------------------------------------------------

    @returns(_as_summary, "GET", "/calendar/summary", doc=f"{_DOC}/get-calendar-summary-1609256")
    def find_summary(
        cls, *, limit: int | None = None, priority: int | None = None, client: ClientArg = None
    ) -> Call:
        """What is on today and in the next six days for the user.

        `limit` caps the events per bucket (Podio's default 5), `priority` is the lowest
        priority shown (default 1).
        """
        return Call(params={"limit": limit, "priority": priority})

    afind_summary = find_summary.twin()

    @returns(
        _as_summary,
        "GET",
        "/calendar/space/{space_id}/summary",
        doc=f"{_DOC}/get-calendar-summary-for-space-1609328",
    )
    def find_summary_for_space(
        cls,
        space_id: int,
        *,
        limit: int | None = None,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """What is on today and in the next six days in a space."""
        return Call(path={"space_id": space_id}, params={"limit": limit, "priority": priority})

    afind_summary_for_space = find_summary_for_space.twin()

    @returns(_as_summary, "GET", "/calendar/org/{org_id}/summary")
    def find_summary_for_org(
        cls,
        org_id: int,
        *,
        limit: int | None = None,
        priority: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """What is on today and in the next six days in an organization's spaces."""
        return Call(path={"org_id": org_id}, params={"limit": limit, "priority": priority})

    afind_summary_for_org = find_summary_for_org.twin()

    @returns(
        _as_summary,
        "GET",
        "/calendar/personal/summary",
        doc=f"{_DOC}/get-calendar-summary-for-personal-1657903",
    )
    def find_personal_summary(
        cls, *, limit: int | None = None, priority: int | None = None, client: ClientArg = None
    ) -> Call:
        """What is on today and in the next six days in the user's personal tasks and spaces."""
        return Call(params={"limit": limit, "priority": priority})

    afind_personal_summary = find_personal_summary.twin()

    # -- iCal feeds ---------------------------------------------------------------------------

    @returns(
        as_text,
        "GET",
        "/calendar/ics/{user_id}/{token}/",
        doc=f"{_DOC}/get-global-calendar-as-ical-22513",
    )
    def ical(cls, user_id: int, token: str, *, client: ClientArg = None) -> Call:
        """The user's global calendar as iCal text, 90 days ahead.

        `token` is the user's ``calendar_code`` from ``GET /user/status``.
        """
        return Call(path={"user_id": user_id, "token": token})

    aical = ical.twin()

    @returns(
        as_text,
        "GET",
        "/calendar/space/{space_id}/ics/{user_id}/{token}/",
        doc=f"{_DOC}/get-space-calendar-as-ical-22514",
    )
    def ical_for_space(
        cls, space_id: int, user_id: int, token: str, *, client: ClientArg = None
    ) -> Call:
        """A space's calendar as iCal text, 90 days ahead (`token`: the user's calendar code)."""
        return Call(path={"space_id": space_id, "user_id": user_id, "token": token})

    aical_for_space = ical_for_space.twin()

    @returns(
        as_text,
        "GET",
        "/calendar/app/{app_id}/ics/{user_id}/{token}/",
        doc=f"{_DOC}/get-app-calendar-as-ical-22515",
    )
    def ical_for_app(
        cls, app_id: int, user_id: int, token: str, *, client: ClientArg = None
    ) -> Call:
        """An app's calendar as iCal text, 90 days ahead (`token`: the user's calendar code)."""
        return Call(path={"app_id": app_id, "user_id": user_id, "token": token})

    aical_for_app = ical_for_app.twin()

    @returns(
        as_text,
        "GET",
        "/calendar/task/{task_id}/ics/",
        doc=f"{_DOC}/get-task-calendar-as-ical-10195650",
    )
    def ical_for_task(cls, task_id: int, *, client: ClientArg = None) -> Call:
        """One task as an iCal entry (text)."""
        return Call(path={"task_id": task_id})

    aical_for_task = ical_for_task.twin()

    @returns(
        as_text,
        "GET",
        "/calendar/item/{item_id}/field/{field_id}/ics/",
        doc=f"{_DOC}/get-item-field-calendar-as-ical-10195681",
    )
    def ical_for_item_field(cls, item_id: int, field_id: int, *, client: ClientArg = None) -> Call:
        """The date of one item field as an iCal entry (text); the Ruby gem's
        ``ItemField.ical_entry``."""
        return Call(path={"item_id": item_id, "field_id": field_id})

    aical_for_item_field = ical_for_item_field.twin()

    # -- changing events --------------------------------------------------------------------------

    @returns(as_raw, "PUT", "/calendar/event/{uid}", doc=f"{_DOC}/update-calendar-event-78177950")
    def update_event(
        cls, uid: str, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Give an event a new start and end, in the user's own time zone:
        ``{"start_date", "start_time", "end_date", "end_time"}``; returns Podio's answer."""
        return Call(path={"uid": uid}, json=dict(attributes))

    aupdate_event = update_event.twin()

    @member("POST", "/calendar/event/{uid}/move")
    def move_event(
        cls, uid: str, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Move an event to another start, keeping its length; returns the moved event."""
        return Call(path={"uid": uid}, json=dict(attributes))

    amove_event = move_event.twin()

    @member("PUT", "/calendar/event/{uid}/duration")
    def update_event_duration(
        cls, uid: str, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change when an event ends, keeping its start; returns the changed event."""
        return Call(path={"uid": uid}, json=dict(attributes))

    aupdate_event_duration = update_event_duration.twin()

    @member("POST", "/calendar/linked_account/{linked_account_id}/event/{uid}/move")
    def move_event_external(
        cls,
        linked_account_id: int,
        uid: str,
        attributes: Mapping[str, Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Move an event of a linked external calendar; returns the moved event."""
        return Call(
            path={"linked_account_id": linked_account_id, "uid": uid}, json=dict(attributes)
        )

    amove_event_external = move_event_external.twin()

    @member("PUT", "/calendar/linked_account/{linked_account_id}/event/{uid}/duration")
    def update_event_duration_external(
        cls,
        linked_account_id: int,
        uid: str,
        attributes: Mapping[str, Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Change when an event of a linked external calendar ends; returns the event."""
        return Call(
            path={"linked_account_id": linked_account_id, "uid": uid}, json=dict(attributes)
        )

    aupdate_event_duration_external = update_event_duration_external.twin()

    # -- exports to linked calendars ------------------------------------------------------------

    @returns(as_raw, "GET", "/calendar/export/", doc=f"{_DOC}/get-global-exports-7554169")
    def get_global_exports(cls, *, client: ClientArg = None) -> Call:
        """Where the user's global calendar is exported to, as Podio sends it (a list)."""
        return Call()

    aget_global_exports = get_global_exports.twin()

    @returns(as_status, "PUT", "/calendar/export/linked_account/{linked_account_id}")
    def set_global_export(
        cls, linked_account_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Export the user's global calendar to a linked account's calendar; returns the HTTP
        status."""
        return Call(path={"linked_account_id": linked_account_id}, json=dict(attributes))

    aset_global_export = set_global_export.twin()

    @returns(as_status, "DELETE", "/calendar/export/linked_account/{linked_account_id}")
    def stop_global_export(cls, linked_account_id: int, *, client: ClientArg = None) -> Call:
        """Stop exporting the global calendar to a linked account; returns the HTTP status."""
        return Call(path={"linked_account_id": linked_account_id})

    astop_global_export = stop_global_export.twin()

    @returns(as_raw, "GET", "/calendar/export/linked_account/{linked_account_id}/available")
    def get_calendars_for_linked_acc(
        cls, linked_account_id: int, *, client: ClientArg = None
    ) -> Call:
        """The calendars of a linked account that Podio can export to, as Podio sends them."""
        return Call(path={"linked_account_id": linked_account_id})

    aget_calendars_for_linked_acc = get_calendars_for_linked_acc.twin()

    @returns(
        as_raw,
        "GET",
        "/calendar/export/{ref_type}/{ref_id}/",
        doc=f"{_DOC}/get-exports-by-reference-7554180",
    )
    def get_reference_exports(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Where a space's or app's calendar is exported to, as Podio sends it (a list)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    aget_reference_exports = get_reference_exports.twin()

    @returns(
        as_status,
        "PUT",
        "/calendar/export/linked_account/{linked_account_id}/{ref_type}/{ref_id}",
        doc=f"{_DOC}/set-reference-export-9183515",
    )
    def set_reference_export(
        cls,
        linked_account_id: int,
        ref_type: str,
        ref_id: int,
        attributes: Mapping[str, Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Export a space's or app's calendar to a linked account's calendar; returns the
        HTTP status."""
        return Call(
            path={"linked_account_id": linked_account_id, "ref_type": ref_type, "ref_id": ref_id},
            json=dict(attributes),
        )

    aset_reference_export = set_reference_export.twin()

    @returns(
        as_status,
        "DELETE",
        "/calendar/export/linked_account/{linked_account_id}/{ref_type}/{ref_id}",
        doc=f"{_DOC}/stop-reference-export-9183590",
    )
    def stop_reference_export(
        cls, linked_account_id: int, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """Stop exporting a space's or app's calendar to a linked account; returns the HTTP
        status."""
        return Call(
            path={"linked_account_id": linked_account_id, "ref_type": ref_type, "ref_id": ref_id}
        )

    astop_reference_export = stop_reference_export.twin()
