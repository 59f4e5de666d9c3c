"""Organizations: `/org/...` operations (endpoints.tsv area `organizations`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from ...access import org_row, require_org
from ...errors import forbidden, invalid_value
from ...request import ApiRequest, Reply, describe
from ...routing import Router
from ..spaces import models as spaces
from . import models

router = Router("organizations")
control = Router("organizations")


def _member_spaces(req: ApiRequest, org: sqlite3.Row) -> list[dict[str, Any]]:
    user_id = req.require_user()
    org_id = int(org["org_id"])
    mine = [(s, r) for s, r in spaces.visible_spaces(req.tx, user_id, org_id) if r is not None]
    count = len(mine)
    return [
        spaces.space_mini(space, role, count - i, req.web_url, org)
        for i, (space, role) in enumerate(mine)
    ]


@router.get("/org/", auth="user")
def get_organizations(req: ApiRequest) -> object:
    """The caller's organizations with the spaces they are a member of (samples/org-list.json)."""
    user_id = req.require_user()
    rows = req.tx.query(
        "SELECT o.*, m.role AS member_role FROM orgs o JOIN org_members m ON m.org_id = o.org_id "
        "WHERE m.user_id = ? AND m.ended_on IS NULL AND o.status = 'active' ORDER BY o.org_id",
        (user_id,),
    )
    count = len(rows)
    return [
        models.org_list_entry(
            row,
            row["member_role"],
            _member_spaces(req, row),
            count - i,
            req.web_url,
        )
        for i, row in enumerate(rows)
    ]


@router.post("/org/", auth="user")
def add_new_organization(req: ApiRequest) -> object:
    """Body `{"name", "logo"?, "url_label"?}` -> `{"org_id", "url"}`."""
    user_id = req.require_user()
    org_id = models.create_org(req.tx, user_id, req.json_object())
    label = req.tx.scalar("SELECT url_label FROM orgs WHERE org_id = ?", (org_id,))
    return {"org_id": org_id, "url": models.org_url(req.web_url, label)}


@router.get("/org/url", auth="user")
def get_organization_by_url(req: ApiRequest) -> object:
    """`?url=` (the documented form), or `?org_slug=`: the URL label, as podio-rb's
    `Organization.find_by_url_slug` sends it."""
    url, org_slug = req.query_str("url"), req.query_str("org_slug")
    if url:
        org = models.org_by_url(req.tx, url)
    elif org_slug:
        org = models.org_by_label(req.tx, org_slug)
    else:
        raise invalid_value("The url parameter (or org_slug) is required")
    access = require_org(req.tx, req.require_principal(), int(org["org_id"]))
    return models.org_full(req.tx, access.org, access.role, req.web_url)


@router.get("/org/{org_id}", auth="user")
def get_organization(req: ApiRequest) -> object:
    access = require_org(req.tx, req.require_principal(), req.id("org_id"))
    return models.org_full(req.tx, access.org, access.role, req.web_url)


@router.put("/org/{org_id}", auth="user")
def update_organization(req: ApiRequest) -> object:
    """Admins change `name`, `logo` and `url_label`."""
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id, "admin")
    body = req.json_object()
    values: dict[str, Any] = {}
    if "name" in body:
        values["name"] = models.validate_name(body["name"])
    if "logo" in body:
        logo = body["logo"]
        if logo is not None and (not isinstance(logo, int) or isinstance(logo, bool)):
            raise invalid_value(f"Invalid value {describe(logo)}: logo must be a file id")
        values["logo"] = logo
    if "url_label" in body:
        label = models.validate_label(body["url_label"])
        if req.tx.one("SELECT 1 FROM orgs WHERE url_label = ? AND org_id != ?", (label, org_id)):
            raise invalid_value(f"Invalid value {describe(label)}: url_label is already taken")
        values["url_label"] = label
    req.tx.update("orgs", values, "org_id = ?", (org_id,))
    return None


@router.get("/org/{org_id}/space/", auth="user")
def get_spaces_on_organization(req: ApiRequest) -> object:
    """Spaces of the organization the caller is a member of, or that are open."""
    org_id = req.id("org_id")
    access = require_org(req.tx, req.require_principal(), org_id)
    found = spaces.visible_spaces(req.tx, req.require_user(), org_id)
    return [
        spaces.space_mini(space, role, len(found) - i, req.web_url, access.org)
        for i, (space, role) in enumerate(found)
    ]


@router.get("/org/{org_id}/all_spaces/", auth="user")
def get_all_spaces_on_organization(req: ApiRequest) -> object:
    """Every active space of the organization (admins only)."""
    org_id = req.id("org_id")
    access = require_org(req.tx, req.require_principal(), org_id, "admin")
    user_id = req.require_user()
    rows = req.tx.query(
        "SELECT s.*, m.role AS member_role FROM spaces s LEFT JOIN space_members m "
        "ON m.space_id = s.space_id AND m.user_id = ? AND m.ended_on IS NULL "
        "AND m.started_on IS NOT NULL WHERE s.org_id = ? AND s.status = 'active' "
        "ORDER BY s.space_id",
        (user_id, org_id),
    )
    return [
        spaces.space_mini(row, row["member_role"], len(rows) - i, req.web_url, access.org)
        for i, row in enumerate(rows)
    ]


@router.get("/org/{org_id}/member/", auth="user")
def get_organization_members(req: ApiRequest) -> object:
    """Members of the organization (`limit` default 100, `offset`)."""
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id)
    limit = req.query_int("limit", 100, minimum=1, maximum=500)
    offset = req.query_int("offset", 0, minimum=0)
    rows = req.tx.query(
        "SELECT user_id FROM org_members WHERE org_id = ? AND ended_on IS NULL "
        "ORDER BY user_id LIMIT ? OFFSET ?",
        (org_id, limit, offset),
    )
    return [models.org_member_object(req.tx, org_id, int(r["user_id"]), req.web_url) for r in rows]


@router.get("/org/{org_id}/member/{user_id}", auth="user")
def get_organization_member(req: ApiRequest) -> object:
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id)
    return models.org_member_object(req.tx, org_id, req.id("user_id"), req.web_url)


@router.delete("/org/{org_id}/member/{user_id}", auth="user")
def end_organization_membership(req: ApiRequest) -> object:
    """Admins end a membership (and the user's space memberships in the organization)."""
    org_id = req.id("org_id")
    user_id = req.id("user_id")
    require_org(req.tx, req.require_principal(), org_id, "admin")
    _keep_an_admin(req, org_id, [user_id])
    models.org_member_object(req.tx, org_id, user_id, req.web_url)  # 404 for non-members
    models.end_org_membership(req.tx, org_id, user_id)
    return None


@router.post("/org/{org_id}/leave", auth="user")
def leave_organization(req: ApiRequest) -> object:
    org_id = req.id("org_id")
    user_id = req.require_user()
    require_org(req.tx, req.require_principal(), org_id)
    _keep_an_admin(req, org_id, [user_id])
    models.end_org_membership(req.tx, org_id, user_id)
    return None


def _keep_an_admin(req: ApiRequest, org_id: int, leaving: list[int]) -> None:
    admins = {
        int(r["user_id"])
        for r in req.tx.query(
            "SELECT user_id FROM org_members WHERE org_id = ? AND role = 'admin' "
            "AND ended_on IS NULL",
            (org_id,),
        )
    }
    if admins and not admins - set(leaving):
        raise forbidden("An organization must keep at least one admin")


@router.get("/org/{org_id}/admin/", auth="user")
def get_organization_admins(req: ApiRequest) -> object:
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id)
    rows = req.tx.query(
        "SELECT user_id FROM org_members WHERE org_id = ? AND role = 'admin' "
        "AND ended_on IS NULL ORDER BY user_id",
        (org_id,),
    )
    from ..users.models import get_user, profile_object

    return [profile_object(req.tx, get_user(req.tx, int(r["user_id"])), req.web_url) for r in rows]


@router.post("/org/{org_id}/admin/", auth="user")
def add_organization_admin(req: ApiRequest) -> object:
    """Body `{"user_id"}`: an existing member becomes admin."""
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id, "admin")
    user_id = req.json_object().get("user_id")
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise invalid_value(f"Invalid value {describe(user_id)}: user_id must be an integer")
    models.org_member_object(req.tx, org_id, user_id, req.web_url)  # 404 for non-members
    req.tx.execute(
        "UPDATE org_members SET role = 'admin' WHERE org_id = ? AND user_id = ?", (org_id, user_id)
    )
    return None


@router.delete("/org/{org_id}/admin/{user_id}", auth="user")
def remove_organization_admin(req: ApiRequest) -> object:
    org_id = req.id("org_id")
    user_id = req.id("user_id")
    require_org(req.tx, req.require_principal(), org_id, "admin")
    _keep_an_admin(req, org_id, [user_id])
    req.tx.execute(
        "UPDATE org_members SET role = 'regular' WHERE org_id = ? AND user_id = ?",
        (org_id, user_id),
    )
    return None


@control.put("/_emulator/orgs/{org_id}", auth="none")
def control_update_org(req: ApiRequest) -> object:
    """Change what users cannot: `{"user_limit": int, "type": "free"|"sponsored"|"premium"}`."""
    org_id = req.id("org_id")
    org_row(req.tx, org_id)
    body = req.json_object()
    values: dict[str, Any] = {}
    if "user_limit" in body:
        limit = body["user_limit"]
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise invalid_value("user_limit must be a positive integer")
        values["user_limit"] = limit
    if "type" in body:
        if body["type"] not in ("free", "sponsored", "premium"):
            raise invalid_value("type must be free, sponsored or premium")
        values["type"] = body["type"]
    if not values:
        raise invalid_value("Give user_limit or type")
    req.tx.update("orgs", values, "org_id = ?", (org_id,))
    return Reply(dict(values), status=200)
