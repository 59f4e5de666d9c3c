"""Helpers for the applications and items HTTP tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from podio_emulator import EmulatorHandle
from podio_emulator.areas.items.resolver import register_provider
from podio_emulator.db import Event


@dataclass
class Api:
    """An authenticated caller of the emulator."""

    emu: EmulatorHandle
    headers: dict[str, str]

    def call(self, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = {**self.headers, **kw.pop("headers", {})}
        return httpx.request(method, self.emu.url(path), headers=headers, timeout=30, **kw)

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.call("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.call("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> httpx.Response:
        return self.call("PUT", path, **kw)

    def delete(self, path: str, **kw: Any) -> httpx.Response:
        return self.call("DELETE", path, **kw)

    def ok(self, method: str, path: str, **kw: Any) -> Any:
        """The JSON of a 200 answer (fails the test with the body otherwise)."""
        r = self.call(method, path, **kw)
        assert r.status_code == 200, (r.status_code, r.text)
        return r.json()


def api_for(emu: EmulatorHandle, mail: str | None = None) -> Api:
    return Api(emu, emu.auth_headers(mail, "password" if mail else None))


def new_space(api: Api, name: str = "Work") -> int:
    """A fresh organization and space owned (admin) by the caller."""
    org = api.ok("POST", "/org/", json={"name": f"Org {name}"})
    space = api.ok("POST", "/space/", json={"org_id": org["org_id"], "name": name})
    return int(space["space_id"])


def add_member(api: Api, space_id: int, user_id: int, role: str) -> None:
    r = api.post(f"/space/{space_id}/member/", json={"users": [user_id], "role": role})
    assert r.status_code in (200, 204), r.text


def new_app(api: Api, space_id: int, fields: list[dict[str, Any]], **config: Any) -> int:
    body = {
        "space_id": space_id,
        "config": {"name": config.pop("name", "Tasks"), "item_name": "Task", **config},
        "fields": fields,
    }
    return int(api.ok("POST", "/app/", json=body)["app_id"])


def app_token_headers(emu: EmulatorHandle, app_id: int, token: str) -> dict[str, str]:
    r = httpx.post(
        emu.url("/oauth/token"),
        data={
            "grant_type": "app",
            "app_id": str(app_id),
            "app_token": token,
            "client_id": emu.client_id,
            "client_secret": emu.client_secret,
        },
    )
    assert r.status_code == 200, r.text
    return {"Authorization": f"OAuth2 {r.json()['access_token']}"}


def field_ids(api: Api, app_id: int) -> dict[str, int]:
    app = api.ok("GET", f"/app/{app_id}")
    return {f["external_id"]: f["field_id"] for f in app["fields"]}


@dataclass
class FakeFiles:
    """Files and embeds for tests: the files and embeds areas are not part of this work, so
    their provider functions are registered here (AREAS.md §11)."""

    files: dict[int, dict[str, Any]] = field(default_factory=dict)
    attached: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    embeds: dict[int, dict[str, Any]] = field(default_factory=dict)

    def add_file(self, file_id: int, name: str, mimetype: str) -> None:
        link = f"https://files.podio.com/{file_id}"
        self.files[file_id] = {
            "file_id": file_id,
            "name": name,
            "mimetype": mimetype,
            "size": 100,
            "link": link,
            "thumbnail_link": link,
            "perma_link": None,
            "hosted_by": "podio",
            "hosted_by_humanized_name": "Podio",
            "description": None,
            "external_file_id": None,
            "link_target": "_blank",
        }

    def file_object(self, tx: Any, file_id: int, web_url: str) -> dict[str, Any] | None:
        return self.files.get(file_id)

    def attach_files(self, tx: Any, file_ids: list[int], ref_type: str, ref_id: int) -> None:
        from podio_emulator.errors import invalid_value

        for file_id in file_ids:
            if file_id not in self.files:
                raise invalid_value(f"Invalid value {file_id} (integer): No file found")
        self.attached.setdefault((ref_type, ref_id), []).extend(file_ids)

    def files_for(self, tx: Any, ref_type: str, ref_id: int, web_url: str) -> list[Any]:
        return [self.files[f] for f in self.attached.get((ref_type, ref_id), [])]

    def embed_object(self, tx: Any, embed_id: int) -> dict[str, Any] | None:
        return self.embeds.get(embed_id)

    def create_embed(self, tx: Any, principal: Any, url: str) -> int:
        embed_id = 60_000_000 + len(self.embeds) + 1
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
        return embed_id


@contextmanager
def captured_events(emu: EmulatorHandle) -> Iterator[list[Event]]:
    """Every event the emulator publishes inside the block."""
    seen: list[Event] = []

    def listener(emulator: Any, batch: Sequence[Event]) -> None:
        seen.extend(batch)

    emu.emulator.add_listener(listener)
    try:
        yield seen
    finally:
        emu.emulator.remove_listener(listener)


@contextmanager
def fake_files() -> Iterator[FakeFiles]:
    fake = FakeFiles()
    names = ("file_object", "attach_files", "files_for", "embed_object", "create_embed")
    for name in names:
        register_provider(name, getattr(fake, name))
    try:
        yield fake
    finally:
        for name in names:
            register_provider(name, None)


ALL_TYPES: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title"}},
    {"type": "text", "config": {"label": "Notes", "settings": {"size": "large"}}},
    {"type": "number", "config": {"label": "Amount", "settings": {"decimals": 2}}},
    {"type": "money", "config": {"label": "Price", "settings": {
        "allowed_currencies": ["EUR", "USD"]}}},
    {"type": "progress", "config": {"label": "Progress"}},
    {"type": "duration", "config": {"label": "Duration"}},
    {"type": "date", "config": {"label": "Due"}},
    {"type": "date", "config": {"label": "Day", "settings": {
        "time": "disabled", "end": "disabled"}}},
    {"type": "category", "config": {"label": "Status", "settings": {
        "options": ["Open", "Doing", "Done"]}}},
    {"type": "category", "config": {"label": "Areas", "settings": {
        "options": ["A", "B", "C"], "multiple": True}}},
    {"type": "question", "config": {"label": "Answer", "settings": {"options": ["Yes", "No"]}}},
    {"type": "contact", "config": {"label": "Owner"}},
    {"type": "member", "config": {"label": "Member"}},
    {"type": "location", "config": {"label": "Where"}},
    {"type": "email", "config": {"label": "Email"}},
    {"type": "phone", "config": {"label": "Phone"}},
    {"type": "tel", "config": {"label": "Tel"}},
    {"type": "tag", "config": {"label": "Organization"}},
    {"type": "state", "config": {"label": "State", "settings": {"allowed_values": ["on", "off"]}}},
    {"type": "image", "config": {"label": "Image"}},
    {"type": "file", "config": {"label": "Attachment"}},
    {"type": "video", "config": {"label": "Clip"}},
    {"type": "embed", "config": {"label": "Link"}},
    {"type": "media", "config": {"label": "Media"}},
    {"type": "separator", "config": {"label": "Section"}},
    {"type": "hologram", "config": {"label": "Holo"}},
]  # fmt: skip


def build_world(api: Api) -> dict[str, Any]:
    """A space with a referenced "Projects" app and an app with every field type."""
    space_id = new_space(api)
    projects = new_app(api, space_id, [{"type": "text", "config": {"label": "Name"}}],
                       name="Projects")  # fmt: skip
    project_item = api.ok("POST", f"/item/app/{projects}/", json={"fields": {"name": "Apollo"}})
    specs = [*ALL_TYPES, {"type": "app", "config": {"label": "Project", "settings": {
        "referenced_apps": [{"app_id": projects}]}}}]  # fmt: skip
    app_id = new_app(api, space_id, specs, name="Everything")
    ids = field_ids(api, app_id)
    calc = api.ok(
        "POST",
        f"/app/{app_id}/field/",
        json={"type": "calculation", "config": {"label": "Total", "settings": {
            "script": f"@[Amount](field_{ids['amount']}) * 2 + @[Price](field_{ids['price']})"}}},
    )  # fmt: skip
    me = api.ok("GET", "/user/status")
    return {
        "space_id": space_id,
        "projects": projects,
        "project_item": project_item["item_id"],
        "app_id": app_id,
        "ids": {**ids, "total": calc["field_id"]},
        "profile_id": me["profile"]["profile_id"],
        "user_id": me["user"]["user_id"],
    }


def fill(api: Api, world: dict[str, Any]) -> dict[str, Any]:
    """Six items with varied values in the all-types app."""
    app_id = world["app_id"]
    rows = [
        {"title": "Alpha", "amount": 10, "status": 1, "due": "2024-05-01 09:00:00",
         "price": {"value": 5, "currency": "EUR"}, "progress": 10, "duration": 60,
         "where": "Paris", "email": "x@paris.example", "state": "on"},
        {"title": "bravo", "amount": 20, "status": 2, "due": "2024-05-03 09:00:00",
         "areas": [1, 2], "owner": world["profile_id"], "project": world["project_item"]},
        {"title": "Charlie", "amount": 30.5, "status": 3, "due": "2024-06-01 09:00:00",
         "progress": 100, "state": "off"},
        {"title": "delta", "amount": 40},
        {"title": "Echo", "status": 1, "day": "2024-05-02"},
        {"title": "foxtrot", "amount": 5, "status": 2},
    ]  # fmt: skip
    ids = []
    for n, fields in enumerate(rows):
        body = {"fields": fields, "tags": ["hot"] if n % 2 == 0 else []}
        ids.append(api.ok("POST", f"/item/app/{app_id}/", json=body)["item_id"])
    return {"app_id": app_id, "ids": ids}
