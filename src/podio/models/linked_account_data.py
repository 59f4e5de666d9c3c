"""Linked account data: an object of an external service seen through a linked account."""

from __future__ import annotations

from ._base import Model
from ._shapes import ByReference

__all__ = ["LinkedAccountData"]


class LinkedAccountData(ByReference, Model):
    """An external object (a contact, a file, ...) reached through a `LinkedAccount`."""

    _id_field = "id"

    type: str | None = None
    info: str | None = None
    url: str | None = None
