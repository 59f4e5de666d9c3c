"""Status messages: posts on a space's stream."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_raw, instance, member, returns
from .by_line import ByLine
from .comment import Comment
from .embed import Embed
from .file_attachment import FileAttachment
from .question import Question
from .task import Task
from .via import Via

__all__ = ["Status"]

_DOC = "https://developers.podio.com/doc/status"


class Status(Model):
    """A status message (objects.md, "Status message")."""

    _id_field = "status_id"

    status_id: int | None = None
    value: str | None = None
    rich_value: str | None = None
    link: str | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    last_edit_on: DateTime | None = None
    alerts: list[Any] | None = None
    ratings: dict[str, Any] | None = None
    user_ratings: dict[str, Any] | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None
    pinned: bool | None = None
    rights: list[str] | None = None
    is_liked: bool | None = None
    like_count: int | None = None
    files: list[FileAttachment] | None = None
    comments: list[Comment] | None = None
    questions: list[Question] | None = None
    tasks: list[Task] | None = None
    conversations: list[dict[str, Any]] | None = None
    shares: list[dict[str, Any]] | None = None
    embed: Embed | None = None
    embed_file: FileAttachment | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None
    # What a new or edited status is written with.
    file_ids: list[int] | None = None
    embed_id: int | None = None
    embed_file_id: int | None = None
    embed_url: str | None = None
    question: dict[str, Any] | None = None

    @member("GET", "/status/{status_id}", doc=f"{_DOC}/get-status-message-22337")
    def find(cls, status_id: int, *, fields: str | None = None, client: ClientArg = None) -> Call:
        """One status message (`fields` shapes the answer: conventions.md §5)."""
        return Call(path={"status_id": status_id}, params={"fields": fields})

    afind = find.twin()

    @member("POST", "/status/space/{space_id}/", doc=f"{_DOC}/add-new-status-message-22336")
    def create(
        cls,
        space_id: int,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        alert_invite: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Post a status message on a space: ``{"value": "text", "file_ids": [...], ...}``.

        Also ``embed_id``/``embed_url`` for a link and ``question: {"text", "options": [...]}``
        for a poll. Returns the new status (the Ruby gem returns only its id, which is
        `status_id` here).
        """
        return Call(
            path={"space_id": space_id},
            params={"silent": silent, "alert_invite": alert_invite},
            json=dict(attributes),
        )

    acreate = create.twin()

    @returns(as_raw, "PUT", "/status/{status_id}", doc=f"{_DOC}/update-a-status-message-22338")
    def update(
        cls, status_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Edit a status message: ``{"value", "file_ids", "embed_id", "embed_url"}``.

        Returns Podio's answer as is (podio-dotnet does the same).
        """
        return Call(path={"status_id": status_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_raw, "DELETE", "/status/{status_id}", doc=f"{_DOC}/delete-a-status-message-22339")
    def delete(cls, status_id: int, *, client: ClientArg = None) -> Call:
        """Delete a status message."""
        return Call(path={"status_id": status_id})

    adelete = delete.twin()

    @instance("DELETE", "/status/{status_id}", doc=f"{_DOC}/delete-a-status-message-22339")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this status message (the gem's ``Status#destroy``)."""
        return Call(path={"status_id": self.status_id})

    adestroy = destroy.twin()
