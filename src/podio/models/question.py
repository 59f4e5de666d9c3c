"""Questions: small polls attached to a status message or a comment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, as_model_list, as_status, member, returns
from .question_answer import QuestionAnswer
from .question_option import QuestionOption

__all__ = ["Question"]

_DOC = "https://developers.podio.com/doc/questions"


class Question(Model):
    """A question with its `options`, the `answers` given and the counts per option."""

    _id_field = "question_id"

    question_id: int | None = None
    text: str | None = None
    ref: dict[str, Any] | None = None
    answer_counts: dict[str, Any] | None = None
    answer_by_current_user: QuestionAnswer | None = None
    answers: list[QuestionAnswer] | None = None
    options: list[QuestionOption] | None = None

    @member("POST", "/question/{ref_type}/{ref_id}/", doc=f"{_DOC}/create-question-887166")
    def create(
        cls,
        ref_type: str,
        ref_id: int,
        text: str,
        options: Sequence[str],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Ask a question on a status or comment, with the texts of its options.

        Returns the new question (the PHP and .NET clients return only its `question_id`).
        """
        if isinstance(options, str):
            raise TypeError("options must be a list of option texts, not one string")
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            json={"text": text, "options": list(options)},
        )

    acreate = create.twin()

    @returns(
        as_status,
        "POST",
        "/question/{question_id}/{ref_type}/{ref_id}/",
        "/question/{question_id}/",
        doc=f"{_DOC}/answer-question-887232",
    )
    def answer(
        cls,
        question_id: int,
        question_option_id: int,
        *,
        ref_type: str | None = None,
        ref_id: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Answer a question by picking one of its options; returns the HTTP status.

        With `ref_type` and `ref_id` (the status or comment the question is on) this is the
        Ruby gem's form, ``POST /question/{id}/{ref_type}/{ref_id}/``; without them the PHP
        and .NET clients' ``POST /question/{id}/``.
        """
        if (ref_type is None) != (ref_id is None):
            raise ValueError("ref_type and ref_id go together: give both or neither")
        path: dict[str, Any] = {"question_id": question_id}
        if ref_type is not None:
            path.update(ref_type=ref_type, ref_id=ref_id)
        return Call(path=path, json={"question_option_id": question_option_id})

    aanswer = answer.twin()

    @returns(
        as_model_list(QuestionAnswer),
        "GET",
        "/question/{question_id}/",
        doc=f"{_DOC}/get-answers-945753",
    )
    def find_answers(cls, question_id: int, *, client: ClientArg = None) -> Call:
        """Every answer given to a question: the option picked and by whom."""
        return Call(path={"question_id": question_id})

    afind_answers = find_answers.twin()
