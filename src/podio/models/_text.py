"""Result parser for the few Podio answers that are text, not JSON (vCards)."""

from __future__ import annotations

from .._response import Response
from ._operation import _shape_error

__all__ = ["as_text"]


def as_text(response: Response) -> str:
    """The body as text, decoded with the charset Podio declared (UTF-8 when it declared none).

    The core keeps a non-JSON body as bytes; a vCard is text, so callers get a ``str``.
    """
    body = response.body
    if body is None:
        return ""
    if isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray)):
        charset = _charset(response.headers.get("content-type", ""))
        try:
            return bytes(body).decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            return bytes(body).decode("utf-8", "replace")
    raise _shape_error(response, "expected text")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip('"')
    return "utf-8"
