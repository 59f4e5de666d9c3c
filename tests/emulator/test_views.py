"""Saved views over HTTP, and filtering items by them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from .collab_support import error, ok

VIEW_KEYS = {
    "view_id",
    "name",
    "type",
    "private",
    "sort_by",
    "sort_desc",
    "filters",
    "layout",
    "fields",
    "grouping",
    "items",
    "created_on",
    "created_by",
    "rights",
}


@pytest.fixture
def people(login: Callable[..., httpx.Client], world: dict[str, Any]) -> dict[str, httpx.Client]:
    return {name: login(f"{name}@example.com") for name in ("alice", "bob", "carol")}


def _status_field(api: httpx.Client, app_id: int) -> int:
    fields = ok(api.get(f"/app/{app_id}"))["fields"]
    return next(int(f["field_id"]) for f in fields if f["external_id"] == "status")


def test_a_saved_view_filters_and_sorts_items(api: httpx.Client, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["projects"]
    status = _status_field(api, app_id)
    made = ok(
        api.post(
            f"/view/app/{app_id}/",
            json={
                "name": "Done",
                "filters": {str(status): [4]},
                "sort_by": "title",
                "sort_desc": False,
                "layout": "table",
                "fields": {str(status): {"width": 120}},
                "grouping": {"type": "field", "value": status},
            },
        )
    )
    view = ok(api.get(f"/view/{made['view_id']}"))
    assert set(view) == VIEW_KEYS
    assert view["filters"] == [{"key": str(status), "values": [4]}]
    assert (view["type"], view["private"], view["layout"]) == ("saved", False, "table")
    expected = ok(
        api.post(
            f"/item/app/{app_id}/filter/",
            json={"filters": {"status": [4]}, "sort_by": "title", "sort_desc": False, "limit": 500},
        )
    )
    assert view["items"] == expected["filtered"] > 0
    by_view = ok(api.post(f"/item/app/{app_id}/filter/{made['view_id']}/", json={"limit": 5}))
    assert by_view["filtered"] == expected["filtered"]
    assert [i["item_id"] for i in by_view["items"]] == [i["item_id"] for i in expected["items"][:5]]
    count = ok(api.get(f"/item/app/{app_id}/count", params={"view_id": made["view_id"]}))
    assert count == {"count": expected["filtered"]}
    assert ok(api.get(f"/view/app/{app_id}/Done"))["view_id"] == made["view_id"]
    assert ok(api.get(f"/view/app/{app_id}/{made['view_id']}"))["name"] == "Done"


def test_private_and_public_views_and_who_may_change_them(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    app_id = world["app_ids"]["projects"]
    bob, carol, alice = people["bob"], people["carol"], people["alice"]
    assert error(bob.post(f"/view/app/{app_id}/", json={"name": "Team"}), 403)
    mine = ok(carol.post(f"/view/app/{app_id}/", json={"name": "Mine", "private": True}))
    public = ok(alice.post(f"/view/app/{app_id}/", json={"name": "Team"}))
    assert error(bob.get(f"/view/{mine['view_id']}"), 404)
    assert error(bob.post(f"/item/app/{app_id}/filter/{mine['view_id']}/", json={}), 404)
    names = [v["name"] for v in ok(bob.get(f"/view/app/{app_id}/"))]
    assert names == ["Team"]
    with_standard = ok(bob.get(f"/view/app/{app_id}/", params={"include_standard_views": "1"}))
    assert [(v["name"], v["type"]) for v in with_standard] == [
        ("Team", "saved"),
        ("All items", "standard"),
        ("Last modified", "standard"),
    ]
    assert ok(bob.get(f"/view/{public['view_id']}"))["rights"] == ["view"]
    assert error(bob.put(f"/view/{public['view_id']}", json={"name": "x"}), 403)
    assert error(carol.put(f"/view/{mine['view_id']}", json={"private": False}), 403)
    ok(carol.put(f"/view/{mine['view_id']}", json={"name": "Still mine"}), 204)
    assert ok(carol.get(f"/view/{mine['view_id']}"))["name"] == "Still mine"
    standard = with_standard[1]["view_id"]
    assert error(alice.delete(f"/view/{standard}"), 403)
    ok(carol.delete(f"/view/{mine['view_id']}"), 204)
    assert error(carol.get(f"/view/{mine['view_id']}"), 410)["error"] == "gone"
    assert error(carol.post(f"/item/app/{app_id}/filter/{mine['view_id']}/", json={}), 410)
    assert error(api.get(f"/view/app/{world['app_ids']['clients']}/{public['view_id']}"), 404)


def test_bad_views_are_refused(api: httpx.Client, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["projects"]
    assert error(api.post(f"/view/app/{app_id}/", json={"filters": {}}), 400)
    assert error(
        api.post(f"/view/app/{app_id}/", json={"name": "x", "filters": {"nope": [1]}}), 400
    )
    assert error(api.post(f"/view/app/{app_id}/", json={"name": "x", "sort_by": "nope"}), 400)
    assert error(api.post(f"/view/app/{app_id}/", json={"name": "x", "layout": "grid"}), 400)
    assert error(api.post(f"/view/app/{app_id}/", json={"name": "x", "grouping": {"t": 1}}), 400)
    assert error(api.get("/view/123"), 404)
    assert ok(api.get(f"/view/app/{app_id}/")) == []


def test_default_and_last_used_views(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    app_id = world["app_ids"]["projects"]
    public = ok(api.post(f"/view/app/{app_id}/", json={"name": "Open"}))["view_id"]
    private = ok(api.post(f"/view/app/{app_id}/", json={"name": "P", "private": True}))["view_id"]
    assert error(people["bob"].post(f"/view/{public}/default"), 403)
    assert error(api.post(f"/view/{private}/default"), 400)
    ok(api.post(f"/view/{public}/default"), 204)
    assert ok(api.get(f"/app/{app_id}"))["default_view_id"] == public

    last = ok(api.get(f"/view/app/{app_id}/last"))
    assert (last["view_id"], last["type"], last["filters"], last["items"]) == (0, "last", [], 300)
    ok(
        api.put(f"/view/app/{app_id}/last", json={"filters": {"status": [1]}, "sort_by": "title"}),
        204,
    )
    last = ok(api.get(f"/view/app/{app_id}/last"))
    assert last["filters"] == [{"key": "status", "values": [1]}]
    assert last["sort_by"] == "title"
    planned = ok(api.post(f"/item/app/{app_id}/filter/0/", json={"limit": 500}))
    assert planned["filtered"] == last["items"]
    ok(api.post(f"/item/app/{app_id}/filter/", json={"filters": {"status": [3]}, "remember": True}))
    assert ok(api.get(f"/view/app/{app_id}/last"))["filters"] == [{"key": "status", "values": [3]}]
    assert ok(people["bob"].get(f"/view/app/{app_id}/last"))["filters"] == []
