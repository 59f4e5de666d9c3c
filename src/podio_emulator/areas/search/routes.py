"""Search: `/search/...` (endpoints.tsv area `search`); all rate limited as heavy calls."""

from __future__ import annotations

from ...access import require_app, require_org, require_space
from ...auth import Principal
from ...errors import not_found
from ...request import ApiRequest
from ...routing import Router
from . import models

router = Router("search")


def _member_spaces(req: ApiRequest, principal: Principal, org_id: int | None = None) -> list[int]:
    sql = (
        "SELECT s.space_id FROM spaces s JOIN space_members m ON m.space_id = s.space_id "
        "WHERE s.status = 'active' AND m.user_id = ? AND m.ended_on IS NULL "
        "AND m.started_on IS NOT NULL"
    )
    params: list[object] = [principal.id]
    if org_id is not None:
        sql += " AND s.org_id = ?"
        params.append(org_id)
    return [int(r["space_id"]) for r in req.tx.query(sql, params)]


def _run(req: ApiRequest, scope: models.Scope) -> object:
    return models.run_search(req.tx, req.require_principal(), scope, req.json_object(), req.web_url)


@router.post("/search/")
def search_globally(req: ApiRequest) -> object:
    """`{query, ref_type?, limit? (20, at most 20), offset?, counts?, highlights?,
    search_fields?}` -> results, or `{"results", "counts"}` with `counts`."""
    principal = req.require_principal()
    if principal.type == "app":
        return _run(req, models.Scope([], app_id=principal.id))
    return _run(req, models.Scope(_member_spaces(req, principal), personal=True))


@router.post("/search/org/{org_id}/")
def search_in_organization(req: ApiRequest) -> object:
    principal = req.require_principal()
    org_id = req.id("org_id")
    require_org(req.tx, principal, org_id)
    return _run(req, models.Scope(_member_spaces(req, principal, org_id)))


@router.post("/search/space/{space_id}/")
def search_in_space(req: ApiRequest) -> object:
    principal = req.require_principal()
    space_id = req.id("space_id")
    require_space(req.tx, principal, space_id, "light", allow_open=True)
    if principal.type == "app":
        return _run(req, models.Scope([], app_id=principal.id))
    return _run(req, models.Scope([space_id]))


@router.post("/search/app/{app_id}/")
def search_in_app(req: ApiRequest) -> object:
    app_id = req.id("app_id")
    access = require_app(req.tx, req.require_principal(), app_id, "light")
    return _run(req, models.Scope([int(access.app["space_id"])], app_id=app_id))


@router.post("/search/app/{app_id}/space/{space_id}")
def search_in_app_and_space(req: ApiRequest) -> object:
    app_id = req.id("app_id")
    access = require_app(req.tx, req.require_principal(), app_id, "light")
    if int(access.app["space_id"]) != req.id("space_id"):
        raise not_found("The app is not in this space")
    return _run(req, models.Scope([req.id("space_id")], app_id=app_id))


@router.post("/search/{search_id}/{rank:int}/clicked")
def register_search_result_click(req: ApiRequest) -> object:
    """Click tracking: accepted and not recorded."""
    req.require_principal()
    return None
