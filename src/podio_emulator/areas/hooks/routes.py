"""Hooks: `/hook/...` (endpoints.tsv area `hooks`) and the control routes of deliveries."""

from __future__ import annotations

import json
from collections.abc import Iterator

from starlette.responses import StreamingResponse

from ...errors import invalid_value
from ...request import ApiRequest
from ...routing import Router
from . import models
from .delivery import dispatcher_for

router = Router("hooks")
control = Router("hooks")

FLUSH_TIMEOUT = 10.0
MAX_FLUSH_TIMEOUT = 120.0


@router.post("/hook/{ref_type}/{ref_id}/")
def create_hook(req: ApiRequest) -> object:
    """`{"url", "type"}` on an app, app field or space -> `{"hook_id"}`; the hook starts
    inactive and its URL receives `hook.verify` with the code to validate."""
    hook_id = models.create_hook(
        req.tx, req.require_principal(), str(req.param("ref_type")), req.id("ref_id"),
        req.json_object(),
    )  # fmt: skip
    return {"hook_id": hook_id}


@router.get("/hook/{ref_type}/{ref_id}/")
def get_hooks(req: ApiRequest) -> object:
    ref_type, ref_id = str(req.param("ref_type")), req.id("ref_id")
    models.check_object(req.tx, req.require_principal(), ref_type, ref_id)
    rows = req.tx.query(
        "SELECT * FROM hooks WHERE ref_type = ? AND ref_id = ? AND status != 'deleted' "
        "ORDER BY hook_id",
        (ref_type, ref_id),
    )
    return [models.hook_object(req.tx, r, req.web_url) for r in rows]


@router.delete("/hook/{hook_id}")
def delete_hook(req: ApiRequest) -> object:
    models.delete_hook(req.tx, models.hook_row(req.tx, req.require_principal(), req.id("hook_id")))
    return None


@router.post("/hook/{hook_id}/verify/request")
def request_hook_verification(req: ApiRequest) -> object:
    """Send `hook.verify` again, with a new code."""
    row = models.hook_row(req.tx, req.require_principal(), req.id("hook_id"))
    models.request_verification(req.tx, row)
    return None


@router.post("/hook/{hook_id}/verify/validate")
def validate_hook_verification(req: ApiRequest) -> object:
    """`{"code"}`: the last code sent activates the hook; a wrong one is 400."""
    row = models.hook_row(req.tx, req.require_principal(), req.id("hook_id"))
    models.validate(req.tx, row, req.json_object().get("code"))
    return None


# -- control ----------------------------------------------------------------------------------


@control.post("/_emulator/hooks/flush", auth="none")
def flush_hooks(req: ApiRequest) -> object:
    """Wait until no webhook delivery is due or being sent (`{"timeout": seconds}`, 10 by
    default) and answer the queue's state: `done`, `due`, `scheduled` (retries later on the
    emulator clock), `sending`, and the counts `attempts`, `delivered`, `failed`, `dropped`.

    The waiting happens while the answer is streamed, after this call's transaction has
    ended: receivers may call the API (to validate a hook, say) while we wait for them."""
    body = req.json_object(required=False)
    timeout = body.get("timeout", FLUSH_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout < 0:
        raise invalid_value("timeout must be a number of seconds")
    timeout = min(float(timeout), MAX_FLUSH_TIMEOUT)
    dispatcher = dispatcher_for(req.emulator)

    def wait() -> Iterator[bytes]:
        yield json.dumps(dispatcher.flush(timeout)).encode("utf-8")

    return StreamingResponse(wait(), media_type="application/json")


@control.get("/_emulator/hooks/deliveries", auth="none")
def list_deliveries(req: ApiRequest) -> object:
    """Recent deliveries, oldest first: `hook_id`, `status` filter them, `limit` (100)."""
    hook = req.query_str("hook_id")
    if hook is not None and not hook.isdigit():
        raise invalid_value("hook_id must be an integer")
    return {
        "deliveries": dispatcher_for(req.emulator).records(
            hook_id=int(hook) if hook is not None else None,
            status=req.query_str("status"),
            limit=req.query_int("limit", 100, minimum=1, maximum=1000),
        )
    }
