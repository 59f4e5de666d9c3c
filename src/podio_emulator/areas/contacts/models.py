"""Contacts: people's profiles and space contacts (objects.md "Profile / contact").

A space contact is a profile (`profiles.type = 'space'`) that belongs to a space: regular
members and admins add, change and delete them (the `add_contact` right), members read them.
They can be the value of item contact fields like users' profiles. A user's profile is read
by people who share an organization with them, and changed only by its owner (`/user/profile/`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from ...access import require_space, role_at_least
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import forbidden, gone, invalid_value, not_found
from ...request import describe
from ...shapes import file_image
from ..users.models import LIST_FIELDS, SINGLE_FIELDS, profile_object, validate_profile_value

__all__ = [
    "contact_object",
    "create_contact",
    "delete_contact",
    "open_profile",
    "update_contact",
]

PROFILE_KEYS = (*LIST_FIELDS, *SINGLE_FIELDS, "avatar")
_RIGHTS_EDIT = ["view", "update", "delete"]
_RIGHTS_READ = ["view"]


def _clean(body: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """Known profile fields, validated; other keys are ignored (AREAS.md §3)."""
    out: dict[str, Any] = {}
    for key in PROFILE_KEYS:
        if key in body:
            out[key] = validate_profile_value(key, body[key])
    if creating and not (isinstance(out.get("name"), str) and out["name"].strip()):
        raise invalid_value(f"Invalid value {describe(body.get('name'))}: name must be given")
    if "name" in out and out["name"] is not None:
        out["name"] = out["name"].strip()
    return out


def _external_id(body: Mapping[str, Any]) -> str | None:
    value = body.get("external_id")
    if value is not None and not isinstance(value, str):
        raise invalid_value(f"Invalid value {describe(value)}: external_id must be string")
    return value


def create_contact(tx: Tx, principal: Principal, space_id: int, body: Mapping[str, Any]) -> int:
    """`POST /contact/space/{space_id}/`: a new space contact -> its profile id."""
    access = require_space(tx, principal, space_id, "regular")
    values = {k: v for k, v in _clean(body, creating=True).items() if v not in (None, [])}
    profile_id = tx.next_id("profile")
    tx.insert(
        "profiles",
        {
            "profile_id": profile_id,
            "type": "space",
            "space_id": space_id,
            "org_id": access.space["org_id"],
            "external_id": _external_id(body),
            "data": dumps(values),
            "created_on": tx.clock.now_str(),
            "created_by": principal.id if principal.type == "user" else None,
        },
    )
    return profile_id


def _profile_row(tx: Tx, profile_id: int) -> sqlite3.Row:
    row = tx.one("SELECT * FROM profiles WHERE profile_id = ?", (profile_id,))
    if row is None:
        raise not_found("Contact not found")
    if row["status"] == "deleted":
        raise gone("The contact has been deleted")
    return row


def _shares_org(tx: Tx, principal: Principal, user_id: int) -> bool:
    if principal.type != "user":
        return False
    if principal.id == user_id:
        return True
    found = tx.scalar(
        "SELECT 1 FROM org_members a JOIN org_members b ON a.org_id = b.org_id "
        "WHERE a.user_id = ? AND b.user_id = ? AND a.ended_on IS NULL AND b.ended_on IS NULL",
        (principal.id, user_id),
    )
    if found:
        return True
    shared_space = tx.scalar(
        "SELECT 1 FROM space_members a JOIN space_members b ON a.space_id = b.space_id "
        "WHERE a.user_id = ? AND b.user_id = ? AND a.ended_on IS NULL AND b.ended_on IS NULL",
        (principal.id, user_id),
    )
    return bool(shared_space)


def open_profile(tx: Tx, principal: Principal, profile_id: int) -> tuple[sqlite3.Row, bool]:
    """`(profile row, may change it)` if the caller may read the profile (404/410/403)."""
    row = _profile_row(tx, profile_id)
    if row["type"] == "user":
        if not _shares_org(tx, principal, int(row["user_id"])):
            raise forbidden("You do not share an organization with this user")
        return row, False
    access = require_space(tx, principal, int(row["space_id"]), "light", allow_open=True)
    return row, role_at_least(access.role, "regular")


def _link(tx: Tx, row: sqlite3.Row, web_url: str) -> str:
    space = tx.one(
        "SELECT s.url_label, o.url_label AS org_label FROM spaces s "
        "JOIN orgs o ON o.org_id = s.org_id WHERE s.space_id = ?",
        (row["space_id"],),
    )
    if space is None:
        return f"{web_url}/contacts/{row['profile_id']}"
    return f"{web_url}/{space['org_label']}/{space['url_label']}/contacts/{row['profile_id']}"


def contact_object(
    tx: Tx, row: sqlite3.Row, web_url: str, *, editable: bool = False
) -> dict[str, Any]:
    """A profile as the contacts calls show it; space contacts have the keys item contact
    values show (items/resolver.py) plus `avatar`."""
    if row["type"] == "user":
        user = tx.one("SELECT * FROM users WHERE user_id = ?", (row["user_id"],))
        if user is None:
            raise not_found("Contact not found")
        return profile_object(tx, user, web_url)
    data = loads(row["data"], {}) or {}
    avatar = data.get("avatar")
    out: dict[str, Any] = {
        "profile_id": row["profile_id"],
        "user_id": None,
        "space_id": row["space_id"],
        "org_id": row["org_id"],
        "type": "space",
        "name": data.get("name") or "",
        "avatar": avatar,
        "image": file_image(avatar),
        "link": _link(tx, row, web_url),
        "external_id": row["external_id"],
        "last_seen_on": None,
        "rights": list(_RIGHTS_EDIT if editable else _RIGHTS_READ),
    }
    for key in LIST_FIELDS:
        if data.get(key):
            out[key] = list(data[key])
    for key in SINGLE_FIELDS:
        if key != "name" and data.get(key) is not None:
            out[key] = data[key]
    return out


def _require_change(tx: Tx, principal: Principal, profile_id: int) -> sqlite3.Row:
    row, editable = open_profile(tx, principal, profile_id)
    if row["type"] == "user":
        raise forbidden("A user's profile is changed by its owner through /user/profile/")
    if not editable:
        raise forbidden("Changing space contacts requires the regular role in the space")
    return row


def update_contact(tx: Tx, principal: Principal, profile_id: int, body: Mapping[str, Any]) -> None:
    """Fields given change (null or [] removes one); `external_id` too."""
    row = _require_change(tx, principal, profile_id)
    data = loads(row["data"], {}) or {}
    for key, value in _clean(body, creating=False).items():
        if key == "name" and not value:
            raise invalid_value("Invalid value null (null): name must not be removed")
        if value is None or value == []:
            data.pop(key, None)
        else:
            data[key] = value
    updates: dict[str, Any] = {"data": dumps(data)}
    if "external_id" in body:
        updates["external_id"] = _external_id(body)
    tx.update("profiles", updates, "profile_id = ?", (profile_id,))


def delete_contact(tx: Tx, principal: Principal, profile_ids: Iterable[int]) -> None:
    """Space contacts answer 410 afterwards; all ids are checked before any is deleted."""
    rows = [_require_change(tx, principal, p) for p in dict.fromkeys(profile_ids)]
    for row in rows:
        tx.update("profiles", {"status": "deleted"}, "profile_id = ?", (row["profile_id"],))


def vcard(contact: Mapping[str, Any]) -> str:
    """A vCard 3.0 of a contact (`GET /contact/{profile_id}/vcard`)."""

    def esc(text: Any) -> str:
        return (
            str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n")
        )  # fmt: skip

    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{esc(contact.get('name') or '')}"]
    lines.append(f"N:{esc(contact.get('name') or '')};;;;")
    for mail in contact.get("mail") or []:
        lines.append(f"EMAIL;TYPE=INTERNET:{esc(mail)}")
    for phone in contact.get("phone") or []:
        lines.append(f"TEL:{esc(phone)}")
    for address in contact.get("address") or []:
        lines.append(f"ADR:;;{esc(address)};;;;")
    for title in contact.get("title") or []:
        lines.append(f"TITLE:{esc(title)}")
    if contact.get("organization"):
        lines.append(f"ORG:{esc(contact['organization'])}")
    for url in contact.get("url") or []:
        lines.append(f"URL:{esc(url)}")
    if contact.get("birthdate"):
        lines.append(f"BDAY:{contact['birthdate']}")
    lines.append(f"UID:podio-profile-{contact.get('profile_id')}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
