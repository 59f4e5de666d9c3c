"""Writing: Python values become Podio's write shapes, and what Podio stores reads back equal."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import Any

import pytest

from podio.fields import (
    AppSchema,
    CategoryOption,
    DateRange,
    EmbedRef,
    FieldValueError,
    FileRef,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    SchemaField,
    TypedValue,
    expected_read_values,
    fields_payload,
    parse_values,
    read_to_write,
    write_value,
)

from ._support import EVERY_TYPE_APP, podio_stores, sample

UTC = dt.timezone.utc
BERLIN_WINTER = dt.timezone(dt.timedelta(hours=1))
SCHEMA = AppSchema.from_app(EVERY_TYPE_APP)


def field(key: str) -> SchemaField:
    return SCHEMA[key]


def round_trip(key: str, value: Any, tz: dt.tzinfo = BERLIN_WINTER) -> Any:
    """Write `value`, let (emulated) Podio store it, read it back as Python."""
    target = field(key)
    written = write_value(value, target)
    data = next(f for f in EVERY_TYPE_APP["fields"] if f["external_id"] == key)
    stored = podio_stores(data, written, tz)
    values = parse_values(target.type, stored, target.settings)
    return values if target.multiple else (values[0] if values else None)


class _Item:
    """Stands for an Item model: anything with an item_id attribute."""

    def __init__(self, item_id: int | None) -> None:
        self.item_id = item_id


AWARE = dt.datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
ROUND_TRIPS: list[tuple[str, Any, Any]] = [
    ("title", "Hello", "Hello"),
    ("notes", "<p>Hi</p>", "<p>Hi</p>"),
    ("amount", Decimal("12.5"), Decimal("12.5")),
    ("amount", 7, Decimal(7)),
    ("amount", 2.25, Decimal("2.25")),
    ("amount", "-3.75", Decimal("-3.75")),
    ("price", Money("1200.50", "EUR"), Money("1200.50", "EUR")),
    ("price", (Decimal("3"), "usd"), Money("3", "USD")),
    ("price", {"value": "9.99", "currency": "EUR"}, Money("9.99", "EUR")),
    ("done", 42, 42),
    ("done", 0, 0),
    ("effort", dt.timedelta(days=1, hours=2, minutes=3, seconds=4), dt.timedelta(seconds=93784)),
    ("effort", 3600, dt.timedelta(hours=1)),
    ("due", dt.date(2026, 12, 1), DateRange(dt.date(2026, 12, 1))),
    ("due", AWARE, DateRange(AWARE)),
    (
        "due",
        (
            dt.datetime(2026, 12, 1, 15, tzinfo=BERLIN_WINTER),
            dt.datetime(2026, 12, 2, 9, tzinfo=UTC),
        ),
        DateRange(AWARE, dt.datetime(2026, 12, 2, 9, tzinfo=UTC)),
    ),
    (
        "due",
        (dt.date(2026, 12, 1), dt.date(2026, 12, 3)),
        DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 3)),
    ),
    ("due", DateRange(AWARE, start_local=dt.datetime(2026, 12, 1, 15)), DateRange(AWARE)),
    ("status", "Doing", CategoryOption(2, "Doing")),
    ("status", 3, CategoryOption(3, "Done")),
    ("status", CategoryOption(1), CategoryOption(1, "To do")),
    ("labels", ["Red", 3], [CategoryOption(1), CategoryOption(3)]),
    ("labels", "green", [CategoryOption(2)]),
    ("answer", "No", CategoryOption(2, "No")),
    ("related", [123, ItemRef(456, "B"), _Item(789)], [ItemRef(123), ItemRef(456), ItemRef(789)]),
    ("parent", 55, ItemRef(55)),
    ("owner", ProfileRef(profile_id=5, name="Ann"), [ProfileRef(profile_id=5)]),
    ("owner", [5, 6], [ProfileRef(profile_id=5), ProfileRef(profile_id=6)]),
    ("watcher", 7, [ProfileRef(user_id=7)]),
    ("photo", FileRef(9, name="a.png"), [FileRef(9)]),
    ("attachment", [10, 11], [FileRef(10), FileRef(11)]),
    ("clip", 12, [FileRef(12)]),
    ("website", EmbedRef(embed_id=3, file=FileRef(4)), [EmbedRef(embed_id=3)]),
    ("website", 3, [EmbedRef(embed_id=3)]),
    ("website", "https://example.com/x", [EmbedRef(url="https://example.com/x")]),
    ("place", "Paris", Location(value="Paris", formatted="Paris", map_in_sync=True)),
    (
        "place",
        Location(value="Eiffel", lat=48.85, lng=2.29),
        Location(value="Eiffel", formatted="Eiffel", lat=48.85, lng=2.29, map_in_sync=True),
    ),
    ("mail", "a@b.com", [TypedValue("other", "a@b.com")]),
    (
        "mail",
        [("work", "w@b.com"), TypedValue("home", "h@b.com")],
        [TypedValue("work", "w@b.com"), TypedValue("home", "h@b.com")],
    ),
    ("phone", "+4512345678", [TypedValue("mobile", "+4512345678")]),
    ("phone", ("work", "+1555"), [TypedValue("work", "+1555")]),
    ("keywords", [{"value": "urgent"}], [{"value": "urgent"}]),
    ("stage", {"value": "new"}, [{"value": "new"}]),
    ("fax", {"value": "+1555"}, [{"value": "+1555"}]),
    ("media", {"value": 4}, [{"value": 4}]),
    ("mystery", [{"value": 1}, {"value": 2}], [{"value": 1}, {"value": 2}]),
]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    ROUND_TRIPS,
    ids=[f"{k}-{type(v).__name__}-{i}" for i, (k, v, _) in enumerate(ROUND_TRIPS)],
)
def test_a_written_value_reads_back_equal_after_podio_stores_it(
    key: str, value: Any, expected: Any
) -> None:
    assert round_trip(key, value) == expected


def test_every_writable_type_of_the_app_is_covered_by_a_round_trip() -> None:
    covered = {field(key).type for key, _, _ in ROUND_TRIPS}
    assert covered == {f.type for f in SCHEMA if not f.read_only}


def test_a_naive_datetime_is_written_as_local_time_and_never_shifted() -> None:
    naive = dt.datetime(2026, 12, 1, 15, 0)
    assert write_value(naive, field("due")) == [{"start": "2026-12-01 15:00:00"}]
    back = round_trip("due", naive, tz=BERLIN_WINTER)
    assert back.start_local == naive
    assert back.start == dt.datetime(2026, 12, 1, 14, 0, tzinfo=UTC)  # Podio knew the zone


def test_dates_are_sent_in_the_documented_write_keys() -> None:
    due = field("due")
    assert write_value(dt.date(2026, 1, 2), due) == [{"start_date": "2026-01-02"}]
    assert write_value(dt.datetime(2026, 1, 2, 10, tzinfo=BERLIN_WINTER), due) == [
        {"start_utc": "2026-01-02 09:00:00"}
    ]
    assert write_value((dt.date(2026, 1, 2), None), due) == [{"start_date": "2026-01-02"}]
    assert write_value(
        (dt.datetime(2026, 1, 2, 10, tzinfo=UTC), dt.datetime(2026, 1, 2, 11)), due
    ) == [{"start_utc": "2026-01-02 10:00:00", "end": "2026-01-02 11:00:00"}]
    read = {"start_date": "2026-01-02", "start_time": None, "start": "2026-01-02 00:00:00"}
    assert write_value(read, due) == [{"start_date": "2026-01-02", "start": "2026-01-02 00:00:00"}]


def test_category_text_matches_exactly_first_then_ignoring_case() -> None:
    status = field("status")  # options: To do, Doing, Done, done
    assert write_value("done", status) == [{"value": 4}]
    assert write_value("Done", status) == [{"value": 3}]
    assert write_value("to DO", status) == [{"value": 1}]
    with pytest.raises(FieldValueError, match="ambiguous") as ambiguous:
        write_value("DONE", status)
    assert ambiguous.value.field == "status"


def test_an_unknown_category_option_names_the_field_and_the_options() -> None:
    with pytest.raises(FieldValueError) as error:
        write_value("Dnoe", field("status"))
    assert error.value.field == "status" and error.value.value == "Dnoe"
    assert error.value.choices == ("To do", "Doing", "Done", "done")
    assert str(error.value).startswith("field 'status': has no option 'Dnoe'")
    assert "'Doing' (2)" in str(error.value)
    with pytest.raises(FieldValueError, match="no option with id 9"):
        write_value(9, field("status"))


def test_a_deleted_option_cannot_be_chosen() -> None:
    app = sample("app-get-all-fields-2014.json")
    app["fields"][3]["config"]["settings"]["options"][0]["status"] = "deleted"
    category = AppSchema.from_app(app)["category"]
    with pytest.raises(FieldValueError, match="is deleted"):
        write_value(1, category)
    with pytest.raises(FieldValueError, match="has no option '1'"):
        write_value("1", category)


BAD_VALUES: list[tuple[str, Any, str]] = [
    ("title", 5, "takes a str"),
    ("title", ["a", "b"], "holds one value, got 2"),
    ("amount", "1,5", "not a number"),
    ("amount", "NaN", "not a finite number"),
    ("amount", True, "takes an int, a Decimal"),
    ("amount", [1, 2], "holds one value"),
    ("price", 12, "needs a currency"),
    ("price", Money("1", "GBP"), "currency GBP is not allowed; allowed: EUR, USD"),
    ("price", 1.5, "needs a currency"),
    ("price", object(), "takes a Money"),
    ("done", 101, "between 0 and 100"),
    ("done", -1, "between 0 and 100"),
    ("done", 4.0, "takes an int from 0 to 100"),
    ("done", "50", "takes an int from 0 to 100"),
    ("effort", -5, "cannot be negative"),
    ("effort", dt.timedelta(seconds=1.5), "whole seconds"),
    ("effort", 2.5, "takes a timedelta"),
    ("due", "2026-01-01", "takes a date"),
    ("due", (None, dt.date(2026, 1, 1)), "has an end but no start"),
    ("due", (dt.date(2026, 1, 2), dt.date(2026, 1, 1)), "ends (2026-01-01) before it starts"),
    ("due", (AWARE, AWARE - dt.timedelta(minutes=1)), "before it starts"),
    ("due", [dt.date(2026, 1, 1), dt.date(2026, 1, 2)], "holds one value, got 2 (for a range"),
    ("due", (1, 2, 3), "a (start, end) tuple"),
    ("due", {"begin": "2026-01-01"}, "unknown date keys begin"),
    ("status", ["To do", "Doing"], "holds one value, got 2"),
    ("status", 2.0, "takes an option id"),
    ("answer", "Maybe", "has no option 'Maybe'; options: 'Yes' (1), 'No' (2)"),
    ("labels", "Purple", "has no option 'Purple'"),
    ("related", "123", "takes an item id"),
    ("related", _Item(None), "_Item has no item_id yet (save it first)"),
    ("related", 0, "0 is not a valid item_id"),
    ("parent", [1, 2], "holds one value, got 2"),
    ("owner", ProfileRef(user_id=3), "contacts are written by profile_id"),
    ("owner", "Ann", "takes a profile id"),
    ("photo", "a.png", "takes a file id"),
    ("attachment", -1, "-1 is not a valid file_id"),
    ("clip", FileRef, "takes a file id"),
    ("watcher", "bob", "takes a user id"),
    ("website", "example.com", "http(s) URL"),
    ("website", {"url": "ftp://x"}, "http(s) URL"),
    ("website", 1.5, "takes an EmbedRef"),
    ("place", {"lat": 1.0}, "lat and lng go together"),
    ("place", {"lat": 91.0, "lng": 0}, "lat must be between -90 and 90"),
    ("place", Location(), "needs an address or lat and lng"),
    ("place", 3, "takes an address str"),
    ("mail", "not-an-address", "is not an e-mail address"),
    ("mail", ("private", "a@b.com"), "kind 'private' is not offered; offered: work, home, other"),
    ("mail", 5, "takes a str, a TypedValue"),
    ("phone", "", "takes a non-empty str"),
    ("total", Decimal(3), "is a calculation field (computed by Podio) and cannot be written"),
    ("line", "x", "is a separator field"),
]


def test_every_checked_type_has_a_bad_value_case() -> None:
    checked = {field(key).type for key, _, _ in BAD_VALUES}
    passed_through = {"tag", "state", "tel", "media", "hologram"}
    assert checked == {f.type for f in SCHEMA} - passed_through


@pytest.mark.parametrize(
    ("key", "value", "message"),
    BAD_VALUES,
    ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD_VALUES)],
)
def test_a_bad_value_raises_a_value_error_naming_the_field(
    key: str, value: Any, message: str
) -> None:
    with pytest.raises(FieldValueError) as error:
        write_value(value, field(key), name=key)
    assert isinstance(error.value, ValueError)
    assert error.value.field == key
    assert str(error.value).startswith(f"field {key!r}: ")
    assert message in str(error.value)


def test_date_settings_are_enforced() -> None:
    strict = SchemaField.from_api(
        {
            "field_id": 1,
            "external_id": "when",
            "type": "date",
            "config": {"settings": {"end": "required", "time": "required"}},
        }
    )
    plain = SchemaField.from_api(
        {
            "field_id": 2,
            "external_id": "day",
            "type": "date",
            "config": {"settings": {"end": "disabled", "time": "disabled"}},
        }
    )
    with pytest.raises(FieldValueError, match="needs an end"):
        write_value(AWARE, strict)
    with pytest.raises(FieldValueError, match="needs a time of day"):
        write_value((dt.date(2026, 1, 1), dt.date(2026, 1, 2)), strict)
    with pytest.raises(FieldValueError, match="takes no end date"):
        write_value((dt.date(2026, 1, 1), dt.date(2026, 1, 2)), plain)
    with pytest.raises(FieldValueError, match="without a time of day"):
        write_value(AWARE, plain)
    assert write_value((AWARE, AWARE), strict) == [
        {"start_utc": "2026-12-01 14:00:00", "end_utc": "2026-12-01 14:00:00"}
    ]


@pytest.mark.parametrize("empty", [None, [], ()])
def test_none_and_empty_lists_clear_a_field(empty: Any) -> None:
    for key in ("title", "amount", "status", "labels", "due", "owner", "keywords"):
        assert write_value(empty, field(key)) == []
    assert fields_payload({"amount": empty, "labels": empty}, SCHEMA, creating=False) == {
        "amount": [],
        "labels": [],
    }
    assert write_value("", field("title")) == []


def test_write_value_is_idempotent_on_write_shapes() -> None:
    for key, value, _ in ROUND_TRIPS:
        once = write_value(value, field(key))
        assert write_value(once, field(key)) == once, key


def test_read_to_write_copies_stored_values_of_every_sample_type() -> None:
    item = sample("item-get-all-fields.json")
    for data in item["fields"]:
        target = SchemaField.from_api(data)
        if target.read_only:
            with pytest.raises(ValueError, match="read-only"):
                read_to_write(target, data["values"])
            continue
        written = read_to_write(target, data["values"])
        assert written and write_value(written, target) == written, data["external_id"]
    money = next(f for f in item["fields"] if f["type"] == "money")
    assert read_to_write(SchemaField.from_api(money), money["values"]) == [
        {"value": "100.0000", "currency": "USD"}
    ]


def test_expected_read_values_agree_with_what_podio_stores() -> None:
    for key, value, expected in ROUND_TRIPS:
        target = field(key)
        if target.type in {"app", "contact", "image", "file", "video", "embed", "location"}:
            continue  # Podio adds what only it knows (titles, names, geocoding)
        written = write_value(value, target)
        mine = parse_values(
            target.type, expected_read_values(target, written, tz=BERLIN_WINTER), target.settings
        )
        if not target.multiple:
            mine = mine[0] if mine else None
        assert mine == expected, key


def test_fields_payload_normalises_keys_to_external_ids() -> None:
    payload = fields_payload(
        {"title": "T", 3: 12, "Status": "Done", "PRICE": Money("1", "EUR")},
        EVERY_TYPE_APP,
        creating=True,
    )
    assert payload == {
        "title": [{"value": "T"}],
        "amount": [{"value": "12"}],
        "status": [{"value": 3}],
        "price": [{"value": "1", "currency": "EUR"}],
    }


def test_fields_payload_refuses_unknown_fields_with_close_matches() -> None:
    with pytest.raises(FieldValueError) as error:
        fields_payload({"title": "x", "stauts": "Done"}, SCHEMA, creating=False)
    assert error.value.field == "stauts" and error.value.choices[0] == "status"
    assert "did you mean 'status'" in str(error.value) and "app 777" in str(error.value)


def test_fields_payload_checks_required_fields_and_duplicates() -> None:
    with pytest.raises(
        FieldValueError, match="required to create an item; missing required: title"
    ):
        fields_payload({"amount": 1}, SCHEMA, creating=True)
    with pytest.raises(FieldValueError, match="required and cannot be left empty") as cleared:
        fields_payload({"title": None}, SCHEMA, creating=False)
    assert cleared.value.field == "title"
    assert fields_payload({"amount": 1}, SCHEMA, creating=False) == {"amount": [{"value": "1"}]}
    with pytest.raises(FieldValueError, match="same field as 'amount'"):
        fields_payload({"amount": 1, 3: 2}, SCHEMA, creating=False)
    with pytest.raises(FieldValueError, match="field keys are"):
        fields_payload({1.5: 1}, SCHEMA, creating=False)  # type: ignore[dict-item]


def test_fields_payload_refuses_calculations_and_shared_labels() -> None:
    with pytest.raises(FieldValueError, match="calculation"):
        fields_payload({"total": 1}, SCHEMA, creating=False)
    app = sample("app-get-all-fields-2014.json")
    with pytest.raises(FieldValueError, match="shared by fields 'contact', 'contact-2'"):
        fields_payload({"Contact": 1}, app, creating=False)


def test_without_a_definition_typed_values_convert_and_the_rest_passes_through() -> None:
    payload = fields_payload(
        {
            "price": Money("2.50", "EUR"),
            "due": (dt.date(2026, 1, 1), dt.date(2026, 1, 2)),
            "when": AWARE,
            "status": [CategoryOption(3), 4],
            "ref": ItemRef(9),
            "item": _Item(10),
            "who": ProfileRef(profile_id=11),
            "effort": dt.timedelta(minutes=2),
            "mail": TypedValue("work", "a@b.c"),
            "amount": Decimal("1.10"),
            "text": "plain",
            123: "by id",
            "raw": {"value": "x"},
            "gone": None,
        },
        None,
        creating=True,
    )
    assert payload == {
        "price": [{"value": "2.50", "currency": "EUR"}],
        "due": [{"start_date": "2026-01-01", "end_date": "2026-01-02"}],
        "when": [{"start_utc": "2026-12-01 14:00:00"}],
        "status": [{"value": 3}, 4],
        "ref": [{"value": 9}],
        "item": [{"value": 10}],
        "who": [{"value": 11}],
        "effort": [{"value": 120}],
        "mail": [{"type": "work", "value": "a@b.c"}],
        "amount": ["1.10"],
        "text": ["plain"],
        "123": ["by id"],
        "raw": [{"value": "x"}],
        "gone": [],
    }
    with pytest.raises(FieldValueError, match="without knowing the field's type"):
        fields_payload({"x": object()}, None, creating=False)


def test_a_schema_built_from_item_fields_converts_known_fields_and_passes_others() -> None:
    item = sample("item-get-all-fields.json")
    schema = AppSchema.from_item_fields(item["fields"])
    payload = fields_payload({"category": "b", "unknown-field": 3}, schema, creating=True)
    assert payload == {"category": [{"value": 2}], "unknown-field": [3]}


def test_money_takes_the_only_allowed_currency_when_none_is_given() -> None:
    only_eur = SchemaField.from_api(
        {
            "external_id": "fee",
            "type": "money",
            "config": {"settings": {"allowed_currencies": ["EUR"]}},
        }
    )
    assert write_value("12.5", only_eur) == [{"value": "12.5", "currency": "EUR"}]


def test_email_kind_defaults_to_other_or_the_fields_first_kind() -> None:
    assert write_value("a@b.com", field("mail")) == [{"type": "other", "value": "a@b.com"}]
    assert write_value("+45", field("phone")) == [{"type": "mobile", "value": "+45"}]
    assert write_value(("a@b.com", "c@d.com"), field("mail")) == [
        {"type": "other", "value": "a@b.com"},
        {"type": "other", "value": "c@d.com"},
    ]


def test_values_without_json_form_for_a_type_no_writer_knows_are_field_value_errors() -> None:
    """A field type without a writer (``tel``, one Podio adds later) passed values through
    `to_jsonable`, whose TypeError escaped: write_value documents FieldValueError only."""
    field = SchemaField.from_api({"field_id": 7, "external_id": "fax", "type": "tel"})
    assert write_value(["+45 1234"], field) == ["+45 1234"]
    for value in (TypedValue("work", "+45 1234"), object(), [Location(value="Here")]):
        with pytest.raises(FieldValueError, match=r"field 'fax': cannot send a \w+ to a field of"):
            write_value(value, field)


def test_a_value_nested_deeper_than_python_recurses_is_a_field_value_error() -> None:
    deep: list[object] = []
    for _ in range(500):
        deep = [deep]
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)  # what a deeper value meets at the default limit
    try:
        with pytest.raises(FieldValueError, match="nested too deeply"):
            write_value({"value": deep}, field_type="newtype")
    finally:
        sys.setrecursionlimit(limit)
