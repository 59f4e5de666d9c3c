"""Tag search results: the objects carrying a given tag."""

from __future__ import annotations

from ._base import DateTime, Model
from ._typed_identity import TypedIdentity

__all__ = ["TagSearch"]


class TagSearch(TypedIdentity, Model):
    """An object found by its tag: `type` (``item``, ``status``...) and `id`, `title`, `link`.

    Returned by ``Tag.find_tagged_objects_on_app`` / ``_on_space`` / ``_on_org``.
    """

    _id_field = "id"

    type: str | None = None
    title: str | None = None
    link: str | None = None
    created_on: DateTime | None = None
