"""Items: state and Podio's rules, no HTTP (items.md §1-6, fields.md).

Values are validated, stored and rendered by the field-type engine
(:mod:`podio_emulator.fieldtypes`); this module keeps items, their revisions (each with a full
snapshot of the values, so diffs and reverts are exact), the references between items and
the per-app ``app_item_id`` counters.
"""

from __future__ import annotations

import copy
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from ...access import require_app, role_at_least, space_role
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import conflict, forbidden, gone, invalid_value, not_found
from ...fieldtypes import (
    AppField,
    Context,
    FieldIndex,
    InvalidValue,
    ItemRecord,
    StoredValues,
    apply_values,
    derive_title,
    parse_filters,
    referenced_items,
    render_config,
    render_item_fields,
    search_text,
    sort_records,
)
from ...request import describe
from ...shapes import app_byline, push, user_byline, via
from ..applications.models import (
    AppRecord,
    app_mini,
    app_urls,
    engine_errors,
    load_app,
    space_info,
)
from ..applications.models import load_fields as load_app_fields
from .resolver import provider

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "SCHEMA",
    "ItemContext",
    "clone_item",
    "create_item",
    "delete_item",
    "filter_items",
    "item_full",
    "item_reference_mini",
    "item_short",
    "load_records",
    "open_app",
    "open_item",
    "revert_revision",
    "revert_to_revision",
    "revision_object",
    "update_item",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    item_id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL,
    app_item_id INTEGER NOT NULL,
    external_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    field_values TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    file_ids TEXT NOT NULL DEFAULT '[]',
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    created_via_id INTEGER,
    last_edit_on TEXT NOT NULL,
    last_edit_by_type TEXT NOT NULL,
    last_edit_by_id INTEGER NOT NULL,
    last_edit_via TEXT NOT NULL DEFAULT '{}',
    last_edit_via_id INTEGER,
    last_event_on TEXT NOT NULL,
    deleted_on TEXT,
    priority REAL,
    reminder TEXT,
    recurrence TEXT,
    linked_account_id INTEGER,
    search TEXT NOT NULL DEFAULT '',
    cache_token TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS items_app ON items (app_id, status);
CREATE INDEX IF NOT EXISTS items_app_external ON items (app_id, external_id);
CREATE UNIQUE INDEX IF NOT EXISTS items_app_item ON items (app_id, app_item_id);
CREATE TABLE IF NOT EXISTS item_revisions (
    item_revision_id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    app_revision INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    field_values TEXT NOT NULL DEFAULT '{}',
    UNIQUE (item_id, revision)
);
CREATE TABLE IF NOT EXISTS item_refs (
    item_id INTEGER NOT NULL,
    field_id INTEGER NOT NULL,
    ref_item_id INTEGER NOT NULL,
    PRIMARY KEY (item_id, field_id, ref_item_id)
);
CREATE INDEX IF NOT EXISTS item_refs_target ON item_refs (ref_item_id);
CREATE TABLE IF NOT EXISTS item_app_counters (
    app_id INTEGER PRIMARY KEY,
    next_app_item_id INTEGER NOT NULL,
    version TEXT NOT NULL DEFAULT ''
);
"""

DEFAULT_LIMIT = 30  # items.md §2
MAX_LIMIT = 500  # not documented by Podio; chosen (README): larger limits get 400
RECENT_REVISIONS = 5  # the captured full item lists the five latest revisions

_RIGHTS_EDIT = [
    "view", "update", "delete", "comment", "rate", "add_file", "add_task",
    "add_conversation", "subscribe", "grant", "grant_view",
]  # fmt: skip
_RIGHTS_READ = ["view", "comment", "rate", "add_file", "add_task", "add_conversation",
                "subscribe"]  # fmt: skip
_LIKE_RATINGS = {"like": {"average": None, "counts": {"1": {"total": 0, "users": []}}}}


# ---------------------------------------------------------------------------------------------
# Access


@dataclass
class ItemContext:
    """What item operations need: the app, its fields, the caller and their role."""

    tx: Tx
    principal: Principal
    app: AppRecord
    role: str | None
    fields: list[AppField]
    ctx: Context
    web_url: str

    @cached_property
    def index(self) -> FieldIndex:
        return FieldIndex(self.fields)


def open_app(
    tx: Tx, principal: Principal, app_id: int, ctx: Context, web_url: str, *, write: bool = False
) -> ItemContext:
    """Check the caller may use the app's items (light members and up, an app token on its
    own app) and load its fields. Writing needs an active app (README: inactive apps keep
    their items readable)."""
    access = require_app(tx, principal, app_id, "light")
    app = load_app(tx, app_id)
    role = access.space.role
    if principal.type == "user":
        role = space_role(tx, principal.id, app.space_id)
    if write and app.status != "active":
        raise forbidden("The app is not active")
    return ItemContext(tx, principal, app, role, load_app_fields(tx, app_id), ctx, web_url)


def item_row(tx: Tx, item_id: int) -> sqlite3.Row:
    """The item; 404 when unknown, 410 when it or its app was deleted."""
    row = tx.one("SELECT * FROM items WHERE item_id = ?", (item_id,))
    if row is None:
        raise not_found("Item not found")
    if row["status"] == "deleted":
        raise gone("The item has been deleted")
    app_status = tx.scalar("SELECT status FROM apps WHERE app_id = ?", (row["app_id"],))
    if app_status == "deleted":
        raise gone("The app of this item has been deleted")
    return row


def open_item(
    tx: Tx, principal: Principal, item_id: int, ctx: Context, web_url: str, *, write: bool = False
) -> tuple[ItemContext, sqlite3.Row]:
    """The item and its app context; writing needs the right to change the item."""
    row = item_row(tx, item_id)
    ictx = open_app(tx, principal, int(row["app_id"]), ctx, web_url, write=write)
    if write and not can_edit(ictx, row):
        raise forbidden("You may not change this item")
    return ictx, row


def can_edit(ictx: ItemContext, row: sqlite3.Row) -> bool:
    """Regular members and up change any item; light members only the items they created;
    an app token every item of its app."""
    principal = ictx.principal
    if principal.type == "app":
        return principal.id == ictx.app.app_id
    if role_at_least(ictx.role, "regular"):
        return True
    return (row["created_by_type"], row["created_by_id"]) == (principal.type, principal.id)


def item_rights(ictx: ItemContext, row: sqlite3.Row) -> list[str]:
    return list(_RIGHTS_EDIT) if can_edit(ictx, row) else list(_RIGHTS_READ)


# ---------------------------------------------------------------------------------------------
# Stored form


def decode_values(text: str | None) -> StoredValues:
    raw = loads(text, {}) or {}
    return {int(k): v for k, v in raw.items()}


def encode_values(values: StoredValues) -> str:
    return dumps({str(k): v for k, v in sorted(values.items())})


def _author(principal: Principal) -> tuple[str, int]:
    return principal.type, principal.id


def _parse_time(text: str | None) -> datetime | None:
    # fromisoformat reads Podio's "YYYY-MM-DD HH:MM:SS" and is far cheaper than strptime,
    # which matters when an app with thousands of items is filtered.
    return datetime.fromisoformat(text) if text else None


def record_of(row: sqlite3.Row) -> ItemRecord:
    """What filters, sorting and aggregates see of an item row."""
    return ItemRecord(
        item_id=int(row["item_id"]),
        app_item_id=int(row["app_item_id"]),
        values=decode_values(row["field_values"]),
        title=str(row["title"]),
        external_id=row["external_id"],
        created_on=_parse_time(row["created_on"]),
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=row["created_via_id"],
        last_edit_on=_parse_time(row["last_edit_on"]),
        last_edit_by=(str(row["last_edit_by_type"]), int(row["last_edit_by_id"])),
        last_edit_via=row["last_edit_via_id"],
        last_event_on=_parse_time(row["last_event_on"]),
        tags=loads(row["tags"], []) or [],
        priority=row["priority"],
    )


_RECORD_COLUMNS = (
    "item_id, app_item_id, field_values, title, external_id, created_on, created_by_type, "
    "created_by_id, created_via_id, last_edit_on, last_edit_by_type, last_edit_by_id, "
    "last_edit_via_id, last_event_on, tags, priority"
)


# Decoded records per app, reused while the app's items have not changed: JSON-decoding
# thousands of stored value sets on every filter call would dominate its time. The key holds
# a random id of the database (kept in _meta, so a reset or another emulator never shares
# entries). Each item row carries a random cache_token renewed by every write, and each app
# a random version renewed with it; a rolled-back write (an error or a dry run) restores the
# old tokens, and its own tokens never come back, so a stale record is never served. When
# the version changed, only the rows whose token changed are decoded again.
@dataclass
class _Cached:
    version: str
    tokens: dict[int, str]
    records: dict[int, ItemRecord]
    ordered: list[ItemRecord]


_RECORDS: OrderedDict[tuple[str, int], _Cached] = OrderedDict()
_RECORDS_LOCK = threading.Lock()
_RECORDS_MAX = 16
_STORE_KEY = "items.records_store"


def _store_id(tx: Tx) -> str:
    store = tx.get_meta(_STORE_KEY)
    if store is None:
        store = uuid.uuid4().hex
        tx.set_meta(_STORE_KEY, store)
    return store


def new_token() -> str:
    return uuid.uuid4().hex


def touch_app(tx: Tx, app_id: int) -> None:
    """Mark that the app's items changed (renews the version token of its records)."""
    tx.execute(
        "INSERT INTO item_app_counters (app_id, next_app_item_id, version) VALUES (?, 1, ?) "
        "ON CONFLICT(app_id) DO UPDATE SET version = excluded.version",
        (app_id, new_token()),
    )


def load_records(tx: Tx, app_id: int) -> list[ItemRecord]:
    """Every live item of an app as engine records (for filters, counts and aggregates),
    in item_id order.

    The records are shared between calls while their items do not change: callers must not
    modify their values.
    """
    version = str(
        tx.scalar("SELECT version FROM item_app_counters WHERE app_id = ?", (app_id,)) or ""
    )
    key = (_store_id(tx), app_id)
    with _RECORDS_LOCK:
        cached = _RECORDS.get(key)
    if cached is not None and version and cached.version == version:
        return cached.ordered
    current = tx.query(
        "SELECT item_id, cache_token FROM items WHERE app_id = ? AND status = 'active' "
        "ORDER BY item_id",
        (app_id,),
    )
    tokens = {int(r["item_id"]): str(r["cache_token"]) for r in current}
    records: dict[int, ItemRecord] = {}
    stale: list[int] = []
    for item_id, token in tokens.items():
        if cached is not None and token and cached.tokens.get(item_id) == token:
            records[item_id] = cached.records[item_id]
        else:
            stale.append(item_id)
    for chunk in _chunks(stale, 500):
        marks = ",".join("?" for _ in chunk)
        for row in tx.query(
            f"SELECT {_RECORD_COLUMNS} FROM items WHERE item_id IN ({marks})",  # noqa: S608 - marks only
            chunk,
        ):
            records[int(row["item_id"])] = record_of(row)
    ordered = [records[item_id] for item_id in tokens]
    if version:
        with _RECORDS_LOCK:
            _RECORDS[key] = _Cached(version, tokens, records, ordered)
            _RECORDS.move_to_end(key)
            while len(_RECORDS) > _RECORDS_MAX:
                _RECORDS.popitem(last=False)
    return ordered


def _next_app_item_id(tx: Tx, app_id: int) -> int:
    tx.execute(
        "INSERT OR IGNORE INTO item_app_counters (app_id, next_app_item_id) VALUES (?, 1)",
        (app_id,),
    )
    row = tx.one(
        "UPDATE item_app_counters SET next_app_item_id = next_app_item_id + 1 "
        "WHERE app_id = ? RETURNING next_app_item_id - 1",
        (app_id,),
    )
    assert row is not None
    return int(row[0])


def _store_refs(tx: Tx, item_id: int, index: FieldIndex, values: StoredValues) -> None:
    tx.execute("DELETE FROM item_refs WHERE item_id = ?", (item_id,))
    rows = [
        (item_id, field_id, ref)
        for field_id, refs in referenced_items(index, values).items()
        for ref in refs
    ]
    if rows:
        tx.executemany(
            "INSERT OR IGNORE INTO item_refs (item_id, field_id, ref_item_id) VALUES (?, ?, ?)",
            rows,
        )


def _add_revision(
    tx: Tx,
    item_id: int,
    revision: int,
    kind: str,
    principal: Principal,
    via_json: str,
    app: AppRecord,
    title: str,
    values: StoredValues,
) -> int:
    revision_id = tx.next_id("item_revision")
    by_type, by_id = _author(principal)
    tx.insert(
        "item_revisions",
        {
            "item_revision_id": revision_id,
            "item_id": item_id,
            "revision": revision,
            "type": kind,
            "created_on": tx.clock.now_str(),
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json,
            "app_revision": app.revision,
            "title": title,
            "field_values": encode_values(values),
        },
    )
    return revision_id


def _check_unique(
    ictx: ItemContext, values: StoredValues, changed: set[int], item_id: int | None
) -> None:
    """Fields configured ``unique`` may not repeat another item's value in the app."""
    unique = [
        f for f in ictx.fields if f.active and f.config.get("unique") and f.field_id in changed
    ]
    unique = [f for f in unique if values.get(f.field_id)]
    if not unique:
        return
    rows = ictx.tx.query(
        "SELECT item_id, field_values FROM items WHERE app_id = ? AND status = 'active'",
        (ictx.app.app_id,),
    )
    for row in rows:
        if row["item_id"] == item_id:
            continue
        other = decode_values(row["field_values"])
        for fld in unique:
            if other.get(fld.field_id) == values[fld.field_id]:
                # Worded like the engine's value errors (compact JSON, as Podio quotes)
                raise invalid_value(
                    InvalidValue.of(values[fld.field_id], "must be unique").description
                )


def _check_external_id(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise invalid_value(f"Invalid value {describe(value)}: external_id must be string")
    return value


def _check_tags(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise invalid_value(f"Invalid value {describe(value)}: tags must be array of strings")
    return list(dict.fromkeys(t.strip() for t in value if t.strip()))


def _check_file_ids(value: Any) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise invalid_value(f"Invalid value {describe(value)}: file_ids must be array of ids")
    return list(dict.fromkeys(value))


def _attach_files(ictx: ItemContext, file_ids: Sequence[int], item_id: int) -> None:
    if not file_ids:
        return
    attach = provider("attach_files")
    if attach is None:
        # Without the files area no file can exist (README, "Files").
        raise invalid_value(f"Invalid value {file_ids[0]} (integer): No file found")
    attach(ictx.tx, list(file_ids), "item", item_id)


def _optional_json(body: Mapping[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid_value(f"Invalid value {describe(value)}: {key} must be object")
    return dumps(value)


# ---------------------------------------------------------------------------------------------
# Writes


def create_item(ictx: ItemContext, body: Mapping[str, Any]) -> int:
    """``POST /item/app/{app_id}/``: validate everything, store the item and revision 0.

    Emits ``item.create`` (ref app) with item_id, item_revision_id, external_id and the
    field ids that got values.
    """
    tx = ictx.tx
    external_id = _check_external_id(body.get("external_id"))
    tags = _check_tags(body.get("tags"))
    file_ids = _check_file_ids(body.get("file_ids"))
    reminder = _optional_json(body, "reminder")
    recurrence = _optional_json(body, "recurrence")
    index = ictx.index
    with engine_errors():
        values, changed = apply_values(index, body.get("fields") or {}, ictx.ctx, existing=None)
    _check_unique(ictx, values, changed, None)
    item_id = tx.next_id("item")
    app_item_id = _next_app_item_id(tx, ictx.app.app_id)
    config = ictx.app.config
    title = derive_title(index, values, item_name=config["item_name"], app_item_id=app_item_id)
    now = tx.clock.now_str()
    by_type, by_id = _author(ictx.principal)
    via_object = via(tx, ictx.principal)
    via_json = dumps(via_object)
    tx.insert(
        "items",
        {
            "item_id": item_id,
            "app_id": ictx.app.app_id,
            "app_item_id": app_item_id,
            "external_id": external_id,
            "title": title,
            "revision": 0,
            "field_values": encode_values(values),
            "tags": dumps(tags),
            "file_ids": dumps(file_ids),
            "created_on": now,
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json,
            "created_via_id": via_object.get("id"),
            "last_edit_on": now,
            "last_edit_by_type": by_type,
            "last_edit_by_id": by_id,
            "last_edit_via": via_json,
            "last_edit_via_id": via_object.get("id"),
            "last_event_on": now,
            "priority": float(item_id),
            "reminder": reminder,
            "recurrence": recurrence,
            "linked_account_id": body.get("linked_account_id"),
            "search": search_text(index, values, ictx.ctx, title=title, tags=tags),
            "cache_token": new_token(),
        },
    )
    _store_refs(tx, item_id, index, values)
    _attach_files(ictx, file_ids, item_id)
    touch_app(tx, ictx.app.app_id)
    revision_id = _add_revision(
        tx, item_id, 0, "creation", ictx.principal, via_json, ictx.app, title, values
    )
    tx.emit(
        "item.create",
        "app",
        ictx.app.app_id,
        item_id=item_id,
        item_revision_id=revision_id,
        external_id=external_id,
        field_ids=sorted(changed),
    )
    return item_id


def update_item(
    ictx: ItemContext, row: sqlite3.Row, body: Mapping[str, Any], *, fields: Any = None
) -> dict[str, Any] | None:
    """Change an item: only the fields given change, ``[]`` clears (items.md §3).

    ``body`` is the ``PUT /item/{id}`` body (fields, external_id, tags, file_ids, revision,
    reminder, recurrence); ``fields`` replaces ``body["fields"]`` for the ``/value`` calls.
    A stale ``revision`` gives 409. Returns ``{"revision", "title"}``, or ``None`` when
    nothing changed (the route answers 204, as podio-dotnet expects).
    """
    item_id = int(row["item_id"])
    expected = body.get("revision")
    if expected is not None:
        if isinstance(expected, bool) or not isinstance(expected, int):
            raise invalid_value(f"Invalid value {describe(expected)}: revision must be integer")
        if expected != row["revision"]:
            raise conflict(
                f"The item has been changed since revision {expected}; "
                f"the current revision is {row['revision']}"
            )
    payload = body.get("fields") if fields is None else fields
    existing = decode_values(row["field_values"])
    index = ictx.index
    with engine_errors():
        values, changed = apply_values(index, payload or {}, ictx.ctx, existing=existing)
    _check_unique(ictx, values, changed, item_id)
    updates: dict[str, Any] = {}
    if "external_id" in body:
        external_id = _check_external_id(body["external_id"])
        if external_id != row["external_id"]:
            updates["external_id"] = external_id
    tags = loads(row["tags"], []) or []
    if "tags" in body:
        new_tags = _check_tags(body["tags"])
        if new_tags != tags:
            updates["tags"] = dumps(new_tags)
            tags = new_tags
    if "file_ids" in body:
        file_ids = _check_file_ids(body["file_ids"])
        old = loads(row["file_ids"], []) or []
        added = [f for f in file_ids if f not in old]
        if added:
            _attach_files(ictx, added, item_id)
            updates["file_ids"] = dumps(list(dict.fromkeys([*old, *added])))
    for key in ("reminder", "recurrence"):
        if key in body:
            value = _optional_json(body, key)
            if value != row[key]:
                updates[key] = value
    if not changed and not updates:
        return None
    return _commit_change(ictx, row, values, changed, updates, tags, "update")


def _commit_change(
    ictx: ItemContext,
    row: sqlite3.Row,
    values: StoredValues,
    changed: set[int],
    updates: dict[str, Any],
    tags: Sequence[str],
    kind: str,
) -> dict[str, Any]:
    tx = ictx.tx
    item_id = int(row["item_id"])
    index = ictx.index
    title = derive_title(
        index, values, item_name=ictx.app.config["item_name"], app_item_id=row["app_item_id"]
    )
    revision = int(row["revision"]) + 1
    now = tx.clock.now_str()
    by_type, by_id = _author(ictx.principal)
    via_object = via(tx, ictx.principal)
    via_json = dumps(via_object)
    updates.update(
        {
            "field_values": encode_values(values),
            "title": title,
            "revision": revision,
            "last_edit_on": now,
            "last_edit_by_type": by_type,
            "last_edit_by_id": by_id,
            "last_edit_via": via_json,
            "last_edit_via_id": via_object.get("id"),
            "last_event_on": now,
            "search": search_text(index, values, ictx.ctx, title=title, tags=tags),
            "cache_token": new_token(),
        }
    )
    tx.update("items", updates, "item_id = ?", (item_id,))
    touch_app(tx, ictx.app.app_id)
    if changed:
        _store_refs(tx, item_id, index, values)
    revision_id = _add_revision(
        tx, item_id, revision, kind, ictx.principal, via_json, ictx.app, title, values
    )
    tx.emit(
        "item.update",
        "app",
        ictx.app.app_id,
        item_id=item_id,
        item_revision_id=revision_id,
        external_id=updates.get("external_id", row["external_id"]),
        field_ids=sorted(changed),
    )
    return {"revision": revision, "title": title}


def delete_item(ictx: ItemContext, row: sqlite3.Row) -> None:
    """The item answers 410 afterwards; references to it disappear from other items."""
    tx = ictx.tx
    item_id = int(row["item_id"])
    now = tx.clock.now_str()
    revision = int(row["revision"]) + 1
    via_json = dumps(via(tx, ictx.principal))
    revision_id = _add_revision(
        tx,
        item_id,
        revision,
        "delete",
        ictx.principal,
        via_json,
        ictx.app,
        str(row["title"]),
        decode_values(row["field_values"]),
    )
    tx.update(
        "items",
        {"status": "deleted", "deleted_on": now, "revision": revision},
        "item_id = ?",
        (item_id,),
    )
    tx.execute("DELETE FROM item_refs WHERE item_id = ?", (item_id,))
    touch_app(tx, ictx.app.app_id)
    tx.emit(
        "item.delete",
        "app",
        ictx.app.app_id,
        item_id=item_id,
        item_revision_id=revision_id,
        external_id=row["external_id"],
        field_ids=[],
    )


def clone_item(ictx: ItemContext, row: sqlite3.Row) -> int:
    """A new item with the same values and tags (not the external_id, files or history)."""
    values = decode_values(row["field_values"])
    payload = {str(fid): v for fid, v in values.items() if _writable(ictx, fid)}
    body = {"fields": _as_written(ictx, payload), "tags": loads(row["tags"], []) or []}
    return create_item(ictx, body)


def _writable(ictx: ItemContext, field_id: int) -> bool:
    fld = ictx.index.find(field_id)
    return fld is not None and fld.type != "calculation"


def _as_written(ictx: ItemContext, stored: Mapping[str, Any]) -> dict[str, Any]:
    """Stored values written back: stored elements are valid write elements, except dates,
    whose stored keys are UTC and must be marked as such."""
    out: dict[str, Any] = {}
    for key, elements in stored.items():
        fld = ictx.index.get(key)
        if fld.type == "date":
            out[key] = [
                {
                    "start_date_utc": e["start_date"],
                    "start_time_utc": e["start_time"],
                    "end_date_utc": e.get("end_date"),
                    "end_time_utc": e.get("end_time"),
                }
                for e in elements
            ]
        else:
            out[key] = copy.deepcopy(elements)
    return out


def _revision_values(tx: Tx, item_id: int, revision: int) -> StoredValues:
    row = tx.one(
        "SELECT field_values FROM item_revisions WHERE item_id = ? AND revision = ?",
        (item_id, revision),
    )
    if row is None:
        raise not_found("Revision not found")
    return decode_values(row["field_values"])


def _restore(
    ictx: ItemContext, row: sqlite3.Row, target: StoredValues, only: set[int] | None
) -> dict[str, Any] | None:
    """Write ``target`` values (for the fields in ``only``, or all) as a new revision."""
    current = decode_values(row["field_values"])
    changes: dict[str, Any] = {}
    for field_id in set(current) | set(target):
        if only is not None and field_id not in only:
            continue
        if not _writable(ictx, field_id):
            continue
        if current.get(field_id) != target.get(field_id):
            changes[str(field_id)] = target.get(field_id, [])
    if not changes:
        return None
    with engine_errors():
        values, changed = apply_values(
            ictx.index, _as_written(ictx, changes), ictx.ctx, existing=current
        )
    if not changed:
        return None
    return _commit_change(ictx, row, values, changed, {}, loads(row["tags"], []) or [], "update")


def revert_revision(ictx: ItemContext, row: sqlite3.Row, revision: int) -> dict[str, Any] | None:
    """``DELETE /item/{id}/revision/{revision}``: undo what that revision changed."""
    if revision < 1 or revision > int(row["revision"]):
        raise invalid_value(f"Invalid value {revision} (integer): must be a revision after 0")
    before = _revision_values(ictx.tx, int(row["item_id"]), revision - 1)
    after = _revision_values(ictx.tx, int(row["item_id"]), revision)
    touched = {fid for fid in set(before) | set(after) if before.get(fid) != after.get(fid)}
    return _restore(ictx, row, before, touched)


def revert_to_revision(ictx: ItemContext, row: sqlite3.Row, revision: int) -> dict[str, Any] | None:
    """``POST /item/{id}/revision/{revision}/revert_to``: all values as they were then."""
    if revision < 0 or revision > int(row["revision"]):
        raise not_found("Revision not found")
    return _restore(ictx, row, _revision_values(ictx.tx, int(row["item_id"]), revision), None)


# ---------------------------------------------------------------------------------------------
# Reads


class Renderer:
    """Renders items of one app for one caller, caching bylines and the app mini."""

    def __init__(self, ictx: ItemContext) -> None:
        self.ictx = ictx
        self.tx = ictx.tx
        self._bylines: dict[tuple[str, int], dict[str, Any]] = {}
        self._app_mini: dict[str, Any] | None = None
        self._app_url: str | None = None
        self._social: dict[int, dict[str, Any]] = {}

    def byline(self, kind: str, ident: int) -> dict[str, Any]:
        key = (kind, ident)
        if key not in self._bylines:
            if kind == "app":
                self._bylines[key] = app_byline(self.tx, ident, self.ictx.web_url)
            else:
                self._bylines[key] = user_byline(self.tx, ident, self.ictx.web_url)
        return copy.deepcopy(self._bylines[key])

    @property
    def app_mini(self) -> dict[str, Any]:
        if self._app_mini is None:
            self._app_mini = app_mini(self.tx, self.ictx.app, self.ictx.web_url)
        return copy.deepcopy(self._app_mini)

    @property
    def app_url(self) -> str:
        if self._app_url is None:
            self._app_url = app_urls(self.tx, self.ictx.app, self.ictx.web_url)[0]
        return self._app_url

    def revision(self, rev: sqlite3.Row) -> dict[str, Any]:
        by = self.byline(str(rev["created_by_type"]), int(rev["created_by_id"]))
        return {
            "revision": rev["revision"],
            "item_revision_id": rev["item_revision_id"],
            "app_revision": rev["app_revision"],
            "type": rev["type"],
            "created_on": rev["created_on"],
            "created_by": by,
            "created_via": loads(rev["created_via"], {}),
            "user": copy.deepcopy(by),
        }

    def formatted_id(self, app_item_id: int) -> str:
        config = self.ictx.app.config
        padding = int(config.get("app_item_id_padding") or 1)
        return f"{config.get('app_item_id_prefix') or ''}{str(app_item_id).zfill(padding)}"

    def _revisions(self, item_id: int) -> tuple[sqlite3.Row, sqlite3.Row]:
        first = self.tx.one(
            "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision LIMIT 1",
            (item_id,),
        )
        last = self.tx.one(
            "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision DESC LIMIT 1",
            (item_id,),
        )
        assert first is not None
        assert last is not None
        return first, last

    def core(self, row: sqlite3.Row) -> dict[str, Any]:
        """Keys shared by the full and the short view."""
        item_id = int(row["item_id"])
        first, last = self._revisions(item_id)
        return {
            "item_id": item_id,
            "app_item_id": row["app_item_id"],
            "app_item_id_formatted": self.formatted_id(int(row["app_item_id"])),
            "external_id": row["external_id"],
            "title": row["title"],
            "link": f"{self.app_url}/items/{row['app_item_id']}",
            "revision": row["revision"],
            "rights": item_rights(self.ictx, row),
            "priority": row["priority"] if row["priority"] is not None else float(item_id),
            "ratings": self.social(row)["ratings"],
            "created_on": row["created_on"],
            "created_by": self.byline(str(row["created_by_type"]), int(row["created_by_id"])),
            "created_via": loads(row["created_via"], {}),
            "initial_revision": self.revision(first),
            "current_revision": self.revision(last),
            "last_event_on": row["last_event_on"],
            "sharefile_vault_url": None,
            "sharefile_vault_folder_id": None,
        }

    def social(self, row: sqlite3.Row) -> dict[str, Any]:
        """Ratings and followers as the caller sees them, from the ratings and
        subscriptions areas (without them: no likes, the creator follows)."""
        item_id = int(row["item_id"])
        if item_id in self._social:
            return self._social[item_id]
        principal = self.ictx.principal
        creator = (row["created_by_type"], row["created_by_id"]) == _author(principal)
        out: dict[str, Any] = {
            "ratings": copy.deepcopy(_LIKE_RATINGS),
            "user_ratings": {"like": None},
            "like_count": 0,
            "is_liked": False,
            "subscribed": creator,
            "subscribed_count": 1,
        }
        ratings = provider("rating_summary")
        if ratings is not None:
            out.update(ratings(self.tx, "item", item_id, principal, self.ictx.web_url))
        subscriptions = provider("subscription_summary")
        if subscriptions is not None:
            out.update(subscriptions(self.tx, "item", item_id, principal))
        self._social[item_id] = out
        return out

    def files(self, row: sqlite3.Row) -> list[Any]:
        files_for = provider("files_for")
        if files_for is None:
            return []
        return list(files_for(self.tx, "item", int(row["item_id"]), self.ictx.web_url))

    def short(self, row: sqlite3.Row, *, with_files: bool = False) -> dict[str, Any]:
        """An item in filter and collection results (samples/item-filter.json)."""
        out = self.core(row)
        values = decode_values(row["field_values"])
        out["fields"] = render_item_fields(self.ictx.index, values, self.ictx.ctx, view="short")
        count = provider("comment_count")
        out["comment_count"] = int(count(self.tx, "item", int(row["item_id"]))) if count else 0
        file_ids = loads(row["file_ids"], []) or []
        out["file_count"] = len(file_ids)
        if with_files:
            out["files"] = self.files(row)
        return out

    def full(self, row: sqlite3.Row, *, basic: bool = False) -> dict[str, Any]:
        """``GET /item/{item_id}``: the keys of samples/item-get-all-fields.json.

        ``basic`` (``GET /item/{id}/basic``) leaves out comments, revisions, references and
        the realtime keys.
        """
        item_id = int(row["item_id"])
        out = self.core(row)
        values = decode_values(row["field_values"])
        out["app"] = self.app_mini
        out["fields"] = render_item_fields(self.ictx.index, values, self.ictx.ctx, view="full")
        out["files"] = self.files(row)
        out["tags"] = loads(row["tags"], []) or []
        out["reminder"] = loads(row["reminder"], None)
        out["recurrence"] = loads(row["recurrence"], None)
        out["linked_account_id"] = row["linked_account_id"]
        out["linked_account_data"] = None
        out["participants"] = {}
        social = self.social(row)
        for key in ("like_count", "is_liked", "user_ratings", "subscribed", "subscribed_count"):
            out[key] = social[key]
        principal = self.ictx.principal
        out["invite"] = None
        out["ref"] = None
        if basic:
            return out
        comments_for = provider("comments_for")
        out["comments"] = (
            list(comments_for(self.tx, "item", item_id, self.ictx.web_url, principal))
            if comments_for
            else []
        )
        revisions = self.tx.query(
            "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision DESC LIMIT ?",
            (item_id, RECENT_REVISIONS),
        )
        out["revisions"] = [self.revision(r) for r in revisions]
        out["refs"] = self.refs(item_id)
        out["presence"] = {
            "ref_type": "item",
            "ref_id": item_id,
            "user_id": principal.id if principal.type == "user" else None,
            "signature": push(self.tx, f"/item/{item_id}/presence")["signature"],
        }
        out["push"] = push(self.tx, f"/item/{item_id}")
        return out

    def refs(self, item_id: int) -> list[dict[str, Any]]:
        """Incoming references grouped by field: ``{"count", "field", "app"}``."""
        rows = self.tx.query(
            "SELECT r.field_id, i.app_id, COUNT(*) AS n FROM item_refs r "
            "JOIN items i ON i.item_id = r.item_id "
            "JOIN apps a ON a.app_id = i.app_id "
            "WHERE r.ref_item_id = ? AND i.status = 'active' AND a.status != 'deleted' "
            "GROUP BY r.field_id, i.app_id ORDER BY r.field_id",
            (item_id,),
        )
        out = []
        for ref in rows:
            fld = _field_of(self.tx, int(ref["app_id"]), int(ref["field_id"]))
            if fld is None:
                continue
            app = load_app(self.tx, int(ref["app_id"]))
            out.append(
                {
                    "count": ref["n"],
                    "field": field_reference(fld, self.ictx.ctx),
                    "app": app_mini(self.tx, app, self.ictx.web_url),
                }
            )
        return out


def _field_of(tx: Tx, app_id: int, field_id: int) -> AppField | None:
    for fld in load_app_fields(tx, app_id):
        if fld.field_id == field_id and fld.active:
            return fld
    return None


def field_reference(fld: AppField, ctx: Context) -> dict[str, Any]:
    return {
        "field_id": fld.field_id,
        "external_id": fld.external_id,
        "type": fld.type,
        "label": fld.label,
        "config": render_config(fld, ctx, view="short"),
    }


def item_full(ictx: ItemContext, row: sqlite3.Row, *, basic: bool = False) -> dict[str, Any]:
    return Renderer(ictx).full(row, basic=basic)


def item_short(ictx: ItemContext, row: sqlite3.Row) -> dict[str, Any]:
    return Renderer(ictx).short(row)


def revision_object(ictx: ItemContext, rev: sqlite3.Row) -> dict[str, Any]:
    return Renderer(ictx).revision(rev)


def item_reference_mini(tx: Tx, row: sqlite3.Row, web_url: str) -> dict[str, Any]:
    """An item as the value of an app-reference field (samples/item-get-all-fields.json):
    item_id, app_item_id, title, link, app, space, revisions, bylines, files."""
    app = load_app(tx, int(row["app_id"]))
    mini = app_mini(tx, app, web_url)
    url = mini["url"]
    first = tx.one(
        "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision LIMIT 1",
        (row["item_id"],),
    )
    space_mini = space_info(tx, app.space_id, web_url)

    def by(kind: str, ident: int) -> dict[str, Any]:
        if kind == "app":
            return app_byline(tx, ident, web_url)
        return user_byline(tx, ident, web_url)

    created_by = by(str(row["created_by_type"]), int(row["created_by_id"]))
    initial = None
    if first is not None:
        first_by = by(str(first["created_by_type"]), int(first["created_by_id"]))
        initial = {
            "item_revision_id": first["item_revision_id"],
            "created_via": loads(first["created_via"], {}),
            "created_by": first_by,
            "created_on": first["created_on"],
            "user": copy.deepcopy(first_by),
            "type": first["type"],
            "revision": first["revision"],
        }
    files_for = provider("files_for")
    return {
        "item_id": row["item_id"],
        "app_item_id": row["app_item_id"],
        "title": row["title"],
        "link": f"{url}/items/{row['app_item_id']}",
        "app": mini,
        "space": space_mini,
        "initial_revision": initial,
        "created_on": row["created_on"],
        "created_by": created_by,
        "created_via": loads(row["created_via"], {}),
        "files": list(files_for(tx, "item", int(row["item_id"]), web_url)) if files_for else [],
        "revision": row["revision"],
        "sharefile_vault_url": None,
        "sharefile_vault_folder_id": None,
    }


def item_micro(renderer: Renderer, row: sqlite3.Row) -> dict[str, Any]:
    """podio-dotnet's ItemMicro: item_id, app_item_id, title, link, revision."""
    return {
        "item_id": row["item_id"],
        "app_item_id": row["app_item_id"],
        "title": row["title"],
        "link": f"{renderer.app_url}/items/{row['app_item_id']}",
        "revision": row["revision"],
    }


# ---------------------------------------------------------------------------------------------
# Collections


@dataclass
class FilterResult:
    total: int
    filtered: int
    rows: list[sqlite3.Row]


def _limit(value: Any, default: int = DEFAULT_LIMIT) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_value(f"Invalid value {describe(value)}: limit must be integer")
    if value < 1:
        raise invalid_value(f"Invalid value {value} (integer): must not be less than 1")
    if value > MAX_LIMIT:
        raise invalid_value(
            f"Invalid value {value} (integer): must not be greater than {MAX_LIMIT}"
        )
    return value


def _offset(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise invalid_value(f"Invalid value {describe(value)}: offset must be a positive integer")
    return value


def _sort_desc(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, bool):
        raise invalid_value(f"Invalid value {describe(value)}: sort_desc must be boolean")
    return value


def filter_items(
    ictx: ItemContext,
    filters: Any,
    *,
    sort_by: Any = None,
    sort_desc: Any = None,
    limit: Any = None,
    offset: Any = None,
) -> FilterResult:
    """Filter, sort and page the app's items (``POST /item/app/{app_id}/filter/``).

    Limit defaults to 30; the emulator accepts up to 500 and answers 400 above.
    """
    page_size = _limit(limit)
    start = _offset(offset)
    descending = _sort_desc(sort_desc)
    records = load_records(ictx.tx, ictx.app.app_id)
    index = ictx.index
    with engine_errors():
        selected = parse_filters(index, filters, ictx.ctx).apply(records)
        if sort_by in ("created_by", "last_edit_by"):
            _attach_names(ictx.tx, selected)
        ordered = sort_records(selected, index, ictx.ctx, sort_by=sort_by, sort_desc=descending)
    page = ordered[start : start + page_size]
    rows_by_id = _rows(ictx.tx, [r.item_id for r in page])
    return FilterResult(
        total=len(records),
        filtered=len(selected),
        rows=[rows_by_id[r.item_id] for r in page],
    )


def count_items(ictx: ItemContext, filters: Any) -> int:
    records = load_records(ictx.tx, ictx.app.app_id)
    with engine_errors():
        return len(parse_filters(ictx.index, filters, ictx.ctx).apply(records))


def _rows(tx: Tx, item_ids: Sequence[int]) -> dict[int, sqlite3.Row]:
    out: dict[int, sqlite3.Row] = {}
    for chunk in _chunks(list(item_ids), 500):
        marks = ",".join("?" for _ in chunk)
        for row in tx.query(f"SELECT * FROM items WHERE item_id IN ({marks})", chunk):  # noqa: S608 - marks only
            out[int(row["item_id"])] = row
    return out


def _chunks(values: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _attach_names(tx: Tx, records: Sequence[ItemRecord]) -> None:
    names: dict[tuple[str, int], str] = {}
    for record in records:
        for attr in ("created_by", "last_edit_by"):
            ref = getattr(record, attr)
            if ref is None or ref in names:
                continue
            table, key = ("apps", "app_id") if ref[0] == "app" else ("users", "user_id")
            name = tx.scalar(f"SELECT name FROM {table} WHERE {key} = ?", (ref[1],))  # noqa: S608 - fixed names
            names[ref] = str(name or "")
        record.created_by_name = names.get(record.created_by) if record.created_by else None
        record.last_edit_by_name = names.get(record.last_edit_by) if record.last_edit_by else None


# ---------------------------------------------------------------------------------------------
# Views (stored by the views area)


def view_filter(ictx: ItemContext, view_id: int) -> dict[str, Any]:
    """The filters and sort of a saved view; ``0`` is the caller's last used view
    (404 for unknown views and other users' private ones, 410 for deleted ones)."""
    from ..views.models import filters_of_view

    return filters_of_view(ictx.tx, ictx.principal, ictx.app.app_id, view_id)


def remember_view(ictx: ItemContext, filters: Any, sort_by: Any, sort_desc: Any) -> None:
    """``remember: true``: keep the filter as the user's last used view (view_id 0)."""
    from ..views.models import remember_last

    remember_last(ictx.tx, ictx.principal, ictx.app.app_id, filters, sort_by, sort_desc)
