"""Area `spaces`: spaces, space members, and the minimal `apps` table the platform needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...auth import Principal
from .. import Area, SeedWorld
from . import models
from .routes import router

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator


def seed(tx: Tx, emulator: Emulator, world: SeedWorld) -> None:
    """Three spaces in the demo organization:

    - "Intranet" (open): the owner and Alice admins, Bob regular, Carol light;
    - "Sales" (closed): the owner admin, Bob regular;
    - "Employee Network" (type `emp_network`, open): everyone regular, the owner admin;

    and "Research" (open) in the second organization: the owner admin, Bob regular.
    """
    users: dict[str, int] = world["users"]
    org_id: int = world["org_id"]
    owner = int(tx.scalar("SELECT created_by FROM orgs WHERE org_id = ?", (org_id,)))
    principal = Principal("user", owner, emulator.config.client_id)
    web = emulator.config.web_url
    plan = {
        "intranet": (
            "Intranet",
            "open",
            {
                "alice@example.com": "admin",
                "bob@example.com": "regular",
                "carol@example.com": "light",
            },
        ),
        "sales": ("Sales", "closed", {"bob@example.com": "regular"}),
        "employee_network": ("Employee Network", "open", dict.fromkeys(users, "regular")),
    }
    space_ids: dict[str, int] = {}
    for key, (name, privacy, members) in plan.items():
        space_id = int(
            models.create_space(
                tx, principal, {"org_id": org_id, "name": name, "privacy": privacy}, web
            )["space_id"]
        )
        if key == "employee_network":
            tx.update("spaces", {"type": "emp_network"}, "space_id = ?", (space_id,))
        for mail, role in members.items():
            user_id = users[mail]
            if user_id == owner:
                continue
            models.add_members(tx, principal, space_id, {"users": [user_id], "role": role})
        space_ids[key] = space_id
    labs = world.get("org_ids", {}).get("labs")
    if labs is not None:
        research = int(
            models.create_space(
                tx, principal, {"org_id": labs, "name": "Research", "privacy": "open"}, web
            )["space_id"]
        )
        bob = users.get("bob@example.com")
        if bob is not None and bob != owner:
            models.add_members(tx, principal, research, {"users": [bob], "role": "regular"})
        space_ids["research"] = research
    world["space_ids"] = space_ids


AREA = Area(
    name="spaces",
    router=router,
    schema=models.SCHEMA + models.APPS_SCHEMA,
    seed=seed,
    counts={
        "space": "SELECT COUNT(*) FROM spaces WHERE status = 'active'",
        "space_member": "SELECT COUNT(*) FROM space_members WHERE ended_on IS NULL",
        "app": "SELECT COUNT(*) FROM apps WHERE status != 'deleted'",
    },
    order=30,
)
