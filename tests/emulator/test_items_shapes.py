"""The emulator's item, filter, app and diff bodies have the keys and value types of the
captured Podio bodies (tests/emulator/samples, provenance in its README)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from podio_emulator import EmulatorHandle

from .fieldtypes_support import load_sample
from .items_support import Api, FakeFiles, api_for, fake_files, field_ids, new_app, new_space


def assert_like(ours: Any, sample: Any, path: str = "$") -> None:
    """Every key of ``sample`` is in ``ours``, recursively, with the same JSON type wherever
    both sides hold a value (``null`` on either side is accepted: data differ)."""
    if sample is None or ours is None:
        return
    if isinstance(sample, dict):
        assert isinstance(ours, dict), path
        missing = set(sample) - set(ours)
        assert not missing, f"{path}: missing {sorted(missing)}"
        for key, value in sample.items():
            assert_like(ours[key], value, f"{path}.{key}")
    elif isinstance(sample, list):
        assert isinstance(ours, list), path
        if sample and ours:
            assert_like(ours[0], sample[0], f"{path}[0]")
    else:
        assert _kind(ours) == _kind(sample), f"{path}: {_kind(ours)} != {_kind(sample)}"


def _kind(value: Any) -> str:
    """JSON kinds: Podio itself sends ``priority`` as 350017179.0 in one body and as
    577139125 in another, so integers and floats are both "number"."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


# The AllFields app of samples/item-get-all-fields.json, field by field
ALL_FIELDS = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "text", "config": {"label": "Text", "settings": {"size": "large"}}},
    {"type": "phone", "config": {"label": "Phone"}},
    {"type": "email", "config": {"label": "Email"}},
    {"type": "category", "config": {"label": "Category", "settings": {
        "options": ["A", "B", "C"]}}},
    {"type": "text", "config": {"label": "Numberish"}},
    {"type": "date", "config": {"label": "Date"}},
    {"type": "date", "config": {"label": "Date2", "settings": {"end": "required"}}},
    {"type": "contact", "config": {"label": "Contact"}},
    {"type": "number", "config": {"label": "Number"}},
    {"type": "image", "config": {"label": "Image", "settings": {
        "allowed_mimetypes": ["image/png"]}}},
    {"type": "money", "config": {"label": "Money"}},
    {"type": "embed", "config": {"label": "Link"}},
]  # fmt: skip


@pytest.fixture
def files() -> Iterator[FakeFiles]:
    with fake_files() as fake:
        fake.add_file(6_000_000_001, "a1.jpeg", "image/jpeg")
        fake.add_file(6_000_000_002, "thumb.png", "image/png")
        yield fake


@pytest.fixture
def setup(podio_emulator: EmulatorHandle, files: FakeFiles) -> dict[str, Any]:
    api = api_for(podio_emulator)
    space_id = new_space(api)
    app_id = new_app(api, space_id, ALL_FIELDS, name="AllFields", item_name="Merge")
    api.ok(
        "POST",
        f"/app/{app_id}/field/",
        json={
            "type": "app",
            "config": {
                "label": "Relationship",
                "settings": {"referenced_apps": [{"app_id": app_id}]},
            },
        },
    )
    ids = field_ids(api, app_id)
    api.ok(
        "POST",
        f"/app/{app_id}/field/",
        json={
            "type": "calculation",
            "config": {
                "label": "Calculation",
                "settings": {
                    "script": f"var a = @[Number](field_{ids['number']});\nparseInt(a, 10);"
                },
            },
        },
    )
    first = api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": "sadf 41`"}})
    # Profile fields show in contact values only when set, as in the captured contact
    r = api.put(
        "/user/profile/",
        json={
            "location": ["Raleigh"],
            "phone": ["9197936102"],
            "title": ["Engineer"],
            "twitter": "@me",
            "url": ["http://example.com/"],
        },
    )
    assert r.status_code in (200, 204), r.text
    profile_id = api.ok("GET", "/user/status")["profile"]["profile_id"]
    second = api.ok("POST", f"/item/app/{app_id}/", json={"fields": {
        "title": "incom",
        "text": "<p>sadfas</p>",
        "phone": [{"type": "work", "value": "+19197936102"}],
        "email": [{"type": "work", "value": "hhah@podio.com"}],
        "category": 3,
        "numberish": "1012312312313123123123123123123123123123123",
        "date": {"start": "2016-06-24 15:00:00", "end": "2016-06-30 16:00:00"},
        "date2": {"start": "2017-03-08 12:00:00", "end": "2017-03-18 13:00:00"},
        "relationship": [first["item_id"]],
        "contact": profile_id,
        "number": 111,
        "image": 6_000_000_001,
        "money": {"value": 100, "currency": "USD"},
        "link": {"url": "https://google.com/", "file": 6_000_000_002},
    }})  # fmt: skip
    api.ok("PUT", f"/item/{second['item_id']}", json={"fields": {"number": 112}})
    return {"api": api, "app_id": app_id, "first": first["item_id"], "second": second["item_id"]}


def test_full_item_has_the_keys_of_the_captured_item(setup: dict[str, Any]) -> None:
    api: Api = setup["api"]
    sample = load_sample("item-get-all-fields.json")
    ours = api.ok("GET", f"/item/{setup['second']}")
    assert set(ours) == set(sample)
    sample_fields = {f["external_id"]: f for f in sample["fields"]}
    our_fields = {f["external_id"]: f for f in ours["fields"]}
    # The sample's "calculation-3" aggregates incoming references with a function literal,
    # which the emulator does not evaluate (README); every other field is there.
    assert set(our_fields) == set(sample_fields) - {"calculation-3"}
    for external_id, got in our_fields.items():
        expected = sample_fields[external_id]
        assert set(got) == set(expected), external_id
        assert set(got["config"]) == set(expected["config"]), external_id
        assert_like(got, expected, external_id)
    # The whole item, comments and files aside (none here), matches key for key
    assert_like({**ours, "fields": []}, {**sample, "fields": [], "comments": [], "files": []})
    target = api.ok("GET", f"/item/{setup['first']}")
    assert target["refs"], "the referenced item lists its incoming reference"
    assert_like(target["refs"], sample["refs"])


def test_other_full_items_match_too(setup: dict[str, Any]) -> None:
    ours = setup["api"].ok("GET", f"/item/{setup['second']}")
    for name in ("item-get-basic-fields.json", "item-get-progress-location-duration.json"):
        sample = load_sample(name)
        extra = set(ours) - set(sample)
        assert extra <= {"sharefile_vault_url", "sharefile_vault_folder_id"}, name
        assert set(sample) - set(ours) <= {"pinned"}, name


def test_filter_body_has_the_keys_of_the_captured_filter(setup: dict[str, Any]) -> None:
    api: Api = setup["api"]
    sample = load_sample("item-filter.json")
    ours = api.ok("POST", f"/item/app/{setup['app_id']}/filter/", json={"sort_by": "title"})
    assert set(ours) == set(sample)
    (item,) = [i for i in ours["items"] if i["item_id"] == setup["second"]]
    assert set(item) == set(sample["items"][0])
    assert_like({**item, "fields": []}, {**sample["items"][0], "fields": []})
    by_type: dict[str, dict[str, Any]] = {f["type"]: f for f in item["fields"]}
    for expected in sample["items"][0]["fields"]:
        got = by_type[expected["type"]]
        assert set(got) == set(expected)
        assert set(got["config"]) == set(expected["config"])
        assert_like(got, expected, expected["label"])


def test_app_body_has_the_keys_of_the_captured_app(setup: dict[str, Any]) -> None:
    ours = setup["api"].ok("GET", f"/app/{setup['app_id']}")
    sample = load_sample("app-get-all-fields-2014.json")
    # The 2016 capture (app-get-large.json) adds layouts and default_view_id
    assert set(ours) == set(sample) | {"layouts", "default_view_id"}
    assert_like({**ours, "fields": []}, {**sample, "fields": []})
    assert set(ours["config"]) == set(sample["config"])
    by_type = {f["type"]: f for f in ours["fields"]}
    for expected in sample["fields"]:
        got = by_type.get(expected["type"])
        if got is None:
            continue  # location, duration, progress: covered by the engine tests
        assert set(got) == set(expected)
        assert set(expected["config"]) <= set(got["config"])
        assert set(expected["config"]["settings"] or {}) <= set(got["config"]["settings"] or {}), (
            expected["type"]
        )


def test_revision_diff_has_the_keys_of_the_captured_diff(setup: dict[str, Any]) -> None:
    sample = load_sample("item-revision-diff.json")
    ours = setup["api"].ok("GET", f"/item/{setup['second']}/revision/0/1")
    assert [d["label"] for d in ours] == ["Number", "Calculation"]
    for entry in ours:
        assert set(entry) == {*sample[0], "external_id"}
    number = next(e for e in sample if e["type"] == "number")
    assert_like(ours[0], number)
