"""Spaces and space members: `/space/...` (endpoints.tsv areas `spaces`, `space_members`)."""

from __future__ import annotations

from typing import Any

from ...access import require_org, require_space
from ...errors import forbidden, invalid_value, not_found
from ...request import ApiRequest
from ...routing import Router
from . import models

router = Router("spaces")


@router.post("/space/", auth="user")
def create_space(req: ApiRequest) -> object:
    """Body `{"org_id", "name", "privacy"?, "auto_join"?, "post_on_new_app"?,
    "post_on_new_member"?, "description"?}` -> `{"space_id", "url"}`."""
    return models.create_space(req.tx, req.require_principal(), req.json_object(), req.web_url)


@router.get("/space/{space_id}")
def get_space(req: ApiRequest) -> object:
    access = require_space(req.tx, req.require_principal(), req.id("space_id"), allow_open=True)
    return models.space_object(req.tx, access.space, access.role, access.org_role, req.web_url)


@router.put("/space/{space_id}", auth="user")
def update_space(req: ApiRequest) -> object:
    space_id = req.id("space_id")
    access = require_space(req.tx, req.require_principal(), space_id, "admin")
    values = models.validate_space_fields(req.json_object(), creating=False)
    label = values.get("url_label")
    if label is not None and req.tx.one(
        "SELECT 1 FROM spaces WHERE org_id = ? AND url_label = ? AND space_id != ?",
        (access.space["org_id"], label, space_id),
    ):
        raise invalid_value("The url_label is already used in this organization")
    req.tx.update("spaces", values, "space_id = ?", (space_id,))
    if values:
        req.tx.emit("space.update", "space", space_id)
    return None


@router.delete("/space/{space_id}", auth="user")
def delete_space(req: ApiRequest) -> object:
    """Admins delete a space; it answers 410 afterwards. The employee network stays."""
    space_id = req.id("space_id")
    access = require_space(req.tx, req.require_principal(), space_id, "admin")
    if access.space["type"] == "emp_network":
        raise forbidden("The employee network cannot be deleted")
    req.tx.update(
        "spaces", {"status": "deleted", "deleted_on": req.now_str()}, "space_id = ?", (space_id,)
    )
    req.tx.emit("space.delete", "space", space_id)
    return None


@router.get("/space/url", auth="user")
def get_space_by_url(req: ApiRequest) -> object:
    """`?url=` (the documented form), or `?org_slug=&space_slug=`: the URL labels, as
    podio-rb's `Space.find_by_url_slug` sends them."""
    url = req.query_str("url")
    org_slug, space_slug = req.query_str("org_slug"), req.query_str("space_slug")
    if url:
        space = models.space_by_url(req.tx, url)
    elif org_slug and space_slug:
        space = models.space_by_labels(req.tx, org_slug, space_slug)
    else:
        raise invalid_value("The url parameter (or org_slug and space_slug) is required")
    access = require_space(req.tx, req.require_principal(), int(space["space_id"]), allow_open=True)
    return models.space_object(req.tx, access.space, access.role, access.org_role, req.web_url)


@router.get("/space/org/{org_id}/", auth="user")
def get_list_of_organization_workspaces(req: ApiRequest) -> object:
    """Spaces of the organization the caller belongs to or may join (open spaces)."""
    org_id = req.id("org_id")
    access = require_org(req.tx, req.require_principal(), org_id)
    spaces = models.visible_spaces(req.tx, req.require_user(), org_id)
    return [
        {
            **models.space_mini(s, role, len(spaces) - i, req.web_url, access.org),
            "org_id": org_id,
        }
        for i, (s, role) in enumerate(spaces)
    ]


@router.get("/space/org/{org_id}/count", auth="user")
def get_space_count_for_organization(req: ApiRequest) -> object:
    """`{"count"}`: the spaces `GET /space/org/{org_id}/` lists for the caller (podio-rb
    reads `count`; what Podio counts is not documented)."""
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id)
    return {"count": len(models.visible_spaces(req.tx, req.require_user(), org_id))}


@router.get("/space/org/{org_id}/available/", auth="user")
def get_available_spaces(req: ApiRequest) -> object:
    """The open spaces of the organization that the caller has not joined, short form."""
    org_id = req.id("org_id")
    access = require_org(req.tx, req.require_principal(), org_id)
    spaces = models.visible_spaces(req.tx, req.require_user(), org_id)
    open_ones = [s for s, role in spaces if role is None]
    return [
        {
            **models.space_mini(s, None, len(open_ones) - i, req.web_url, access.org),
            "org_id": org_id,
        }
        for i, s in enumerate(open_ones)
    ]


@router.get("/space/org/{org_id}/{url_label:str}", auth="user")
def get_space_by_org_and_url_label(req: ApiRequest) -> object:
    org_id = req.id("org_id")
    require_org(req.tx, req.require_principal(), org_id)
    row = req.tx.one(
        "SELECT space_id FROM spaces WHERE org_id = ? AND url_label = ?",
        (org_id, req.param("url_label")),
    )
    if row is None:
        raise not_found("Space not found")
    access = require_space(req.tx, req.require_principal(), int(row["space_id"]), allow_open=True)
    return models.space_object(req.tx, access.space, access.role, access.org_role, req.web_url)


@router.post("/space/{space_id}/join", auth="user")
def join_space(req: ApiRequest) -> object:
    models.join_space(req.tx, req.require_principal(), req.id("space_id"))
    return None


@router.post("/space/{space_id}/leave", auth="user")
def leave_space(req: ApiRequest) -> object:
    models.end_memberships(
        req.tx, req.require_principal(), req.id("space_id"), [req.require_user()]
    )
    return None


# -- members ---------------------------------------------------------------------------------


@router.post("/space/{space_id}/member/", auth="user")
def add_member_to_space(req: ApiRequest) -> object:
    """Body `{"role", "users"?: [user_id], "profiles"?: [profile_id], "mails"?: [mail],
    "message"?}` -> `{"user_ids": [...]}` (the users now members or invited)."""
    return models.add_members(
        req.tx, req.require_principal(), req.id("space_id"), req.json_object()
    )


def _members(req: ApiRequest, where: str, params: tuple[Any, ...]) -> list[Any]:
    space_id = req.id("space_id")
    require_space(req.tx, req.require_principal(), space_id)
    limit = req.query_int("limit", 100, minimum=1, maximum=500)
    offset = req.query_int("offset", 0, minimum=0)
    return req.tx.query(
        f"SELECT * FROM space_members WHERE space_id = ? AND {where} "  # noqa: S608 - from code
        "ORDER BY started_on, user_id LIMIT ? OFFSET ?",
        (space_id, *params, limit, offset),
    )


_ACTIVE = "ended_on IS NULL AND started_on IS NOT NULL"


@router.get("/space/{space_id}/member/", auth="token")
def get_active_members_of_space(req: ApiRequest) -> object:
    return [models.member_object(req.tx, r, req.web_url) for r in _members(req, _ACTIVE, ())]


@router.get("/space/{space_id}/member/v2/", auth="token")
def get_space_members_v2(req: ApiRequest) -> object:
    """Active members as `{user, employee, role, grants}`; `query` filters on name or mail."""
    query = (req.query_str("query") or "").strip().lower()
    rows = _members(req, _ACTIVE, ())
    result = [models.member_v2_object(req.tx, r, req.web_url) for r in rows]
    if query:
        result = [
            m
            for m in result
            if query in str(m["user"].get("name", "")).lower()
            or any(query in mail.lower() for mail in m["user"].get("mail", []))
        ]
    return result


@router.get("/space/{space_id}/member/ended/", auth="token")
def get_ended_space_members(req: ApiRequest) -> object:
    rows = _members(req, "ended_on IS NOT NULL", ())
    return [models.member_object(req.tx, r, req.web_url) for r in rows]


@router.get("/space/{space_id}/member/total", auth="token")
def get_space_member_count(req: ApiRequest) -> object:
    space_id = req.id("space_id")
    require_space(req.tx, req.require_principal(), space_id)
    return {
        "total": int(
            req.tx.scalar(
                f"SELECT COUNT(*) FROM space_members WHERE space_id = ? AND {_ACTIVE}",  # noqa: S608
                (space_id,),
            )
        )
    }


@router.get("/space/{space_id}/member/{role}/", auth="token")
def get_space_members_by_role(req: ApiRequest) -> object:
    """Active members with one role; told from `.../member/{user_id}` by the word and the
    trailing slash (endpoints-summary.md, routing notes)."""
    role = req.param("role")
    if role not in models.ROLES:
        raise not_found("No such role")
    rows = _members(req, _ACTIVE + " AND role = ?", (role,))
    return [models.member_object(req.tx, r, req.web_url) for r in rows]


@router.get("/space/{space_id}/member/{user_id}", auth="token")
def get_space_membership(req: ApiRequest) -> object:
    space_id = req.id("space_id")
    require_space(req.tx, req.require_principal(), space_id)
    return models.member_object(
        req.tx, models.member_row(req.tx, space_id, req.id("user_id")), req.web_url
    )


@router.get("/space/{space_id}/member/{user_id}/v2", auth="token")
def get_space_member_v2(req: ApiRequest) -> object:
    space_id = req.id("space_id")
    require_space(req.tx, req.require_principal(), space_id)
    row = models.member_row(req.tx, space_id, req.id("user_id"))
    return models.member_v2_object(req.tx, row, req.web_url)


@router.put("/space/{space_id}/member/{user_ids:ids}", auth="user")
def update_space_memberships(req: ApiRequest) -> object:
    """Body `{"role"}`; the path may hold several comma-separated user ids (PHP/.NET)."""
    role = req.json_object().get("role")
    models.change_roles(
        req.tx, req.require_principal(), req.id("space_id"), req.param("user_ids"), role
    )
    return None


@router.delete("/space/{space_id}/member/{user_ids:ids}", auth="user")
def end_space_memberships(req: ApiRequest) -> object:
    models.end_memberships(
        req.tx, req.require_principal(), req.id("space_id"), req.param("user_ids")
    )
    return None
