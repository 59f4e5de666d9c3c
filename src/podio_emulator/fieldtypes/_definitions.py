"""App field definitions: validation, Podio's defaults, external ids, rendered configs."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._errors import InvalidValue
from ._model import AppField, Context, Resolver
from ._types import DefinitionContext, field_type

__all__ = [
    "CONFIG_DEFAULTS",
    "MAPPINGS",
    "new_field",
    "render_config",
    "render_field",
    "slugify",
    "unique_external_id",
    "update_field",
]

# Every key of a field config, with the value Podio shows when nothing was set
# (samples/item-get-all-fields.json).
CONFIG_DEFAULTS: dict[str, Any] = {
    "label": None,
    "description": None,
    "delta": 0,
    "settings": None,
    "required": False,
    "unique": False,
    "visible": True,
    "hidden": False,
    "hidden_create_view_edit": False,
    "mapping": None,
    "default_value": None,
}
_BOOL_KEYS = ("required", "unique", "visible", "hidden", "hidden_create_view_edit")

# Mappings for meeting and contact apps [doc add-new-app-22351], fields.md §2.1
MAPPINGS = (
    "meeting_time", "meeting_participants", "meeting_location", "meeting_agenda",
    "contact_name", "contact_job_title", "contact_organization", "contact_email",
    "contact_phone", "contact_address", "contact_website", "contact_notes", "contact_image",
)  # fmt: skip

_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_EXTERNAL_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")
MAX_LABEL_LENGTH = 255  # limits.md §3: "not strictly enforced" by Podio; kept generous
MAX_EXTERNAL_ID_LENGTH = 100


def slugify(text: str) -> str:
    """Podio's external_id form of a label: ``"Progress slider"`` -> ``"progress-slider"``.

    Accents are folded to ASCII, every run of other characters becomes one dash, and the
    result is lower case (app-get-large.json: "Leads &amp; Clients" -> "leads-clients").
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("&amp;", " ")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:MAX_EXTERNAL_ID_LENGTH].rstrip("-")


def unique_external_id(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free first.

    Deleted fields keep their external ids reserved, which is why the captured large app
    has "test-label2-63" next to active "test-label2" fields (app-get-large.json).
    """
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _check_config(config: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "label" in config or creating:
        label = config.get("label")
        if not isinstance(label, str) or not label.strip():
            raise InvalidValue.of(label, "must be a non-empty string")
        if len(label) > MAX_LABEL_LENGTH:
            raise InvalidValue.of(label, f"must not be longer than {MAX_LABEL_LENGTH}")
        out["label"] = label
    if "description" in config:
        description = config["description"]
        if description is not None and not isinstance(description, str):
            raise InvalidValue.of(description, "must be string")
        out["description"] = description
    if "delta" in config:
        delta = config["delta"]
        if isinstance(delta, bool) or not isinstance(delta, int) or delta < 0:
            raise InvalidValue.of(delta, "must be a non-negative integer")
        out["delta"] = delta
    for key in _BOOL_KEYS:
        if key in config:
            value = config[key]
            if not isinstance(value, bool):
                raise InvalidValue.of(value, "must be boolean")
            out[key] = value
    if "mapping" in config:
        mapping = config["mapping"]
        if mapping is not None and mapping not in MAPPINGS:
            raise InvalidValue.of(mapping, "must be one of " + ", ".join(MAPPINGS))
        out["mapping"] = mapping
    if "default_value" in config:
        out["default_value"] = copy.deepcopy(config["default_value"])
    return out


def _config_of(body: Any) -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise InvalidValue.of(body, "must be object")
    config = body.get("config", body)
    if not isinstance(config, Mapping):
        raise InvalidValue.of(config, "must be object")
    return config


def new_field(
    body: Any,
    *,
    field_id: int,
    fields: Sequence[AppField],
    resolver: Resolver,
    app_id: int | None = None,
) -> AppField:
    """Validate a new field definition ``{"type", "config": {...}}`` and fill defaults.

    ``fields`` are the app's other fields (any status; their external ids stay reserved).
    An ``external_id`` in the body is honoured when free; otherwise one is derived from the
    label. Unknown type strings are accepted and their values passed through. ``delta``
    defaults to the end of the field list.
    """
    if not isinstance(body, Mapping):
        raise InvalidValue.of(body, "must be object")
    kind = body.get("type")
    if not isinstance(kind, str) or not _TYPE_RE.match(kind):
        raise InvalidValue.of(kind, "must be a field type such as text, number or category")
    config = _config_of(body) if "config" in body else _config_of({"config": body})
    checked = _check_config(config, creating=True)
    taken = [f.external_id for f in fields]
    requested = body.get("external_id", config.get("external_id"))
    if requested is not None:
        if not isinstance(requested, str) or not _EXTERNAL_ID_RE.match(requested):
            raise InvalidValue.of(requested, "must be a slug of letters, digits and dashes")
        if requested in taken:
            raise InvalidValue.of(requested, "must be unique within the app")
        external_id = requested
    else:
        external_id = unique_external_id(slugify(checked["label"]) or kind, taken)
    dctx = DefinitionContext(resolver=resolver, fields=fields, field_id=field_id, app_id=app_id)
    settings = field_type(kind).normalize_settings(config.get("settings"), None, dctx)
    full = copy.deepcopy(CONFIG_DEFAULTS)
    full["delta"] = max((f.delta + 1 for f in fields if f.active), default=0)
    full.update(checked)
    full["settings"] = settings
    return AppField(field_id=field_id, type=kind, external_id=external_id, config=full)


def update_field(
    field: AppField,
    body: Any,
    *,
    fields: Sequence[AppField],
    resolver: Resolver,
    app_id: int | None = None,
) -> AppField:
    """Apply a field update (``{"config": {...}}`` or the config keys directly).

    Keys not given keep their value; settings merge with the previous settings (category
    options left out turn ``deleted``). The type and the external_id never change.
    """
    config = _config_of(body)
    checked = _check_config(config, creating=False)
    others = [f for f in fields if f.field_id != field.field_id]
    dctx = DefinitionContext(
        resolver=resolver, fields=others, field_id=field.field_id, app_id=app_id
    )
    new_config = copy.deepcopy(field.config)
    new_config.update(checked)
    if "settings" in config:
        previous = field.config.get("settings")
        new_config["settings"] = field_type(field.type).normalize_settings(
            config["settings"], previous if isinstance(previous, Mapping) else None, dctx
        )
    return AppField(
        field_id=field.field_id,
        type=field.type,
        external_id=field.external_id,
        config=new_config,
        status=field.status,
    )


def render_config(field: AppField, ctx: Context, *, view: str = "full") -> dict[str, Any]:
    """A field's config as a body shows it.

    ``full``: every key, settings expanded (app references carry their app minis), as in
    ``GET /item/{id}`` and ``GET /app/{id}``. ``plain``: every key, settings as stored (as in
    revision diffs). ``short``: only ``label``, ``settings`` and ``mapping``, as in filter
    results (samples/item-filter.json).
    """
    ftype = field_type(field.type)
    if view == "short":
        return {
            "label": field.label,
            "settings": ftype.render_settings(field.config.get("settings"), ctx, full=False),
            "mapping": field.config.get("mapping"),
        }
    config = copy.deepcopy(CONFIG_DEFAULTS)
    config.update(copy.deepcopy(field.config))
    config["settings"] = ftype.render_settings(
        field.config.get("settings"), ctx, full=view == "full"
    )
    return config


def render_field(field: AppField, ctx: Context, *, view: str = "full") -> dict[str, Any]:
    """An app field as ``GET /app/{app_id}`` and ``GET /app/{app_id}/field/{id}`` show it."""
    return {
        "field_id": field.field_id,
        "external_id": field.external_id,
        "type": field.type,
        "label": field.label,
        "status": field.status,
        "config": render_config(field, ctx, view=view),
    }
