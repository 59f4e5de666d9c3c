"""Small helpers the collaboration areas share (comments, statuses, tasks, files, ...).

Not an area (the registry only loads packages): validators for request bodies written the way
Podio words its `invalid_value` messages, bylines of stored authors, and a few embedded shapes.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..auth import Principal
from ..db import Tx, dumps
from ..errors import invalid_value
from ..request import describe
from ..shapes import app_byline, user_byline, via
from .organizations.models import org_url
from .spaces.models import space_url

__all__ = [
    "author",
    "by_line",
    "check_bool",
    "check_ids",
    "check_int",
    "check_text",
    "file_base",
    "org_mini",
    "rich_text",
    "space_data",
    "via_json",
]

_MENTION = re.compile(r"@\[([^\]]+)\]\((user|space|profile):(\d+)\)")


def author(principal: Principal) -> tuple[str, int]:
    """How an author is stored: `("user", user_id)` or `("app", app_id)`."""
    return principal.type, principal.id


def is_author(row: Any, principal: Principal) -> bool:
    """Whether `principal` created the stored object `row` (its `created_by_*` columns)."""
    return (row["created_by_type"], row["created_by_id"]) == author(principal)


def by_line(tx: Tx, kind: str, ident: int, web_url: str) -> dict[str, Any]:
    """The byline (`created_by`) of a stored author."""
    if kind == "app":
        return app_byline(tx, ident, web_url)
    return user_byline(tx, ident, web_url)


def via_json(tx: Tx, principal: Principal) -> str:
    """`created_via` of the calling client, as stored text."""
    return dumps(via(tx, principal))


def check_text(
    value: Any, name: str, *, required: bool = False, max_length: int | None = None
) -> str | None:
    """A string value: required ones must be non-empty after stripping."""
    if value is None:
        if required:
            raise invalid_value(f"Invalid value null (null): {name} must be given")
        return None
    if not isinstance(value, str):
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be string")
    if required and not value.strip():
        raise invalid_value(f"Invalid value {describe(value)}: {name} must not be empty")
    if max_length is not None and len(value) > max_length:
        raise invalid_value(
            f"Invalid value {describe(value)}: {name} must be at most {max_length} characters"
        )
    return value


def check_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be integer")
    return value


def check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be boolean")
    return value


def check_ids(value: Any, name: str) -> list[int]:
    """A list of ids (`file_ids`, `label_ids`); None is the empty list; duplicates dropped."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be array of integers")
    return list(dict.fromkeys(value))


def rich_text(value: str) -> str:
    """`rich_value` of a plain text: HTML-escaped, line breaks as `<br />`, and @-mentions
    (`@[Name](user:1)`, conventions.md §8) as links. Plain text without any of those comes
    back unchanged, as in samples/item-get-all-fields.json."""
    escaped = html.escape(value, quote=False)
    escaped = _MENTION.sub(
        lambda m: (
            f'<a href="#" data-ref-type="{m.group(2)}" data-ref-id="{m.group(3)}">{m.group(1)}</a>'
        ),
        escaped,
    )
    return escaped.replace("\r\n", "\n").replace("\n", "<br />")


def space_data(tx: Tx, space_id: int, web_url: str) -> dict[str, Any] | None:
    """A space as the `data` of a reference (samples/task-get.json `ref.data`)."""
    row = tx.one(
        "SELECT s.space_id, s.name, s.url_label, s.type, s.org_id, o.url_label AS org_label "
        "FROM spaces s JOIN orgs o ON o.org_id = s.org_id WHERE s.space_id = ?",
        (space_id,),
    )
    if row is None:
        return None
    return {
        "url": space_url(web_url, row["org_label"], row["url_label"]),
        "url_label": row["url_label"],
        "space_id": row["space_id"],
        "type": row["type"],
        "name": row["name"],
    }


def org_mini(tx: Tx, org_id: int, web_url: str) -> dict[str, Any] | None:
    """An organization as embedded in search results (`org_id`, `name`, `url`, ...)."""
    row = tx.one("SELECT org_id, name, url_label, logo FROM orgs WHERE org_id = ?", (org_id,))
    if row is None:
        return None
    return {
        "org_id": row["org_id"],
        "name": row["name"],
        "url": org_url(web_url, row["url_label"]),
        "url_label": row["url_label"],
        "logo": row["logo"],
    }


def file_base(tx: Tx) -> str:
    """Base of the download links the emulator serves: the host the request was sent to.

    Podio's links point at `https://files.podio.com`; the emulator serves the bytes itself,
    so links follow the emulator's own address (README, "Files")."""
    return (tx.base_url or "").rstrip("/")
