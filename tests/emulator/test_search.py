"""Search over HTTP: what is found, within whose rights, in which shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from .collab_support import error, ok, upload

RESULT_KEYS = {
    "type",
    "id",
    "title",
    "link",
    "rank",
    "search_id",
    "created_on",
    "created_by",
    "app",
    "space",
    "org",
    "highlight",
}


@pytest.fixture
def people(login: Callable[..., httpx.Client], world: dict[str, Any]) -> dict[str, httpx.Client]:
    return {name: login(f"{name}@example.com") for name in ("alice", "bob", "carol")}


def _found(client: httpx.Client, path: str = "/search/", **body: Any) -> list[tuple[str, int]]:
    return [(r["type"], r["id"]) for r in ok(client.post(path, json=body))]


def test_items_are_found_by_title_values_tags_and_comments(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    app_id = world["app_ids"]["clients"]
    item = ok(
        api.post(
            f"/item/app/{app_id}/",
            json={
                "fields": {
                    "name": "Zanzibar Trading",
                    "email": {"type": "work", "value": "q@kiwi.example"},
                },
                "tags": ["mango"],
            },
        )
    )["item_id"]
    ok(api.post(f"/comment/item/{item}/", json={"value": "papaya season"}))
    for query in ("zanzibar", "ZANZIBAR trading", "kiwi.example", "mango", "papaya"):
        assert _found(api, query=query, ref_type="item") == [("item", item)], query
    assert _found(api, query="zanzibar papaya") == [("item", item)]
    assert _found(api, query="zanzibar nothing") == []
    assert _found(api, query="papaya", search_fields=["title"]) == []
    assert _found(api, query="papaya", search_fields=["comments"]) == [("item", item)]
    results = ok(api.post("/search/", json={"query": "zanzibar", "highlights": True}))
    (result,) = results
    assert set(result) == RESULT_KEYS
    assert result["highlight"] == "<em>Zanzibar</em> Trading"
    assert result["app"]["app_id"] == app_id
    assert result["space"]["space_id"] == world["space_ids"]["intranet"]
    assert result["org"]["org_id"] == world["org_id"]
    assert result["rank"] == 1
    assert result["created_by"]["user_id"] > 0


def test_every_kind_of_object_is_searched(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    space_id = world["space_ids"]["intranet"]
    status = ok(api.post(f"/status/space/{space_id}/", json={"value": "Quokka sighting"}))
    task = ok(api.post(f"/task/space/{space_id}/", json={"text": "Feed the quokka"}))
    item = world["item_ids"]["projects"][0]
    quokka = upload(api, "quokka.jpg", b"\xff\xd8", "image/jpeg")
    ok(
        api.post(f"/file/{quokka['file_id']}/attach", json={"ref_type": "item", "ref_id": item}),
        204,
    )
    contact = ok(api.post(f"/contact/space/{space_id}/", json={"name": "Quokka Keeper"}))
    found = set(_found(api, query="quokka"))
    assert found == {
        ("status", status["status_id"]),
        ("task", task["task_id"]),
        ("file", quokka["file_id"]),
        ("profile", contact["profile_id"]),
    }
    assert _found(api, query="quokka", ref_type="task") == [("task", task["task_id"])]
    assert set(_found(api, query="quokka", ref_type=["task", "file"])) == {
        ("task", task["task_id"]),
        ("file", quokka["file_id"]),
    }
    assert ("app", world["app_ids"]["clients"]) in _found(api, query="clients", ref_type="app")
    assert _found(people["bob"], query="carol light", ref_type="profile")


def test_results_respect_the_callers_rights(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    intranet, sales = world["space_ids"]["intranet"], world["space_ids"]["sales"]
    secret = ok(
        alice.post(f"/task/space/{intranet}/", json={"text": "Wombat plan", "private": True})
    )
    ok(api.post(f"/status/space/{sales}/", json={"value": "Wombat deal closed"}))
    assert _found(alice, query="wombat") == [("task", secret["task_id"])]
    assert [t for t, _ in _found(bob, query="wombat")] == ["status"]
    assert _found(carol, query="wombat") == []
    assert _found(carol, f"/search/space/{intranet}/", query="wombat") == []
    assert error(carol.post(f"/search/space/{sales}/", json={"query": "wombat"}), 403)


def test_scopes_counts_paging_and_validation(api: httpx.Client, world: dict[str, Any]) -> None:
    clients, projects = world["app_ids"]["clients"], world["app_ids"]["projects"]
    assert {t for t, _ in _found(api, f"/search/app/{clients}/", query="corp")} == {"item"}
    assert len(_found(api, f"/search/app/{clients}/", query="corp", limit=20)) == 12
    in_projects = _found(api, f"/search/app/{projects}/", query="acme", limit=20)
    assert in_projects
    assert all(kind == "item" for kind, _ in in_projects)
    intranet = world["space_ids"]["intranet"]
    assert _found(api, f"/search/app/{projects}/space/{intranet}", query="acme", limit=20) == (
        in_projects
    )
    assert error(
        api.post(
            f"/search/app/{projects}/space/{world['space_ids']['sales']}", json={"query": "acme"}
        ),
        404,
    )
    assert _found(api, f"/search/org/{world['org_id']}/", query="acme", limit=20) == (
        _found(api, query="acme", limit=20)
    )
    counted = ok(
        api.post(
            "/search/",
            json={"query": "hooli", "counts": True, "limit": 2, "offset": 1, "ref_type": "item"},
        )
    )
    assert set(counted) == {"results", "counts"}
    assert counted["counts"]["item"] > 3
    assert [r["rank"] for r in counted["results"]] == [2, 3]
    assert len({r["search_id"] for r in counted["results"]}) == 1
    ok(api.post(f"/search/{counted['results'][0]['search_id']}/2/clicked"), 204)
    nulls = ok(api.post("/search/", json={"query": "hooli", "limit": None, "ref_type": None}))
    assert len(nulls) == 20
    assert error(api.post("/search/", json={"query": "x", "limit": 21}), 400)
    assert error(api.post("/search/", json={"query": " "}), 400)
    assert error(api.post("/search/", json={"query": "x", "ref_type": "widget"}), 400)
    assert error(api.post("/search/", json={"query": "x", "search_fields": ["color"]}), 400)


def test_search_is_a_heavy_call(api: httpx.Client, world: dict[str, Any]) -> None:
    response = api.post("/search/", json={"query": "acme"})
    assert response.headers["x-rate-limit-limit"] == "250"
