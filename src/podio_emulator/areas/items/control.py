"""Control route of the items area: load many items into an app quickly (test data)."""

from __future__ import annotations

from typing import Any

from ...auth import Principal
from ...errors import invalid_value, not_found
from ...request import ApiRequest, Reply
from ...routing import Router
from ..users import models as users
from . import models
from .resolver import context_for

control = Router("items")

#: One call may load this many items (a big load is several calls, each one transaction).
MAX_ITEMS = 10_000


@control.post("/_emulator/items/{app_id}", auth="none")
def load_items(req: ApiRequest) -> object:
    """`{"items": [<item body>, ...], "user"?: mail}` -> `{"item_ids": [...]}`.

    Each body is what `POST /item/app/{app_id}/` takes and goes through the same validation
    and storage (revisions, references, events), in one transaction and without the cost of
    one HTTP call and rate-limit count per item. Items are created by `user` (default: an
    admin of the app's space). Meant for loading test data; nothing like it exists in Podio.
    """
    body = req.json_object()
    entries = body.get("items")
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise invalid_value("items must be a list of item objects")
    if len(entries) > MAX_ITEMS:
        raise invalid_value(f"at most {MAX_ITEMS} items per call")
    app_id = req.id("app_id")
    space_id = req.tx.scalar("SELECT space_id FROM apps WHERE app_id = ?", (app_id,))
    if space_id is None:
        raise not_found("App not found")
    mail = body.get("user")
    if mail is not None:
        row = users.find_user_by_mail(req.tx, str(mail))
        if row is None:
            raise not_found("User not found")
        user_id = int(row["user_id"])
    else:
        user_id = req.tx.scalar(
            "SELECT user_id FROM space_members WHERE space_id = ? AND role = 'admin' "
            "ORDER BY started_on, user_id LIMIT 1",
            (space_id,),
        )
        if user_id is None:
            raise not_found("The app's space has no admin to create items as")
    principal = Principal("user", int(user_id), req.emulator.config.client_id)
    web_url = req.web_url.rstrip("/")
    ctx = context_for(req.tx, web_url, principal)
    app = models.open_app(req.tx, principal, app_id, ctx, web_url, write=True)
    item_ids: list[Any] = [models.create_item(app, entry) for entry in entries]
    return Reply({"item_ids": item_ids}, 201)
