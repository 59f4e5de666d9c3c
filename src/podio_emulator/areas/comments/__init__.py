"""Area `comments`: comments on items, statuses and tasks."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router
from .seed import seed

AREA = Area(
    name="comments",
    router=router,
    schema=models.SCHEMA,
    seed=seed,
    counts={"comment": "SELECT COUNT(*) FROM comments WHERE status = 'active'"},
    order=70,
)
