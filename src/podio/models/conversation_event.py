"""Conversation events: what happened in a conversation (a message, someone joining...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import model_validator
from typing_extensions import Self

from ._base import DateTime, Model
from ._operation import Call, ClientArg, Paging, member, members, paged
from .by_line import ByLine
from .conversation_message import ConversationMessage
from .via import Via

__all__ = ["ConversationEvent"]

_DOC = "https://developers.podio.com/doc/conversations"

# Podio documents a default of 10 events per page and no maximum (podio-dotnet).
PAGE_SIZE = 100


def reply_body(
    text: str, file_ids: Sequence[int], embed_id: int | None, embed_file_id: int | None
) -> dict[str, Any]:
    """The body of a reply; the embed keys only when given."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    body: dict[str, Any] = {"text": text, "file_ids": list(file_ids)}
    if embed_id is not None:
        body["embed_id"] = embed_id
    if embed_file_id is not None:
        body["embed_file_id"] = embed_file_id
    return body


class ConversationEvent(Model):
    """An event of a conversation. `action` says what happened and decides what `data` is:
    a `ConversationMessage` for ``message``; for ``participant_add``, ``participant_leave``
    and ``subject_change`` the user concerned, for ``live_*`` the live meeting (both kept as
    Podio sent them)."""

    _id_field = "event_id"

    event_id: int | None = None
    action: str | None = None
    data: dict[str, Any] | ConversationMessage | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None

    @model_validator(mode="after")
    def _typed_message(self) -> Self:
        if self.action == "message" and isinstance(self.data, dict):
            self.data = ConversationMessage.from_api(self.data)
        return self

    @property
    def message(self) -> ConversationMessage | None:
        """The message of a ``message`` event, else `None`."""
        return self.data if isinstance(self.data, ConversationMessage) else None

    @members(
        "GET",
        "/conversation/{conversation_id}/event/",
        doc=f"{_DOC}/get-conversation-events-35440697",
    )
    def find_all(
        cls,
        conversation_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The events of a conversation, newest first (Podio's default page: 10)."""
        return Call(
            path={"conversation_id": conversation_id}, params={"limit": limit, "offset": offset}
        )

    afind_all = find_all.twin()

    @paged(
        "GET",
        "/conversation/{conversation_id}/event/",
        doc=f"{_DOC}/get-conversation-events-35440697",
    )
    def iter_all(
        cls,
        conversation_id: int,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every event of a conversation (at most `limit`), fetched page by page."""
        return Paging(
            call=lambda offset, size: Call(
                path={"conversation_id": conversation_id},
                params={"limit": size, "offset": offset},
            ),
            page_size=page_size,
            limit=limit,
        )

    @member("GET", "/conversation/event/{event_id}", doc=f"{_DOC}/get-conversation-event-35628220")
    def find(cls, event_id: int, *, client: ClientArg = None) -> Call:
        """One event."""
        return Call(path={"event_id": event_id})

    afind = find.twin()

    @members(
        "POST",
        "/conversation/{conversation_id}/participant/v2/",
        doc=f"{_DOC}/add-participants-v2-37282400",
    )
    def add_participants(
        cls,
        conversation_id: int,
        participants: Sequence[Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Add people to a conversation (``/v2``): a list of contact identifiers such as
        ``{"type": "user", "id": 12}``. Returns the ``participant_add`` events."""
        return Call(
            path={"conversation_id": conversation_id}, json={"participants": list(participants)}
        )

    aadd_participants = add_participants.twin()

    @member(
        "POST",
        "/conversation/{conversation_id}/reply/v2",
        doc=f"{_DOC}/reply-to-conversation-v2-37260916",
    )
    def create_reply(
        cls,
        conversation_id: int,
        text: str,
        file_ids: Sequence[int] = (),
        embed_id: int | None = None,
        embed_file_id: int | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Reply to a conversation (``/v2``); returns the ``message`` event it makes."""
        return Call(
            path={"conversation_id": conversation_id},
            json=reply_body(text, file_ids, embed_id, embed_file_id),
        )

    acreate_reply = create_reply.twin()

    @member("PUT", "/conversation/{conversation_id}/subject")
    def change_subject(
        cls, conversation_id: int, subject: str, *, client: ClientArg = None
    ) -> Call:
        """Give a conversation a new subject; returns the ``subject_change`` event."""
        return Call(path={"conversation_id": conversation_id}, json={"subject": subject})

    achange_subject = change_subject.twin()
