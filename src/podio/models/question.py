"""Questions: polls asked in status messages and comments (``question: {text, options}``)."""

from __future__ import annotations

from typing import Any

from ._base import Model
from .question_answer import QuestionAnswer
from .question_option import QuestionOption

__all__ = ["Question"]


class Question(Model):
    """A question with its options, the answers so far and the current user's answer."""

    _id_field = "question_id"

    question_id: int | None = None
    text: str | None = None
    ref: dict[str, Any] | None = None
    answer_counts: dict[str, Any] | None = None
    answer_by_current_user: QuestionAnswer | None = None
    answers: list[QuestionAnswer] | None = None
    options: list[QuestionOption] | None = None
