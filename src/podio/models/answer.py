"""Answers: the possible answers of a voting."""

from __future__ import annotations

from ._base import Model

__all__ = ["Answer"]


class Answer(Model):
    """An answer option of a voting (the ``answer`` of a `Vote`)."""

    _id_field = "answer_id"

    answer_id: int | None = None
    text: str | None = None
