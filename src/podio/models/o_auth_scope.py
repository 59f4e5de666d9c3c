"""OAuth scopes: what an API client may reach."""

from __future__ import annotations

from typing import Any

from ._base import Model

__all__ = ["OAuthScope"]


class OAuthScope(Model):
    """One scope of an API client or grant: an object (`ref_type`, `ref_id`) and a permission
    (``read``, ``write``, ``delete``, ``all``; auth.md §8)."""

    ref_type: str | None = None
    ref_id: int | None = None
    ref_link: str | None = None
    ref_name: str | None = None
    ref_data: dict[str, Any] | None = None
    permission: str | None = None
    permissions: list[str] | None = None
