"""Tasks over HTTP: assignees, due moments in local and UTC time, filters, rights, labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from podio_emulator import EmulatorHandle

from .collab_support import assert_same_shape, error, give_avatar, ok, sample, user_id


@pytest.fixture
def people(login: Callable[..., httpx.Client], world: dict[str, Any]) -> dict[str, httpx.Client]:
    return {name: login(f"{name}@example.com") for name in ("alice", "bob", "carol")}


def _local_today(emu: EmulatorHandle, zone: str = "Europe/Copenhagen") -> date:
    now = emu.control("GET", "clock")["timestamp"]
    return datetime.fromtimestamp(now, tz=timezone.utc).astimezone(ZoneInfo(zone)).date()


def test_a_task_has_the_keys_and_types_of_the_captured_ones(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    give_avatar(api)
    space_id = world["space_ids"]["intranet"]
    made = ok(
        api.post(
            f"/task/space/{space_id}/",
            json={
                "text": "Try the checkbox",
                "private": True,
                "due_date": "2011-09-26",
                "labels": ["Tutorials"],
            },
        )
    )
    assert_same_shape(sample("task-get.json"), made)
    assert made["group"] == "overdue"
    assert made["ref"]["data"]["url_label"] == "intranet"
    assert made["ref_title"] == "Intranet"
    listed = ok(api.get("/task/", params={"responsible": str(user_id(api)), "completed": "false"}))
    assert_same_shape(sample("task-list-active.json")[0], listed[0])


def test_due_dates_are_local_to_the_writer_and_the_reader(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    bob = people["bob"]
    ok(bob.put("/user/", json={"timezone": "America/New_York"}), 204)
    space_id = world["space_ids"]["intranet"]
    timed = ok(
        api.post(
            f"/task/space/{space_id}/",
            json={
                "text": "Summer",
                "due_date": "2030-06-01",
                "due_time": "10:00",
                "responsible": user_id(bob),
            },
        )
    )
    assert (timed["due_date"], timed["due_time"], timed["due_on"]) == (
        "2030-06-01",
        "10:00:00",
        "2030-06-01 08:00:00",
    )
    seen = ok(bob.get(f"/task/{timed['task_id']}"))
    assert (seen["due_date"], seen["due_time"], seen["due_on"]) == (
        "2030-06-01",
        "04:00:00",
        "2030-06-01 08:00:00",
    )
    utc = ok(api.post("/task/", json={"text": "UTC", "due_on": "2030-01-15 23:30:00"}))
    assert (utc["due_date"], utc["due_time"]) == ("2030-01-16", "00:30:00")
    whole_day = ok(api.post("/task/", json={"text": "Day", "due_date": "2030-01-15"}))
    assert (whole_day["due_date"], whole_day["due_time"], whole_day["due_on"]) == (
        "2030-01-15",
        None,
        None,
    )
    ok(api.put(f"/task/{whole_day['task_id']}/due", json={"due_on": "2030-02-01 12:00:00"}), 204)
    assert ok(api.get(f"/task/{whole_day['task_id']}"))["due_time"] == "13:00:00"
    ok(api.put(f"/task/{whole_day['task_id']}/due", json={"due_on": None}), 204)
    assert ok(api.get(f"/task/{whole_day['task_id']}"))["due_date"] is None
    assert error(api.post("/task/", json={"text": "x", "due_date": "2030-13-01"}), 400)
    assert error(
        api.post("/task/", json={"text": "x", "due_date": "2030-01-01", "due_time": "25:00"}), 400
    )
    assert error(api.post("/task/", json={"text": "x", "due_time": "10:00"}), 400)


def test_one_task_per_assignee_and_who_may_be_assigned(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    ids = {name: user_id(client) for name, client in people.items()}
    space_id = world["space_ids"]["intranet"]
    made = ok(
        api.post(
            f"/task/space/{space_id}/",
            json={
                "text": "Fill in the form",
                "responsible": [
                    ids["bob"],
                    {"type": "user", "id": ids["carol"]},
                    {"type": "mail", "id": "alice@example.com"},
                    ids["bob"],
                ],
            },
        )
    )
    assert isinstance(made, list)
    assert [t["responsible"]["user_id"] for t in made] == [ids["bob"], ids["carol"], ids["alice"]]
    assert len({t["task_id"] for t in made}) == 3
    profile = ok(people["carol"].get("/user/"))["profile_id"]
    single = ok(
        api.post("/task/", json={"text": "p", "responsible": {"type": "profile", "id": profile}})
    )
    assert single["responsible"]["user_id"] == ids["carol"]
    everyone = ok(
        api.post(
            f"/task/space/{space_id}/",
            json={"text": "All hands", "responsible": {"type": "space", "id": space_id}},
        )
    )
    assert len(everyone) == 4
    mine = ok(api.post("/task/", json={"text": "default"}))
    assert mine["responsible"]["user_id"] == user_id(api)
    sales = world["space_ids"]["sales"]
    outsider = api.post(f"/task/space/{sales}/", json={"text": "x", "responsible": ids["carol"]})
    assert "not a member" in error(outsider, 400)["error_description"]
    assert error(api.post("/task/", json={"text": "x", "responsible": 42}), 400)
    assert error(
        api.post("/task/", json={"text": "x", "responsible": {"type": "external", "id": 1}}), 400
    )
    assert error(api.post("/task/", json={"text": ""}), 400)
    assert error(api.post("/task/conversation/1/", json={"text": "x"}), 400)
    assert error(people["carol"].post(f"/task/space/{sales}/", json={"text": "x"}), 403)


def test_tasks_on_items_statuses_and_apps(api: httpx.Client, world: dict[str, Any]) -> None:
    item = world["item_ids"]["projects"][4]
    on_item = ok(api.post(f"/task/item/{item}/", json={"text": "Check item"}))
    assert (on_item["ref_type"], on_item["ref_id"]) == ("item", item)
    assert on_item["ref"]["data"]["item_id"] == item
    assert on_item["space_id"] == world["space_ids"]["intranet"]
    status_id = world["status_ids"][0]
    on_status = ok(api.post(f"/task/status/{status_id}/", json={"text": "Answer"}))
    assert on_status["ref"]["type"] == "status"
    app_id = world["app_ids"]["clients"]
    via_body = ok(api.post("/task/", json={"text": "App", "ref_type": "app", "ref_id": app_id}))
    assert via_body["ref_title"] == "Clients"
    assert ok(api.get(f"/task/item/{item}/count")) == {"count": 1}
    assert [t["task_id"] for t in ok(api.get(f"/task/item/{item}/"))] == [on_item["task_id"]]
    ok(api.delete(f"/task/{on_item['task_id']}/ref"), 204)
    assert ok(api.get(f"/task/{on_item['task_id']}"))["ref"] is None
    ok(api.put(f"/task/{on_item['task_id']}/ref", json={"ref_type": "item", "ref_id": item}), 204)
    assert ok(api.get(f"/task/{on_item['task_id']}"))["ref_id"] == item


def test_private_and_personal_tasks_are_seen_by_creator_and_assignee_only(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    space_id = world["space_ids"]["intranet"]
    secret = ok(
        alice.post(
            f"/task/space/{space_id}/",
            json={"text": "Secret", "private": True, "responsible": user_id(bob)},
        )
    )
    public = ok(alice.post(f"/task/space/{space_id}/", json={"text": "Public"}))
    personal = ok(alice.post("/task/", json={"text": "Personal"}))
    assert ok(bob.get(f"/task/{secret['task_id']}"))["text"] == "Secret"
    assert error(carol.get(f"/task/{secret['task_id']}"), 403)["error"] == "forbidden"
    assert error(carol.get(f"/task/{personal['task_id']}"), 403)
    assert ok(carol.get(f"/task/{public['task_id']}"))["rights"] == ["view", "comment", "add_file"]
    listed = {t["task_id"] for t in ok(carol.get("/task/", params={"space": str(space_id)}))}
    assert public["task_id"] in listed
    assert secret["task_id"] not in listed
    assert error(carol.post(f"/comment/task/{secret['task_id']}/", json={"value": "x"}), 403)


def test_completing_assigning_and_editing(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    space_id = world["space_ids"]["intranet"]
    task = ok(
        alice.post(
            f"/task/space/{space_id}/", json={"text": "Ship it", "responsible": user_id(bob)}
        )
    )
    task_id = task["task_id"]
    ok(bob.post(f"/task/{task_id}/complete"), 204)
    done = ok(alice.get(f"/task/{task_id}"))
    assert (done["status"], done["completed_by"]["user_id"]) == ("completed", user_id(bob))
    assert done["completed_on"] is not None
    assert done["group"] == "completed"
    ok(bob.post(f"/task/{task_id}/incomplete"), 204)
    assert ok(bob.get(f"/task/{task_id}"))["completed_on"] is None
    updated = ok(bob.put(f"/task/{task_id}", json={"text": "Ship it now", "completed": True}))
    assert (updated["text"], updated["status"]) == ("Ship it now", "completed")
    assert error(carol.post(f"/task/{task_id}/complete"), 403)
    ok(alice.post(f"/task/{task_id}/assign", json={"responsible": user_id(carol)}), 204)
    assert ok(carol.get(f"/task/{task_id}"))["responsible"]["user_id"] == user_id(carol)
    ok(alice.post(f"/task/{task_id}/assign", json={"responsible": None}), 204)
    assert ok(alice.get(f"/task/{task_id}"))["responsible"] is None
    ok(alice.put(f"/task/{task_id}/text", json={"text": "Renamed"}), 204)
    ok(alice.put(f"/task/{task_id}/description", json={"description": "More"}), 204)
    ok(alice.put(f"/task/{task_id}/private", json={"private": True}), 204)
    after = ok(alice.get(f"/task/{task_id}"))
    assert (after["text"], after["description"], after["private"]) == ("Renamed", "More", True)
    assert error(alice.put(f"/task/{task_id}", json={"completed": "yes"}), 400)
    assert error(bob.delete(f"/task/{task_id}"), 403)
    ok(alice.delete(f"/task/{task_id}"), 204)
    assert error(alice.get(f"/task/{task_id}"), 410)["error"] == "gone"
    assert error(alice.get("/task/1"), 404)


def test_space_admins_delete_others_tasks(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    space_id = world["space_ids"]["intranet"]
    task = ok(people["bob"].post(f"/task/space/{space_id}/", json={"text": "Bob's"}))
    ok(people["alice"].delete(f"/task/{task['task_id']}"), 204)


def test_get_tasks_filters_groups_sorts_and_pages(
    api: httpx.Client,
    people: dict[str, httpx.Client],
    world: dict[str, Any],
    podio_emulator: EmulatorHandle,
) -> None:
    alice, bob = people["alice"], people["bob"]
    space_id = world["space_ids"]["intranet"]
    item = world["item_ids"]["projects"][1]
    today = _local_today(podio_emulator)
    seeded = set(world["task_ids"])
    made = []
    for n, (text, who, due) in enumerate(
        [("a", bob, -2), ("b", bob, 0), ("c", alice, 1), ("d", bob, 9), ("e", alice, None)]
    ):
        body: dict[str, Any] = {"text": text, "responsible": user_id(who), "labels": [f"L{n % 2}"]}
        if due is not None:
            body["due_date"] = (today + timedelta(days=due)).isoformat()
        made.append(ok(alice.post(f"/task/item/{item}/", json=body)))
        podio_emulator.advance_clock(60)
    ok(bob.post(f"/task/{made[3]['task_id']}/complete"), 204)

    def texts(client: httpx.Client, **params: Any) -> list[str]:
        found = ok(client.get("/task/", params=params))
        return [t["text"] for t in found if t["task_id"] not in seeded]

    assert texts(alice, responsible=user_id(bob)) == ["a", "b", "d"]
    assert texts(alice, completed="true") == ["d"]
    assert texts(alice, completed="false", reference=f"item:{item}") == ["a", "b", "c", "e"]
    assert texts(
        alice,
        created_by=f"user:{user_id(alice)}",
        space=space_id,
        app=world["app_ids"]["projects"],
        org=world["org_id"],
    ) == list("abcde")
    window = f"{today.isoformat()}-{(today + timedelta(days=1)).isoformat()}"
    assert texts(alice, due_date=window) == ["b", "c"]
    assert texts(alice, due_date=f"-{today.isoformat()}") == ["a", "b"]
    labels = {lbl["text"]: lbl["label_id"] for lbl in ok(alice.get("/task/label/"))}
    assert texts(alice, label=labels["L1"]) == ["b", "d"]
    assert texts(alice, sort_by="created_on", sort_desc="true") == list("edcba")
    assert texts(alice, reference=f"item:{item}", limit=2, offset=1) == ["b", "c"]
    groups = {
        t["text"]: t["group"] for t in ok(alice.get("/task/", params={"reference": f"item:{item}"}))
    }
    assert groups == {"a": "overdue", "b": "today", "c": "tomorrow", "d": "completed", "e": "later"}
    by_person = ok(
        alice.get("/task/", params={"grouping": "responsible", "reference": f"item:{item}"})
    )
    assert {t["group"] for t in by_person} == {str(user_id(alice)), str(user_id(bob))}
    assert texts(bob, reassigned="true") == []
    assert texts(alice, reassigned="true") == ["a", "b", "d"]
    assert error(alice.get("/task/", params={"grouping": "color"}), 400)
    assert error(alice.get("/task/", params={"sort_by": "text"}), 400)
    assert error(alice.get("/task/", params={"responsible": "me"}), 400)
    assert error(alice.get("/task/", params={"due_date": "yesterday"}), 400)
    assert error(alice.get("/task/", params={"limit": 501}), 400)


def test_summaries_and_totals(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    today = _local_today(podio_emulator)
    for text, due in (("late", -1), ("now", 0), ("soon", 3), ("someday", None)):
        body: dict[str, Any] = {"text": text}
        if due is not None:
            body["due_date"] = (today + timedelta(days=due)).isoformat()
        ok(api.post("/task/", json=body))
    summary = ok(api.get("/task/summary", params={"limit": 1}))
    assert (summary["overdue"]["total"], summary["today"]["total"], summary["other"]["total"]) == (
        1,
        1,
        2,
    )
    assert [t["text"] for t in summary["overdue"]["tasks"]] == ["late"]
    assert len(summary["other"]["tasks"]) == 1
    assert ok(api.get("/task/personal/summary"))["today"]["total"] == 1
    assert ok(api.get("/task/total/due")) == {"count": 2}
    assert ok(api.get("/task/total/all")) == {"count": 4}
    assert error(api.get("/task/total/soon"), 400)


def test_labels_belong_to_their_user(
    api: httpx.Client, people: dict[str, httpx.Client], world: dict[str, Any]
) -> None:
    alice, bob = people["alice"], people["bob"]
    label_id = ok(alice.post("/task/label/", json={"text": "Home"}))["label_id"]
    other = ok(alice.post("/task/label/", json={"text": "Away", "color": "#ff0000"}))["label_id"]
    listed = [lbl for lbl in ok(alice.get("/task/label")) if lbl["text"] != "Review"]  # demo label
    assert listed == [
        {"label_id": other, "text": "Away", "color": "FF0000"},
        {"label_id": label_id, "text": "Home", "color": "E9E9E9"},
    ]
    assert ok(bob.get("/task/label/")) == []
    task = ok(alice.post("/task/", json={"text": "t", "label_ids": [label_id]}))
    assert [lbl["text"] for lbl in task["labels"]] == ["Home"]
    assert error(bob.post("/task/", json={"text": "t", "label_ids": [label_id]}), 400)
    assert error(bob.put(f"/task/label/{label_id}", json={"text": "x"}), 404)
    ok(alice.put(f"/task/label/{label_id}", json={"color": "00FF00"}), 204)
    ok(alice.put(f"/task/{task['task_id']}/label/", json=[label_id, other]), 204)
    assert len(ok(alice.get(f"/task/{task['task_id']}"))["labels"]) == 2
    ok(alice.delete(f"/task/label/{label_id}"), 204)
    assert [lbl["text"] for lbl in ok(alice.get(f"/task/{task['task_id']}"))["labels"]] == ["Away"]
    assert error(alice.post("/task/label/", json={"text": "x", "color": "red"}), 400)


def test_app_tokens_create_tasks_on_their_app(api: httpx.Client, world: dict[str, Any]) -> None:
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
    app_client = httpx.Client(
        base_url=str(api.base_url), headers={"Authorization": f"OAuth2 {grant['access_token']}"}
    )
    try:
        made = ok(app_client.post(f"/task/app/{app_id}/", json={"text": "From the app"}))
        assert made["created_by"]["type"] == "app"
        assert made["responsible"] is None
        assert ok(api.get(f"/task/{made['task_id']}"))["text"] == "From the app"
        other = world["app_ids"]["projects"]
        assert error(app_client.post(f"/task/app/{other}/", json={"text": "x"}), 403)
    finally:
        app_client.close()
