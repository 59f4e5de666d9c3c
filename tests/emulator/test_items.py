"""Items over HTTP: every field type, updates, deletes, revisions, references, collections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.db import Event

from .items_support import (
    Api,
    FakeFiles,
    add_member,
    api_for,
    app_token_headers,
    build_world,
    captured_events,
    fake_files,
    new_app,
    new_space,
)


@pytest.fixture
def api(podio_emulator: EmulatorHandle) -> Api:
    return api_for(podio_emulator)


@pytest.fixture
def files() -> Iterator[FakeFiles]:
    with fake_files() as fake:
        fake.add_file(6_000_000_101, "photo.png", "image/png")
        fake.add_file(6_000_000_102, "report.pdf", "application/pdf")
        fake.add_file(6_000_000_103, "clip.mp4", "video/mp4")
        yield fake


@pytest.fixture
def events(podio_emulator: EmulatorHandle) -> Iterator[list[Event]]:
    """Every event the emulator publishes during the test."""
    with captured_events(podio_emulator) as seen:
        yield seen


def _item_events(events: list[Event]) -> list[tuple[str, int, dict[str, Any]]]:
    return [(e.type, e.ref_id, dict(e.data)) for e in events if e.type.startswith("item.")]


@pytest.fixture
def world(api: Api, files: FakeFiles) -> dict[str, Any]:
    return build_world(api)


def _values(item: dict[str, Any]) -> dict[str, list[Any]]:
    return {f["external_id"]: f["values"] for f in item["fields"]}


def test_every_field_type_round_trips_over_http(api: Api, world: dict[str, Any]) -> None:
    """Create with every type (in all write shapes), then read back the Podio read shapes."""
    body = {
        "external_id": "ext-1",
        "tags": ["alpha", "beta"],
        "fields": {
            "title": "Hello",
            "notes": {"value": "<p>Long <b>text</b></p>"},
            "amount": [12.5],
            "price": {"value": "99.95", "currency": "EUR"},
            "progress": [{"value": 40}],
            "duration": 3600,
            "due": {"start": "2024-05-01 10:00:00", "end": "2024-05-01 12:30:00"},
            "day": "2024-05-02",
            "status": 2,
            "areas": [1, 3],
            "answer": {"value": 1},
            "owner": [world["profile_id"]],
            "member": world["user_id"],
            "where": {"value": "Copenhagen", "lat": 55.67, "lng": 12.56},
            "email": [{"type": "work", "value": "a@example.com"}],
            "phone": "+4511223344",
            "tel": {"type": "mobile", "value": "+4599"},
            "organization": ["ACME"],
            "state": "on",
            "image": 6_000_000_101,
            "attachment": [{"value": 6_000_000_102}],
            "clip": 6_000_000_103,
            "link": {"url": "https://example.com/"},
            "media": "https://video.example.com/x",
            "holo": {"beam": 3},
            "project": world["project_item"],
        },
    }
    created = api.ok("POST", f"/item/app/{world['app_id']}/", json=body)
    item = api.ok("GET", f"/item/{created['item_id']}")
    assert item == {**created, "push": item["push"], "presence": item["presence"]}
    values = _values(item)
    assert values["title"] == [{"value": "Hello"}]
    assert values["notes"] == [{"value": "<p>Long <b>text</b></p>"}]
    assert values["amount"] == [{"value": "12.5000"}]
    assert values["price"] == [{"value": "99.9500", "currency": "EUR"}]
    assert values["progress"] == [{"value": 40}]
    assert values["duration"] == [{"value": 3600}]
    # the caller's zone is Europe/Copenhagen (UTC+2 in May)
    assert values["due"] == [
        {
            "start": "2024-05-01 10:00:00", "start_date": "2024-05-01",
            "start_time": "10:00:00", "start_utc": "2024-05-01 08:00:00",
            "start_date_utc": "2024-05-01", "start_time_utc": "08:00:00",
            "end": "2024-05-01 12:30:00", "end_date": "2024-05-01", "end_time": "12:30:00",
            "end_utc": "2024-05-01 10:30:00", "end_date_utc": "2024-05-01",
            "end_time_utc": "10:30:00",
        }
    ]  # fmt: skip
    assert values["day"][0]["start_date"] == "2024-05-02"
    assert values["day"][0]["start_time"] is None
    assert values["status"] == [
        {"value": {"id": 2, "text": "Doing", "status": "active", "color": "DCEBD8"}}
    ]
    assert [v["value"]["text"] for v in values["areas"]] == ["A", "C"]
    assert values["answer"][0]["value"]["text"] == "Yes"
    assert values["owner"][0]["value"]["profile_id"] == world["profile_id"]
    assert values["owner"][0]["value"]["type"] == "user"
    assert values["member"] == [{"value": world["user_id"]}]
    assert values["where"][0]["value"] == "Copenhagen"
    assert values["where"][0]["map_in_sync"] is True
    assert values["email"] == [{"type": "work", "value": "a@example.com"}]
    assert values["phone"] == [{"type": "other", "value": "+4511223344"}]
    assert values["tel"] == [{"type": "mobile", "value": "+4599"}]
    assert values["organization"] == [{"value": "ACME"}]
    assert values["state"] == [{"value": "on"}]
    assert values["image"][0]["value"]["name"] == "photo.png"
    assert values["attachment"][0]["value"]["file_id"] == 6_000_000_102
    assert values["clip"][0]["value"]["mimetype"] == "video/mp4"
    assert values["link"][0]["embed"]["original_url"] == "https://example.com/"
    assert values["link"][0]["file"] is None
    assert values["media"][0]["embed"]["hostname"] == "video.example.com"
    assert values["holo"] == [{"beam": 3}]
    project = values["project"][0]["value"]
    assert (project["item_id"], project["title"]) == (world["project_item"], "Apollo")
    assert project["app"]["app_id"] == world["projects"]
    assert values["total"] == [{"value": "124.9500"}]
    assert "section" not in values
    assert item["title"] == "Hello"
    assert item["external_id"] == "ext-1"
    assert item["tags"] == ["alpha", "beta"]
    assert item["app_item_id"] == 1
    assert item["revision"] == 0
    assert item["created_by"]["user_id"] == world["user_id"]
    assert item["app"]["app_id"] == world["app_id"]


def test_array_form_and_field_ids_as_keys(api: Api, world: dict[str, Any]) -> None:
    ids = world["ids"]
    created = api.ok(
        "POST",
        f"/item/app/{world['app_id']}/",
        json={
            "fields": [
                {"external_id": "title", "values": [{"value": "Arr"}]},
                {"field_id": ids["amount"], "values": [3]},
            ]
        },
    )
    values = _values(created)
    assert values["title"] == [{"value": "Arr"}]
    assert values["amount"] == [{"value": "3.0000"}]
    again = api.ok("POST", f"/item/app/{world['app_id']}/",
                   json={"fields": {str(ids["amount"]): 4}})  # fmt: skip
    assert _values(again)["amount"] == [{"value": "4.0000"}]
    assert again["title"] == "Task 2"  # no title value: item name and app_item_id


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "abc"}, 'Invalid value "abc" (string): must be number'),
        ({"progress": 120}, "Invalid value 120 (integer): must not be greater than 100"),
        ({"status": 9}, "Invalid value 9 (integer): must be one of 1, 2, 3"),
        (
            {"price": {"value": 1, "currency": "GBP"}},
            'Invalid value "GBP" (string): must be one of EUR, USD',
        ),
        ({"day": {"start": "2024-01-02", "end": "2024-01-05"}}, "must not have an end date"),
        ({"due": {"start": "2024-01-02", "end": "2024-01-01"}}, "end must not be before start"),
        ({"total": 5}, "Invalid value 5 (integer): calculation fields are read-only"),
        ({"owner": 5}, "Invalid value 5 (integer): No profile found"),
        ({"project": 5}, "Invalid value 5 (integer): No item found"),
        ({"nope": 1}, 'Invalid value "nope" (string): No field found'),
        ({"image": 6_000_000_102}, "must be a file of type image/*"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_stored(
    api: Api, world: dict[str, Any], fields: dict[str, Any], message: str
) -> None:
    r = api.post(f"/item/app/{world['app_id']}/", json={"fields": {"title": "x", **fields}})
    assert r.status_code == 400
    body = r.json()
    assert body["error"] == "invalid_value"
    assert message in body["error_description"]
    count = api.ok("GET", f"/item/app/{world['app_id']}/count")
    assert count == {"count": 0}


def test_reference_to_an_item_of_an_app_not_referenced_is_refused(
    api: Api, world: dict[str, Any]
) -> None:
    other = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "me"}})
    r = api.post(
        f"/item/app/{world['app_id']}/",
        json={"fields": {"project": other["item_id"]}},
    )
    assert r.status_code == 400
    assert "must be an item of one of the referenced apps" in r.json()["error_description"]


def test_required_fields(api: Api) -> None:
    app_id = new_app(api, new_space(api), [
        {"type": "text", "config": {"label": "Title", "required": True}},
        {"type": "number", "config": {"label": "N"}},
    ])  # fmt: skip
    r = api.post(f"/item/app/{app_id}/", json={"fields": {"n": 1}})
    assert r.status_code == 400
    assert (
        r.json()["error_description"] == "Invalid value null (null): must be set (required field)"
    )
    item = api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": "t"}})
    r = api.put(f"/item/{item['item_id']}", json={"fields": {"title": []}})
    assert r.status_code == 400


def test_update_semantics(api: Api, world: dict[str, Any], events: list[Event]) -> None:
    app_id = world["app_id"]
    item = api.ok("POST", f"/item/app/{app_id}/",
                  json={"fields": {"title": "One", "amount": 1, "status": 1}})  # fmt: skip
    item_id = item["item_id"]
    changed = api.ok("PUT", f"/item/{item_id}", json={"fields": {"title": "Two", "amount": []}})
    assert changed == {"revision": 1, "title": "Two"}
    now = api.ok("GET", f"/item/{item_id}")
    values = _values(now)
    assert values["title"] == [{"value": "Two"}]
    assert "amount" not in values  # [] cleared it
    assert values["status"][0]["value"]["id"] == 1  # untouched
    assert now["revision"] == 1
    # Same values again: nothing changed, 204 without body
    same = api.put(f"/item/{item_id}", json={"fields": {"title": "Two"}})
    assert (same.status_code, same.content) == (204, b"")
    # A stale revision is a conflict, and nothing changes
    stale = api.put(f"/item/{item_id}", json={"revision": 0, "fields": {"title": "Three"}})
    assert stale.status_code == 409
    assert stale.json()["error"] == "conflict"
    assert api.ok("GET", f"/item/{item_id}")["title"] == "Two"
    fresh = api.ok("PUT", f"/item/{item_id}", json={"revision": 1, "fields": {"title": "Three"}})
    assert fresh == {"revision": 2, "title": "Three"}
    # Value endpoints
    assert api.ok("PUT", f"/item/{item_id}/value", json={"status": [3]}) == {
        "revision": 3, "title": "Three"}  # fmt: skip
    assert api.ok("PUT", f"/item/{item_id}/value/amount", json=[7]) == {
        "revision": 4, "title": "Three"}  # fmt: skip
    assert api.ok("GET", f"/item/{item_id}/value/amount") == [{"value": "7.0000"}]
    assert api.ok("GET", f"/item/{item_id}/value/{world['ids']['amount']}/v2") == [
        {"value": "7.0000"}
    ]
    listed = api.ok("GET", f"/item/{item_id}/value")
    assert [f["external_id"] for f in listed] == ["title", "amount", "status", "total"]
    keyed = api.ok("GET", f"/item/{item_id}/value/v2")
    assert keyed["status"][0]["value"]["text"] == "Done"
    assert api.put(f"/item/{item_id}/value/nope", json=[1]).status_code == 400
    kinds = [e[0] for e in _item_events(events)]
    assert kinds == ["item.create", "item.update", "item.update", "item.update", "item.update"]
    last = _item_events(events)[-1][2]
    assert last["item_id"] == item_id
    assert set(last["field_ids"]) == {world["ids"]["amount"], world["ids"]["total"]}
    assert isinstance(last["item_revision_id"], int)


def test_tags_and_external_id_updates(api: Api, world: dict[str, Any]) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "T"}})
    item_id = item["item_id"]
    assert api.ok("PUT", f"/item/{item_id}", json={"tags": ["x"], "external_id": "e-1"}) == {
        "revision": 1, "title": "T"}  # fmt: skip
    fetched = api.ok("GET", f"/item/app/{world['app_id']}/external_id/e-1")
    assert (fetched["item_id"], fetched["tags"]) == (item_id, ["x"])


def test_hook_false_and_silent_travel_with_the_events(
    api: Api, world: dict[str, Any], events: list[Event]
) -> None:
    api.ok("POST", f"/item/app/{world['app_id']}/", params={"hook": "false", "silent": "1"},
           json={"fields": {"title": "quiet"}})  # fmt: skip
    (event,) = [e for e in events if e.type == "item.create"]
    assert (event.hook, event.silent) == (False, True)
    assert event.ref_type == "app"
    assert event.data["external_id"] is None


def test_delete_then_gone(api: Api, world: dict[str, Any], events: list[Event]) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "bye"}})
    item_id = item["item_id"]
    assert api.delete(f"/item/{item_id}").status_code == 204
    r = api.get(f"/item/{item_id}")
    assert r.status_code == 410
    assert r.json()["error"] == "gone"
    assert api.put(f"/item/{item_id}", json={"fields": {"title": "x"}}).status_code == 410
    assert api.get("/item/3999999999").status_code == 404
    deleted = [e for e in _item_events(events) if e[0] == "item.delete"]
    assert deleted[0][2]["item_id"] == item_id


def test_references_to_a_deleted_item_disappear(api: Api, world: dict[str, Any]) -> None:
    target = api.ok("POST", f"/item/app/{world['projects']}/", json={"fields": {"name": "Z"}})
    item = api.ok("POST", f"/item/app/{world['app_id']}/",
                  json={"fields": {"title": "ref", "project": target["item_id"]}})  # fmt: skip
    assert api.delete(f"/item/{target['item_id']}").status_code == 204
    assert "project" not in _values(api.ok("GET", f"/item/{item['item_id']}"))


def test_bulk_delete_and_app_tokens(
    api: Api, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    app_id = world["app_id"]
    ids = [api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": f"t{n}",
           "amount": n}})["item_id"] for n in range(5)]  # fmt: skip
    token = api.ok("GET", f"/app/{app_id}")["token"]
    app_api = Api(podio_emulator, app_token_headers(podio_emulator, app_id, token))
    r = app_api.post(f"/item/app/{app_id}/delete", json={"item_ids": ids[:2]})
    assert r.status_code == 403
    result = api.ok("POST", f"/item/app/{app_id}/delete", json={"item_ids": ids[:2]})
    assert result == {"deleted": ids[:2], "pending": []}
    result = api.ok("POST", f"/item/app/{app_id}/delete",
                    json={"filters": {"amount": {"from": 4}}})  # fmt: skip
    assert result == {"deleted": [ids[4]], "pending": []}
    assert api.ok("GET", f"/item/app/{app_id}/count") == {"count": 2}


def test_app_token_reaches_its_own_app_only(
    api: Api, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    app_id = world["app_id"]
    token = api.ok("GET", f"/app/{app_id}")["token"]
    app_api = Api(podio_emulator, app_token_headers(podio_emulator, app_id, token))
    item = app_api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": "by app"}})
    assert item["created_by"]["type"] == "app"
    assert item["created_by"]["id"] == app_id
    assert item["initial_revision"]["user"]["type"] == "app"
    assert app_api.ok("PUT", f"/item/{item['item_id']}", json={"fields": {"amount": 1}})
    other = api.ok("POST", f"/item/app/{world['projects']}/", json={"fields": {"name": "n"}})
    assert app_api.get(f"/item/{other['item_id']}").status_code == 403
    assert app_api.post(f"/item/app/{world['projects']}/", json={}).status_code == 403
    assert app_api.post(f"/item/app/{world['projects']}/filter/", json={}).status_code == 403
    # the item made with the app token is readable by people of the space
    assert api.ok("GET", f"/item/{item['item_id']}")["created_by"]["name"] == "Everything"


def test_light_members_change_only_their_own_items(
    api: Api, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    light = podio_emulator.create_user("light@example.com", "password")
    add_member(api, world["space_id"], light["user_id"], "light")
    light_api = api_for(podio_emulator, "light@example.com")
    mine = light_api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "m"}})
    theirs = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "o"}})
    assert (
        light_api.put(f"/item/{mine['item_id']}", json={"fields": {"title": "m2"}}).status_code
        == 200
    )
    assert (
        light_api.put(f"/item/{theirs['item_id']}", json={"fields": {"title": "x"}}).status_code
        == 403
    )
    assert "update" not in light_api.ok("GET", f"/item/{theirs['item_id']}")["rights"]


def test_inactive_app_keeps_items_readable_but_refuses_new_ones(
    api: Api, world: dict[str, Any]
) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "t"}})
    assert api.post(f"/app/{world['app_id']}/deactivate").status_code == 204
    assert api.get(f"/item/{item['item_id']}").status_code == 200
    assert api.post(f"/item/app/{world['app_id']}/", json={}).status_code == 403
    assert api.delete(f"/app/{world['app_id']}").status_code == 204
    assert api.get(f"/item/{item['item_id']}").status_code == 410


def test_dry_run_stores_nothing(api: Api, world: dict[str, Any], events: list[Event]) -> None:
    dry = {"X-Podio-Dry-Run": "1"}
    r = api.post(f"/item/app/{world['app_id']}/", json={"fields": {"title": "dry"}}, headers=dry)
    assert r.status_code == 200
    assert r.json()["title"] == "dry"
    assert api.get(f"/item/{r.json()['item_id']}").status_code == 404
    item = api.ok("POST", f"/item/app/{world['app_id']}/", json={"fields": {"title": "real"}})
    r = api.put(f"/item/{item['item_id']}", json={"fields": {"title": "changed"}}, headers=dry)
    assert r.json() == {"revision": 1, "title": "changed"}
    assert api.ok("GET", f"/item/{item['item_id']}")["title"] == "real"
    assert api.delete(f"/item/{item['item_id']}", headers=dry).status_code == 204
    assert api.get(f"/item/{item['item_id']}").status_code == 200
    assert [e[0] for e in _item_events(events)] == ["item.create"]


def test_other_ways_to_get_an_item(api: Api, world: dict[str, Any]) -> None:
    app_id = world["app_id"]
    first = api.ok("POST", f"/item/app/{app_id}/", json={"external_id": "dup",
                   "fields": {"title": "a"}})  # fmt: skip
    second = api.ok("POST", f"/item/app/{app_id}/", json={"external_id": "dup",
                    "fields": {"title": "b"}})  # fmt: skip
    by_app_item = api.ok("GET", f"/app/{app_id}/item/2")
    assert by_app_item["item_id"] == second["item_id"]
    assert api.ok("GET", f"/item/app/{app_id}/external_id/dup")["item_id"] == second["item_id"]
    collection = api.ok("GET", f"/item/app/{app_id}/v2/", params={"external_id": "dup"})
    assert collection["filtered"] == 2
    assert {i["item_id"] for i in collection["items"]} == {first["item_id"], second["item_id"]}
    basic = api.ok("GET", f"/item/{first['item_id']}/basic")
    assert "comments" not in basic
    assert "revisions" not in basic
    assert basic["fields"] == first["fields"]
    assert api.get(f"/item/app/{app_id}/external_id/none").status_code == 404


def test_clone(api: Api, world: dict[str, Any], events: list[Event]) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/", json={"external_id": "orig",
                  "tags": ["t"], "fields": {"title": "c", "amount": 2,
                  "due": "2024-01-01 10:00:00", "project": world["project_item"]}})  # fmt: skip
    clone = api.ok("POST", f"/item/{item['item_id']}/clone")
    copy = api.ok("GET", f"/item/{clone['item_id']}")
    assert copy["item_id"] != item["item_id"]
    assert copy["fields"] == item["fields"]
    assert copy["tags"] == ["t"]
    assert copy["external_id"] is None
    assert [e[0] for e in _item_events(events)][-1] == "item.create"


def test_revisions_diffs_and_reverts(api: Api, world: dict[str, Any]) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/",
                  json={"fields": {"title": "v0", "amount": 1, "status": 1}})  # fmt: skip
    item_id = item["item_id"]
    api.ok("PUT", f"/item/{item_id}", json={"fields": {"title": "v1", "amount": 2}})
    api.ok("PUT", f"/item/{item_id}", json={"fields": {"status": 3}})
    revisions = api.ok("GET", f"/item/{item_id}/revision/")
    assert [(r["revision"], r["type"]) for r in revisions] == [
        (0, "creation"), (1, "update"), (2, "update")]  # fmt: skip
    one = api.ok("GET", f"/item/{item_id}/revision/1")
    assert one == revisions[1]
    assert set(one) == {"revision", "item_revision_id", "app_revision", "type", "created_on",
                        "created_by", "created_via", "user"}  # fmt: skip
    assert api.get(f"/item/{item_id}/revision/9").status_code == 404
    diff = api.ok("GET", f"/item/{item_id}/revision/0/1")
    assert [(d["external_id"], d["from"], d["to"]) for d in diff] == [
        ("title", [{"value": "v0"}], [{"value": "v1"}]),
        ("amount", [{"value": "1.0000"}], [{"value": "2.0000"}]),
        ("total", [{"value": "2.0000"}], [{"value": "4.0000"}]),
    ]
    # Undo revision 1: title and amount go back, the later status change stays
    assert api.ok("DELETE", f"/item/{item_id}/revision/1") == {"revision": 3}
    values = _values(api.ok("GET", f"/item/{item_id}"))
    assert values["title"] == [{"value": "v0"}]
    assert values["amount"] == [{"value": "1.0000"}]
    assert values["status"][0]["value"]["id"] == 3
    # Back to how it was at creation
    assert api.ok("POST", f"/item/{item_id}/revision/0/revert_to") == {"revision": 4}
    assert _values(api.ok("GET", f"/item/{item_id}"))["status"][0]["value"]["id"] == 1
    assert api.delete(f"/item/{item_id}/revision/0/revert_to").status_code == 204
    assert api.delete(f"/item/{item_id}/revision/0").status_code == 400


def test_references_and_reference_lookups(api: Api, world: dict[str, Any]) -> None:
    app_id, projects = world["app_id"], world["projects"]
    target = world["project_item"]
    second = api.ok("POST", f"/item/app/{projects}/", json={"fields": {"name": "Gemini"}})
    for title in ("r1", "r2"):
        api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": title, "project": target}})
    refs = api.ok("GET", f"/item/{target}/reference/")
    assert len(refs) == 1
    assert refs[0]["field"]["external_id"] == "project"
    assert refs[0]["app"]["app_id"] == app_id
    assert [i["title"] for i in refs[0]["items"]] == ["r1", "r2"]
    by_field = api.ok("GET", f"/item/{target}/reference/field/{world['ids']['project']}")
    assert [i["title"] for i in by_field] == ["r1", "r2"]
    full = api.ok("GET", f"/item/{target}")
    assert full["refs"][0]["count"] == 2
    found = api.ok("GET", f"/item/field/{world['ids']['project']}/find", params={"text": "GEM"})
    assert [(i["item_id"], i["title"]) for i in found] == [(second["item_id"], "Gemini")]
    assert found[0]["app"]["app_id"] == projects
    everything = api.ok("GET", f"/item/field/{world['ids']['project']}/find",
                        params={"not_item_id": str(second["item_id"])})  # fmt: skip
    assert [i["item_id"] for i in everything] == [target]
    top = api.ok("GET", f"/item/field/{world['ids']['project']}/top/")
    assert [i["item_id"] for i in top] == [target]


def test_values_range_and_calculate(api: Api, world: dict[str, Any]) -> None:
    app_id = world["app_id"]
    for n, status in ((1, 1), (2, 1), (5, 2)):
        api.ok("POST", f"/item/app/{app_id}/", json={"tags": [f"t{status}"],
               "fields": {"title": f"i{n}", "amount": n, "status": status}})  # fmt: skip
    values = api.ok("GET", f"/item/app/{app_id}/values")
    assert set(values) == {"fields", "created_bys", "created_vias", "tags"}
    status_values = next(f for f in values["fields"] if f["external_id"] == "status")
    assert [v["value"]["text"] for v in status_values["values"]] == ["Open", "Doing"]
    assert values["tags"] == ["t1", "t2"]
    assert values["created_bys"][0]["user_id"] == world["user_id"]
    rng = api.ok("GET", f"/item/field/{world['ids']['amount']}/range")
    assert rng == {"min": 1, "max": 5}
    body = {"aggregation": "sum", "formula": [{"type": "field", "value": world["ids"]["amount"]}],
            "groupings": [{"type": "field", "value": world["ids"]["status"]}]}  # fmt: skip
    result = api.ok("POST", f"/item/app/{app_id}/calculate", json=body)
    assert result == {
        "total": 8,
        "groups": [
            {"count": 5, "groups": [{"value": "2", "label": "Doing"}]},
            {"count": 3, "groups": [{"value": "1", "label": "Open"}]},
        ],
    }
    counted = api.ok("POST", f"/item/app/{app_id}/calculate", json={"aggregation": "count",
                     "filters": {"status": [1]}})  # fmt: skip
    assert counted["total"] == 2


def test_user_time_zone_shapes_date_values(
    api: Api, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/",
                  json={"fields": {"due": {"start_utc": "2024-01-15 12:00:00"}}})  # fmt: skip
    with podio_emulator.emulator.transaction() as tx:
        tx.update("users", {"timezone": "America/New_York"}, "user_id = ?", (world["user_id"],))
    due = _values(api.ok("GET", f"/item/{item['item_id']}"))["due"][0]
    assert (due["start"], due["start_utc"]) == ("2024-01-15 07:00:00", "2024-01-15 12:00:00")


def test_filters_see_every_write_and_no_dry_run(api: Api, world: dict[str, Any]) -> None:
    """Filter results follow writes at once; a dry-run write never shows up in them."""
    app_id = world["app_id"]
    ids = [
        api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"title": f"t{n}", "amount": n}})[
            "item_id"
        ]
        for n in range(3)
    ]

    def amounts() -> list[str]:
        found = api.ok("POST", f"/item/app/{app_id}/filter/", json={"sort_by": "item_id"})
        return [_values(i)["amount"][0]["value"] for i in found["items"] if "amount" in _values(i)]

    assert amounts() == ["2.0000", "1.0000", "0.0000"]
    dry = {"X-Podio-Dry-Run": "1"}
    api.put(f"/item/{ids[0]}", json={"fields": {"amount": 50}}, headers=dry)
    assert amounts() == ["2.0000", "1.0000", "0.0000"]
    api.ok("PUT", f"/item/{ids[0]}", json={"fields": {"amount": 7}})
    assert amounts() == ["2.0000", "1.0000", "7.0000"]
    assert api.delete(f"/item/{ids[1]}").status_code == 204
    assert amounts() == ["2.0000", "7.0000"]
    assert api.ok("GET", f"/item/app/{app_id}/count", params={"amount": "5-10"}) == {"count": 1}


def test_unique_fields_refuse_a_value_another_item_has(api: Api) -> None:
    app_id = new_app(api, new_space(api), [
        {"type": "text", "config": {"label": "Code", "unique": True}},
        {"type": "number", "config": {"label": "N"}},
    ])  # fmt: skip
    first = api.ok("POST", f"/item/app/{app_id}/", json={"fields": {"code": "A-1", "n": 1}})
    r = api.post(f"/item/app/{app_id}/", json={"fields": {"code": "A-1"}})
    assert r.status_code == 400
    assert (
        r.json()["error_description"] == 'Invalid value [{"value":"A-1"}] (array): must be unique'
    )
    # the item itself may keep (and re-send) its own value
    assert api.ok("PUT", f"/item/{first['item_id']}", json={"fields": {"code": "A-1", "n": 2}})
    assert api.ok("GET", f"/item/app/{app_id}/count") == {"count": 1}


def test_file_ids_attach_files_to_the_item(
    api: Api, world: dict[str, Any], files: FakeFiles
) -> None:
    item = api.ok("POST", f"/item/app/{world['app_id']}/",
                  json={"fields": {"title": "f"}, "file_ids": [6_000_000_102]})  # fmt: skip
    assert [f["file_id"] for f in item["files"]] == [6_000_000_102]
    r = api.post(f"/item/app/{world['app_id']}/", json={"file_ids": [6_999_999_999]})
    assert r.status_code == 400
    assert r.json()["error_description"] == "Invalid value 6999999999 (integer): No file found"
    assert api.ok("PUT", f"/item/{item['item_id']}", json={"file_ids": [6_000_000_101]})
    again = api.ok("GET", f"/item/{item['item_id']}")
    assert [f["file_id"] for f in again["files"]] == [6_000_000_102, 6_000_000_101]


def test_demo_seed_has_an_app_with_many_field_types_and_items(
    podio_emulator: EmulatorHandle,
) -> None:
    world = podio_emulator.seed()
    api = api_for(podio_emulator)
    projects = world["app_ids"]["projects"]
    app = api.ok("GET", f"/app/{projects}")
    assert len({f["type"] for f in app["fields"]}) >= 12
    page = api.ok("POST", f"/item/app/{projects}/filter/", json={"filters": {"status": [2]}})
    assert page["total"] == 300
    assert 0 < page["filtered"] < 300
    item = api.ok("GET", f"/item/{world['item_ids']['projects'][0]}")
    values = _values(item)
    assert values["client"][0]["value"]["app"]["app_id"] == world["app_ids"]["clients"]
    budget = float(values["budget"][0]["value"])
    hours = float(values["hours"][0]["value"])
    assert values["budget-per-hour"] == [{"value": f"{budget / hours:.4f}"}]
