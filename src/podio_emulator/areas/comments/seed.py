"""The comments part of the demo world: a short exchange on the first projects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...auth import Principal
from .._refs import resolve
from . import models

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

_THREAD = (
    (0, "alice@example.com", "Kick-off is on Monday; the brief is attached."),
    (0, "bob@example.com", "Thanks! I will draft the first page this week."),
    (1, "alice@example.com", "Can we move the deadline by a week?"),
)


def seed(tx: Tx, emulator: Emulator, world: dict[str, Any]) -> None:
    """Adds `world["comment_ids"]`: three comments by Alice and Bob on two projects."""
    projects = world.get("item_ids", {}).get("projects") or []
    users: dict[str, int] = world.get("users", {})
    web_url = emulator.config.web_url.rstrip("/")
    ids = []
    for index, mail, text in _THREAD:
        if index >= len(projects) or mail not in users:
            continue
        principal = Principal("user", users[mail], emulator.config.client_id)
        target = resolve(tx, principal, "item", projects[index], web_url)
        ids.append(models.create_comment(tx, principal, target, {"value": text}, web_url))
    world["comment_ids"] = ids
