"""Spaces (workspaces), their members, and the minimal `apps` table.

Rules:
- Members of an organization create spaces in it and become the space's `admin`.
- A closed space is visible to its members only (403 otherwise); an open space can also be
  read and joined by members of its organization.
- Space admins change and delete the space and change roles. Admins and regular members add
  members (light members cannot); only admins add admins. A space keeps at least one admin.
- Adding a known user makes them an active member at once (and a member of the organization,
  which may hit the organization's user limit: 403). Adding an unknown mail address creates an
  invited, inactive user whose membership starts when they activate (activation_code grant).
- Deleting a space marks it deleted: afterwards it answers 410.

The `apps` table holds what the platform needs of an app (its space, its token for the app
grant, its name for bylines). The applications area owns everything else about apps and keeps
it in its own tables or in the `data` column.
"""

from __future__ import annotations

import secrets
import sqlite3
from typing import Any

from ...access import require_org, require_space, space_role
from ...auth import Principal
from ...db import Tx
from ...errors import forbidden, invalid_value, not_found
from ...request import describe
from ...shapes import push, user_byline
from ..organizations.models import (
    add_org_member,
    label_from_url,
    org_object,
    slugify,
    unique_label,
    validate_label,
    validate_name,
)
from ..users import models as users

__all__ = [
    "APPS_SCHEMA",
    "SCHEMA",
    "SPACE_RIGHTS",
    "add_members",
    "create_app_record",
    "create_space",
    "member_object",
    "space_mini",
    "space_object",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS spaces (
    space_id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    url_label TEXT NOT NULL,
    description TEXT,
    privacy TEXT NOT NULL DEFAULT 'closed',
    auto_join INTEGER NOT NULL DEFAULT 0,
    post_on_new_app INTEGER NOT NULL DEFAULT 1,
    post_on_new_member INTEGER NOT NULL DEFAULT 1,
    type TEXT NOT NULL DEFAULT 'regular',
    status TEXT NOT NULL DEFAULT 'active',
    created_on TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    last_activity_on TEXT,
    deleted_on TEXT,
    UNIQUE (org_id, url_label)
);
CREATE INDEX IF NOT EXISTS spaces_org ON spaces (org_id);
CREATE TABLE IF NOT EXISTS space_members (
    space_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    invited_on TEXT,
    started_on TEXT,
    ended_on TEXT,
    invited_by INTEGER,
    PRIMARY KEY (space_id, user_id)
);
CREATE INDEX IF NOT EXISTS space_members_user ON space_members (user_id);
"""

APPS_SCHEMA = """
CREATE TABLE IF NOT EXISTS apps (
    app_id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS apps_space ON apps (space_id);
"""

SPACE_RIGHTS = {
    "admin": [
        "view",
        "view_members",
        "update",
        "delete",
        "subscribe",
        "share",
        "add_app",
        "add_file",
        "add_task",
        "add_status",
        "add_widget",
        "add_hook",
        "add_contact",
        "add_user",
        "add_user_light",
        "add_meeting",
    ],
    "regular": [
        "view",
        "view_members",
        "subscribe",
        "share",
        "add_app",
        "add_file",
        "add_task",
        "add_status",
        "add_widget",
        "add_hook",
        "add_contact",
        "add_user",
        "add_user_light",
        "add_meeting",
    ],
    "light": ["view", "view_members", "subscribe", "add_file", "add_task", "add_status"],
    None: ["view", "join"],
}
ROLES = ("light", "regular", "admin")
_BOOL_FIELDS = ("auto_join", "post_on_new_app", "post_on_new_member")


def space_url(web_url: str, org_label: str, space_label: str) -> str:
    return f"{web_url}/{org_label}/{space_label}"


def validate_space_fields(body: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The stored columns for a create/update body; 400 for any bad value."""
    values: dict[str, Any] = {}
    if creating or "name" in body:
        values["name"] = validate_name(body.get("name"))
    if "privacy" in body:
        if body["privacy"] not in ("open", "closed"):
            raise invalid_value(
                f"Invalid value {describe(body['privacy'])}: must be open or closed"
            )
        values["privacy"] = body["privacy"]
    for key in _BOOL_FIELDS:
        if key in body:
            if not isinstance(body[key], bool):
                raise invalid_value(f"Invalid value {describe(body[key])}: {key} must be boolean")
            values[key] = int(body[key])
    if "description" in body:
        if body["description"] is not None and not isinstance(body["description"], str):
            raise invalid_value(f"Invalid value {describe(body['description'])}: must be string")
        values["description"] = body["description"]
    if "url_label" in body:
        values["url_label"] = validate_label(body["url_label"])
    return values


def create_space(
    tx: Tx, principal: Principal, body: dict[str, Any], web_url: str
) -> dict[str, Any]:
    """`POST /space/` -> `{"space_id", "url"}`; the creator becomes admin."""
    org_id = body.get("org_id")
    if not isinstance(org_id, int) or isinstance(org_id, bool):
        raise invalid_value(f"Invalid value {describe(org_id)}: org_id must be an integer")
    values = validate_space_fields(body, creating=True)
    org = require_org(tx, principal, org_id, "regular").org
    if "url_label" in values:
        if tx.one(
            "SELECT 1 FROM spaces WHERE org_id = ? AND url_label = ?", (org_id, values["url_label"])
        ):
            raise invalid_value("The url_label is already used in this organization")
    else:
        values["url_label"] = unique_label(
            tx, "spaces", slugify(values["name"]), "AND org_id = ?", (org_id,)
        )
    space_id = tx.next_id("space")
    now = tx.clock.now_str()
    tx.insert(
        "spaces",
        {
            "space_id": space_id,
            "org_id": org_id,
            "created_on": now,
            "created_by": principal.id,
            "last_activity_on": now,
            **values,
        },
    )
    tx.insert(
        "space_members",
        {
            "space_id": space_id,
            "user_id": principal.id,
            "role": "admin",
            "invited_on": now,
            "started_on": now,
            "invited_by": principal.id,
        },
    )
    tx.emit("space.create", "space", space_id, org_id=org_id)
    return {"space_id": space_id, "url": space_url(web_url, org["url_label"], values["url_label"])}


def space_mini(
    space: sqlite3.Row, role: str | None, rank: int, web_url: str, org: sqlite3.Row
) -> dict[str, Any]:
    """A space inside `GET /org/` (the keys of samples/org-list.json `spaces[]`)."""
    return {
        "premium": org["type"] != "free",
        "name": space["name"],
        "rights": list(SPACE_RIGHTS[role]),
        "url": space_url(web_url, org["url_label"], space["url_label"]),
        "url_label": space["url_label"],
        "space_id": space["space_id"],
        "role": role,
        "type": space["type"],
        "rank": rank,
    }


def space_object(
    tx: Tx, space: sqlite3.Row, role: str | None, org_role: str | None, web_url: str
) -> dict[str, Any]:
    """`GET /space/{space_id}`: the keys of samples/space-get.json, plus counts."""
    org = tx.one("SELECT * FROM orgs WHERE org_id = ?", (space["org_id"],))
    if org is None:
        raise not_found("Organization not found")
    space_id = int(space["space_id"])
    return {
        "space_id": space_id,
        "name": space["name"],
        "description": space["description"],
        "url": space_url(web_url, org["url_label"], space["url_label"]),
        "url_label": space["url_label"],
        "org_id": space["org_id"],
        "org": org_object(tx, org, org_role, web_url),
        "owner": {"type": "org", "id": space["org_id"]},
        "privacy": space["privacy"],
        "auto_join": bool(space["auto_join"]),
        "post_on_new_app": bool(space["post_on_new_app"]),
        "post_on_new_member": bool(space["post_on_new_member"]),
        "role": role,
        "rights": list(SPACE_RIGHTS[role]),
        "subscribed": role is not None,
        "premium": org["type"] != "free",
        "type": space["type"],
        "archived": False,
        "is_overdue": False,
        "video": None,
        "member_count": int(
            tx.scalar(
                "SELECT COUNT(*) FROM space_members WHERE space_id = ? AND ended_on IS NULL "
                "AND started_on IS NOT NULL",
                (space_id,),
            )
        ),
        "app_count": int(
            tx.scalar(
                "SELECT COUNT(*) FROM apps WHERE space_id = ? AND status != 'deleted'", (space_id,)
            )
        ),
        "last_activity_on": space["last_activity_on"],
        "created_on": space["created_on"],
        "created_by": user_byline(tx, int(space["created_by"]), web_url),
        "push": push(tx, f"/space/{space_id}"),
    }


def space_by_url(tx: Tx, url: str) -> sqlite3.Row:
    labels = label_from_url(url)
    if len(labels) < 2:
        raise not_found("No space has this URL")
    return space_by_labels(tx, labels[0], labels[1])


def space_by_labels(tx: Tx, org_label: str, space_label: str) -> sqlite3.Row:
    """The space with these URL labels (podio-rb's `org_slug` and `space_slug`)."""
    row = tx.one(
        "SELECT s.* FROM spaces s JOIN orgs o ON o.org_id = s.org_id "
        "WHERE o.url_label = ? AND s.url_label = ?",
        (org_label, space_label),
    )
    if row is None:
        raise not_found("No space has this URL")
    return row


def visible_spaces(tx: Tx, user_id: int, org_id: int) -> list[tuple[sqlite3.Row, str | None]]:
    """Active spaces of an organization that the user belongs to, or that are open."""
    rows = tx.query(
        "SELECT s.*, m.role AS member_role FROM spaces s LEFT JOIN space_members m "
        "ON m.space_id = s.space_id AND m.user_id = ? AND m.ended_on IS NULL "
        "AND m.started_on IS NOT NULL WHERE s.org_id = ? AND s.status = 'active' "
        "AND (m.role IS NOT NULL OR s.privacy = 'open') ORDER BY s.space_id",
        (user_id, org_id),
    )
    return [(row, row["member_role"]) for row in rows]


# -- members ---------------------------------------------------------------------------------


def _check_role(value: Any) -> str:
    if value not in ROLES:
        raise invalid_value(
            f"Invalid value {describe(value)}: role must be light, regular or admin"
        )
    return str(value)


def _id_list(body: dict[str, Any], key: str) -> list[int]:
    value = body.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise invalid_value(f"Invalid value {describe(value)}: {key} must be a list of ids")
    return list(value)


def add_members(
    tx: Tx, principal: Principal, space_id: int, body: dict[str, Any]
) -> dict[str, Any]:
    """`POST /space/{space_id}/member/`: add users (by user id, profile id or mail)."""
    role = _check_role(body.get("role", "regular"))
    user_ids = _id_list(body, "users")
    profile_ids = _id_list(body, "profiles")
    mails = body.get("mails", [])
    if not isinstance(mails, list) or not all(isinstance(m, str) and "@" in m for m in mails):
        raise invalid_value(f"Invalid value {describe(mails)}: mails must be mail addresses")
    if not (user_ids or profile_ids or mails):
        raise invalid_value("Give at least one of users, profiles or mails")
    access = require_space(tx, principal, space_id, "regular")
    if role == "admin" and access.role != "admin":
        raise forbidden("Only space admins can add admins")
    space = access.space
    targets: list[int] = []
    for user_id in user_ids:
        if users.find_user(tx, user_id) is None:
            raise not_found(f"User {user_id} not found")
        targets.append(user_id)
    for profile_id in profile_ids:
        uid = tx.scalar(
            "SELECT user_id FROM profiles WHERE profile_id = ? AND type = 'user'", (profile_id,)
        )
        if uid is None:
            raise not_found(f"Profile {profile_id} is not a user's profile")
        targets.append(int(uid))
    invited: list[int] = []
    for mail in mails:
        row = users.find_user_by_mail(tx, mail)
        if row is not None:
            targets.append(int(row["user_id"]))
        else:
            invited.append(
                users.create_user(
                    tx, mail=mail, name=mail.split("@", 1)[0], password=None, status="inactive"
                )
            )
    now = tx.clock.now_str()
    done: list[int] = []
    for user_id in [*targets, *invited]:
        if user_id in done:
            continue
        done.append(user_id)
        active = users.get_user(tx, user_id)["status"] == "active"
        add_org_member(tx, int(space["org_id"]), user_id, "regular")
        current = space_role(tx, user_id, space_id)
        if current is not None:
            continue  # already a member: the role stays (change it with PUT)
        tx.execute(
            "INSERT INTO space_members (space_id, user_id, role, invited_on, started_on, "
            "ended_on, invited_by) VALUES (?, ?, ?, ?, ?, NULL, ?) "
            "ON CONFLICT(space_id, user_id) DO UPDATE SET role = excluded.role, "
            "invited_on = excluded.invited_on, started_on = excluded.started_on, "
            "ended_on = NULL, invited_by = excluded.invited_by",
            (space_id, user_id, role, now, now if active else None, principal.id),
        )
        tx.emit("member.add", "space", space_id, user_id=user_id, role=role)
    return {"user_ids": done}


def start_pending_memberships(tx: Tx, user_id: int) -> None:
    """An invited user activated their account: their memberships start now."""
    tx.execute(
        "UPDATE space_members SET started_on = ? WHERE user_id = ? AND started_on IS NULL "
        "AND ended_on IS NULL",
        (tx.clock.now_str(), user_id),
    )


def member_row(tx: Tx, space_id: int, user_id: int) -> sqlite3.Row:
    row = tx.one(
        "SELECT * FROM space_members WHERE space_id = ? AND user_id = ?", (space_id, user_id)
    )
    if row is None:
        raise not_found("The user is not a member of the space")
    return row


def member_object(tx: Tx, row: sqlite3.Row, web_url: str) -> dict[str, Any]:
    """A space member (objects.md "Space member"): `user`, `profile`, role and dates."""
    user = users.get_user(tx, int(row["user_id"]))
    org_id = tx.scalar("SELECT org_id FROM spaces WHERE space_id = ?", (row["space_id"],))
    employee = tx.scalar(
        "SELECT employee FROM org_members WHERE org_id = ? AND user_id = ?",
        (org_id, row["user_id"]),
    )
    obj: dict[str, Any] = {
        "user": {
            "user_id": user["user_id"],
            "profile_id": user["profile_id"],
            "name": user["name"],
            "avatar": user["avatar"],
            "mail": user["mail"],
        },
        "profile": users.profile_object(tx, user, web_url),
        "role": row["role"],
        "employee": bool(employee),
        "grants": 0,
        "invited_on": row["invited_on"],
        "started_on": row["started_on"],
    }
    if row["ended_on"] is not None:
        obj["ended_on"] = row["ended_on"]
    return obj


def member_v2_object(tx: Tx, row: sqlite3.Row, web_url: str) -> dict[str, Any]:
    """An element of `GET /space/{space_id}/member/v2/`: `{user (profile), employee, role,
    grants}` (objects.md)."""
    full = member_object(tx, row, web_url)
    return {
        "user": full["profile"],
        "employee": full["employee"],
        "role": full["role"],
        "grants": 0,
    }


def admin_count(tx: Tx, space_id: int) -> int:
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM space_members WHERE space_id = ? AND role = 'admin' "
            "AND ended_on IS NULL AND started_on IS NOT NULL",
            (space_id,),
        )
    )


def change_roles(
    tx: Tx, principal: Principal, space_id: int, user_ids: list[int], role: Any
) -> None:
    """`PUT /space/{space_id}/member/{user_id}` (ids may be comma separated): admins only."""
    role = _check_role(role)
    require_space(tx, principal, space_id, "admin")
    rows = []
    for user_id in user_ids:
        row = member_row(tx, space_id, user_id)
        if row["ended_on"] is not None:
            raise not_found("The user is no longer a member of the space")
        rows.append(row)
    demoted = sum(1 for r in rows if r["role"] == "admin" and role != "admin")
    if demoted and admin_count(tx, space_id) - demoted < 1:
        raise forbidden("A space must keep at least one admin")
    for row in rows:
        tx.execute(
            "UPDATE space_members SET role = ? WHERE space_id = ? AND user_id = ?",
            (role, space_id, row["user_id"]),
        )
        tx.emit("member.role", "space", space_id, user_id=row["user_id"], role=role)


def end_memberships(tx: Tx, principal: Principal, space_id: int, user_ids: list[int]) -> None:
    """`DELETE /space/{space_id}/member/{user_id}`: admins end others' memberships; anyone
    may end their own. A space keeps at least one admin."""
    is_self = principal.type == "user" and user_ids == [principal.id]
    require_space(tx, principal, space_id, "light" if is_self else "admin")
    rows = [member_row(tx, space_id, uid) for uid in user_ids]
    active = [r for r in rows if r["ended_on"] is None]
    admins_leaving = sum(1 for r in active if r["role"] == "admin" and r["started_on"] is not None)
    if admins_leaving and admin_count(tx, space_id) - admins_leaving < 1:
        raise forbidden("A space must keep at least one admin")
    now = tx.clock.now_str()
    for row in active:
        tx.execute(
            "UPDATE space_members SET ended_on = ? WHERE space_id = ? AND user_id = ?",
            (now, space_id, row["user_id"]),
        )
        tx.emit("member.remove", "space", space_id, user_id=row["user_id"])


def join_space(tx: Tx, principal: Principal, space_id: int) -> None:
    """`POST /space/{space_id}/join`: an org member joins an open space as regular member."""
    access = require_space(tx, principal, space_id, allow_open=True)
    if access.role is not None:
        return
    now = tx.clock.now_str()
    tx.execute(
        "INSERT INTO space_members (space_id, user_id, role, invited_on, started_on, ended_on, "
        "invited_by) VALUES (?, ?, 'regular', ?, ?, NULL, ?) ON CONFLICT(space_id, user_id) "
        "DO UPDATE SET role = 'regular', started_on = excluded.started_on, ended_on = NULL",
        (space_id, principal.id, now, now, principal.id),
    )
    tx.emit("member.add", "space", space_id, user_id=principal.id, role="regular")


# -- apps (minimal) --------------------------------------------------------------------------


def create_app_record(tx: Tx, space_id: int, name: str, *, data: str = "{}") -> tuple[int, str]:
    """Insert an app row with a fresh app token; returns `(app_id, token)`.

    The applications area calls this when it creates an app, then keeps the app's definition
    in its own tables (or in `data`).
    """
    app_id = tx.next_id("app")
    token = secrets.token_hex(16)
    tx.insert(
        "apps",
        {"app_id": app_id, "space_id": space_id, "name": name, "token": token, "data": data},
    )
    return app_id, token
