"""OAuth: every operation of the oauth area, as a user calls it and as Podio sees it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

import podio

from ...mock_api import MockPodio
from ...reference import sample
from ._wire_people import AreModels, IsModel, Op, arun, op_id, run

API_CLIENT = {
    "auth_client_id": 11,
    "name": "Sync",
    "key": "sync-app",
    "secret": "s3cr3t-value",
    "url": "https://example.com",
    "domain": "example.com",
    "scope": [{"ref_type": "space", "ref_id": 2, "permission": "read"}],
}
TOKEN = sample("oauth-token-password.json")


@dataclass(frozen=True)
class IsToken:
    """The result is an `OAuthToken` holding the answer's tokens."""

    answer: Any

    def check(self, result: Any) -> None:
        assert isinstance(result, podio.OAuthToken)
        assert result.access_token == self.answer["access_token"]
        assert result.refresh_token == self.answer["refresh_token"]
        assert result.reference == self.answer["ref"]


def _assert_client_registered(api_client: podio.OAuthClient) -> None:
    assert api_client.auth_client_id == 11 and api_client.key == "sync-app"
    assert api_client.secret == "n3w-s3cret"


OPS = [
    Op(
        podio.OAuth,
        "authorize",
        "POST",
        "/oauth/authorize",
        args=({"client_id": "sync-app", "redirect_uri": "https://example.com/cb"},),
        json={"client_id": "sync-app", "redirect_uri": "https://example.com/cb"},
        answer={"code": "abc"},
        expect={"code": "abc"},
    ),
    Op(
        podio.OAuth,
        "get_info",
        "POST",
        "/oauth/info",
        args=({"client_id": "sync-app", "redirect_uri": "https://example.com/cb"},),
        json={"client_id": "sync-app", "redirect_uri": "https://example.com/cb"},
        answer={"auth_client": {"name": "Sync"}},
        expect={"auth_client": {"name": "Sync"}},
    ),
    Op(
        podio.OAuth,
        "get_access_token",
        "POST",
        "/oauth/token",
        args=({"grant_type": "app", "client_id": "id", "client_secret": "sec", "app_id": 4},),
        form={"grant_type": "app", "client_id": "id", "client_secret": "sec", "app_id": "4"},
        answer=TOKEN,
        expect=TOKEN,
        auth=None,
    ),
    Op(
        podio.OAuth,
        "get_access_token_by_openid",
        "POST",
        "/oauth/token_by_openid",
        args=("https://me.example/openid", "openid"),
        form={"grant_type": "openid", "identifier": "https://me.example/openid"},
        answer=TOKEN,
        expect=IsToken(TOKEN),
    ),
    Op(
        podio.OAuth,
        "verify_second_factor",
        "POST",
        "/mfa/verify",
        args=("nonce-1", "123456"),
        json={"nonce": "nonce-1", "otp": "123456"},
        answer=TOKEN,
        expect=IsToken(TOKEN),
        auth=None,
    ),
    Op(
        podio.OAuth,
        "verify_second_factor",
        "POST",
        "/mfa/verify",
        args=("nonce-1", "rescue-me"),
        kwargs={"use_recovery_code": True},
        json={"nonce": "nonce-1", "recoveryCode": "rescue-me"},
        answer=TOKEN,
        expect=IsToken(TOKEN),
        auth=None,
    ),
    Op(podio.OAuth, "invalidate_grant", "POST", "/oauth/grant/invalidate", status=204, expect=204),
    # -- API clients -------------------------------------------------------------------------------
    Op(
        podio.OAuthClient,
        "find",
        "GET",
        "/oauth/client/11",
        args=(11,),
        answer=API_CLIENT,
        expect=IsModel(podio.OAuthClient, API_CLIENT),
    ),
    Op(
        podio.OAuthClient,
        "find_all_for_current_user",
        "GET",
        "/oauth/client/",
        answer=[API_CLIENT],
        expect=AreModels(podio.OAuthClient, [API_CLIENT]),
    ),
    Op(
        podio.OAuthClient,
        "find_all_for_user",
        "GET",
        "/oauth/client/user/5/",
        args=(5,),
        answer=[API_CLIENT],
        expect=AreModels(podio.OAuthClient, [API_CLIENT]),
    ),
    Op(
        podio.OAuthClient,
        "find_granted_clients",
        "GET",
        "/oauth/grant/client/",
        answer=[{"auth_client_id": 12, "name": "Other"}],
        expect=AreModels(podio.OAuthClient, [{"auth_client_id": 12, "name": "Other"}]),
    ),
    Op(
        podio.OAuthClient,
        "create_client",
        "POST",
        "/oauth/client/",
        args=({"name": "Sync", "domain": "example.com"},),
        json={"name": "Sync", "domain": "example.com"},
        answer={"auth_client_id": 11},
        expect=IsModel(podio.OAuthClient, {"auth_client_id": 11}),
    ),
    Op(
        podio.OAuthClient,
        "create_admin",
        "POST",
        "/oauth/client/user/5/",
        args=(5, {"name": "Partner", "domain": "partner.example"}),
        json={"name": "Partner", "domain": "partner.example"},
        status=204,
        expect=204,
    ),
    Op(
        podio.OAuthClient,
        "update_client",
        "PUT",
        "/oauth/client/11",
        args=(11, {"name": "Sync 2"}),
        json={"name": "Sync 2"},
        status=204,
        expect=204,
    ),
    Op(
        podio.OAuthClient,
        "update_admin",
        "PUT",
        "/oauth/client/11/admin",
        args=(11, {"trusted": True}),
        json={"trusted": True},
        status=204,
        expect=204,
    ),
    Op(
        podio.OAuthClient,
        "reset",
        "POST",
        "/oauth/client/11/reset",
        args=(11,),
        status=204,
        expect=204,
    ),
    Op(
        podio.OAuthClient,
        "delete",
        "DELETE",
        "/oauth/client/11",
        args=(11,),
        status=204,
        expect=204,
    ),
    Op(
        podio.OAuthClient,
        "delete_grant",
        "DELETE",
        "/oauth/grant/client/11",
        args=(11,),
        status=204,
        expect=204,
    ),
    Op(
        lambda: podio.OAuthClient(name="Sync", domain="example.com"),
        "create",
        "POST",
        "/oauth/client/",
        json={"name": "Sync", "domain": "example.com"},
        answer={"auth_client_id": 11, "key": "sync-app", "secret": "n3w-s3cret"},
        expect=True,
        after=_assert_client_registered,
    ),
    Op(
        lambda: podio.OAuthClient(API_CLIENT),
        "update",
        "PUT",
        "/oauth/client/11",
        json={
            "name": "Sync",
            "url": "https://example.com",
            "domain": "example.com",
            "scope": [{"ref_type": "space", "ref_id": 2, "permission": "read"}],
        },
        status=204,
        expect=True,
    ),
    Op(
        lambda: podio.OAuthClient(API_CLIENT),
        "destroy",
        "DELETE",
        "/oauth/client/11",
        status=204,
        expect=True,
    ),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_an_api_client_types_its_scopes_and_hides_its_secret(api: MockPodio) -> None:
    api.on("GET", "/oauth/client/11", API_CLIENT)
    api_client = podio.OAuthClient.find(11)
    assert api_client.scope is not None
    assert [type(s) for s in api_client.scope] == [podio.OAuthScope]
    assert api_client.scope[0].ref_id == 2
    assert "s3cr3t" not in repr(api_client)
    assert "s3cr3t" not in repr(podio.OAuthClient(name="x", secret="s3cr3t"))


def test_a_token_answer_without_a_token_is_refused_without_echoing_it(api: MockPodio) -> None:
    api.on("POST", "/mfa/verify", {"refresh_token": "leaky-refresh"})
    with pytest.raises(podio.InvalidResponseError) as caught:
        podio.OAuth.verify_second_factor("nonce-1", "123456")
    assert "leaky-refresh" not in str(caught.value)
    assert "leaky-refresh" not in repr(caught.value.response_body)


def test_the_token_from_a_second_factor_does_not_replace_the_client_token(
    api: MockPodio,
) -> None:
    api.on("POST", "/mfa/verify", TOKEN)
    client = podio.get_client()
    before = client.oauth_token
    token = podio.OAuth.verify_second_factor("nonce-1", "123456")
    assert client.oauth_token is before and token.access_token == TOKEN["access_token"]
