"""The engine's data shapes: app fields, item records, the resolver protocol, the context.

The engine never touches storage or HTTP. Whatever it needs to know about other objects
(the item an app reference points at, a contact's profile, an uploaded file, an embed, an
app mini) it asks a :class:`Resolver`, which the storage layer implements. Every resolver
method answers ``None``/``False`` for an object that does not exist (or is not visible), so a
reference to a deleted item simply disappears from rendered values, as it does in Podio.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

__all__ = [
    "AppField",
    "Context",
    "ItemRecord",
    "NullResolver",
    "Resolver",
    "StoredValues",
]

# Canonical stored values of one item: field_id -> list of stored value objects. The stored
# objects are plain JSON (ids, strings, numbers), never rendered lookups, so they can be kept
# as one JSON column and rendered later with fresh data from the resolver.
StoredValues = dict[int, list[dict[str, Any]]]


class Resolver(Protocol):
    """Lookups of objects owned by other areas; implemented by the storage layer.

    Every method returns ``None`` (or ``False``) when the object is unknown. Returned mappings
    are used as they are in rendered bodies, so they must already have Podio's read shape.
    """

    def item_mini(self, item_id: int) -> Mapping[str, Any] | None:
        """The item mini shown as an app-reference value (``item_id``, ``app_item_id``,
        ``title``, ``link``, ``app``, ``space``, ``initial_revision``, ``created_on``,
        ``created_by``, ``created_via``, ``files``, ``revision``...)."""
        ...

    def item_app_id(self, item_id: int) -> int | None:
        """The app an item belongs to (used to check app-reference targets)."""
        ...

    def item_title(self, item_id: int) -> str | None:
        """The current title of an item (sorting, calculations, search of references)."""
        ...

    def profile(self, profile_id: int) -> Mapping[str, Any] | None:
        """A contact profile as shown in contact values (``profile_id``, ``user_id``,
        ``name``, ``type`` "user" or "space", ``image``, ``link``, ``mail``...)."""
        ...

    def user_exists(self, user_id: int) -> bool:
        """Whether a user id exists (legacy ``member`` fields)."""
        ...

    def file(self, file_id: int) -> Mapping[str, Any] | None:
        """A file object (``file_id``, ``name``, ``mimetype``, ``size``, ``link``...)."""
        ...

    def embed(self, embed_id: int) -> Mapping[str, Any] | None:
        """An embed object (``embed_id``, ``original_url``, ``resolved_url``, ``type``...)."""
        ...

    def embed_for_url(self, url: str) -> int | None:
        """Create (or find) the embed for a URL and return its id; ``None`` if impossible.

        Used for the ``{"url": "https://..."}`` write form that podio-objc sends."""
        ...

    def app(self, app_id: int) -> Mapping[str, Any] | None:
        """An app mini as shown in app-reference settings (``referenced_apps[].app``)."""
        ...


class NullResolver:
    """A resolver that knows no object at all: references to other objects are refused."""

    def item_mini(self, item_id: int) -> Mapping[str, Any] | None:
        return None

    def item_app_id(self, item_id: int) -> int | None:
        return None

    def item_title(self, item_id: int) -> str | None:
        return None

    def profile(self, profile_id: int) -> Mapping[str, Any] | None:
        return None

    def user_exists(self, user_id: int) -> bool:
        return False

    def file(self, file_id: int) -> Mapping[str, Any] | None:
        return None

    def embed(self, embed_id: int) -> Mapping[str, Any] | None:
        return None

    def embed_for_url(self, url: str) -> int | None:
        return None

    def app(self, app_id: int) -> Mapping[str, Any] | None:
        return None


@dataclass(frozen=True)
class Context:
    """What a read or write needs besides the values themselves.

    ``timezone`` is the acting user's zone (a zoneinfo name) used to convert between the
    user-local and the UTC forms of date values; ``now`` (UTC, naive) anchors relative date
    filters and comes from the emulator's clock.
    """

    resolver: Resolver = field(default_factory=NullResolver)
    timezone: str = "UTC"
    now: datetime | None = None


@dataclass
class AppField:
    """One app field definition, normalised (``fields.md`` §2.1).

    ``config`` always holds every key Podio shows: label, description, delta, settings,
    required, unique, visible, hidden, hidden_create_view_edit, mapping, default_value.
    ``status`` is ``active`` or ``deleted``; deleted fields keep their definition so old
    revisions can still be rendered and their external_id stays reserved.
    """

    field_id: int
    type: str
    external_id: str
    config: dict[str, Any]
    status: str = "active"

    @property
    def label(self) -> str:
        return str(self.config.get("label") or "")

    @property
    def settings(self) -> dict[str, Any]:
        """The type settings, ``{}`` when Podio shows ``null``."""
        settings = self.config.get("settings")
        return settings if isinstance(settings, dict) else {}

    @property
    def delta(self) -> int:
        delta = self.config.get("delta")
        return delta if isinstance(delta, int) else 0

    @property
    def active(self) -> bool:
        return self.status == "active"

    def as_dict(self) -> dict[str, Any]:
        """The app field as ``GET /app/{app_id}`` shows it (settings not expanded)."""
        return {
            "field_id": self.field_id,
            "external_id": self.external_id,
            "type": self.type,
            "label": self.label,
            "status": self.status,
            "config": copy.deepcopy(self.config),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AppField:
        """Rebuild a field from :meth:`as_dict` output (as kept in storage)."""
        return cls(
            field_id=int(data["field_id"]),
            type=str(data["type"]),
            external_id=str(data["external_id"]),
            config=copy.deepcopy(dict(data["config"])),
            status=str(data.get("status", "active")),
        )


@dataclass
class ItemRecord:
    """What filters, sorting, calculations and search need to know about one item.

    ``created_by``/``last_edit_by`` are ``(type, id)`` pairs such as ``("user", 1)`` or
    ``("app", 7)``; timestamps are UTC ``datetime`` values. ``ratings`` maps a rating type
    (``like``, ``fivestar``...) to the number used for sorting by it.
    """

    item_id: int
    app_item_id: int
    values: StoredValues
    title: str = ""
    external_id: str | None = None
    created_on: datetime | None = None
    created_by: tuple[str, int] | None = None
    created_via: int | None = None
    last_edit_on: datetime | None = None
    last_edit_by: tuple[str, int] | None = None
    last_edit_via: int | None = None
    last_event_on: datetime | None = None
    tags: Sequence[str] = ()
    priority: float | None = None
    ratings: Mapping[str, float] = field(default_factory=dict)
    created_by_name: str | None = None
    last_edit_by_name: str | None = None
