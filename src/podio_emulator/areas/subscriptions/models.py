"""Subscriptions: who follows an object (objects.md "Subscription").

The author of an item, status or task follows it from the start, as in Podio (the captured
item shows `subscribed: true` for its creator); commenting subscribes the commenter. That
first subscription is implicit: it gets a row (and an id) the first time it is asked for or
changed, so authors who unsubscribe stay unsubscribed.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ...auth import Principal
from ...db import Tx

__all__ = [
    "SCHEMA",
    "SUBSCRIBABLE",
    "creator_of",
    "is_subscribed",
    "subscribe",
    "subscriber_ids",
    "subscription_row",
    "subscription_summary",
    "unsubscribe",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (
    subscription_id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    ref_type TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    started_on TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (user_id, ref_type, ref_id)
);
CREATE INDEX IF NOT EXISTS subscriptions_ref ON subscriptions (ref_type, ref_id);
"""

SUBSCRIBABLE = ("item", "status", "task", "app", "space")
_CREATORS = {
    "item": ("items", "item_id"),
    "status": ("statuses", "status_id"),
    "task": ("tasks", "task_id"),
}


def creator_of(tx: Tx, ref_type: str, ref_id: int) -> tuple[int, str] | None:
    """`(user_id, created_on)` of the user who created an item, status or task."""
    if ref_type not in _CREATORS:
        return None
    table, key = _CREATORS[ref_type]
    row = tx.one(
        f"SELECT created_by_type, created_by_id, created_on FROM {table} WHERE {key} = ?",  # noqa: S608 - fixed names
        (ref_id,),
    )
    if row is None or row["created_by_type"] != "user":
        return None
    return int(row["created_by_id"]), str(row["created_on"])


def _row(tx: Tx, user_id: int, ref_type: str, ref_id: int) -> sqlite3.Row | None:
    return tx.one(
        "SELECT * FROM subscriptions WHERE user_id = ? AND ref_type = ? AND ref_id = ?",
        (user_id, ref_type, ref_id),
    )


def is_subscribed(tx: Tx, user_id: int, ref_type: str, ref_id: int) -> bool:
    row = _row(tx, user_id, ref_type, ref_id)
    if row is not None:
        return bool(row["active"])
    creator = creator_of(tx, ref_type, ref_id)
    return creator is not None and creator[0] == user_id


def subscription_row(tx: Tx, user_id: int, ref_type: str, ref_id: int) -> sqlite3.Row | None:
    """The user's active subscription (an implicit one gets its row now), or None."""
    row = _row(tx, user_id, ref_type, ref_id)
    if row is None:
        creator = creator_of(tx, ref_type, ref_id)
        if creator is None or creator[0] != user_id:
            return None
        _insert(tx, user_id, ref_type, ref_id, creator[1], active=True)
        row = _row(tx, user_id, ref_type, ref_id)
    return row if row is not None and row["active"] else None


def _insert(
    tx: Tx, user_id: int, ref_type: str, ref_id: int, started_on: str, *, active: bool
) -> int:
    subscription_id = tx.next_id("subscription")
    tx.insert(
        "subscriptions",
        {
            "subscription_id": subscription_id,
            "user_id": user_id,
            "ref_type": ref_type,
            "ref_id": ref_id,
            "started_on": started_on,
            "active": 1 if active else 0,
        },
    )
    return subscription_id


def subscribe(tx: Tx, user_id: int, ref_type: str, ref_id: int) -> int:
    """Follow the object (again); returns the subscription id (kept across re-subscribing)."""
    row = subscription_row(tx, user_id, ref_type, ref_id)
    if row is not None:
        return int(row["subscription_id"])
    existing = _row(tx, user_id, ref_type, ref_id)
    if existing is not None:
        tx.update(
            "subscriptions",
            {"active": 1, "started_on": tx.clock.now_str()},
            "subscription_id = ?",
            (existing["subscription_id"],),
        )
        return int(existing["subscription_id"])
    return _insert(tx, user_id, ref_type, ref_id, tx.clock.now_str(), active=True)


def unsubscribe(tx: Tx, user_id: int, ref_type: str, ref_id: int) -> None:
    """Stop following (nothing happens when the user did not follow)."""
    row = _row(tx, user_id, ref_type, ref_id)
    if row is None:
        creator = creator_of(tx, ref_type, ref_id)
        if creator is not None and creator[0] == user_id:
            _insert(tx, user_id, ref_type, ref_id, creator[1], active=False)
        return
    tx.update("subscriptions", {"active": 0}, "subscription_id = ?", (row["subscription_id"],))


def subscriber_ids(tx: Tx, ref_type: str, ref_id: int) -> list[int]:
    """Users following the object, in the order they started."""
    rows = tx.query(
        "SELECT user_id, active FROM subscriptions WHERE ref_type = ? AND ref_id = ? "
        "ORDER BY started_on, subscription_id",
        (ref_type, ref_id),
    )
    ids = [int(r["user_id"]) for r in rows if r["active"]]
    decided = {int(r["user_id"]) for r in rows}
    creator = creator_of(tx, ref_type, ref_id)
    if creator is not None and creator[0] not in decided:
        ids.insert(0, creator[0])
    return ids


def subscription_summary(
    tx: Tx, ref_type: str, ref_id: int, principal: Principal | None
) -> dict[str, Any]:
    """`{"subscribed", "subscribed_count"}` for the caller (provider for the items area)."""
    ids = subscriber_ids(tx, ref_type, ref_id)
    me = principal.id if principal is not None and principal.type == "user" else None
    return {"subscribed": me in ids, "subscribed_count": len(ids)}
