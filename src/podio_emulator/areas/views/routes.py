"""Views: `/view/...` (endpoints.tsv area `views`)."""

from __future__ import annotations

import sqlite3

from ...access import require_app
from ...errors import not_found
from ...request import ApiRequest
from ...routing import Router
from . import models

router = Router("views")


def _app(req: ApiRequest) -> int:
    app_id = req.id("app_id")
    require_app(req.tx, req.require_principal(), app_id, "light")
    return app_id


def _by_id(req: ApiRequest) -> sqlite3.Row:
    principal = req.require_principal()
    row = req.tx.one("SELECT app_id FROM views WHERE view_id = ?", (req.id("view_id"),))
    if row is None:
        raise not_found("View not found")
    require_app(req.tx, principal, int(row["app_id"]), "light")
    return models.view_row(req.tx, principal, req.id("view_id"))


@router.post("/view/app/{app_id}/", auth="user")
def create_view(req: ApiRequest) -> object:
    """`{name, private?, filters?, sort_by?, sort_desc?, layout?, fields?, grouping?}` ->
    `{"view_id"}`."""
    app_id = _app(req)
    view_id = models.create_view(
        req.tx, req.require_principal(), app_id, req.json_object(), req.web_url
    )
    return {"view_id": view_id}


@router.get("/view/app/{app_id}/")
def get_views(req: ApiRequest) -> object:
    """The app's public views and the caller's private ones; `include_standard_views`
    (default false) adds the standard views."""
    app_id = _app(req)
    principal = req.require_principal()
    standard = req.query_bool("include_standard_views", False)
    rows = models.list_views(req.tx, principal, app_id, standard=standard)
    return [models.view_object(req.tx, principal, r, app_id, req.web_url) for r in rows]


@router.get("/view/app/{app_id}/last")
def get_last_view(req: ApiRequest) -> object:
    app_id = _app(req)
    principal = req.require_principal()
    row = models.last_row(req.tx, principal, app_id)
    return models.view_object(req.tx, principal, row, app_id, req.web_url, last=True)


@router.put("/view/app/{app_id}/last", auth="user")
def update_last_view(req: ApiRequest) -> object:
    app_id = _app(req)
    models.update_last(req.tx, req.require_principal(), app_id, req.json_object(), req.web_url)
    return None


@router.get("/view/app/{app_id}/{view_key:str}")
def get_view(req: ApiRequest) -> object:
    """A view by id or by name."""
    app_id = _app(req)
    principal = req.require_principal()
    row = models.find_view(req.tx, principal, app_id, str(req.param("view_key")))
    return models.view_object(req.tx, principal, row, app_id, req.web_url)


@router.get("/view/{view_id}")
def get_view_by_id(req: ApiRequest) -> object:
    row = _by_id(req)
    return models.view_object(req.tx, req.require_principal(), row, int(row["app_id"]), req.web_url)


@router.put("/view/{view_id}", auth="user")
def update_view(req: ApiRequest) -> object:
    row = _by_id(req)
    models.update_view(req.tx, req.require_principal(), row, req.json_object(), req.web_url)
    return None


@router.delete("/view/{view_id}", auth="user")
def delete_view(req: ApiRequest) -> object:
    row = _by_id(req)
    models.delete_view(req.tx, req.require_principal(), row)
    return None


@router.post("/view/{view_id}/default", auth="user")
def make_default_view(req: ApiRequest) -> object:
    row = _by_id(req)
    models.make_default(req.tx, req.require_principal(), row)
    return None
