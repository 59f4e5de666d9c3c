"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "ByLine": "by_line",
    "Contact": "contact",
    "Organization": "organization",
    "Profile": "profile",
    "Space": "space",
    "SpaceContact": "space_contact",
    "Status": "status",
    "Via": "via",
}
