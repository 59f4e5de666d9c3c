"""One group of a task summary: how many tasks there are, and the first of them."""

from __future__ import annotations

from ._base import Model
from .task import Task

__all__ = ["TaskSummaryGroup"]


class TaskSummaryGroup(Model):
    """``{"total": int, "tasks": [Task, ...]}``: `tasks` is cut at the summary's ``limit``."""

    total: int | None = None
    tasks: list[Task] | None = None
