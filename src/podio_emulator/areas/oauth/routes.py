"""OAuth endpoints: token, second factor, the browser authorization page, scope, invalidate.

Token requests are read from everywhere clients put their parameters: the query string (podio-rb
sends SSO's `grant_type` and client credentials there), a form body (every client), a JSON body
(`/oauth/token/v2`, podio-rb's `OAuth.get_access_token`) and HTTP Basic client credentials
(podio-objc, `token_by_openid`). Later sources win over earlier ones in that order, except that
Basic credentials only fill in a missing `client_id`/`client_secret`.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ...auth import basic_credentials
from ...errors import bad_request
from ...request import ApiRequest
from ...routing import Router
from ..users import models as users
from . import grants, models

router = Router("oauth")


def token_params(req: ApiRequest) -> dict[str, str]:
    params: dict[str, str] = dict(req.query.items())
    if req.form is not None:
        params.update({k: v for k, v in req.form.items() if not isinstance(v, UploadFile)})
    elif req.body.strip():
        data = req.json()
        if not isinstance(data, dict):
            raise bad_request("The body must be a JSON object", error="invalid_request")
        params.update({k: _text(v) for k, v in data.items() if v is not None})
    creds = basic_credentials(req.headers)
    if creds is not None and not params.get("client_id"):
        params["client_id"], params["client_secret"] = creds
    return params


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value) if isinstance(value, dict | list) else str(value)


@router.post("/oauth/token", auth="none", dry_run=False)
def get_access_token(req: ApiRequest) -> object:
    """Every grant of auth.md §3, form-encoded (or JSON, or parameters in the query)."""
    return grants.run_grant(req.tx, req.emulator, token_params(req))


@router.post("/oauth/token/v2", auth="none", dry_run=False)
def get_access_token_v2(req: ApiRequest) -> object:
    """The JSON flavour of the token endpoint (auth.md §1); a form body works too."""
    return grants.run_grant(req.tx, req.emulator, token_params(req))


@router.post("/oauth/token_by_openid", auth="none", dry_run=False)
def get_access_token_by_openid(req: ApiRequest) -> object:
    """Trusted clients only (HTTP Basic client credentials in podio-rb)."""
    params = token_params(req)
    client = models.check_client(
        req.tx, params.get("client_id", ""), params.get("client_secret", "")
    )
    if client is None:
        raise bad_request("Invalid client_id or client_secret", error="invalid_client")
    if not client.trusted:
        raise bad_request("The client is not trusted", error="unauthorized_client")
    return grants.openid_grant(req.tx, req.emulator, params, client.client_id)


@router.post("/mfa/verify", auth="none", dry_run=False)
def verify_second_factor(req: ApiRequest) -> object:
    params: dict[str, Any]
    if req.form is not None:
        params = {k: v for k, v in req.form.items() if not isinstance(v, UploadFile)}
    else:
        params = req.json_object()
    return grants.verify_second_factor(req.tx, req.emulator, params)


@router.get("/oauth/scope", auth="token")
def get_scope(req: ApiRequest) -> object:
    """The current token's grants (auth.md §8)."""
    principal = req.require_principal()
    if principal.type == "app":
        return [
            {"ref_type": "app", "ref_id": principal.id, "permissions": ["all"], "ref_data": None}
        ]
    return models.scope_grants(principal.scope)


@router.post("/oauth/grant/invalidate", auth="token", dry_run=False)
def invalidate_grant(req: ApiRequest) -> object:
    """Revoke the grant behind the current token: all its access and refresh tokens die."""
    models.revoke_grant(req.tx, req.require_principal().grant_id)
    return None


# -- the browser authorization page (auth.md §2) --------------------------------------------

_FIELDS = ("client_id", "redirect_uri", "response_type", "scope", "state")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    document = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 28rem; margin: 3rem auto; color: #222; }}
label {{ display: block; margin: .8rem 0 .2rem; }}
input[type=email], input[type=password], input[type=text] {{ width: 100%; padding: .4rem; }}
.buttons {{ margin-top: 1.2rem; display: flex; gap: .6rem; }}
.error {{ color: #a00; }}
</style></head>
<body>{body}</body></html>
"""
    return HTMLResponse(document, status_code=status)


def _hidden(values: dict[str, str]) -> str:
    return "\n".join(
        f'<input type="hidden" name="{name}" value="{html.escape(values.get(name, ""))}">'
        for name in _FIELDS
        if values.get(name)
    )


def _login_form(
    values: dict[str, str], client_name: str, error: str = "", mail: str = ""
) -> HTMLResponse:
    message = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    scope = values.get("scope") or models.DEFAULT_SCOPE
    body = f"""<h1>Authorize {html.escape(client_name)}</h1>
<p><strong>{html.escape(client_name)}</strong> asks for access to your Podio account
(scope <code>{html.escape(scope)}</code>).</p>
{message}
<form method="post" action="/oauth/authorize">
{_hidden(values)}
<label for="username">E-mail</label>
<input type="email" id="username" name="username" value="{html.escape(mail)}"
 autocomplete="username">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password">
<div class="buttons">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>"""
    return _page("Authorize", body, 401 if error else 200)


def _otp_form(values: dict[str, str], nonce: str, error: str = "") -> HTMLResponse:
    message = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    body = f"""<h1>Second factor</h1>
{message}
<form method="post" action="/oauth/authorize">
{_hidden(values)}
<input type="hidden" name="nonce" value="{html.escape(nonce)}">
<label for="otp">One-time code (or a recovery code)</label>
<input type="text" id="otp" name="otp" autocomplete="one-time-code">
<div class="buttons">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>"""
    return _page("Second factor", body, 401 if error else 200)


def _error_page(message: str) -> HTMLResponse:
    return _page(
        "Authorization error",
        f'<h1>Cannot authorize</h1><p class="error">{html.escape(message)}</p>',
        400,
    )


def _with_params(uri: str, params: dict[str, str], *, fragment: bool = False) -> str:
    query = urlencode(params)
    if fragment:
        return f"{uri.split('#', 1)[0]}#{query}"
    base, _, frag = uri.partition("#")
    joined = f"{base}{'&' if '?' in base else '?'}{query}"
    return f"{joined}#{frag}" if frag else joined


def _check_request(req: ApiRequest, values: dict[str, str]) -> tuple[str, HTMLResponse | None]:
    """The client's name, or an error page for a request that cannot be redirected."""
    # response_type defaults to code: the server-side doc URL omits it (auth.md §2).
    values["response_type"] = values.get("response_type") or "code"
    client = models.find_client(req.tx, values.get("client_id", ""))
    if client is None:
        return "", _error_page("Unknown client_id.")
    redirect_uri = values.get("redirect_uri", "")
    parts = urlsplit(redirect_uri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return client.name, _error_page("redirect_uri must be an absolute http(s) URL.")
    if values["response_type"] not in ("code", "token"):
        return client.name, _error_page("response_type must be code or token.")
    return client.name, None


@router.get("/oauth/authorize", auth="none", dry_run=False)
def authorize_page(req: ApiRequest) -> object:
    """The login and consent page (plain HTML form, works without JavaScript)."""
    values = {name: req.query.get(name, "") for name in _FIELDS}
    client_name, problem = _check_request(req, values)
    return problem or _login_form(values, client_name)


@router.post("/oauth/authorize", auth="none", dry_run=False)
def authorize_submit(req: ApiRequest) -> object:
    """The form's answer: Deny redirects with `error=access_denied`; Allow checks the login
    (and the second factor for users that have one), then redirects with a code
    (`?code=&state=`) or, for `response_type=token`, with the tokens in the fragment."""
    form = req.form
    if form is None:
        return _error_page("The authorization form must be posted as a form.")
    values = {name: str(form.get(name, "") or "") for name in _FIELDS}
    client_name, problem = _check_request(req, values)
    if problem is not None:
        return problem
    redirect_uri = values["redirect_uri"]
    state = {"state": values["state"]} if values["state"] else {}
    if form.get("decision") != "allow":
        return _redirect(
            _with_params(
                redirect_uri,
                {
                    "error_reason": "user_denied",
                    "error": "access_denied",
                    "error_description": "The user denied your request.",
                    **state,
                },
            )
        )
    user_id: int | None = None
    nonce = str(form.get("nonce", "") or "")
    if nonce:
        code = models.peek_code(req.tx, "mfa_nonce", nonce)
        if code is None or code.user_id is None:
            return _login_form(values, client_name, "The login has expired; please log in again.")
        otp = str(form.get("otp", "") or "").strip()
        if not (
            users.check_second_factor(req.tx, code.user_id, otp=otp, recovery=None)
            or users.check_second_factor(req.tx, code.user_id, otp=None, recovery=otp)
        ):
            return _otp_form(values, nonce, "That code is not valid.")
        models.consume_code(req.tx, "mfa_nonce", nonce)
        user_id = code.user_id
    else:
        mail = str(form.get("username", "") or "")
        password = str(form.get("password", "") or "")
        user = users.find_user_by_mail(req.tx, mail) if mail else None
        if user is None or not users.check_password(user["password_hash"], password):
            return _login_form(values, client_name, "Wrong e-mail or password.", mail)
        if user["status"] != "active":
            return _login_form(values, client_name, "This account is not active.", mail)
        if user["mfa_otp_hash"]:
            new_nonce = models.create_code(
                req.tx, "mfa_nonce", user_id=int(user["user_id"]), client_id=values["client_id"]
            )
            return _otp_form(values, new_nonce)
        user_id = int(user["user_id"])
    users.touch(req.tx, user_id)
    scope = values["scope"] or models.DEFAULT_SCOPE
    if values["response_type"] == "token":
        body = models.issue_tokens(
            req.tx,
            req.emulator,
            ref_type="user",
            ref_id=user_id,
            client_id=values["client_id"],
            scope=scope,
        )
        fragment = {
            "access_token": body["access_token"],
            "token_type": body["token_type"],
            "expires_in": str(body["expires_in"]),
            "refresh_token": body["refresh_token"],
            "scope": scope,
            **state,
        }
        return _redirect(_with_params(redirect_uri, fragment, fragment=True))
    code_value = models.create_code(
        req.tx,
        "authorization_code",
        user_id=user_id,
        client_id=values["client_id"],
        redirect_uri=redirect_uri,
        scope=scope,
    )
    return _redirect(_with_params(redirect_uri, {"code": code_value, **state}))


def _redirect(url: str) -> Response:
    # 302 (not Starlette's default 307) so that the browser follows with a GET.
    return RedirectResponse(url, status_code=302)
