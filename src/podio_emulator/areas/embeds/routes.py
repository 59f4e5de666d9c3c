"""Embeds: `/embed/...` (endpoints.tsv area `embeds`)."""

from __future__ import annotations

from ...errors import invalid_value
from ...request import ApiRequest, describe
from ...routing import Router
from . import models

router = Router("embeds")


@router.post("/embed/")
def add_embed(req: ApiRequest) -> object:
    """`{"url", "mode"?: "immediate"|"delayed"}` -> the embed (derived from the URL alone)."""
    req.require_principal()
    body = req.json_object()
    mode = body.get("mode")
    if mode is not None and mode not in models.MODES:
        raise invalid_value(f"Invalid value {describe(mode)}: mode must be immediate or delayed")
    embed_id = models.make_embed(req.tx, req.principal, body.get("url"))
    return models.get_embed(req.tx, embed_id)


@router.get("/embed/{embed_id}")
def get_embed(req: ApiRequest) -> object:
    req.require_principal()
    return models.get_embed(req.tx, req.id("embed_id"))
