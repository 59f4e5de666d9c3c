"""The storage-backed resolver the field-type engine asks about other objects.

Items, apps and profiles live in tables this emulator has (items, apps, users, profiles).
Files and embeds belong to areas that may or may not be installed; their models are found by
name (AREAS.md §11, "Items and apps"): ``areas.files.models.file_object(tx, file_id,
web_url)`` and ``areas.embeds.models.embed_object(tx, embed_id)`` /
``create_embed(tx, principal, url)``. Without those areas, file and embed values are refused
as unknown objects. Tests and other areas may also register providers explicitly with
:func:`register_provider`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from ...access import space_role
from ...auth import Principal
from ...db import Tx, loads
from ...fieldtypes import Context
from ..applications.models import AppRecord, app_reference_mini, app_rights
from ..users.models import profile_object

__all__ = ["StorageResolver", "context_for", "provider", "register_provider"]

# name -> callable, e.g. "file_object", "embed_object", "create_embed", "attach_files",
# "files_for", "comments_for", "comment_count", "rating_summary", "subscription_summary"
_PROVIDERS: dict[str, Callable[..., Any]] = {}
_MODULES = {
    "file_object": "files",
    "attach_files": "files",
    "files_for": "files",
    "embed_object": "embeds",
    "create_embed": "embeds",
    "comments_for": "comments",
    "comment_count": "comments",
    "rating_summary": "ratings",
    "subscription_summary": "subscriptions",
}


def register_provider(name: str, fn: Callable[..., Any] | None) -> None:
    """Install (or with ``None`` remove) a provider function by name."""
    if fn is None:
        _PROVIDERS.pop(name, None)
    else:
        _PROVIDERS[name] = fn


def provider(name: str) -> Callable[..., Any] | None:
    """The provider function ``name``: registered, or found in its area's models module."""
    if name in _PROVIDERS:
        return _PROVIDERS[name]
    return _area_function(name)


@cache
def _area_function(name: str) -> Callable[..., Any] | None:
    # Areas are fixed for the life of the process, so the lookup (and a failed import) is
    # done once per name rather than once per rendered item.
    area = _MODULES.get(name)
    if area is None:
        return None
    try:
        module = importlib.import_module(f"podio_emulator.areas.{area}.models")
    except ImportError:
        return None
    fn = getattr(module, name, None)
    return fn if callable(fn) else None


class StorageResolver:
    """Answers the engine's lookups from the database, caching within one request."""

    def __init__(self, tx: Tx, web_url: str, principal: Principal | None) -> None:
        self.tx = tx
        self.web_url = web_url
        self.principal = principal
        self._items: dict[int, Any] = {}
        self._profiles: dict[int, Mapping[str, Any] | None] = {}
        self._apps: dict[int, Mapping[str, Any] | None] = {}
        self._files: dict[int, Mapping[str, Any] | None] = {}

    # -- items ---------------------------------------------------------------------------

    def _item_row(self, item_id: int) -> Any:
        if item_id not in self._items:
            self._items[item_id] = self.tx.one(
                "SELECT i.* FROM items i JOIN apps a ON a.app_id = i.app_id "
                "WHERE i.item_id = ? AND i.status = 'active' AND a.status != 'deleted'",
                (item_id,),
            )
        return self._items[item_id]

    def item_mini(self, item_id: int) -> Mapping[str, Any] | None:
        from .models import item_reference_mini  # a cycle at import time otherwise

        row = self._item_row(item_id)
        return item_reference_mini(self.tx, row, self.web_url) if row is not None else None

    def item_app_id(self, item_id: int) -> int | None:
        row = self._item_row(item_id)
        return int(row["app_id"]) if row is not None else None

    def item_title(self, item_id: int) -> str | None:
        row = self._item_row(item_id)
        return str(row["title"]) if row is not None else None

    # -- people --------------------------------------------------------------------------

    def profile(self, profile_id: int) -> Mapping[str, Any] | None:
        if profile_id not in self._profiles:
            self._profiles[profile_id] = self._load_profile(profile_id)
        return self._profiles[profile_id]

    def _load_profile(self, profile_id: int) -> dict[str, Any] | None:
        row = self.tx.one(
            "SELECT * FROM profiles WHERE profile_id = ? AND status = 'active'", (profile_id,)
        )
        if row is None:
            return None
        if row["type"] == "user" and row["user_id"] is not None:
            user = self.tx.one("SELECT * FROM users WHERE user_id = ?", (row["user_id"],))
            return profile_object(self.tx, user, self.web_url) if user is not None else None
        data = loads(row["data"], {}) or {}
        link = f"{self.web_url}/contacts/{profile_id}"
        space = self.tx.one(
            "SELECT s.url_label, o.url_label AS org_label FROM spaces s "
            "JOIN orgs o ON o.org_id = s.org_id WHERE s.space_id = ?",
            (row["space_id"],),
        )
        if space is not None:
            link = f"{self.web_url}/{space['org_label']}/{space['url_label']}/contacts/{profile_id}"
        contact: dict[str, Any] = {
            "profile_id": profile_id,
            "user_id": None,
            "space_id": row["space_id"],
            "org_id": row["org_id"],
            "type": row["type"],
            "name": data.get("name") or "",
            "image": None,
            "link": link,
            "external_id": row["external_id"],
            "last_seen_on": None,
            "rights": ["view", "update", "delete"],
        }
        for key, value in data.items():
            if key not in contact:
                contact[key] = value
        return contact

    def user_exists(self, user_id: int) -> bool:
        return (
            self.tx.scalar(
                "SELECT 1 FROM users WHERE user_id = ? AND status = 'active'", (user_id,)
            )
            is not None
        )

    # -- files and embeds ----------------------------------------------------------------

    def file(self, file_id: int) -> Mapping[str, Any] | None:
        if file_id not in self._files:
            fn = provider("file_object")
            self._files[file_id] = fn(self.tx, file_id, self.web_url) if fn else None
        return self._files[file_id]

    def embed(self, embed_id: int) -> Mapping[str, Any] | None:
        fn = provider("embed_object")
        found: Mapping[str, Any] | None = fn(self.tx, embed_id) if fn else None
        return found

    def embed_for_url(self, url: str) -> int | None:
        fn = provider("create_embed")
        if fn is None:
            return None
        embed_id = fn(self.tx, self.principal, url)
        return int(embed_id) if embed_id is not None else None

    # -- apps ----------------------------------------------------------------------------

    def app(self, app_id: int) -> Mapping[str, Any] | None:
        if app_id not in self._apps:
            row = self.tx.one(
                "SELECT * FROM apps WHERE app_id = ? AND status != 'deleted'", (app_id,)
            )
            if row is None:
                self._apps[app_id] = None
            else:
                app = AppRecord(row)
                role = None
                if self.principal is not None and self.principal.type == "user":
                    role = space_role(self.tx, self.principal.id, app.space_id)
                rights = app_rights(self.tx, app, self.principal, role)
                self._apps[app_id] = app_reference_mini(self.tx, app, self.web_url, rights)
        return self._apps[app_id]


def user_timezone(tx: Tx, principal: Principal | None) -> str:
    """The acting user's zone (``users.timezone``); apps and clients work in UTC."""
    if principal is None or principal.type != "user":
        return "UTC"
    zone = tx.scalar("SELECT timezone FROM users WHERE user_id = ?", (principal.id,))
    return str(zone) if zone else "UTC"


def context_for(tx: Tx, web_url: str, principal: Principal | None) -> Context:
    """The engine context for one request: resolver, the user's zone, the emulator's now."""
    from datetime import datetime, timezone

    now = datetime.fromtimestamp(tx.clock.now(), tz=timezone.utc).replace(tzinfo=None)
    return Context(
        resolver=StorageResolver(tx, web_url, principal),
        timezone=user_timezone(tx, principal),
        now=now.replace(microsecond=0),
    )
