"""Area `subscriptions`: following items, statuses, tasks, apps and spaces."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(
    name="subscriptions",
    router=router,
    schema=models.SCHEMA,
    counts={"subscription": "SELECT COUNT(*) FROM subscriptions WHERE active = 1"},
    order=60,
)
