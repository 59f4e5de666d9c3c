"""Area `statuses`: status messages posted on spaces."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router
from .seed import seed

AREA = Area(
    name="statuses",
    router=router,
    schema=models.SCHEMA,
    seed=seed,
    counts={"status": "SELECT COUNT(*) FROM statuses WHERE status = 'active'"},
    order=70,
)
