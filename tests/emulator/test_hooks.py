"""Webhooks over HTTP, delivered to a receiver on a loopback port."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle

from .collab_support import Receiver, error, flush, ok, receiver, upload


@pytest.fixture
def rec(login: Callable[..., httpx.Client]) -> Iterator[Receiver]:
    """A receiver that validates the hooks it is asked to verify (as a user would)."""
    with receiver() as found:
        found.validate_with = login()
        yield found


def _hook(api: httpx.Client, ref: str, kind: str, url: str) -> int:
    return int(ok(api.post(f"/hook/{ref}/", json={"url": url, "type": kind}))["hook_id"])


def _deliveries(emu: EmulatorHandle, **params: Any) -> list[dict[str, Any]]:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    found: list[dict[str, Any]] = emu.control("GET", f"hooks/deliveries?{query}")["deliveries"]
    return found


def test_verification_handshake(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle
) -> None:
    app_id = world["app_ids"]["clients"]
    with receiver() as rec:
        hook_id = _hook(api, f"app/{app_id}", "item.create", rec.url + "?secret=s3&type=mine")
        flush(podio_emulator.control)
        (call,) = rec.calls
        assert (call.path, call.query) == ("/hook", {})  # query parameters move into the body
        assert call.form["type"] == "hook.verify"  # Podio's `type` wins over the URL's
        assert call.form["hook_id"] == str(hook_id)
        assert call.form["secret"] == "s3"
        code = call.form["code"]
        (listed,) = ok(api.get(f"/hook/app/{app_id}/"))
        assert listed["status"] == "inactive"
        assert listed["url"] == rec.url + "?secret=s3&type=mine"
        assert set(listed) == {
            "hook_id",
            "status",
            "type",
            "url",
            "created_on",
            "created_by",
            "created_via",
        }

        ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Too early"}}))
        flush(podio_emulator.control)
        assert rec.events() == []  # inactive hooks get nothing

        wrong = error(api.post(f"/hook/{hook_id}/verify/validate", json={"code": "nope"}), 400)
        assert wrong["error"] == "invalid_value"
        assert ok(api.get(f"/hook/app/{app_id}/"))[0]["status"] == "inactive"
        ok(api.post(f"/hook/{hook_id}/verify/request"), 204)
        flush(podio_emulator.control)
        new_code = rec.of_type("hook.verify")[-1]["code"]
        assert new_code != code
        stale = error(api.post(f"/hook/{hook_id}/verify/validate", json={"code": code}), 400)
        assert code not in stale["error_description"]  # a spent code is still not repeated
        ok(api.post(f"/hook/{hook_id}/verify/validate", json={"code": new_code}), 204)
        assert ok(api.get(f"/hook/app/{app_id}/"))[0]["status"] == "active"
        assert [d["payload"]["code"] for d in _deliveries(podio_emulator)] == ["***", "***"]


def test_item_comment_and_file_events_are_delivered_after_the_write(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    app_id = world["app_ids"]["clients"]
    kinds = [
        "item.create",
        "item.update",
        "item.delete",
        "comment.create",
        "comment.delete",
        "file.change",
    ]
    hooks = {kind: _hook(api, f"app/{app_id}", kind, rec.url) for kind in kinds}
    flush(podio_emulator.control)
    assert {h["status"] for h in ok(api.get(f"/hook/app/{app_id}/"))} == {"active"}

    item = ok(
        api.post(
            f"/item/app/{app_id}/", json={"fields": {"name": "Hooked"}, "external_id": "ext-1"}
        )
    )
    item_id = item["item_id"]
    ok(api.put(f"/item/{item_id}", json={"fields": {"name": "Hooked 2"}}))
    ok(api.put(f"/item/{item_id}", params={"hook": "false"}, json={"fields": {"name": "Quiet"}}))
    api.put(f"/item/{item_id}", headers={"X-Podio-Dry-Run": "1"}, json={"fields": {"name": "Dry"}})
    comment = ok(api.post(f"/comment/item/{item_id}/", json={"value": "hi"}))
    ok(api.delete(f"/comment/{comment['comment_id']}"), 204)
    attached = upload(api, "a.txt", b"a")
    ok(
        api.post(
            f"/file/{attached['file_id']}/attach", json={"ref_type": "item", "ref_id": item_id}
        ),
        204,
    )
    ok(api.delete(f"/item/{item_id}"), 204)
    flush(podio_emulator.control)

    events = rec.events()
    assert [e["type"] for e in events] == [
        "item.create",
        "item.update",
        "comment.create",
        "comment.delete",
        "file.change",
        "item.delete",
    ]
    created = events[0]
    assert created == {
        "type": "item.create",
        "hook_id": str(hooks["item.create"]),
        "item_id": str(item_id),
        "item_revision_id": created["item_revision_id"],
        "external_id": "ext-1",
    }
    assert int(events[1]["item_revision_id"]) > int(created["item_revision_id"])
    assert events[2] == {
        "type": "comment.create",
        "hook_id": str(hooks["comment.create"]),
        "item_id": str(item_id),
        "comment_id": str(comment["comment_id"]),
    }
    assert events[4] == {
        "type": "file.change",
        "hook_id": str(hooks["file.change"]),
        "item_id": str(item_id),
        "action_type": "file_created",
        "file_ids": str(attached["file_id"]),
    }
    assert events[5]["external_id"] == "ext-1"
    state = podio_emulator.state()
    assert state["hook_deliveries"] == len(events) + len(hooks)
    assert state["hooks"]["delivered"] == len(events) + len(hooks)


def test_field_hooks_fire_only_when_their_field_changes(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    app_id = world["app_ids"]["clients"]
    fields = {f["external_id"]: f["field_id"] for f in ok(api.get(f"/app/{app_id}"))["fields"]}
    _hook(api, f"app_field/{fields['email']}", "item.update", rec.url)
    assert error(
        api.post(
            f"/hook/app_field/{fields['email']}/", json={"url": rec.url, "type": "comment.create"}
        ),
        400,
    )
    flush(podio_emulator.control)
    item_id = world["item_ids"]["clients"][0]
    ok(api.put(f"/item/{item_id}", json={"fields": {"name": "Renamed"}}))
    flush(podio_emulator.control)
    assert rec.events() == []
    ok(api.put(f"/item/{item_id}", json={"fields": {"email": {"type": "work", "value": "n@x.io"}}}))
    flush(podio_emulator.control)
    assert [(e["type"], e["item_id"]) for e in rec.events()] == [("item.update", str(item_id))]


def test_failed_deliveries_are_retried_on_the_emulator_clock(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    app_id = world["app_ids"]["clients"]
    hook_id = _hook(api, f"app/{app_id}", "item.create", rec.url)
    flush(podio_emulator.control)
    rec.fail = 2
    ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Retry me"}}))
    first = flush(podio_emulator.control)
    assert (first["scheduled"], first["delivered"]) == (1, 1)  # the verification only
    podio_emulator.advance_clock(9)
    assert flush(podio_emulator.control)["attempts"] == 2  # not due yet
    podio_emulator.advance_clock(1)
    assert flush(podio_emulator.control)["attempts"] == 3
    podio_emulator.advance_clock(60)
    done = flush(podio_emulator.control)
    assert (done["scheduled"], done["delivered"], done["attempts"]) == (0, 2, 4)
    (delivery,) = _deliveries(podio_emulator, hook_id=hook_id, status="delivered")[1:]
    assert delivery["type"] == "item.create"
    assert delivery["attempts"] == 3
    assert [h["status"] for h in delivery["history"]] == [500, 500, 200]
    assert len(rec.of_type("item.create")) == 3

    rec.fail = 99
    ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Never"}}))
    flush(podio_emulator.control)
    for delay in (10, 60, 300, 1800):
        podio_emulator.advance_clock(delay)
        flush(podio_emulator.control)
    (failed,) = _deliveries(podio_emulator, status="failed")
    assert failed["attempts"] == 5
    assert failed["last_status"] == 500
    assert podio_emulator.state()["hooks"]["failed"] == 1


def test_a_slow_receiver_never_holds_up_the_write(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    app_id = world["app_ids"]["clients"]
    _hook(api, f"app/{app_id}", "item.create", rec.url)
    flush(podio_emulator.control)
    rec.gate = threading.Event()  # the receiver now waits until the test opens the gate
    made = ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Fast"}}))
    assert ok(api.get(f"/item/{made['item_id']}"))["title"] == "Fast"
    (pending,) = _deliveries(podio_emulator, status="sending") or _deliveries(
        podio_emulator, status="pending"
    )
    assert pending["type"] == "item.create"
    rec.gate.set()
    flush(podio_emulator.control)
    assert _deliveries(podio_emulator)[-1]["status"] == "delivered"


def test_space_and_app_events(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    space_id = world["space_ids"]["intranet"]
    for kind in ("task.create", "task.update", "task.delete", "app.create", "member.add"):
        _hook(api, f"space/{space_id}", kind, rec.url)
    app_id = world["app_ids"]["clients"]
    for kind in ("app.update", "app.delete"):
        _hook(api, f"app/{app_id}", kind, rec.url)
    flush(podio_emulator.control)
    task = ok(api.post(f"/task/space/{space_id}/", json={"text": "Hooked task"}))
    ok(api.post(f"/task/{task['task_id']}/complete"), 204)
    ok(api.delete(f"/task/{task['task_id']}"), 204)
    ok(api.post("/task/", json={"text": "personal: no space, no hook"}))
    new_app = ok(api.post("/app/", json={"space_id": space_id, "config": {"name": "New"}}))
    newcomer = podio_emulator.create_user("dave@example.com", "pw")
    ok(
        api.post(
            f"/space/{space_id}/member/", json={"users": [newcomer["user_id"]], "role": "light"}
        )
    )
    ok(api.put(f"/app/{app_id}", json={"config": {"description": "changed"}}), 204)
    ok(api.delete(f"/app/{app_id}"), 204)
    flush(podio_emulator.control)
    assert [
        (e["type"], {k: v for k, v in e.items() if k not in ("type", "hook_id")})
        for e in rec.events()
    ] == [
        ("task.create", {"task_id": str(task["task_id"])}),
        ("task.update", {"task_id": str(task["task_id"])}),
        ("task.delete", {"task_id": str(task["task_id"])}),
        ("app.create", {"app_id": str(new_app["app_id"])}),
        ("member.add", {"user_id": str(newcomer["user_id"])}),
        ("app.update", {"app_id": str(app_id)}),
        ("app.delete", {"app_id": str(app_id)}),
    ]


def test_hook_rules(
    api: httpx.Client,
    login: Callable[..., httpx.Client],
    world: dict[str, Any],
    podio_emulator: EmulatorHandle,
) -> None:
    app_id = world["app_ids"]["clients"]
    ref = f"app/{app_id}"
    for url in (
        "http://example.com:8080/x",
        "https://example.com:80/x",
        "ftp://example.com/x",
        "example.com/x",
        "",
    ):
        assert error(api.post(f"/hook/{ref}/", json={"url": url, "type": "item.create"}), 400)
    # Accepted URLs on other hosts are checked in dry runs: nothing is stored and no
    # verification leaves the machine.
    for url in ("http://example.com/x", "https://example.com:443/x"):
        dry = api.post(
            f"/hook/{ref}/",
            headers={"X-Podio-Dry-Run": "1"},
            json={"url": url, "type": "item.update"},
        )
        assert ok(dry)["hook_id"] > 0
    # Loopback receivers may use any port (nothing listens on these: refused at once).
    for url in ("http://localhost:9/x", "http://127.0.0.2:9/x", "http://[::1]:9/x"):
        _hook(api, ref, "item.update", url)
    assert error(
        api.post(f"/hook/{ref}/", json={"url": "http://127.0.0.1:9", "type": "task.create"}), 400
    )
    for n in range(7):
        _hook(api, ref, "item.update", f"http://127.0.0.1:9/{n}")
    eleventh = api.post(
        f"/hook/{ref}/", json={"url": "http://127.0.0.1:9/z", "type": "item.update"}
    )
    assert "at most 10" in error(eleventh, 400)["error_description"]
    _hook(api, ref, "item.create", "http://127.0.0.1:9/other-type-is-fine")
    carol = login("carol@example.com")
    assert error(
        carol.post(f"/hook/{ref}/", json={"url": "http://127.0.0.1:9", "type": "item.create"}), 403
    )
    assert error(carol.get(f"/hook/{ref}/"), 403)
    assert error(
        api.post("/hook/app/999/", json={"url": "http://127.0.0.1:9", "type": "item.create"}), 404
    )
    assert error(
        api.post("/hook/item/1/", json={"url": "http://127.0.0.1:9", "type": "item.create"}), 400
    )
    listed = ok(api.get(f"/hook/{ref}/"))
    assert len(listed) == 11
    ok(api.delete(f"/hook/{listed[0]['hook_id']}"), 204)
    assert len(ok(api.get(f"/hook/{ref}/"))) == 10
    assert error(api.delete(f"/hook/{listed[0]['hook_id']}"), 404)
    assert podio_emulator.state()["objects"]["hook"] == 10


def test_deleted_hooks_get_nothing_and_reset_forgets_deliveries(
    api: httpx.Client, world: dict[str, Any], podio_emulator: EmulatorHandle, rec: Receiver
) -> None:
    app_id = world["app_ids"]["clients"]
    hook_id = _hook(api, f"app/{app_id}", "item.create", rec.url)
    flush(podio_emulator.control)
    ok(api.delete(f"/hook/{hook_id}"), 204)
    ok(api.post(f"/item/app/{app_id}/", json={"fields": {"name": "Unheard"}}))
    flush(podio_emulator.control)
    assert rec.events() == []
    assert _deliveries(podio_emulator)
    podio_emulator.reset()
    assert _deliveries(podio_emulator) == []
    assert podio_emulator.state()["hook_deliveries"] == 0
