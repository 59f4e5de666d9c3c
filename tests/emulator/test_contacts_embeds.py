"""Space contacts and embeds over HTTP, and their use in item fields and comments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle

from .collab_support import error, ok, user_id


@pytest.fixture
def people(login: Callable[..., httpx.Client], world: dict[str, Any]) -> dict[str, httpx.Client]:
    return {name: login(f"{name}@example.com") for name in ("alice", "bob", "carol")}


# -- contacts ----------------------------------------------------------------------------------


def test_space_contacts_are_created_read_changed_and_deleted(
    people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    bob, carol = people["bob"], people["carol"]
    space_id = world["space_ids"]["intranet"]
    body = {
        "name": "Vera Vendor",
        "mail": "vera@vendor.example",
        "phone": ["+45 11"],
        "organization": "Vendor A/S",
        "external_id": "crm-7",
        "unknown": "ignored",
    }
    assert error(carol.post(f"/contact/space/{space_id}/", json=body), 403)
    profile_id = ok(bob.post(f"/contact/space/{space_id}/", json=body))["profile_id"]
    contact = ok(carol.get(f"/contact/{profile_id}/v2"))
    assert contact["type"] == "space"
    assert (contact["name"], contact["mail"], contact["phone"]) == (
        "Vera Vendor",
        ["vera@vendor.example"],
        ["+45 11"],
    )
    assert contact["external_id"] == "crm-7"
    assert contact["link"].endswith(f"/intranet/contacts/{profile_id}")
    assert contact["rights"] == ["view"]
    assert "unknown" not in contact
    assert ok(bob.get(f"/contact/{profile_id}/v2"))["rights"] == ["view", "update", "delete"]

    ok(bob.put(f"/contact/{profile_id}", json={"title": "Buyer", "phone": []}), 204)
    ok(bob.put(f"/contact/{profile_id}/city", json={"value": "Aarhus"}), 204)
    changed = ok(bob.get(f"/contact/{profile_id}/v2"))
    assert (changed["title"], changed["city"], "phone" in changed) == (["Buyer"], "Aarhus", False)
    assert error(carol.put(f"/contact/{profile_id}", json={"title": "x"}), 403)
    assert error(bob.put(f"/contact/{profile_id}", json={"birthdate": "soon"}), 400)
    assert error(bob.put(f"/contact/{profile_id}", json={"name": None}), 400)
    card = bob.get(f"/contact/{profile_id}/vcard")
    assert card.headers["content-type"] == "text/vcard"
    assert "FN:Vera Vendor\r\n" in card.text
    assert "EMAIL;TYPE=INTERNET:vera@vendor.example" in card.text

    assert error(carol.delete(f"/contact/{profile_id}"), 403)
    ok(bob.delete(f"/contact/{profile_id}"), 204)
    assert error(bob.get(f"/contact/{profile_id}/v2"), 410)["error"] == "gone"
    assert error(bob.get("/contact/1/v2"), 404)
    assert error(bob.post(f"/contact/space/{space_id}/", json={"mail": "x@y.example"}), 400)


def test_null_removes_a_field_of_a_contact_or_a_profile_as_an_empty_list_does(
    people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    bob = people["bob"]
    space_id = world["space_ids"]["intranet"]
    body = {"name": "Nils Null", "mail": "nils@example.com", "phone": "+45 22", "city": "Odense"}
    profile_id = ok(bob.post(f"/contact/space/{space_id}/", json=body))["profile_id"]
    # What a client sends back after reading the contact and clearing two of its fields.
    put = {"name": "Nils Null", "phone": None, "city": None}
    ok(bob.put(f"/contact/{profile_id}", json=put), 204)
    changed = ok(bob.get(f"/contact/{profile_id}/v2"))
    assert ("phone" in changed, "city" in changed, changed["mail"]) == (
        False,
        False,
        ["nils@example.com"],
    )
    assert error(bob.put(f"/contact/{profile_id}", json={"mail": 7}), 400)

    ok(bob.put("/user/profile/", json={"title": ["Builder"], "skill": ["Welding"]}), 204)
    ok(bob.put("/user/profile/", json={"title": None}), 204)
    profile = ok(bob.get("/user/profile/"))
    assert ("title" in profile, profile["skill"]) == (False, ["Welding"])


def test_user_profiles_through_the_contacts_api(
    podio_emulator: EmulatorHandle, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    carol = people["carol"]
    bob_id = user_id(people["bob"])
    profile = ok(carol.get(f"/contact/user/{bob_id}"))
    assert (profile["type"], profile["user_id"]) == ("user", bob_id)
    assert ok(carol.get(f"/contact/user/{bob_id}/mail")) == ["bob@example.com"]
    assert ok(carol.get(f"/contact/user/{bob_id}/about")) == []
    both = ok(carol.get(f"/contact/{profile['profile_id']},{profile['profile_id'] - 1}/v2"))
    assert [p["profile_id"] for p in both] == [profile["profile_id"], profile["profile_id"] - 1]
    assert error(carol.put(f"/contact/{profile['profile_id']}", json={"title": "x"}), 403)
    stranger = podio_emulator.create_user("s@x.example", "pw")
    assert error(carol.get(f"/contact/user/{stranger['user_id']}"), 403)


def test_contact_lists(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    intranet, sales = world["space_ids"]["intranet"], world["space_ids"]["sales"]
    ok(api.post(f"/contact/space/{intranet}/", json={"name": "Ada Outside", "external_id": "e1"}))
    ok(api.post(f"/contact/space/{sales}/", json={"name": "Sam Sales"}))
    names = [c["name"] for c in ok(people["carol"].get(f"/contact/space/{intranet}"))]
    assert names == ["Ada Outside", "Alice Admin", "Bob Regular", "Carol Light", "Emulator User"]
    only_contacts = ok(api.get(f"/contact/space/{intranet}/", params={"contact_type": "space"}))
    assert [c["name"] for c in only_contacts] == ["Ada Outside"]
    assert [
        c["name"] for c in ok(api.get(f"/contact/space/{intranet}/", params={"name": "LIGHT"}))
    ] == ["Carol Light"]
    assert [
        c["external_id"]
        for c in ok(api.get(f"/contact/space/{intranet}/", params={"external_id": "e1"}))
    ] == ["e1"]
    paged = ok(api.get(f"/contact/space/{intranet}/", params={"limit": 2, "offset": 1}))
    assert [c["name"] for c in paged] == ["Alice Admin", "Bob Regular"]
    no_self = ok(api.get(f"/contact/space/{intranet}/", params={"exclude_self": "true"}))
    assert "Emulator User" not in [c["name"] for c in no_self]
    on_app = ok(api.get(f"/contact/app/{world['app_ids']['clients']}/"))
    assert [c["name"] for c in on_app] == ["Ada Outside"]
    org = [c["name"] for c in ok(people["carol"].get(f"/contact/org/{world['org_id']}"))]
    assert "Ada Outside" in org
    assert "Sam Sales" not in org  # Carol is not in Sales
    assert "Sam Sales" in [c["name"] for c in ok(api.get("/contact/"))]
    assert error(people["carol"].get(f"/contact/space/{sales}"), 403)
    assert error(api.get(f"/contact/space/{intranet}", params={"contact_type": "robot"}), 400)


def test_space_contacts_are_values_of_contact_fields(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    space_id = world["space_ids"]["intranet"]
    app_id = ok(
        api.post(
            "/app/",
            json={
                "space_id": space_id,
                "config": {"name": "Deals"},
                "fields": [
                    {"type": "text", "config": {"label": "Name"}},
                    {
                        "type": "contact",
                        "config": {
                            "label": "Who",
                            "settings": {"type": "space_users_and_contacts"},
                        },
                    },
                ],
            },
        )
    )["app_id"]
    profile_id = ok(api.post(f"/contact/space/{space_id}/", json={"name": "Cleo Customer"}))[
        "profile_id"
    ]
    item = ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "D", "who": profile_id}}))
    who = next(f for f in item["fields"] if f["external_id"] == "who")
    assert who["values"][0]["value"]["name"] == "Cleo Customer"
    assert who["values"][0]["value"]["type"] == "space"


# -- embeds ------------------------------------------------------------------------------------


def test_embeds_are_derived_from_their_url(api: httpx.Client, anon: httpx.Client) -> None:
    made = ok(api.post("/embed/", json={"url": "https://www.Example.com/blog/my-first_post.html"}))
    assert made == {
        "embed_id": made["embed_id"],
        "original_url": "https://www.Example.com/blog/my-first_post.html",
        "resolved_url": "https://www.example.com/blog/my-first_post.html",
        "url": "https://www.example.com/blog/my-first_post.html",
        "hostname": "example.com",
        "type": "link",
        "title": "my first post",
        "description": None,
        "embed_html": None,
        "embed_width": None,
        "embed_height": None,
        "files": [],
    }
    again = ok(
        api.post(
            "/embed/",
            json={"url": "https://www.Example.com/blog/my-first_post.html", "mode": "delayed"},
        )
    )
    assert again["embed_id"] == made["embed_id"]
    assert ok(api.get(f"/embed/{made['embed_id']}")) == made
    picture = ok(api.post("/embed/", json={"url": "cdn.example.org/img/cat.PNG"}))
    assert (picture["type"], picture["title"], picture["hostname"]) == (
        "image",
        "cat",
        "cdn.example.org",
    )
    assert picture["embed_html"] == '<img src="http://cdn.example.org/img/cat.PNG" />'
    video = ok(api.post("/embed/", json={"url": "https://youtu.be/dQw4w9WgXcQ"}))
    assert video["type"] == "video"
    assert ok(api.post("/embed/", json={"url": "https://example.net"}))["title"] == "example.net"
    for bad in ("ftp://example.com/x", "not a url", "", 5, None):
        assert error(api.post("/embed/", json={"url": bad}), 400)["error"] == "invalid_value"
    assert error(api.post("/embed/", json={"url": "https://a.example", "mode": "later"}), 400)
    assert error(api.get("/embed/123"), 404)
    assert anon.get(f"/embed/{made['embed_id']}").status_code == 401


def test_embeds_in_item_fields(api: httpx.Client, world: dict[str, Any]) -> None:
    space_id = world["space_ids"]["intranet"]
    app_id = ok(
        api.post(
            "/app/",
            json={
                "space_id": space_id,
                "config": {"name": "Links"},
                "fields": [
                    {"type": "text", "config": {"label": "Name"}},
                    {"type": "embed", "config": {"label": "Link"}},
                ],
            },
        )
    )["app_id"]
    embed_id = ok(api.post("/embed/", json={"url": "https://podio.com/about"}))["embed_id"]
    by_id = ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "a", "link": embed_id}}))
    by_url = ok(
        api.post(
            f"/item/app/{app_id}/",
            json={"fields": {"name": "b", "link": {"url": "https://podio.com/about"}}},
        )
    )
    for item in (by_id, by_url):
        link = next(f for f in item["fields"] if f["external_id"] == "link")
        assert link["values"][0]["embed"]["embed_id"] == embed_id
        assert link["values"][0]["embed"]["title"] == "about"
    bad = api.post(f"/item/app/{app_id}/", json={"fields": {"name": "c", "link": 99}})
    assert error(bad, 400)["error_description"].endswith("No embed found")
