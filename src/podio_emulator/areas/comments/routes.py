"""Comments: `/comment/...` (endpoints.tsv area `comments`)."""

from __future__ import annotations

from ...request import ApiRequest
from ...routing import Router
from .._refs import Target, resolve
from ..ratings.routes import liked_by
from . import models

router = Router("comments")


def _parent(req: ApiRequest) -> Target:
    return resolve(
        req.tx,
        req.require_principal(),
        str(req.param("ref_type")),
        req.id("ref_id"),
        req.web_url,
        allowed=models.COMMENTABLE,
    )


@router.get("/comment/{ref_type}/{ref_id}", slash="both")
def get_comments_on_object(req: ApiRequest) -> object:
    """The object's comments, oldest first (`limit` 100 by default, at most 500; `offset`)."""
    parent = _parent(req)
    limit = req.query_int("limit", 100, minimum=1, maximum=500)
    offset = req.query_int("offset", 0, minimum=0)
    principal = req.require_principal()
    rows = models.list_rows(req.tx, parent.type, parent.id, limit=limit, offset=offset)
    return [
        models.comment_object(req.tx, principal, r, req.web_url, moderator=parent.can_moderate)
        for r in rows
    ]


@router.post("/comment/{ref_type}/{ref_id}", slash="both")
def add_comment_to_object(req: ApiRequest) -> object:
    """`{value, external_id?, file_ids?, embed_id? | embed_url?}` -> the comment."""
    parent = _parent(req)
    principal = req.require_principal()
    comment_id = models.create_comment(req.tx, principal, parent, req.json_object(), req.web_url)
    row = models.comment_row(req.tx, comment_id)
    return models.comment_object(req.tx, principal, row, req.web_url, moderator=parent.can_moderate)


@router.get("/comment/{comment_id}")
def get_comment(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, parent = models.open_comment(req.tx, principal, req.id("comment_id"), req.web_url)
    return models.comment_object(req.tx, principal, row, req.web_url, moderator=parent.can_moderate)


@router.put("/comment/{comment_id}")
def update_comment(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, parent = models.open_comment(req.tx, principal, req.id("comment_id"), req.web_url)
    models.update_comment(req.tx, principal, row, parent, req.json_object(), req.web_url)
    return None


@router.delete("/comment/{comment_id}")
def delete_comment(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, parent = models.open_comment(req.tx, principal, req.id("comment_id"), req.web_url)
    models.delete_comment(req.tx, principal, row, parent)
    return None


@router.get("/comment/{comment_id}/liked_by/")
def get_who_liked_comment(req: ApiRequest) -> object:
    principal = req.require_principal()
    target = models.comment_target(req.tx, principal, req.id("comment_id"), req.web_url)
    return liked_by(req, target)
