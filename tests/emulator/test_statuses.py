"""Status messages over HTTP: posting on spaces, likes, rights, questions, files, embeds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from .collab_support import error, ok, upload

STATUS_KEYS = {
    "status_id",
    "value",
    "rich_value",
    "link",
    "created_on",
    "created_by",
    "created_via",
    "last_edit_on",
    "files",
    "embed",
    "embed_file",
    "comments",
    "questions",
    "ratings",
    "user_ratings",
    "like_count",
    "is_liked",
    "subscribed",
    "subscribed_count",
    "pinned",
    "rights",
    "alerts",
    "push",
    "presence",
}


def test_posting_a_status_with_files_an_embed_and_a_question(
    login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    carol = login("carol@example.com")
    space_id = world["space_ids"]["intranet"]
    picture = upload(carol, "team.jpg", b"\xff\xd8\xff", "image/jpeg")
    made = ok(
        carol.post(
            f"/status/space/{space_id}/",
            json={
                "value": "Light members may post too",
                "file_ids": [picture["file_id"]],
                "embed_url": "https://www.youtube.com/watch?v=abc",
                "question": {"text": "Pizza?", "options": ["Yes", "No", "Maybe"]},
            },
        )
    )
    assert set(made) >= STATUS_KEYS
    assert made["space_id"] == space_id
    assert made["link"].endswith(f"/intranet/status/{made['status_id']}")
    assert [f["file_id"] for f in made["files"]] == [picture["file_id"]]
    assert made["embed"]["type"] == "video"
    assert made["embed"]["hostname"] == "youtube.com"
    (question,) = made["questions"]
    assert question["text"] == "Pizza?"
    assert [o["text"] for o in question["options"]] == ["Yes", "No", "Maybe"]
    assert made["subscribed"] is True
    assert made["rights"][:3] == ["view", "update", "delete"]
    assert ok(carol.get(f"/status/{made['status_id']}"))["value"] == made["value"]


def test_likes_show_on_the_status(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    status_id = world["status_ids"][0]  # the demo welcome post, liked by Bob
    seen = ok(api.get(f"/status/{status_id}"))
    assert seen["like_count"] == 1
    assert seen["is_liked"] is False
    assert seen["ratings"]["like"]["counts"]["1"]["total"] == 1
    assert seen["user_ratings"] == {"like": None}
    ok(api.post(f"/rating/status/{status_id}/like", json={"value": 1}))
    again = ok(api.get(f"/status/{status_id}"))
    assert (again["like_count"], again["is_liked"], again["user_ratings"]) == (2, True, {"like": 1})
    assert error(api.post(f"/rating/status/{status_id}/fivestar", json={"value": 5}), 400)
    ok(api.delete(f"/rating/status/{status_id}/like"), 204)
    assert ok(api.get(f"/status/{status_id}"))["like_count"] == 1


def test_only_the_author_edits_and_admins_delete(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    bob, carol = login("bob@example.com"), login("carol@example.com")
    space_id = world["space_ids"]["intranet"]
    made = ok(
        bob.post(
            f"/status/space/{space_id}/",
            json={"value": "Draft", "embed_url": "https://a.example/x"},
        )
    )
    ok(bob.put(f"/status/{made['status_id']}", json={"value": "Final"}), 204)
    edited = ok(carol.get(f"/status/{made['status_id']}"))
    assert edited["value"] == "Final"
    assert edited["embed"] is None
    assert edited["last_edit_on"] is not None
    assert error(carol.put(f"/status/{made['status_id']}", json={"value": "x"}), 403)
    assert error(carol.delete(f"/status/{made['status_id']}"), 403)
    ok(api.delete(f"/status/{made['status_id']}"), 204)
    assert error(bob.get(f"/status/{made['status_id']}"), 410)["error"] == "gone"
    assert error(bob.get("/status/123"), 404)["error"] == "not_found"


def test_who_may_post_where(
    api: httpx.Client, login: Callable[..., httpx.Client], world: dict[str, Any]
) -> None:
    carol = login("carol@example.com")
    sales = world["space_ids"]["sales"]
    assert error(carol.post(f"/status/space/{sales}/", json={"value": "hi"}), 403)
    mine = ok(api.post(f"/status/space/{sales}/", json={"value": "closed space"}))
    assert error(carol.get(f"/status/{mine['status_id']}"), 403)
    assert error(api.post(f"/status/space/{sales}/", json={"value": ""}), 400)
    bad_question = {"value": "q", "question": {"text": "?", "options": ["only one"]}}
    assert error(api.post(f"/status/space/{sales}/", json=bad_question), 400)
    assert error(api.post("/status/space/999/", json={"value": "x"}), 404)
