"""The token endpoint's grants (auth.md §3), independent of how parameters arrived."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ...db import Tx
from ...errors import PodioError, bad_request
from ..spaces.models import start_pending_memberships
from ..users import models as users
from . import models

if TYPE_CHECKING:
    from ...emulator import Emulator

__all__ = ["GRANTS", "run_grant", "verify_second_factor"]


def _require(params: Mapping[str, str], *names: str) -> list[str]:
    missing = [n for n in names if not params.get(n)]
    if missing:
        raise bad_request(f"Missing parameter: {', '.join(missing)}", error="invalid_request")
    return [params[n] for n in names]


def _login_user(
    tx: Tx, emulator: Emulator, user_id: int, client_id: str, scope: str | None
) -> dict[str, Any]:
    users.touch(tx, user_id)
    return models.issue_tokens(
        tx,
        emulator,
        ref_type="user",
        ref_id=user_id,
        client_id=client_id,
        scope=scope or models.DEFAULT_SCOPE,
    )


def password_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """`username` (mail) + `password`; a user with a second factor gets `{"server_nonce"}`."""
    username, password = _require(params, "username", "password")
    user = users.find_user_by_mail(tx, username)
    if user is None or not users.check_password(user["password_hash"], password):
        raise models.invalid_grant("Invalid username or password")
    if user["status"] != "active":
        raise models.invalid_grant("The user is not active")
    if user["mfa_otp_hash"]:
        nonce = models.create_code(
            tx, "mfa_nonce", user_id=int(user["user_id"]), client_id=client_id
        )
        return {"server_nonce": nonce}
    return _login_user(tx, emulator, int(user["user_id"]), client_id, params.get("scope"))


def authorization_code_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """`code` from /oauth/authorize and the same `redirect_uri`."""
    code_value, redirect_uri = _require(params, "code", "redirect_uri")
    code = models.consume_code(tx, "authorization_code", code_value)
    if code is None or code.user_id is None:
        raise models.invalid_grant("Invalid or expired authorization code")
    if code.client_id != client_id:
        raise models.invalid_grant("The code was issued to another client")
    if code.redirect_uri != redirect_uri:
        raise models.invalid_grant("redirect_uri does not match the one used to authorize")
    return _login_user(tx, emulator, code.user_id, client_id, code.scope)


def app_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """`app_id` + `app_token` (the app's `token`, shown by `GET /app/{app_id}`)."""
    app_id_text, app_token = _require(params, "app_id", "app_token")
    if not app_id_text.isdigit():
        raise models.invalid_grant("Invalid app_id or app_token")
    row = tx.one("SELECT token, status FROM apps WHERE app_id = ?", (int(app_id_text),))
    if row is None or row["status"] == "deleted" or not _same(row["token"], app_token):
        raise models.invalid_grant("Invalid app_id or app_token")
    return models.issue_tokens(
        tx, emulator, ref_type="app", ref_id=int(app_id_text), client_id=client_id, scope="app:all"
    )


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


def refresh_token_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    (refresh_token,) = _require(params, "refresh_token")
    return models.refresh(tx, emulator, refresh_token, client_id)


def transfer_token_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """A single-use `transfer_token` (made by `POST /_emulator/transfer_token`)."""
    (value,) = _require(params, "transfer_token")
    code = models.consume_code(tx, "transfer_token", value)
    if code is None or code.user_id is None:
        raise models.invalid_grant("Invalid or expired transfer_token")
    return _login_user(tx, emulator, code.user_id, client_id, None)


def activation_code_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """An `activation_code` (made by `POST /_emulator/activation_code`): activates the user,
    starts their pending space memberships, and logs them in."""
    (value,) = _require(params, "activation_code")
    code = models.consume_code(tx, "activation_code", value)
    if code is None or code.user_id is None:
        raise models.invalid_grant("Invalid or expired activation_code")
    users.activate_user(tx, code.user_id)
    start_pending_memberships(tx, code.user_id)
    return _login_user(tx, emulator, code.user_id, client_id, None)


def sso_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """SSO attributes `mail` (or `email`) and optional `name`: logs in the user with that mail,
    creating it first when unknown; the answer adds `new_user_created`."""
    mail = params.get("mail") or params.get("email")
    if not mail or "@" not in mail:
        raise models.invalid_grant("The SSO attributes carry no mail address")
    user = users.find_user_by_mail(tx, mail)
    created = user is None
    if user is None:
        name = params.get("name") or mail.split("@", 1)[0]
        user_id = users.create_user(tx, mail=mail, name=name, password=None)
    else:
        if user["status"] == "blacklisted":
            raise models.invalid_grant("The user is not allowed to log in")
        user_id = int(user["user_id"])
        users.activate_user(tx, user_id)
    body = _login_user(tx, emulator, user_id, client_id, None)
    body["new_user_created"] = created
    return body


def openid_grant(
    tx: Tx, emulator: Emulator, params: Mapping[str, str], client_id: str
) -> dict[str, Any]:
    """`POST /oauth/token_by_openid`: `grant_type` names the provider, `identifier` the
    OpenID registered with `POST /_emulator/openid`."""
    grant_type, identifier = _require(params, "grant_type", "identifier")
    user_id = models.openid_user(tx, grant_type, identifier)
    if user_id is None:
        raise models.invalid_grant("Unknown OpenID identifier")
    return _login_user(tx, emulator, user_id, client_id, None)


GRANTS = {
    "password": password_grant,
    "authorization_code": authorization_code_grant,
    "app": app_grant,
    "refresh_token": refresh_token_grant,
    "transfer_token": transfer_token_grant,
    "activation_code": activation_code_grant,
    "sso": sso_grant,
}


def run_grant(tx: Tx, emulator: Emulator, params: Mapping[str, str]) -> dict[str, Any]:
    """Check the client, then run the grant named by `grant_type`."""
    client_id = params.get("client_id", "")
    client_secret = params.get("client_secret", "")
    if not client_id or models.check_client(tx, client_id, client_secret) is None:
        raise bad_request("Invalid client_id or client_secret", error="invalid_client")
    grant_type = params.get("grant_type", "")
    grant = GRANTS.get(grant_type)
    if grant is None:
        raise bad_request(f"Unsupported grant_type {grant_type!r}", error="unsupported_grant_type")
    return grant(tx, emulator, params, client_id)


def verify_second_factor(tx: Tx, emulator: Emulator, params: Mapping[str, Any]) -> dict[str, Any]:
    """`POST /mfa/verify` `{nonce, otp}` or `{nonce, recoveryCode}` -> token response.

    Errors (podio-rb `error_response.rb`): 400 `nonce_validation_error` for an unknown,
    spent or expired nonce; 400 `invalid_second_factor` for a wrong code (the nonce stays
    usable until it expires, 5 minutes after the password step).
    """
    nonce = params.get("nonce")
    otp = params.get("otp")
    recovery = params.get("recoveryCode")
    if not isinstance(nonce, str) or not nonce:
        raise PodioError(400, "nonce_validation_error", "The nonce is missing")
    code = models.peek_code(tx, "mfa_nonce", nonce)
    if code is None or code.user_id is None:
        raise PodioError(400, "nonce_validation_error", "The nonce is invalid or has expired")
    if not isinstance(otp, str | int) and not isinstance(recovery, str):
        raise PodioError(400, "invalid_second_factor", "Give otp or recoveryCode")
    ok = users.check_second_factor(
        tx,
        code.user_id,
        otp=str(otp) if isinstance(otp, str | int) and not isinstance(otp, bool) else None,
        recovery=recovery if isinstance(recovery, str) else None,
    )
    if not ok:
        raise PodioError(400, "invalid_second_factor", "The second factor is not valid")
    models.consume_code(tx, "mfa_nonce", nonce)
    return _login_user(tx, emulator, code.user_id, code.client_id or "", None)
