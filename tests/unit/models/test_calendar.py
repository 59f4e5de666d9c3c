"""Calendar: ranges, summaries, iCal feeds, event moves, exports and mutes."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

EVENT = {
    "uid": "item_350017179_131",
    "ref_type": "item",
    "ref_id": 350017179,
    "title": "Board meeting",
    "description": "Quarterly numbers",
    "location": "Room 4",
    "status": None,
    "link": "https://podio.com/acme/plans/apps/plans/items/1",
    "app": {"app_id": 6, "name": "Plans", "item_name": "Plan", "icon": "48.png"},
    "source": "podio",
    "color": "DCEBD8",
    "start": "2017-03-21 14:00:00",
    "start_utc": "2017-03-21 13:00:00",
    "start_date": "2017-03-21",
    "start_time": "14:00:00",
    "end": "2017-03-21 15:30:00",
    "end_utc": "2017-03-21 14:30:00",
    "end_date": "2017-03-21",
    "end_time": "15:30:00",
}
SUMMARY_EVENT = {
    "type": "task",
    "id": 88,
    "group": "today",
    "title": "Call the bank",
    "start": "2017-03-21 09:00:00",
    "start_date": "2017-03-21",
    "start_time": "09:00:00",
    "end": None,
    "end_date": None,
    "end_time": None,
    "link": "https://podio.com/tasks/88",
    "app": None,
}
SUMMARY = {
    "today": {"total": 3, "events": [SUMMARY_EVENT]},
    "upcoming": {"total": 0, "events": []},
}
MUTE = {"id": 5, "type": "space", "title": "Plans", "item": True, "status": False, "task": True}
EXPORTS = [{"linked_account_id": 3, "ref": {"type": "space", "id": 5}, "attributes": {}}]
ICAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Réunion\r\nEND:VCALENDAR\r\n"
TEXT = {"content-type": "text/calendar; charset=utf-8"}

EV, MUTES = podio.CalendarEvent, podio.CalendarMute
MARCH = (dt.date(2017, 3, 1), dt.date(2017, 3, 31))
RANGE = {"date_from": "2017-03-01", "date_to": "2017-03-31"}
MOVE = {"start_date": "2017-03-22", "start_time": "10:00:00"}

CASES = [
    Case(EV, "find_all", MARCH, path="/calendar/", query=RANGE, answer=[EVENT], kind=EV),
    Case(
        EV,
        "find_all",
        ("2017-03-01", "2017-03-31"),
        {"priority": 2},
        path="/calendar/",
        query={**RANGE, "priority": 2},
        answer=[EVENT],
        kind=EV,
    ),
    Case(
        EV,
        "find_all_for_space",
        (5, *MARCH),
        path="/calendar/space/5/",
        query=RANGE,
        answer=[EVENT],
        kind=EV,
    ),
    Case(
        EV,
        "find_all_for_app",
        (6, *MARCH),
        path="/calendar/app/6/",
        query=RANGE,
        answer=[EVENT],
        kind=EV,
    ),
    Case(
        EV,
        "find_all_for_linked_account",
        (3, *MARCH),
        path="/calendar/linked_account/3/",
        query=RANGE,
        answer=[EVENT],
        kind=EV,
    ),
    Case(
        EV,
        "find_summary",
        kwargs={"limit": 10, "priority": 1},
        path="/calendar/summary",
        query={"limit": 10, "priority": 1},
        answer=SUMMARY,
        kind=podio.CalendarSummary,
    ),
    Case(
        EV,
        "find_summary_for_space",
        (5,),
        path="/calendar/space/5/summary",
        answer=SUMMARY,
        kind=podio.CalendarSummary,
    ),
    Case(
        EV,
        "find_summary_for_org",
        (4,),
        {"limit": 2},
        path="/calendar/org/4/summary",
        query={"limit": 2},
        answer=SUMMARY,
        kind=podio.CalendarSummary,
    ),
    Case(
        EV,
        "find_personal_summary",
        path="/calendar/personal/summary",
        answer=SUMMARY,
        kind=podio.CalendarSummary,
    ),
    Case(EV, "ical", (4, "a1b2c3"), path="/calendar/ics/4/a1b2c3/", answer=ICAL, headers=TEXT),
    Case(
        EV,
        "ical_for_space",
        (5, 4, "a1b2c3"),
        path="/calendar/space/5/ics/4/a1b2c3/",
        answer=ICAL,
        headers=TEXT,
    ),
    Case(
        EV,
        "ical_for_app",
        (6, 4, "a1b2c3"),
        path="/calendar/app/6/ics/4/a1b2c3/",
        answer=ICAL,
        headers=TEXT,
    ),
    Case(EV, "ical_for_task", (88,), path="/calendar/task/88/ics/", answer=ICAL, headers=TEXT),
    Case(
        EV,
        "ical_for_item_field",
        (1, 131),
        path="/calendar/item/1/field/131/ics/",
        answer=ICAL,
        headers=TEXT,
    ),
    Case(
        EV,
        "update_event",
        ("item_1_131", MOVE),
        method="PUT",
        path="/calendar/event/item_1_131",
        body=MOVE,
        answer=None,
    ),
    Case(
        EV,
        "move_event",
        ("item_1_131", MOVE),
        method="POST",
        path="/calendar/event/item_1_131/move",
        body=MOVE,
        answer=EVENT,
        kind=EV,
    ),
    Case(
        EV,
        "update_event_duration",
        ("item_1_131", {"end_time": "16:00:00"}),
        method="PUT",
        path="/calendar/event/item_1_131/duration",
        body={"end_time": "16:00:00"},
        answer=EVENT,
        kind=EV,
    ),
    # External uids are opaque strings (mail addresses, @...): encoded into one segment.
    Case(
        EV,
        "move_event_external",
        (3, "abc@google.com/1", MOVE),
        method="POST",
        path="/calendar/linked_account/3/event/abc%40google.com%2F1/move",
        body=MOVE,
        answer=EVENT,
        kind=EV,
    ),
    Case(
        EV,
        "update_event_duration_external",
        (3, "abc", {"end_time": "16:00:00"}),
        method="PUT",
        path="/calendar/linked_account/3/event/abc/duration",
        body={"end_time": "16:00:00"},
        answer=EVENT,
        kind=EV,
    ),
    Case(EV, "get_global_exports", path="/calendar/export/", answer=EXPORTS),
    Case(
        EV,
        "set_global_export",
        (3, {"attributes": {"all": True}}),
        method="PUT",
        path="/calendar/export/linked_account/3",
        body={"attributes": {"all": True}},
        answer=None,
        result=200,
    ),
    Case(
        EV,
        "stop_global_export",
        (3,),
        method="DELETE",
        path="/calendar/export/linked_account/3",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        EV,
        "get_calendars_for_linked_acc",
        (3,),
        path="/calendar/export/linked_account/3/available",
        answer=[{"id": "primary"}],
    ),
    Case(
        EV, "get_reference_exports", ("space", 5), path="/calendar/export/space/5/", answer=EXPORTS
    ),
    Case(
        EV,
        "set_reference_export",
        (3, "space", 5, {"calendar_id": "primary"}),
        method="PUT",
        path="/calendar/export/linked_account/3/space/5",
        body={"calendar_id": "primary"},
        answer=None,
        result=200,
    ),
    Case(
        EV,
        "stop_reference_export",
        (3, "app", 6),
        method="DELETE",
        path="/calendar/export/linked_account/3/app/6",
        answer=None,
        result=200,
    ),
    Case(MUTES, "find_all", path="/calendar/mute/", answer=[MUTE], kind=MUTES),
    Case(
        MUTES,
        "create",
        ("space", 5),
        method="POST",
        path="/calendar/mute/space/5/",
        answer=None,
        result=200,
    ),
    Case(
        MUTES,
        "create",
        ("space", 5, "task"),
        method="POST",
        path="/calendar/mute/space/5/task/",
        answer=None,
        result=200,
    ),
    Case(
        MUTES,
        "delete",
        ("app", 6),
        method="DELETE",
        path="/calendar/mute/app/6/",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        MUTES,
        "delete",
        ("app", 6),
        {"object_type": "item"},
        method="DELETE",
        path="/calendar/mute/app/6/item/",
        answer=None,
        result=200,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_event_times_are_local_and_utc_side_by_side(api: MockPodio) -> None:
    api.on("GET", "/calendar/", [EVENT])
    [event] = EV.find_all(*MARCH)
    assert event.id == "item_350017179_131" and event.ref_id == 350017179
    # what the user typed, in their zone: naive, never shifted
    assert event.start == dt.datetime(2017, 3, 21, 14, 0)
    assert event.start is not None and event.start.tzinfo is None
    assert event.start_utc == dt.datetime(2017, 3, 21, 13, 0, tzinfo=dt.timezone.utc)
    assert event.start_date == dt.date(2017, 3, 21) and event.end_time == dt.time(15, 30)
    assert event.as_json() == EVENT


def test_a_bare_date_where_a_local_datetime_belongs_is_kept_as_sent() -> None:
    event = EV.from_api({"uid": "x", "start": "2017-03-21", "start_date": "2017-03-21"})
    assert event.start is None and event.start_date == dt.date(2017, 3, 21)
    assert event.as_json() == {"uid": "x", "start": "2017-03-21", "start_date": "2017-03-21"}


def test_local_datetimes_given_by_the_caller_are_written_as_podio_reads_them() -> None:
    event = EV(uid="x", start=dt.datetime(2017, 3, 21, 9, 5))
    assert event.as_json() == {"uid": "x", "start": "2017-03-21 09:05:00"}


def test_summary_is_typed_down_to_its_events(api: MockPodio) -> None:
    api.on("GET", "/calendar/summary", SUMMARY)
    summary = EV.find_summary()
    assert isinstance(summary.today, podio.CalendarSummaryGroup)
    assert summary.today.total == 3 and summary.upcoming and summary.upcoming.events == []
    [event] = summary.today.events or []
    assert isinstance(event, EV) and event.type == "task" and event.title == "Call the bank"
    assert event.start == dt.datetime(2017, 3, 21, 9, 0) and event.end is None
    assert summary.as_json() == SUMMARY


@pytest.mark.parametrize(
    ("headers", "content", "text"),
    [
        (
            {"content-type": "text/calendar; charset=iso-8859-1"},
            "Réunion".encode("latin-1"),
            "Réunion",
        ),
        ({"content-type": "text/calendar"}, "Réunion".encode(), "Réunion"),
        ({"content-type": "text/calendar; charset=x-unknown"}, "Réunion".encode(), "Réunion"),
        ({}, b"", ""),
    ],
)
def test_ical_feeds_are_decoded_as_podio_declares_them(
    api: MockPodio, headers: dict[str, str], content: bytes, text: str
) -> None:
    api.on("GET", "/calendar/task/1/ics/", content, headers=headers)
    assert EV.ical_for_task(1) == text


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((dt.datetime(2017, 3, 1, 12), dt.date(2017, 3, 2)), TypeError, "date_from.*datetime"),
        ((dt.date(2017, 3, 1), "March"), ValueError, "date_to"),
        ((dt.date(2017, 3, 2), dt.date(2017, 3, 1)), ValueError, "after"),
        ((None, dt.date(2017, 3, 1)), TypeError, "date_from must not be None"),
        ((20170301, dt.date(2017, 3, 2)), TypeError, "date_from"),
    ],
)
def test_bad_calendar_ranges_fail_before_anything_is_sent(
    api: MockPodio, args: tuple[object, object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        EV.find_all(*args)  # type: ignore[arg-type]
    assert api.calls == []


def test_an_ical_token_must_be_given(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="token"):
        EV.ical(4, "")
    assert api.calls == []
