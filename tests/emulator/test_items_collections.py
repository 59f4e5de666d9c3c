"""Item collections over HTTP: filters of every kind, sorting, paging, query syntax, views.

The tests here only read, so they share one app filled once for the module (HTTP calls to
the emulator cost tens of milliseconds each).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.db import dumps

from .items_support import Api, api_for, build_world, fake_files, fill


@pytest.fixture(scope="module")
def setup(
    podio_emulator_server: EmulatorHandle,
) -> Iterator[tuple[Api, dict[str, Any], dict[str, Any]]]:
    podio_emulator_server.reset()
    with fake_files() as files:
        files.add_file(6_000_000_101, "photo.png", "image/png")
        api = api_for(podio_emulator_server)
        world = build_world(api)
        yield api, world, fill(api, world)


@pytest.fixture
def api(setup: tuple[Api, dict[str, Any], dict[str, Any]]) -> Api:
    return setup[0]


@pytest.fixture
def world(setup: tuple[Api, dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    return setup[1]


@pytest.fixture
def filled(setup: tuple[Api, dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    return setup[2]


def _titles(result: dict[str, Any]) -> list[str]:
    return [i["title"] for i in result["items"]]


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({"status": [1]}, ["Echo", "Alpha"]),
        ({"status": [2, None]}, ["foxtrot", "delta", "bravo"]),
        ({"amount": {"from": 20, "to": 35}}, ["Charlie", "bravo"]),
        ({"price": {"from": 1}}, ["Alpha"]),
        ({"progress": {"from": 50}}, ["Charlie"]),
        ({"duration": {"to": 60}}, ["Alpha"]),
        ({"due": {"from": "2024-05-01", "to": "2024-05-31"}}, ["bravo", "Alpha"]),
        ({"day": {"from": "2024-05-02", "to": "2024-05-02"}}, ["Echo"]),
        ({"areas": [2]}, ["bravo"]),
        ({"owner": ["__profile__"]}, ["bravo"]),
        ({"project": ["__project__"]}, ["bravo"]),
        ({"state": ["off"]}, ["Charlie"]),
        ({"where": "par"}, ["Alpha"]),
        ({"email": "paris"}, ["Alpha"]),
        ({"title": "ALPH"}, ["Alpha"]),
        ({"tags": ["hot"]}, ["Echo", "Charlie", "Alpha"]),
        ({"total": {"from": 60}}, ["delta", "Charlie"]),
        ({"app_item_id": [1, 2]}, ["bravo", "Alpha"]),
        (
            {"created_by": [{"type": "user", "id": "__user__"}]},
            ["foxtrot", "Echo", "delta", "Charlie", "bravo", "Alpha"],
        ),
        (
            {"created_on": {"from": "2000-01-01"}},
            ["foxtrot", "Echo", "delta", "Charlie", "bravo", "Alpha"],
        ),
    ],
)
def test_filters_over_http(
    api: Api, world: dict[str, Any], filled: dict[str, Any], filters: Any, titles: list[str]
) -> None:
    placeholders = {
        "__profile__": world["profile_id"],
        "__project__": world["project_item"],
        "__user__": world["user_id"],
    }
    text = dumps({"filters": filters})
    for key, value in placeholders.items():
        text = text.replace(f'"{key}"', str(value))
    result = api.ok("POST", f"/item/app/{filled['app_id']}/filter/", content=text,
                    headers={"Content-Type": "application/json"})  # fmt: skip
    assert result["total"] == 6
    assert result["filtered"] == len(titles)
    assert _titles(result) == titles


@pytest.mark.parametrize(
    ("sort_by", "desc", "titles"),
    [
        (None, None, ["foxtrot", "Echo", "delta", "Charlie", "bravo", "Alpha"]),
        ("title", False, ["Alpha", "bravo", "Charlie", "delta", "Echo", "foxtrot"]),
        ("amount", True, ["delta", "Charlie", "bravo", "Alpha", "foxtrot", "Echo"]),
        ("amount", False, ["foxtrot", "Alpha", "bravo", "Charlie", "delta", "Echo"]),
        ("status", False, ["Alpha", "Echo", "bravo", "foxtrot", "Charlie", "delta"]),
        ("due", False, ["Alpha", "bravo", "Charlie", "delta", "Echo", "foxtrot"]),
        ("app_item_id", False, ["Alpha", "bravo", "Charlie", "delta", "Echo", "foxtrot"]),
        ("created_on", False, ["Alpha", "bravo", "Charlie", "delta", "Echo", "foxtrot"]),
    ],
)
def test_sorting_over_http(
    api: Api, filled: dict[str, Any], sort_by: Any, desc: Any, titles: list[str]
) -> None:
    body: dict[str, Any] = {}
    if sort_by is not None:
        body = {"sort_by": sort_by, "sort_desc": desc}
    result = api.ok("POST", f"/item/app/{filled['app_id']}/filter/", json=body)
    assert _titles(result) == titles


def test_paging_limits_and_query_filters(api: Api, filled: dict[str, Any]) -> None:
    app_id = filled["app_id"]
    body = {"limit": 2, "offset": 2, "sort_by": "title", "sort_desc": False}
    page = api.ok("POST", f"/item/app/{app_id}/filter/", json=body)
    assert (page["total"], page["filtered"], _titles(page)) == (6, 6, ["Charlie", "delta"])
    big = api.post(f"/item/app/{app_id}/filter/", json={"limit": 501})
    assert big.status_code == 400
    assert big.json()["error_description"] == (
        "Invalid value 501 (integer): must not be greater than 500"
    )
    assert api.post(f"/item/app/{app_id}/filter/", json={"limit": 500}).status_code == 200
    listed = api.ok("GET", f"/item/app/{app_id}/",
                    params={"status": "1;2", "sort_by": "title", "sort_desc": "false"})  # fmt: skip
    assert _titles(listed) == ["Alpha", "bravo", "Echo", "foxtrot"]
    ranged = api.ok("GET", f"/item/app/{app_id}/", params={"amount": "10-30"})
    assert sorted(_titles(ranged)) == ["Alpha", "bravo"]
    assert api.ok("GET", f"/item/app/{app_id}/count", params={"status": "null;3"}) == {"count": 2}
    assert api.ok("GET", f"/item/app/{app_id}/count/", params={"amount": "20-"}) == {"count": 3}
    bad = api.get(f"/item/app/{app_id}/count", params={"bogus": "1"})
    assert bad.status_code == 400
    with_files = api.ok("POST", f"/item/app/{app_id}/filter/", params={
        "fields": "items.fields(files)"}, json={"limit": 1})  # fmt: skip
    assert with_files["items"][0]["files"] == []


def test_filter_by_view_and_remembered_view(
    api: Api, filled: dict[str, Any], podio_emulator_server: EmulatorHandle
) -> None:
    app_id = filled["app_id"]
    # Views belong to the views area; the items area reads the `views` table (AREAS.md §11).
    with podio_emulator_server.emulator.transaction() as tx:
        view_id = tx.next_id("view")
        tx.insert("views", {
            "view_id": view_id, "app_id": app_id, "name": "Open ones",
            "created_on": tx.clock.now_str(), "filters": dumps([{"key": "status", "values": [1]}]),
            "sort_by": "title", "sort_desc": 0,
        })  # fmt: skip
    result = api.ok("POST", f"/item/app/{app_id}/filter/{view_id}/", json={})
    assert _titles(result) == ["Alpha", "Echo"]
    desc = api.ok("POST", f"/item/app/{app_id}/filter/{view_id}/", json={"sort_desc": True})
    assert _titles(desc) == ["Echo", "Alpha"]
    assert api.ok("GET", f"/item/app/{app_id}/count", params={"view_id": view_id}) == {"count": 2}
    assert api.post(f"/item/app/{app_id}/filter/99/", json={}).status_code == 404
    api.ok("POST", f"/item/app/{app_id}/filter/", json={"filters": {"status": [3]},
           "remember": True})  # fmt: skip
    last = api.ok("POST", f"/item/app/{app_id}/filter/0/", json={})
    assert _titles(last) == ["Charlie"]
