"""Tags on items and statuses (objects.md "Tag").

Tags are plain strings on their object (`items.tags`, `statuses.tags`). Through `/tag/...`:
adding ignores a tag the object already has (compared without case), replacing sets the
list, removing drops one text. Changing an item's tags is an item update (a new revision
and `item.update`, as `PUT /item/{id}` with `tags` is); it needs the right to change the
item, and the app must allow tags. A status's tags belong to its author.

Lookups count the objects carrying each tag text: per app (items), per space (items and
statuses) and per organization (the spaces the caller is a member of). The tag search lists
the tagged objects, most recently tagged first (the moment a tag was added through
`/tag/...` is kept; tags written with the object itself date from the object's creation).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import forbidden, invalid_value
from ...request import describe
from .._refs import Target

__all__ = ["SCHEMA", "TAGGABLE", "Tagged", "change_tags", "count_tags", "parse_tags"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS tag_added (
    ref_type TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    added_on TEXT NOT NULL,
    PRIMARY KEY (ref_type, ref_id, text)
);
"""

TAGGABLE = ("item", "status")
MAX_TAG_LENGTH = 255


@dataclass
class Tagged:
    """An object carrying tags, as the lookups and the tag search see it."""

    type: str
    id: int
    title: str
    link: str
    created_on: str
    tags: list[str]
    space_id: int


def parse_tags(body: Any) -> list[str]:
    """The JSON list of strings a tag call sends (conventions.md §7)."""
    if not isinstance(body, list) or not all(isinstance(t, str) for t in body):
        raise invalid_value(f"Invalid value {describe(body)}: must be array of strings")
    out: list[str] = []
    for text in body:
        clean = text.strip()
        if not clean:
            raise invalid_value(f"Invalid value {describe(text)}: a tag must not be empty")
        if len(clean) > MAX_TAG_LENGTH:
            raise invalid_value(f"Invalid value {describe(text)}: a tag is at most 255 characters")
        if clean.lower() not in {t.lower() for t in out}:
            out.append(clean)
    return out


def _current(tx: Tx, target: Target) -> list[str]:
    table, key = ("items", "item_id") if target.type == "item" else ("statuses", "status_id")
    raw = tx.scalar(f"SELECT tags FROM {table} WHERE {key} = ?", (target.id,))  # noqa: S608 - fixed names
    return list(loads(raw, []) or [])


def change_tags(
    tx: Tx, principal: Principal, target: Target, web_url: str, *, add: Iterable[str] = (),
    replace: list[str] | None = None, remove: str | None = None,
) -> None:  # fmt: skip
    """Add, replace or remove tags on an item or a status."""
    if not target.can_edit:
        raise forbidden(f"You may not change the tags of this {target.type}")
    current = _current(tx, target)
    if replace is not None:
        new = list(replace)
    elif remove is not None:
        new = [t for t in current if t.lower() != remove.strip().lower()]
    else:
        new = list(current)
        for text in add:
            if text.lower() not in {t.lower() for t in new}:
                new.append(text)
    if new == current:
        return
    now = tx.clock.now_str()
    before = {t.lower() for t in current}
    for text in new:
        if text.lower() not in before:
            tx.execute(
                "INSERT INTO tag_added (ref_type, ref_id, text, added_on) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(ref_type, ref_id, text) DO UPDATE SET added_on = excluded.added_on",
                (target.type, target.id, text.lower(), now),
            )
    if target.type == "item":
        _item_tags(tx, principal, target, new, web_url)
    else:
        tx.update("statuses", {"tags": dumps(new)}, "status_id = ?", (target.id,))
        space = tx.scalar("SELECT space_id FROM statuses WHERE status_id = ?", (target.id,))
        tx.emit("status.update", "space", int(space), status_id=target.id)


def _item_tags(tx: Tx, principal: Principal, target: Target, tags: list[str], web_url: str) -> None:
    from ..items.models import open_item, update_item
    from ..items.resolver import context_for

    ictx, row = open_item(
        tx, principal, target.id, context_for(tx, web_url, principal), web_url, write=True
    )
    if not ictx.app.config.get("allow_tags", True):
        raise forbidden("Tags are turned off for this app")
    update_item(ictx, row, {"tags": tags})


def tagged_items(tx: Tx, where: str, params: tuple[Any, ...], web_url: str) -> list[Tagged]:
    """Live items of live apps matching `where` (on `i` items, `a` apps)."""
    from ..applications.models import AppRecord, app_urls

    rows = tx.query(
        "SELECT i.item_id, i.app_item_id, i.title, i.created_on, i.tags, a.* FROM items i "  # noqa: S608 - fixed parts
        f"JOIN apps a ON a.app_id = i.app_id WHERE i.status = 'active' AND a.status != 'deleted' "
        f"AND i.tags != '[]' AND ({where})",
        params,
    )
    urls: dict[int, str] = {}
    out = []
    for row in rows:
        app_id = int(row["app_id"])
        if app_id not in urls:
            urls[app_id] = app_urls(tx, AppRecord(row), web_url)[0]
        out.append(
            Tagged(
                type="item",
                id=int(row["item_id"]),
                title=str(row["title"]),
                link=f"{urls[app_id]}/items/{row['app_item_id']}",
                created_on=str(row["created_on"]),
                tags=list(loads(row["tags"], []) or []),
                space_id=int(row["space_id"]),
            )
        )
    return out


def tagged_statuses(tx: Tx, space_ids: list[int], web_url: str) -> list[Tagged]:
    from ..statuses.models import status_link

    if not space_ids:
        return []
    marks = ",".join("?" for _ in space_ids)
    rows = tx.query(
        f"SELECT * FROM statuses WHERE status = 'active' AND tags != '[]' "  # noqa: S608 - marks only
        f"AND space_id IN ({marks})",
        space_ids,
    )
    return [
        Tagged(
            type="status",
            id=int(r["status_id"]),
            title=str(r["value"])[:100],
            link=status_link(tx, r, web_url),
            created_on=str(r["created_on"]),
            tags=list(loads(r["tags"], []) or []),
            space_id=int(r["space_id"]),
        )
        for r in rows
    ]


def count_tags(objects: Iterable[Tagged], text: str | None) -> list[tuple[str, int]]:
    """`(text, count)` pairs, most used first, optionally only tags starting with `text`."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for obj in objects:
        for tag in obj.tags:
            key = tag.lower()
            if text and not key.startswith(text.strip().lower()):
                continue
            spelling.setdefault(key, tag)
            counts[key] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(spelling[key], n) for key, n in ranked]


def with_tag(tx: Tx, objects: Iterable[Tagged], text: str) -> list[Tagged]:
    """The objects carrying `text` (without case), most recently tagged first."""
    wanted = text.strip().lower()
    found = [o for o in objects if wanted in {t.lower() for t in o.tags}]

    def added(obj: Tagged) -> tuple[str, int]:
        row: sqlite3.Row | None = tx.one(
            "SELECT added_on FROM tag_added WHERE ref_type = ? AND ref_id = ? AND text = ?",
            (obj.type, obj.id, wanted),
        )
        return (str(row["added_on"]) if row is not None else obj.created_on, obj.id)

    return sorted(found, key=added, reverse=True)
