"""Comments on any object, with the embeds, files and questions they carry."""

from __future__ import annotations

from typing import Any

import pytest

import podio

from ...mock_api import MockPodio
from ...reference import sample
from ._wire import Op, arun, equals, model, models, run

COMMENT = {"comment_id": 3, "value": "Done!", "ref": {"type": "item", "id": 42}}
PROFILE = {"profile_id": 9, "user_id": 1, "name": "Ann", "type": "user"}

CASES = [
    Op(
        podio.Comment,
        "find",
        (3,),
        path="/comment/3",
        answer=COMMENT,
        expect=model(podio.Comment, COMMENT),
    ),
    Op(
        podio.Comment,
        "find_all_for",
        ("item", 42),
        path="/comment/item/42",
        answer=[COMMENT],
        expect=models(podio.Comment, [COMMENT]),
    ),
    Op(
        podio.Comment,
        "find_all_for",
        ("status", 8),
        {"limit": 5, "offset": 10},
        path="/comment/status/8",
        query={"limit": "5", "offset": "10"},
        answer=[],
        expect=models(podio.Comment, []),
    ),
    Op(
        podio.Comment,
        "find_recent_for_share",
        path="/comment/share/",
        answer=[COMMENT],
        expect=models(podio.Comment, [COMMENT]),
    ),
    Op(
        podio.Comment,
        "create",
        ("task", 7, {"value": "On it @[Ann](user:1)", "file_ids": [5], "embed_url": "https://x.y"}),
        {"silent": True, "hook": False, "alert_invite": True},
        method="POST",
        path="/comment/task/7",
        query={"silent": "1", "hook": "0", "alert_invite": "1"},
        body={"value": "On it @[Ann](user:1)", "file_ids": [5], "embed_url": "https://x.y"},
        answer=COMMENT,
        expect=model(podio.Comment, COMMENT),
    ),
    Op(
        podio.Comment,
        "update",
        (3, {"value": "Done."}),
        method="PUT",
        path="/comment/3",
        body={"value": "Done."},
        status=204,
        expect=equals(204),
    ),
    Op(podio.Comment, "delete", (3,), method="DELETE", path="/comment/3", expect=equals(200)),
    Op(
        podio.Comment,
        "liked_by",
        (3,),
        {"limit": 2},
        path="/comment/3/liked_by/",
        query={"limit": "2"},
        answer=[PROFILE],
        expect=models(podio.Profile, [PROFILE]),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_real_comments_round_trip_with_their_embeds_and_files(api: MockPodio) -> None:
    comments = sample("item-get-all-fields.json")["comments"]  # type: ignore[index]
    api.on("GET", "/comment/item/350017179", comments)
    found = podio.Comment.find_all_for("item", 350017179)
    assert [c.as_json() for c in found] == comments
    first = found[0]
    assert isinstance(first.created_by, podio.ByLine) and isinstance(first.created_via, podio.Via)
    assert first.created_on is not None and first.created_on.tzinfo is not None


def test_nested_embeds_files_and_questions_are_typed() -> None:
    body: dict[str, Any] = {
        "comment_id": 1,
        "embed": {"embed_id": 2, "files": [{"file_id": 3, "comments": [{"comment_id": 4}]}]},
        "embed_file": {"file_id": 5},
        "files": [{"file_id": 6, "replaces": [{"file_id": 7}]}],
        "questions": [
            {
                "question_id": 8,
                "text": "Lunch?",
                "options": [{"question_option_id": 9, "text": "Yes"}],
                "answers": [{"question_option_id": 9, "user": {"profile_id": 10, "name": "Ann"}}],
            }
        ],
    }
    comment = podio.Comment.from_api(body)
    assert comment.as_json() == body
    assert type(comment.embed) is podio.Embed
    files = comment.embed.files or []
    assert type(files[0]) is podio.FileAttachment
    assert type((files[0].comments or [])[0]) is podio.Comment
    assert type(comment.embed_file) is podio.FileAttachment
    assert type(((comment.files or [])[0].replaces or [])[0]) is podio.FileAttachment
    question = (comment.questions or [])[0]
    assert type(question) is podio.Question
    assert type((question.options or [])[0]) is podio.QuestionOption
    answer = (question.answers or [])[0]
    assert type(answer) is podio.QuestionAnswer and type(answer.user) is podio.Profile
