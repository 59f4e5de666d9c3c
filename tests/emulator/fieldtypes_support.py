"""Helpers for the field-type engine tests: an in-memory resolver and sample loading."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from podio_emulator.fieldtypes import AppField, Context, NullResolver, new_field

# Real Podio bodies (provenance in samples/README.md)
SAMPLES = Path(__file__).resolve().parent / "samples"


def load_sample(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


class MemoryResolver(NullResolver):
    """A resolver over dictionaries, filled by each test with the objects it needs."""

    def __init__(self) -> None:
        self.items: dict[int, tuple[int, dict[str, Any]]] = {}
        self.profiles: dict[int, dict[str, Any]] = {}
        self.users: set[int] = set()
        self.files: dict[int, dict[str, Any]] = {}
        self.embeds: dict[int, dict[str, Any]] = {}
        self.apps: dict[int, dict[str, Any]] = {}
        self.next_embed = 9000

    def add_item(self, item_id: int, app_id: int, title: str = "", **extra: Any) -> None:
        mini = {"item_id": item_id, "app_item_id": 1, "title": title, "app": {"app_id": app_id}}
        mini.update(extra)
        self.items[item_id] = (app_id, mini)

    def add_file(self, file_id: int, mimetype: str = "image/png", name: str = "a.png") -> None:
        self.files[file_id] = {
            "file_id": file_id,
            "name": name,
            "mimetype": mimetype,
            "size": 10,
            "link": f"https://files.podio.com/{file_id}",
            "thumbnail_link": f"https://files.podio.com/{file_id}",
            "perma_link": None,
            "hosted_by": "podio",
            "hosted_by_humanized_name": "Podio",
            "description": None,
            "external_file_id": None,
            "link_target": "_blank",
            "created_on": "2020-01-01 00:00:00",
        }

    def add_embed(self, embed_id: int, url: str) -> None:
        self.embeds[embed_id] = {
            "embed_id": embed_id,
            "original_url": url,
            "resolved_url": url,
            "url": url,
            "hostname": url.split("/")[2],
            "type": "link",
            "title": url,
            "description": None,
            "embed_html": None,
            "embed_width": None,
            "embed_height": None,
        }

    def item_mini(self, item_id: int) -> Mapping[str, Any] | None:
        entry = self.items.get(item_id)
        return entry[1] if entry else None

    def item_app_id(self, item_id: int) -> int | None:
        entry = self.items.get(item_id)
        return entry[0] if entry else None

    def item_title(self, item_id: int) -> str | None:
        entry = self.items.get(item_id)
        return str(entry[1].get("title")) if entry else None

    def profile(self, profile_id: int) -> Mapping[str, Any] | None:
        return self.profiles.get(profile_id)

    def user_exists(self, user_id: int) -> bool:
        return user_id in self.users

    def file(self, file_id: int) -> Mapping[str, Any] | None:
        return self.files.get(file_id)

    def embed(self, embed_id: int) -> Mapping[str, Any] | None:
        return self.embeds.get(embed_id)

    def embed_for_url(self, url: str) -> int | None:
        for embed_id, embed in self.embeds.items():
            if embed["original_url"] == url:
                return embed_id
        self.next_embed += 1
        self.add_embed(self.next_embed, url)
        return self.next_embed

    def app(self, app_id: int) -> Mapping[str, Any] | None:
        return self.apps.get(app_id)


def build_fields(
    specs: list[dict[str, Any]], resolver: Any | None = None, first_id: int = 1000
) -> list[AppField]:
    """App fields from ``{"type", "config"}`` specs, numbered from ``first_id``."""
    fields: list[AppField] = []
    for spec in specs:
        fields.append(
            new_field(
                spec,
                field_id=first_id + len(fields),
                fields=fields,
                resolver=resolver or NullResolver(),
                app_id=1,
            )
        )
    return fields


def ctx_for(resolver: Any | None = None, tz: str = "UTC", **extra: Any) -> Context:
    return Context(resolver=resolver or NullResolver(), timezone=tz, **extra)


def shape(value: Any) -> Any:
    """Keys and JSON types of a value, recursively (lists by their first element)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if value is None:
        return "null"
    return type(value).__name__
