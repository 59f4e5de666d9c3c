"""Area `ratings`: likes and the five rating types on items, statuses and comments."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(
    name="ratings",
    router=router,
    schema=models.SCHEMA,
    counts={"rating": "SELECT COUNT(*) FROM ratings"},
    order=60,
)
