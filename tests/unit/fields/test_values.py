"""The value types users hold: Money, DateRange and the refs, as they behave in user code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podio
from podio.fields import (
    CategoryOption,
    DateRange,
    EmbedRef,
    FileRef,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    SchemaField,
    TypedValue,
    changed_fields,
    expected_read_values,
    format_amount,
    humanize,
)

UTC = dt.timezone.utc
CET = dt.timezone(dt.timedelta(hours=1))


def test_money_takes_str_int_and_decimal_and_keeps_the_exact_amount() -> None:
    assert Money("1200.50", "EUR").amount == Decimal("1200.50")
    assert Money(12, "usd") == Money(Decimal("12.00"), "USD")
    assert Money("1.5", "EUR") == Money("1.50", "EUR")
    assert hash(Money("1.5", "EUR")) == hash(Money("1.50", "EUR"))
    assert Money("1.5", "EUR") != Money("1.5", "USD")
    assert repr(Money("1200.50", "EUR")) == "Money('1200.50', 'EUR')"
    assert podio.Money is Money


@pytest.mark.parametrize(
    ("amount", "currency", "error"),
    [
        (12.5, "EUR", TypeError),  # floats cannot hold cents exactly
        (True, "EUR", TypeError),
        ("12,50", "EUR", ValueError),
        ("NaN", "EUR", ValueError),
        ("1", "EURO", ValueError),
        ("1", "", ValueError),
        ("1", "€", ValueError),
    ],
)
def test_money_refuses_what_is_not_an_exact_amount_or_a_currency(
    amount: object, currency: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        Money(amount, currency)  # type: ignore[arg-type]


def test_money_orders_within_a_currency_only_and_is_frozen() -> None:
    assert Money("1", "EUR") < Money("2", "EUR") <= Money("2.00", "EUR")
    assert max([Money("3", "EUR"), Money("10", "EUR")]) == Money("10", "EUR")
    with pytest.raises(TypeError, match="EUR and USD"):
        _ = Money("1", "EUR") < Money("2", "USD")
    with pytest.raises(AttributeError):
        Money("1", "EUR").amount = Decimal(2)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("1200.5", "1200.50 EUR"),
        ("541.9870", "541.987 EUR"),
        ("100.0000", "100.00 EUR"),
        ("-3", "-3.00 EUR"),
        ("1E+3", "1000.00 EUR"),
        ("0.0001", "0.0001 EUR"),
    ],
)
def test_money_displays_locale_neutral_with_at_least_cents(amount: str, text: str) -> None:
    assert str(Money(amount, "EUR")) == text


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12
    )
)
def test_money_display_text_reads_back_as_the_same_amount(amount: Decimal) -> None:
    shown = str(Money(amount, "EUR"))
    number, currency = shown.split(" ")
    assert Money(number, currency) == Money(amount, "EUR")
    assert format_amount(amount) == number


def test_date_range_keeps_utc_instants_and_dates_apart_from_local_forms() -> None:
    start = dt.datetime(2026, 12, 1, 15, 0, tzinfo=CET)
    value = DateRange(start, start + dt.timedelta(hours=2))
    assert value.start == dt.datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert value.start.tzinfo is UTC and not value.all_day and not value.local_only
    assert value.start_local is None  # the user's zone is only known to Podio
    assert str(value) == "2026-12-01 14:00 UTC - 2026-12-01 16:00 UTC"

    day = DateRange(dt.date(2026, 12, 1))
    assert day.all_day and day.start_local == dt.date(2026, 12, 1) and str(day) == "2026-12-01"

    naive = DateRange(dt.datetime(2026, 12, 1, 9, 30, 15))
    assert naive.local_only and naive.start_local == dt.datetime(2026, 12, 1, 9, 30, 15)
    assert str(naive) == "2026-12-01 09:30:15"


def test_date_ranges_are_equal_by_instant_whatever_zone_or_local_view() -> None:
    a = DateRange(
        dt.datetime(2026, 1, 1, 13, 0, tzinfo=CET), start_local=dt.datetime(2026, 1, 1, 13)
    )
    b = DateRange(dt.datetime(2026, 1, 1, 12, 0, tzinfo=UTC))
    assert a == b and hash(a) == hash(b)
    assert DateRange(dt.date(2026, 1, 1)) != DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    with pytest.raises(TypeError):
        DateRange("2026-01-01")  # type: ignore[arg-type]


def test_refs_are_equal_when_they_point_at_the_same_object() -> None:
    assert CategoryOption(3, "Done") == CategoryOption(3, "Finished")
    assert CategoryOption(3) != CategoryOption(4, "Done")
    assert ItemRef(5, title="A") == ItemRef(5) and len({ItemRef(5), ItemRef(5, "B")}) == 1
    assert FileRef(9, name="a.png") == FileRef(9)
    assert ProfileRef(profile_id=1, user_id=7, name="Ann") == ProfileRef(profile_id=1)
    assert ProfileRef(user_id=7) != ProfileRef(profile_id=1, user_id=7)
    assert ProfileRef(user_id=7) == ProfileRef(user_id=7, name="Ann")
    assert EmbedRef(embed_id=3, url="https://a") == EmbedRef(embed_id=3)
    assert EmbedRef(url="https://a") == EmbedRef(url="https://a", title="A")
    assert TypedValue("work", "a@b.c") != TypedValue("home", "a@b.c")
    assert Location(value="Paris") != Location(value="Paris", lat=48.8, lng=2.3)


def test_refs_display_their_title_or_name_and_fall_back_to_the_id() -> None:
    assert [str(x) for x in (ItemRef(5, "A"), ItemRef(5))] == ["A", "item 5"]
    assert [str(x) for x in (ProfileRef(profile_id=1), ProfileRef(user_id=2))] == [
        "profile 1",
        "user 2",
    ]
    assert str(CategoryOption(1)) == "option 1" and str(FileRef(3)) == "file 3"
    assert str(Location(lat=1.5, lng=2.0)) == "1.5, 2.0"


def test_amounts_beyond_28_digits_format_and_compare_exactly() -> None:
    """The default decimal context keeps 28 digits: str(Money) raised InvalidOperation past
    them, and normalising rounded, so two different amounts compared as the same value."""
    big = "1229660382933572384507339373.46207"
    assert str(Money(big, "EUR")) == f"{big} EUR"
    assert str(Money("12345678901234567890123456789012", "EUR")).endswith("9012.00 EUR")
    assert format_amount(Decimal("1E+30")) == "1" + "0" * 30 + ".00"
    number = SchemaField.from_api({"field_id": 1, "external_id": "n", "type": "number"})
    assert expected_read_values(number, [{"value": big}]) == [
        {"value": "1229660382933572384507339373.4621"}
    ]
    stored = [{"field_id": 1, "external_id": "n", "type": "number", "values": [{"value": big}]}]
    changed = changed_fields(stored, {"n": Decimal(big[:-2])}, [dict(stored[0], config={})])
    assert changed == {"n": [{"value": big[:-2]}]}
    assert humanize("number", [Decimal(big)], {}) == big
