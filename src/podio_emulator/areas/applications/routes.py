"""Applications: ``/app/...`` (endpoints.tsv area ``applications``)."""

from __future__ import annotations

from typing import Any

from ...access import require_app, require_space, space_role
from ...auth import Principal
from ...errors import invalid_value, not_found
from ...fieldtypes import render_field
from ...request import ApiRequest, describe
from ...routing import Router
from ..items.resolver import context_for
from . import models
from .models import AppRecord

router = Router("applications")

VIEWS = ("full", "short", "mini", "micro")


def _role(req: ApiRequest, app: AppRecord) -> str | None:
    principal = req.require_principal()
    if principal.type == "app":
        return "regular" if principal.id == app.app_id else None
    if principal.type != "user":
        return None
    return space_role(req.tx, principal.id, app.space_id)


def _render(req: ApiRequest, app: AppRecord, view: str) -> dict[str, Any]:
    principal = req.require_principal()
    role = _role(req, app)
    rights = models.app_rights(req.tx, app, principal, role)
    if view == "micro":
        return models.app_micro(app)
    if view == "mini":
        return models.app_mini(req.tx, app, req.web_url)
    if view == "short":
        return models.app_short(req.tx, app, req.web_url, rights)
    ctx = context_for(req.tx, req.web_url, principal)
    return models.app_full(
        req.tx,
        app,
        req.web_url,
        ctx,
        rights,
        show_token=models.can_manage(app, principal, role),
    )


def _view(req: ApiRequest, default: str = "full") -> str:
    view = req.query_str("view", default) or default
    if view not in VIEWS:
        raise invalid_value(f"Invalid value {view!r} (string): must be one of " + ", ".join(VIEWS))
    return view


def _managed_app(req: ApiRequest, app_id: int, *, admin: bool = False) -> AppRecord:
    """The app, if the caller may change it: regular members change the structure, space
    admins and the app's owner delete it or renew its token (AREAS.md §5)."""
    principal = req.require_principal()
    require_app(req.tx, principal, app_id, "light")
    app = models.load_app(req.tx, app_id)
    models.require_manage(app, principal, _role(req, app), admin=admin)
    return app


@router.post("/app/", auth="user")
def add_new_app(req: ApiRequest) -> object:
    """``{"space_id", "config": {"name", "item_name", ...}, "fields": [...]}`` ->
    ``{"app_id"}``. Regular members and admins of the space may add apps."""
    principal = req.require_principal()
    body = req.json_object()
    space_id = body.get("space_id")
    if isinstance(space_id, bool) or not isinstance(space_id, int):
        raise invalid_value(f"Invalid value {describe(space_id)}: space_id must be integer")
    require_space(req.tx, principal, space_id, "regular")
    ctx = context_for(req.tx, req.web_url, principal)
    app_id = models.create_app(req.tx, principal, body, ctx.resolver)
    req.tx.emit("app.create", "space", space_id, app_id=app_id)
    return {"app_id": app_id}


@router.get("/app/{app_id}")
def get_app(req: ApiRequest) -> object:
    """The app in ``view`` full (default, with fields), short, mini or micro."""
    app_id = req.id("app_id")
    require_app(req.tx, req.require_principal(), app_id, "light")
    return _render(req, models.load_app(req.tx, app_id), _view(req))


@router.put("/app/{app_id}", auth="user")
def update_app(req: ApiRequest) -> object:
    """New config keys and added or changed fields; fields not named are kept."""
    app = _managed_app(req, req.id("app_id"))
    ctx = context_for(req.tx, req.web_url, req.principal)
    if models.update_app(req.tx, app, req.json_object(), ctx.resolver):
        req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return None


@router.delete("/app/{app_id}", auth="user")
def delete_app(req: ApiRequest) -> object:
    """The app and its items answer 410 afterwards."""
    app = _managed_app(req, req.id("app_id"), admin=True)
    models.set_status(req.tx, app, "deleted")
    req.tx.emit("app.delete", "app", app.app_id, app_id=app.app_id)
    return None


@router.post("/app/{app_id}/activate", auth="user")
def activate_app(req: ApiRequest) -> object:
    app = _managed_app(req, req.id("app_id"))
    if app.status != "active":
        models.set_status(req.tx, app, "active")
        req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return None


@router.post("/app/{app_id}/deactivate", auth="user")
def deactivate_app(req: ApiRequest) -> object:
    """An inactive app keeps its items readable; new items are refused (README)."""
    app = _managed_app(req, req.id("app_id"))
    if app.status != "inactive":
        models.set_status(req.tx, app, "inactive")
        req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return None


@router.post("/app/{app_id}/token/regenerate", auth="user")
def regenerate_app_token(req: ApiRequest) -> object:
    """A fresh app token (``{"token"}``); tokens granted with the old one keep working
    until they expire, new app grants need the new one."""
    app = _managed_app(req, req.id("app_id"), admin=True)
    return {"token": models.regenerate_token(req.tx, app)}


def _apps_in_space(req: ApiRequest, space_id: int, principal: Principal) -> list[AppRecord]:
    include_inactive = req.query_bool("include_inactive", False)
    rows = req.tx.query(
        "SELECT * FROM apps WHERE space_id = ? AND status != 'deleted' ORDER BY app_id",
        (space_id,),
    )
    apps = [AppRecord(r) for r in rows]
    if principal.type == "app":
        apps = [a for a in apps if a.app_id == principal.id]
    return [a for a in apps if include_inactive or a.status == "active"]


@router.get("/app/space/{space_id}/")
def get_apps_by_space(req: ApiRequest) -> object:
    """The space's apps (short view); ``include_inactive=true`` adds deactivated ones."""
    principal = req.require_principal()
    space_id = req.id("space_id")
    require_space(req.tx, principal, space_id, "light", allow_open=True)
    view = _view(req, default="short")
    return [_render(req, app, view) for app in _apps_in_space(req, space_id, principal)]


@router.get("/app/space/{space_id}/{url_label}")
def get_app_on_space_by_url_label(req: ApiRequest) -> object:
    principal = req.require_principal()
    space_id = req.id("space_id")
    require_space(req.tx, principal, space_id, "light", allow_open=True)
    label = str(req.param("url_label"))
    for app in _apps_in_space(req, space_id, principal):
        if app.url_label == label:
            return _render(req, app, _view(req))
    raise not_found("App not found")


@router.get("/app/", auth="user")
def get_apps(req: ApiRequest) -> object:
    """The active apps of every space the user is a member of (short view)."""
    user_id = req.require_user()
    rows = req.tx.query(
        "SELECT a.* FROM apps a JOIN space_members m ON m.space_id = a.space_id "
        "JOIN spaces s ON s.space_id = a.space_id "
        "WHERE m.user_id = ? AND m.ended_on IS NULL AND m.started_on IS NOT NULL "
        "AND a.status = 'active' AND s.status = 'active' ORDER BY a.app_id",
        (user_id,),
    )
    return [_render(req, AppRecord(r), "short") for r in rows]


@router.post("/app/{app_id}/field/", auth="user")
def add_new_app_field(req: ApiRequest) -> object:
    """``{"type", "config": {...}}`` -> ``{"field_id"}``."""
    app = _managed_app(req, req.id("app_id"))
    ctx = context_for(req.tx, req.web_url, req.principal)
    fld = models.add_field(req.tx, app, req.json_object(), ctx.resolver)
    req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return {"field_id": fld.field_id}


@router.get("/app/{app_id}/field/{field_key:str}")
def get_app_field(req: ApiRequest) -> object:
    """One field by field_id (or external_id, as podio-dotnet sends)."""
    principal = req.require_principal()
    app_id = req.id("app_id")
    require_app(req.tx, principal, app_id, "light")
    fld = models.find_field(req.tx, app_id, str(req.param("field_key")))
    return render_field(fld, context_for(req.tx, req.web_url, principal))


@router.put("/app/{app_id}/field/{field_id}", auth="user")
def update_app_field(req: ApiRequest) -> object:
    """Config keys given change, the others stay -> ``{"revision"}`` (the app's)."""
    app = _managed_app(req, req.id("app_id"))
    fld = models.find_field(req.tx, app.app_id, req.id("field_id"))
    ctx = context_for(req.tx, req.web_url, req.principal)
    models.update_app_field(req.tx, app, fld, req.json_object(), ctx.resolver)
    req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return {"revision": app.revision}


@router.delete("/app/{app_id}/field/{field_id}", auth="user")
def delete_app_field(req: ApiRequest) -> object:
    app = _managed_app(req, req.id("app_id"))
    fld = models.find_field(req.tx, app.app_id, req.id("field_id"))
    models.delete_field(req.tx, app, fld)
    req.tx.emit("app.update", "app", app.app_id, app_id=app.app_id)
    return None
