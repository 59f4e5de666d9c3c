"""Questions on statuses and comments: asking, answering, reading the answers."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

ANSWER = {"question_option_id": 3, "user": {"profile_id": 9, "user_id": 5, "name": "Bob"}}
QUESTION = {
    "question_id": 12,
    "text": "Where do we eat?",
    "ref": {"type": "status", "id": 8},
    "answer_counts": {"3": 1},
    "options": [
        {"question_option_id": 3, "text": "Pizza"},
        {"question_option_id": 4, "text": "Sushi"},
    ],
    "answers": [ANSWER],
    "answer_by_current_user": ANSWER,
}
Q = podio.Question

CASES = [
    Case(
        Q,
        "create",
        ("status", 8, "Where do we eat?", ["Pizza", "Sushi"]),
        method="POST",
        path="/question/status/8/",
        body={"text": "Where do we eat?", "options": ["Pizza", "Sushi"]},
        answer=QUESTION,
        kind=Q,
    ),
    Case(
        Q,
        "answer",
        (12, 3),
        {"ref_type": "status", "ref_id": 8},
        method="POST",
        path="/question/12/status/8/",
        body={"question_option_id": 3},
        answer=None,
        result=200,
    ),
    Case(
        Q,
        "answer",
        (12, 4),
        method="POST",
        path="/question/12/",
        body={"question_option_id": 4},
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        Q, "find_answers", (12,), path="/question/12/", answer=[ANSWER], kind=podio.QuestionAnswer
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_question_is_typed_down_to_its_options_and_answers(api: MockPodio) -> None:
    api.on("POST", "/question/status/8/", QUESTION)
    question = Q.create("status", 8, "Where do we eat?", ["Pizza", "Sushi"])
    assert question.id == 12
    assert [(o.id, o.text) for o in question.options or []] == [(3, "Pizza"), (4, "Sushi")]
    mine = question.answer_by_current_user
    assert isinstance(mine, podio.QuestionAnswer) and mine.question_option_id == 3
    assert isinstance(mine.user, podio.Profile) and mine.user.name == "Bob"


def test_answering_on_an_object_needs_both_its_type_and_id(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="ref_type and ref_id"):
        Q.answer(12, 3, ref_type="status")
    with pytest.raises(TypeError, match="options"):
        Q.create("status", 8, "Where?", "Pizza")
    assert api.calls == []
