"""Saved views of an app's items (objects.md "View") and each user's last used view.

- Views are public (everyone who may read the app sees them) or private (their creator only).
  Any user who may read the app saves private views; public views are for those who manage
  the app's public views (space admins and the app's owner: the `manage_public_views` right).
  The creator and those managers change and delete a view.
- At most 100 private views per user and app and 100 public views per app (limits.md §3).
- Filters are stored in the list form `[{"key", "values"}]`; the object form is accepted.
- Every app has two standard views, made when first listed: "All items" (newest first) and
  "Last modified" (last edited first); they cannot be changed.
- `POST /item/app/{app_id}/filter/{view_id}/` runs a view through `filters_of_view`; view 0
  is the caller's last used view (`PUT /view/app/{app_id}/last`, or a filter call with
  `remember: true`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ...access import space_role
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import PodioError, forbidden, gone, invalid_value, not_found
from ...fieldtypes import parse_filters, sort_records
from ...request import describe
from .._common import by_line, check_bool, check_text

__all__ = [
    "SCHEMA",
    "filters_of_view",
    "find_view",
    "remember_last",
    "view_object",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS views (
    view_id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'saved',
    private INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER,
    created_on TEXT NOT NULL,
    filters TEXT NOT NULL DEFAULT '[]',
    sort_by TEXT,
    sort_desc INTEGER NOT NULL DEFAULT 1,
    layout TEXT,
    fields TEXT NOT NULL DEFAULT '{}',
    grouping TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS views_app ON views (app_id);
CREATE TABLE IF NOT EXISTS view_last (
    user_id INTEGER NOT NULL,
    app_id INTEGER NOT NULL,
    filters TEXT NOT NULL DEFAULT '[]',
    sort_by TEXT,
    sort_desc INTEGER NOT NULL DEFAULT 1,
    layout TEXT,
    fields TEXT NOT NULL DEFAULT '{}',
    grouping TEXT,
    PRIMARY KEY (user_id, app_id)
);
"""

MAX_PRIVATE = 100  # per user and app (limits.md §3)
MAX_PUBLIC = 100  # per app
LAYOUTS = ("badge", "table", "list", "calendar", "card", "stream", "activity", "gallery")
GROUPING_TYPES = ("field", "revision")
STANDARD_VIEWS = (("All items", "created_on"), ("Last modified", "last_edit_on"))


# ---------------------------------------------------------------------------------------------
# Rights


def _manages(tx: Tx, principal: Principal, app_id: int) -> bool:
    """May manage public views: space admins and the app's owner."""
    from ..applications.models import can_manage, load_app

    if principal.type != "user":
        return False
    app = load_app(tx, app_id)
    return can_manage(app, principal, space_role(tx, principal.id, app.space_id), admin=True)


def _is_creator(row: sqlite3.Row, principal: Principal) -> bool:
    return principal.type == "user" and row["created_by"] == principal.id


def may_change(tx: Tx, principal: Principal, row: sqlite3.Row) -> bool:
    if row["type"] == "standard":
        return False
    if row["private"]:
        return _is_creator(row, principal)
    return _is_creator(row, principal) or _manages(tx, principal, int(row["app_id"]))


def _visible(row: sqlite3.Row, principal: Principal) -> bool:
    return not row["private"] or _is_creator(row, principal)


# ---------------------------------------------------------------------------------------------
# Input


def normalise_filters(filters: Any) -> list[dict[str, Any]]:
    """`[{"key", "values"}]` from either filter form."""
    if filters is None:
        return []
    if isinstance(filters, Mapping):
        return [{"key": k, "values": v} for k, v in filters.items()]
    if isinstance(filters, list):
        out = []
        for entry in filters:
            if not isinstance(entry, Mapping) or "key" not in entry:
                raise invalid_value(
                    f"Invalid value {describe(entry)}: filters must be {{key, values}} objects"
                )
            out.append({"key": entry["key"], "values": entry.get("values")})
        return out
    raise invalid_value(f"Invalid value {describe(filters)}: filters must be array or object")


def _check(tx: Tx, principal: Principal, app_id: int, body: Mapping[str, Any], web_url: str,
           *, creating: bool) -> dict[str, Any]:  # fmt: skip
    """The columns a create or update body sets, validated against the app's fields."""
    from ..applications.models import engine_errors
    from ..items.models import open_app
    from ..items.resolver import context_for

    ictx = open_app(tx, principal, app_id, context_for(tx, web_url, principal), web_url)
    out: dict[str, Any] = {}
    if creating or "name" in body:
        name = check_text(body.get("name"), "name", required=True, max_length=255)
        assert name is not None
        out["name"] = name.strip()
    if "private" in body:
        out["private"] = 1 if check_bool(body["private"], "private") else 0
    if "filters" in body:
        filters = normalise_filters(body["filters"])
        with engine_errors():
            parse_filters(ictx.index, filters, ictx.ctx)
        out["filters"] = dumps(filters)
    if "sort_by" in body:
        sort_by = body["sort_by"]
        if sort_by is not None:
            with engine_errors():
                sort_records([], ictx.index, ictx.ctx, sort_by=sort_by)
        out["sort_by"] = None if sort_by is None else str(sort_by)
    if "sort_desc" in body:
        out["sort_desc"] = 1 if check_bool(body["sort_desc"], "sort_desc") else 0
    if "layout" in body:
        layout = body["layout"]
        if layout is not None and layout not in LAYOUTS:
            raise invalid_value(
                f"Invalid value {describe(layout)}: layout must be one of " + ", ".join(LAYOUTS)
            )
        out["layout"] = layout
    if "fields" in body:
        fields = body["fields"]
        if fields is not None and not isinstance(fields, Mapping):
            raise invalid_value(f"Invalid value {describe(fields)}: fields must be object")
        out["fields"] = dumps(fields or {})
    if "grouping" in body:
        grouping = body["grouping"]
        if grouping is not None and (
            not isinstance(grouping, Mapping) or grouping.get("type") not in GROUPING_TYPES
        ):
            raise invalid_value(
                f"Invalid value {describe(grouping)}: grouping must be null or "
                '{"type": "field"|"revision", "value", "sub_value"}'
            )
        out["grouping"] = dumps(grouping) if grouping is not None else None
    return out


# ---------------------------------------------------------------------------------------------
# Writes


def _ensure_standard(tx: Tx, app_id: int) -> None:
    if tx.scalar("SELECT 1 FROM views WHERE app_id = ? AND type = 'standard'", (app_id,)):
        return
    for name, sort_by in STANDARD_VIEWS:
        tx.insert(
            "views",
            {
                "view_id": tx.next_id("view"),
                "app_id": app_id,
                "name": name,
                "type": "standard",
                "created_on": tx.clock.now_str(),
                "sort_by": sort_by,
                "sort_desc": 1,
            },
        )


def create_view(
    tx: Tx, principal: Principal, app_id: int, body: Mapping[str, Any], web_url: str
) -> int:
    if principal.type != "user":
        raise forbidden("Only users save views")
    values = _check(tx, principal, app_id, body, web_url, creating=True)
    private = bool(values.get("private", 0))
    if not private and not _manages(tx, principal, app_id):
        raise forbidden("Only space admins and the app's owner save public views")
    if private:
        count = tx.scalar(
            "SELECT COUNT(*) FROM views WHERE app_id = ? AND private = 1 AND created_by = ? "
            "AND status = 'active'",
            (app_id, principal.id),
        )
        limit = MAX_PRIVATE
    else:
        count = tx.scalar(
            "SELECT COUNT(*) FROM views WHERE app_id = ? AND private = 0 AND type = 'saved' "
            "AND status = 'active'",
            (app_id,),
        )
        limit = MAX_PUBLIC
    if int(count) >= limit:
        kind = "private views per user" if private else "public views"
        raise invalid_value(f"Invalid value {values['name']!r} (string): at most {limit} {kind}")
    view_id = tx.next_id("view")
    tx.insert(
        "views",
        {
            "view_id": view_id,
            "app_id": app_id,
            "created_by": principal.id,
            "created_on": tx.clock.now_str(),
            **values,
        },
    )
    return view_id


def update_view(
    tx: Tx, principal: Principal, row: sqlite3.Row, body: Mapping[str, Any], web_url: str
) -> None:
    if not may_change(tx, principal, row):
        raise forbidden("You may not change this view")
    values = _check(tx, principal, int(row["app_id"]), body, web_url, creating=False)
    if (
        values.get("private") == 0
        and row["private"]
        and not _manages(tx, principal, int(row["app_id"]))
    ):
        raise forbidden("Only space admins and the app's owner save public views")
    tx.update("views", values, "view_id = ?", (row["view_id"],))


def delete_view(tx: Tx, principal: Principal, row: sqlite3.Row) -> None:
    if not may_change(tx, principal, row):
        raise forbidden("You may not delete this view")
    tx.update("views", {"status": "deleted"}, "view_id = ?", (row["view_id"],))
    _clear_default(tx, int(row["app_id"]), int(row["view_id"]))


def _clear_default(tx: Tx, app_id: int, view_id: int) -> None:
    data = loads(tx.scalar("SELECT data FROM apps WHERE app_id = ?", (app_id,)), {}) or {}
    if data.get("default_view_id") == view_id:
        data["default_view_id"] = None
        tx.update("apps", {"data": dumps(data)}, "app_id = ?", (app_id,))


def make_default(tx: Tx, principal: Principal, row: sqlite3.Row) -> None:
    """`POST /view/{id}/default`: a public saved view becomes the app's `default_view_id`
    (kept in the app's data, where the applications area reads it)."""
    if row["type"] != "saved" or row["private"]:
        raise invalid_value(
            f"Invalid value {row['view_id']} (integer): only public saved views can be the default"
        )
    if not _manages(tx, principal, int(row["app_id"])):
        raise forbidden("Only space admins and the app's owner set the default view")
    app_id = int(row["app_id"])
    data = loads(tx.scalar("SELECT data FROM apps WHERE app_id = ?", (app_id,)), {}) or {}
    data["default_view_id"] = int(row["view_id"])
    tx.update("apps", {"data": dumps(data)}, "app_id = ?", (app_id,))


def remember_last(
    tx: Tx,
    principal: Principal,
    app_id: int,
    filters: Any,
    sort_by: Any,
    sort_desc: Any,
    extra: Mapping[str, Any] | None = None,
) -> None:
    """Keep a filter as the user's last used view (apps and clients have none)."""
    if principal.type != "user":
        return
    extra = extra or {}
    tx.execute(
        "INSERT INTO view_last (user_id, app_id, filters, sort_by, sort_desc, layout, fields, "
        "grouping) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id, app_id) DO UPDATE SET "
        "filters = excluded.filters, sort_by = excluded.sort_by, "
        "sort_desc = excluded.sort_desc, layout = excluded.layout, fields = excluded.fields, "
        "grouping = excluded.grouping",
        (
            principal.id,
            app_id,
            dumps(normalise_filters(filters)),
            None if sort_by is None else str(sort_by),
            1 if sort_desc is None or sort_desc else 0,
            extra.get("layout"),
            extra.get("fields") or "{}",
            extra.get("grouping"),
        ),
    )


def update_last(
    tx: Tx, principal: Principal, app_id: int, body: Mapping[str, Any], web_url: str
) -> None:
    """`PUT /view/app/{app_id}/last`: keys left out keep their value."""
    if principal.type != "user":
        raise forbidden("Only users have a last used view")
    values = _check(tx, principal, app_id, body, web_url, creating=False)
    current = last_row(tx, principal, app_id)

    def pick(key: str, default: Any) -> Any:
        if key in values:
            return values[key]
        return current[key] if current is not None else default

    remember_last(
        tx,
        principal,
        app_id,
        loads(pick("filters", "[]"), []),
        pick("sort_by", None),
        bool(pick("sort_desc", 1)),
        {key: pick(key, None) for key in ("layout", "fields", "grouping")},
    )


# ---------------------------------------------------------------------------------------------
# Reads


def last_row(tx: Tx, principal: Principal, app_id: int) -> sqlite3.Row | None:
    if principal.type != "user":
        return None
    return tx.one(
        "SELECT * FROM view_last WHERE user_id = ? AND app_id = ?", (principal.id, app_id)
    )


def view_row(tx: Tx, principal: Principal, view_id: int, app_id: int | None = None) -> sqlite3.Row:
    """A view the caller may see; 404 unknown (or someone else's private view, or another
    app's), 410 deleted."""
    row = tx.one("SELECT * FROM views WHERE view_id = ?", (view_id,))
    if row is None or (app_id is not None and row["app_id"] != app_id):
        raise not_found("View not found")
    if not _visible(row, principal):
        raise not_found("View not found")
    if row["status"] == "deleted":
        raise gone("The view has been deleted")
    return row


def find_view(tx: Tx, principal: Principal, app_id: int, key: str) -> sqlite3.Row:
    """By id or by name (the first visible view with that name)."""
    if key.isdigit():
        return view_row(tx, principal, int(key), app_id)
    _ensure_standard(tx, app_id)
    for row in tx.query(
        "SELECT * FROM views WHERE app_id = ? AND name = ? AND status = 'active' ORDER BY view_id",
        (app_id, key),
    ):
        if _visible(row, principal):
            return row
    raise not_found("View not found")


def list_views(tx: Tx, principal: Principal, app_id: int, *, standard: bool) -> list[sqlite3.Row]:
    if standard:
        _ensure_standard(tx, app_id)
    rows = tx.query(
        "SELECT * FROM views WHERE app_id = ? AND status = 'active' ORDER BY view_id", (app_id,)
    )
    return [r for r in rows if _visible(r, principal) and (standard or r["type"] != "standard")]


def filters_of_view(tx: Tx, principal: Principal, app_id: int, view_id: int) -> dict[str, Any]:
    """`{"filters", "sort_by", "sort_desc"}` of a view; 0 is the caller's last used view."""
    if view_id == 0:
        row = last_row(tx, principal, app_id)
        if row is None:
            return {"filters": [], "sort_by": None, "sort_desc": True}
    else:
        row = view_row(tx, principal, view_id, app_id)
    return {
        "filters": loads(row["filters"], []),
        "sort_by": row["sort_by"],
        "sort_desc": bool(row["sort_desc"]),
    }


def view_object(
    tx: Tx, principal: Principal, row: sqlite3.Row | None, app_id: int, web_url: str,
    *, last: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """A view: `view_id`, `name`, `type`, `private`, `sort_by`, `sort_desc`, `filters`,
    `layout`, `fields`, `grouping`, `items` (matching items the caller sees), `created_on`,
    `created_by`, `rights`. The last used view has `view_id` 0 and type `last`."""
    from ..items.models import count_items, open_app
    from ..items.resolver import context_for

    filters = loads(row["filters"], []) if row is not None else []
    try:
        ictx = open_app(tx, principal, app_id, context_for(tx, web_url, principal), web_url)
        items = count_items(ictx, filters)
    except PodioError:
        items = 0
    if last:
        return {
            "view_id": 0,
            "name": "last",
            "type": "last",
            "private": True,
            "sort_by": row["sort_by"] if row is not None else None,
            "sort_desc": bool(row["sort_desc"]) if row is not None else True,
            "filters": filters,
            "layout": row["layout"] if row is not None else None,
            "fields": loads(row["fields"], {}) if row is not None else {},
            "grouping": loads(row["grouping"], None) if row is not None else None,
            "items": items,
            "created_on": None,
            "created_by": None,
            "rights": ["view", "update"],
        }
    assert row is not None
    rights = ["view", "update", "delete"] if may_change(tx, principal, row) else ["view"]
    creator = row["created_by"]
    return {
        "view_id": row["view_id"],
        "name": row["name"],
        "type": row["type"],
        "private": bool(row["private"]),
        "sort_by": row["sort_by"],
        "sort_desc": bool(row["sort_desc"]),
        "filters": filters,
        "layout": row["layout"],
        "fields": loads(row["fields"], {}),
        "grouping": loads(row["grouping"], None),
        "items": items,
        "created_on": row["created_on"],
        "created_by": by_line(tx, "user", int(creator), web_url) if creator is not None else None,
        "rights": rights,
    }
