"""Tasks and task labels as a user drives them: every call's request, and what comes back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import podio

from ...mock_api import MockPodio
from ...reference import sample
from ._wire import Op, arun, equals, model, models, run

TASK = {"task_id": 7, "text": "Call Bob", "status": "active"}
SUMMARY = {
    "overdue": {"total": 2, "tasks": [TASK]},
    "today": {"total": 0, "tasks": []},
    "other": {"total": 1, "tasks": [{"task_id": 8, "text": "Later"}]},
}


def _summary(result: Any) -> None:
    assert type(result) is podio.TaskSummary
    assert result.as_json() == SUMMARY
    assert result.overdue.total == 2
    assert type(result.overdue.tasks[0]) is podio.Task and result.overdue.tasks[0].task_id == 7
    assert type(result.other) is podio.TaskSummaryGroup


CASES = [
    Op(podio.Task, "find", (7,), path="/task/7", answer=TASK, expect=model(podio.Task, TASK)),
    Op(
        podio.Task,
        "find_all",
        kwargs={
            "completed": False,
            "responsible": [1, 2],
            "space": 5,
            "label": 9,
            "due_date": "2024-01-01-2024-01-31",
            "created_by": "user:3",
            "grouping": "due_date",
            "sort_by": "created_on",
            "sort_desc": True,
            "files": True,
            "reassigned": False,
            "reference": "item:42",
            "external_id": "ext",
            "view": "full",
            "limit": 10,
            "offset": 20,
        },
        path="/task/",
        query={
            "completed": "0",
            "responsible": "1;2",
            "space": "5",
            "label": "9",
            "due_date": "2024-01-01-2024-01-31",
            "created_by": "user:3",
            "grouping": "due_date",
            "sort_by": "created_on",
            "sort_desc": "1",
            "files": "1",
            "reassigned": "0",
            "reference": "item:42",
            "external_id": "ext",
            "view": "full",
            "limit": "10",
            "offset": "20",
        },
        answer=[TASK],
        expect=models(podio.Task, [TASK]),
    ),
    Op(
        podio.Task,
        "find_for_reference",
        ("item", 42),
        path="/task/item/42/",
        answer=[TASK],
        expect=models(podio.Task, [TASK]),
    ),
    Op(
        podio.Task,
        "count_by_ref",
        ("space", 5),
        path="/task/space/5/count",
        answer={"count": 3},
        expect=equals(3),
    ),
    Op(
        podio.Task,
        "find_summary",
        kwargs={"limit": 2},
        path="/task/summary",
        query={"limit": "2"},
        answer=SUMMARY,
        expect=_summary,
    ),
    Op(
        podio.Task,
        "find_summary_for_org",
        (4,),
        path="/task/org/4/summary",
        answer=SUMMARY,
        expect=_summary,
    ),
    Op(
        podio.Task,
        "find_summary_for_space",
        (5,),
        path="/task/space/5/summary",
        answer=SUMMARY,
        expect=_summary,
    ),
    Op(
        podio.Task,
        "find_personal_summary",
        path="/task/personal/summary",
        answer=SUMMARY,
        expect=_summary,
    ),
    Op(
        podio.Task,
        "find_summary_for_reference",
        ("item", 42),
        path="/task/item/42/summary",
        answer=SUMMARY,
        expect=_summary,
    ),
    Op(
        podio.Task,
        "find_totals",
        kwargs={"space": [5, 6]},
        path="/task/total/",
        query={"space": "5;6"},
        answer={"own": {"overdue": 1}, "reassigned": {"overdue": 0}},
        expect=equals({"own": {"overdue": 1}, "reassigned": {"overdue": 0}}),
    ),
    Op(
        podio.Task,
        "find_totals_by_time",
        ("overdue",),
        {"space_id": 5},
        path="/task/total/overdue",
        query={"space_id": "5"},
        answer={"count": 4},
        expect=equals({"count": 4}),
    ),
    Op(
        podio.Task,
        "create_task",
        ({"text": "Call Bob", "due_date": dt.date(2024, 5, 1), "responsible": [1, 2]},),
        {"silent": True, "hook": False},
        method="POST",
        path="/task/",
        query={"silent": "1", "hook": "0"},
        body={"text": "Call Bob", "due_date": "2024-05-01", "responsible": [1, 2]},
        answer=[TASK, {"task_id": 8, "text": "Call Bob"}],
        expect=models(podio.Task, [TASK, {"task_id": 8, "text": "Call Bob"}]),
    ),
    Op(
        podio.Task,
        "create_with_ref",
        ("item", 42, {"text": "Call Bob"}),
        method="POST",
        path="/task/item/42/",
        body={"text": "Call Bob"},
        answer=TASK,  # one assignee: Podio answers a single task, still returned as a list
        expect=models(podio.Task, [TASK]),
    ),
    Op(
        podio.Task,
        "update",
        (7, {"text": "Call Bob again", "completed": True}),
        {"hook": False},
        method="PUT",
        path="/task/7",
        query={"hook": "0"},
        body={"text": "Call Bob again", "completed": True},
        answer=TASK,
        expect=model(podio.Task, TASK),
    ),
    Op(
        podio.Task,
        "update_text",
        (7, "New text"),
        {"silent": True},
        method="PUT",
        path="/task/7/text",
        query={"silent": "1"},
        body={"text": "New text"},
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Task,
        "update_description",
        (7, "More words"),
        method="PUT",
        path="/task/7/description",
        body={"description": "More words"},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_private",
        (7, False),
        method="PUT",
        path="/task/7/private",
        body={"private": False},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_due",
        (7,),
        {"due_date": dt.date(2024, 5, 1), "due_time": dt.time(9, 30)},
        method="PUT",
        path="/task/7/due",
        body={"due_date": "2024-05-01", "due_time": "09:30:00"},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_due_date",
        (7, dt.date(2024, 5, 2)),
        method="PUT",
        path="/task/7/due_date",
        body={"due_date": "2024-05-02"},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_due_on",
        (7, dt.datetime(2024, 5, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
        method="PUT",
        path="/task/7/due_on",
        body={"due_on": "2024-05-02 08:00:00"},  # sent in UTC
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_assignee",
        (7, 12),
        method="POST",
        path="/task/7/assign",
        body={"responsible": 12},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "update_reference",
        (7, "item", 42),
        method="PUT",
        path="/task/7/ref",
        body={"ref_type": "item", "ref_id": 42},
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "delete_reference",
        (7,),
        method="DELETE",
        path="/task/7/ref",
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.Task,
        "update_labels",
        (7, (3, 4)),
        method="PUT",
        path="/task/7/label/",
        body=[3, 4],
        expect=equals(200),
    ),
    Op(
        podio.Task,
        "complete",
        (7,),
        {"silent": True},
        method="POST",
        path="/task/7/complete",
        query={"silent": "1"},
        answer={"recurring_task_id": 9},
        expect=equals({"recurring_task_id": 9}),
    ),
    Op(
        podio.Task,
        "incomplete",
        (7,),
        method="POST",
        path="/task/7/incomplete",
        expect=equals(None),
    ),
    Op(
        podio.Task,
        "rank",
        (7, 3, None),
        method="POST",
        path="/task/7/rank",
        body={"before": 3, "after": None},
        expect=equals(None),
    ),
    Op(
        podio.Task,
        "delete",
        (7,),
        {"hook": False},
        method="DELETE",
        path="/task/7",
        query={"hook": "0"},
        status=204,
        expect=equals(204),
    ),
    Op(
        podio.TaskLabel,
        "find_all_labels",
        path="/task/label/",
        answer=[{"label_id": 1, "text": "Urgent", "color": "FF0000"}],
        expect=models(podio.TaskLabel, [{"label_id": 1, "text": "Urgent", "color": "FF0000"}]),
    ),
    Op(
        podio.TaskLabel,
        "create_label",
        ("Urgent",),
        method="POST",
        path="/task/label/",
        body={"text": "Urgent", "color": "E9E9E9"},
        answer={"label_id": 1},
        expect=model(podio.TaskLabel, {"label_id": 1}),
    ),
    Op(
        podio.TaskLabel,
        "update_label",
        (1, {"text": "Later", "color": "00FF00"}),
        method="PUT",
        path="/task/label/1",
        body={"text": "Later", "color": "00FF00"},
        expect=equals(200),
    ),
    Op(
        podio.TaskLabel,
        "delete",
        (1,),
        method="DELETE",
        path="/task/label/1",
        status=204,
        expect=equals(204),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_real_task_bodies_round_trip_with_typed_attributes(api: MockPodio) -> None:
    body = sample("task-get.json")
    api.on("GET", "/task/601542", body)
    task = podio.Task.find(601542)
    assert task.as_json() == body
    assert task.due_date == dt.date(2011, 9, 26)
    assert task.created_on == dt.datetime(2011, 9, 26, 11, 42, 59, tzinfo=dt.timezone.utc)
    assert isinstance(task.responsible, podio.Profile) and task.responsible.user_id == 551831
    assert [type(label) for label in task.labels or []] == [podio.TaskLabel]
    assert isinstance(task.created_by, podio.ByLine) and isinstance(task.created_via, podio.Via)
    assert task.ref == body["ref"] and task.ref_id == 160514 and task.started is False

    listed = sample("task-list-active.json")
    api.on("GET", "/task/", listed)
    tasks = podio.Task.find_all(completed=False)
    assert [t.as_json() for t in tasks] == listed
    assert {t.group for t in tasks} == {"overdue"}


def test_iter_all_pages_through_every_task_with_the_filters(api: MockPodio) -> None:
    def answer(request: Any) -> Any:
        import httpx

        offset = int(request.url.params["offset"])
        size = int(request.url.params["limit"])
        ids = range(offset, min(offset + size, 230))
        return httpx.Response(200, json=[{"task_id": i} for i in ids])

    api.on("GET", "/task/", handler=answer)
    pager = podio.Task.iter_all(completed=True, space=[5, 6])
    assert [task.task_id for task in pager] == list(range(230))
    assert [call.params["offset"] for call in api.calls] == ["0", "100", "200"]
    assert {call.params["limit"] for call in api.calls} == {"100"}
    assert {call.params["space"] for call in api.calls} == {"5;6"}
    assert {call.params["completed"] for call in api.calls} == {"1"}


def test_a_new_task_creates_itself_on_its_object_and_takes_in_the_answer(api: MockPodio) -> None:
    api.on("POST", "/task/item/42/", {"task_id": 99, "text": "Call Bob", "status": "active"})
    task = podio.Task(
        text="Call Bob",
        due_date=dt.date(2024, 5, 1),
        ref_type="item",
        ref_id=42,
        responsible=12,
        labels=["Urgent"],
    )
    assert task.create(silent=True) is True
    assert api.last.raw_path == "/task/item/42/" and api.last.params == {"silent": "1"}
    assert api.last.json == {
        "text": "Call Bob",
        "due_date": "2024-05-01",
        "responsible": 12,
        "labels": ["Urgent"],
    }
    assert task.task_id == 99 and task.status == "active" and task.persisted


def test_a_task_without_an_object_is_created_on_its_own(api: MockPodio) -> None:
    api.on("POST", "/task/", [{"task_id": 5}, {"task_id": 6}])
    task = podio.Task(text="Do it", responsible=[1, 2])
    assert task.create() is True
    assert api.last.raw_path == "/task/" and api.last.json == {
        "text": "Do it",
        "responsible": [1, 2],
    }
    assert task.task_id == 5  # the first of the tasks Podio made, one per assignee


def test_a_task_read_back_is_written_in_podios_input_shapes(api: MockPodio) -> None:
    """Labels go back as label_ids, the assignee as a user id, and the local due date wins."""
    body = sample("task-get.json")
    task = podio.Task.from_api({**body, "due_on": "2011-09-26 10:00:00", "task_id": None})
    api.on("POST", "/task/space/160514/", {"task_id": 1})
    assert task.create() is True
    sent = api.last.json
    assert sent["label_ids"] == [84015] and "labels" not in sent
    assert sent["responsible"] == 551831
    assert sent["due_date"] == "2011-09-26" and "due_on" not in sent
    assert "ref_type" not in sent and "task_id" not in sent and "created_by" not in sent


def test_instance_failures_return_false_and_keep_the_error(api: MockPodio) -> None:
    api.on(
        "POST",
        "/task/",
        {
            "error": "invalid_value",
            "error_description": "Text is required",
            "error_detail": None,
            "error_parameters": {"field": "text"},
            "error_propagate": True,
        },
        status=400,
    )
    task = podio.Task(description="no text")
    assert task.create() is False
    assert task.error_code == "invalid_value" and task.error_parameters == {"field": "text"}
    assert task.new_record

    api.on("DELETE", "/task/3", status=204)
    assert podio.Task(task_id=3).destroy(hook=False) is True
    assert api.last.params == {"hook": "0"}


def test_destroying_a_task_without_an_id_is_refused_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="task_id"):
        podio.Task(text="never created").destroy()
    assert api.calls == []


async def test_async_instance_methods(api: MockPodio) -> None:
    api.on("POST", "/task/", {"task_id": 11})
    task = podio.Task(text="async")
    assert await task.acreate() is True and task.task_id == 11
    api.on("DELETE", "/task/11", status=204)
    assert await task.adestroy() is True


def test_task_labels_create_update_and_destroy_themselves(api: MockPodio) -> None:
    api.on("POST", "/task/label/", {"label_id": 31})
    label = podio.TaskLabel(text="Waiting")
    assert label.create() is True
    assert api.last.json == {"text": "Waiting", "color": "E9E9E9"}  # podio-rb's default grey
    assert label.label_id == 31

    api.on("PUT", "/task/label/31", status=204)
    label.color = "FF0000"
    assert label.update() is True
    assert api.last.json == {"text": "Waiting", "color": "FF0000"}

    api.on("DELETE", "/task/label/31", status=204)
    assert label.destroy() is True and api.last.method == "DELETE"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: podio.Task.update_private(1, "yes"), TypeError),  # type: ignore[arg-type]
        (lambda: podio.Task.update_labels(1, "12"), TypeError),  # type: ignore[arg-type]
        (lambda: podio.Task.find(""), TypeError),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_fail_before_anything_is_sent(
    api: MockPodio, call: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        call()
    assert api.calls == []
