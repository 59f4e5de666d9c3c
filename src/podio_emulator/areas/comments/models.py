"""Comments on items, statuses and tasks (objects.md "Comment").

Whoever may read an object may comment on it (unless its app turned comments off); the author
changes a comment, the author and the object's moderators (item editors, space admins, the
status or task owner) delete it. Commenting subscribes the commenter to the object. Comments
on items raise `comment.create` / `comment.delete` for the item's webhooks.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ...auth import Principal
from ...db import Tx, loads
from ...errors import PodioError, forbidden, gone, invalid_value, not_found
from .._common import (
    author,
    by_line,
    check_ids,
    check_int,
    check_text,
    is_author,
    rich_text,
    via_json,
)
from .._refs import Target, resolve
from ..embeds.models import embed_object, make_embed
from ..files.models import attach_to, file_object, files_of
from ..ratings.models import like_count, user_value
from ..subscriptions.models import SUBSCRIBABLE, subscribe

__all__ = [
    "COMMENTABLE",
    "SCHEMA",
    "comment_count",
    "comment_object",
    "comment_row",
    "comment_target",
    "comments_for",
    "create_comment",
    "delete_comment",
    "update_comment",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS comments (
    comment_id INTEGER PRIMARY KEY,
    ref_type TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    external_id TEXT,
    embed_id INTEGER,
    embed_file_id INTEGER,
    status TEXT NOT NULL DEFAULT 'active',
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    last_edit_on TEXT,
    deleted_on TEXT
);
CREATE INDEX IF NOT EXISTS comments_ref ON comments (ref_type, ref_id, status);
"""

COMMENTABLE = ("item", "status", "task")
# Rights on a comment (samples/item-get-all-fields.json shows the author's).
_RIGHTS_AUTHOR = ["rate", "delete", "update", "add_file", "view", "add_question"]
_RIGHTS_MODERATOR = ["rate", "delete", "view"]
_RIGHTS_READER = ["rate", "view"]


def comment_row(tx: Tx, comment_id: int) -> sqlite3.Row:
    """The comment; 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM comments WHERE comment_id = ?", (comment_id,))
    if row is None:
        raise not_found("Comment not found")
    if row["status"] == "deleted":
        raise gone("The comment has been deleted")
    return row


def open_comment(
    tx: Tx, principal: Principal, comment_id: int, web_url: str
) -> tuple[sqlite3.Row, Target]:
    """The comment and its object, if the caller may read the object."""
    row = comment_row(tx, comment_id)
    parent = resolve(tx, principal, str(row["ref_type"]), int(row["ref_id"]), web_url)
    return row, parent


def comment_target(tx: Tx, principal: Principal, comment_id: int, web_url: str) -> Target:
    """A comment as the object of a reference (files, likes): it lives where its object does."""
    row, parent = open_comment(tx, principal, comment_id, web_url)
    own = is_author(row, principal)
    return Target(
        type="comment",
        id=comment_id,
        title=str(row["value"])[:100],
        link=parent.link,
        space_id=parent.space_id,
        can_edit=own,
        can_moderate=own or parent.can_moderate,
        app_id=parent.app_id,
        item_id=parent.item_id,
        created_on=row["created_on"],
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=loads(row["created_via"], {}),
        data={"comment_id": comment_id, "value": row["value"], "ref": parent.ref},
    )


def _embed(tx: Tx, principal: Principal, body: dict[str, Any]) -> int | None:
    """`embed_id` (an existing embed) or `embed_url` (made into one)."""
    if body.get("embed_id") is not None:
        embed_id = check_int(body["embed_id"], "embed_id")
        if embed_object(tx, embed_id) is None:
            raise invalid_value(f"Invalid value {embed_id} (integer): No embed found")
        return embed_id
    if body.get("embed_url") is not None:
        return make_embed(tx, principal, body["embed_url"])
    return None


def _as_target(row_id: int, parent: Target, principal: Principal) -> Target:
    return Target(
        type="comment",
        id=row_id,
        title="",
        link=parent.link,
        space_id=parent.space_id,
        can_edit=True,
        can_moderate=True,
        app_id=parent.app_id,
        item_id=parent.item_id,
    )


def _check_open(tx: Tx, parent: Target) -> None:
    if parent.type == "item" and parent.app_id is not None:
        from ..applications.models import load_app

        if not load_app(tx, parent.app_id).config.get("allow_comments", True):
            raise forbidden("Comments are turned off for this app")


def create_comment(
    tx: Tx, principal: Principal, parent: Target, body: dict[str, Any], web_url: str
) -> int:
    """`{value, external_id, file_ids, embed_id | embed_url}` -> the new comment's id."""
    _check_open(tx, parent)
    value = check_text(body.get("value"), "value", required=True)
    external_id = check_text(body.get("external_id"), "external_id")
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    embed_id = _embed(tx, principal, body)
    comment_id = tx.next_id("comment")
    by_type, by_id = author(principal)
    tx.insert(
        "comments",
        {
            "comment_id": comment_id,
            "ref_type": parent.type,
            "ref_id": parent.id,
            "value": value,
            "external_id": external_id,
            "embed_id": embed_id,
            "created_on": tx.clock.now_str(),
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json(tx, principal),
        },
    )
    if file_ids:
        attach_to(tx, principal, file_ids, _as_target(comment_id, parent, principal), web_url)
    if principal.type == "user" and parent.type in SUBSCRIBABLE:
        subscribe(tx, principal.id, parent.type, parent.id)
    if parent.type == "item" and parent.app_id is not None:
        tx.emit("comment.create", "app", parent.app_id, item_id=parent.id, comment_id=comment_id)
    return comment_id


def update_comment(
    tx: Tx, principal: Principal, row: sqlite3.Row, parent: Target, body: dict[str, Any],
    web_url: str,
) -> None:  # fmt: skip
    """Only the author; keys left out keep their value, except the embed: a body without
    `embed_id`/`embed_url` removes the link (objects.md "Comment")."""
    if not is_author(row, principal):
        raise forbidden("Only the author may change a comment")
    updates: dict[str, Any] = {}
    if "value" in body:
        updates["value"] = check_text(body["value"], "value", required=True)
    if "external_id" in body:
        updates["external_id"] = check_text(body["external_id"], "external_id")
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    updates["embed_id"] = _embed(tx, principal, body)
    updates["last_edit_on"] = tx.clock.now_str()
    tx.update("comments", updates, "comment_id = ?", (row["comment_id"],))
    if file_ids:
        target = _as_target(int(row["comment_id"]), parent, principal)
        attach_to(tx, principal, file_ids, target, web_url)


def delete_comment(tx: Tx, principal: Principal, row: sqlite3.Row, parent: Target) -> None:
    """The author and the object's moderators; the comment answers 410 afterwards."""
    if not (is_author(row, principal) or parent.can_moderate):
        raise forbidden("You may not delete this comment")
    tx.update(
        "comments",
        {"status": "deleted", "deleted_on": tx.clock.now_str()},
        "comment_id = ?",
        (row["comment_id"],),
    )
    if parent.type == "item" and parent.app_id is not None:
        tx.emit(
            "comment.delete",
            "app",
            parent.app_id,
            item_id=parent.id,
            comment_id=int(row["comment_id"]),
        )


def comment_object(
    tx: Tx, principal: Principal | None, row: sqlite3.Row, web_url: str, *, moderator: bool
) -> dict[str, Any]:
    """A comment with the keys of samples/item-get-all-fields.json `comments[]`."""
    comment_id = int(row["comment_id"])
    own = principal is not None and is_author(row, principal)
    if own:
        rights = list(_RIGHTS_AUTHOR)
    elif moderator:
        rights = list(_RIGHTS_MODERATOR)
    else:
        rights = list(_RIGHTS_READER)
    by = by_line(tx, str(row["created_by_type"]), int(row["created_by_id"]), web_url)
    liked = (
        principal is not None
        and principal.type == "user"
        and user_value(tx, "comment", comment_id, "like", principal.id) is not None
    )
    files = (
        files_of(tx, principal, "comment", comment_id, web_url, moderator=own or moderator)
        if principal is not None
        else []
    )
    embed_file = (
        file_object(tx, int(row["embed_file_id"]), web_url)
        if row["embed_file_id"] is not None
        else None
    )
    return {
        "comment_id": comment_id,
        "value": row["value"],
        "rich_value": rich_text(str(row["value"])),
        "external_id": row["external_id"],
        "ref": {"type": row["ref_type"], "id": row["ref_id"]},
        "rights": rights,
        "created_on": row["created_on"],
        "created_by": by,
        "created_via": loads(row["created_via"], {}),
        "user": dict(by),
        "last_edit_on": row["last_edit_on"],
        "files": files,
        "embed": embed_object(tx, int(row["embed_id"])) if row["embed_id"] is not None else None,
        "embed_file": embed_file,
        "questions": [],
        "like_count": like_count(tx, "comment", comment_id),
        "is_liked": liked,
    }


def list_rows(
    tx: Tx, ref_type: str, ref_id: int, *, limit: int | None = None, offset: int = 0
) -> list[sqlite3.Row]:
    """Live comments on an object, oldest first."""
    sql = (
        "SELECT * FROM comments WHERE ref_type = ? AND ref_id = ? AND status = 'active' "
        "ORDER BY created_on, comment_id"
    )
    params: list[Any] = [ref_type, ref_id]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return tx.query(sql, params)


# -- providers for the items area (items/resolver.py) and the other areas ------------------


def comments_for(
    tx: Tx, ref_type: str, ref_id: int, web_url: str, principal: Principal | None
) -> list[dict[str, Any]]:
    """The object's comments as the caller sees them (oldest first)."""
    moderator = False
    if principal is not None:
        try:
            moderator = resolve(tx, principal, ref_type, ref_id, web_url).can_moderate
        except PodioError:
            moderator = False
    return [
        comment_object(tx, principal, row, web_url, moderator=moderator)
        for row in list_rows(tx, ref_type, ref_id)
    ]


def comment_count(tx: Tx, ref_type: str, ref_id: int) -> int:
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM comments WHERE ref_type = ? AND ref_id = ? AND status = 'active'",
            (ref_type, ref_id),
        )
    )
