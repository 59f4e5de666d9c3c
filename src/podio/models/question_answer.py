"""Question answers: who picked which option of a question."""

from __future__ import annotations

from ._base import Model
from .profile import Profile

__all__ = ["QuestionAnswer"]


class QuestionAnswer(Model):
    """One answer to a `Question`: the option picked and the person who picked it.

    The key is ``user`` but Podio sends that person's profile (the Ruby gem says the same).
    """

    question_option_id: int | None = None
    user: Profile | None = None
