"""Area `contacts`: profiles and space contacts (rows of the platform's `profiles`)."""

from __future__ import annotations

from .. import Area
from .routes import router

AREA = Area(
    name="contacts",
    router=router,
    counts={
        "space_contact": "SELECT COUNT(*) FROM profiles WHERE type = 'space' AND status = 'active'"
    },
    order=60,
)
