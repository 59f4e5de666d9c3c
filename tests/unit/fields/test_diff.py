"""The diff helper: an update carries only the fields whose value really changes."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest

from podio.fields import (
    CategoryOption,
    EmbedRef,
    FieldValueError,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    changed_fields,
)

from ._support import sample

UTC = dt.timezone.utc
ITEM = sample("item-get-all-fields.json")["fields"]
OLD = sample("item-get-all-fields-2014.json")["fields"]


def test_values_equal_to_the_stored_ones_are_left_out() -> None:
    unchanged = {
        "title": "incom",
        "number": Decimal("111"),
        "money": Money("100.00", "USD"),
        "category": "C",
        "relationship": ItemRef(331300398, "renamed meanwhile"),
        "contact": 140798621,
        "image": 195174666,
        "link": EmbedRef(embed_id=117018345),
        "email": [("work", "hhah@podio.com")],
        "phone": ("work", "+19197936102"),
        "date": (
            dt.datetime(2016, 6, 24, 19, 0, tzinfo=UTC),
            dt.datetime(2016, 6, 30, 20, 0, tzinfo=UTC),
        ),
        "date2": (dt.datetime(2017, 3, 8, 12, 0), dt.datetime(2017, 3, 18, 13, 0)),  # local
    }
    assert changed_fields(ITEM, unchanged) == {}


def test_changed_values_are_kept_in_write_form() -> None:
    changes = changed_fields(
        ITEM,
        {
            "title": "new title",
            "number": "111.5",
            "money": Money("100", "EUR"),
            "category": "a",
            "relationship": [331300398, 42],
            "date2": (dt.datetime(2017, 3, 8, 12, 0), dt.datetime(2017, 3, 18, 14, 0)),
            "text": "<p>sadfas</p>",
        },
    )
    assert changes == {
        "title": [{"value": "new title"}],
        "number": [{"value": "111.5"}],
        "money": [{"value": "100", "currency": "EUR"}],
        "category": [{"value": 1}],
        "relationship": [{"value": 331300398}, {"value": 42}],
        "date2": [{"start": "2017-03-08 12:00:00", "end": "2017-03-18 14:00:00"}],
    }


def test_clearing_changes_a_filled_field_and_not_an_empty_one() -> None:
    assert changed_fields(ITEM, {"title": None, "not-in-the-item": None}) == {"title": []}
    assert changed_fields(ITEM, {"not-in-the-item": "x"}) == {"not-in-the-item": ["x"]}


def test_multi_values_compare_as_sets_of_ids_and_dates_by_kind() -> None:
    before = copy.deepcopy(OLD)
    app_ref = next(f for f in before if f["type"] == "app")
    app_ref["values"].append({"value": {"item_id": 99, "title": "x"}})
    assert changed_fields(before, {"app-reference": [99, 125266328]}) == {}
    assert changed_fields(before, {"app-reference": [99]}) == {"app-reference": [{"value": 99}]}
    # 2014 dates: UTC 22:00 = local 16:00; a date alone is another value (all-day).
    assert (
        changed_fields(
            before, {"date": (dt.datetime(2014, 1, 22, 16), dt.datetime(2014, 2, 25, 17))}
        )
        == {}
    )
    assert changed_fields(before, {"date": (dt.date(2014, 1, 22), dt.date(2014, 2, 25))}) != {}
    assert changed_fields(before, {"google-maps": "15 W. 13th st., new york, ny"}) == {}
    assert changed_fields(before, {"google-maps": Location(value="elsewhere")}) == {
        "google-maps": [{"value": "elsewhere"}]
    }
    assert changed_fields(before, {"contact-2": ProfileRef(profile_id=112147307)}) == {}
    assert changed_fields(before, {"question": CategoryOption(1)}) == {}
    assert (
        changed_fields(before, {"duration": dt.timedelta(seconds=3780), "progress-slider": 60})
        == {}
    )


def test_all_day_dates_compare_by_day() -> None:
    diff = sample("item-revision-diff.json")
    date = next(d for d in diff if d["type"] == "date")
    original = [
        {**{k: v for k, v in date.items() if k not in ("from", "to")}, "values": date["from"]}
    ]
    assert changed_fields(original, {"date": dt.date(2014, 1, 8)}) == {}
    # Revision diffs carry no external_id: the field is found by label, keyed by its id.
    assert changed_fields(original, {"Date": dt.date(2014, 1, 9)}) == {
        "51928211": [{"start_date": "2014-01-09"}]
    }


def test_the_diff_checks_values_like_a_payload() -> None:
    with pytest.raises(FieldValueError, match="has no option 'Z'"):
        changed_fields(ITEM, {"category": "Z"})
    with pytest.raises(FieldValueError, match="calculation"):
        changed_fields(ITEM, {"calculation": 1})
    app = sample("app-get-all-fields-2014.json")
    with pytest.raises(FieldValueError, match="did you mean 'number'"):
        changed_fields(OLD, {"numbr": 1}, app)
