"""Embeds: links Podio has resolved into a title, description, thumbnails and HTML."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._base import DateTime, Model
from ._operation import Call, ClientArg, member

if TYPE_CHECKING:
    from .file_attachment import FileAttachment

__all__ = ["Embed"]

_DOC = "https://developers.podio.com/doc/embeds"


class Embed(Model):
    """A resolved link (objects.md, "Embed"); pass its `embed_id` when posting a comment."""

    _id_field = "embed_id"

    embed_id: int | None = None
    original_url: str | None = None
    resolved_url: str | None = None
    url: str | None = None
    hostname: str | None = None
    type: str | None = None
    title: str | None = None
    description: str | None = None
    provider_name: str | None = None
    embed_html: str | None = None
    embed_width: int | None = None
    embed_height: int | None = None
    created_on: DateTime | None = None
    files: list[FileAttachment] | None = None
    push: dict[str, Any] | None = None

    @member("POST", "/embed/", doc=f"{_DOC}/add-an-embed-726483")
    def create(
        cls,
        url: str,
        mode: Literal["immediate", "delayed"] = "immediate",
        *,
        client: ClientArg = None,
    ) -> Call:
        """Resolve a URL into an embed; `mode` ``delayed`` lets Podio fetch it later."""
        if mode not in ("immediate", "delayed"):
            raise ValueError("mode must be 'immediate' or 'delayed'")
        return Call(json={"url": url, "mode": mode})

    acreate = create.twin()

    @member("GET", "/embed/{embed_id}")
    def find(cls, embed_id: int, *, client: ClientArg = None) -> Call:
        """One embed."""
        return Call(path={"embed_id": embed_id})

    afind = find.twin()


# An embed's thumbnails are files, whose comments may carry embeds: comment.py completes the
# three models once they all exist, so it is imported here, after Embed.
from . import comment as _comment  # noqa: E402, F401
