"""Status messages: `/status/...` (endpoints.tsv area `status`)."""

from __future__ import annotations

from ...request import ApiRequest
from ...routing import Router
from . import models

router = Router("statuses")


@router.post("/status/space/{space_id}/", auth="user")
def add_new_status_message(req: ApiRequest) -> object:
    """`{value, file_ids?, embed_id? | embed_url?, question?}` -> the status."""
    principal = req.require_principal()
    status_id = models.create_status(
        req.tx, principal, req.id("space_id"), req.json_object(), req.web_url
    )
    target = models.status_target(req.tx, principal, status_id, req.web_url)
    row = models.status_row(req.tx, status_id)
    return models.status_object(req.tx, principal, row, target, req.web_url)


@router.get("/status/{status_id}")
def get_status_message(req: ApiRequest) -> object:
    principal = req.require_principal()
    target = models.status_target(req.tx, principal, req.id("status_id"), req.web_url)
    row = models.status_row(req.tx, target.id)
    return models.status_object(req.tx, principal, row, target, req.web_url)


@router.put("/status/{status_id}", auth="user")
def update_status_message(req: ApiRequest) -> object:
    principal = req.require_principal()
    target = models.status_target(req.tx, principal, req.id("status_id"), req.web_url)
    row = models.status_row(req.tx, target.id)
    models.update_status(req.tx, principal, row, req.json_object(), req.web_url)
    return None


@router.delete("/status/{status_id}")
def delete_status_message(req: ApiRequest) -> object:
    principal = req.require_principal()
    target = models.status_target(req.tx, principal, req.id("status_id"), req.web_url)
    row = models.status_row(req.tx, target.id)
    models.delete_status(req.tx, principal, row, target)
    return None
