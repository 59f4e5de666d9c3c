"""Serving the emulator: the uvicorn protocol, `running()` and the control handle.

    with podio_emulator.running() as emu:
        httpx.post(emu.base_url + "/oauth/token", data={...})
        emu.advance_clock(8 * 3600)

`running()` starts uvicorn on a free loopback port in a background thread and yields an
`EmulatorHandle`; the handle's control helpers speak the control API over HTTP, so
`EmulatorHandle.connect(base_url)` drives an emulator started elsewhere the same way.
`running_process()` runs ``podio-emulator serve`` in a process of its own instead.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

import httpx
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import TRANSPORT_KEY, create_app
from .config import EmulatorConfig
from .emulator import Emulator

__all__ = [
    "ControlError",
    "Credentials",
    "DroppableH11Protocol",
    "EmulatorHandle",
    "bind_socket",
    "running",
    "running_process",
    "uvicorn_config",
]


class DroppableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, exposing the connection's transport to the app.

    The transport is put in `scope["extensions"]["podio_emulator.transport"]`, which lets the
    fault injector close a connection without sending any HTTP answer.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            scope.setdefault("extensions", {})[TRANSPORT_KEY] = self.transport
            await inner(scope, receive, send)

        self.app = app


class Credentials(NamedTuple):
    """A user's login: unpacks as `mail, password`."""

    mail: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(mail={self.mail!r}, password='***')"


class ControlError(RuntimeError):
    """A control API call failed; carries the status and the body."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(f"control API answered {status}: {body!r}")
        self.status = status
        self.body = body


class EmulatorHandle:
    """A running emulator: where it is, how to log in, and its control helpers.

    `emulator` and `app` are set when the emulator runs in this process (`running()`), and
    None for `connect()`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        client_id: str,
        client_secret: str,
        users: Sequence[Credentials],
        emulator: Emulator | None = None,
        app: Any = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.users: list[Credentials] = list(users)
        self.emulator = emulator
        self.app = app
        self._http = httpx.Client(base_url=self.base_url, timeout=30.0)

    def __repr__(self) -> str:
        return f"EmulatorHandle(base_url={self.base_url!r}, client_id={self.client_id!r})"

    @classmethod
    def connect(
        cls,
        base_url: str,
        *,
        client_id: str = "emulator",
        client_secret: str = "emulator-secret",  # noqa: S107 - the documented default
        users: Sequence[Credentials] = (Credentials("user@example.com", "password"),),
    ) -> EmulatorHandle:
        """A handle on an emulator started elsewhere (`podio-emulator serve`)."""
        return cls(base_url, client_id=client_id, client_secret=client_secret, users=users)

    def url(self, path: str) -> str:
        return self.base_url + path

    def close(self) -> None:
        self._http.close()

    # -- control API -------------------------------------------------------------------------

    def control(self, method: str, path: str, json: Any = None) -> Any:
        """Call `/_emulator/<path>`; returns the parsed body, raises `ControlError`."""
        response = self._http.request(method, "/_emulator/" + path.lstrip("/"), json=json)
        body: Any = None
        if response.content:
            try:
                body = response.json()
            except ValueError:
                body = response.text
        if response.status_code >= 400:
            raise ControlError(response.status_code, body)
        return body

    def reset(self) -> None:
        """Back to a fresh start (see `POST /_emulator/reset`)."""
        self.control("POST", "reset")

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        """Move the emulator clock forward; tokens expire and rate windows roll."""
        result: dict[str, Any] = self.control("POST", "clock", {"advance": seconds})
        return result

    def set_faults(
        self,
        *,
        rate: float = 0.0,
        statuses: Sequence[int] | None = None,
        drop: float = 0.0,
        lose: float = 0.0,
        latency_ms: int = 0,
        methods: Sequence[str] | None = None,
        path: str | None = None,
        seed: int | None = None,
        include_oauth: bool = False,
    ) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "rate": rate,
            "drop": drop,
            "lose": lose,
            "latency_ms": latency_ms,
            "include_oauth": include_oauth,
        }
        if statuses is not None:
            spec["statuses"] = list(statuses)
        if methods is not None:
            spec["methods"] = list(methods)
        if path is not None:
            spec["path"] = path
        if seed is not None:
            spec["seed"] = seed
        result: dict[str, Any] = self.control("POST", "faults", spec)
        return result

    def clear_faults(self) -> None:
        self.control("DELETE", "faults")

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.control("GET", "state")
        return result

    def seed(self) -> dict[str, Any]:
        """Create the demo world (once); returns its ids."""
        result: dict[str, Any] = self.control("POST", "seed")
        return result

    def create_user(
        self, mail: str, password: str, *, name: str = "", mfa: bool = False
    ) -> dict[str, Any]:
        """Add a user (`POST /_emulator/users`); returns its ids (and OTP data when `mfa`)."""
        result: dict[str, Any] = self.control(
            "POST", "users", {"mail": mail, "password": password, "name": name, "mfa": mfa}
        )
        return result

    # -- conveniences ------------------------------------------------------------------------

    def token(self, mail: str | None = None, password: str | None = None) -> dict[str, Any]:
        """Log in with the password grant (first configured user by default)."""
        if mail is None:
            if not self.users:
                raise ValueError("the emulator has no configured user; pass mail and password")
            mail, default_password = self.users[0]
            password = password if password is not None else default_password
        if password is None:
            matches = [u.password for u in self.users if u.mail == mail]
            if not matches:
                raise ValueError(f"no password known for {mail!r}")
            password = matches[0]
        response = self._http.post(
            "/oauth/token",
            data={
                "grant_type": "password",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "username": mail,
                "password": password,
            },
        )
        if response.status_code != 200:
            raise ControlError(response.status_code, response.json())
        result: dict[str, Any] = response.json()
        return result

    def auth_headers(self, mail: str | None = None, password: str | None = None) -> dict[str, str]:
        """`{"Authorization": "OAuth2 <token>"}` for a fresh password-grant token."""
        return {"Authorization": "OAuth2 " + self.token(mail, password)["access_token"]}


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio only sets TCP_NODELAY on accepted sockets whose proto
    # says TCP, and without it every answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def uvicorn_config(
    app: Any, config: EmulatorConfig, *, log_level: str = "warning"
) -> uvicorn.Config:
    """uvicorn settings the emulator needs: its h11 protocol, no lifespan, no websockets, no
    uvicorn access log (it would print query strings, which may hold tokens)."""
    return uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        http=DroppableH11Protocol,
        ws="none",
        lifespan="off",
        access_log=False,
        log_level=log_level,
        timeout_keep_alive=30,
    )


@contextmanager
def running(config: EmulatorConfig | None = None, **overrides: Any) -> Iterator[EmulatorHandle]:
    """Run an emulator under uvicorn in a background thread for the duration of the block.

    Settings are `EmulatorConfig` fields given as keywords (or a config). The port is a free
    one unless `port` is given explicitly.
    """
    base = config if config is not None else EmulatorConfig()
    if "port" not in overrides:
        overrides["port"] = 0
    cfg = base.with_overrides(**overrides)
    emulator = Emulator(cfg)
    app = create_app(emulator=emulator)
    sock = bind_socket(cfg.host, cfg.port)
    host, port = sock.getsockname()[:2]
    server = uvicorn.Server(uvicorn_config(app, cfg))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="podio-emulator", daemon=True
    )
    thread.start()
    started = threading.Event()
    for _ in range(2000):
        if server.started or not thread.is_alive():
            started.set()
            break
        started.wait(0.005)
    if not server.started:
        server.should_exit = True
        thread.join(5)
        sock.close()
        emulator.close()
        raise RuntimeError("the emulator did not start")
    url_host = f"[{host}]" if ":" in host else host
    handle = EmulatorHandle(
        f"http://{url_host}:{port}",
        client_id=cfg.client_id,
        client_secret=cfg.client_secret,
        users=[Credentials(u.mail, u.password) for u in cfg.users],
        emulator=emulator,
        app=app,
    )
    try:
        yield handle
    finally:
        handle.close()
        server.should_exit = True
        thread.join(10)
        sock.close()
        emulator.close()


@contextmanager
def running_process(*arguments: str) -> Iterator[EmulatorHandle]:
    """``podio-emulator serve`` on a free port in a process of its own, as users run it.

    `arguments` are more ``serve`` options (``"--rate-limit", "1000000"``). Client and server
    then do not share one interpreter lock, so volume tests and benchmarks run at the speed
    of two cores instead of one. The handle speaks the control API over HTTP; the process
    ends with the block.
    """
    command = [sys.executable, "-m", "podio_emulator", "serve", "--port", "0"]
    command += ["--log-level", "warning", *arguments]
    process = subprocess.Popen(  # noqa: S603 (our own module, arguments from the caller)
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"(http://\S+)", first)
        if match is None:
            raise RuntimeError(f"the emulator did not start: {first!r}")
        threading.Thread(target=process.stdout.read, daemon=True).start()  # drain the rest
        handle = EmulatorHandle.connect(match.group(1))
        try:
            yield handle
        finally:
            handle.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
