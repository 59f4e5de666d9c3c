"""Votings configured on apps, their results on items, and votes."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

VOTING = {"voting_id": 2, "kind": "fivestar", "question": "How good is it?"}
RESULT = {"voting_id": 2, "results": [{"answer_id": 1, "count": 3}]}
V = podio.Voting

CASES = [
    Case(V, "find_all_for_app", (6,), path="/voting/app/6/voting", answer=[VOTING], kind=V),
    Case(V, "find_result_for_item", (1, 2), path="/voting/item/1/voting/2/result", answer=RESULT),
    Case(
        V,
        "find_users_with_votes",
        (1, 2),
        path="/voting/item/1/voting/2/user",
        answer=[{"user": {"user_id": 5}, "rating": 4}],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_vote_holds_its_voting_and_answer() -> None:
    data = {"rating": 4, "answer": {"answer_id": 1, "text": "Great"}, "voting": VOTING}
    vote = podio.Vote.from_api(data)
    assert isinstance(vote.answer, podio.Answer) and vote.answer.id == 1
    assert isinstance(vote.voting, V) and vote.voting.kind == "fivestar"
    assert vote.as_json() == data
