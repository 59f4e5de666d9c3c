"""The ``podio`` logger and the redaction every log line goes through.

One DEBUG line per request: method, path, status, duration and request id. Never a header,
never a body, and query parameters that could carry a secret are masked. Some paths carry a
secret too (the calendar feeds' ``/ics/{user_id}/{token}/``): it is masked as well.

httpx logs every request URL at INFO on its own logger; a filter on that logger passes its lines
through the same redaction, so turning on logging for everything stays safe.
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
        "invite_code",
        "verification_code",
        "old_password",
        "new_password",
    }
)

_HANDLER_NAME = "podio-debug"


# Paths that carry a secret: /calendar/ics/{user_id}/{token}/ (and the space and app variants)
# hold a private feed token, /user/mail_verification/{code} a one-time code.
_SECRET_PATH = re.compile(r"(/ics/[^/?#\s]+/|/mail_verification/)[^/?#\s]+")


def redact_url(url: str) -> str:
    """The URL with secret path segments and secret-looking query values replaced by ``***``.

    The fragment is read as parameters too: the implicit OAuth flow redirects to
    ``redirect_uri#access_token=...&refresh_token=...`` (auth.md), and a log line of that
    redirect (httpcore logs response headers at DEBUG) must not carry the tokens.
    """
    url = _SECRET_PATH.sub(r"\1***", url)
    parts = urlsplit(url)
    if not parts.query and "=" not in parts.fragment:
        return url
    if parts.query:
        parts = parts._replace(query=_redact_params(parts.query))
    if "=" in parts.fragment:
        parts = parts._replace(fragment=_redact_params(parts.fragment))
    return urlunsplit(parts)


def _redact_params(text: str) -> str:
    pairs = [
        (key, "***" if key.lower() in SECRET_PARAMS else value)
        for key, value in parse_qsl(text, keep_blank_values=True)
    ]
    return urlencode(pairs, safe="*")


_BEARER = re.compile(r"(OAuth2|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s\"'<>]+")


def redact_text(text: str) -> str:
    """Mask Authorization values and the secrets inside any URL in `text`."""
    text = _BEARER.sub(r"\1 ***", text)
    return _URL.sub(lambda match: redact_url(match.group(0)), text)


class RedactingFilter(logging.Filter):
    """Rewrites a log record's message through `redact_text`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


#: Loggers whose lines go through the redaction. A logger's filters see only the records
#: logged on that very logger, not those of its children, and httpcore logs on one child per
#: protocol (its DEBUG lines hold response headers, such as a redirect's Location).
REDACTED_LOGGERS = (
    "podio",
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def install_redaction() -> None:
    """Put the redacting filter on the podio, httpx and httpcore loggers (once)."""
    for name in REDACTED_LOGGERS:
        target = logging.getLogger(name)
        if not any(isinstance(existing, RedactingFilter) for existing in target.filters):
            target.addFilter(RedactingFilter())


def enable_debug_logging() -> None:
    """Send the ``podio`` logger's DEBUG lines to stderr (what ``setup(debug=True)`` does)."""
    logger.setLevel(logging.DEBUG)
    if any(handler.get_name() == _HANDLER_NAME for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
