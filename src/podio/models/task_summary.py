"""Task summaries: the user's tasks split into overdue, due today and the rest."""

from __future__ import annotations

from ._base import Model
from .task_summary_group import TaskSummaryGroup

__all__ = ["TaskSummary"]


class TaskSummary(Model):
    """What the ``…/summary`` calls of `Task` return: three groups of tasks.

    podio-rb turns the same answer into a hash with task lists; here each group is a
    `TaskSummaryGroup` with `total` and `tasks`.
    """

    overdue: TaskSummaryGroup | None = None
    today: TaskSummaryGroup | None = None
    other: TaskSummaryGroup | None = None
