"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "Application": "application",
    "ApplicationField": "application_field",
    "ByLine": "by_line",
    "Organization": "organization",
    "Profile": "profile",
    "Space": "space",
    "SpaceContact": "space_contact",
    "Status": "status",
    "Via": "via",
}
