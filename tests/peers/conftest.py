"""Fixtures for the peer suite: other clients and a real browser against the emulator.

The tools come from outside Python: Node.js with podio-js (installed with `npm ci`), and
Chromium. `make test` installs them where it can (see the Makefile's `peers` target); where a
prerequisite cannot be had, the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PODIO_JS = Path(__file__).parent / "podio-js"

# Chromium on a machine without a network beyond the package registries: without the
# background-networking switches it keeps dialling Google's hosts, and as root it needs
# --no-sandbox.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def node_modules_current(project: Path) -> bool:
    """Whether `npm ci` ran after the lock file last changed (the Makefile's rule as well)."""
    installed = project / "node_modules" / ".package-lock.json"
    lock = project / "package-lock.json"
    return installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime


@pytest.fixture(scope="session")
def podio_js() -> tuple[str, Path]:
    """`(node, project)`: Node.js and the podio-js project with its packages installed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing = " and ".join(name for name, path in (("node", node), ("npm", npm)) if not path)
        pytest.skip(f"podio-js needs Node.js and npm: {missing} not found on PATH")
    version = subprocess.run(  # noqa: S603 (the machine's own node)
        [node, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 18:
        pytest.skip(f"podio-js's project needs Node.js 18 or newer; found {version}")
    if not node_modules_current(PODIO_JS):
        done = subprocess.run(  # noqa: S603 (fixed arguments)
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=PODIO_JS,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            pytest.fail(f"`npm ci` in {PODIO_JS} failed:\n{done.stderr[-2000:]}")
    return node, PODIO_JS


def chromium_executable() -> str:
    """Debian's Chromium, or the one named by `PODIO_TEST_CHROMIUM`; skips the test without."""
    named = os.environ.get("PODIO_TEST_CHROMIUM")
    if named:
        if not os.access(named, os.X_OK):
            pytest.skip(f"PODIO_TEST_CHROMIUM={named} is not an executable file")
        return named
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip(
            "no Chromium on PATH: install Debian's `chromium` package (`make peers` does it as "
            "root where apt-get exists) or set PODIO_TEST_CHROMIUM to a Chromium executable"
        )
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium driven by Playwright, for the tests of one module.

    Not for the whole session: while Playwright's synchronous API is open, asyncio tests in
    the same thread fail with "Cannot run the event loop while another loop is running".
    """
    executable = chromium_executable()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the `playwright` package (dev extra) is not installed"
    )
    with sync_api.sync_playwright() as playwright:
        # Playwright drives the machine's Chromium; it never downloads a browser of its own.
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A new page in a fresh browser context (no cookies or history from other tests)."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


class Receiver:
    """A loopback HTTP server that records the requests to its `/callback`: a redirect target."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if urlsplit(self.path).path != "/callback":
                    self.send_error(404)  # the browser also asks for /favicon.ico
                    return
                receiver.paths.append(self.path)
                body = b"<!doctype html><title>Received</title><h1>Received</h1>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return  # the paths carry codes: keep them out of the test output

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/callback"

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A started `Receiver`; `receiver.url` is its callback URL."""
    server = Receiver()
    server.start()
    yield server
    server.close()
