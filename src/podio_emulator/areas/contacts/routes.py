"""Contacts: `/contact/...` (endpoints.tsv area `contacts`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.responses import Response

from ...access import require_app, require_org, require_space
from ...auth import Principal
from ...errors import invalid_value, not_found
from ...request import ApiRequest, describe
from ...routing import Router
from ..users.models import LIST_FIELDS
from . import models

router = Router("contacts")

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
CONTACT_TYPES = ("user", "space")


@router.post("/contact/space/{space_id}/")
def create_space_contact(req: ApiRequest) -> object:
    """`{name, mail?, phone?, ..., external_id?}` -> `{"profile_id"}` (regular members)."""
    profile_id = models.create_contact(
        req.tx, req.require_principal(), req.id("space_id"), req.json_object()
    )
    return {"profile_id": profile_id}


@router.get("/contact/{profile_ids:ids}/v2")
def get_contact(req: ApiRequest) -> object:
    """One profile, or a list for comma-separated ids."""
    principal = req.require_principal()
    ids: list[int] = req.param("profile_ids")
    out = []
    for profile_id in ids:
        row, editable = models.open_profile(req.tx, principal, profile_id)
        out.append(models.contact_object(req.tx, row, req.web_url, editable=editable))
    return out[0] if len(out) == 1 else out


@router.get("/contact/{profile_id}/vcard")
def get_contact_vcard(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, editable = models.open_profile(req.tx, principal, req.id("profile_id"))
    card = models.vcard(models.contact_object(req.tx, row, req.web_url, editable=editable))
    return Response(content=card.encode("utf-8"), headers={"Content-Type": "text/vcard"})


@router.put("/contact/{profile_id}")
def update_contact(req: ApiRequest) -> object:
    """Space contacts only (users change their own profile through `/user/profile/`)."""
    models.update_contact(req.tx, req.require_principal(), req.id("profile_id"), req.json_object())
    return None


@router.put("/contact/{profile_id}/{key}")
def update_contact_field(req: ApiRequest) -> object:
    """`{"value": ...}` for one field."""
    body = req.json_object()
    if "value" not in body:
        raise invalid_value("Invalid value null (null): value must be given")
    key = str(req.param("key"))
    if key not in models.PROFILE_KEYS:
        raise invalid_value(f"Invalid value {describe(key)}: unknown profile field")
    models.update_contact(
        req.tx, req.require_principal(), req.id("profile_id"), {key: body["value"]}
    )
    return None


@router.delete("/contact/{profile_ids:ids}")
def delete_contacts(req: ApiRequest) -> object:
    """Space contacts (comma-separated ids); all or none are deleted."""
    models.delete_contact(req.tx, req.require_principal(), req.param("profile_ids"))
    return None


# -- lists ------------------------------------------------------------------------------------


def _user_profiles(req: ApiRequest, where: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
    return req.tx.query(
        "SELECT p.* FROM profiles p JOIN users u ON u.user_id = p.user_id "  # noqa: S608 - fixed parts
        f"WHERE p.type = 'user' AND u.status = 'active' AND p.user_id IN ({where})",
        params,
    )


def _space_contacts(req: ApiRequest, space_ids: list[int]) -> list[sqlite3.Row]:
    if not space_ids:
        return []
    marks = ",".join("?" for _ in space_ids)
    return req.tx.query(
        f"SELECT * FROM profiles WHERE type = 'space' AND status = 'active' "  # noqa: S608 - marks only
        f"AND space_id IN ({marks})",
        space_ids,
    )


def _member_spaces(req: ApiRequest, principal: Principal, org_id: int | None) -> list[int]:
    sql = (
        "SELECT s.space_id FROM spaces s JOIN space_members m ON m.space_id = s.space_id "
        "WHERE s.status = 'active' AND m.user_id = ? AND m.ended_on IS NULL "
        "AND m.started_on IS NOT NULL"
    )
    params: list[Any] = [principal.id]
    if org_id is not None:
        sql += " AND s.org_id = ?"
        params.append(org_id)
    return [int(r["space_id"]) for r in req.tx.query(sql, params)]


def _editable_spaces(req: ApiRequest, principal: Principal) -> set[int]:
    if principal.type != "user":
        return set()
    rows = req.tx.query(
        "SELECT space_id FROM space_members WHERE user_id = ? AND ended_on IS NULL "
        "AND started_on IS NOT NULL AND role IN ('regular', 'admin')",
        (principal.id,),
    )
    return {int(r["space_id"]) for r in rows}


def _listed(
    req: ApiRequest, users: list[sqlite3.Row], contacts: list[sqlite3.Row]
) -> list[dict[str, Any]]:
    """Filtered, sorted by name and paged: `contact_type` (`user,space`), `name` (part of the
    name, any case), `external_id`, `exclude_self`, `limit` (100, at most 500), `offset`."""
    principal = req.require_principal()
    kinds = (req.query_str("contact_type") or "user,space").split(",")
    if not all(k in CONTACT_TYPES for k in kinds):
        raise invalid_value(
            f"Invalid value {describe(req.query_str('contact_type'))}: contact_type must be "
            "user and/or space"
        )
    rows = (users if "user" in kinds else []) + (contacts if "space" in kinds else [])
    if req.query_bool("exclude_self", False) and principal.type == "user":
        rows = [r for r in rows if r["user_id"] != principal.id]
    external_id = req.query_str("external_id")
    if external_id is not None:
        rows = [r for r in rows if r["external_id"] == external_id]
    editable = _editable_spaces(req, principal)
    seen: set[int] = set()
    out = []
    for row in rows:
        if int(row["profile_id"]) in seen:
            continue
        seen.add(int(row["profile_id"]))
        out.append(
            models.contact_object(req.tx, row, req.web_url, editable=row["space_id"] in editable)
        )
    name = (req.query_str("name") or "").strip().lower()
    if name:
        out = [c for c in out if name in str(c.get("name") or "").lower()]
    out.sort(key=lambda c: (str(c.get("name") or "").lower(), int(c["profile_id"])))
    limit = req.query_int("limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    offset = req.query_int("offset", 0, minimum=0)
    return out[offset : offset + limit]


@router.get("/contact/space/{space_id}", slash="both")
def get_space_contacts(req: ApiRequest) -> object:
    """The space's members and its space contacts."""
    space_id = req.id("space_id")
    require_space(req.tx, req.require_principal(), space_id, "light", allow_open=True)
    users = _user_profiles(
        req,
        "SELECT user_id FROM space_members WHERE space_id = ? AND ended_on IS NULL "
        "AND started_on IS NOT NULL",
        (space_id,),
    )
    return _listed(req, users, _space_contacts(req, [space_id]))


@router.get("/contact/app/{app_id}/")
def get_space_contacts_on_app(req: ApiRequest) -> object:
    """The space contacts of the app's space."""
    access = require_app(req.tx, req.require_principal(), req.id("app_id"), "light")
    return _listed(req, [], _space_contacts(req, [int(access.app["space_id"])]))


@router.get("/contact/org/{org_id}")
def get_organization_contacts(req: ApiRequest) -> object:
    """The organization's members and the space contacts of its spaces the caller is in."""
    principal = req.require_principal()
    org_id = req.id("org_id")
    require_org(req.tx, principal, org_id)
    users = _user_profiles(
        req, "SELECT user_id FROM org_members WHERE org_id = ? AND ended_on IS NULL", (org_id,)
    )
    return _listed(req, users, _space_contacts(req, _member_spaces(req, principal, org_id)))


@router.get("/contact/", auth="user")
def get_contacts(req: ApiRequest) -> object:
    """Everyone the caller shares an organization or a space with, and the space contacts of
    the caller's spaces."""
    principal = req.require_principal()
    users = _user_profiles(
        req,
        "SELECT b.user_id FROM org_members a JOIN org_members b ON a.org_id = b.org_id "
        "WHERE a.user_id = ? AND a.ended_on IS NULL AND b.ended_on IS NULL "
        "UNION SELECT b.user_id FROM space_members a JOIN space_members b "
        "ON a.space_id = b.space_id WHERE a.user_id = ? AND a.ended_on IS NULL "
        "AND b.ended_on IS NULL UNION SELECT ?",
        (principal.id, principal.id, principal.id),
    )
    return _listed(req, users, _space_contacts(req, _member_spaces(req, principal, None)))


def _user_profile_row(req: ApiRequest) -> sqlite3.Row:
    profile_id = req.tx.scalar(
        "SELECT profile_id FROM users WHERE user_id = ?", (req.id("user_id"),)
    )
    if profile_id is None:
        raise not_found("User not found")
    row, _editable = models.open_profile(req.tx, req.require_principal(), int(profile_id))
    return row


@router.get("/contact/user/{user_id}")
def get_user_contact(req: ApiRequest) -> object:
    return models.contact_object(req.tx, _user_profile_row(req), req.web_url)


@router.get("/contact/user/{user_id}/{key}")
def get_user_contact_field(req: ApiRequest) -> object:
    """The field's values as a list (empty when unset)."""
    key = str(req.param("key"))
    if key not in models.PROFILE_KEYS:
        raise invalid_value(f"Invalid value {describe(key)}: unknown profile field")
    contact = models.contact_object(req.tx, _user_profile_row(req), req.web_url)
    value = contact.get(key)
    if value is None:
        return []
    return list(value) if key in LIST_FIELDS else [value]
