"""OAuth: authorizing API clients and exchanging grants for tokens, as plain API calls.

Signing a client in is the job of ``client.authenticate_with_*``, which also keep and refresh
the token; these operations are the same calls for code that manages tokens itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._auth import OAuthToken
from .._errors import InvalidResponseError
from .._response import Response
from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, returns

__all__ = ["OAuth"]

_DOC = "https://developers.podio.com/doc/oauth-authorization"


def _token(response: Response) -> OAuthToken:
    """The token in the answer; the body is withheld from the error, as it may hold secrets."""
    body = response.body
    try:
        if isinstance(body, Mapping):
            return OAuthToken.from_response(body)
    except (KeyError, TypeError, ValueError):
        pass
    raise InvalidResponseError(
        "the answer holds no access token",
        response_status=response.status,
        response_body="<token response withheld>",
        url=response.url,
        method=response.method,
        request_id=response.request_id,
    )


class OAuth(Model):
    """OAuth operations (no attributes: every operation is called on the class)."""

    @returns(as_raw, "POST", "/oauth/authorize")
    def authorize(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Grant an API client access on behalf of the current user (what Podio's authorize
        page does): ``{"client_id", "redirect_uri", "scope", ...}``; returns Podio's answer."""
        return Call(json=dict(attributes))

    aauthorize = authorize.twin()

    @returns(as_raw, "POST", "/oauth/info")
    def get_info(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """What an authorization request would grant (``{"client_id", "redirect_uri", ...}``):
        the API client and the scopes it asks for."""
        return Call(json=dict(attributes), idempotent=True)

    aget_info = get_info.twin()

    @returns(as_raw, "POST", "/oauth/token", doc=f"{_DOC}/get-access-token-22359")
    def get_access_token(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Exchange a grant for a token and return Podio's answer as is.

        `attributes` are the token request's fields (``grant_type``, ``client_id``,
        ``client_secret`` and the grant's own), sent form-encoded without any Authorization
        header, as every official client sends them (auth.md §3). The answer holds the tokens:
        keep it out of logs. ``client.authenticate_with_*`` do this and keep the token.
        """
        return Call(data=dict(attributes), auth=False)

    aget_access_token = get_access_token.twin()

    @returns(_token, "POST", "/oauth/token_by_openid")
    def get_access_token_by_openid(
        cls, identifier: str, type: str, *, client: ClientArg = None
    ) -> Call:
        """A token for an OpenID `identifier` of the provider `type` (a trusted-client call).

        Sent form-encoded with the client's own credentials, as a client without a user token
        sends them. Returns the token without signing the client in with it; that is what
        ``client.authenticate_with_openid`` does.
        """
        return Call(data={"grant_type": type, "identifier": identifier})

    aget_access_token_by_openid = get_access_token_by_openid.twin()

    @returns(_token, "POST", "/mfa/verify")
    def verify_second_factor(
        cls,
        nonce: str,
        code: str,
        *,
        use_recovery_code: bool = False,
        client: ClientArg = None,
    ) -> Call:
        """Finish a password sign-in that asked for a second factor: the `nonce` from
        `SecondFactorRequired` and a one-time `code` (or a recovery code).

        Returns the token without signing the client in with it; that is what
        ``client.authenticate_with_second_factor`` does.
        """
        body = {"nonce": nonce, ("recoveryCode" if use_recovery_code else "otp"): code}
        return Call(json=body, auth=False)

    averify_second_factor = verify_second_factor.twin()

    @returns(as_status, "POST", "/oauth/grant/invalidate", doc=f"{_DOC}/invalidate-grant-7997965")
    def invalidate_grant(cls, *, client: ClientArg = None) -> Call:
        """Revoke the grant behind the current token (sign the user out of this API client).

        Returns the HTTP status.
        """
        return Call()

    ainvalidate_grant = invalidate_grant.twin()
