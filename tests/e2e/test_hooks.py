"""Webhooks delivered for real: `podio.Hook` registers a receiver on a loopback port, the
handshake goes through `podio.webhooks`, and the events the emulator posts are parsed with
`podio.webhooks.parse`. `POST /_emulator/hooks/flush` replaces any waiting."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import podio
from podio import webhooks
from podio.webhooks import HookEvent
from podio_emulator import EmulatorHandle

from ..emulator.collab_support import Receiver, flush, receiver
from .conftest import Workspace, make_app

OtherUser = Callable[[str], tuple[podio.Client, int]]


def _events(rec: Receiver) -> list[HookEvent]:
    """Every delivery so far, parsed from the raw bodies as a receiver would."""
    return [webhooks.parse(body) for body in rec.bodies()]


def _verify(emulator: EmulatorHandle, rec: Receiver, hook: podio.Hook) -> None:
    """Answer the hook's `hook.verify` call through the client."""
    flush(emulator.control)
    calls = [e for e in _events(rec) if e.is_verification and e.hook_id == hook.hook_id]
    assert calls, "no verification call arrived"
    webhooks.validate(calls[-1].hook_id, calls[-1].code)


def _statuses(ref_type: str, ref_id: int) -> dict[int | None, str | None]:
    return {h.hook_id: h.status for h in podio.Hook.find_all_for(ref_type, ref_id)}


def test_item_and_comment_events_reach_the_receiver(
    emulator: EmulatorHandle, app: podio.Application
) -> None:
    assert app.app_id is not None
    app_id = app.app_id
    with receiver() as rec:
        hooks = {
            kind: podio.Hook.create("app", app_id, rec.url, kind)
            for kind in ("item.create", "item.update", "item.delete", "comment.create")
        }
        assert {hook.status for hook in hooks.values()} == {"inactive"}
        assert _statuses("app", app_id) == dict.fromkeys(
            (h.hook_id for h in hooks.values()), "inactive"
        )

        # An inactive hook gets nothing; verification first.
        podio.Item.create(app_id, fields={"title": "Before"})
        flush(emulator.control)
        assert [e.type for e in _events(rec)] == ["hook.verify"] * 4
        for hook in hooks.values():
            _verify(emulator, rec, hook)
        assert set(_statuses("app", app_id).values()) == {"active"}
        seen = len(rec.bodies())

        item = podio.Item.create(app_id, fields={"title": "Hooked"}, external_id="hooked-1")
        assert item.item_id is not None
        podio.Item.update(item.item_id, fields={"title": "Hooked again"})
        podio.Item.update(item.item_id, fields={"title": "Quietly"}, hook=False)
        revisions = [
            r.item_revision_id for r in podio.ItemRevision.find_all_by_item_id(item.item_id)
        ]
        comment = podio.Comment.create("item", item.item_id, {"value": "Ping"})
        podio.Comment.create("item", item.item_id, {"value": "Psst"}, hook=False)
        quiet = podio.Item.create(app_id, fields={"title": "Quiet"}, hook=False)
        assert quiet.item_id is not None
        podio.Item.delete(quiet.item_id, hook=False)
        podio.Item.delete(item.item_id)
        flush(emulator.control)

        events = _events(rec)[seen:]
        assert [e.type for e in events] == [
            "item.create",
            "item.update",
            "comment.create",
            "item.delete",
        ]
        created, updated, commented, deleted = events
        assert created.hook_id == hooks["item.create"].hook_id
        assert created.item_id == item.item_id
        assert created.external_id == "hooked-1"
        assert updated.item_id == item.item_id
        assert [created.item_revision_id, updated.item_revision_id] == revisions[:2]
        assert commented.item_id == item.item_id
        assert commented.comment_id == comment.comment_id
        assert deleted.item_id == item.item_id
        assert not created.is_verification
        assert "code" not in repr(created)


def test_the_handshake_refuses_a_wrong_code_and_can_be_asked_again(
    emulator: EmulatorHandle, app: podio.Application
) -> None:
    assert app.app_id is not None
    with receiver() as rec:
        hook = podio.Hook.create("app", app.app_id, rec.url + "?secret=s3cr3t", "item.create")
        assert hook.hook_id is not None
        flush(emulator.control)
        first = _events(rec)[0]
        assert first.is_verification
        assert first.extra == {"secret": "s3cr3t"}  # the URL's query arrives in the body
        assert rec.calls[0].query == {}  # and the URL is called without it

        with pytest.raises(podio.BadRequestError) as caught:
            webhooks.validate(hook.hook_id, "not-the-code")
        assert caught.value.code == "invalid_value"
        assert _statuses("app", app.app_id) == {hook.hook_id: "inactive"}

        podio.Hook.verify(hook.hook_id)  # a new code; the first one stops working
        flush(emulator.control)
        second = _events(rec)[-1]
        assert second.is_verification
        assert second.code != first.code
        with pytest.raises(podio.BadRequestError):
            webhooks.validate(hook.hook_id, first.code)
        webhooks.validate(second.hook_id, second.code)
        assert _statuses("app", app.app_id) == {hook.hook_id: "active"}

        with pytest.raises(ValueError, match="code"):
            webhooks.validate(hook.hook_id, "")  # refused before anything is sent


def test_file_changes_field_hooks_and_deleting_a_hook(
    emulator: EmulatorHandle, app: podio.Application
) -> None:
    assert app.app_id is not None
    hours = next(f for f in app.fields or [] if f.external_id == "hours")
    assert hours.field_id is not None
    with receiver() as rec:
        on_files = podio.Hook.create("app", app.app_id, rec.url, "file.change")
        on_hours = podio.Hook.create("app_field", hours.field_id, rec.url, "item.update")
        for hook in (on_files, on_hours):
            _verify(emulator, rec, hook)
        seen = len(rec.bodies())

        item = podio.Item.create(app.app_id, fields={"title": "Files", "hours": 1})
        assert item.item_id is not None
        podio.Item.update(item.item_id, fields={"title": "Renamed"})  # not the hours: no call
        podio.Item.update(item.item_id, fields={"hours": [{"value": 2}]})
        upload = podio.FileAttachment.upload(b"data", "data.txt")
        assert upload.file_id is not None
        podio.FileAttachment.attach(upload.file_id, "item", item.item_id)
        flush(emulator.control)
        events = _events(rec)[seen:]
        assert [(e.type, e.hook_id) for e in events] == [
            ("item.update", on_hours.hook_id),
            ("file.change", on_files.hook_id),
        ]
        assert events[1].action_type == "file_created"
        assert events[1].file_ids == (upload.file_id,)

        assert on_files.hook_id is not None
        podio.Hook.delete(on_files.hook_id)
        assert [h.hook_id for h in podio.Hook.find_all_for("app", app.app_id)] == []
        podio.FileAttachment.delete(upload.file_id)
        flush(emulator.control)
        assert len(rec.bodies()) == seen + 2  # a deleted hook gets nothing


def test_space_and_app_events(
    emulator: EmulatorHandle, workspace: Workspace, other_user: OtherUser
) -> None:
    with receiver() as rec:
        on_tasks = podio.Hook.create("space", workspace.space_id, rec.url, "task.create")
        on_members = podio.Hook.create("space", workspace.space_id, rec.url, "member.add")
        on_apps = podio.Hook.create("space", workspace.space_id, rec.url, "app.create")
        for hook in (on_tasks, on_members, on_apps):
            _verify(emulator, rec, hook)
        seen = len(rec.bodies())

        task = podio.Task.create_with_ref("space", workspace.space_id, {"text": "Hooked task"})[0]
        podio.Task.create_with_ref("space", workspace.space_id, {"text": "Quiet"}, hook=False)
        _, newcomer = other_user("newcomer@example.com")
        podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [newcomer]})
        app = make_app(workspace.space_id, "Hooked app")
        assert app.app_id is not None
        on_app = podio.Hook.create("app", app.app_id, rec.url, "app.update")
        _verify(emulator, rec, on_app)
        podio.Application.update(app.app_id, {"config": {"name": "Renamed"}})
        flush(emulator.control)

        events = [e for e in _events(rec)[seen:] if not e.is_verification]
        # Space events carry ids this library does not name; they arrive in `extra`, as ints.
        assert [(e.type, e.app_id, e.extra) for e in events] == [
            ("task.create", None, {"task_id": task.task_id}),
            ("member.add", None, {"user_id": newcomer}),
            ("app.create", app.app_id, {}),
            ("app.update", app.app_id, {}),
        ]


def test_hooks_need_a_reachable_url_and_a_known_event(app: podio.Application) -> None:
    assert app.app_id is not None
    with pytest.raises(podio.BadRequestError):
        podio.Hook.create("app", app.app_id, "http://hooks.example.com:8080/in", "item.create")
    with pytest.raises(podio.BadRequestError):
        podio.Hook.create("app", app.app_id, "https://hooks.example.com/in", "item.explode")
    with pytest.raises(ValueError, match="http"):
        podio.Hook.create("app", app.app_id, "ftp://hooks.example.com/in", "item.create")
    assert podio.Hook.find_all_for("app", app.app_id) == []


async def test_async_hook_handshake_and_delivery(
    emulator: EmulatorHandle, app: podio.Application, client: podio.Client
) -> None:
    assert app.app_id is not None
    with receiver() as rec:
        hook = await podio.Hook.acreate("app", app.app_id, rec.url, "item.create")
        flush(emulator.control)
        verification = _events(rec)[0]
        await webhooks.avalidate(verification.hook_id, verification.code)
        hooks = await podio.Hook.afind_all_for("app", app.app_id)
        assert [(h.hook_id, h.status) for h in hooks] == [(hook.hook_id, "active")]
        item = await podio.Item.acreate(app.app_id, fields={"title": "Async hooked"})
        await podio.Item.acreate(app.app_id, fields={"title": "Async quiet"}, hook=False)
        flush(emulator.control)
        events = [e for e in _events(rec) if not e.is_verification]
        assert [(e.type, e.item_id) for e in events] == [("item.create", item.item_id)]
    await client.aclose()
