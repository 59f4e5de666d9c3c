"""App field definitions: defaults as Podio shows them, external ids, validation."""

from __future__ import annotations

from typing import Any

import pytest

from podio_emulator.fieldtypes import (
    FIELD_TYPES,
    InvalidValue,
    new_field,
    render_field,
    slugify,
    unique_external_id,
    update_field,
)

from .fieldtypes_support import MemoryResolver, build_fields, ctx_for

EXPECTED_SETTINGS: dict[str, Any] = {
    "text": {"size": "small", "format": "plain"},
    "number": {"decimals": 0},
    "money": {"allowed_currencies": ["USD", "EUR"]},
    "progress": None,
    "duration": {"fields": ["days", "hours", "minutes", "seconds"]},
    "date": {"calendar": True, "end": "enabled", "time": "enabled", "color": "DCEBD8"},
    "category": {"options": [], "multiple": False, "display": "inline"},
    "question": {"options": [], "multiple": False, "display": "inline"},
    "app": {"referenced_apps": [], "multiple": True, "referenceable_types": []},
    "contact": {"type": "space_users", "valid_types": ["user"]},
    "member": None,
    "image": {"allowed_mimetypes": ["image/*"]},
    "file": {"allowed_mimetypes": []},
    "video": {"allowed_mimetypes": ["video/*"]},
    "embed": None,
    "media": None,
    "location": {"structured": False, "has_map": True},
    "calculation": {
        "script": "",
        "return_type": "number",
        "decimals": 2,
        "unit": None,
        "time": None,
        "calendar": None,
        "color": None,
        "expression": None,
    },
    "email": {
        "possible_types": ["work", "home", "other"],
        "include_in_cc": False,
        "include_in_bcc": False,
    },
    "phone": {
        "possible_types": ["mobile", "work", "home", "main", "work_fax", "private_fax", "other"],
        "call_link_scheme": "callto",
    },
    "tel": {
        "possible_types": ["mobile", "work", "home", "main", "work_fax", "private_fax", "other"],
        "call_link_scheme": "callto",
    },
    "tag": None,
    "state": {"allowed_values": []},
    "separator": None,
}


def test_every_documented_type_is_known() -> None:
    assert set(FIELD_TYPES) == set(EXPECTED_SETTINGS)


@pytest.mark.parametrize("kind", sorted(EXPECTED_SETTINGS))
def test_new_field_gets_podio_defaults(kind: str) -> None:
    """A field created with a type and a label shows every config key with its default."""
    (field,) = build_fields([{"type": kind, "config": {"label": "My Field"}}])
    assert field.as_dict() == {
        "field_id": 1000,
        "external_id": "my-field",
        "type": kind,
        "label": "My Field",
        "status": "active",
        "config": {
            "label": "My Field",
            "description": None,
            "delta": 0,
            "settings": EXPECTED_SETTINGS[kind],
            "required": False,
            "unique": False,
            "visible": True,
            "hidden": False,
            "hidden_create_view_edit": False,
            "mapping": None,
            "default_value": None,
        },
    }


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Progress slider", "progress-slider"),
        ("Google Maps", "google-maps"),
        ("test label2", "test-label2"),
        ("Leads &amp; Clients", "leads-clients"),
        ("Société Générale", "societe-generale"),
        ("  --Hello,   World!!  ", "hello-world"),
    ],
)
def test_slugify_follows_podio_external_ids(label: str, slug: str) -> None:
    assert slugify(label) == slug


def test_external_ids_stay_unique_within_the_app_including_deleted_fields() -> None:
    fields = build_fields([{"type": "text", "config": {"label": "Calculation"}}] * 3)
    assert [f.external_id for f in fields] == ["calculation", "calculation-2", "calculation-3"]
    assert unique_external_id("a", ["a", "a-2", "a-4"]) == "a-3"


def test_label_without_letters_falls_back_to_the_type() -> None:
    (field,) = build_fields([{"type": "number", "config": {"label": "???"}}])
    assert field.external_id == "number"


def test_requested_external_id_is_honoured_and_checked() -> None:
    (field,) = build_fields([{"type": "text", "external_id": "my_key", "config": {"label": "X"}}])
    assert field.external_id == "my_key"
    with pytest.raises(InvalidValue, match="must be unique within the app"):
        build_fields(
            [
                {"type": "text", "config": {"label": "a"}},
                {"type": "text", "external_id": "a", "config": {"label": "b"}},
            ]
        )


def test_delta_defaults_to_the_end_of_the_field_list() -> None:
    fields = build_fields(
        [
            {"type": "text", "config": {"label": "a", "delta": 5}},
            {"type": "text", "config": {"label": "b"}},
        ]
    )
    assert [f.delta for f in fields] == [5, 6]


def test_category_options_get_ids_status_and_colours() -> None:
    (field,) = build_fields(
        [
            {
                "type": "category",
                "config": {
                    "label": "Status",
                    "settings": {
                        "multiple": True,
                        "options": ["Open", {"text": "Done", "color": "#f7d1d0"}],
                    },
                },
            }
        ]
    )
    assert field.settings["options"] == [
        {"id": 1, "text": "Open", "status": "active", "color": "DCEBD8"},
        {"id": 2, "text": "Done", "status": "active", "color": "F7D1D0"},
    ]
    assert field.settings["multiple"] is True


def test_updating_category_options_keeps_ids_and_marks_removed_options_deleted() -> None:
    (field,) = build_fields(
        [{"type": "category", "config": {"label": "S", "settings": {"options": ["A", "B"]}}}]
    )
    updated = update_field(
        field,
        {"settings": {"options": [{"id": 2, "text": "B2"}, {"text": "C"}]}},
        fields=[field],
        resolver=MemoryResolver(),
    )
    assert updated.settings["options"] == [
        {"id": 2, "text": "B2", "status": "active", "color": "DCEBD8"},
        {"id": 3, "text": "C", "status": "active", "color": "DCEBD8"},
        {"id": 1, "text": "A", "status": "deleted", "color": "DCEBD8"},
    ]


def test_update_changes_only_given_config_keys() -> None:
    (field,) = build_fields(
        [{"type": "text", "config": {"label": "Title", "description": "d", "required": True}}]
    )
    updated = update_field(field, {"label": "Name"}, fields=[field], resolver=MemoryResolver())
    assert updated.label == "Name"
    assert updated.config["description"] == "d"
    assert updated.config["required"] is True
    assert updated.external_id == "title"  # the external id never follows the label


def test_app_reference_settings_accept_both_spellings() -> None:
    resolver = MemoryResolver()
    resolver.apps[7] = {"app_id": 7, "name": "Seven"}
    resolver.apps[8] = {"app_id": 8, "name": "Eight"}
    doc_form, dotnet_form = build_fields(
        [
            {
                "type": "app",
                "config": {
                    "label": "a",
                    "settings": {
                        "referenced_apps": [{"app_id": 7, "view_id": None}],
                        "multiple": False,
                    },
                },
            },
            {"type": "app", "config": {"label": "b", "settings": {"referenceable_types": [7, 8]}}},
        ],
        resolver,
    )
    assert doc_form.settings == {
        "referenced_apps": [{"app_id": 7, "view_id": None}],
        "multiple": False,
        "referenceable_types": [7],
    }
    assert dotnet_form.settings["referenced_apps"] == [
        {"app_id": 7, "view_id": None},
        {"app_id": 8, "view_id": None},
    ]
    assert dotnet_form.settings["referenceable_types"] == [7, 8]
    rendered = render_field(doc_form, ctx_for(resolver))["config"]["settings"]
    assert rendered["referenced_apps"][0]["app"] == {"app_id": 7, "name": "Seven"}
    assert rendered["referenced_apps"][0]["view"] is None
    assert rendered["apps"] == [{"app_id": 7, "name": "Seven"}]


def test_app_reference_to_an_unknown_app_is_refused() -> None:
    with pytest.raises(InvalidValue, match=r"Invalid value 99 \(integer\): No app found"):
        build_fields(
            [{"type": "app", "config": {"label": "a", "settings": {"referenceable_types": [99]}}}]
        )


def test_contact_valid_types_follow_the_contact_type() -> None:
    (field,) = build_fields(
        [{"type": "contact", "config": {"label": "c", "settings": {"type": "space_contacts"}}}]
    )
    assert field.settings == {"type": "space_contacts", "valid_types": ["space"]}


def test_calculation_return_type_is_inferred_from_the_script() -> None:
    fields = build_fields(
        [
            {"type": "text", "config": {"label": "Name"}},
            {"type": "number", "config": {"label": "N"}},
            {"type": "date", "config": {"label": "When"}},
            {
                "type": "calculation",
                "config": {"label": "t", "settings": {"script": "'Hi ' + @[Name](field_1000)"}},
            },
            {
                "type": "calculation",
                "config": {"label": "n", "settings": {"script": "@[N](field_1001) * 2"}},
            },
            {
                "type": "calculation",
                "config": {"label": "d", "settings": {"script": "@[When](field_1002)"}},
            },
        ]
    )
    assert [f.settings["return_type"] for f in fields[3:]] == ["text", "number", "date"]


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("1 +", "must be a valid script"),
        ("@[X](field_4242) + 1", r'Invalid value "field_4242" \(string\): No field found'),
        ("@[Me](field_1001) + 1", "must not refer to itself"),
    ],
)
def test_bad_calculation_scripts_are_refused(script: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        build_fields(
            [
                {"type": "number", "config": {"label": "N"}},
                {"type": "calculation", "config": {"label": "c", "settings": {"script": script}}},
            ]
        )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"type": "text", "config": {}}, r"Invalid value null \(null\): must be a non-empty"),
        ({"type": "text", "config": {"label": ""}}, "must be a non-empty string"),
        ({"type": 5, "config": {"label": "x"}}, r"Invalid value 5 \(integer\): must be a field"),
        ({"type": "text", "config": {"label": "x", "required": "yes"}}, "must be boolean"),
        ({"type": "text", "config": {"label": "x", "mapping": "nope"}}, "must be one of"),
        ({"type": "text", "config": {"label": "x", "settings": {"size": "huge"}}}, "must be one"),
        ({"type": "date", "config": {"label": "x", "settings": {"end": "maybe"}}}, "must be one"),
        (
            {
                "type": "money",
                "config": {"label": "x", "settings": {"allowed_currencies": ["usd1"]}},
            },
            "ISO 4217",
        ),
        (
            {"type": "category", "config": {"label": "x", "settings": {"options": [{"text": ""}]}}},
            "non-empty string",
        ),
        (
            {
                "type": "category",
                "config": {
                    "label": "x",
                    "settings": {"options": [{"id": 1, "text": "a"}, {"id": 1, "text": "b"}]},
                },
            },
            "must be unique",
        ),
        (
            {
                "type": "category",
                "config": {"label": "x", "settings": {"options": [f"o{i}" for i in range(201)]}},
            },
            "more than 200 options",
        ),
    ],
)
def test_bad_definitions_are_refused(body: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as caught:
        new_field(body, field_id=1, fields=[], resolver=MemoryResolver())
    assert caught.value.status == 400
    assert caught.value.error == "invalid_value"


def test_unknown_types_are_kept_with_their_settings() -> None:
    (field,) = build_fields([{"type": "hologram", "config": {"label": "H", "settings": {"x": 1}}}])
    assert field.type == "hologram"
    assert field.settings == {"x": 1}


def test_short_config_view_keeps_label_settings_and_mapping_only() -> None:
    (field,) = build_fields([{"type": "number", "config": {"label": "N"}}])
    assert render_field(field, ctx_for(), view="short")["config"] == {
        "label": "N",
        "settings": {"decimals": 0},
        "mapping": None,
    }
