"""Apps and app fields: state and Podio's rules, no HTTP (items.md §7, fields.md §2.1).

An app is a row of the platform's ``apps`` table (app_id, space_id, name, token, status,
data); ``data`` holds the app's config and bookkeeping (url_label, owner, revision...). Its
fields live in ``app_fields``, one row per field with the normalised definition produced by
the field-type engine; deleted fields stay (status ``deleted``) so old item revisions still
render and their external ids stay reserved, as Podio shows them (samples/app-get-large.json).
"""

from __future__ import annotations

import copy
import hashlib
import secrets
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ...access import role_at_least
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import forbidden, invalid_value, not_found
from ...fieldtypes import (
    AppField,
    Context,
    InvalidValue,
    Resolver,
    new_field,
    render_field,
    slugify,
    unique_external_id,
    update_field,
)
from ..spaces.models import create_app_record, space_url
from ..users.models import profile_object

__all__ = [
    "APP_CONFIG_DEFAULTS",
    "SCHEMA",
    "AppRecord",
    "add_field",
    "app_full",
    "app_micro",
    "app_mini",
    "app_rights",
    "app_short",
    "app_urls",
    "bump_revision",
    "create_app",
    "delete_field",
    "engine_errors",
    "find_field",
    "load_app",
    "load_fields",
    "set_status",
    "space_info",
    "update_app",
    "update_app_field",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS app_fields (
    field_id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    external_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    config TEXT NOT NULL,
    UNIQUE (app_id, external_id)
);
CREATE INDEX IF NOT EXISTS app_fields_app ON app_fields (app_id);
"""

# Every key of an app config with the value Podio shows when nothing was chosen
# (samples/app-get-all-fields-2014.json).
APP_CONFIG_DEFAULTS: dict[str, Any] = {
    "name": None,
    "item_name": None,
    "type": "standard",
    "description": "",
    "usage": "",
    "external_id": None,
    "icon": "1.png",
    "icon_id": 1,
    "allow_edit": True,
    "allow_create": True,
    "allow_attachments": True,
    "allow_comments": True,
    "allow_tags": True,
    "default_view": "badge",
    "silent_creates": False,
    "silent_edits": False,
    "disable_notifications": False,
    "fivestar": False,
    "fivestar_label": None,
    "approved": False,
    "thumbs": False,
    "thumbs_label": None,
    "rsvp": False,
    "rsvp_label": None,
    "yesno": False,
    "yesno_label": None,
    "tasks": [],
    "show_app_item_id": False,
    "app_item_id_prefix": None,
    "app_item_id_padding": 1,
}
_BOOL_CONFIG = (
    "allow_edit", "allow_create", "allow_attachments", "allow_comments", "allow_tags",
    "silent_creates", "silent_edits", "disable_notifications", "fivestar", "approved",
    "thumbs", "rsvp", "yesno", "show_app_item_id",
)  # fmt: skip
_TEXT_CONFIG = (
    "description", "usage", "external_id", "fivestar_label", "thumbs_label", "rsvp_label",
    "yesno_label", "app_item_id_prefix",
)  # fmt: skip
APP_TYPES = ("standard", "meeting", "contact")
DEFAULT_VIEWS = ("badge", "table", "list", "calendar", "card", "activity", "stream")
MAX_NAME_LENGTH = 255

# Rights on an app by space role (items.md §7 lists the names; samples show full lists).
_RIGHTS_ADMIN = [
    "view", "view_structure", "update", "delete", "add_item", "add_task", "add_hook",
    "add_widget", "add_flow", "add_integration", "export", "reference", "share", "install",
    "subscribe", "manage_public_views",
]  # fmt: skip
_RIGHTS_REGULAR = [
    "view", "view_structure", "add_item", "add_task", "add_hook", "export", "reference",
    "share", "install", "subscribe",
]  # fmt: skip
_RIGHTS_LIGHT = ["view", "view_structure", "add_item", "reference", "subscribe"]


class AppRecord:
    """An app row with its decoded ``data``."""

    def __init__(self, row: sqlite3.Row) -> None:
        self.row = row
        self.app_id = int(row["app_id"])
        self.space_id = int(row["space_id"])
        self.status = str(row["status"])
        self.token = str(row["token"])
        self.data: dict[str, Any] = loads(row["data"], {}) or {}

    @property
    def config(self) -> dict[str, Any]:
        config = copy.deepcopy(APP_CONFIG_DEFAULTS)
        config.update(self.data.get("config") or {})
        return config

    @property
    def url_label(self) -> str:
        return str(self.data.get("url_label") or f"app-{self.app_id}")

    @property
    def revision(self) -> int:
        return int(self.data.get("current_revision") or 0)

    @property
    def owner_id(self) -> int | None:
        owner = self.data.get("owner")
        return int(owner) if owner is not None else None


def load_app(tx: Tx, app_id: int) -> AppRecord:
    """The app (any status); 404 when it never existed."""
    row = tx.one("SELECT * FROM apps WHERE app_id = ?", (app_id,))
    if row is None:
        raise not_found("App not found")
    return AppRecord(row)


def load_fields(tx: Tx, app_id: int) -> list[AppField]:
    """All fields of an app, deleted ones included, in app order."""
    rows = tx.query("SELECT * FROM app_fields WHERE app_id = ? ORDER BY field_id", (app_id,))
    fields = [
        AppField(
            field_id=int(r["field_id"]),
            type=str(r["type"]),
            external_id=str(r["external_id"]),
            config=loads(r["config"], {}),
            status=str(r["status"]),
        )
        for r in rows
    ]
    fields.sort(key=lambda f: (f.status != "active", f.delta, f.field_id))
    return fields


def find_field(tx: Tx, app_id: int, key: int | str) -> AppField:
    """An active field by id or external id; 404 when there is none."""
    for fld in load_fields(tx, app_id):
        if not fld.active:
            continue
        if fld.field_id == key or fld.external_id == key or str(fld.field_id) == str(key):
            return fld
    raise not_found("Field not found")


def _store_field(tx: Tx, app_id: int, fld: AppField, *, new: bool) -> None:
    values = {
        "type": fld.type,
        "external_id": fld.external_id,
        "status": fld.status,
        "config": dumps(fld.config),
    }
    if new:
        tx.insert("app_fields", {"field_id": fld.field_id, "app_id": app_id, **values})
    else:
        tx.update("app_fields", values, "field_id = ?", (fld.field_id,))


@contextmanager
def engine_errors() -> Iterator[None]:
    """Turn the field-type engine's errors into Podio error answers (400 invalid_value)."""
    try:
        yield
    except InvalidValue as exc:
        raise invalid_value(exc.description) from None


def _check_config(body: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if creating or "name" in body:
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise invalid_value(f"Invalid value {dumps(name)} (name): must be a non-empty string")
        if len(name) > MAX_NAME_LENGTH:
            raise invalid_value(f"Invalid value {dumps(name)} (string): too long")
        out["name"] = name
    if "item_name" in body or creating:
        item_name = body.get("item_name")
        if item_name is None and creating:
            item_name = out["name"]
        if not isinstance(item_name, str) or not item_name.strip():
            raise invalid_value(f"Invalid value {dumps(item_name)} (item_name): must be string")
        out["item_name"] = item_name
    if "type" in body:
        if body["type"] not in APP_TYPES:
            raise invalid_value(
                f"Invalid value {dumps(body['type'])} (string): must be one of "
                + ", ".join(APP_TYPES)
            )
        out["type"] = body["type"]
    for key in _BOOL_CONFIG:
        if key in body:
            if not isinstance(body[key], bool):
                raise invalid_value(f"Invalid value {dumps(body[key])} ({key}): must be boolean")
            out[key] = body[key]
    for key in _TEXT_CONFIG:
        if key in body:
            if body[key] is not None and not isinstance(body[key], str):
                raise invalid_value(f"Invalid value {dumps(body[key])} ({key}): must be string")
            out[key] = body[key]
    if "default_view" in body:
        if body["default_view"] not in DEFAULT_VIEWS:
            raise invalid_value(
                f"Invalid value {dumps(body['default_view'])} (string): must be one of "
                + ", ".join(DEFAULT_VIEWS)
            )
        out["default_view"] = body["default_view"]
    if "app_item_id_padding" in body:
        padding = body["app_item_id_padding"]
        if isinstance(padding, bool) or not isinstance(padding, int) or not 1 <= padding <= 10:
            raise invalid_value(f"Invalid value {dumps(padding)} (integer): must be 1 to 10")
        out["app_item_id_padding"] = padding
    if "tasks" in body:
        if not isinstance(body["tasks"], list):
            raise invalid_value(f"Invalid value {dumps(body['tasks'])} (tasks): must be array")
        out["tasks"] = body["tasks"]
    if "icon_id" in body or "icon" in body:
        icon_id = body.get("icon_id")
        icon = body.get("icon")
        if icon_id is None and isinstance(icon, str) and icon.split(".")[0].isdigit():
            icon_id = int(icon.split(".")[0])
        if isinstance(icon_id, bool) or not isinstance(icon_id, int) or icon_id < 1:
            raise invalid_value(f"Invalid value {dumps(icon_id)} (icon_id): must be integer")
        out["icon_id"] = icon_id
        out["icon"] = f"{icon_id}.png"
    return out


def _url_label(tx: Tx, space_id: int, name: str, app_id: int | None = None) -> str:
    taken = []
    for row in tx.query("SELECT app_id, data FROM apps WHERE space_id = ?", (space_id,)):
        if row["app_id"] != app_id:
            taken.append(str((loads(row["data"], {}) or {}).get("url_label") or ""))
    return unique_external_id(slugify(name) or "app", taken)


def app_rights(tx: Tx, app: AppRecord, principal: Principal | None, role: str | None) -> list[str]:
    """The caller's rights on the app: by space role; the owner and app tokens as noted."""
    if principal is not None and principal.type == "app":
        return list(_RIGHTS_REGULAR) if principal.id == app.app_id else []
    if principal is not None and principal.id == app.owner_id and principal.type == "user":
        return list(_RIGHTS_ADMIN)
    if role_at_least(role, "admin"):
        return list(_RIGHTS_ADMIN)
    if role_at_least(role, "regular"):
        return list(_RIGHTS_REGULAR)
    if role_at_least(role, "light"):
        return list(_RIGHTS_LIGHT)
    return ["view"]


def can_manage(
    app: AppRecord, principal: Principal, role: str | None, *, admin: bool = False
) -> bool:
    """Changing the app definition: regular members and up (AREAS.md §5); deleting the app
    or renewing its token (``admin``): space admins and the app's owner."""
    if principal.type != "user":
        return False
    if principal.id == app.owner_id:
        return True
    return role_at_least(role, "admin" if admin else "regular")


def space_info(tx: Tx, space_id: int, web_url: str) -> dict[str, Any]:
    """The space as embedded in apps and item minis (``space`` of the samples)."""
    row = tx.one(
        "SELECT s.space_id, s.name, s.url_label, s.org_id, s.type, o.url_label AS org_label "
        "FROM spaces s JOIN orgs o ON o.org_id = s.org_id WHERE s.space_id = ?",
        (space_id,),
    )
    if row is None:
        return {"space_id": space_id, "name": None, "url": None, "url_label": None,
                "org_id": None, "type": "regular", "sharefile_vault_url": None}  # fmt: skip
    return {
        "sharefile_vault_url": None,
        "name": row["name"],
        "url": space_url(web_url, row["org_label"], row["url_label"]),
        "url_label": row["url_label"],
        "space_id": row["space_id"],
        "org_id": row["org_id"],
        "type": row["type"],
    }


def app_urls(tx: Tx, app: AppRecord, web_url: str) -> tuple[str, str]:
    """``(url, url_add)`` of an app: ``<space url>/apps/<url_label>`` and ``.../items/new``."""
    space = space_info(tx, app.space_id, web_url)
    base = space["url"] or f"{web_url}/spaces/{app.space_id}"
    url = f"{base}/apps/{app.url_label}"
    return url, f"{url}/items/new"


def app_micro(app: AppRecord) -> dict[str, Any]:
    """The smallest app form (``find referenceable items``: app_id, name, item_name, icon)."""
    config = app.config
    return {
        "app_id": app.app_id,
        "name": config["name"],
        "item_name": config["item_name"],
        "icon": config["icon"],
        "icon_id": config["icon_id"],
    }


def app_mini(tx: Tx, app: AppRecord, web_url: str) -> dict[str, Any]:
    """The app as embedded in items (the ``app`` key of samples/item-get-all-fields.json)."""
    config = app.config
    url, url_add = app_urls(tx, app, web_url)
    return {
        "app_id": app.app_id,
        "status": app.status,
        "sharefile_vault_url": None,
        "name": config["name"],
        "item_name": config["item_name"],
        "icon": config["icon"],
        "icon_id": config["icon_id"],
        "default_view_id": app.data.get("default_view_id"),
        "url": url,
        "link": url,
        "url_add": url_add,
        "link_add": url_add,
        "url_label": app.url_label,
        "current_revision": app.revision,
        "space_id": app.space_id,
        "config": {
            "name": config["name"],
            "item_name": config["item_name"],
            "type": config["type"],
            "icon": config["icon"],
            "icon_id": config["icon_id"],
        },
    }


def app_reference_mini(tx: Tx, app: AppRecord, web_url: str, rights: list[str]) -> dict[str, Any]:
    """The app inside app-reference settings: the mini plus ``rights`` and ``space``."""
    mini = app_mini(tx, app, web_url)
    mini["rights"] = rights
    mini["space"] = space_info(tx, app.space_id, web_url)
    return mini


def app_short(tx: Tx, app: AppRecord, web_url: str, rights: list[str]) -> dict[str, Any]:
    """``view=short`` and the app lists: the mini with the whole config and the rights."""
    out = app_mini(tx, app, web_url)
    out["config"] = app.config
    out["rights"] = rights
    out["original"] = app.data.get("original")
    out["original_revision"] = app.data.get("original_revision")
    return out


def _owner(tx: Tx, app: AppRecord, web_url: str) -> dict[str, Any] | None:
    if app.owner_id is None:
        return None
    user = tx.one("SELECT * FROM users WHERE user_id = ?", (app.owner_id,))
    if user is None:
        return None
    profile = profile_object(tx, user, web_url)
    keys = ("user_id", "space_id", "image", "profile_id", "org_id", "link", "avatar", "type",
            "last_seen_on", "name")  # fmt: skip
    return {k: profile.get(k) for k in keys}


def _layouts(fields: Sequence[AppField]) -> dict[str, Any]:
    """Default badge layouts: the title field as header, the next three as details."""
    active = [f for f in fields if f.active and f.type != "separator"]
    header = next((f for f in active if f.type == "text"), active[0] if active else None)
    rest = [f for f in active if f is not header][:4]

    def slot(fld: AppField | None) -> dict[str, Any] | None:
        return {"type": "field", "id": fld.field_id} if fld is not None else None

    badge = {
        "header": slot(header),
        "details_1": slot(rest[0] if len(rest) > 0 else None),
        "details_2": slot(rest[1] if len(rest) > 1 else None),
        "details_3": slot(rest[2] if len(rest) > 2 else None),
        "footer_1": {"type": "virtual", "id": "created_on"},
        "footer_2": {"type": "virtual", "id": "created_by"},
        "footer_3": {"type": "virtual", "id": "comment_count"},
    }
    relationship = {
        "header": slot(header),
        "details_1": slot(rest[0] if len(rest) > 0 else None),
        "details_2": slot(rest[1] if len(rest) > 1 else None),
        "details_3": slot(rest[2] if len(rest) > 2 else None),
        "details_4": slot(rest[3] if len(rest) > 3 else None),
    }
    return {
        "badge": {"default": True, "fields": badge},
        "badge_v2": {"default": True, "fields": copy.deepcopy(badge)},
        "relationship": {"default": True, "fields": relationship},
    }


def app_full(
    tx: Tx,
    app: AppRecord,
    web_url: str,
    ctx: Context,
    rights: list[str],
    *,
    show_token: bool,
) -> dict[str, Any]:
    """``GET /app/{app_id}`` (samples/app-get-all-fields-2014.json, app-get-large.json).

    The app token is shown only to callers who may change the app (see README).
    """
    fields = load_fields(tx, app.app_id)
    url, url_add = app_urls(tx, app, web_url)
    mailbox_tag = hashlib.sha1(  # noqa: S324 - a stable label, not security
        f"mailbox:{app.app_id}".encode()
    ).hexdigest()[:8]
    body: dict[str, Any] = {
        "app_id": app.app_id,
        "status": app.status,
        "space_id": app.space_id,
        "url": url,
        "link": url,
        "url_add": url_add,
        "link_add": url_add,
        "url_label": app.url_label,
        "config": app.config,
        "rights": rights,
        "current_revision": app.revision,
        "original": app.data.get("original"),
        "original_revision": app.data.get("original_revision"),
        "owner": _owner(tx, app, web_url),
        "default_view_id": app.data.get("default_view_id"),
        "subscribed": False,
        "pinned": False,
        "integration": None,
        "mailbox": f"{app.url_label}.{mailbox_tag}",
        "layouts": _layouts(fields),
        "fields": [render_field(f, ctx) for f in fields],
    }
    if show_token:
        body["token"] = app.token
    return body


def _new_fields(
    tx: Tx,
    app_id: int,
    specs: Any,
    existing: list[AppField],
    resolver: Resolver,
) -> list[AppField]:
    if specs is None:
        return []
    if not isinstance(specs, list):
        raise invalid_value(f"Invalid value {dumps(specs)} (fields): must be array")
    created: list[AppField] = []
    for spec in specs:
        with engine_errors():
            fld = new_field(
                spec,
                field_id=tx.next_id("app_field"),
                fields=[*existing, *created],
                resolver=resolver,
                app_id=app_id,
            )
        created.append(fld)
    return created


def create_app(tx: Tx, principal: Principal, body: Mapping[str, Any], resolver: Resolver) -> int:
    """``POST /app/``: ``{"space_id", "config": {...}, "fields": [...]}`` -> the new app id.

    The caller must be at least a regular member of the space (the ``add_app`` right).
    """
    space_id = body.get("space_id")
    if isinstance(space_id, bool) or not isinstance(space_id, int):
        raise invalid_value(f"Invalid value {dumps(space_id)} (space_id): must be integer")
    config_body = body.get("config")
    if not isinstance(config_body, Mapping):
        raise invalid_value(f"Invalid value {dumps(config_body)} (config): must be object")
    config = _check_config(config_body, creating=True)
    app_id, _token = create_app_record(tx, space_id, config["name"])
    data = {
        "config": config,
        "url_label": _url_label(tx, space_id, config["name"], app_id),
        "owner": principal.id if principal.type == "user" else None,
        "created_on": tx.clock.now_str(),
        "current_revision": 0,
        "original": None,
        "original_revision": None,
        "default_view_id": None,
    }
    tx.update("apps", {"data": dumps(data)}, "app_id = ?", (app_id,))
    for fld in _new_fields(tx, app_id, body.get("fields"), [], resolver):
        _store_field(tx, app_id, fld, new=True)
    return app_id


def bump_revision(tx: Tx, app: AppRecord) -> int:
    """Count one more change of the app definition; returns the new revision."""
    data = dict(app.data)
    data["current_revision"] = app.revision + 1
    tx.update("apps", {"data": dumps(data)}, "app_id = ?", (app.app_id,))
    app.data = data
    return app.revision


def update_app(tx: Tx, app: AppRecord, body: Mapping[str, Any], resolver: Resolver) -> bool:
    """``PUT /app/{app_id}``: new config keys and added/updated fields; fields left out of
    ``fields`` are kept (items.md §7). Returns whether anything changed."""
    changed = False
    config_body = body.get("config")
    if config_body is not None:
        if not isinstance(config_body, Mapping):
            raise invalid_value(f"Invalid value {dumps(config_body)} (config): must be object")
        config = _check_config(config_body, creating=False)
        data = dict(app.data)
        merged = {**(data.get("config") or {}), **config}
        if merged != data.get("config"):
            data["config"] = merged
            changed = True
            tx.update(
                "apps", {"data": dumps(data), "name": merged["name"]}, "app_id = ?", (app.app_id,)
            )
            app.data = data
    specs = body.get("fields")
    if specs is not None:
        if not isinstance(specs, list):
            raise invalid_value(f"Invalid value {dumps(specs)} (fields): must be array")
        existing = load_fields(tx, app.app_id)
        additions = []
        for spec in specs:
            if isinstance(spec, Mapping) and spec.get("field_id") is not None:
                current = next(
                    (f for f in existing if f.field_id == spec["field_id"] and f.active), None
                )
                if current is None:
                    raise invalid_value(
                        f"Invalid value {dumps(spec['field_id'])} (integer): No field found"
                    )
                with engine_errors():
                    updated = update_field(
                        current, spec, fields=existing, resolver=resolver, app_id=app.app_id
                    )
                if updated.config != current.config:
                    _store_field(tx, app.app_id, updated, new=False)
                    existing = [updated if f.field_id == updated.field_id else f for f in existing]
                    changed = True
            else:
                additions.append(spec)
        for fld in _new_fields(tx, app.app_id, additions, existing, resolver):
            _store_field(tx, app.app_id, fld, new=True)
            changed = True
    if changed:
        bump_revision(tx, app)
    return changed


def add_field(tx: Tx, app: AppRecord, body: Any, resolver: Resolver) -> AppField:
    """``POST /app/{app_id}/field/``: validate, store, bump the app revision."""
    (fld,) = _new_fields(tx, app.app_id, [body], load_fields(tx, app.app_id), resolver)
    _store_field(tx, app.app_id, fld, new=True)
    bump_revision(tx, app)
    return fld


def update_app_field(
    tx: Tx, app: AppRecord, fld: AppField, body: Any, resolver: Resolver
) -> AppField:
    """``PUT /app/{app_id}/field/{field_id}``: only given config keys change."""
    existing = load_fields(tx, app.app_id)
    with engine_errors():
        updated = update_field(fld, body, fields=existing, resolver=resolver, app_id=app.app_id)
    _store_field(tx, app.app_id, updated, new=False)
    bump_revision(tx, app)
    return updated


def delete_field(tx: Tx, app: AppRecord, fld: AppField) -> None:
    """``DELETE /app/{app_id}/field/{field_id}``: the field turns ``deleted``.

    Calculation fields that use it keep their script; they show no value from then on.
    """
    fld.status = "deleted"
    _store_field(tx, app.app_id, fld, new=False)
    bump_revision(tx, app)


def set_status(tx: Tx, app: AppRecord, status: str) -> None:
    if status not in ("active", "inactive", "deleted"):
        raise ValueError(status)
    tx.update("apps", {"status": status}, "app_id = ?", (app.app_id,))
    app.status = status


def regenerate_token(tx: Tx, app: AppRecord) -> str:
    """A new app token; the old one stops working for new grants (auth.md §10)."""
    token = secrets.token_hex(16)
    tx.update("apps", {"token": token}, "app_id = ?", (app.app_id,))
    return token


def require_manage(
    app: AppRecord, principal: Principal, role: str | None, *, admin: bool = False
) -> None:
    if not can_manage(app, principal, role, admin=admin):
        if admin:
            raise forbidden("Only space admins and the app's owner may do this")
        raise forbidden("This requires the regular role in the space")
