"""Area `tasks`: tasks on objects and on their own, and task labels."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router
from .seed import seed

AREA = Area(
    name="tasks",
    router=router,
    schema=models.SCHEMA,
    seed=seed,
    counts={
        "task": "SELECT COUNT(*) FROM tasks WHERE status != 'deleted'",
        "task_label": "SELECT COUNT(*) FROM task_labels",
    },
    order=70,
)
