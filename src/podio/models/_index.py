"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "Application": "application",
    "ApplicationField": "application_field",
    "Batch": "batch",
    "ByLine": "by_line",
    "Filter": "filter",
    "Item": "item",
    "ItemDiff": "item_diff",
    "ItemField": "item_field",
    "ItemRevision": "item_revision",
    "Organization": "organization",
    "Profile": "profile",
    "Reference": "reference",
    "Space": "space",
    "SpaceContact": "space_contact",
    "Status": "status",
    "Via": "via",
    "View": "view",
}
