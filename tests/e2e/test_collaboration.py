"""Comments, status messages and tasks through `podio.Comment`, `podio.Status`, `podio.Task`."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace

OtherUser = Callable[[str], tuple[podio.Client, int]]


def _member(
    workspace: Workspace, other_user: OtherUser, mail: str, role: str = "regular"
) -> tuple[podio.Client, int]:
    other, other_id = other_user(mail)
    podio.SpaceInvitation.create_member(workspace.space_id, role, {"users": [other_id]})
    return other, other_id


# -- comments ------------------------------------------------------------------------------------


def test_comments_on_an_item(
    app: podio.Application, workspace: Workspace, other_user: OtherUser
) -> None:
    assert app.app_id is not None
    item = podio.Item.create(app.app_id, fields={"title": "Discuss me"})
    assert item.item_id is not None
    bob, _ = _member(workspace, other_user, "bob@example.com")

    first = podio.Comment.create("item", item.item_id, {"value": "First!", "external_id": "c-1"})
    assert isinstance(first, podio.Comment)
    assert first.comment_id is not None
    assert first.value == "First!"
    assert first.rich_value == "First!"
    assert first.external_id == "c-1"
    reply = podio.Comment.create(
        "item", item.item_id, {"value": "Line one\nLine <two>"}, client=bob
    )
    assert reply.rich_value == "Line one<br />Line &lt;two&gt;"

    listed = podio.Comment.find_all_for("item", item.item_id)
    assert [c.value for c in listed] == ["First!", "Line one\nLine <two>"]  # oldest first
    assert [c.created_by.name if c.created_by else None for c in listed] == ["Emulator User", "Bob"]
    assert [
        c.value for c in podio.Comment.find_all_for("item", item.item_id, limit=1, offset=1)
    ] == ["Line one\nLine <two>"]
    shown = podio.Item.find(item.item_id)
    assert [c["comment_id"] for c in shown.comments or []] == [first.comment_id, reply.comment_id]
    assert podio.Item.find_by_filter_values(app.app_id).all[0].comment_count == 2
    assert podio.Subscription.find_by_reference("item", item.item_id, client=bob).ref is not None

    assert reply.comment_id is not None
    with pytest.raises(podio.ForbiddenError):  # only the author edits a comment
        podio.Comment.update(reply.comment_id, {"value": "Hijacked"})
    assert podio.Comment.update(reply.comment_id, {"value": "Edited"}, client=bob) == 204
    assert podio.Comment.find(reply.comment_id).value == "Edited"

    # The item's editors moderate its comments: the owner deletes Bob's.
    assert podio.Comment.delete(reply.comment_id) == 204
    with pytest.raises(podio.GoneError):
        podio.Comment.find(reply.comment_id)
    assert len(podio.Item.find(item.item_id).comments or []) == 1
    assert podio.Item.find_by_filter_values(app.app_id).all[0].comment_count == 1

    with pytest.raises(podio.NotFoundError):
        podio.Comment.create("item", item.item_id + 1000, {"value": "Nobody hears"})
    with pytest.raises(podio.BadRequestError):
        podio.Comment.create("conversation_x", item.item_id, {"value": "?"})


def test_comments_with_a_link_on_a_status_and_a_task(workspace: Workspace) -> None:
    status = podio.Status.create(workspace.space_id, {"value": "Shipping today"})
    assert status.status_id is not None
    linked = podio.Comment.create(
        "status", status.status_id, {"value": "See", "embed_url": "https://example.com/notes"}
    )
    assert linked.embed is not None
    assert linked.embed.url == "https://example.com/notes"
    assert linked.comment_id is not None
    assert podio.Comment.update(linked.comment_id, {"value": "See (no link)"}) == 204
    assert podio.Comment.find(linked.comment_id).embed is None  # left out of a PUT: removed
    assert [c.value for c in podio.Status.find(status.status_id).comments or []] == [
        "See (no link)"
    ]

    task = podio.Task.create_with_ref("space", workspace.space_id, {"text": "Write notes"})[0]
    assert task.task_id is not None
    podio.Comment.create("task", task.task_id, {"value": "On it"})
    assert [c.value for c in podio.Comment.find_all_for("task", task.task_id)] == ["On it"]


# -- status messages ----------------------------------------------------------------------------


def test_status_messages(workspace: Workspace, other_user: OtherUser) -> None:
    status = podio.Status.create(
        workspace.space_id,
        {
            "value": "Lunch poll",
            "question": {"text": "Where?", "options": ["Pizza", "Sushi"]},
            "embed_url": "https://example.com/menu.png",
        },
    )
    assert status.status_id is not None
    assert status.value == "Lunch poll"
    assert status.embed is not None and status.embed.type == "image"
    assert status.questions is not None
    assert [o.text for o in status.questions[0].options or []] == ["Pizza", "Sushi"]

    stored = podio.Status.find(status.status_id)
    assert stored.created_by is not None and stored.created_by.name == "Emulator User"
    assert stored.like_count == 0
    assert stored.subscribed is True

    podio.Status.update(status.status_id, {"value": "Lunch poll (closed)"})
    assert podio.Status.find(status.status_id).value == "Lunch poll (closed)"

    guest, _ = other_user("guest@example.com")
    with pytest.raises(podio.ForbiddenError):
        podio.Status.find(status.status_id, client=guest)
    with pytest.raises(podio.ForbiddenError):
        podio.Status.create(workspace.space_id, {"value": "Let me in"}, client=guest)

    assert stored.destroy() is True
    with pytest.raises(podio.GoneError):
        podio.Status.find(status.status_id)
    assert stored.destroy() is False
    assert stored.error_code == "gone"


# -- tasks ----------------------------------------------------------------------------------------


def test_tasks_on_and_off_objects(
    app: podio.Application, workspace: Workspace, other_user: OtherUser
) -> None:
    assert app.app_id is not None
    bob, bob_id = _member(workspace, other_user, "bob@example.com")
    me = podio.User.current().user_id
    item = podio.Item.create(app.app_id, fields={"title": "Launch"})
    assert item.item_id is not None

    personal = podio.Task.create_task({"text": "Buy milk", "due_date": "2026-12-01"})
    assert [t.text for t in personal] == ["Buy milk"]
    assert personal[0].space_id is None
    assert personal[0].due_date == dt.date(2026, 12, 1)
    assert personal[0].due_on is None  # all day
    assert personal[0].responsible is not None
    assert personal[0].responsible.user_id == me

    on_item = podio.Task.create_with_ref(
        "item",
        item.item_id,
        {"text": "Review launch", "responsible": bob_id, "labels": ["Review"], "private": False},
    )
    assert len(on_item) == 1
    review = on_item[0]
    assert (review.ref_type, review.ref_id, review.ref_title) == ("item", item.item_id, "Launch")
    assert review.space_id == workspace.space_id
    assert review.responsible is not None and review.responsible.user_id == bob_id
    assert [label.text for label in review.labels or []] == ["Review"]

    both = podio.Task.create_with_ref(
        "space",
        workspace.space_id,
        {"text": "Stand-up", "responsible": [me, {"type": "user", "id": bob_id}]},
    )
    assert sorted(t.responsible.user_id for t in both if t.responsible) == sorted([me, bob_id])

    as_instance = podio.Task(
        text="Call the client", ref_type="item", ref_id=item.item_id, due_date=dt.date(2026, 1, 2)
    )
    assert as_instance.create() is True
    assert as_instance.task_id is not None
    assert podio.Task.find(as_instance.task_id).text == "Call the client"

    on_object = podio.Task.find_for_reference("item", item.item_id)
    assert sorted(t.text for t in on_object) == ["Call the client", "Review launch"]
    assert podio.Task.count_by_ref("item", item.item_id) == 2

    assert review.task_id is not None
    assert [t.text for t in podio.Task.find_all(responsible=bob_id, client=bob)] == [
        "Review launch",
        "Stand-up",
    ]
    assert [
        t.text for t in podio.Task.find_all(reference=f"item:{item.item_id}", sort_by="created_on")
    ] == [
        "Review launch",
        "Call the client",
    ]
    in_space = podio.Task.find_all(space=workspace.space_id, responsible=me)
    assert sorted(t.text for t in in_space) == ["Call the client", "Stand-up"]
    assert [t.text for t in podio.Task.find_all(label=review.labels[0].label_id, client=bob)] == [
        "Review launch"
    ]

    with pytest.raises(podio.BadRequestError):
        podio.Task.create_task({"text": "x" * 256})
    with pytest.raises(podio.BadRequestError):
        podio.Task.find_all(created_on="yesterday-ish")


def test_complete_reopen_assign_update_and_delete(
    workspace: Workspace, other_user: OtherUser
) -> None:
    bob, bob_id = _member(workspace, other_user, "bob@example.com")
    task = podio.Task.create_with_ref("space", workspace.space_id, {"text": "Deploy"})[0]
    assert task.task_id is not None
    task_id = task.task_id

    podio.Task.complete(task_id)
    done = podio.Task.find(task_id)
    assert done.status == "completed"
    assert done.completed_on is not None
    assert [t.task_id for t in podio.Task.find_all(completed=True)] == [task_id]
    assert podio.Task.find_all(completed=False, space=workspace.space_id) == []
    podio.Task.incomplete(task_id)
    assert podio.Task.find(task_id).status == "active"

    assert podio.Task.update_assignee(task_id, bob_id) == 204
    assert [t.task_id for t in podio.Task.find_all(responsible=bob_id, client=bob)] == [task_id]
    updated = podio.Task.update(
        task_id,
        {"text": "Deploy v2", "description": "After tests", "due_on": "2026-03-01 09:00:00"},
    )
    assert isinstance(updated, podio.Task)
    assert (updated.text, updated.description) == ("Deploy v2", "After tests")
    assert updated.due_on == dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc)
    assert updated.due_time == dt.time(10, 0)  # Copenhagen, the user's zone
    assert podio.Task.update_text(task_id, "Deploy v3") == 204
    assert podio.Task.update_private(task_id, True) == 204
    assert podio.Task.find(task_id).private is True

    assert podio.Task.update_due_date(task_id, dt.date(2026, 4, 1)) == 204
    moved = podio.Task.find(task_id)
    assert moved.due_date == dt.date(2026, 4, 1)
    assert moved.due_on is None

    assert podio.Task.delete(task_id) == 204
    with pytest.raises(podio.GoneError):
        podio.Task.find(task_id)

    mine = podio.Task(text="Temporary")
    assert mine.create() is True
    assert mine.destroy() is True
    assert mine.destroy() is False
    assert isinstance(mine.error, podio.GoneError)


def test_task_labels(client: podio.Client) -> None:
    urgent = podio.TaskLabel(text="Urgent", color="#FF0000")
    assert urgent.create() is True
    assert urgent.label_id is not None
    later = podio.TaskLabel.create_label("Later")
    assert later.label_id is not None
    labels = {label.text: label.color for label in podio.TaskLabel.find_all_labels()}
    assert labels == {"Urgent": "FF0000", "Later": "E9E9E9"}

    task = podio.Task.create_task({"text": "Labelled", "label_ids": [urgent.label_id]})[0]
    assert task.task_id is not None
    assert podio.Task.update_labels(task.task_id, [urgent.label_id, later.label_id]) == 204
    assert sorted(label.text for label in podio.Task.find(task.task_id).labels or []) == [
        "Later",
        "Urgent",
    ]
    urgent.text = "Very urgent"
    assert urgent.update() is True
    assert urgent.destroy() is True  # leaves every task
    assert [label.text for label in podio.Task.find(task.task_id).labels or []] == ["Later"]
    assert podio.TaskLabel.delete(later.label_id) == 204
    assert podio.TaskLabel.find_all_labels() == []


def test_task_summaries_and_totals(workspace: Workspace, emulator: EmulatorHandle) -> None:
    today = dt.date.fromisoformat(emulator.advance_clock(0)["now"][:10])
    podio.Task.create_with_ref(
        "space", workspace.space_id, {"text": "Late", "due_date": str(today - dt.timedelta(days=3))}
    )
    podio.Task.create_with_ref("space", workspace.space_id, {"text": "Now", "due_date": str(today)})
    podio.Task.create_task({"text": "Someday"})
    summary = podio.Task.find_summary()
    assert summary.overdue is not None and summary.today is not None and summary.other is not None
    assert [t.text for t in summary.overdue.tasks or []] == ["Late"]
    assert [t.text for t in summary.today.tasks or []] == ["Now"]
    assert summary.other.total == 1
    assert podio.Task.find_totals_by_time("overdue") == {"count": 1}
    space_summary = podio.Task.find_summary_for_space(workspace.space_id)
    assert space_summary.other is not None and space_summary.other.total == 0


# -- async twins ---------------------------------------------------------------------------------


async def test_many_tasks_made_concurrently_and_read_page_by_page(
    workspace: Workspace, client: podio.Client
) -> None:
    made = await asyncio.gather(
        *(
            podio.Task.acreate_with_ref("space", workspace.space_id, {"text": f"Chore {n:03}"})
            for n in range(105)
        )
    )
    assert sorted(tasks[0].text for tasks in made) == [f"Chore {n:03}" for n in range(105)]
    texts = [task.text async for task in podio.Task.iter_all(space=workspace.space_id)]
    assert sorted(texts) == [f"Chore {n:03}" for n in range(105)]  # each once, over two pages
    assert len([t async for t in podio.Task.iter_all(space=workspace.space_id, limit=10)]) == 10
    await client.aclose()


async def test_async_twins_of_comments_statuses_and_tasks(
    app: podio.Application, workspace: Workspace, client: podio.Client
) -> None:
    assert app.app_id is not None
    item = await podio.Item.acreate(app.app_id, fields={"title": "Async"})
    assert item.item_id is not None
    comment = await podio.Comment.acreate("item", item.item_id, {"value": "Async comment"})
    assert comment.comment_id is not None
    listed = await podio.Comment.afind_all_for("item", item.item_id)
    assert [c.value for c in listed] == ["Async comment"]
    assert await podio.Comment.adelete(comment.comment_id) == 204

    status = await podio.Status.acreate(workspace.space_id, {"value": "Async status"})
    assert status.status_id is not None
    assert (await podio.Status.afind(status.status_id)).value == "Async status"

    tasks = await podio.Task.acreate_with_ref("item", item.item_id, {"text": "Async task"})
    task_id = tasks[0].task_id
    assert task_id is not None
    await podio.Task.acomplete(task_id)
    assert (await podio.Task.afind(task_id)).status == "completed"
    assert [t.task_id for t in await podio.Task.afind_all(completed=True)] == [task_id]
    assert [t.task_id async for t in podio.Task.iter_all(completed=True)] == [task_id]
    assert await podio.Task.adelete(task_id) == 204
    await client.aclose()
