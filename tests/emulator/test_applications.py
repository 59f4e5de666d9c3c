"""Applications over HTTP: create, views, updates, fields, status, tokens, rights, events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.db import Event

from .items_support import (
    Api,
    add_member,
    api_for,
    app_token_headers,
    captured_events,
    new_app,
    new_space,
)

FIELDS = [
    {"type": "text", "config": {"label": "Title", "required": True}},
    {"type": "category", "config": {"label": "Status", "settings": {"options": ["Open", "Done"]}}},
    {"type": "number", "config": {"label": "Estimate"}},
]


@pytest.fixture
def api(podio_emulator: EmulatorHandle) -> Api:
    return api_for(podio_emulator)


@pytest.fixture
def events(podio_emulator: EmulatorHandle) -> Iterator[list[Event]]:
    """Every event the emulator publishes during the test."""
    with captured_events(podio_emulator) as seen:
        yield seen


def test_created_app_shows_its_definition(api: Api) -> None:
    space_id = new_space(api)
    app_id = new_app(api, space_id, FIELDS, name="Team Tasks", icon_id=55)
    app = api.ok("GET", f"/app/{app_id}")
    assert app["app_id"] == app_id
    assert app["space_id"] == space_id
    assert app["status"] == "active"
    assert app["url_label"] == "team-tasks"
    assert app["url"].endswith("/apps/team-tasks")
    assert app["url_add"] == app["url"] + "/items/new"
    assert app["config"]["name"] == "Team Tasks"
    assert app["config"]["item_name"] == "Task"
    assert app["config"]["icon"] == "55.png"
    assert app["config"]["allow_comments"] is True
    assert len(app["token"]) == 32
    assert app["current_revision"] == 0
    assert [(f["external_id"], f["type"], f["status"]) for f in app["fields"]] == [
        ("title", "text", "active"),
        ("status", "category", "active"),
        ("estimate", "number", "active"),
    ]
    status = app["fields"][1]["config"]["settings"]["options"]
    assert status == [
        {"id": 1, "text": "Open", "status": "active", "color": "DCEBD8"},
        {"id": 2, "text": "Done", "status": "active", "color": "DCEBD8"},
    ]
    assert app["fields"][0]["config"]["required"] is True


def test_views(api: Api) -> None:
    app_id = new_app(api, new_space(api), FIELDS)
    micro = api.ok("GET", f"/app/{app_id}", params={"view": "micro"})
    assert set(micro) == {"app_id", "name", "item_name", "icon", "icon_id"}
    mini = api.ok("GET", f"/app/{app_id}", params={"view": "mini"})
    assert "fields" not in mini
    assert set(mini["config"]) == {"name", "item_name", "type", "icon", "icon_id"}
    short = api.ok("GET", f"/app/{app_id}", params={"view": "short"})
    assert "fields" not in short
    assert "token" not in short
    assert short["config"]["default_view"] == "badge"
    assert "rights" in short
    r = api.get(f"/app/{app_id}", params={"view": "huge"})
    assert r.status_code == 400


def test_two_apps_with_the_same_name_get_distinct_url_labels(api: Api) -> None:
    space_id = new_space(api)
    first = new_app(api, space_id, [], name="Leads")
    second = new_app(api, space_id, [], name="Leads")
    labels = [api.ok("GET", f"/app/{a}")["url_label"] for a in (first, second)]
    assert labels == ["leads", "leads-2"]
    found = api.ok("GET", f"/app/space/{space_id}/leads-2")
    assert found["app_id"] == second


def test_update_keeps_fields_not_named_and_bumps_the_revision(
    api: Api, events: list[Event]
) -> None:
    app_id = new_app(api, new_space(api), FIELDS)
    before = api.ok("GET", f"/app/{app_id}")
    status_id = before["fields"][1]["field_id"]
    r = api.put(
        f"/app/{app_id}",
        json={
            "config": {"name": "Renamed", "allow_tags": False},
            "fields": [
                {"field_id": status_id, "config": {"label": "State"}},
                {"type": "date", "config": {"label": "Due"}},
            ],
        },
    )
    assert r.status_code == 204
    after = api.ok("GET", f"/app/{app_id}")
    assert after["config"]["name"] == "Renamed"
    assert after["config"]["allow_tags"] is False
    assert after["config"]["item_name"] == "Task"  # untouched config keys stay
    assert [f["label"] for f in after["fields"]] == ["Title", "State", "Estimate", "Due"]
    assert after["fields"][1]["config"]["settings"]["options"][0]["text"] == "Open"
    assert after["current_revision"] == 1
    assert [(e.type, e.ref_type, e.ref_id) for e in events if e.type.startswith("app.")] == [
        ("app.create", "space", before["space_id"]),
        ("app.update", "app", app_id),
    ]


def test_field_lifecycle(api: Api) -> None:
    app_id = new_app(api, new_space(api), FIELDS)
    created = api.ok(
        "POST",
        f"/app/{app_id}/field/",
        json={
            "type": "money",
            "config": {"label": "Price", "settings": {"allowed_currencies": ["DKK"]}},
        },
    )
    field_id = created["field_id"]
    by_id = api.ok("GET", f"/app/{app_id}/field/{field_id}")
    by_external = api.ok("GET", f"/app/{app_id}/field/price")
    assert by_id == by_external
    assert by_id["config"]["settings"] == {"allowed_currencies": ["DKK"]}
    revision = api.ok(
        "PUT", f"/app/{app_id}/field/{field_id}", json={"label": "Unit price", "required": True}
    )
    assert revision == {"revision": 2}
    updated = api.ok("GET", f"/app/{app_id}/field/{field_id}")
    assert updated["label"] == "Unit price"
    assert updated["external_id"] == "price"
    assert updated["config"]["settings"] == {"allowed_currencies": ["DKK"]}
    assert api.delete(f"/app/{app_id}/field/{field_id}").status_code == 204
    assert api.get(f"/app/{app_id}/field/{field_id}").status_code == 404
    # Deleted fields stay in the app definition, as Podio shows them (app-get-large.json)
    fields = api.ok("GET", f"/app/{app_id}")["fields"]
    assert [(f["field_id"], f["status"]) for f in fields][-1] == (field_id, "deleted")
    # ... and keep their external id reserved
    again = api.ok("POST", f"/app/{app_id}/field/", json={"type": "text", "config": {
        "label": "Price"}})  # fmt: skip
    assert api.ok("GET", f"/app/{app_id}/field/{again['field_id']}")["external_id"] == "price-2"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"type": "category", "config": {"label": "S", "settings": {"options": [{"text": ""}]}}},
            'Invalid value "" (string): must be a non-empty string',
        ),
        ({"type": "text", "config": {}}, "Invalid value null (null): must be a non-empty string"),
        (
            {"type": "app", "config": {"label": "A", "settings": {"referenceable_types": [5]}}},
            "Invalid value 5 (integer): No app found",
        ),
        (
            {"type": "calculation", "config": {"label": "C", "settings": {"script": "1 +"}}},
            "must be a valid script",
        ),
    ],
)
def test_bad_field_definitions_get_invalid_value(
    api: Api, body: dict[str, Any], message: str
) -> None:
    app_id = new_app(api, new_space(api), FIELDS)
    r = api.post(f"/app/{app_id}/field/", json=body)
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_value"
    assert message in r.json()["error_description"]
    assert len(api.ok("GET", f"/app/{app_id}")["fields"]) == 3  # nothing was stored


def test_app_list_status_and_deletion(api: Api, events: list[Event]) -> None:
    space_id = new_space(api)
    first = new_app(api, space_id, FIELDS, name="One")
    second = new_app(api, space_id, FIELDS, name="Two")
    assert [a["app_id"] for a in api.ok("GET", f"/app/space/{space_id}/")] == [first, second]
    assert api.post(f"/app/{second}/deactivate").status_code == 204
    assert [a["app_id"] for a in api.ok("GET", f"/app/space/{space_id}/")] == [first]
    listed = api.ok("GET", f"/app/space/{space_id}/", params={"include_inactive": "1"})
    assert [(a["app_id"], a["status"]) for a in listed] == [
        (first, "active"),
        (second, "inactive"),
    ]
    assert api.post(f"/app/{second}/activate").status_code == 204
    assert api.delete(f"/app/{first}").status_code == 204
    gone = api.get(f"/app/{first}")
    assert gone.status_code == 410
    assert gone.json()["error"] == "gone"
    assert [a["app_id"] for a in api.ok("GET", f"/app/space/{space_id}/")] == [second]
    assert ("app.delete", "app", first) in [(e.type, e.ref_type, e.ref_id) for e in events]
    assert api.get("/app/99999999").status_code == 404


def test_regenerated_token_replaces_the_old_one(api: Api, podio_emulator: EmulatorHandle) -> None:
    app_id = new_app(api, new_space(api), FIELDS)
    old = api.ok("GET", f"/app/{app_id}")["token"]
    new = api.ok("POST", f"/app/{app_id}/token/regenerate")["token"]
    assert new != old
    assert api.ok("GET", f"/app/{app_id}")["token"] == new
    app_token_headers(podio_emulator, app_id, new)
    r = httpx.post(
        podio_emulator.url("/oauth/token"),
        data={
            "grant_type": "app",
            "app_id": str(app_id),
            "app_token": old,
            "client_id": podio_emulator.client_id,
            "client_secret": podio_emulator.client_secret,
        },
    )
    assert r.status_code == 400


def test_rights_of_members_and_app_tokens(api: Api, podio_emulator: EmulatorHandle) -> None:
    space_id = new_space(api)
    app_id = new_app(api, space_id, FIELDS)
    light = podio_emulator.create_user("light@example.com", "password")
    add_member(api, space_id, light["user_id"], "light")
    light_api = api_for(podio_emulator, "light@example.com")
    seen = light_api.ok("GET", f"/app/{app_id}")
    assert "token" not in seen
    assert "update" not in seen["rights"]
    r = light_api.put(f"/app/{app_id}", json={"config": {"name": "Mine"}})
    assert r.status_code == 403
    assert light_api.post("/app/", json={"space_id": space_id, "config": {
        "name": "X"}}).status_code == 403  # fmt: skip
    outsider = podio_emulator.create_user("out@example.com", "password")
    assert outsider["user_id"]
    assert api_for(podio_emulator, "out@example.com").get(f"/app/{app_id}").status_code == 403

    token = api.ok("GET", f"/app/{app_id}")["token"]
    app_api = Api(podio_emulator, app_token_headers(podio_emulator, app_id, token))
    assert app_api.ok("GET", f"/app/{app_id}")["app_id"] == app_id
    assert app_api.post("/app/", json={"space_id": space_id, "config": {
        "name": "X"}}).status_code == 403  # fmt: skip
    other = new_app(api, space_id, FIELDS, name="Other")
    assert app_api.get(f"/app/{other}").status_code == 403
    assert [a["app_id"] for a in app_api.ok("GET", f"/app/space/{space_id}/")] == [app_id]


def test_creating_an_app_validates_before_storing(api: Api, podio_emulator: EmulatorHandle) -> None:
    space_id = new_space(api)
    r = api.post(
        "/app/",
        json={
            "space_id": space_id,
            "config": {"name": "Bad"},
            "fields": [
                {"type": "text", "config": {"label": "Fine"}},
                {"type": "number", "config": {"label": "N", "settings": {"decimals": "x"}}},
            ],
        },
    )
    assert r.status_code == 400
    assert api.ok("GET", f"/app/space/{space_id}/") == []
    assert podio_emulator.state()["objects"]["app"] == 0


def test_dry_run_creates_nothing(api: Api) -> None:
    space_id = new_space(api)
    r = api.post(
        "/app/",
        json={"space_id": space_id, "config": {"name": "Ghost"}},
        headers={"X-Podio-Dry-Run": "1"},
    )
    assert r.status_code == 200
    assert api.get(f"/app/{r.json()['app_id']}").status_code == 404
