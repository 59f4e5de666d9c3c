"""Question options: the choices of a question on a status or comment."""

from __future__ import annotations

from ._base import Model

__all__ = ["QuestionOption"]


class QuestionOption(Model):
    """One choice of a `Question`."""

    _id_field = "question_option_id"

    question_option_id: int | None = None
    text: str | None = None
