"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "Action": "action",
    "Application": "application",
    "ApplicationField": "application_field",
    "Batch": "batch",
    "ByLine": "by_line",
    "Filter": "filter",
    "Flow": "flow",
    "Form": "form",
    "Importer": "importer",
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
