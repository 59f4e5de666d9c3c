"""The files part of the demo world: a project brief attached to the first project."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...auth import Principal
from .._refs import resolve
from . import models

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

BRIEF = (
    b"Project brief\n"
    b"=============\n\n"
    b"Goal: a website that explains the product in one page.\n"
    b"Owner: the Intranet team. Budget and deadline: see the project item.\n"
)


def seed(tx: Tx, emulator: Emulator, world: dict[str, Any]) -> None:
    """Adds `world["file_ids"]`: one text file on the first project item."""
    projects = world.get("item_ids", {}).get("projects") or []
    if not projects:
        return
    owner = int(tx.scalar("SELECT created_by_id FROM items WHERE item_id = ?", (projects[0],)))
    principal = Principal("user", owner, emulator.config.client_id)
    web_url = emulator.config.web_url.rstrip("/")
    file_id = models.store_upload(tx, principal, "project-brief.txt", BRIEF, "text/plain")
    target = resolve(tx, principal, "item", projects[0], web_url)
    models.attach_to(tx, principal, [file_id], target, web_url)
    world["file_ids"] = [file_id]
