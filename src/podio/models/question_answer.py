"""Question answers: who picked which option of a question."""

from __future__ import annotations

from ._base import Model
from .profile import Profile

__all__ = ["QuestionAnswer"]


class QuestionAnswer(Model):
    """One user's answer: the option picked and the profile of who picked it.

    Podio calls the key ``user`` but sends a profile (podio-rb notes the same).
    """

    _id_field = "question_option_id"

    question_option_id: int | None = None
    user: Profile | None = None
