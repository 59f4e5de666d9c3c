"""Comments over HTTP: on items, statuses and tasks, with Podio's rights and shapes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from .collab_support import assert_same_shape, error, give_avatar, ok, sample, upload


def _sales_item(api: httpx.Client, world: dict[str, Any]) -> int:
    """An item in the closed Sales space (owner and Bob only)."""
    app = ok(
        api.post(
            "/app/",
            json={
                "space_id": world["space_ids"]["sales"],
                "config": {"name": "Deals", "item_name": "Deal"},
                "fields": [{"type": "text", "config": {"label": "Name"}}],
            },
        )
    )
    return int(
        ok(api.post(f"/item/app/{app['app_id']}/", json={"fields": {"name": "Big"}}))["item_id"]
    )


def test_a_comment_on_an_item_has_the_captured_keys_and_counts(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    give_avatar(api)
    item = world["item_ids"]["projects"][5]
    made = ok(
        api.post(
            f"/comment/item/{item}/", json={"value": "First!\nSecond line", "external_id": "c-1"}
        )
    )
    captured = sample("item-get-all-fields.json")["comments"][0]
    assert set(captured) <= set(made)
    assert_same_shape(captured, made)
    assert made["value"] == "First!\nSecond line"
    assert made["rich_value"] == "First!<br />Second line"
    assert made["external_id"] == "c-1"
    assert made["ref"] == {"type": "item", "id": item}
    assert made["rights"] == ["rate", "delete", "update", "add_file", "view", "add_question"]
    full = ok(api.get(f"/item/{item}"))
    assert [c["comment_id"] for c in full["comments"]] == [made["comment_id"]]
    app_id = world["app_ids"]["projects"]
    short = ok(api.post(f"/item/app/{app_id}/filter/", json={"filters": {"item_id": [item]}}))
    assert short["items"][0]["comment_count"] == 1
    assert ok(api.get(f"/comment/{made['comment_id']}")) == made
    for path in (f"/comment/item/{item}", f"/comment/item/{item}/"):
        assert [c["comment_id"] for c in ok(api.get(path))] == [made["comment_id"]]


def test_files_and_embeds_on_comments(api: httpx.Client, world: dict[str, Any]) -> None:
    item = world["item_ids"]["projects"][6]
    attached = upload(api, "shot.png", b"\x89PNG", "image/png")
    made = ok(
        api.post(
            f"/comment/item/{item}",
            json={
                "value": "See this",
                "file_ids": [attached["file_id"]],
                "embed_url": "https://example.com/docs/getting-started",
            },
        )
    )
    assert [f["file_id"] for f in made["files"]] == [attached["file_id"]]
    assert made["embed"]["original_url"] == "https://example.com/docs/getting-started"
    assert made["embed"]["title"] == "getting started"
    context = ok(api.get(f"/file/{attached['file_id']}"))["context"]
    assert context["type"] == "comment"
    assert context["id"] == made["comment_id"]
    # An update without embed_id removes the link (objects.md "Comment").
    ok(api.put(f"/comment/{made['comment_id']}", json={"value": "Edited"}), 204)
    edited = ok(api.get(f"/comment/{made['comment_id']}"))
    assert edited["value"] == "Edited"
    assert edited["embed"] is None
    assert edited["last_edit_on"] is not None
    again = ok(
        api.put(f"/comment/{made['comment_id']}", json={"embed_id": made["embed"]["embed_id"]}), 204
    )
    assert again is None
    assert (
        ok(api.get(f"/comment/{made['comment_id']}"))["embed"]["embed_id"]
        == made["embed"]["embed_id"]
    )
    assert error(api.put(f"/comment/{made['comment_id']}", json={"embed_id": 1}), 400)


def test_who_may_comment_change_and_delete(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob, carol = (login(f"{n}@example.com") for n in ("alice", "bob", "carol"))
    item = world["item_ids"]["projects"][7]
    by_carol = ok(carol.post(f"/comment/item/{item}/", json={"value": "light members comment"}))
    by_bob = ok(bob.post(f"/comment/item/{item}/", json={"value": "regular"}))
    assert error(carol.put(f"/comment/{by_bob['comment_id']}", json={"value": "x"}), 403)
    assert error(carol.delete(f"/comment/{by_bob['comment_id']}"), 403)
    seen_by_carol = ok(carol.get(f"/comment/{by_bob['comment_id']}"))
    assert seen_by_carol["rights"] == ["rate", "view"]
    assert ok(alice.get(f"/comment/{by_carol['comment_id']}"))["rights"] == [
        "rate",
        "delete",
        "view",
    ]
    ok(alice.delete(f"/comment/{by_carol['comment_id']}"), 204)
    assert error(api.get(f"/comment/{by_carol['comment_id']}"), 410)["error"] == "gone"
    assert error(api.delete(f"/comment/{by_carol['comment_id']}"), 410)

    sales_item = _sales_item(api, world)
    assert error(carol.post(f"/comment/item/{sales_item}/", json={"value": "x"}), 403)
    assert error(carol.get(f"/comment/item/{sales_item}/"), 403)
    assert error(api.post("/comment/item/12345/", json={"value": "x"}), 404)
    ok(api.delete(f"/item/{sales_item}"), 204)
    assert error(api.post(f"/comment/item/{sales_item}/", json={"value": "x"}), 410)


def test_bad_comment_bodies_store_nothing(
    api: httpx.Client, world: dict[str, Any], podio_emulator: Any
) -> None:
    item = world["item_ids"]["projects"][8]
    before = podio_emulator.state()["objects"]["comment"]
    missing = error(api.post(f"/comment/item/{item}/"), 404)
    assert (
        missing["error_description"] == "No matching operation could be found. No body was given."
    )
    assert error(api.post(f"/comment/item/{item}/", json={"value": "  "}), 400)
    assert error(api.post(f"/comment/item/{item}/", json={"value": 5}), 400)
    assert error(api.post(f"/comment/item/{item}/", json={"value": "x", "file_ids": [1]}), 400)
    assert error(
        api.post(f"/comment/space/{world['space_ids']['intranet']}/", json={"value": "x"}), 400
    )
    assert podio_emulator.state()["objects"]["comment"] == before


def test_comments_on_statuses_and_tasks_and_likes(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    bob = login("bob@example.com")
    status_id = world["status_ids"][0]
    on_status = ok(bob.post(f"/comment/status/{status_id}/", json={"value": "Yes please"}))
    status = ok(api.get(f"/status/{status_id}"))
    assert [c["comment_id"] for c in status["comments"]] == [on_status["comment_id"]]
    task_id = world["task_ids"][0]
    ok(bob.post(f"/comment/task/{task_id}/", json={"value": "On it"}))
    assert [c["value"] for c in ok(api.get(f"/task/{task_id}"))["comments"]] == ["On it"]
    ok(api.post(f"/rating/comment/{on_status['comment_id']}/like", json={"value": 1}))
    liked = ok(api.get(f"/comment/{on_status['comment_id']}"))
    assert (liked["like_count"], liked["is_liked"]) == (1, True)
    assert ok(bob.get(f"/comment/{on_status['comment_id']}"))["is_liked"] is False
    who = ok(bob.get(f"/comment/{on_status['comment_id']}/liked_by/"))
    assert [p["mail"] for p in who] == [["user@example.com"]]


def test_commenting_subscribes_the_commenter(
    login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    carol = login("carol@example.com")
    item = world["item_ids"]["projects"][9]
    assert ok(carol.get(f"/item/{item}"))["subscribed"] is False
    ok(carol.post(f"/comment/item/{item}/", json={"value": "following"}))
    after = ok(carol.get(f"/item/{item}"))
    assert after["subscribed"] is True
    assert after["subscribed_count"] == 2
