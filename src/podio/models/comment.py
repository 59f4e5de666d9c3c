"""Comments: the conversation on an item, status, task, file... (``ref_type``/``ref_id``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_model_list, as_status, member, members, returns
from .by_line import ByLine
from .embed import Embed
from .file_attachment import FileAttachment
from .profile import Profile
from .question import Question
from .via import Via

__all__ = ["Comment"]

_DOC = "https://developers.podio.com/doc/comments"


class Comment(Model):
    """A comment (objects.md, "Comment"; the comments in samples/item-get-all-fields.json).

    Comments are made on an object (``Comment.create("item", 42, {"value": "Done!"})``) and
    edited or deleted through their own id.
    """

    _id_field = "comment_id"

    comment_id: int | None = None
    value: str | None = None
    rich_value: str | None = None
    external_id: str | None = None
    space_id: int | None = None
    ref: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    user: ByLine | None = None
    last_edit_on: DateTime | None = None
    files: list[FileAttachment] | None = None
    embed: Embed | None = None
    embed_file: FileAttachment | None = None
    questions: list[Question] | None = None
    like_count: int | None = None
    is_liked: bool | None = None
    rights: list[str] | None = None
    alerts: list[Any] | None = None
    granted_users: list[Profile] | None = None  # only in the answer to a new comment
    invited_users: list[Profile] | None = None  # only in the answer to a new comment
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None
    # What a new or edited comment is written with.
    file_ids: list[int] | None = None
    embed_id: int | None = None
    embed_file_id: int | None = None
    embed_url: str | None = None

    @member("GET", "/comment/{comment_id}", doc=f"{_DOC}/get-a-comment-22345")
    def find(cls, comment_id: int, *, client: ClientArg = None) -> Call:
        """One comment (without the object it was made on)."""
        return Call(path={"comment_id": comment_id})

    afind = find.twin()

    @members("GET", "/comment/{ref_type}/{ref_id}", doc=f"{_DOC}/get-comments-on-object-22371")
    def find_all_for(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The comments on an object, oldest first (``find_all_for("item", 42)``)."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            params={"limit": limit, "offset": offset},
        )

    afind_all_for = find_all_for.twin()

    @members("GET", "/comment/share/")
    def find_recent_for_share(cls, *, client: ClientArg = None) -> Call:
        """Recent comments on the app-market shares of the user (used by Podio's own site)."""
        return Call()

    afind_recent_for_share = find_recent_for_share.twin()

    @member("POST", "/comment/{ref_type}/{ref_id}", doc=f"{_DOC}/add-comment-to-object-22340")
    def create(
        cls,
        ref_type: str,
        ref_id: int,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        alert_invite: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Comment on an object: ``{"value", "external_id", "file_ids", "embed_id", "embed_url"}``.

        Returns the new comment as Podio answers it. `silent` keeps it out of streams and
        notifications, ``hook=False`` fires no webhooks, `alert_invite` invites @-mentioned
        users who cannot see the object yet.
        """
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            params={"silent": silent, "hook": hook, "alert_invite": alert_invite},
            json=dict(attributes),
        )

    acreate = create.twin()

    @returns(as_status, "PUT", "/comment/{comment_id}", doc=f"{_DOC}/update-a-comment-22346")
    def update(
        cls, comment_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Edit a comment (same keys as `create`; leaving out ``embed_id`` removes the embed).

        Returns the HTTP status.
        """
        return Call(path={"comment_id": comment_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/comment/{comment_id}", doc=f"{_DOC}/delete-a-comment-22347")
    def delete(cls, comment_id: int, *, client: ClientArg = None) -> Call:
        """Delete a comment; returns the HTTP status."""
        return Call(path={"comment_id": comment_id})

    adelete = delete.twin()

    @returns(
        as_model_list(Profile),
        "GET",
        "/comment/{comment_id}/liked_by/",
        doc=f"{_DOC}/get-who-liked-a-comment-29007011",
    )
    def liked_by(
        cls, comment_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The profiles of the users who liked a comment."""
        return Call(path={"comment_id": comment_id}, params={"limit": limit})

    aliked_by = liked_by.twin()


# FileAttachment and Embed refer to Comment (a file's comments): now that it exists, complete
# them; this module is imported by file_attachment.py for that reason.
FileAttachment.model_rebuild()
Embed.model_rebuild()
Comment.model_rebuild()
