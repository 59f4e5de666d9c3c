"""Looking around: ``podio spaces``, ``apps``, ``app`` and ``items``."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import click

from .._errors import PodioError
from ..fields import AppSchema, ItemFields, SchemaField
from ..models.application import Application
from ..models.item import MAX_PAGE_SIZE, Item
from ..models.organization import Organization
from ..models.space import Space
from ._common import emit_table, handle_errors, json_option, note, print_json, signed_in
from ._filters import parse_filters, sort_key

__all__ = ["app", "apps", "items", "spaces"]

# Never shown: the token signs in as the app (`podio login --app-id`), so it is a secret.
_SECRET_APP_KEYS = ("token",)


@click.command()
@click.argument("org_id", type=int, required=False)
@json_option
@handle_errors
def spaces(org_id: int | None, as_json: bool) -> None:
    """The spaces of an organization, or of all your organizations."""
    client = signed_in()
    rows: list[dict[str, Any]] = []
    if org_id is None:
        # GET /org/ lists each organization with the spaces the user is a member of.
        for org in Organization.find_all(client=client):
            for space in org.spaces or []:
                rows.append({**space, "org_id": org.org_id, "org_name": org.name})
    else:
        for found in Space.find_all_for_org(org_id, client=client):
            rows.append({**found.as_json(), "org_id": org_id})
    if as_json:
        print_json(rows)
        return
    columns = ["space_id", "name", "org_id", "role", "url"]
    emit_table("Spaces", columns, [[row.get(key) for key in columns] for row in rows])


@click.command()
@click.argument("space_id", type=int)
@json_option
@handle_errors
def apps(space_id: int, as_json: bool) -> None:
    """The apps of a space."""
    found = Application.find_all_for_space(space_id, client=signed_in())
    if as_json:
        print_json([_public(application.as_json()) for application in found])
        return
    emit_table(
        "Apps",
        ["app_id", "name", "item_name", "status", "url"],
        [[a.app_id, a.name, a.item_name, a.status, a.url] for a in found],
    )


def _public(app_json: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in app_json.items() if key not in _SECRET_APP_KEYS}


def _details(field: SchemaField) -> str:
    """What a field's type needs said: options, currencies, referenced apps, settings."""
    settings = field.settings
    if field.options:
        texts = [o.text or str(o.id) for o in field.options if o.active]
        return ("several of: " if field.multiple else "one of: ") + ", ".join(texts)
    if field.type == "money" and field.allowed_currencies:
        return ", ".join(field.allowed_currencies)
    if field.type == "app":
        referenced = settings.get("referenced_apps") or settings.get("referenceable_types") or []
        ids = [str(r.get("app_id")) if isinstance(r, Mapping) else str(r) for r in referenced]
        return "items of app " + ", ".join(ids) if ids else ""
    if field.type == "calculation":
        return f"returns {field.return_type}" if field.return_type else ""
    if field.type == "date":
        return ", ".join(f"{key} {settings[key]}" for key in ("time", "end") if key in settings)
    if field.type == "number" and "decimals" in settings:
        return f"decimals: {settings['decimals']}"
    return ""


@click.command()
@click.argument("app_id", type=int)
@json_option
@handle_errors
def app(app_id: int, as_json: bool) -> None:
    """An app's fields: id, external id, label, type, and what values they take."""
    found = Application.find(app_id, client=signed_in())
    data = found.as_json()
    if as_json:
        print_json(_public(data))
        return
    schema = AppSchema.from_app(data)
    note(
        f"{found.name} (app {found.app_id}, items called {found.item_name!r}, "
        f"space {found.space_id})"
    )
    emit_table(
        f"Fields of {found.name}",
        ["field_id", "external_id", "label", "type", "required", "values"],
        [
            [f.field_id, f.external_id, f.label, f.type, "yes" if f.required else "", _details(f)]
            for f in schema
        ],
    )


@click.command()
@click.argument("app_id", type=int)
@click.option(
    "--limit", type=click.IntRange(min=1), default=30, show_default=True, help="At most N items."
)
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Only these items.")
@click.option("--sort-by", help="A field (external id or label) or created_on, title, ...")
@click.option("--desc/--asc", "sort_desc", default=None, help="Sort direction.")
@click.option("-f", "--fields", "columns", help="Comma-separated fields to show (default: all).")
@json_option
@handle_errors
def items(
    app_id: int,
    limit: int,
    filters: tuple[str, ...],
    sort_by: str | None,
    sort_desc: bool | None,
    columns: str | None,
    as_json: bool,
) -> None:
    """An app's items with their values as Podio shows them.

    Filters use Podio's syntax: status=Active;Done, hours=10-100, deadline=2025-01-01-2025-06-30,
    created_on=-7d-+0d, created_by=user:1. Keys are external ids, labels or field ids.
    """
    client = signed_in()
    schema = AppSchema.from_app(Application.find(app_id, client=client).as_json())
    shown = list(schema)
    if columns:
        shown = []
        for name in (part.strip() for part in columns.split(",")):
            if name:
                shown.append(schema.resolve(name))
    pager = Item.iter_all(
        app_id,
        parse_filters(filters, schema) or None,
        sort_by=sort_key(sort_by, schema),
        sort_desc=sort_desc,
        page_size=min(limit, MAX_PAGE_SIZE),
        client=client,
    )
    found = [item.as_json() for item in itertools.islice(pager, limit)]
    if as_json:
        print_json(found)
        return
    rows = []
    for data in found:
        raw = data.get("fields")
        values = ItemFields(raw if isinstance(raw, list) else [], schema=schema)
        row: list[Any] = [data.get("item_id")]
        for target in shown:
            value = values.get(target.field_id) if target.field_id is not None else None
            try:
                row.append(value.humanized if value is not None else "")
            except PodioError:
                row.append("?")
        rows.append(row)
    emit_table(
        f"Items of app {app_id}",
        ["item_id", *(f.external_id or str(f.field_id) for f in shown)],
        rows,
    )
    matching = pager.matching
    if matching is not None and matching > len(found):
        note(f"{len(found)} of {matching} items; --limit shows more")
