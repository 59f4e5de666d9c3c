"""Status messages: posts on a space (objects.md "Status message").

Members of the space post (light members too: their rights include `add_status`); members and
organization members who may read an open space read them. The author changes a status; the
author and space admins delete it. Only likes apply (ratings area). A status may carry one
question with options (answers are not emulated).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ...access import require_space, role_at_least
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import forbidden, gone, invalid_value, not_found
from ...request import describe
from ...shapes import push
from .._common import (
    author,
    by_line,
    check_ids,
    check_int,
    check_text,
    is_author,
    rich_text,
    space_data,
    via_json,
)
from .._refs import Target
from ..comments.models import comments_for
from ..embeds.models import embed_object, make_embed
from ..files.models import attach_to, file_object, files_of
from ..ratings.models import rating_summary
from ..subscriptions.models import subscription_summary

__all__ = [
    "SCHEMA",
    "create_status",
    "delete_status",
    "status_link",
    "status_object",
    "status_row",
    "status_target",
    "update_status",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS statuses (
    status_id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    embed_id INTEGER,
    embed_file_id INTEGER,
    question TEXT,
    pinned INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'active',
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    last_edit_on TEXT,
    deleted_on TEXT
);
CREATE INDEX IF NOT EXISTS statuses_space ON statuses (space_id, status);
"""

_RIGHTS_AUTHOR = ["view", "update", "delete", "comment", "rate", "add_file", "add_task",
                  "subscribe"]  # fmt: skip
_RIGHTS_ADMIN = ["view", "delete", "comment", "rate", "add_task", "subscribe"]
_RIGHTS_READER = ["view", "comment", "rate", "add_task", "subscribe"]
MAX_OPTIONS = 20


def status_row(tx: Tx, status_id: int) -> sqlite3.Row:
    """The status; 404 unknown, 410 deleted (also when its space was deleted)."""
    row = tx.one("SELECT * FROM statuses WHERE status_id = ?", (status_id,))
    if row is None:
        raise not_found("Status not found")
    if row["status"] == "deleted":
        raise gone("The status has been deleted")
    return row


def status_link(tx: Tx, row: sqlite3.Row, web_url: str) -> str:
    space = space_data(tx, int(row["space_id"]), web_url)
    base = space["url"] if space else f"{web_url}/spaces/{row['space_id']}"
    return f"{base}/status/{row['status_id']}"


def status_target(tx: Tx, principal: Principal, status_id: int, web_url: str) -> Target:
    """The status if the caller may read its space (`_refs.resolve`)."""
    row = status_row(tx, status_id)
    access = require_space(tx, principal, int(row["space_id"]), "light", allow_open=True)
    own = is_author(row, principal)
    value = str(row["value"])
    return Target(
        type="status",
        id=status_id,
        title=value if len(value) <= 100 else value[:97] + "...",
        link=status_link(tx, row, web_url),
        space_id=int(row["space_id"]),
        can_edit=own,
        can_moderate=own or role_at_least(access.role, "admin"),
        created_on=row["created_on"],
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=loads(row["created_via"], {}),
        data={"status_id": status_id, "value": value, "space_id": row["space_id"]},
    )


def _question(tx: Tx, value: Any) -> dict[str, Any] | None:
    """`{"text", "options": [str]}` -> the stored question with ids."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid_value(f"Invalid value {describe(value)}: question must be object")
    text = check_text(value.get("text"), "question text", required=True)
    options = value.get("options")
    if (
        not isinstance(options, list)
        or not 2 <= len(options) <= MAX_OPTIONS
        or not all(isinstance(o, str) and o.strip() for o in options)
    ):
        raise invalid_value(
            f"Invalid value {describe(options)}: options must be 2 to {MAX_OPTIONS} strings"
        )
    return {
        "question_id": tx.next_id("question"),
        "text": text,
        "options": [{"question_option_id": tx.next_id("question"), "text": o} for o in options],
        "answers": [],
    }


def _embed(tx: Tx, principal: Principal, body: dict[str, Any]) -> int | None:
    if body.get("embed_id") is not None:
        embed_id = check_int(body["embed_id"], "embed_id")
        if embed_object(tx, embed_id) is None:
            raise invalid_value(f"Invalid value {embed_id} (integer): No embed found")
        return embed_id
    if body.get("embed_url") is not None:
        return make_embed(tx, principal, body["embed_url"])
    return None


def _self_target(row_id: int, space_id: int) -> Target:
    return Target(
        type="status", id=row_id, title="", link="", space_id=space_id, can_edit=True,
        can_moderate=True,
    )  # fmt: skip


def create_status(
    tx: Tx, principal: Principal, space_id: int, body: dict[str, Any], web_url: str
) -> int:
    """`{value, file_ids?, embed_id? | embed_url?, question?: {text, options}}` -> status id."""
    require_space(tx, principal, space_id, "light")
    value = check_text(body.get("value"), "value", required=True)
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    embed_id = _embed(tx, principal, body)
    question = _question(tx, body.get("question"))
    status_id = tx.next_id("status")
    by_type, by_id = author(principal)
    tx.insert(
        "statuses",
        {
            "status_id": status_id,
            "space_id": space_id,
            "value": value,
            "embed_id": embed_id,
            "question": dumps(question) if question is not None else None,
            "created_on": tx.clock.now_str(),
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json(tx, principal),
        },
    )
    if file_ids:
        attach_to(tx, principal, file_ids, _self_target(status_id, space_id), web_url)
    tx.execute(
        "UPDATE spaces SET last_activity_on = ? WHERE space_id = ?", (tx.clock.now_str(), space_id)
    )
    tx.emit("status.create", "space", space_id, status_id=status_id)
    return status_id


def update_status(
    tx: Tx, principal: Principal, row: sqlite3.Row, body: dict[str, Any], web_url: str
) -> None:
    """Only the author: `value`, `file_ids` (added), the embed (left out: removed)."""
    if not is_author(row, principal):
        raise forbidden("Only the author may change a status")
    updates: dict[str, Any] = {"last_edit_on": tx.clock.now_str()}
    if "value" in body:
        updates["value"] = check_text(body["value"], "value", required=True)
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    updates["embed_id"] = _embed(tx, principal, body)
    tx.update("statuses", updates, "status_id = ?", (row["status_id"],))
    if file_ids:
        target = _self_target(int(row["status_id"]), int(row["space_id"]))
        attach_to(tx, principal, file_ids, target, web_url)
    tx.emit("status.update", "space", int(row["space_id"]), status_id=int(row["status_id"]))


def delete_status(tx: Tx, principal: Principal, row: sqlite3.Row, target: Target) -> None:
    if not target.can_moderate:
        raise forbidden("Only the author and space admins may delete a status")
    tx.update(
        "statuses",
        {"status": "deleted", "deleted_on": tx.clock.now_str()},
        "status_id = ?",
        (row["status_id"],),
    )
    tx.emit("status.delete", "space", int(row["space_id"]), status_id=int(row["status_id"]))


def status_object(
    tx: Tx, principal: Principal, row: sqlite3.Row, target: Target, web_url: str
) -> dict[str, Any]:
    """`GET /status/{status_id}`: the keys of objects.md "Status message" plus `space_id`."""
    status_id = int(row["status_id"])
    if target.can_edit:
        rights = list(_RIGHTS_AUTHOR)
    elif target.can_moderate:
        rights = list(_RIGHTS_ADMIN)
    else:
        rights = list(_RIGHTS_READER)
    ratings = rating_summary(tx, "status", status_id, principal, web_url)
    subs = subscription_summary(tx, "status", status_id, principal)
    question = loads(row["question"], None)
    embed_file = (
        file_object(tx, int(row["embed_file_id"]), web_url)
        if row["embed_file_id"] is not None
        else None
    )
    return {
        "status_id": status_id,
        "space_id": row["space_id"],
        "value": row["value"],
        "rich_value": rich_text(str(row["value"])),
        "link": target.link,
        "created_on": row["created_on"],
        "created_by": by_line(tx, str(row["created_by_type"]), int(row["created_by_id"]), web_url),
        "created_via": loads(row["created_via"], {}),
        "last_edit_on": row["last_edit_on"],
        "files": files_of(tx, principal, "status", status_id, web_url, moderator=target.can_edit),
        "embed": embed_object(tx, int(row["embed_id"])) if row["embed_id"] is not None else None,
        "embed_file": embed_file,
        "comments": comments_for(tx, "status", status_id, web_url, principal),
        "questions": [question] if question else [],
        **ratings,
        **subs,
        "tags": loads(row["tags"], []),
        "pinned": bool(row["pinned"]),
        "rights": rights,
        "alerts": [],
        "push": push(tx, f"/status/{status_id}"),
        "presence": {
            "ref_type": "status",
            "ref_id": status_id,
            "user_id": principal.id if principal.type == "user" else None,
            "signature": push(tx, f"/status/{status_id}/presence")["signature"],
        },
    }
