"""Organizations and their members.

Rules: any user may create an organization and becomes its `admin` (and an employee). Members
of an organization have the role `admin` or `regular`; admins change the organization and end
memberships. Ending a membership also ends the user's memberships of the organization's spaces.
`user_limit` caps the number of members (a space invite beyond it is 403: objects.md "Space
member").
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from ...db import Tx, loads
from ...errors import forbidden, invalid_value, not_found
from ...request import describe
from ...shapes import file_image, user_byline

__all__ = [
    "ORG_RIGHTS",
    "SCHEMA",
    "add_org_member",
    "create_org",
    "end_org_membership",
    "member_count",
    "org_by_url",
    "org_list_entry",
    "org_member_object",
    "org_object",
    "org_url",
    "unique_label",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS orgs (
    org_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    url_label TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL DEFAULT 'free',
    status TEXT NOT NULL DEFAULT 'active',
    logo INTEGER,
    segment TEXT,
    segment_size TEXT,
    user_limit INTEGER NOT NULL DEFAULT 500,
    domains TEXT NOT NULL DEFAULT '[]',
    contract_status TEXT NOT NULL DEFAULT 'none',
    sales_agent_id INTEGER,
    created_on TEXT NOT NULL,
    created_by INTEGER
);
CREATE TABLE IF NOT EXISTS org_members (
    org_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    employee INTEGER NOT NULL DEFAULT 0,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX IF NOT EXISTS org_members_user ON org_members (user_id);
"""

# Rights by role; the admin list is the one of samples/org-list.json.
ORG_RIGHTS = {
    "admin": [
        "view",
        "update",
        "add_space",
        "add_conversation",
        "add_widget",
        "statistics",
        "view_admins",
    ],
    "regular": ["view", "add_space", "add_conversation", "view_admins"],
}


def slugify(name: str) -> str:
    """Podio's url labels: lower-case letters and digits only ("Planet Express" ->
    "planetexpress", as in samples/org-list.json)."""
    label = re.sub(r"[^a-z0-9]+", "", name.lower())
    return label or "org"


def unique_label(
    tx: Tx, table: str, base: str, scope_sql: str = "", params: tuple[Any, ...] = ()
) -> str:
    """`base`, or `base2`, `base3`... whichever is free in `table` (within `scope_sql`)."""
    label = base
    n = 1
    while tx.one(
        f"SELECT 1 FROM {table} WHERE url_label = ? {scope_sql}",  # noqa: S608 - names from code
        (label, *params),
    ):
        n += 1
        label = f"{base}{n}"
    return label


def org_url(web_url: str, url_label: str) -> str:
    return f"{web_url}/{url_label}"


def validate_name(value: Any, what: str = "name") -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid_value(f"Invalid value {describe(value)}: {what} must be a non-empty string")
    if len(value) > 255:
        raise invalid_value(
            f"Invalid value {describe(value)}: {what} is longer than 255 characters"
        )
    return value.strip()


def validate_label(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", value):
        raise invalid_value(
            f"Invalid value {describe(value)}: url_label must be lower-case letters, digits, '-'"
        )
    return value


def create_org(tx: Tx, user_id: int, body: dict[str, Any]) -> int:
    """Create an organization owned by `user_id`; returns its id."""
    name = validate_name(body.get("name"))
    logo = body.get("logo")
    if logo is not None and (not isinstance(logo, int) or isinstance(logo, bool)):
        raise invalid_value(f"Invalid value {describe(logo)}: logo must be a file id")
    if "url_label" in body:
        label = validate_label(body["url_label"])
        if tx.one("SELECT 1 FROM orgs WHERE url_label = ?", (label,)):
            raise invalid_value(f"Invalid value {describe(label)}: url_label is already taken")
    else:
        label = unique_label(tx, "orgs", slugify(name))
    org_id = tx.next_id("org")
    now = tx.clock.now_str()
    tx.insert(
        "orgs",
        {
            "org_id": org_id,
            "name": name,
            "url_label": label,
            "logo": logo,
            "created_on": now,
            "created_by": user_id,
        },
    )
    add_org_member(tx, org_id, user_id, "admin", employee=True)
    tx.emit("org.create", "org", org_id)
    return org_id


def add_org_member(
    tx: Tx, org_id: int, user_id: int, role: str = "regular", *, employee: bool = False
) -> None:
    """Make `user_id` a member (or member again); an active member keeps the higher role.

    403 when the organization is full (`user_limit`).
    """
    row = tx.one(
        "SELECT role, ended_on FROM org_members WHERE org_id = ? AND user_id = ?", (org_id, user_id)
    )
    if row is not None and row["ended_on"] is None:
        if role == "admin" and row["role"] != "admin":
            tx.execute(
                "UPDATE org_members SET role = 'admin' WHERE org_id = ? AND user_id = ?",
                (org_id, user_id),
            )
        return
    limit = int(tx.scalar("SELECT user_limit FROM orgs WHERE org_id = ?", (org_id,)) or 0)
    if member_count(tx, org_id) >= limit:
        raise forbidden(
            "The organization has reached its user limit", parameters={"user_limit": limit}
        )
    tx.execute(
        "INSERT INTO org_members (org_id, user_id, role, employee, started_on, ended_on) "
        "VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT(org_id, user_id) DO UPDATE SET "
        "role = excluded.role, employee = excluded.employee, started_on = excluded.started_on, "
        "ended_on = NULL",
        (org_id, user_id, role, int(employee), tx.clock.now_str()),
    )


def end_org_membership(tx: Tx, org_id: int, user_id: int) -> None:
    """End the membership, and with it every space membership in the organization."""
    now = tx.clock.now_str()
    tx.execute(
        "UPDATE org_members SET ended_on = ? WHERE org_id = ? AND user_id = ? AND ended_on IS NULL",
        (now, org_id, user_id),
    )
    tx.execute(
        "UPDATE space_members SET ended_on = ? WHERE user_id = ? AND ended_on IS NULL "
        "AND space_id IN (SELECT space_id FROM spaces WHERE org_id = ?)",
        (now, user_id, org_id),
    )


def member_count(tx: Tx, org_id: int) -> int:
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM org_members WHERE org_id = ? AND ended_on IS NULL", (org_id,)
        )
    )


def org_object(tx: Tx, org: sqlite3.Row, role: str | None, web_url: str) -> dict[str, Any]:
    """An organization as embedded in a space (the keys of samples/space-get.json `org`)."""
    return {
        "org_id": org["org_id"],
        "name": org["name"],
        "url": org_url(web_url, org["url_label"]),
        "url_label": org["url_label"],
        "status": org["status"],
        "type": org["type"],
        "premium": org["type"] != "free",
        "logo": org["logo"],
        "image": file_image(org["logo"]),
        "segment": org["segment"],
        "segment_size": org["segment_size"],
        "contract_status": org["contract_status"],
        "sales_agent_id": org["sales_agent_id"],
        "user_limit": org["user_limit"],
        "grants_count": 0,
        "domains": loads(org["domains"], []),
        "role": role,
        "rights": list(ORG_RIGHTS.get(role or "", [])),
    }


def org_full(tx: Tx, org: sqlite3.Row, role: str | None, web_url: str) -> dict[str, Any]:
    """`GET /org/{org_id}`: the embedded shape plus counts, creation and rank."""
    obj = org_object(tx, org, role, web_url)
    obj.update(
        {
            "member_count": member_count(tx, int(org["org_id"])),
            "contact_count": 0,
            "tier": "free" if org["type"] == "free" else "plus",
            "rank": 1,
            "trial_expired_on": None,
            "created_on": org["created_on"],
            "created_by": user_byline(tx, int(org["created_by"] or 0), web_url),
        }
    )
    return obj


def org_list_entry(
    org: sqlite3.Row, role: str, spaces: list[dict[str, Any]], rank: int, web_url: str
) -> dict[str, Any]:
    """One element of `GET /org/`: exactly the keys of samples/org-list.json."""
    return {
        "status": org["status"],
        "premium": org["type"] != "free",
        "url_label": org["url_label"],
        "image": file_image(org["logo"]),
        "rank": rank,
        "spaces": spaces,
        "logo": org["logo"],
        "segment": org["segment"],
        "contract_status": org["contract_status"],
        "name": org["name"],
        "rights": list(ORG_RIGHTS.get(role, [])),
        "url": org_url(web_url, org["url_label"]),
        "org_id": org["org_id"],
        "role": role,
        "domains": loads(org["domains"], []),
        "type": org["type"],
        "segment_size": org["segment_size"],
    }


def org_member_object(tx: Tx, org_id: int, user_id: int, web_url: str) -> dict[str, Any]:
    """`GET /org/{org_id}/member/{user_id}` (objects.md "Org member")."""
    from ..users.models import get_user, profile_object

    row = tx.one(
        "SELECT * FROM org_members WHERE org_id = ? AND user_id = ? AND ended_on IS NULL",
        (org_id, user_id),
    )
    if row is None:
        raise not_found("The user is not a member of the organization")
    user = get_user(tx, user_id)
    invited = int(
        tx.scalar(
            "SELECT COUNT(*) FROM space_members m JOIN spaces s ON s.space_id = m.space_id "
            "WHERE s.org_id = ? AND m.user_id = ? AND m.ended_on IS NULL "
            "AND m.started_on IS NULL AND s.status = 'active'",
            (org_id, user_id),
        )
    )
    started = int(
        tx.scalar(
            "SELECT COUNT(*) FROM space_members m JOIN spaces s ON s.space_id = m.space_id "
            "WHERE s.org_id = ? AND m.user_id = ? AND m.ended_on IS NULL "
            "AND m.started_on IS NOT NULL AND s.status = 'active'",
            (org_id, user_id),
        )
    )
    return {
        "user": {"user_id": user["user_id"], "mail": user["mail"]},
        "profile": profile_object(tx, user, web_url),
        "employee": bool(row["employee"]),
        "role": row["role"],
        "tier": "free",
        "spaces": {"invited": invited, "started": started},
    }


def org_by_url(tx: Tx, url: str) -> sqlite3.Row:
    """The organization a URL points to: `https://podio.com/<label>[/...]` or the older
    `https://<label>.podio.com/` form (samples/org-list.json, 2012)."""
    return org_by_label(tx, label_from_url(url)[0])


def org_by_label(tx: Tx, label: str) -> sqlite3.Row:
    """The organization with this URL label (podio-rb's `org_slug`)."""
    row = tx.one("SELECT * FROM orgs WHERE url_label = ?", (label,))
    if row is None:
        raise not_found("No organization has this URL")
    return row


def label_from_url(url: str) -> list[str]:
    """The url labels in a Podio web URL, organization first."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    path = [p for p in parts.path.split("/") if p]
    host = (parts.hostname or "").lower()
    labels: list[str] = []
    if host.endswith(".podio.com") and host.count(".") == 2 and not host.startswith("www."):
        labels.append(host.split(".", 1)[0])
    labels.extend(path)
    if not labels:
        raise invalid_value(f"Invalid value {describe(url)}: not an organization URL")
    return labels
