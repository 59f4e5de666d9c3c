"""Signing in from a terminal: the browser flow with a local callback, or credentials."""

from __future__ import annotations

import secrets
import threading
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

from .._auth import OAuthToken
from .._client import Client
from .._errors import PodioError

__all__ = ["BrowserLogin"]

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>podio</title></head>"
    "<body style='font-family: sans-serif'><h1>{title}</h1><p>{text}</p></body></html>"
)


class BrowserLogin:
    """The web server flow for a terminal program.

    Starts a one-shot HTTP server on 127.0.0.1, sends the user to Podio's authorize page with
    that server as ``redirect_uri`` and a random ``state``, and exchanges the code it receives.
    A callback with the wrong state is refused, so another page cannot inject its own code.
    """

    def __init__(
        self,
        client: Client,
        *,
        port: int = 0,
        open_browser: Callable[[str], object] = webbrowser.open,
        timeout: float = 300.0,
    ) -> None:
        self.client = client
        self.open_browser = open_browser
        self.timeout = timeout
        self.state = secrets.token_urlsafe(24)
        self._result: dict[str, str] = {}
        self._done = threading.Event()
        self._server = HTTPServer(("127.0.0.1", port), self._handler())

    @property
    def redirect_uri(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/callback"

    @property
    def url(self) -> str:
        return self.client.authorize_url(self.redirect_uri, state=self.state)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        login = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != "/callback":
                    self.send_error(404)
                    return
                query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
                if query.get("state") != login.state:
                    self._answer(400, "Sign-in refused", "The answer did not come from this login.")
                    return
                login._result = query
                if "code" in query:
                    self._answer(200, "Signed in", "You can close this window.")
                else:
                    self._answer(400, "Not signed in", query.get("error_description", "Denied."))
                login._done.set()

            def _answer(self, status: int, title: str, text: str) -> None:
                body = _PAGE.format(title=title, text=text).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return  # the callback URL carries the code: never print it

        return Handler

    def run(self) -> OAuthToken:
        """Open the browser, wait for the callback, and return the token."""
        thread = threading.Thread(target=self._serve, daemon=True)
        thread.start()
        try:
            self.open_browser(self.url)
            if not self._done.wait(self.timeout):
                raise PodioError("no answer from the browser in time; try again")
        finally:
            self._server.shutdown()
            self._server.server_close()
        code = self._result.get("code")
        if not code:
            reason = self._result.get("error_description") or self._result.get("error") or "denied"
            raise PodioError(f"sign-in was not granted: {reason}")
        return self.client.authenticate_with_auth_code(code, self.redirect_uri)

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.1)
