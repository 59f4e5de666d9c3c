"""The statuses part of the demo world: a welcome post in the Intranet, liked by Bob."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...auth import Principal
from ..ratings.models import rate
from . import models

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator


def seed(tx: Tx, emulator: Emulator, world: dict[str, Any]) -> None:
    """Adds `world["status_ids"]`."""
    users: dict[str, int] = world.get("users", {})
    space_id = world.get("space_ids", {}).get("intranet")
    if space_id is None or "alice@example.com" not in users:
        return
    web_url = emulator.config.web_url.rstrip("/")
    alice = Principal("user", users["alice@example.com"], emulator.config.client_id)
    status_id = models.create_status(
        tx,
        alice,
        int(space_id),
        {
            "value": "Welcome to the Intranet! Projects and clients live in their apps.",
            "question": {"text": "Team lunch on Friday?", "options": ["Yes", "No"]},
        },
        web_url,
    )
    if "bob@example.com" in users:
        bob = Principal("user", users["bob@example.com"], emulator.config.client_id)
        rate(tx, bob, models.status_target(tx, bob, status_id, web_url), "like", 1)
    world["status_ids"] = [status_id]
