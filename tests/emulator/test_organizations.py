"""Organizations: create, read, update, members, rights."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from podio_emulator import EmulatorHandle


def test_create_then_list_and_get(api: httpx.Client) -> None:
    r = api.post("/org/", json={"name": "Planet Express"})
    assert r.status_code == 200
    created = r.json()
    assert set(created) == {"org_id", "url"}
    assert created["url"].endswith("/planetexpress")
    orgs = api.get("/org/").json()
    assert [o["org_id"] for o in orgs] == [created["org_id"]]
    assert orgs[0]["role"] == "admin"
    assert orgs[0]["spaces"] == []
    org = api.get(f"/org/{created['org_id']}").json()
    assert org["name"] == "Planet Express"
    assert org["member_count"] == 1
    by_url = api.get("/org/url", params={"url": created["url"]})
    assert by_url.json()["org_id"] == created["org_id"]
    # podio-rb's Organization.find_by_url_slug sends the label instead of the URL.
    by_slug = api.get("/org/url", params={"org_slug": "planetexpress"})
    assert by_slug.json()["org_id"] == created["org_id"]
    assert api.get("/org/url", params={"org_slug": "nobody"}).status_code == 404
    assert api.get("/org/url").status_code == 400
    second = api.post("/org/", json={"name": "Planet Express"}).json()
    assert second["url"].endswith("/planetexpress2")


def test_org_list_shows_only_member_spaces(
    login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    carol = login("carol@example.com")
    orgs = carol.get("/org/").json()
    assert [o["org_id"] for o in orgs] == [world["org_id"]]
    names = {s["name"]: s["role"] for s in orgs[0]["spaces"]}
    assert names == {"Intranet": "light", "Employee Network": "regular"}
    assert orgs[0]["role"] == "regular"


def test_only_admins_update_and_outsiders_are_forbidden(
    podio_emulator: EmulatorHandle, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    org_id = world["org_id"]
    bob = login("bob@example.com")
    r = bob.put(f"/org/{org_id}", json={"name": "Mine"})
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    alice = login("alice@example.com")
    assert alice.put(f"/org/{org_id}", json={"name": "Renamed"}).status_code == 204
    assert bob.get(f"/org/{org_id}").json()["name"] == "Renamed"
    podio_emulator.create_user("stranger@example.com", "pw")
    stranger = login("stranger@example.com", "pw")
    assert stranger.get(f"/org/{org_id}").status_code == 403
    assert stranger.get("/org/999999999").status_code == 404


def test_members_and_ending_a_membership(
    login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    org_id = world["org_id"]
    alice = login("alice@example.com")
    members = alice.get(f"/org/{org_id}/member/").json()
    assert {m["user"]["mail"] for m in members} >= {"bob@example.com", "carol@example.com"}
    bob_id = world["users"]["bob@example.com"]
    bob_member = alice.get(f"/org/{org_id}/member/{bob_id}").json()
    assert bob_member["role"] == "regular"
    assert bob_member["spaces"]["started"] == 3
    assert alice.delete(f"/org/{org_id}/member/{bob_id}").status_code == 204
    bob = login("bob@example.com")
    assert bob.get(f"/org/{org_id}").status_code == 403
    assert bob.get(f"/space/{world['space_ids']['sales']}").status_code == 403


def test_bad_input_is_rejected(api: httpx.Client) -> None:
    for body in ({}, {"name": ""}, {"name": 5}, {"name": "x", "url_label": "Bad Label"}):
        r = api.post("/org/", json=body)
        assert (r.status_code, r.json()["error"]) == (400, "invalid_value")
    assert api.get("/org/").json() == []


def test_user_limit_stops_new_members(
    podio_emulator: EmulatorHandle, api: httpx.Client, world: dict[str, Any]
) -> None:
    podio_emulator.control("PUT", f"orgs/{world['org_id']}", {"user_limit": 4})
    r = api.post(
        f"/space/{world['space_ids']['intranet']}/member/",
        json={"mails": ["newcomer@example.com"], "role": "regular"},
    )
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    assert r.json()["error_parameters"] == {"user_limit": 4}
