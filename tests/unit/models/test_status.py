"""Status messages: every call, with comments, files and tasks typed inside them."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, run

STATUS = {
    "status_id": 8,
    "value": "Shipped",
    "comments": [{"comment_id": 1, "value": "Yay"}],
    "files": [{"file_id": 2}],
    "tasks": [{"task_id": 3}],
    "questions": [{"question_id": 4, "text": "Party?"}],
    "embed": {"embed_id": 5},
}

CASES = [
    Op(
        podio.Status,
        "find",
        (8,),
        {"fields": "comments"},
        path="/status/8",
        query={"fields": "comments"},
        answer=STATUS,
        expect=model(podio.Status, STATUS),
    ),
    Op(
        podio.Status,
        "create",
        (23, {"value": "Hello", "question": {"text": "Lunch?", "options": ["Yes", "No"]}}),
        {"silent": True},
        method="POST",
        path="/status/space/23/",
        query={"silent": "1"},
        body={"value": "Hello", "question": {"text": "Lunch?", "options": ["Yes", "No"]}},
        answer={"status_id": 8},
        expect=model(podio.Status, {"status_id": 8}),
    ),
    Op(
        podio.Status,
        "update",
        (8, {"value": "Shipped!"}),
        method="PUT",
        path="/status/8",
        body={"value": "Shipped!"},
        expect=equals(None),
    ),
    Op(podio.Status, "delete", (8,), method="DELETE", path="/status/8", expect=equals(None)),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_what_a_status_holds_is_typed(api: MockPodio) -> None:
    api.on("GET", "/status/8", STATUS)
    status = podio.Status.find(8)
    assert type((status.comments or [])[0]) is podio.Comment
    assert type((status.files or [])[0]) is podio.FileAttachment
    assert type((status.tasks or [])[0]) is podio.Task
    assert type((status.questions or [])[0]) is podio.Question
    assert type(status.embed) is podio.Embed


def test_a_status_destroys_itself(api: MockPodio) -> None:
    api.on("DELETE", "/status/8", status=204)
    assert podio.Status(status_id=8).destroy() is True
    api.on(
        "DELETE", "/status/9", {"error": "not_found", "error_description": "No status"}, status=404
    )
    gone = podio.Status(status_id=9)
    assert gone.destroy() is False and gone.error_code == "not_found"
