"""Writing values in every shape, the stored form, the read form, and Podio's refusals."""

from __future__ import annotations

from typing import Any

import pytest

from podio_emulator.fieldtypes import (
    AppField,
    Context,
    InvalidValue,
    apply_values,
    derive_title,
    parse_field_value,
    render_field_values,
    render_item_fields,
)

from .fieldtypes_support import MemoryResolver, build_fields, ctx_for


@pytest.fixture
def resolver() -> MemoryResolver:
    r = MemoryResolver()
    r.apps[7] = {"app_id": 7, "name": "Projects"}
    r.add_item(501, 7, "Moon landing")
    r.add_item(502, 7, "Mars")
    r.add_item(900, 8, "Elsewhere")
    r.profiles[11] = {"profile_id": 11, "user_id": 1, "name": "Ada", "type": "user"}
    r.profiles[12] = {"profile_id": 12, "user_id": None, "name": "ACME", "type": "space"}
    r.users.add(1)
    r.add_file(301, "image/png", "a.png")
    r.add_file(302, "application/pdf", "b.pdf")
    r.add_file(303, "video/mp4", "c.mp4")
    r.add_embed(401, "https://example.com/")
    return r


SPECS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "number", "config": {"label": "Number"}},
    {"type": "money", "config": {"label": "Money"}},
    {"type": "progress", "config": {"label": "Progress"}},
    {"type": "duration", "config": {"label": "Duration"}},
    {"type": "date", "config": {"label": "Date"}},
    {"type": "category", "config": {"label": "Category", "settings": {
        "options": ["A", "B", "C"], "multiple": True}}},
    {"type": "question", "config": {"label": "Question", "settings": {"options": ["Y", "N"]}}},
    {"type": "app", "config": {"label": "Project", "settings": {"referenceable_types": [7]}}},
    {"type": "contact", "config": {"label": "Owner"}},
    {"type": "member", "config": {"label": "Member"}},
    {"type": "image", "config": {"label": "Image"}},
    {"type": "file", "config": {"label": "File"}},
    {"type": "video", "config": {"label": "Video"}},
    {"type": "embed", "config": {"label": "Link"}},
    {"type": "location", "config": {"label": "Where"}},
    {"type": "email", "config": {"label": "Email"}},
    {"type": "phone", "config": {"label": "Phone"}},
    {"type": "tel", "config": {"label": "Tel"}},
    {"type": "tag", "config": {"label": "Organization"}},
    {"type": "state", "config": {"label": "State", "settings": {
        "allowed_values": ["active", "inactive"]}}},
    {"type": "media", "config": {"label": "Media"}},
    {"type": "hologram", "config": {"label": "Holo"}},
    {"type": "separator", "config": {"label": "Sep"}},
    {"type": "calculation", "config": {"label": "Total", "settings": {
        "script": "@[Number](field_1001) * 2 + @[Money](field_1002)"}}},
]  # fmt: skip


@pytest.fixture
def fields(resolver: MemoryResolver) -> dict[str, AppField]:
    return {f.external_id: f for f in build_fields(SPECS, resolver)}


# (external_id, plain value, expected stored, expected read) per type
ROUND_TRIPS: list[tuple[str, Any, list[dict[str, Any]], list[dict[str, Any]]]] = [
    ("title", "Hello", [{"value": "Hello"}], [{"value": "Hello"}]),
    ("number", 12.5, [{"value": "12.5000"}], [{"value": "12.5000"}]),
    ("progress", 42, [{"value": 42}], [{"value": 42}]),
    ("duration", 93784, [{"value": 93784}], [{"value": 93784}]),
    ("category", 2, [{"value": 2}],
     [{"value": {"id": 2, "text": "B", "status": "active", "color": "DCEBD8"}}]),
    ("question", 1, [{"value": 1}],
     [{"value": {"id": 1, "text": "Y", "status": "active", "color": "DCEBD8"}}]),
    ("project", 501, [{"value": 501}],
     [{"value": {"item_id": 501, "app_item_id": 1, "title": "Moon landing",
                 "app": {"app_id": 7}}}]),
    ("owner", 11, [{"value": 11}],
     [{"value": {"profile_id": 11, "user_id": 1, "name": "Ada", "type": "user"}}]),
    ("member", 1, [{"value": 1}], [{"value": 1}]),
    ("organization", "ACME Inc", [{"value": "ACME Inc"}], [{"value": "ACME Inc"}]),
    ("state", "active", [{"value": "active"}], [{"value": "active"}]),
    ("holo", "anything", [{"value": "anything"}], [{"value": "anything"}]),
]  # fmt: skip


def _shapes(plain: Any, primary: str = "value") -> list[Any]:
    """The four write shapes of fields.md §2.3 for one plain value."""
    return [[{primary: plain}], [plain], {primary: plain}, plain]


@pytest.mark.parametrize(("key", "plain", "stored", "read"), ROUND_TRIPS)
def test_every_write_shape_stores_and_reads_the_same(
    fields: dict[str, AppField],
    resolver: MemoryResolver,
    key: str,
    plain: Any,
    stored: list[dict[str, Any]],
    read: list[dict[str, Any]],
) -> None:
    ctx = ctx_for(resolver)
    for written in _shapes(plain):
        values = parse_field_value(fields[key], written, ctx)
        assert values == stored, written
        assert render_field_values(fields[key], values, ctx) == read


def test_money_round_trip(fields: dict[str, AppField]) -> None:
    ctx = ctx_for()
    for written in (
        {"value": "123.45", "currency": "EUR"},
        [{"value": 123.45, "currency": "EUR"}],
    ):
        stored = parse_field_value(fields["money"], written, ctx)
        assert stored == [{"value": "123.4500", "currency": "EUR"}]
        assert render_field_values(fields["money"], stored, ctx) == [
            {"value": "123.4500", "currency": "EUR"}
        ]


def test_files_and_embeds_read_as_file_and_embed_objects(
    fields: dict[str, AppField], resolver: MemoryResolver
) -> None:
    ctx = ctx_for(resolver)
    image = parse_field_value(fields["image"], [301], ctx)
    assert render_field_values(fields["image"], image, ctx)[0]["value"]["name"] == "a.png"
    assert "created_on" not in render_field_values(fields["image"], image, ctx)[0]["value"]
    assert parse_field_value(fields["file"], {"value": 302}, ctx) == [{"value": 302}]
    assert parse_field_value(fields["video"], 303, ctx) == [{"value": 303}]
    link = parse_field_value(fields["link"], {"embed": 401, "file": 301}, ctx)
    assert link == [{"embed": 401, "file": 301}]
    (read,) = render_field_values(fields["link"], link, ctx)
    assert read["embed"]["original_url"] == "https://example.com/"
    assert set(read["file"]) == {
        "file_id", "link", "thumbnail_link", "hosted_by", "hosted_by_humanized_name",
        "external_file_id", "link_target",
    }  # fmt: skip
    # podio-objc sends the URL itself; the embed is created through the resolver
    by_url = parse_field_value(fields["link"], {"url": "https://podio.com/x"}, ctx)
    assert resolver.embeds[by_url[0]["embed"]]["original_url"] == "https://podio.com/x"
    assert parse_field_value(fields["media"], 401, ctx) == [{"embed": 401, "file": None}]


def test_location_keeps_structured_parts(fields: dict[str, AppField]) -> None:
    ctx = ctx_for()
    stored = parse_field_value(
        fields["where"], {"value": "Paris", "city": "Paris", "lat": 48.85, "lng": 2.29}, ctx
    )
    (read,) = render_field_values(fields["where"], stored, ctx)
    assert read == {
        "value": "Paris", "formatted": "Paris", "street_address": None, "city": "Paris",
        "state": None, "postal_code": None, "country": None, "lat": 48.85, "lng": 2.29,
        "map_in_sync": True,
    }  # fmt: skip
    plain = parse_field_value(fields["where"], "15 W. 13th st., new york, ny", ctx)
    assert render_field_values(fields["where"], plain, ctx)[0]["map_in_sync"] is False


def test_typed_lists(fields: dict[str, AppField]) -> None:
    ctx = ctx_for()
    stored = parse_field_value(
        fields["email"],
        [{"type": "work", "value": "a@b.com"}, {"type": "home", "value": "c@d.org"}],
        ctx,
    )
    assert render_field_values(fields["email"], stored, ctx) == [
        {"type": "work", "value": "a@b.com"},
        {"type": "home", "value": "c@d.org"},
    ]
    assert parse_field_value(fields["phone"], "+4512345678", ctx) == [
        {"type": "other", "value": "+4512345678"}
    ]
    assert parse_field_value(fields["tel"], {"type": "mobile", "value": "1"}, ctx) == [
        {"type": "mobile", "value": "1"}
    ]


def test_multiple_values_and_duplicates(
    fields: dict[str, AppField], resolver: MemoryResolver
) -> None:
    ctx = ctx_for(resolver)
    assert parse_field_value(fields["category"], [1, 3, 1], ctx) == [{"value": 1}, {"value": 3}]
    assert parse_field_value(fields["project"], [501, 502], ctx) == [
        {"value": 501},
        {"value": 502},
    ]
    # Clients send back what they read: the read shape of a category value is accepted.
    read_back = {"value": {"id": 3, "text": "C", "status": "active", "color": "DCEBD8"}}
    assert parse_field_value(fields["category"], [read_back], ctx) == [{"value": 3}]


@pytest.mark.parametrize("empty", [[], None])
def test_empty_list_or_null_clears(fields: dict[str, AppField], empty: Any) -> None:
    ctx = ctx_for()
    values, _ = apply_values(list(fields.values()), {"title": "x", "number": 3}, ctx)
    cleared, changed = apply_values(list(fields.values()), {"number": empty}, ctx, existing=values)
    assert fields["number"].field_id not in cleared
    assert fields["number"].field_id in changed
    assert cleared[fields["title"].field_id] == [{"value": "x"}]


ERRORS: list[tuple[str, Any, str]] = [
    ("title", 5, 'Invalid value 5 (integer): must be string'),
    ("number", "abc", 'Invalid value "abc" (string): must be number'),
    ("number", True, "Invalid value true (boolean): must be number"),
    ("number", [1, 2], "Invalid value [1,2] (array): must not have more than one value"),
    ("progress", 101, "Invalid value 101 (integer): must not be greater than 100"),
    ("progress", -1, "Invalid value -1 (integer): must not be less than 0"),
    ("progress", "50", 'Invalid value "50" (string): must be integer'),
    ("duration", -5, "Invalid value -5 (integer): must not be less than 0"),
    ("money", {"value": 5, "currency": "GBP"}, 'Invalid value "GBP" (string): must be one of '
     "USD, EUR"),
    ("money", 5, 'Invalid value {"value":5} (object): currency must be set'),
    ("category", 9, "Invalid value 9 (integer): must be one of 1, 2, 3"),
    ("category", "A", 'Invalid value "A" (string): must be integer'),
    ("question", [1, 2], "Invalid value [1,2] (array): must not have more than one value"),
    ("project", 900, "Invalid value 900 (integer): must be an item of one of the referenced "
     "apps"),
    ("project", 999, "Invalid value 999 (integer): No item found"),
    ("owner", 77, "Invalid value 77 (integer): No profile found"),
    ("owner", 12, "Invalid value 12 (integer): must be a contact of type user"),
    ("member", 2, "Invalid value 2 (integer): No user found"),
    ("image", 302, "Invalid value 302 (integer): must be a file of type image/*"),
    ("file", 999, "Invalid value 999 (integer): No file found"),
    ("link", 999, "Invalid value 999 (integer): No embed found"),
    ("where", {"lat": 100, "lng": 1}, "Invalid value 100 (integer): must be between -90 and 90"),
    ("email", "nope", 'Invalid value "nope" (string): must be a valid e-mail address'),
    ("email", {"type": "fax", "value": "a@b.c"}, 'Invalid value "fax" (string): must be one of'),
    ("state", "gone", 'Invalid value "gone" (string): must be one of active, inactive'),
    ("total", 5, "Invalid value 5 (integer): calculation fields are read-only"),
    ("sep", "x", 'Invalid value {"value":"x"} (object): separator fields hold no value'),
    ("date", "2016-13-01", 'Invalid value "2016-13-01" (string): must be a valid date'),
    ("date", "tomorrow", 'Invalid value "tomorrow" (string): must be a date (YYYY-MM-DD)'),
    ("date", {"start": "2016-06-24", "end": "2016-06-20"},
     'Invalid value {"start":"2016-06-24","end":"2016-06-20"} (object): end must not be before'),
    ("date", {"end": "2016-06-20"},
     'Invalid value {"end":"2016-06-20"} (object): must have a start date'),
]  # fmt: skip


@pytest.mark.parametrize(("key", "written", "message"), ERRORS)
def test_bad_values_are_refused_with_podio_wording(
    fields: dict[str, AppField], resolver: MemoryResolver, key: str, written: Any, message: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_field_value(fields[key], written, ctx_for(resolver))
    assert caught.value.description.startswith(message)
    assert caught.value.status == 400
    assert caught.value.error == "invalid_value"
    # Podio's message quotes the value, never the field (errors.md §3).
    assert fields[key].label not in caught.value.description


def test_unknown_field_key_is_refused_like_podio(fields: dict[str, AppField]) -> None:
    with pytest.raises(InvalidValue, match=r'^Invalid value "208483992" \(string\): No field'):
        apply_values(list(fields.values()), {"208483992": "x"}, ctx_for())


def test_array_form_with_field_ids_and_external_ids(fields: dict[str, AppField]) -> None:
    values, _ = apply_values(
        list(fields.values()),
        [
            {"external_id": "title", "values": [{"value": "Hi"}]},
            {"field_id": fields["number"].field_id, "values": [7]},
        ],
        ctx_for(),
    )
    assert values[fields["title"].field_id] == [{"value": "Hi"}]
    assert values[fields["number"].field_id] == [{"value": "7.0000"}]
    with pytest.raises(InvalidValue, match=r'^Invalid value \["Test"\] \(array\): must be object'):
        apply_values(list(fields.values()), ["Test"], ctx_for())


def test_field_ids_work_as_keys_as_strings_and_ints(fields: dict[str, AppField]) -> None:
    number = fields["number"]
    for key in (str(number.field_id), number.field_id):
        values, _ = apply_values(list(fields.values()), {key: 1}, ctx_for())
        assert values[number.field_id] == [{"value": "1.0000"}]


def test_required_fields_must_be_set_on_create_and_cannot_be_cleared() -> None:
    fields = build_fields(
        [
            {"type": "text", "config": {"label": "Title", "required": True}},
            {"type": "number", "config": {"label": "N"}},
        ]
    )
    ctx = ctx_for()
    with pytest.raises(InvalidValue, match=r"^Invalid value null \(null\): must be set"):
        apply_values(fields, {"n": 1}, ctx)
    values, _ = apply_values(fields, {"title": "x"}, ctx)
    apply_values(fields, {"n": 2}, ctx, existing=values)  # untouched required field is fine
    with pytest.raises(InvalidValue, match="must be set"):
        apply_values(fields, {"title": []}, ctx, existing=values)


def test_default_values_fill_unwritten_fields_on_create() -> None:
    fields = build_fields(
        [
            {"type": "text", "config": {"label": "Title"}},
            {
                "type": "category",
                "config": {"label": "S", "default_value": 2, "settings": {"options": ["a", "b"]}},
            },
        ]
    )
    values, _ = apply_values(fields, {"title": "x"}, ctx_for())
    assert values[1001] == [{"value": 2}]
    values, _ = apply_values(fields, {"title": "x", "s": 1}, ctx_for())
    assert values[1001] == [{"value": 1}]


def test_update_changes_only_given_fields_and_reports_changes(
    fields: dict[str, AppField],
) -> None:
    ctx = ctx_for()
    every = list(fields.values())
    values, changed = apply_values(every, {"title": "a", "number": 2}, ctx)
    total = fields["total"].field_id
    assert values[total] == [{"value": "4.0000"}]
    assert changed == {fields["title"].field_id, fields["number"].field_id, total}
    again, changed = apply_values(every, {"number": 2.0}, ctx, existing=values)
    assert again == values
    assert changed == set()
    newer, changed = apply_values(every, {"number": 5}, ctx, existing=values)
    assert newer[total] == [{"value": "10.0000"}]
    assert changed == {fields["number"].field_id, total}
    assert newer[fields["title"].field_id] == [{"value": "a"}]


def test_title_comes_from_the_first_text_field_or_the_item_name() -> None:
    fields = build_fields(
        [
            {"type": "number", "config": {"label": "N"}},
            {"type": "text", "config": {"label": "Body", "settings": {"size": "large"}}},
            {"type": "text", "config": {"label": "Second"}},
        ]
    )
    values, _ = apply_values(
        fields, {"body": "<p>Hello <b>world</b></p>", "second": "s"}, ctx_for()
    )
    assert derive_title(fields, values, item_name="Task", app_item_id=4) == "Hello world"
    values, _ = apply_values(fields, {"second": "s", "n": 1}, ctx_for())
    assert derive_title(fields, values, item_name="Task", app_item_id=4) == "Task 4"


def test_item_fields_list_only_fields_with_values_in_app_order(
    fields: dict[str, AppField], resolver: MemoryResolver
) -> None:
    ctx = ctx_for(resolver)
    values, _ = apply_values(list(fields.values()), {"progress": 3, "title": "x"}, ctx)
    full = render_item_fields(list(fields.values()), values, ctx)
    assert [f["external_id"] for f in full] == ["title", "progress"]
    assert set(full[0]) == {"field_id", "external_id", "type", "label", "status", "config",
                            "values"}  # fmt: skip
    short = render_item_fields(list(fields.values()), values, ctx, view="short")
    assert set(short[0]) == {"field_id", "external_id", "type", "label", "config", "values"}
    assert set(short[0]["config"]) == {"label", "settings", "mapping"}


def test_references_to_deleted_objects_disappear_from_reads(
    fields: dict[str, AppField], resolver: MemoryResolver
) -> None:
    ctx = Context(resolver=resolver)
    stored = parse_field_value(fields["project"], [501, 502], ctx)
    del resolver.items[502]
    assert [v["value"]["item_id"] for v in render_field_values(fields["project"], stored, ctx)] == [
        501
    ]
