"""The tasks part of the demo world: work on a project, a space task and a personal one."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from ...auth import Principal
from .._refs import resolve
from . import models

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator


def seed(tx: Tx, emulator: Emulator, world: dict[str, Any]) -> None:
    """Adds `world["task_ids"]`: Alice asks Bob to review the first project (due in two days,
    labelled "Review"), the Intranet has a task for Carol, Alice has a private reminder."""
    users: dict[str, int] = world.get("users", {})
    projects = world.get("item_ids", {}).get("projects") or []
    space_id = world.get("space_ids", {}).get("intranet")
    if "alice@example.com" not in users or space_id is None:
        return
    web_url = emulator.config.web_url.rstrip("/")
    alice = Principal("user", users["alice@example.com"], emulator.config.client_id)
    due = (tx.clock.utcnow() + timedelta(days=2)).strftime("%Y-%m-%d 15:00:00")
    ids: list[int] = []
    if projects and "bob@example.com" in users:
        target = resolve(tx, alice, "item", projects[0], web_url)
        ids += models.create_tasks(
            tx,
            alice,
            {
                "text": "Review the project brief",
                "description": "The brief is attached to the project.",
                "due_on": due,
                "responsible": users["bob@example.com"],
                "labels": ["Review"],
            },
            target,
            web_url,
        )
    if "carol@example.com" in users:
        target = resolve(tx, alice, "space", int(space_id), web_url)
        ids += models.create_tasks(
            tx,
            alice,
            {"text": "Update the team page", "responsible": users["carol@example.com"]},
            target,
            web_url,
        )
    ids += models.create_tasks(
        tx,
        alice,
        {"text": "Book the meeting room", "private": True, "due_date": due[:10]},
        None,
        web_url,
    )
    world["task_ids"] = ids
