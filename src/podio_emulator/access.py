"""Rights: who may see or change an organization, a space or an app.

Podio's answers, reproduced here once for every area:

- 404 `not_found` when the object never existed;
- 410 `gone` when it was deleted;
- 403 `forbidden` when the caller is authenticated but not a member, or a member whose role is
  too low for the operation.

Roles: spaces have `light` < `regular` < `admin`; organizations have `regular` < `admin`.
App tokens (`Principal.type == "app"`) reach only their own app (auth.md §10): on their app
they act with the `regular` role; on the app's space they may only read (`light`); anything
else is 403. Trusted clients without a user token get 403 on all of it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .auth import Principal
from .db import Tx
from .errors import forbidden, gone, not_found

__all__ = [
    "ORG_ROLES",
    "SPACE_ROLES",
    "AppAccess",
    "OrgAccess",
    "SpaceAccess",
    "app_row",
    "org_role",
    "org_row",
    "require_app",
    "require_org",
    "require_space",
    "role_at_least",
    "space_role",
    "space_row",
]

SPACE_ROLES = ("light", "regular", "admin")
ORG_ROLES = ("regular", "admin")
_RANK = {"light": 1, "regular": 2, "admin": 3}


def role_at_least(role: str | None, required: str) -> bool:
    """True when `role` is `required` or higher (None is below every role)."""
    return role is not None and _RANK[role] >= _RANK[required]


@dataclass(frozen=True)
class OrgAccess:
    org: sqlite3.Row
    role: str | None  # None: not a member (only for trusted reads)


@dataclass(frozen=True)
class SpaceAccess:
    space: sqlite3.Row
    role: str | None  # None: an org member looking at an open space they have not joined
    org_role: str | None


@dataclass(frozen=True)
class AppAccess:
    app: sqlite3.Row
    space: SpaceAccess


def org_row(tx: Tx, org_id: int) -> sqlite3.Row:
    """The organization row; 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM orgs WHERE org_id = ?", (org_id,))
    if row is None:
        raise not_found("Organization not found")
    if row["status"] == "deleted":
        raise gone("The organization has been deleted")
    return row


def space_row(tx: Tx, space_id: int) -> sqlite3.Row:
    """The space row; 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM spaces WHERE space_id = ?", (space_id,))
    if row is None:
        raise not_found("Space not found")
    if row["status"] == "deleted":
        raise gone("The space has been deleted")
    return row


def app_row(tx: Tx, app_id: int) -> sqlite3.Row:
    """The app row (minimal `apps` table); 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM apps WHERE app_id = ?", (app_id,))
    if row is None:
        raise not_found("App not found")
    if row["status"] == "deleted":
        raise gone("The app has been deleted")
    return row


def org_role(tx: Tx, user_id: int, org_id: int) -> str | None:
    """The user's role in the organization (`admin`/`regular`), or None."""
    value = tx.scalar(
        "SELECT role FROM org_members WHERE org_id = ? AND user_id = ? AND ended_on IS NULL",
        (org_id, user_id),
    )
    return None if value is None else str(value)


def space_role(tx: Tx, user_id: int, space_id: int) -> str | None:
    """The user's role in the space (`admin`/`regular`/`light`) if an active member."""
    value = tx.scalar(
        "SELECT role FROM space_members WHERE space_id = ? AND user_id = ? "
        "AND ended_on IS NULL AND started_on IS NOT NULL",
        (space_id, user_id),
    )
    return None if value is None else str(value)


def require_org(tx: Tx, principal: Principal, org_id: int, role: str = "regular") -> OrgAccess:
    """The organization if the caller has at least `role` in it (404/410/403 otherwise)."""
    org = org_row(tx, org_id)
    if principal.type != "user":
        raise forbidden(f"A {principal.type} token has no access to organizations")
    current = org_role(tx, principal.id, org_id)
    if current is None:
        raise forbidden("You are not a member of this organization")
    if not role_at_least(current, role):
        raise forbidden(f"This requires the {role} role in the organization")
    return OrgAccess(org, current)


def require_space(
    tx: Tx,
    principal: Principal,
    space_id: int,
    role: str = "light",
    *,
    allow_open: bool = False,
) -> SpaceAccess:
    """The space if the caller has at least `role` in it.

    `allow_open=True` also lets members of the organization read an open space they have
    not joined (`SpaceAccess.role` is then None).
    """
    space = space_row(tx, space_id)
    if principal.type == "app":
        own = tx.scalar("SELECT space_id FROM apps WHERE app_id = ?", (principal.id,))
        if own == space_id and role == "light":
            return SpaceAccess(space, "light", None)
        raise forbidden("An app token can only access its own app")
    if principal.type != "user":
        raise forbidden(f"A {principal.type} token has no access to spaces")
    current = space_role(tx, principal.id, space_id)
    current_org = org_role(tx, principal.id, int(space["org_id"]))
    if current is None:
        if allow_open and space["privacy"] == "open" and current_org is not None:
            return SpaceAccess(space, None, current_org)
        raise forbidden("You are not a member of this space")
    if not role_at_least(current, role):
        raise forbidden(f"This requires the {role} role in the space")
    return SpaceAccess(space, current, current_org)


def require_app(tx: Tx, principal: Principal, app_id: int, role: str = "light") -> AppAccess:
    """The app if the caller may use it with at least `role` on its space.

    An app token reaches its own app only, acting as a `regular` member; `admin` operations
    (e.g. deleting the app) are refused to it.
    """
    app = app_row(tx, app_id)
    if principal.type == "app":
        if principal.id != app_id:
            raise forbidden("An app token can only access its own app")
        if not role_at_least("regular", role):
            raise forbidden("An app token cannot do this")
        return AppAccess(app, SpaceAccess(space_row(tx, int(app["space_id"])), "regular", None))
    access = require_space(tx, principal, int(app["space_id"]), role)
    return AppAccess(app, access)
