"""The items part of the demo world: a "Clients" app and a "Projects" app with fifteen field
types and a few hundred items, made through the same code paths as API calls."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from ...auth import Principal
from ..applications import models as apps
from . import models
from .resolver import context_for

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

PROJECT_COUNT = 300
CLIENT_COUNT = 12
_CLIENTS = (
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
    "Wonka", "Tyrell", "Cyberdyne", "Soylent",
)  # fmt: skip
_CITIES = ("Copenhagen", "Aarhus", "Berlin", "Paris", "London", "Madrid", "Oslo")
_WORDS = (
    "Website", "Migration", "Audit", "Launch", "Redesign", "Training", "Rollout", "Support",
    "Research", "Campaign", "Integration", "Review",
)  # fmt: skip


def seed(tx: Tx, emulator: Emulator, world: dict[str, Any]) -> None:
    """Adds ``world["app_ids"] = {"clients", "projects"}`` and ``world["item_ids"]``."""
    web_url = emulator.config.web_url.rstrip("/")
    space_id = int(world["space_ids"]["intranet"])
    owner = int(
        tx.scalar(
            "SELECT user_id FROM space_members WHERE space_id = ? AND role = 'admin' "
            "ORDER BY started_on, user_id LIMIT 1",
            (space_id,),
        )
    )
    principal = Principal("user", owner, emulator.config.client_id)
    ctx = context_for(tx, web_url, principal)
    rng = random.Random(20240501)  # the same demo world every time

    clients_id = apps.create_app(
        tx,
        principal,
        {
            "space_id": space_id,
            "config": {"name": "Clients", "item_name": "Client", "icon_id": 55},
            "fields": [
                {"type": "text", "config": {"label": "Name", "required": True}},
                {"type": "email", "config": {"label": "Email"}},
                {"type": "phone", "config": {"label": "Phone"}},
                {"type": "location", "config": {"label": "Address"}},
            ],
        },
        ctx.resolver,
    )
    clients = models.open_app(tx, principal, clients_id, ctx, web_url, write=True)
    client_items = []
    for n, name in enumerate(_CLIENTS[:CLIENT_COUNT]):
        client_items.append(
            models.create_item(
                clients,
                {
                    "external_id": f"client-{n + 1}",
                    "fields": {
                        "name": f"{name} Corp",
                        "email": {"type": "work", "value": f"info@{name.lower()}.example"},
                        "phone": [{"type": "work", "value": f"+45 70 00 {n:02d} 00"}],
                        "address": f"{n + 1} Main Street, {_CITIES[n % len(_CITIES)]}",
                    },
                },
            )
        )

    people = [
        int(r["profile_id"])
        for r in tx.query(
            "SELECT u.profile_id FROM space_members m JOIN users u ON u.user_id = m.user_id "
            "WHERE m.space_id = ? AND m.ended_on IS NULL ORDER BY u.user_id",
            (space_id,),
        )
    ]
    projects_id = apps.create_app(
        tx,
        principal,
        {
            "space_id": space_id,
            "config": {
                "name": "Projects",
                "item_name": "Project",
                "icon_id": 251,
                "default_view": "table",
            },
            "fields": [
                {"type": "text", "config": {"label": "Title", "required": True}},
                {"type": "text", "config": {"label": "Description", "settings": {"size": "large"}}},
                {
                    "type": "category",
                    "config": {
                        "label": "Status",
                        "settings": {
                            "options": [
                                {"text": "Planned", "color": "D2E4EB"},
                                {"text": "Active", "color": "DCEBD8"},
                                {"text": "On hold", "color": "FFD5C2"},
                                {"text": "Done", "color": "E1D8ED"},
                            ]
                        },
                    },
                },
                {
                    "type": "category",
                    "config": {
                        "label": "Areas",
                        "settings": {
                            "multiple": True,
                            "options": ["Design", "Engineering", "Sales", "Legal"],
                        },
                    },
                },
                {"type": "number", "config": {"label": "Hours", "settings": {"decimals": 1}}},
                {
                    "type": "money",
                    "config": {
                        "label": "Budget",
                        "settings": {"allowed_currencies": ["EUR", "USD", "DKK"]},
                    },
                },
                {"type": "progress", "config": {"label": "Progress"}},
                {"type": "duration", "config": {"label": "Time spent"}},
                {"type": "date", "config": {"label": "Deadline"}},
                {
                    "type": "app",
                    "config": {
                        "label": "Client",
                        "settings": {
                            "referenced_apps": [{"app_id": clients_id}],
                            "multiple": False,
                        },
                    },
                },
                {"type": "contact", "config": {"label": "Owner"}},
                {"type": "location", "config": {"label": "Site"}},
                {"type": "email", "config": {"label": "Contact email"}},
                {"type": "phone", "config": {"label": "Hotline"}},
            ],
        },
        ctx.resolver,
    )
    app = apps.load_app(tx, projects_id)
    by_label = {f.external_id: f.field_id for f in apps.load_fields(tx, projects_id)}
    apps.add_field(
        tx,
        app,
        {
            "type": "calculation",
            "config": {
                "label": "Budget per hour",
                "settings": {
                    "script": f"@[Budget](field_{by_label['budget']}) / "
                    f"@[Hours](field_{by_label['hours']})",
                    "decimals": 2,
                },
            },
        },
        ctx.resolver,
    )
    projects = models.open_app(tx, principal, projects_id, ctx, web_url, write=True)
    project_items = []
    for n in range(PROJECT_COUNT):
        project_items.append(models.create_item(projects, _project(n, rng, client_items, people)))
    world["app_ids"] = {"clients": clients_id, "projects": projects_id}
    world["item_ids"] = {"clients": client_items, "projects": project_items[:10]}


def _project(n: int, rng: random.Random, clients: list[int], people: list[int]) -> dict[str, Any]:
    title = f"{rng.choice(_WORDS)} {rng.choice(_CLIENTS)} #{n + 1}"
    status = rng.choice([1, 2, 2, 2, 3, 4])
    fields: dict[str, Any] = {
        "title": title,
        "status": status,
        "areas": sorted(rng.sample([1, 2, 3, 4], rng.randint(1, 2))),
        "hours": round(rng.uniform(4, 400), 1),
        "budget": {
            "value": str(rng.randrange(1_000, 90_000, 50)),
            "currency": rng.choice(["EUR", "USD", "DKK"]),
        },
        "progress": 100 if status == 4 else rng.randrange(0, 100, 5),
        "time-spent": rng.randrange(0, 200) * 900,
        "deadline": {
            "start": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} "
            f"{rng.choice(['09', '12', '15'])}:00:00"
        },
        "client": rng.choice(clients),
        "site": f"{rng.choice(_CITIES)}, Europe",
    }
    if n % 3 == 0:
        fields["description"] = f"<p>Notes for <b>{title}</b>.</p>"
    if people:
        fields["owner"] = people[n % len(people)]
    if n % 4 == 0:
        fields["contact-email"] = [{"type": "work", "value": f"project{n + 1}@example.com"}]
        fields["hotline"] = f"+45 20 {n:04d}"
    tags = ["priority"] if n % 10 == 0 else []
    return {"external_id": f"project-{n + 1}", "fields": fields, "tags": tags}
