"""Spaces and their members, with Podio's rights: 403 outsiders, 404 unknown, 410 deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from podio_emulator import EmulatorHandle

Login = Callable[..., httpx.Client]


def test_create_get_update_delete(api: httpx.Client, world: dict[str, Any]) -> None:
    r = api.post("/space/", json={"org_id": world["org_id"], "name": "Road Map", "privacy": "open"})
    assert r.status_code == 200
    created = r.json()
    assert set(created) == {"space_id", "url"}
    assert created["url"].endswith("/emulatordemo/roadmap")
    space = api.get(f"/space/{created['space_id']}").json()
    assert (space["name"], space["privacy"], space["role"]) == ("Road Map", "open", "admin")
    assert space["org"]["org_id"] == world["org_id"]
    by_url = api.get("/space/url", params={"url": created["url"]}).json()
    assert by_url["space_id"] == created["space_id"]
    # podio-rb's Space.find_by_url_slug sends the two labels instead of the URL.
    slugs = {"org_slug": "emulatordemo", "space_slug": "roadmap"}
    assert api.get("/space/url", params=slugs).json()["space_id"] == created["space_id"]
    assert api.get("/space/url", params={**slugs, "space_slug": "nothing"}).status_code == 404
    assert api.get("/space/url", params={"org_slug": "emulatordemo"}).status_code == 400
    by_label = api.get(f"/space/org/{world['org_id']}/roadmap").json()
    assert by_label["space_id"] == created["space_id"]
    assert (
        api.put(
            f"/space/{created['space_id']}", json={"name": "Plan", "auto_join": True}
        ).status_code
        == 204
    )
    space = api.get(f"/space/{created['space_id']}").json()
    assert (space["name"], space["auto_join"]) == ("Plan", True)
    assert api.delete(f"/space/{created['space_id']}").status_code == 204
    gone = api.get(f"/space/{created['space_id']}")
    assert (gone.status_code, gone.json()["error"]) == (410, "gone")
    assert api.get("/space/4242").status_code == 404


def test_space_rights(login: Login, world: dict[str, Any], podio_emulator: EmulatorHandle) -> None:
    sales = world["space_ids"]["sales"]
    intranet = world["space_ids"]["intranet"]
    carol = login("carol@example.com")  # org member, not in Sales, light in Intranet
    assert carol.get(f"/space/{sales}").status_code == 403
    assert carol.get(f"/space/{intranet}").json()["role"] == "light"
    assert carol.put(f"/space/{intranet}", json={"name": "x"}).status_code == 403
    bob = login("bob@example.com")  # regular in Intranet
    assert bob.put(f"/space/{intranet}", json={"name": "x"}).status_code == 403
    assert bob.delete(f"/space/{intranet}").status_code == 403
    podio_emulator.create_user("outsider@example.com", "pw")
    outsider = login("outsider@example.com", "pw")
    assert outsider.get(f"/space/{intranet}").status_code == 403
    r = outsider.post("/space/", json={"org_id": world["org_id"], "name": "Sneaky"})
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")


def test_org_members_see_and_join_open_spaces(
    login: Login, api: httpx.Client, world: dict[str, Any]
) -> None:
    made = api.post("/space/", json={"org_id": world["org_id"], "name": "Open", "privacy": "open"})
    space_id = made.json()["space_id"]
    carol = login("carol@example.com")
    seen = carol.get(f"/space/{space_id}").json()
    assert seen["role"] is None
    assert "join" in seen["rights"]
    listed = {s["space_id"]: s["role"] for s in carol.get(f"/space/org/{world['org_id']}/").json()}
    assert listed[space_id] is None
    # The count (podio-rb Space.get_count) and the open spaces not joined yet
    # (Space.find_open_for_org); "count" and "available" are not space URL labels.
    count = carol.get(f"/space/org/{world['org_id']}/count")
    assert count.json() == {"count": len(listed)}
    available = carol.get(f"/space/org/{world['org_id']}/available/").json()
    assert [s["space_id"] for s in available] == [space_id]
    assert available[0]["role"] is None
    assert carol.post(f"/space/{space_id}/join").status_code == 204
    assert carol.get(f"/space/org/{world['org_id']}/available/").json() == []
    assert carol.get(f"/space/{space_id}").json()["role"] == "regular"
    closed = world["space_ids"]["sales"]
    assert carol.post(f"/space/{closed}/join").status_code == 403


def test_adding_members_by_id_and_by_mail(
    api: httpx.Client, login: Login, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    sales = world["space_ids"]["sales"]
    carol_id = world["users"]["carol@example.com"]
    r = api.post(
        f"/space/{sales}/member/",
        json={"users": [carol_id], "mails": ["guest@example.com"], "role": "light"},
    )
    assert r.status_code == 200
    added = r.json()["user_ids"]
    assert carol_id in added
    assert len(added) == 2
    carol = login("carol@example.com")
    assert carol.get(f"/space/{sales}").json()["role"] == "light"
    members = {m["user"]["mail"] for m in api.get(f"/space/{sales}/member/").json()}
    assert "carol@example.com" in members
    assert "guest@example.com" not in members  # invited, not started
    code = podio_emulator.control("POST", "activation_code", {"mail": "guest@example.com"})
    token = httpx.post(
        podio_emulator.url("/oauth/token"),
        data={
            "grant_type": "activation_code",
            "activation_code": code["activation_code"],
            "client_id": podio_emulator.client_id,
            "client_secret": podio_emulator.client_secret,
        },
    ).json()
    guest = httpx.get(
        podio_emulator.url(f"/space/{sales}"),
        headers={"Authorization": f"OAuth2 {token['access_token']}"},
    )
    assert guest.json()["role"] == "light"


def test_who_may_add_whom(login: Login, world: dict[str, Any]) -> None:
    intranet = world["space_ids"]["intranet"]
    new = {"mails": ["x@example.com"], "role": "regular"}
    carol = login("carol@example.com")  # light
    assert carol.post(f"/space/{intranet}/member/", json=new).status_code == 403
    bob = login("bob@example.com")  # regular
    assert bob.post(f"/space/{intranet}/member/", json={**new, "role": "admin"}).status_code == 403
    assert bob.post(f"/space/{intranet}/member/", json=new).status_code == 200
    bad = bob.post(f"/space/{intranet}/member/", json={"role": "boss", "users": [1]})
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid_value")


def test_roles_change_only_by_admins_and_a_space_keeps_an_admin(
    api: httpx.Client, login: Login, world: dict[str, Any]
) -> None:
    sales = world["space_ids"]["sales"]
    bob_id = world["users"]["bob@example.com"]
    me = api.get("/user/").json()["user_id"]
    bob = login("bob@example.com")
    assert bob.put(f"/space/{sales}/member/{bob_id}", json={"role": "admin"}).status_code == 403
    assert api.put(f"/space/{sales}/member/{bob_id}", json={"role": "admin"}).status_code == 204
    assert api.get(f"/space/{sales}/member/{bob_id}").json()["role"] == "admin"
    both = f"{me},{bob_id}"
    last = api.put(f"/space/{sales}/member/{both}", json={"role": "regular"})
    assert (last.status_code, last.json()["error"]) == (403, "forbidden")
    assert api.put(f"/space/{sales}/member/{me}", json={"role": "regular"}).status_code == 204
    # Now Bob is the only admin.
    assert bob.delete(f"/space/{sales}/member/{bob_id}").status_code == 403


def test_ending_memberships(api: httpx.Client, login: Login, world: dict[str, Any]) -> None:
    sales = world["space_ids"]["sales"]
    bob_id = world["users"]["bob@example.com"]
    assert api.delete(f"/space/{sales}/member/{bob_id}").status_code == 204
    member = api.get(f"/space/{sales}/member/{bob_id}").json()
    assert member["ended_on"] is not None
    ended = api.get(f"/space/{sales}/member/ended/").json()
    assert [m["user"]["user_id"] for m in ended] == [bob_id]
    assert login("bob@example.com").get(f"/space/{sales}").status_code == 403


def test_member_lists(api: httpx.Client, world: dict[str, Any]) -> None:
    intranet = world["space_ids"]["intranet"]
    members = api.get(f"/space/{intranet}/member/").json()
    assert len(members) == 4
    assert set(members[0]) >= {"user", "profile", "role", "invited_on", "started_on", "employee"}
    v2 = api.get(f"/space/{intranet}/member/v2/", params={"query": "ali"}).json()
    assert [m["user"]["name"] for m in v2] == ["Alice Admin"]
    assert set(v2[0]) == {"user", "employee", "role", "grants"}
    assert api.get(f"/space/{intranet}/member/light/").json()[0]["user"]["name"] == "Carol Light"
    paged = api.get(f"/space/{intranet}/member/", params={"limit": 2, "offset": 3}).json()
    assert len(paged) == 1
    assert api.get(f"/space/{intranet}/member/total").json() == {"total": 4}
