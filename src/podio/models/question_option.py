"""Question options: the choices of a question asked in a status or comment."""

from __future__ import annotations

from ._base import Model

__all__ = ["QuestionOption"]


class QuestionOption(Model):
    """One answer a question offers (``{"question_option_id", "text"}``)."""

    _id_field = "question_option_id"

    question_option_id: int | None = None
    text: str | None = None
