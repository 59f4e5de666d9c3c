"""Embeds: links shown as rich previews (objects.md "Embed").

Podio fetches the page behind a URL to fill an embed. The emulator never reaches the network:
everything is derived from the URL itself, the same way every time (README, "Embeds"):

- `hostname`: the URL's host, lower-cased, without a leading `www.`;
- `type`: `image` for image file names (`.png`, `.jpg`, ...), `video` for video file names and
  the well-known video hosts (YouTube, Vimeo), otherwise `link`;
- `title`: the last path segment, URL-decoded, without its extension, with `-`, `_` and `+`
  read as spaces; the host name when the path is empty;
- `description`, `embed_width`, `embed_height`: null; `embed_html`: an `<img>` for images;
- `files`: no thumbnails.

The same URL always gives the same embed (one row per URL).
"""

from __future__ import annotations

import html
import re
import sqlite3
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from ...auth import Principal
from ...db import Tx
from ...errors import invalid_value, not_found
from ...request import describe
from .._common import author

__all__ = ["SCHEMA", "create_embed", "embed_object", "get_embed", "make_embed", "normalise_url"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS embeds (
    embed_id INTEGER PRIMARY KEY,
    original_url TEXT NOT NULL UNIQUE,
    resolved_url TEXT NOT NULL,
    hostname TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    embed_html TEXT,
    created_on TEXT NOT NULL,
    created_by_type TEXT,
    created_by_id INTEGER
);
"""

_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".tif", ".tiff")
_VIDEO_EXT = (".mp4", ".webm", ".mov", ".m4v", ".ogv", ".avi")
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "m.youtube.com")
_HOSTLIKE = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/.*)?$")
MODES = ("immediate", "delayed")


def normalise_url(url: Any) -> str | None:
    """The absolute http(s) URL meant by `url`, or None when it is not one.

    A URL without scheme that starts with a host name (`www.example.com/x`) gets `http://`,
    as people paste such links; scheme and host are lower-cased."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or any(c.isspace() for c in text):
        return None
    if "://" not in text and _HOSTLIKE.match(text):
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    netloc = parts.netloc.lower() if "@" not in parts.netloc else parts.netloc
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def _derive(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    hostname = host[4:] if host.startswith("www.") else host
    segments = [s for s in parts.path.split("/") if s]
    last = unquote(segments[-1]) if segments else ""
    lower = last.lower()
    if lower.endswith(_IMAGE_EXT):
        kind = "image"
    elif lower.endswith(_VIDEO_EXT) or hostname in _VIDEO_HOSTS:
        kind = "video"
    else:
        kind = "link"
    stem = last.rsplit(".", 1)[0] if "." in last else last
    title = re.sub(r"\s+", " ", re.sub(r"[-_+]", " ", stem)).strip() or hostname
    embed_html = f'<img src="{html.escape(url)}" />' if kind == "image" else None
    return {"hostname": hostname, "type": kind, "title": title, "embed_html": embed_html}


def make_embed(tx: Tx, principal: Principal | None, url: Any) -> int:
    """The embed of `url` (created on first use); 400 when `url` is not an http(s) URL."""
    resolved = normalise_url(url)
    if resolved is None:
        raise invalid_value(f"Invalid value {describe(url)}: url must be an http or https URL")
    existing = tx.scalar("SELECT embed_id FROM embeds WHERE original_url = ?", (url.strip(),))
    if existing is not None:
        return int(existing)
    embed_id = tx.next_id("embed")
    by = author(principal) if principal is not None else (None, None)
    tx.insert(
        "embeds",
        {
            "embed_id": embed_id,
            "original_url": url.strip(),
            "resolved_url": resolved,
            "created_on": tx.clock.now_str(),
            "created_by_type": by[0],
            "created_by_id": by[1],
            **_derive(resolved),
        },
    )
    return embed_id


def _render(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "embed_id": row["embed_id"],
        "original_url": row["original_url"],
        "resolved_url": row["resolved_url"],
        "url": row["resolved_url"],
        "hostname": row["hostname"],
        "type": row["type"],
        "title": row["title"],
        "description": None,
        "embed_html": row["embed_html"],
        "embed_width": None,
        "embed_height": None,
        "files": [],
    }


def get_embed(tx: Tx, embed_id: int) -> dict[str, Any]:
    """The embed; 404 when unknown."""
    found = embed_object(tx, embed_id)
    if found is None:
        raise not_found("Embed not found")
    return found


# -- providers for the item field engine and other areas (items/resolver.py) ----------------


def embed_object(tx: Tx, embed_id: int) -> dict[str, Any] | None:
    """The embed as Podio shows it, or None when unknown."""
    row = tx.one("SELECT * FROM embeds WHERE embed_id = ?", (embed_id,))
    return _render(row) if row is not None else None


def create_embed(tx: Tx, principal: Principal | None, url: str) -> int | None:
    """The embed id for a URL written into an embed field; None when it is no URL."""
    if normalise_url(url) is None:
        return None
    return make_embed(tx, principal, url)
