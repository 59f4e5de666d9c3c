"""Slash-aware routing: literals beat variables, numbers are not words, slashes matter."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.routing import Router, RouteTable


def table(*templates: str, **kw: Any) -> RouteTable:
    router = Router("test")
    for template in templates:
        router.get(template, **kw)(lambda req: None)
    return RouteTable(router.routes)


def matched(t: RouteTable, path: str) -> str | None:
    found = t.match("GET", path)
    return None if found is None else found[0].template


def test_literal_segments_win_over_variables() -> None:
    t = table("/task/{task_id}", "/task/summary", "/task/{ref_type}/{ref_id}/")
    assert matched(t, "/task/summary") == "/task/summary"
    assert matched(t, "/task/42") == "/task/{task_id}"
    assert matched(t, "/task/item/42/") == "/task/{ref_type}/{ref_id}/"


def test_numbers_and_words_go_to_different_operations() -> None:
    t = table("/conversation/{flag}/", "/conversation/{conversation_id}", "/x/{name:str}")
    assert matched(t, "/conversation/starred/") == "/conversation/{flag}/"
    assert matched(t, "/conversation/7") == "/conversation/{conversation_id}"
    assert matched(t, "/conversation/7/") is None  # a number is not a flag
    assert matched(t, "/conversation/starred") is None  # and a word is not an id
    assert matched(t, "/x/123") == "/x/{name:str}"


def test_trailing_slash_is_significant_unless_both_are_accepted() -> None:
    t = table("/item/app/{app_id}/")
    assert matched(t, "/item/app/1/") == "/item/app/{app_id}/"
    assert matched(t, "/item/app/1") is None
    both = table("/user/", slash="both")
    assert matched(both, "/user") == "/user/"
    assert matched(both, "/user/") == "/user/"


def test_exact_slash_beats_a_tolerant_route() -> None:
    router = Router("test")
    router.get("/a/{x_id}/", slash="both")(lambda req: None)
    router.get("/a/{x_id}")(lambda req: None)
    t = RouteTable(router.routes)
    found = t.match("GET", "/a/1")
    assert found is not None
    assert found[0].template == "/a/{x_id}"
    found = t.match("GET", "/a/1/")
    assert found is not None
    assert found[0].template == "/a/{x_id}/"


def test_params_are_converted() -> None:
    router = Router("test")
    router.put("/space/{space_id}/member/{user_ids:ids}")(lambda req: None)
    router.get("/file/{rest:path}")(lambda req: None)
    t = RouteTable(router.routes)
    found = t.match("PUT", "/space/5/member/1,2,3")
    assert found is not None
    assert found[1] == {"space_id": 5, "user_ids": [1, 2, 3]}
    found = t.match("GET", "/file/a/b/c")
    assert found is not None
    assert found[1] == {"rest": "a/b/c"}
    assert t.match("GET", "/space//member/1") is None


def test_two_areas_cannot_register_the_same_operation() -> None:
    one, two = Router("one"), Router("two")
    one.get("/thing/{thing_id}")(lambda req: None)
    two.get("/thing/{other_id}")(lambda req: None)
    with pytest.raises(ValueError, match="clashes"):
        RouteTable([*one.routes, *two.routes])


def test_not_found_body_tells_whether_a_body_was_given(api: httpx.Client) -> None:
    r = api.post("/comment/item/78077883/nothing/", json={"value": "x"})
    assert r.status_code == 404
    assert (
        r.json()["error_description"] == "No matching operation could be found. A body was given."
    )
    assert r.json()["request"]["method"] == "POST"
    r = api.get("/user/status/", params={"a": "1"})  # /user/status has no trailing slash
    assert r.json()["error_description"].startswith("No matching operation could be found.")
    assert r.json()["request"]["query_string"] == "a=1"


def test_wrong_method_is_no_matching_operation(api: httpx.Client) -> None:
    r = api.delete("/user/status")
    assert (r.status_code, r.json()["error"]) == (404, "not_found")


def test_role_list_and_member_lookup_share_a_shape(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    space = world["space_ids"]["intranet"]
    admins = api.get(f"/space/{space}/member/admin/")
    assert admins.status_code == 200
    assert {m["role"] for m in admins.json()} == {"admin"}
    alice = world["users"]["alice@example.com"]
    one = api.get(f"/space/{space}/member/{alice}")
    assert one.status_code == 200
    assert one.json()["user"]["user_id"] == alice
    assert api.get(f"/space/{space}/member/nobody/").status_code == 404


def test_both_slash_forms_of_get_user(api: httpx.Client, podio_emulator: EmulatorHandle) -> None:
    assert api.get("/user/").json() == api.get("/user").json()


def test_an_operation_that_needs_a_body_is_not_found_without_one(api: httpx.Client) -> None:
    # As Podio answered a POST /comment/item/{id}/ without body (samples/error-not-found.json).
    r = api.post("/space/")
    assert r.status_code == 404
    assert (
        r.json()["error_description"] == "No matching operation could be found. No body was given."
    )
    bad = api.post("/space/", content=b"[1, 2]", headers={"Content-Type": "application/json"})
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid_value")


def test_any_method_without_an_operation_is_podios_404(podio_emulator: EmulatorHandle) -> None:
    r = httpx.request("PROPFIND", podio_emulator.url("/user/status"))
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
    assert r.json()["request"]["method"] == "PROPFIND"
