"""Votes: one user's vote in a voting."""

from __future__ import annotations

from ._base import Model
from .answer import Answer
from .voting import Voting

__all__ = ["Vote"]


class Vote(Model):
    """A vote: the `voting` it belongs to, the `answer` chosen and its `rating`."""

    rating: int | None = None
    answer: Answer | None = None
    voting: Voting | None = None
