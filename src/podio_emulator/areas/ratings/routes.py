"""Ratings: `/rating/...` (endpoints.tsv area `ratings`)."""

from __future__ import annotations

from ...request import ApiRequest
from ...routing import Router
from ...shapes import user_byline
from .._refs import Target, resolve
from ..users.models import profile_object
from . import models

router = Router("ratings")


def _target(req: ApiRequest) -> Target:
    return resolve(
        req.tx,
        req.require_principal(),
        str(req.param("ref_type")),
        req.id("ref_id"),
        req.web_url,
        allowed=models.RATEABLE,
    )


@router.post("/rating/{ref_type}/{ref_id}/{rating_type}")
def add_rating(req: ApiRequest) -> object:
    """`{"value": int}` (a like may leave it out) -> `{"rating_id"}`."""
    target = _target(req)
    body = req.json_object(required=False)
    rating_id = models.rate(
        req.tx, req.require_principal(), target, str(req.param("rating_type")), body.get("value")
    )
    return {"rating_id": rating_id}


@router.delete("/rating/{ref_type}/{ref_id}/{rating_type}")
def remove_rating(req: ApiRequest) -> object:
    target = _target(req)
    models.unrate(req.tx, req.require_principal(), target, str(req.param("rating_type")))
    return None


@router.get("/rating/{ref_type}/{ref_id}")
def get_all_ratings(req: ApiRequest) -> object:
    """Every rating type the object takes: `{type: {"average", "counts"}}`."""
    target = _target(req)
    return {
        t: models.type_summary(req.tx, target.type, target.id, t, req.web_url)
        for t in models.rating_types(req.tx, target.type, target.id)
    }


@router.get("/rating/{ref_type}/{ref_id}/{rating_type}")
def get_ratings(req: ApiRequest) -> object:
    target = _target(req)
    rating_type = str(req.param("rating_type"))
    models.check_type(req.tx, target, rating_type)
    return models.type_summary(req.tx, target.type, target.id, rating_type, req.web_url)


@router.get("/rating/{ref_type}/{ref_id}/{rating_type}/self")
def get_rating_own(req: ApiRequest) -> object:
    """`{"value"}`: the caller's rating, null when none."""
    target = _target(req)
    rating_type = str(req.param("rating_type"))
    models.check_type(req.tx, target, rating_type)
    principal = req.require_principal()
    if principal.type != "user":
        return {"value": None}
    return {"value": models.user_value(req.tx, target.type, target.id, rating_type, principal.id)}


@router.get("/rating/{ref_type}/{ref_id}/{rating_type}/{user_id}")
def get_rating(req: ApiRequest) -> object:
    """`{"value"}` of one user's rating, null when none."""
    target = _target(req)
    rating_type = str(req.param("rating_type"))
    models.check_type(req.tx, target, rating_type)
    return {
        "value": models.user_value(req.tx, target.type, target.id, rating_type, req.id("user_id"))
    }


@router.get("/rating/{ref_type}/{ref_id}/like_count")
def get_like_count(req: ApiRequest) -> object:
    target = _target(req)
    return {"like_count": models.like_count(req.tx, target.type, target.id)}


@router.get("/rating/{ref_type}/{ref_id}/liked_by/")
def get_who_liked_object(req: ApiRequest) -> object:
    """The profiles of the users who like the object, first likes first."""
    target = _target(req)
    return liked_by(req, target)


def liked_by(req: ApiRequest, target: Target) -> list[object]:
    limit = req.query_int("limit", 100, minimum=1, maximum=500)
    rows = req.tx.query(
        "SELECT r.user_id FROM ratings r WHERE r.ref_type = ? AND r.ref_id = ? "
        "AND r.rating_type = 'like' ORDER BY r.created_on, r.rating_id LIMIT ?",
        (target.type, target.id, limit),
    )
    out: list[object] = []
    for row in rows:
        user = req.tx.one("SELECT * FROM users WHERE user_id = ?", (row["user_id"],))
        out.append(
            profile_object(req.tx, user, req.web_url)
            if user is not None
            else user_byline(req.tx, int(row["user_id"]), req.web_url)
        )
    return out
