"""Reading: every value of every sample item becomes the documented Python type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import podio
from podio.fields import (
    AppSchema,
    CategoryOption,
    DateRange,
    EmbedRef,
    FieldNotFoundError,
    FieldValue,
    FileRef,
    ItemFields,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    TypedValue,
    format_duration,
    parse_values,
)

from ._support import EVERY_TYPE_APP, every_sample_field, sample

UTC = dt.timezone.utc

PYTHON_TYPE: dict[str, type | tuple[type, ...]] = {
    "text": str,
    "number": Decimal,
    "money": Money,
    "progress": int,
    "duration": dt.timedelta,
    "date": DateRange,
    "category": CategoryOption,
    "question": CategoryOption,
    "app": ItemRef,
    "contact": ProfileRef,
    "image": FileRef,
    "embed": EmbedRef,
    "location": Location,
    "email": TypedValue,
    "phone": TypedValue,
    "calculation": Decimal,
}
SAMPLE_FIELDS = every_sample_field()


@pytest.mark.parametrize(("where", "data"), SAMPLE_FIELDS, ids=[w for w, _ in SAMPLE_FIELDS])
def test_every_sample_value_reads_as_its_python_type(where: str, data: dict[str, Any]) -> None:
    field = FieldValue(data)
    assert field.values, where
    assert all(isinstance(v, PYTHON_TYPE[field.type]) for v in field.values), field.values
    assert field.value == field.values[0]
    assert field.raw == data["values"]
    assert isinstance(field.humanized, str) and field.humanized
    assert field.field_id == data["field_id"] and field.type == data["type"]


def test_the_sample_types_cover_every_type_the_samples_hold() -> None:
    seen = {data["type"] for _, data in SAMPLE_FIELDS}
    assert seen == set(PYTHON_TYPE)


def fields_of(name: str) -> ItemFields:
    return ItemFields(sample(name)["fields"])


def test_the_full_item_sample_reads_into_exact_values_and_display_texts() -> None:
    fields = fields_of("item-get-all-fields.json")
    expected = {
        "title": ("incom", "incom"),
        "text": ("<p>sadfas</p>", "sadfas"),
        "phone": (TypedValue("work", "+19197936102"), "+19197936102"),
        "email": (TypedValue("work", "hhah@podio.com"), "hhah@podio.com"),
        "category": (CategoryOption(3, "C"), "C"),
        "calculation": (Decimal("111"), "111.00"),
        "number": (Decimal("111"), "111"),
        "money": (Money("100", "USD"), "100.00 USD"),
        "image": (FileRef(195174666), "a1.jpeg"),
        "link": (EmbedRef(embed_id=117018345), "https://google.com/"),
        "contact": (ProfileRef(profile_id=140798621), "Brian Stengaard"),
        "relationship": (ItemRef(331300398), "sadf 41`"),
    }
    for key, (value, text) in expected.items():
        assert fields[key].value == value, key
        assert fields[key].humanized == text, key
    date = fields["date"].value
    assert date.start == dt.datetime(2016, 6, 24, 19, 0, tzinfo=UTC)
    assert date.end == dt.datetime(2016, 6, 30, 20, 0, tzinfo=UTC)
    assert date.start_local == dt.datetime(2016, 6, 24, 15, 0)
    assert date.end_local == dt.datetime(2016, 6, 30, 16, 0)
    assert fields["date"].humanized == "2016-06-24 15:00 - 2016-06-30 16:00"
    ref = fields["relationship"].value
    assert (ref.title, ref.app_id, ref.app_name, ref.app_item_id, ref.space_id) == (
        "sadf 41`",
        10421272,
        "AllFields",
        3,
        2720177,
    )
    link = fields["link"].value
    assert link.title == "Google" and link.file == FileRef(231335541)
    contact = fields["contact"].value
    assert contact.mail == ("brian@hoisthq.com", "brian@stengaard.eu") and contact.type == "user"


def test_number_keeps_every_digit_podio_sent_and_displays_the_fields_decimals() -> None:
    number = fields_of("item-get-basic-fields.json")["number"]
    assert number.value == Decimal("6513.51") and str(number.value) == "6513.5100"
    assert number.humanized == "6514"  # decimals: 0, as Podio shows it
    money = fields_of("item-get-basic-fields.json")["money"]
    assert money.value == Money("541.987", "EUR") and money.humanized == "541.987 EUR"


def test_dates_without_the_full_utc_key_are_built_from_date_and_time_keys() -> None:
    date = fields_of("item-get-all-fields-2014.json")["date"].value
    assert date.start == dt.datetime(2014, 1, 22, 22, 0, tzinfo=UTC)
    assert date.end == dt.datetime(2014, 2, 25, 23, 0, tzinfo=UTC)
    assert date.start_local == dt.datetime(2014, 1, 22, 16, 0)


def test_an_all_day_date_is_a_date_even_when_podio_shows_midnight() -> None:
    diff = sample("item-revision-diff.json")
    before = next(d for d in diff if d["type"] == "date")["from"]
    (value,) = parse_values("date", before)
    assert value == DateRange(dt.date(2014, 1, 8)) and value.all_day
    assert isinstance(value.start, dt.date) and not isinstance(value.start, dt.datetime)
    assert str(value) == "2014-01-08"


def test_location_duration_progress_and_legacy_types_read_as_documented() -> None:
    fields = fields_of("item-get-progress-location-duration.json")
    place = fields["location"].value
    assert (place.city, place.country, place.postal_code) == ("Paris", "France", "75007")
    assert (place.lat, place.lng, place.map_in_sync) == (48.8583701, 2.2944813, True)
    assert place.street_address == "5 Avenue Anatole France"
    assert fields["location"].humanized == place.formatted
    assert fields["duration"].value == dt.timedelta(days=1, hours=2, minutes=3, seconds=4)
    assert fields["duration"].humanized == "1d 2h 3m 4s"
    assert fields["progress"].value == 42 and fields["progress"].humanized == "42%"

    old = fields_of("item-get-all-fields-2014.json")
    assert old["google-maps"].value == Location(value="15 W. 13th st., new york, ny")
    assert old["question"].value == CategoryOption(1, "3") and old["question"].humanized == "3"
    assert old["contact-2"].value.type == "space" and old["contact-2"].value.user_id is None
    assert old["duration"].humanized == "1h 3m"


@pytest.mark.parametrize(
    ("seconds", "units", "text"),
    [
        (0, None, "0s"),
        (93784, None, "1d 2h 3m 4s"),
        (93784, ["hours", "minutes", "seconds"], "26h 3m 4s"),
        (93784, ["hours", "minutes"], "26h 3m 4s"),
        (3600, ["days"], "3600s"),
        (86400 * 2, ["days", "hours"], "2d"),
        (-90, None, "-1m 30s"),
    ],
)
def test_durations_display_in_the_units_the_field_shows(
    seconds: int, units: list[str] | None, text: str
) -> None:
    assert format_duration(dt.timedelta(seconds=seconds), units) == text


def test_calculations_read_in_their_return_type() -> None:
    total = FieldValue(
        {
            "type": "calculation",
            "external_id": "total",
            "config": {"settings": {"return_type": "number", "decimals": 1, "unit": "kg"}},
            "values": [{"value": "12.3400"}],
        }
    )
    assert total.value == Decimal("12.34") and total.humanized == "12.3 kg"
    text = parse_values("calculation", [{"value": "abc"}], {"return_type": "text"})
    assert text == ["abc"]
    date_keys = {"start": "2026-12-01 00:00:00", "start_date": "2026-12-01", "start_time": None}
    assert parse_values("calculation", [date_keys], {"return_type": "date"}) == [
        DateRange(dt.date(2026, 12, 1))
    ]
    timed = [{"start_utc": "2026-12-01 14:00:00"}]
    assert parse_values("calculation", timed, {"return_type": "date"})[0].start == dt.datetime(
        2026, 12, 1, 14, tzinfo=UTC
    )


def test_undocumented_and_unknown_types_keep_their_values_untouched() -> None:
    values = [{"value": "urgent"}, {"value": "later"}]
    for ftype in ("tag", "state", "tel", "media", "separator", "hologram"):
        field = FieldValue({"type": ftype, "external_id": "x", "values": values})
        assert field.values == values and field.value == values[0]
    assert FieldValue({"type": "tag", "values": values}).humanized == "urgent, later"


def test_legacy_member_and_file_fields_read_as_refs() -> None:
    assert parse_values("member", [{"value": 7}]) == [ProfileRef(user_id=7)]
    assert parse_values("video", [{"value": 9}, {"value": {"file_id": 10}}]) == [
        FileRef(9),
        FileRef(10),
    ]


def test_html_text_is_displayed_as_plain_text() -> None:
    field = FieldValue(
        {
            "type": "text",
            "config": {"settings": {"format": "html", "size": "large"}},
            "values": [{"value": "<p>Tom &amp; Jerry</p><p>are <b>back</b><br/>again</p>"}],
        }
    )
    assert field.humanized == "Tom & Jerry\nare back\nagain"
    assert field.value.startswith("<p>")


def test_a_value_of_an_unknown_shape_names_the_field_and_keeps_the_raw_value() -> None:
    field = FieldValue({"type": "money", "external_id": "price", "values": [{"value": "x"}]})
    with pytest.raises(podio.InvalidResponseError, match="'price'"):
        _ = field.values
    assert field.raw == [{"value": "x"}]
    assert "unreadable" in repr(field)


def test_item_fields_find_fields_by_external_id_id_and_label() -> None:
    fields = ItemFields(sample("item-filter.json")["items"][0]["fields"])
    status = fields["status"]
    assert fields[140524233] is status and fields.get("Status") is status
    assert fields.get("STATUS") is status and "status" in fields and 140524233 in fields
    assert fields.get("nope") is None and "nope" not in fields
    assert [f.external_id for f in fields] == [
        "title",
        "status",
        "category",
        "number",
        "relationship",
    ]
    assert len(fields) == 5 and fields.keys()[0] == "title"
    assert fields.to_dict()["status"] == CategoryOption(3, "Live")
    assert fields.to_dict()["relationship"] == [ItemRef(582017889)]
    assert fields.humanized()["number"] == "282"


def test_unknown_and_ambiguous_keys_raise_key_errors_that_help() -> None:
    fields = fields_of("item-get-all-fields-2014.json")
    with pytest.raises(KeyError) as unknown:
        fields["progres-slider"]
    message = str(unknown.value)
    assert "did you mean 'progress-slider'" in message and "known external_ids: title" in message
    assert isinstance(unknown.value, FieldNotFoundError)
    with pytest.raises(KeyError, match="'contact', 'contact-2'"):
        fields["Contact"]
    assert "Contact" in fields


def test_with_the_app_schema_empty_fields_exist_and_follow_the_app_order() -> None:
    app = sample("app-get-all-fields-2014.json")
    item = sample("item-get-all-fields-2014.json")
    present = [f for f in item["fields"] if f["external_id"] != "number"]
    fields = ItemFields(present, schema=app)
    assert [f.external_id for f in fields] == [f["external_id"] for f in app["fields"]]
    assert fields["number"].value is None and fields["number"].values == []
    assert fields["number"].humanized == "" and not fields["number"]
    assert fields["number"].settings == {"decimals": 4}
    assert fields.to_dict()["contact"] == [ProfileRef(profile_id=106334271)]


def test_filter_results_with_a_reduced_config_take_the_rest_from_the_schema() -> None:
    data = {
        "field_id": 3,
        "external_id": "amount",
        "type": "number",
        "label": "Amount",
        "config": {"label": "Amount", "settings": {"decimals": 2}, "mapping": None},
        "values": [{"value": "12.3456"}],
    }
    schema = AppSchema(EVERY_TYPE_APP["fields"])
    field = ItemFields([data], schema=schema)["amount"]
    assert field.humanized == "12.35"
    assert ItemFields([data], schema=schema)["title"].config["required"] is True
