"""Tags: `/tag/...` (endpoints.tsv area `tags`)."""

from __future__ import annotations

from typing import Any

from ...access import require_app, require_org, require_space
from ...auth import Principal
from ...errors import invalid_value
from ...request import ApiRequest
from ...routing import Router
from .._refs import Target, resolve
from . import models

router = Router("tags")

DEFAULT_LIMIT = 100
TOP_LIMIT = 10
MAX_LIMIT = 1000


def _target(req: ApiRequest) -> Target:
    return resolve(
        req.tx,
        req.require_principal(),
        str(req.param("ref_type")),
        req.id("ref_id"),
        req.web_url,
        allowed=models.TAGGABLE,
    )


@router.post("/tag/{ref_type}/{ref_id}/")
def create_tags(req: ApiRequest) -> object:
    """A JSON list of texts to add; texts the object already has are ignored."""
    target = _target(req)
    tags = models.parse_tags(req.json_list())
    models.change_tags(req.tx, req.require_principal(), target, req.web_url, add=tags)
    return None


@router.put("/tag/{ref_type}/{ref_id}/")
def update_tags(req: ApiRequest) -> object:
    """A JSON list of texts that replaces the object's tags."""
    target = _target(req)
    tags = models.parse_tags(req.json_list())
    models.change_tags(req.tx, req.require_principal(), target, req.web_url, replace=tags)
    return None


@router.delete("/tag/{ref_type}/{ref_id}/", slash="both")
def remove_tag(req: ApiRequest) -> object:
    """`?text=` names the tag to remove."""
    target = _target(req)
    text = req.query_str("text")
    if not text or not text.strip():
        raise invalid_value("Invalid value null (null): text must be given")
    models.change_tags(req.tx, req.require_principal(), target, req.web_url, remove=text)
    return None


# -- lookups ----------------------------------------------------------------------------------


def _member_spaces(req: ApiRequest, principal: Principal, org_id: int) -> list[int]:
    rows = req.tx.query(
        "SELECT s.space_id FROM spaces s JOIN space_members m ON m.space_id = s.space_id "
        "WHERE s.org_id = ? AND s.status = 'active' AND m.user_id = ? AND m.ended_on IS NULL "
        "AND m.started_on IS NOT NULL",
        (org_id, principal.id),
    )
    return [int(r["space_id"]) for r in rows]


def _in_spaces(req: ApiRequest, principal: Principal, space_ids: list[int]) -> list[models.Tagged]:
    if principal.type == "app":
        return models.tagged_items(req.tx, "a.app_id = ?", (principal.id,), req.web_url)
    if not space_ids:
        return []
    marks = ",".join("?" for _ in space_ids)
    items = models.tagged_items(req.tx, f"a.space_id IN ({marks})", tuple(space_ids), req.web_url)
    return items + models.tagged_statuses(req.tx, space_ids, req.web_url)


def _on_app(req: ApiRequest) -> list[models.Tagged]:
    app_id = req.id("app_id")
    require_app(req.tx, req.require_principal(), app_id, "light")
    return models.tagged_items(req.tx, "a.app_id = ?", (app_id,), req.web_url)


def _on_space(req: ApiRequest) -> list[models.Tagged]:
    space_id = req.id("space_id")
    principal = req.require_principal()
    require_space(req.tx, principal, space_id, "light", allow_open=True)
    return _in_spaces(req, principal, [space_id])


def _on_org(req: ApiRequest) -> list[models.Tagged]:
    org_id = req.id("org_id")
    principal = req.require_principal()
    require_org(req.tx, principal, org_id)
    return _in_spaces(req, principal, _member_spaces(req, principal, org_id))


def _counts(req: ApiRequest, objects: list[models.Tagged]) -> list[dict[str, Any]]:
    """`[{"text", "count"}]`: the most used tags (`limit`, 100 by default), sorted by text."""
    limit = req.query_int("limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    ranked = models.count_tags(objects, req.query_str("text"))[:limit]
    ranked.sort(key=lambda pair: pair[0].lower())
    return [{"text": text, "count": count} for text, count in ranked]


def _search(req: ApiRequest, objects: list[models.Tagged]) -> list[dict[str, Any]]:
    """`[{"id", "type", "title", "link", "created_on"}]` carrying `?text=`."""
    text = req.query_str("text")
    if not text or not text.strip():
        raise invalid_value("Invalid value null (null): text must be given")
    limit = req.query_int("limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    offset = req.query_int("offset", 0, minimum=0)
    found = models.with_tag(req.tx, objects, text)[offset : offset + limit]
    return [
        {"id": o.id, "type": o.type, "title": o.title, "link": o.link, "created_on": o.created_on}
        for o in found
    ]


@router.get("/tag/app/{app_id}/")
def get_tags_on_app(req: ApiRequest) -> object:
    return _counts(req, _on_app(req))


@router.get("/tag/app/{app_id}/top/")
def get_tags_on_app_top(req: ApiRequest) -> object:
    """The most used tag texts (strings), most used first; `limit` 10 by default."""
    limit = req.query_int("limit", TOP_LIMIT, minimum=1, maximum=MAX_LIMIT)
    ranked = models.count_tags(_on_app(req), req.query_str("text"))
    return [text for text, _count in ranked[:limit]]


@router.get("/tag/app/{app_id}/search/")
def get_objects_on_app_with_tag(req: ApiRequest) -> object:
    return _search(req, _on_app(req))


@router.get("/tag/space/{space_id}/")
def get_tags_on_space(req: ApiRequest) -> object:
    return _counts(req, _on_space(req))


@router.get("/tag/space/{space_id}/search/")
def get_objects_on_space_with_tag(req: ApiRequest) -> object:
    return _search(req, _on_space(req))


@router.get("/tag/org/{org_id}/")
def get_tags_on_organization(req: ApiRequest) -> object:
    return _counts(req, _on_org(req))


@router.get("/tag/org/{org_id}/search/")
def get_objects_on_organization_with_tag(req: ApiRequest) -> object:
    return _search(req, _on_org(req))
