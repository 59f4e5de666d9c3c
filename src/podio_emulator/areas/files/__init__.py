"""Area `files`: uploads, downloads, attachments (files.md)."""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router
from .seed import seed

AREA = Area(
    name="files",
    router=router,
    schema=models.SCHEMA,
    seed=seed,
    counts={"file": "SELECT COUNT(*) FROM files WHERE status = 'active'"},
    order=60,
)
