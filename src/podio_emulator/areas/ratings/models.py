"""Ratings and likes (objects.md "Rating", conventions.md §7).

One rating per user, object and rating type; rating again changes the value. Values:
`approved` 0 approves / 1 disapproves, `rsvp` 0 attend / 1 cannot / 2 maybe, `fivestar` 1-5,
`yesno` 0 yes / 1 no, `thumbs` 0 up / 1 down, `like` 1. Items take likes and the rating
types their app enables (app config `approved`, `rsvp`, `fivestar`, `yesno`, `thumbs`);
statuses and comments take likes only.
"""

from __future__ import annotations

from typing import Any

from ...auth import Principal
from ...db import Tx
from ...errors import forbidden, invalid_value
from ...request import describe
from ...shapes import user_byline
from .._refs import Target

__all__ = [
    "RATEABLE",
    "SCHEMA",
    "VALUES",
    "check_type",
    "like_count",
    "rate",
    "rating_summary",
    "rating_types",
    "type_summary",
    "unrate",
    "user_value",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS ratings (
    rating_id INTEGER PRIMARY KEY,
    ref_type TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    rating_type TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    value INTEGER NOT NULL,
    created_on TEXT NOT NULL,
    UNIQUE (ref_type, ref_id, rating_type, user_id)
);
"""

VALUES: dict[str, tuple[int, ...]] = {
    "approved": (0, 1),
    "rsvp": (0, 1, 2),
    "fivestar": (1, 2, 3, 4, 5),
    "yesno": (0, 1),
    "thumbs": (0, 1),
    "like": (1,),
}
_ITEM_TYPES = ("approved", "rsvp", "fivestar", "yesno", "thumbs")
RATEABLE = ("item", "status", "comment")


def rating_types(tx: Tx, ref_type: str, ref_id: int) -> list[str]:
    """The rating types an object takes: likes, plus what an item's app enables."""
    types = ["like"]
    if ref_type == "item":
        from ..applications.models import load_app

        app_id = tx.scalar("SELECT app_id FROM items WHERE item_id = ?", (ref_id,))
        if app_id is not None:
            config = load_app(tx, int(app_id)).config
            types.extend(t for t in _ITEM_TYPES if config.get(t))
    return types


def check_type(tx: Tx, target: Target, rating_type: str) -> None:
    if rating_type not in VALUES:
        raise invalid_value(
            f"Invalid value {describe(rating_type)}: rating type must be one of "
            + ", ".join(VALUES)
        )
    if rating_type not in rating_types(tx, target.type, target.id):
        raise invalid_value(
            f"Invalid value {describe(rating_type)}: this {target.type} does not take "
            f"{rating_type} ratings"
        )


def rate(tx: Tx, principal: Principal, target: Target, rating_type: str, value: Any) -> int:
    """Rate (or re-rate) the object; returns the rating id."""
    if principal.type != "user":
        raise forbidden("Only users can rate")
    check_type(tx, target, rating_type)
    if value is None and rating_type == "like":
        value = 1
    allowed = VALUES[rating_type]
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise invalid_value(
            f"Invalid value {describe(value)}: must be one of " + ", ".join(map(str, allowed))
        )
    existing = tx.scalar(
        "SELECT rating_id FROM ratings WHERE ref_type = ? AND ref_id = ? AND rating_type = ? "
        "AND user_id = ?",
        (target.type, target.id, rating_type, principal.id),
    )
    if existing is not None:
        tx.update("ratings", {"value": value}, "rating_id = ?", (existing,))
        return int(existing)
    rating_id = tx.next_id("rating")
    tx.insert(
        "ratings",
        {
            "rating_id": rating_id,
            "ref_type": target.type,
            "ref_id": target.id,
            "rating_type": rating_type,
            "user_id": principal.id,
            "value": value,
            "created_on": tx.clock.now_str(),
        },
    )
    return rating_id


def unrate(tx: Tx, principal: Principal, target: Target, rating_type: str) -> None:
    """Remove the caller's rating of that type (nothing happens when there is none)."""
    check_type(tx, target, rating_type)
    tx.execute(
        "DELETE FROM ratings WHERE ref_type = ? AND ref_id = ? AND rating_type = ? AND user_id = ?",
        (target.type, target.id, rating_type, principal.id),
    )


def user_value(tx: Tx, ref_type: str, ref_id: int, rating_type: str, user_id: int) -> int | None:
    value = tx.scalar(
        "SELECT value FROM ratings WHERE ref_type = ? AND ref_id = ? AND rating_type = ? "
        "AND user_id = ?",
        (ref_type, ref_id, rating_type, user_id),
    )
    return None if value is None else int(value)


def type_summary(
    tx: Tx, ref_type: str, ref_id: int, rating_type: str, web_url: str
) -> dict[str, Any]:
    """`{"average", "counts": {value: {"total", "users"}}}` with every possible value listed
    (samples/item-get-all-fields.json `ratings.like`); `average` only for five stars."""
    rows = tx.query(
        "SELECT user_id, value FROM ratings WHERE ref_type = ? AND ref_id = ? "
        "AND rating_type = ? ORDER BY created_on, rating_id",
        (ref_type, ref_id, rating_type),
    )
    counts: dict[str, Any] = {}
    for value in VALUES[rating_type]:
        users = [user_byline(tx, int(r["user_id"]), web_url) for r in rows if r["value"] == value]
        counts[str(value)] = {"total": len(users), "users": users}
    average = None
    if rating_type == "fivestar" and rows:
        average = round(sum(int(r["value"]) for r in rows) / len(rows), 2)
    return {"average": average, "counts": counts}


def like_count(tx: Tx, ref_type: str, ref_id: int) -> int:
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM ratings WHERE ref_type = ? AND ref_id = ? "
            "AND rating_type = 'like'",
            (ref_type, ref_id),
        )
    )


def rating_summary(
    tx: Tx, ref_type: str, ref_id: int, principal: Principal | None, web_url: str
) -> dict[str, Any]:
    """What objects show of their ratings: `ratings`, `user_ratings` (the caller's values),
    `like_count`, `is_liked` (provider for the items area)."""
    types = rating_types(tx, ref_type, ref_id)
    user_id = principal.id if principal is not None and principal.type == "user" else None
    own = {
        t: (user_value(tx, ref_type, ref_id, t, user_id) if user_id is not None else None)
        for t in types
    }
    return {
        "ratings": {t: type_summary(tx, ref_type, ref_id, t, web_url) for t in types},
        "user_ratings": own,
        "like_count": like_count(tx, ref_type, ref_id),
        "is_liked": own.get("like") is not None,
    }
