"""Each of httpx's four timeouts becomes PodioTimeoutError within the time configured.

Real sockets on the loopback, no emulator: a listener whose queue is full (connect never
completes), a server that accepts and then neither reads nor answers (reading waits
forever; a large upload fills the buffers and writing waits forever), and a server that
sends headers and never ends its body, holding the only connection of a pool of one (the
next call waits for the pool). The waits measured here are the timeouts under test; there is
no clock to move inside a socket.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

import podio

TIMEOUT = 0.3
SLACK = 1.5  # scheduling on a busy two-core machine; a hang would take minutes


class Silent:
    """Accepts connections and never reads from or answers them (or, with `headers`, sends
    the head of a chunked answer whose body never ends)."""

    def __init__(self, *, headers: bool = False) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.headers = headers
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return  # closed
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            if self.headers:
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n"
                )
            self.accepted.append(connection)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() waiting in _serve
        self.listener.close()
        for connection in self.accepted:
            connection.close()
        self.thread.join(5)


@pytest.fixture
def silent() -> Iterator[Silent]:
    server = Silent()
    yield server
    server.close()


@pytest.fixture
def streaming() -> Iterator[Silent]:
    server = Silent(headers=True)
    yield server
    server.close()


@pytest.fixture
def full_queue() -> Iterator[str]:
    """A listener that accepts nothing, its queue filled: new connections never complete."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    address = listener.getsockname()
    fillers: list[socket.socket] = []
    while True:  # one pending connection fills a queue of 0 on Linux; fill until it holds
        filler = socket.socket()
        filler.settimeout(0.05)
        try:
            filler.connect(address)
        except OSError:
            filler.close()
            break
        fillers.append(filler)
    yield f"http://127.0.0.1:{address[1]}"
    for filler in fillers:
        filler.close()
    listener.close()


def _client(url: str, **options: object) -> podio.Client:
    options.setdefault("max_retries", 0)
    return podio.Client(
        "id",
        "secret",
        api_url=url,
        oauth_token={"access_token": "a", "expires_in": 28800},
        **options,  # type: ignore[arg-type]
    )


@contextlib.contextmanager
def _within(seconds: float) -> Iterator[None]:
    started = time.monotonic()
    yield
    elapsed = time.monotonic() - started
    assert elapsed < seconds + SLACK, f"took {elapsed:.2f} s for a {seconds} s timeout"


def test_a_server_that_never_answers_is_a_read_timeout(silent: Silent) -> None:
    with (
        _client(silent.url, timeout=TIMEOUT) as client,
        _within(TIMEOUT),
        pytest.raises(podio.PodioTimeoutError) as caught,
    ):
        client.connection.get("/user/status")
    error = caught.value
    assert isinstance(error, TimeoutError) and isinstance(error, podio.PodioConnectionError)
    assert "read timeout" in str(error)
    assert (error.method, error.url) == ("GET", f"{silent.url}/user/status")
    assert error.response_status is None


async def test_async_calls_time_out_the_same(silent: Silent) -> None:
    client = _client(silent.url, timeout=TIMEOUT)
    try:
        with _within(TIMEOUT), pytest.raises(podio.PodioTimeoutError, match="read timeout"):
            await client.connection.aget("/user/status")
    finally:
        await client.aclose()


def test_retries_of_a_read_timeout_are_bounded_too(silent: Silent) -> None:
    with (
        _client(silent.url, timeout=TIMEOUT, max_retries=2) as client,
        _within(3 * TIMEOUT),
        pytest.raises(podio.PodioTimeoutError),
    ):
        client.connection.get("/user/status")
    assert len(silent.accepted) == 3  # the first try and two retries, each given up in time


def test_a_per_call_timeout_wins_over_the_clients(silent: Silent) -> None:
    with (
        _client(silent.url, timeout=60) as client,
        _within(TIMEOUT),
        pytest.raises(podio.PodioTimeoutError),
    ):
        client.connection.get("/user/status", timeout=TIMEOUT)


def test_a_listener_that_never_accepts_is_a_connect_timeout(full_queue: str) -> None:
    timeout = httpx.Timeout(60, connect=TIMEOUT)
    with (
        _client(full_queue, timeout=timeout) as client,
        _within(TIMEOUT),
        pytest.raises(podio.PodioTimeoutError, match="connect timeout"),
    ):
        client.connection.get("/user/status")


def test_an_upload_nobody_reads_is_a_write_timeout(silent: Silent) -> None:
    timeout = httpx.Timeout(60, write=TIMEOUT)
    body = {"source": ("big.bin", b"x" * 64_000_000, "application/pdf")}
    with (
        _client(silent.url, timeout=timeout) as client,
        _within(TIMEOUT),
        pytest.raises(podio.PodioTimeoutError, match="write timeout"),
    ):
        client.connection.post("/file/", files=body, data={"filename": "big.bin"})


def test_waiting_for_a_pooled_connection_is_a_pool_timeout(streaming: Silent) -> None:
    pool = httpx.HTTPTransport(limits=httpx.Limits(max_connections=1))
    timeout = httpx.Timeout(60, pool=TIMEOUT)
    with (
        _client(streaming.url, timeout=timeout, transport=pool) as client,
        client.connection.stream("GET", "/file/1/raw") as holding,
    ):
        assert holding.status == 200  # the only connection is busy with this body
        with _within(TIMEOUT), pytest.raises(podio.PodioTimeoutError, match="pool timeout"):
            client.connection.get("/user/status")
