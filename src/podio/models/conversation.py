"""Conversations: private message threads between users, alone or on an object."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._response import Response
from ._base import DateTime, Model
from ._operation import (
    Call,
    ClientArg,
    Paging,
    as_field,
    as_model,
    as_raw,
    as_status,
    instance,
    member,
    members,
    paged,
    returns,
)
from .by_line import ByLine
from .conversation_event import reply_body
from .conversation_message import ConversationMessage
from .conversation_participant import ConversationParticipant

__all__ = ["Conversation"]

_DOC = "https://developers.podio.com/doc/conversations"

# Podio documents a default of 10 conversations per page and no maximum (podio-dotnet).
PAGE_SIZE = 100

_INPUT_KEYS = (
    "subject",
    "text",
    "participants",
    "file_ids",
    "embed_id",
    "embed_file_id",
    "embed_url",
)


def _flag(flag: str) -> str:
    # /conversation/{flag}/ and /conversation/{conversation_id} differ only by the kind of
    # value (endpoints-summary.md, routing notes): a number here would read another call.
    if not isinstance(flag, str) or not flag or flag.isdigit():
        raise ValueError(f"flag must be a word such as 'unread' or 'starred', not {flag!r}")
    return flag


def _pages(
    path: dict[str, Any], query: dict[str, Any], page_size: int, limit: int | None
) -> Paging:
    return Paging(
        call=lambda offset, size: Call(
            path=path, params={**query, "limit": size, "offset": offset}
        ),
        page_size=page_size,
        limit=limit,
    )


class Conversation(Model):
    """A conversation: its `subject`, `participants_full`, `messages` and the user's flags
    (`starred`, `unread`, `unread_count`).

    Start one as an instance (the Ruby gem's ``save``)::

        talk = podio.Conversation(subject="Lunch?", text="Noon?", participants=[12, 13])
        if talk.save():
            print(talk.conversation_id)
    """

    _id_field = "conversation_id"

    conversation_id: int | None = None
    subject: str | None = None
    pinned: bool | None = None
    # when starting a conversation
    text: str | None = None
    participants: list[Any] | None = None
    file_ids: list[int] | None = None
    embed_id: int | None = None
    embed_file_id: int | None = None
    # when reading one
    link: str | None = None
    created_on: DateTime | None = None
    excerpt: str | None = None
    last_event_on: DateTime | None = None
    starred: bool | None = None
    unread: bool | None = None
    unread_count: int | None = None
    type: str | None = None
    ref: dict[str, Any] | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None
    embed: dict[str, Any] | None = None
    embed_file: dict[str, Any] | None = None
    created_by: ByLine | None = None
    live: dict[str, Any] | None = None
    files: list[dict[str, Any]] | None = None
    messages: list[ConversationMessage] | None = None
    participants_full: list[ConversationParticipant] | None = None

    @property
    def name(self) -> str | None:
        """The `subject`, else the `excerpt` (what references to a conversation show)."""
        return self.subject or self.excerpt

    # -- listing ----------------------------------------------------------------------------

    @members("GET", "/conversation/", doc=f"{_DOC}/get-conversations-34822801")
    def find_all(
        cls, *, limit: int | None = None, offset: int | None = None, client: ClientArg = None
    ) -> Call:
        """The user's conversations, latest event first (Podio's default page: 10)."""
        return Call(params={"limit": limit, "offset": offset})

    afind_all = find_all.twin()

    @paged("GET", "/conversation/", doc=f"{_DOC}/get-conversations-34822801")
    def iter_all(
        cls, *, page_size: int = PAGE_SIZE, limit: int | None = None, client: ClientArg = None
    ) -> Paging:
        """Every conversation of the user (at most `limit`), fetched page by page."""
        return _pages({}, {}, page_size, limit)

    @members("GET", "/conversation/{flag}/", doc=f"{_DOC}/get-flagged-conversations-35466860")
    def find_all_by_flag(
        cls,
        flag: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's conversations with a flag: ``unread`` or ``starred``."""
        return Call(path={"flag": _flag(flag)}, params={"limit": limit, "offset": offset})

    afind_all_by_flag = find_all_by_flag.twin()

    @paged("GET", "/conversation/{flag}/", doc=f"{_DOC}/get-flagged-conversations-35466860")
    def iter_all_by_flag(
        cls,
        flag: str,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every conversation with a flag (at most `limit`), fetched page by page."""
        return _pages({"flag": _flag(flag)}, {}, page_size, limit)

    @members("GET", "/conversation/search/", doc=f"{_DOC}/search-conversations-36885550")
    def search(
        cls,
        text: str,
        *,
        participants: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's conversations matching `text`, latest event first.

        With ``participants=True`` the text is looked for in the participants' names and
        mail addresses instead of the subjects and messages.
        """
        return Call(
            params={"text": text, "participants": participants, "limit": limit, "offset": offset}
        )

    asearch = search.twin()

    @paged("GET", "/conversation/search/", doc=f"{_DOC}/search-conversations-36885550")
    def iter_search(
        cls,
        text: str,
        *,
        participants: bool | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every conversation matching `text` (at most `limit`), fetched page by page."""
        return _pages({}, {"text": text, "participants": participants}, page_size, limit)

    @members(
        "GET", "/conversation/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-conversations-on-object-22443"
    )
    def find_all_for_reference(
        cls, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """The conversations on an object (an item, a task...) that the user takes part in."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all_for_reference = find_all_for_reference.twin()

    # -- one conversation -------------------------------------------------------------------

    @member("GET", "/conversation/{conversation_id}", doc=f"{_DOC}/get-conversation-22369")
    def find(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """One conversation with its participants and messages (participants only)."""
        return Call(path={"conversation_id": conversation_id})

    afind = find.twin()

    @member(
        "GET",
        "/conversation/direct/{user_id}",
        doc=f"{_DOC}/get-existing-direct-conversation-44969910",
    )
    def find_direct_with_user(cls, user_id: int, *, client: ClientArg = None) -> Call:
        """The one-to-one conversation with a user; `NotFoundError` when there is none."""
        return Call(path={"user_id": user_id})

    afind_direct_with_user = find_direct_with_user.twin()

    # -- starting and replying ----------------------------------------------------------------

    @member("POST", "/conversation/v2/", doc=f"{_DOC}/create-conversation-v2-37301474")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Start a conversation (``/v2``): ``{"subject", "text", "participants": [...],
        "file_ids", "embed_id", "embed_url"}``. Returns the new conversation."""
        return Call(json=dict(attributes))

    acreate = create.twin()

    @returns(as_raw, "POST", "/conversation/", doc=f"{_DOC}/create-conversation-22441")
    def create_v1(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Start a conversation with the first-version call (the PHP client's): same body as
        `create`; returns Podio's answer, ``{"conversation_id", "message_id"}``."""
        return Call(json=dict(attributes))

    acreate_v1 = create_v1.twin()

    @returns(
        as_raw,
        "POST",
        "/conversation/{ref_type}/{ref_id}/",
        doc=f"{_DOC}/create-conversation-on-object-22442",
    )
    def create_for_reference(
        cls, ref_type: str, ref_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Start a conversation on an object (an item, a task...), same body as `create`;
        returns Podio's answer, ``{"conversation_id", "message_id"}``."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes))

    acreate_for_reference = create_for_reference.twin()

    @returns(
        as_model(ConversationMessage),
        "POST",
        "/conversation/{conversation_id}/reply",
        doc=f"{_DOC}/reply-to-conversation-22444",
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
        """Reply to a conversation; returns the new message (the Ruby gem returns only its
        `message_id`). `ConversationEvent.create_reply` is the ``/v2`` call."""
        return Call(
            path={"conversation_id": conversation_id},
            json=reply_body(text, file_ids, embed_id, embed_file_id),
        )

    acreate_reply = create_reply.twin()

    @returns(
        as_raw,
        "POST",
        "/conversation/{conversation_id}/participant/",
        doc=f"{_DOC}/add-participants-384261",
    )
    def add_participants(
        cls, conversation_id: int, participants: Sequence[Any], *, client: ClientArg = None
    ) -> Call:
        """Add people to a conversation (user ids or contact identifiers); returns Podio's
        answer. `ConversationEvent.add_participants` is the ``/v2`` call."""
        return Call(
            path={"conversation_id": conversation_id}, json={"participants": list(participants)}
        )

    aadd_participants = add_participants.twin()

    @returns(
        as_raw,
        "POST",
        "/conversation/{conversation_id}/participant/",
        doc=f"{_DOC}/add-participants-384261",
    )
    def add_participant(
        cls, conversation_id: int, user_id: int, *, client: ClientArg = None
    ) -> Call:
        """Add one user to a conversation; returns Podio's answer."""
        return Call(path={"conversation_id": conversation_id}, json={"user_id": user_id})

    aadd_participant = add_participant.twin()

    @returns(
        as_raw,
        "POST",
        "/conversation/{conversation_id}/leave",
        doc=f"{_DOC}/leave-conversation-35483748",
    )
    def leave(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """Leave a conversation; returns Podio's answer."""
        return Call(path={"conversation_id": conversation_id})

    aleave = leave.twin()

    # -- flags -----------------------------------------------------------------------------------

    @returns(
        as_status,
        "POST",
        "/conversation/read",
        doc=f"{_DOC}/mark-all-conversations-as-read-38080233",
    )
    def mark_all_as_read(cls, *, client: ClientArg = None) -> Call:
        """Mark every conversation of the user as read; returns the HTTP status."""
        return Call()

    amark_all_as_read = mark_all_as_read.twin()

    @returns(
        as_status,
        "POST",
        "/conversation/{conversation_id}/read",
        doc=f"{_DOC}/mark-conversation-as-read-35441525",
    )
    def mark_as_read(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """Mark a conversation as read; returns the HTTP status."""
        return Call(path={"conversation_id": conversation_id})

    amark_as_read = mark_as_read.twin()

    @returns(
        as_status,
        "DELETE",
        "/conversation/{conversation_id}/read",
        doc=f"{_DOC}/mark-conversation-as-unread-35441542",
    )
    def mark_as_unread(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """Mark a conversation as unread; returns the HTTP status."""
        return Call(path={"conversation_id": conversation_id})

    amark_as_unread = mark_as_unread.twin()

    @returns(
        as_status,
        "POST",
        "/conversation/{conversation_id}/star",
        doc=f"{_DOC}/star-conversation-35106944",
    )
    def star(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """Star a conversation (nothing happens if it is starred); returns the HTTP status."""
        return Call(path={"conversation_id": conversation_id})

    astar = star.twin()

    @returns(
        as_status,
        "DELETE",
        "/conversation/{conversation_id}/star",
        doc=f"{_DOC}/unstar-conversation-35106990",
    )
    def unstar(cls, conversation_id: int, *, client: ClientArg = None) -> Call:
        """Remove the star from a conversation; returns the HTTP status."""
        return Call(path={"conversation_id": conversation_id})

    aunstar = unstar.twin()

    @returns(
        as_field("value", int),
        "GET",
        "/conversation/unread/count",
        doc=f"{_DOC}/get-flagged-conversation-counts-35467925",
    )
    def count_unread(cls, *, client: ClientArg = None) -> Call:
        """How many of the user's conversations are unread.

        The Ruby gem's ``unread_count``; here that name is the attribute Podio sends on each
        conversation (its number of unread messages).
        """
        return Call()

    acount_unread = count_unread.twin()

    @returns(
        as_field("value", int),
        "GET",
        "/conversation/starred/count",
        doc=f"{_DOC}/get-flagged-conversation-counts-35467925",
    )
    def starred_count(cls, *, client: ClientArg = None) -> Call:
        """How many of the user's conversations are starred."""
        return Call()

    astarred_count = starred_count.twin()

    @returns(
        as_field("value", int),
        "GET",
        "/conversation/{flag}/count",
        doc=f"{_DOC}/get-flagged-conversation-counts-35467925",
    )
    def count_by_flag(cls, flag: str, *, client: ClientArg = None) -> Call:
        """How many of the user's conversations carry a flag (``unread``, ``starred``)."""
        return Call(path={"flag": _flag(flag)})

    acount_by_flag = count_by_flag.twin()

    # -- instance methods ---------------------------------------------------------------------

    @instance("POST", "/conversation/v2/", doc=f"{_DOC}/create-conversation-v2-37301474")
    def save(self, *, client: ClientArg = None) -> Call:
        """Start this conversation (`subject`, `text`, `participants`, `file_ids`...); the
        instance then holds the conversation Podio created."""
        data = self.as_json()
        body = {key: data[key] for key in _INPUT_KEYS if key in data}
        body.setdefault("file_ids", [])

        def take(response: Response) -> None:
            self._take_answer(response.body)

        return Call(json=body, after=take)

    asave = save.twin()
