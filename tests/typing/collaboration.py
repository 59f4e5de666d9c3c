"""Type-checked, never run: tasks, files, comments, hooks and search as a caller sees them."""

from __future__ import annotations

import io
from typing import Any

from typing_extensions import assert_type

import podio
from podio import webhooks


def sync_calls() -> None:
    task = podio.Task.find(1)
    assert_type(task, podio.Task)
    assert_type(podio.Task.create_task({"text": "x"}), list[podio.Task])
    assert_type(podio.Task.complete(1), Any)
    assert_type(podio.Task(text="x").create(), bool)
    assert_type(podio.Task.find_summary().overdue, podio.TaskSummaryGroup | None)
    for found in podio.Task.iter_all(completed=False):
        assert_type(found, podio.Task)
    uploaded = podio.FileAttachment.upload("report.pdf")
    assert_type(uploaded, podio.FileAttachment)
    assert_type(podio.FileAttachment.download(uploaded), bytes)
    assert_type(podio.FileAttachment.download(1, "copy.pdf"), int)
    assert_type(podio.FileAttachment.download(1, io.BytesIO()), int)
    assert_type(podio.FileAttachment.find_raw(1), bytes)
    assert_type(podio.FileAttachment.copy(1).external_id, str | None)
    assert_type(podio.Comment.find_all_for("item", 1), list[podio.Comment])
    assert_type(podio.Comment.liked_by(1), list[podio.Profile])
    assert_type(podio.Hook.create("app", 1, "https://x.y", "item.create"), podio.Hook)
    assert_type(podio.Search.globally("q"), list[podio.Search])
    assert_type(podio.Rating.find_own("item", 1, "like"), int | None)
    assert_type(podio.Notification.inbox_new_count(), int)
    event = webhooks.parse(b"type=item.create&item_id=1")
    assert_type(event.item_id, int | None)


async def async_calls() -> None:
    assert_type(await podio.Task.afind(1), podio.Task)
    assert_type(await podio.FileAttachment.aupload(b"x", "x.txt"), podio.FileAttachment)
    assert_type(await podio.FileAttachment.adownload(1), bytes)
    assert_type(await podio.FileAttachment.adownload(1, "x"), int)
    assert_type(await podio.Tag.afind_by_app(1), list[podio.Tag])
    async for group in podio.NotificationGroup.iter_all():
        assert_type(group, podio.NotificationGroup)
