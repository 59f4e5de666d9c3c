"""Area `items`: items of apps (`/item/...`), their revisions, references, filters, views.

Values follow the field-type engine (`podio_emulator.fieldtypes`); see the README section
"Applications and items" for what is covered and the choices made where Podio is silent.
"""

from __future__ import annotations

from .. import Area
from . import models
from .control import control
from .routes import router
from .seed import seed

AREA = Area(
    name="items",
    router=router,
    control_router=control,
    schema=models.SCHEMA,
    seed=seed,
    counts={
        "item": "SELECT COUNT(*) FROM items WHERE status = 'active'",
        "item_revision": "SELECT COUNT(*) FROM item_revisions",
    },
    order=50,
)
