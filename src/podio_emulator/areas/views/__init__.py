"""Area `views`: saved views of app items and each user's last used view."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(
    name="views",
    router=router,
    schema=models.SCHEMA,
    counts={"view": "SELECT COUNT(*) FROM views WHERE status = 'active' AND type != 'standard'"},
    order=60,
)
