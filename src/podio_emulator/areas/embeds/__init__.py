"""Area `embeds`: link previews derived from their URL (no network access)."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(
    name="embeds",
    router=router,
    schema=models.SCHEMA,
    counts={"embed": "SELECT COUNT(*) FROM embeds"},
    order=60,
)
