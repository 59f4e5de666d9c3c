"""Area `oauth`: API clients, grants, tokens and one-time codes, the token endpoint and the
browser authorization page; plus control routes that hand tests the secrets Podio would send
by mail or keep to itself (transfer tokens, activation codes, OpenID identifiers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...errors import invalid_value, not_found
from ...request import ApiRequest, Reply
from ...routing import Router
from .. import Area
from ..users import models as users
from . import models
from .routes import router

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

control = Router("oauth")


def bootstrap(tx: Tx, emulator: Emulator) -> None:
    """Register the configured API clients (secrets are reset to the configured ones)."""
    for spec in emulator.config.clients:
        models.ensure_client(tx, spec.client_id, spec.client_secret, spec.name, spec.trusted)


def _user_id(req: ApiRequest, body: dict[str, Any]) -> int:
    if isinstance(body.get("user_id"), int):
        if users.find_user(req.tx, body["user_id"]) is None:
            raise not_found("User not found")
        return int(body["user_id"])
    if isinstance(body.get("mail"), str):
        row = users.find_user_by_mail(req.tx, body["mail"])
        if row is None:
            raise not_found("User not found")
        return int(row["user_id"])
    raise invalid_value("Give user_id or mail")


@control.post("/_emulator/transfer_token", auth="none")
def make_transfer_token(req: ApiRequest) -> object:
    """`{"user_id"}` or `{"mail"}` -> `{"transfer_token"}` for the `transfer_token` grant."""
    user_id = _user_id(req, req.json_object())
    return Reply(
        {"transfer_token": models.create_code(req.tx, "transfer_token", user_id=user_id)}, 201
    )


@control.post("/_emulator/activation_code", auth="none")
def make_activation_code(req: ApiRequest) -> object:
    """`{"mail", "name"?}` -> `{"activation_code", "user_id"}`.

    An unknown mail becomes a new inactive user (as a space invitation would make it); the
    `activation_code` grant activates it.
    """
    body = req.json_object()
    mail = body.get("mail")
    if not isinstance(mail, str):
        raise invalid_value("mail is required")
    row = users.find_user_by_mail(req.tx, mail)
    if row is None:
        name = body.get("name") if isinstance(body.get("name"), str) else mail.split("@", 1)[0]
        user_id = users.create_user(
            req.tx, mail=mail, name=str(name), password=None, status="inactive"
        )
    else:
        user_id = int(row["user_id"])
    code = models.create_code(req.tx, "activation_code", user_id=user_id)
    return Reply({"activation_code": code, "user_id": user_id}, 201)


@control.post("/_emulator/openid", auth="none")
def register_openid(req: ApiRequest) -> object:
    """`{"user_id"|"mail", "identifier", "type"?: "google"}`: the OpenID that
    `POST /oauth/token_by_openid` (grant_type = type) then accepts for that user."""
    body = req.json_object()
    user_id = _user_id(req, body)
    identifier = body.get("identifier")
    kind = body.get("type", "google")
    if not isinstance(identifier, str) or not identifier or not isinstance(kind, str) or not kind:
        raise invalid_value("identifier and type must be non-empty strings")
    models.register_openid(req.tx, kind, identifier, user_id)
    return Reply({"type": kind, "identifier": identifier, "user_id": user_id}, 201)


@control.post("/_emulator/clients", auth="none")
def register_client(req: ApiRequest) -> object:
    """`{"client_id", "client_secret", "name"?, "trusted"?: false}`: another API client."""
    body = req.json_object()
    client_id, secret = body.get("client_id"), body.get("client_secret")
    name = body.get("name", "Client")
    trusted = body.get("trusted", False)
    if not isinstance(client_id, str) or not client_id or not isinstance(secret, str) or not secret:
        raise invalid_value("client_id and client_secret must be non-empty strings")
    if not isinstance(name, str) or not isinstance(trusted, bool):
        raise invalid_value("name must be a string and trusted a boolean")
    models.ensure_client(req.tx, client_id, secret, name, trusted)
    return Reply({"client_id": client_id, "name": name, "trusted": trusted}, 201)


AREA = Area(
    name="oauth",
    router=router,
    control_router=control,
    schema=models.SCHEMA,
    bootstrap=bootstrap,
    counts={
        "oauth_client": "SELECT COUNT(*) FROM oauth_clients",
        "access_token": "SELECT COUNT(*) FROM oauth_tokens WHERE kind = 'access'",
    },
    order=5,
)
