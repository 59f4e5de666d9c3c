"""Via: the API client through which something was done (``created_via``)."""

from __future__ import annotations

from ._base import Model

__all__ = ["Via"]


class Via(Model):
    """An auth client reference, e.g. ``{"id": 1, "name": "Podio", "display": false}``."""

    _id_field = "id"

    auth_client_id: int | None = None
    name: str | None = None
    url: str | None = None
    display: bool | None = None
