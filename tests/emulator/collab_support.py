"""Helpers for the tests of the collaboration areas (comments, tasks, files, hooks, ...)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> Any:
    """A captured Podio body (tests/emulator/samples, see its README)."""
    return json.loads((SAMPLES / name).read_text())


def assert_same_shape(expected: Any, actual: Any, path: str = "") -> None:
    """Every key of the captured body is present with a value of the same JSON type
    (null in the capture accepts anything; lists compare their first elements)."""
    if expected is None:
        return
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{path}.{key} is missing"
            assert_same_shape(value, actual[key], f"{path}.{key}")
        return
    if isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        if expected and actual:
            assert_same_shape(expected[0], actual[0], f"{path}[0]")
        return
    if isinstance(expected, bool):
        assert isinstance(actual, bool), f"{path}: expected a boolean, got {actual!r}"
        return
    if isinstance(expected, int | float):
        assert isinstance(actual, int | float), f"{path}: expected a number, got {actual!r}"
        assert not isinstance(actual, bool), f"{path}: expected a number, got {actual!r}"
        return
    assert isinstance(actual, type(expected)), f"{path}: expected {type(expected)}, got {actual!r}"


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON of an answer with that status (fails with the body otherwise)."""
    assert response.status_code == status, (response.status_code, response.text)
    return response.json() if response.content else None


def error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, (response.status_code, response.text)
    body: dict[str, Any] = response.json()
    return body


def upload(
    client: httpx.Client,
    name: str,
    data: bytes,
    content_type: str = "text/plain",
    path: str = "/file/",
) -> dict[str, Any]:
    result: dict[str, Any] = ok(
        client.post(path, files={"source": (name, data, content_type)}, data={"filename": name})
    )
    return result


def give_avatar(client: httpx.Client) -> int:
    """Upload a picture and make it the caller's avatar (captured people have avatars, so
    bylines then carry the same `image` objects as the samples)."""
    file_id = int(upload(client, "me.png", b"\x89PNG\r\n", "image/png")["file_id"])
    assert client.put("/user/profile/", json={"avatar": file_id}).status_code == 204
    return file_id


def user_id(client: httpx.Client) -> int:
    return int(ok(client.get("/user/"))["user_id"])


@dataclass
class Call:
    path: str
    query: dict[str, str]
    form: dict[str, str]
    body: bytes = b""  # as posted, for parsers that take the raw body


@dataclass
class Receiver:
    """A webhook receiver on a loopback port: records every POST, answers 500 for the next
    `fail` calls (verification calls excepted), and can validate hooks itself."""

    url: str
    calls: list[Call] = field(default_factory=list)
    fail: int = 0
    validate_with: httpx.Client | None = None
    gate: threading.Event | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def of_type(self, kind: str) -> list[dict[str, str]]:
        with self.lock:
            return [c.form for c in self.calls if c.form.get("type") == kind]

    def events(self) -> list[dict[str, str]]:
        with self.lock:
            return [c.form for c in self.calls if c.form.get("type") != "hook.verify"]

    def bodies(self) -> list[bytes]:
        """Every POST body received, in order."""
        with self.lock:
            return [c.body for c in self.calls]


@contextmanager
def receiver() -> Iterator[Receiver]:
    """Run a `Receiver` for the duration of the block."""
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            rec = state["rec"]
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            body = raw.decode("utf-8")
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
            path, _, query = self.path.partition("?")
            with rec.lock:
                query_values = {k: v[0] for k, v in parse_qs(query).items()}
                rec.calls.append(Call(path, query_values, form, raw))
            if rec.gate is not None and form.get("type") != "hook.verify":
                rec.gate.wait(10)
            if form.get("type") == "hook.verify" and rec.validate_with is not None:
                rec.validate_with.post(
                    f"/hook/{form['hook_id']}/verify/validate", json={"code": form["code"]}
                )
            failing = False
            with rec.lock:
                if rec.fail > 0 and form.get("type") != "hook.verify":
                    rec.fail -= 1
                    failing = True
            self.send_response(500 if failing else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state["rec"] = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hook")
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield state["rec"]
    finally:
        if state["rec"].gate is not None:
            state["rec"].gate.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def flush(control: Callable[..., Any]) -> dict[str, Any]:
    """Wait for the webhook queue (`POST /_emulator/hooks/flush`)."""
    result: dict[str, Any] = control("POST", "hooks/flush", {"timeout": 20})
    assert result["done"], result
    return result
