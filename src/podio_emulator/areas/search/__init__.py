"""Area `search`: searching items, tasks, statuses, files, apps and profiles."""

from __future__ import annotations

from .. import Area
from .routes import router

AREA = Area(name="search", router=router, sequences={"search": 90_000_001}, order=90)
