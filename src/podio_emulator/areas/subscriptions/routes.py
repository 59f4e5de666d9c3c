"""Subscriptions: `/subscription/...` (endpoints.tsv area `subscriptions`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from ...errors import PodioError, not_found
from ...request import ApiRequest
from ...routing import Router
from ...shapes import user_byline
from .._refs import Target, reference, resolve
from . import models

router = Router("subscriptions")


def _target(req: ApiRequest) -> Target:
    return resolve(
        req.tx,
        req.require_principal(),
        str(req.param("ref_type")),
        req.id("ref_id"),
        req.web_url,
        allowed=models.SUBSCRIBABLE,
    )


def _render(req: ApiRequest, row: sqlite3.Row, target: Target | None) -> dict[str, Any]:
    ref: dict[str, Any] = {"type": row["ref_type"], "id": row["ref_id"]}
    if target is not None:
        ref = reference(req.tx, target, req.web_url, full=False)
    return {
        "subscription_id": row["subscription_id"],
        "started_on": row["started_on"],
        "notifications": 0,
        "ref": ref,
    }


@router.post("/subscription/{ref_type}/{ref_id}", auth="user")
def subscribe(req: ApiRequest) -> object:
    """-> `{"subscription_id"}` (the existing one when already subscribed)."""
    target = _target(req)
    user_id = req.require_user()
    return {"subscription_id": models.subscribe(req.tx, user_id, target.type, target.id)}


@router.get("/subscription/{ref_type}/{ref_id}", auth="user")
def get_subscription_by_reference(req: ApiRequest) -> object:
    """The caller's subscription to the object; 404 when not subscribed."""
    target = _target(req)
    row = models.subscription_row(req.tx, req.require_user(), target.type, target.id)
    if row is None:
        raise not_found("You are not subscribed to this object")
    return _render(req, row, target)


@router.delete("/subscription/{ref_type}/{ref_id}", auth="user")
def unsubscribe_by_reference(req: ApiRequest) -> object:
    target = _target(req)
    models.unsubscribe(req.tx, req.require_user(), target.type, target.id)
    return None


@router.get("/subscription/{ref_type}/{ref_id}/user")
def get_subscribers(req: ApiRequest) -> object:
    """The users following the object."""
    target = _target(req)
    return [
        user_byline(req.tx, user_id, req.web_url)
        for user_id in models.subscriber_ids(req.tx, target.type, target.id)
    ]


def _own(req: ApiRequest) -> sqlite3.Row:
    row = req.tx.one(
        "SELECT * FROM subscriptions WHERE subscription_id = ? AND user_id = ? AND active = 1",
        (req.id("subscription_id"), req.require_user()),
    )
    if row is None:
        raise not_found("Subscription not found")
    return row


@router.get("/subscription/{subscription_id}", auth="user")
def get_subscription_by_id(req: ApiRequest) -> object:
    """One of the caller's own subscriptions (others' are 404)."""
    row = _own(req)
    try:
        target: Target | None = resolve(
            req.tx, req.require_principal(), str(row["ref_type"]), int(row["ref_id"]), req.web_url
        )
    except PodioError:
        target = None
    return _render(req, row, target)


@router.delete("/subscription/{subscription_id}", auth="user")
def unsubscribe_by_id(req: ApiRequest) -> object:
    row = _own(req)
    req.tx.update("subscriptions", {"active": 0}, "subscription_id = ?", (row["subscription_id"],))
    return None
