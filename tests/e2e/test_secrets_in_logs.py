"""No secret of a whole run shows in any log line, repr or exception message.

Every logger of the process is turned to DEBUG and captured (podio, httpx, httpcore and its
per-protocol loggers, the emulator's own loggers with its access log on, uvicorn) while one
run goes through every OAuth grant (password, second factor with a one-time and a recovery
code, authorization code, the implicit flow's redirect, app, transfer token, activation
code, SSO, OpenID), automatic and explicit refresh, a refused refresh, file upload and
download, a webhook's verification handshake, and failures: wrong passwords and codes, 403,
404, a connection that cannot be made. Then none of the secrets used or handed out may
appear in any captured line (tracebacks included), nor in the repr or message of any
exception raised, nor in the repr of clients, tokens, stores, responses and models.
"""

from __future__ import annotations

import asyncio
import base64
import io
import logging
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import podio
from podio import webhooks
from podio_emulator import EmulatorHandle, running
from podio_emulator.config import ClientSpec, UserSpec

from ..emulator.collab_support import flush, receiver
from .test_auth import _authorize

CLIENT_SECRET = "client-secret-R2d7Kq9w"
TRUSTED_SECRET = "trusted-secret-Px4Jm8s"
PASSWORD = "password-Vb83LmQ2"
MFA_PASSWORD = "password-mfa-Zt61Qe5"
OTP = "482913"
RECOVERY = "recovery-Hc57Wd3n"
USER = "user@example.com"
MFA_USER = "mfa@example.com"
REDIRECT = "http://localhost:9/callback"


class Capture(logging.Handler):
    """Keeps every record as it would be printed, traceback and stack included."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.names: set[str] = set()
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.names.add(record.name)
        self.lines.append(self.format(record))


@pytest.fixture
def captured() -> Iterator[Capture]:
    """Every logger at DEBUG, every record captured, whatever its logger's propagation."""
    capture = Capture()
    names = ["", "podio", "httpx", "httpcore", "podio_emulator", "uvicorn", "uvicorn.error"]
    names += [f"httpcore.{part}" for part in ("connection", "http11", "http2", "proxy", "socks")]
    loggers = [logging.getLogger(name) for name in names]
    loggers += [logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)]
    saved = {logger: (logger.level, logger.disabled) for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is logging.getLogger() or not logger.propagate:
            logger.addHandler(capture)
    try:
        yield capture
    finally:
        for logger, (level, disabled) in saved.items():
            logger.setLevel(level)
            logger.disabled = disabled
            logger.removeHandler(capture)


class Journal:
    """What one run used and met: its secrets, the errors raised, the objects shown."""

    def __init__(self, emu: EmulatorHandle) -> None:
        self.emu = emu
        self.secrets: set[str] = {CLIENT_SECRET, TRUSTED_SECRET, PASSWORD, MFA_PASSWORD}
        self.secrets |= {OTP, RECOVERY}
        self.secrets.add(base64.b64encode(f"{emu.client_id}:{CLIENT_SECRET}".encode()).decode())
        self.errors: list[BaseException] = []
        self.shown: list[Any] = []
        self.clients: list[podio.Client] = []

    def client(self, client_id: str | None = None, secret: str = CLIENT_SECRET) -> podio.Client:
        made = podio.Client(
            client_id or self.emu.client_id,
            secret,
            api_url=self.emu.base_url,
            debug=True,
            on_token_refreshed=self.token,
        )
        self.clients.append(made)
        return made

    def token(self, token: podio.OAuthToken) -> None:
        self.secrets.add(token.access_token)
        if token.refresh_token:
            self.secrets.add(token.refresh_token)
        self.shown.append(token)

    def fails(self, error: type[BaseException], call: Any, *args: Any, **kwargs: Any) -> None:
        with pytest.raises(error) as caught:
            call(*args, **kwargs)
        self.errors.append(caught.value)

    def texts(self) -> list[str]:
        texts: list[str] = []
        for error in self.errors:
            texts += [str(error), repr(error), *map(str, error.args)]
            if isinstance(error, podio.PodioError):
                texts += [error.message, str(error.url)]
        for value in [*self.shown, *self.clients]:
            texts += [repr(value), str(value)]
        for made in self.clients:
            texts += [repr(made.token_store), repr(made.connection), repr(made.oauth_token)]
        return texts


def _run(journal: Journal) -> None:
    emu = journal.emu

    # Password grant, and a wrong password.
    client = journal.client()
    journal.token(client.authenticate_with_credentials(USER, PASSWORD))
    journal.fails(
        podio.InvalidGrantError, journal.client().authenticate_with_credentials, USER, "x"
    )

    # Second factor: a wrong code, the one-time code, then a recovery code.
    mfa = journal.client()
    with pytest.raises(podio.SecondFactorRequired) as challenge:
        mfa.authenticate_with_credentials(MFA_USER, MFA_PASSWORD)
    journal.errors.append(challenge.value)
    journal.secrets.add(challenge.value.nonce)
    journal.fails(
        podio.InvalidSecondFactorError,
        mfa.authenticate_with_second_factor,
        challenge.value.nonce,
        "000000",
    )
    mfa.authenticate_with_second_factor(challenge.value.nonce, OTP)
    with pytest.raises(podio.SecondFactorRequired) as again:
        mfa.authenticate_with_credentials(MFA_USER, MFA_PASSWORD)
    journal.secrets.add(again.value.nonce)
    mfa.authenticate_with_second_factor(again.value.nonce, RECOVERY, use_recovery_code=True)

    # Authorization code, through the authorize page as a browser fills it in.
    web = journal.client()
    answer = _authorize(emu, web, REDIRECT, (USER, PASSWORD))
    code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
    journal.secrets.add(code)
    web.authenticate_with_auth_code(code, REDIRECT)
    journal.fails(
        podio.InvalidGrantError, journal.client().authenticate_with_auth_code, code, REDIRECT
    )

    # The implicit flow hands the tokens to the browser in the redirect's fragment.
    implicit = _authorize(emu, web, REDIRECT, (USER, PASSWORD), response_type="token")
    fragment = parse_qs(urlsplit(implicit.headers["location"]).fragment)
    journal.secrets |= {fragment["access_token"][0], fragment["refresh_token"][0]}

    # An app and its app token; the app grant, and a wrong app token.
    world = emu.seed()
    app = podio.Application.create(
        {
            "space_id": world["space_ids"]["sales"],
            "config": {"name": "Leads", "item_name": "Lead"},
            "fields": [{"type": "text", "config": {"label": "Name"}}],
        },
        client=client,
    )
    assert app.app_id is not None
    found = podio.Application.find(app.app_id, client=client)
    journal.shown.append(found)
    app_token = client.connection.get(f"/app/{app.app_id}").body["token"]
    journal.secrets.add(app_token)
    journal.client().authenticate_with_app(app.app_id, app_token)
    journal.fails(
        podio.InvalidGrantError, journal.client().authenticate_with_app, app.app_id, "wrong"
    )

    # Transfer token, activation code, SSO, OpenID (a trusted client of its own).
    transfer = emu.control("POST", "transfer_token", {"mail": USER})["transfer_token"]
    journal.secrets.add(transfer)
    journal.client().authenticate_with_transfer_token(transfer)
    journal.fails(
        podio.InvalidGrantError, journal.client().authenticate_with_transfer_token, transfer
    )
    activation = emu.control("POST", "activation_code", {"mail": "new@example.com"})
    journal.secrets.add(activation["activation_code"])
    journal.client().authenticate_with_activation_code(activation["activation_code"])
    journal.client().authenticate_with_sso({"mail": "sso@example.com", "name": "S"})
    emu.control("POST", "openid", {"mail": USER, "identifier": "https://me.example/"})
    trusted = journal.client("trusted", TRUSTED_SECRET)
    trusted.authenticate_with_openid("https://me.example/", "google")

    # Refresh: after the clock passes the token's hours, explicitly, async, and refused.
    emu.advance_clock(8 * 3600 + 60)
    assert client.connection.get("/user/status").status == 200
    client.refresh_access_token()

    async def async_calls() -> None:
        await client.connection.aget("/user/status")
        await client.arefresh_access_token()
        await client.aclose()

    asyncio.run(async_calls())

    # Files, both ways.
    uploaded = podio.FileAttachment.upload(
        io.BytesIO(b"%PDF-1.4 secret-free"), "a.pdf", client=client
    )
    journal.shown.append(uploaded)
    assert uploaded.file_id is not None
    assert podio.FileAttachment.download(uploaded.file_id, client=client).startswith(b"%PDF")

    # A webhook's handshake: the code Podio posts, a wrong code, then the right one.
    with receiver() as hooks:
        hook = podio.Hook.create("app", app.app_id, hooks.url, "item.create", client=client)
        flush(emu.control)
        podio.Hook.verify(hook.hook_id, client=client)
        flush(emu.control)
        codes = [form["code"] for form in hooks.of_type("hook.verify")]
        assert len(codes) == 2
        journal.secrets |= set(codes)
        event = webhooks.parse(hooks.calls[-1].form)
        journal.shown.append(event)
        journal.fails(
            podio.BadRequestError, podio.Hook.validate, hook.hook_id, codes[0], client=client
        )
        webhooks.validate(event.hook_id, event.code, client=client)

    # Failures: not found, forbidden, and a port where nothing listens.
    journal.fails(podio.NotFoundError, podio.Item.find, 999_999_999, client=client)
    app_client = journal.client()
    app_client.authenticate_with_app(app.app_id, app_token)
    journal.fails(
        podio.ForbiddenError, app_client.connection.get, f"/space/{world['space_ids']['intranet']}"
    )
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    nowhere = podio.Client(
        emu.client_id, CLIENT_SECRET, api_url=f"http://127.0.0.1:{port}", max_retries=0
    )
    journal.clients.append(nowhere)
    journal.fails(podio.PodioConnectionError, nowhere.authenticate_with_credentials, USER, PASSWORD)

    # Last, as it ends every journal of this user and client: a refused refresh.
    doomed = journal.client()
    doomed.authenticate_with_credentials(USER, PASSWORD)
    podio.OAuth.invalidate_grant(client=doomed)
    journal.fails(podio.InvalidGrantError, doomed.refresh_access_token)


def test_no_secret_reaches_a_log_line_a_repr_or_an_error(captured: Capture) -> None:
    users = [
        UserSpec(USER, PASSWORD, "User"),
        UserSpec(MFA_USER, MFA_PASSWORD, "Mfa", mfa=True, otp=OTP, recovery_codes=(RECOVERY,)),
    ]
    with running(
        client_secret=CLIENT_SECRET,
        users=users,
        extra_clients=(ClientSpec("trusted", TRUSTED_SECRET, trusted=True),),
        access_log=True,
        rate_limit=10**6,
        heavy_rate_limit=10**6,
    ) as emu:
        journal = Journal(emu)
        try:
            _run(journal)
        finally:
            for made in journal.clients:
                made.close()

    assert len(journal.secrets) > 20
    texts = captured.lines + journal.texts()
    leaks = sorted(
        {
            f"{secret[:6]}... in {text[:160]!r}"
            for text in texts
            for secret in journal.secrets
            if secret in text
        }
    )
    assert leaks == []
    # The capture saw every layer, so the absence above means something.
    for name in (
        "podio",
        "httpx",
        "httpcore.http11",
        "httpcore.connection",
        "podio_emulator.access",
    ):
        assert name in captured.names, f"nothing was logged by {name}"
    assert any("POST /oauth/token -> 200" in line for line in captured.lines)
    assert any("POST /oauth/token 400" in line for line in captured.lines)
