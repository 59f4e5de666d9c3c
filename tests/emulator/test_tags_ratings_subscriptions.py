"""Tags, ratings and subscriptions over HTTP, and how items and statuses show them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from .collab_support import error, ok, user_id


@pytest.fixture
def people(login: Callable[..., httpx.Client], world: dict[str, Any]) -> dict[str, httpx.Client]:
    return {name: login(f"{name}@example.com") for name in ("alice", "bob", "carol")}


# -- tags --------------------------------------------------------------------------------------


def test_adding_replacing_and_removing_item_tags(api: httpx.Client, world: dict[str, Any]) -> None:
    item = world["item_ids"]["projects"][1]
    before = ok(api.get(f"/item/{item}"))
    ok(api.post(f"/tag/item/{item}/", json=["Urgent", " blue ", "urgent"]), 204)
    assert ok(api.get(f"/item/{item}"))["tags"] == ["Urgent", "blue"]
    ok(api.post(f"/tag/item/{item}/", json=["BLUE", "green"]), 204)
    after = ok(api.get(f"/item/{item}"))
    assert after["tags"] == ["Urgent", "blue", "green"]
    assert after["revision"] == before["revision"] + 2  # tag changes are item updates
    ok(api.put(f"/tag/item/{item}/", json=["only"]), 204)
    assert ok(api.get(f"/item/{item}"))["tags"] == ["only"]
    ok(api.delete(f"/tag/item/{item}", params={"text": "ONLY"}), 204)
    assert ok(api.get(f"/item/{item}"))["tags"] == []
    assert error(api.post(f"/tag/item/{item}/", json="solo"), 400)
    assert error(api.post(f"/tag/item/{item}/", json=[""]), 400)
    assert error(api.delete(f"/tag/item/{item}/"), 400)
    assert error(api.post(f"/tag/task/{world['task_ids'][0]}/", json=["x"]), 400)
    assert error(api.post("/tag/item/1/", json=["x"]), 404)


def test_tagging_needs_the_right_to_change_the_object(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    item = world["item_ids"]["projects"][2]
    assert error(people["carol"].post(f"/tag/item/{item}/", json=["x"]), 403)
    ok(people["bob"].post(f"/tag/item/{item}/", json=["x"]), 204)
    app_id = world["app_ids"]["projects"]
    ok(api.put(f"/app/{app_id}", json={"config": {"allow_tags": False}}), 204)
    assert (
        "turned off" in error(api.post(f"/tag/item/{item}/", json=["y"]), 403)["error_description"]
    )


def test_tag_lookups_count_and_search(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    projects = world["item_ids"]["projects"]
    app_id = world["app_ids"]["projects"]
    ok(api.post(f"/tag/item/{projects[1]}/", json=["alpha", "beta"]), 204)
    ok(api.post(f"/tag/item/{projects[2]}/", json=["alpha"]), 204)
    status_id = world["status_ids"][0]
    ok(people["alice"].post(f"/tag/status/{status_id}/", json=["alpha", "news"]), 204)
    assert ok(api.get(f"/status/{status_id}"))["tags"] == ["alpha", "news"]

    on_app = {t["text"]: t["count"] for t in ok(api.get(f"/tag/app/{app_id}/"))}
    assert on_app["alpha"] == 2
    assert on_app["beta"] == 1
    assert "news" not in on_app  # apps count items only
    assert on_app["priority"] == 30  # every tenth demo project
    space_id = world["space_ids"]["intranet"]
    on_space = ok(api.get(f"/tag/space/{space_id}/", params={"text": "a"}))
    assert on_space == [{"text": "alpha", "count": 3}]
    on_org = ok(api.get(f"/tag/org/{world['org_id']}/", params={"limit": 2}))
    assert [t["text"] for t in on_org] == ["alpha", "priority"]
    assert ok(api.get(f"/tag/app/{app_id}/top/", params={"limit": 2})) == ["priority", "alpha"]
    found = ok(api.get(f"/tag/space/{space_id}/search/", params={"text": "ALPHA"}))
    assert [(o["type"], o["id"]) for o in found] == [
        ("status", status_id),
        ("item", projects[2]),
        ("item", projects[1]),
    ]
    assert set(found[0]) == {"id", "type", "title", "link", "created_on"}
    assert ok(api.get(f"/tag/app/{app_id}/search/", params={"text": "news"})) == []
    assert error(api.get(f"/tag/app/{app_id}/search/"), 400)
    assert error(people["carol"].get(f"/tag/space/{world['space_ids']['sales']}/"), 403)


# -- ratings -----------------------------------------------------------------------------------


def test_likes_on_items_show_in_the_item(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    item = world["item_ids"]["projects"][3]
    rating_id = ok(people["bob"].post(f"/rating/item/{item}/like", json={"value": 1}))["rating_id"]
    again = ok(people["bob"].post(f"/rating/item/{item}/like", json={}))["rating_id"]
    assert again == rating_id
    ok(people["carol"].post(f"/rating/item/{item}/like", json={"value": 1}))
    seen = ok(people["bob"].get(f"/item/{item}"))
    assert seen["like_count"] == 2
    assert seen["is_liked"] is True
    assert seen["user_ratings"] == {"like": 1}
    counts = seen["ratings"]["like"]["counts"]["1"]
    assert counts["total"] == 2
    assert [u["user_id"] for u in counts["users"]] == [
        user_id(people["bob"]),
        user_id(people["carol"]),
    ]
    assert ok(api.get(f"/item/{item}"))["is_liked"] is False
    assert ok(api.get(f"/rating/item/{item}/like_count")) == {"like_count": 2}
    assert ok(people["bob"].get(f"/rating/item/{item}/like/self")) == {"value": 1}
    assert ok(api.get(f"/rating/item/{item}/like/self")) == {"value": None}
    bob_id = user_id(people["bob"])
    assert ok(api.get(f"/rating/item/{item}/like/{bob_id}")) == {"value": 1}
    liked_by = ok(api.get(f"/rating/item/{item}/liked_by/"))
    assert [p["user_id"] for p in liked_by] == [bob_id, user_id(people["carol"])]
    ok(people["bob"].delete(f"/rating/item/{item}/like"), 204)
    assert ok(api.get(f"/item/{item}"))["like_count"] == 1


def test_rating_types_follow_the_app_and_podios_value_rules(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    app_id = world["app_ids"]["clients"]
    item = world["item_ids"]["clients"][0]
    assert error(api.post(f"/rating/item/{item}/fivestar", json={"value": 4}), 400)
    ok(
        api.put(
            f"/app/{app_id}",
            json={
                "config": {
                    "fivestar": True,
                    "rsvp": True,
                    "approved": True,
                    "yesno": True,
                    "thumbs": True,
                }
            },
        ),
        204,
    )
    cases = {
        "fivestar": ([1, 5], [0, 6]),
        "rsvp": ([0, 2], [3, -1]),
        "approved": ([0, 1], [2]),
        "yesno": ([0, 1], [2]),
        "thumbs": ([0, 1], [2]),
        "like": ([1], [0, 2]),
    }
    for kind, (good, bad) in cases.items():
        for value in bad:
            assert error(api.post(f"/rating/item/{item}/{kind}", json={"value": value}), 400)
        for value in good:
            ok(api.post(f"/rating/item/{item}/{kind}", json={"value": value}))
    assert error(api.post(f"/rating/item/{item}/fivestar", json={"value": "5"}), 400)
    assert error(api.post(f"/rating/item/{item}/stars", json={"value": 1}), 400)
    every = ok(api.get(f"/rating/item/{item}"))
    assert set(every) == {"like", "approved", "rsvp", "fivestar", "yesno", "thumbs"}
    assert every["fivestar"]["counts"]["5"]["total"] == 1
    assert every["fivestar"]["average"] == 5
    assert list(every["rsvp"]["counts"]) == ["0", "1", "2"]
    full = ok(api.get(f"/item/{item}"))
    assert full["user_ratings"]["fivestar"] == 5
    assert ok(api.get(f"/rating/item/{item}/thumbs"))["counts"]["1"]["total"] == 1


def test_app_tokens_cannot_rate(api: httpx.Client, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["clients"]
    token = ok(api.get(f"/app/{app_id}"))["token"]
    grant = ok(
        httpx.post(
            f"{api.base_url}/oauth/token",
            data={
                "grant_type": "app",
                "app_id": app_id,
                "app_token": token,
                "client_id": "emulator",
                "client_secret": "emulator-secret",
            },
        )
    )
    item = world["item_ids"]["clients"][0]
    response = httpx.post(
        f"{api.base_url}/rating/item/{item}/like",
        headers={"Authorization": f"OAuth2 {grant['access_token']}"},
        json={"value": 1},
    )
    assert error(response, 403)


# -- subscriptions ----------------------------------------------------------------------------


def test_authors_follow_their_items_until_they_unsubscribe(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    item = world["item_ids"]["projects"][4]
    mine = ok(api.get(f"/subscription/item/{item}"))
    assert mine["ref"]["type"] == "item"
    assert mine["ref"]["id"] == item
    assert (
        ok(api.get(f"/subscription/{mine['subscription_id']}"))["started_on"] == mine["started_on"]
    )
    ok(api.delete(f"/subscription/item/{item}"), 204)
    gone = ok(api.get(f"/item/{item}"))
    assert (gone["subscribed"], gone["subscribed_count"]) == (False, 0)
    assert error(api.get(f"/subscription/item/{item}"), 404)
    again = ok(api.post(f"/subscription/item/{item}"))
    assert again["subscription_id"] == mine["subscription_id"]
    assert ok(api.get(f"/item/{item}"))["subscribed"] is True

    bob = people["bob"]
    bobs = ok(bob.post(f"/subscription/item/{item}"))["subscription_id"]
    assert ok(bob.post(f"/subscription/item/{item}"))["subscription_id"] == bobs
    followers = ok(api.get(f"/subscription/item/{item}/user"))
    assert [u["user_id"] for u in followers] == [user_id(api), user_id(bob)]
    assert error(api.get(f"/subscription/{bobs}"), 404)
    assert error(api.delete(f"/subscription/{bobs}"), 404)
    ok(bob.delete(f"/subscription/{bobs}"), 204)
    assert ok(api.get(f"/item/{item}"))["subscribed_count"] == 1


def test_subscribing_to_spaces_apps_tasks_and_statuses(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    carol = people["carol"]
    for ref in (
        f"space/{world['space_ids']['intranet']}",
        f"app/{world['app_ids']['clients']}",
        f"status/{world['status_ids'][0]}",
    ):
        ok(carol.post(f"/subscription/{ref}"))
        assert ok(carol.get(f"/subscription/{ref}"))["ref"]["id"] == int(ref.split("/")[1])
    assert error(carol.post(f"/subscription/space/{world['space_ids']['sales']}"), 403)
    assert error(carol.post("/subscription/comment/1"), 400)
    task_id = world["task_ids"][1]  # Alice's task for Carol: both follow it
    assert ok(carol.get(f"/task/{task_id}"))["subscribed"] is True
    assert ok(carol.get(f"/task/{task_id}"))["subscribed_count"] == 2
