"""Round trips that must hold for every value: money, numbers, dates and durations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from podio.fields import AppSchema, DateRange, Money, parse_values, write_value

from ._support import EVERY_TYPE_APP, podio_stores

SCHEMA = AppSchema.from_app(EVERY_TYPE_APP)
DATA = {f["external_id"]: f for f in EVERY_TYPE_APP["fields"]}
UTC = dt.timezone.utc

# Podio stores four decimals (fields.md §3 number); amounts below 10**15 are what it accepts.
amounts = st.decimals(
    min_value=Decimal("-999999999999.9999"),
    max_value=Decimal("999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
zones = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
instants = st.datetimes(
    min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda value: value.replace(microsecond=0))
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1))


def through_podio(key: str, value: Any, tz: dt.tzinfo = UTC) -> list[Any]:
    field = SCHEMA[key]
    return parse_values(
        field.type, podio_stores(DATA[key], write_value(value, field), tz), field.settings
    )


@given(amounts, st.sampled_from(["EUR", "USD"]))
def test_money_survives_podio(amount: Decimal, currency: str) -> None:
    assert through_podio("price", Money(amount, currency)) == [Money(amount, currency)]


@given(amounts)
def test_numbers_survive_podio_as_decimals_ints_and_strings(amount: Decimal) -> None:
    assert through_podio("amount", amount) == [amount]
    assert through_podio("amount", format(amount, "f")) == [amount]
    assert through_podio("amount", int(amount)) == [Decimal(int(amount))]


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda f: round(f, 4)))
def test_floats_are_written_as_the_number_they_print_as(number: float) -> None:
    assert through_podio("amount", number) == [Decimal(repr(number))]


@given(instants, st.one_of(st.none(), st.integers(min_value=0, max_value=10**7)), zones)
def test_aware_datetimes_survive_podio_in_any_user_zone(
    start: dt.datetime, length: int | None, tz: dt.tzinfo
) -> None:
    end = start + dt.timedelta(seconds=length) if length is not None else None
    local_start = start.astimezone(tz)
    (value,) = through_podio("due", (local_start, end), tz)
    assert value == DateRange(start, end)
    assert value.start_local == local_start.replace(tzinfo=None)


@settings(max_examples=50)
@given(instants, zones)
def test_naive_datetimes_keep_their_wall_clock_time(start: dt.datetime, tz: dt.tzinfo) -> None:
    naive = start.replace(tzinfo=None)
    (value,) = through_podio("due", naive, tz)
    assert value.start_local == naive
    assert value.start == naive.replace(tzinfo=tz).astimezone(UTC)


@given(days, st.integers(min_value=0, max_value=400))
def test_all_day_dates_survive_podio(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    assert through_podio("due", (start, end)) == [DateRange(start, end)]
    assert through_podio("due", start)[0].start == start


@given(st.integers(min_value=0, max_value=10**9))
def test_durations_survive_podio(seconds: int) -> None:
    delta = dt.timedelta(seconds=seconds)
    assert through_podio("effort", delta) == [delta]
    assert through_podio("effort", seconds) == [delta]
