"""Area `organizations`: organizations and their members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import Area, SeedWorld
from . import models
from .routes import control, router

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

DEMO_ORG = "Emulator Demo"
SECOND_ORG = "Emulator Labs"


def seed(tx: Tx, emulator: Emulator, world: SeedWorld) -> None:
    """Two organizations. The demo organization: the first configured user and Alice are
    admins, Bob and Carol regular members. "Emulator Labs": the first configured user is its
    admin and Bob a regular member (Alice and Carol are not members)."""
    users: dict[str, int] = world["users"]
    owner = (
        users[emulator.config.users[0].mail]
        if emulator.config.users
        else users["alice@example.com"]
    )
    org_id = models.create_org(tx, owner, {"name": DEMO_ORG})
    for mail, user_id in users.items():
        if user_id == owner:
            continue
        role = "admin" if mail == "alice@example.com" else "regular"
        models.add_org_member(tx, org_id, user_id, role, employee=True)
    world["org_id"] = org_id
    labs = models.create_org(tx, owner, {"name": SECOND_ORG})
    if users.get("bob@example.com", owner) != owner:
        models.add_org_member(tx, labs, users["bob@example.com"], "regular", employee=True)
    world["org_ids"] = {"demo": org_id, "labs": labs}


AREA = Area(
    name="organizations",
    router=router,
    control_router=control,
    schema=models.SCHEMA,
    seed=seed,
    counts={"org": "SELECT COUNT(*) FROM orgs WHERE status = 'active'"},
    order=20,
)
