"""Area `tags`: tags on items and statuses, their counts and the tag search."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(name="tags", router=router, schema=models.SCHEMA, order=80)
