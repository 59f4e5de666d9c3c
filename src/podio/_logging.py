"""The ``podio`` logger and the redaction every log line goes through.

One DEBUG line per request: method, path, status, duration and request id. Never a header,
never a body, and query parameters that could carry a secret are masked.
"""

from __future__ import annotations

import logging
import re
import sys
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["enable_debug_logging", "logger", "redact_url"]

logger = logging.getLogger("podio")

SECRET_PARAMS = frozenset(
    {
        "access_token",
        "app_token",
        "client_secret",
        "code",
        "oauth_token",
        "password",
        "refresh_token",
        "transfer_token",
        "activation_code",
        "otp",
        "recoverycode",
        "nonce",
    }
)

_HANDLER_NAME = "podio-debug"


def redact_url(url: str) -> str:
    """The URL with the values of secret-looking query parameters replaced by ``***``."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = [
        (key, "***" if key.lower() in SECRET_PARAMS else value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return urlunsplit(parts._replace(query=urlencode(pairs, safe="*")))


_BEARER = re.compile(r"(OAuth2|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)


def redact_text(text: str) -> str:
    """Mask anything that looks like an Authorization header value."""
    return _BEARER.sub(r"\1 ***", text)


def enable_debug_logging() -> None:
    """Send the ``podio`` logger's DEBUG lines to stderr (what ``setup(debug=True)`` does)."""
    logger.setLevel(logging.DEBUG)
    if any(handler.get_name() == _HANDLER_NAME for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
