"""Area `applications`: apps and their fields (`/app/...`).

The app definition is validated by the field-type engine (`podio_emulator.fieldtypes`); the
app row is the platform's `apps` table, the fields live in `app_fields`.
"""

from __future__ import annotations

from .. import Area
from . import models
from .routes import router

AREA = Area(
    name="applications",
    router=router,
    schema=models.SCHEMA,
    counts={"app_field": "SELECT COUNT(*) FROM app_fields WHERE status = 'active'"},
    order=40,
)
