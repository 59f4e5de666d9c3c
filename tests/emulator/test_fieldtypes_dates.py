"""Date values: every write form, storage in UTC, both read forms in the user's zone."""

from __future__ import annotations

from typing import Any

import pytest

from podio_emulator.fieldtypes import InvalidValue, parse_date_value, render_date_value

NY = "America/New_York"
STORED_TIMED = {
    "start_date": "2016-06-24",
    "start_time": "19:00:00",
    "end_date": "2016-06-30",
    "end_time": "20:00:00",
}


@pytest.mark.parametrize(
    "written",
    [
        {"start": "2016-06-24 15:00:00", "end": "2016-06-30 16:00:00"},
        {"start_utc": "2016-06-24 19:00:00", "end_utc": "2016-06-30 20:00:00"},
        {
            "start_date": "2016-06-24",
            "start_time": "15:00:00",
            "end_date": "2016-06-30",
            "end_time": "16:00:00",
        },
        {
            "start_date_utc": "2016-06-24",
            "start_time_utc": "19:00:00",
            "end_date_utc": "2016-06-30",
            "end_time_utc": "20:00:00",
        },
        {
            "start_date": "2016-06-24",
            "start_time": "15:00",
            "end_date": "2016-06-30",
            "end_time": "16:00",
        },
    ],
)
def test_every_write_form_stores_the_same_utc_value(written: dict[str, Any]) -> None:
    assert parse_date_value(written, {}, NY) == STORED_TIMED


def test_plain_string_is_the_local_start() -> None:
    assert parse_date_value("2016-06-24 15:00:00", {}, NY) == {
        "start_date": "2016-06-24",
        "start_time": "19:00:00",
        "end_date": None,
        "end_time": None,
    }


def test_timed_value_reads_in_both_forms() -> None:
    assert render_date_value(STORED_TIMED, NY) == {
        "start": "2016-06-24 15:00:00",
        "start_date": "2016-06-24",
        "start_time": "15:00:00",
        "start_utc": "2016-06-24 19:00:00",
        "start_date_utc": "2016-06-24",
        "start_time_utc": "19:00:00",
        "end": "2016-06-30 16:00:00",
        "end_date": "2016-06-30",
        "end_time": "16:00:00",
        "end_utc": "2016-06-30 20:00:00",
        "end_date_utc": "2016-06-30",
        "end_time_utc": "20:00:00",
    }


def test_another_user_sees_the_same_instant_in_their_zone() -> None:
    rendered = render_date_value(STORED_TIMED, "Europe/Copenhagen")
    assert rendered["start"] == "2016-06-24 21:00:00"
    assert rendered["start_utc"] == "2016-06-24 19:00:00"


def test_local_date_can_differ_from_the_utc_date() -> None:
    stored = parse_date_value({"start": "2016-06-24 23:30:00"}, {}, NY)
    assert stored["start_date"] == "2016-06-25"
    rendered = render_date_value(stored, NY)
    assert (rendered["start_date"], rendered["start_date_utc"]) == ("2016-06-24", "2016-06-25")


def test_daylight_saving_changes_the_offset() -> None:
    winter = parse_date_value({"start": "2017-03-08 12:00:00"}, {}, NY)
    summer = parse_date_value({"start": "2017-03-18 13:00:00"}, {}, NY)
    assert (winter["start_time"], summer["start_time"]) == ("17:00:00", "17:00:00")


@pytest.mark.parametrize(
    "written",
    [
        "2014-01-08",
        {"start": "2014-01-08"},
        {"start_date": "2014-01-08"},
        {"start_utc": "2014-01-08"},
        {"start_date_utc": "2014-01-08", "start_time_utc": None},
    ],
)
def test_all_day_dates_have_no_time_and_no_zone(written: Any) -> None:
    stored = parse_date_value(written, {}, NY)
    assert stored == {"start_date": "2014-01-08", "start_time": None, "end_date": None,
                      "end_time": None}  # fmt: skip
    # The captured revision diff shows all-day values like this (item-revision-diff.json).
    assert render_date_value(stored, NY) == {
        "start": "2014-01-08 00:00:00",
        "start_date": "2014-01-08",
        "start_time": None,
        "start_utc": "2014-01-08 00:00:00",
        "start_date_utc": "2014-01-08",
        "start_time_utc": None,
    }


def test_end_equal_to_start_counts_as_no_end() -> None:
    """podio-php always sends end_date (= start_date) for single dates."""
    stored = parse_date_value(
        {"start_date": "2020-01-01", "end_date": "2020-01-01"}, {"end": "disabled"}, NY
    )
    assert stored["end_date"] is None


@pytest.mark.parametrize(
    ("written", "settings", "message"),
    [
        ({"start": "2020-01-01", "end": "2020-01-02"}, {"end": "disabled"}, "must not have an end"),
        ({"start": "2020-01-01"}, {"end": "required"}, "must have an end date"),
        ({"start": "2020-01-01"}, {"time": "required"}, "must have a time"),
        (
            {"start": "2020-01-02 10:00:00", "end": "2020-01-02 09:00:00"},
            {},
            "end must not be before start",
        ),
        ({"start": "2020-01-02", "end": "2020-01-01"}, {}, "end must not be before start"),
        ({"start_time": "10:00:00"}, {}, "start time given without a start date"),
        ({"start": "2020-01-01 25:00:00"}, {}, "must be a valid time"),
        (5, {}, "must be object or string"),
    ],
)
def test_settings_and_order_are_enforced(
    written: Any, settings: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        parse_date_value(written, settings, NY)


def test_time_disabled_keeps_the_local_date_only() -> None:
    stored = parse_date_value({"start": "2016-06-24 23:30:00"}, {"time": "disabled"}, NY)
    assert stored == {"start_date": "2016-06-24", "start_time": None, "end_date": None,
                      "end_time": None}  # fmt: skip


def test_unknown_time_zone_falls_back_to_utc() -> None:
    stored = parse_date_value({"start": "2016-06-24 15:00:00"}, {}, "Mars/Olympus")
    assert stored["start_time"] == "15:00:00"
