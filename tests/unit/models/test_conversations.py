"""Conversations: listing, starting, replying, participants, flags and events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

BYLINE = {"type": "user", "id": 4, "user_id": 4, "name": "Ann", "avatar": 12}
MESSAGE = {
    "message_id": 501,
    "text": "Noon works",
    "embed": None,
    "embed_file": None,
    "files": [],
    "created_on": "2017-03-21 11:00:00",
    "created_by": BYLINE,
}
PARTICIPANT = {
    "user": {"user_id": 5, "name": "Bob", "avatar": 13, "link": "https://podio.com/users/5"},
    "created_on": "2017-03-21 10:00:00",
    "created_by": BYLINE,
}
CONVERSATION = {
    "conversation_id": 77,
    "subject": "Lunch",
    "type": "direct",
    "excerpt": "Noon works",
    "starred": False,
    "unread": True,
    "unread_count": 1,
    "created_on": "2017-03-21 10:00:00",
    "last_event_on": "2017-03-21 11:00:00",
    "created_by": BYLINE,
    "participants": [4, 5],
    "participants_full": [PARTICIPANT],
    "messages": [MESSAGE],
    "ref": None,
    "push": {"channel": "/conversation/77", "signature": "abc", "timestamp": 1490094000},
}
MESSAGE_EVENT = {
    "event_id": 9,
    "action": "message",
    "data": MESSAGE,
    "created_on": "2017-03-21 11:00:00",
    "created_by": BYLINE,
}
JOIN_EVENT = {"event_id": 10, "action": "participant_add", "data": PARTICIPANT["user"]}
NEW = {"subject": "Lunch", "text": "Noon?", "participants": [5]}
CREATED = {"conversation_id": 77, "message_id": 501}

CONV, EVENT = podio.Conversation, podio.ConversationEvent

CASES = [
    Case(CONV, "find_all", path="/conversation/", answer=[CONVERSATION], kind=CONV),
    Case(
        CONV,
        "find_all",
        kwargs={"limit": 5, "offset": 5},
        path="/conversation/",
        query={"limit": 5, "offset": 5},
        answer=[CONVERSATION],
        kind=CONV,
    ),
    Case(
        CONV,
        "find_all_by_flag",
        ("starred",),
        path="/conversation/starred/",
        answer=[CONVERSATION],
        kind=CONV,
    ),
    Case(
        CONV,
        "search",
        ("lunch",),
        {"participants": True, "limit": 2},
        path="/conversation/search/",
        query={"text": "lunch", "participants": "1", "limit": 2},
        answer=[CONVERSATION],
        kind=CONV,
    ),
    Case(
        CONV,
        "find_all_for_reference",
        ("item", 1),
        path="/conversation/item/1/",
        answer=[CONVERSATION],
        kind=CONV,
    ),
    Case(CONV, "find", (77,), path="/conversation/77", answer=CONVERSATION, kind=CONV),
    Case(
        CONV,
        "find_direct_with_user",
        (5,),
        path="/conversation/direct/5",
        answer=CONVERSATION,
        kind=CONV,
    ),
    Case(
        CONV,
        "create",
        (NEW,),
        method="POST",
        path="/conversation/v2/",
        body=NEW,
        answer=CONVERSATION,
        kind=CONV,
    ),
    Case(CONV, "create_v1", (NEW,), method="POST", path="/conversation/", body=NEW, answer=CREATED),
    Case(
        CONV,
        "create_for_reference",
        ("task", 8, NEW),
        method="POST",
        path="/conversation/task/8/",
        body=NEW,
        answer=CREATED,
    ),
    Case(
        CONV,
        "create_reply",
        (77, "Noon works"),
        method="POST",
        path="/conversation/77/reply",
        body={"text": "Noon works", "file_ids": []},
        answer={"message_id": 501},
        kind=podio.ConversationMessage,
    ),
    Case(
        CONV,
        "create_reply",
        (77, "See file", [3, 4], 9),
        method="POST",
        path="/conversation/77/reply",
        body={"text": "See file", "file_ids": [3, 4], "embed_id": 9},
        answer=MESSAGE,
        kind=podio.ConversationMessage,
    ),
    Case(
        CONV,
        "add_participants",
        (77, [5, {"type": "user", "id": 6}]),
        method="POST",
        path="/conversation/77/participant/",
        body={"participants": [5, {"type": "user", "id": 6}]},
        answer=None,
    ),
    Case(
        CONV,
        "add_participant",
        (77, 5),
        method="POST",
        path="/conversation/77/participant/",
        body={"user_id": 5},
        answer=None,
    ),
    Case(CONV, "leave", (77,), method="POST", path="/conversation/77/leave", answer=None),
    Case(
        CONV,
        "mark_all_as_read",
        method="POST",
        path="/conversation/read",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        CONV,
        "mark_as_read",
        (77,),
        method="POST",
        path="/conversation/77/read",
        answer=None,
        result=200,
    ),
    Case(
        CONV,
        "mark_as_unread",
        (77,),
        method="DELETE",
        path="/conversation/77/read",
        answer=None,
        result=200,
    ),
    Case(CONV, "star", (77,), method="POST", path="/conversation/77/star", answer=None, result=200),
    Case(
        CONV,
        "unstar",
        (77,),
        method="DELETE",
        path="/conversation/77/star",
        answer=None,
        status=204,
        result=204,
    ),
    Case(CONV, "count_unread", path="/conversation/unread/count", answer={"value": 3}, result=3),
    Case(CONV, "starred_count", path="/conversation/starred/count", answer={"value": 1}, result=1),
    Case(
        CONV,
        "count_by_flag",
        ("unread",),
        path="/conversation/unread/count",
        answer={"value": 3},
        result=3,
    ),
    Case(
        EVENT,
        "find_all",
        (77,),
        {"limit": 20},
        path="/conversation/77/event/",
        query={"limit": 20},
        answer=[MESSAGE_EVENT, JOIN_EVENT],
        kind=EVENT,
    ),
    Case(EVENT, "find", (9,), path="/conversation/event/9", answer=MESSAGE_EVENT, kind=EVENT),
    Case(
        EVENT,
        "add_participants",
        (77, [{"type": "user", "id": 5}]),
        method="POST",
        path="/conversation/77/participant/v2/",
        body={"participants": [{"type": "user", "id": 5}]},
        answer=[JOIN_EVENT],
        kind=EVENT,
    ),
    Case(
        EVENT,
        "create_reply",
        (77, "Noon works"),
        {"embed_file_id": 12},
        method="POST",
        path="/conversation/77/reply/v2",
        body={"text": "Noon works", "file_ids": [], "embed_file_id": 12},
        answer=MESSAGE_EVENT,
        kind=EVENT,
    ),
    Case(
        EVENT,
        "change_subject",
        (77, "Dinner"),
        method="PUT",
        path="/conversation/77/subject",
        body={"subject": "Dinner"},
        answer={"event_id": 11, "action": "subject_change"},
        kind=EVENT,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_conversation_is_typed_down_to_messages_and_participants(api: MockPodio) -> None:
    api.on("GET", "/conversation/77", CONVERSATION)
    talk = CONV.find(77)
    assert talk.id == 77 and talk.name == "Lunch" and talk.unread_count == 1
    assert talk.last_event_on == dt.datetime(2017, 3, 21, 11, tzinfo=dt.timezone.utc)
    [message] = talk.messages or []
    assert isinstance(message, podio.ConversationMessage) and message.id == 501
    assert isinstance(message.created_by, podio.ByLine) and message.created_by.name == "Ann"
    [who] = talk.participants_full or []
    assert isinstance(who, podio.ConversationParticipant)
    assert (who.user_id, who.name, who.avatar, who.link) == (
        5,
        "Bob",
        13,
        "https://podio.com/users/5",
    )
    assert CONV(excerpt="Noon").name == "Noon"


def test_event_data_is_a_message_only_for_message_events(api: MockPodio) -> None:
    api.on("GET", "/conversation/77/event/", [MESSAGE_EVENT, JOIN_EVENT])
    message_event, join_event = EVENT.find_all(77)
    assert isinstance(message_event.data, podio.ConversationMessage)
    assert message_event.message is message_event.data and message_event.message.text
    assert join_event.data == PARTICIPANT["user"] and join_event.message is None
    assert [message_event.as_json(), join_event.as_json()] == [MESSAGE_EVENT, JOIN_EVENT]


def test_save_starts_the_conversation_and_takes_in_what_podio_made(api: MockPodio) -> None:
    api.on("POST", "/conversation/v2/", CONVERSATION)
    talk = CONV(subject="Lunch", text="Noon?", participants=[5])
    assert talk.save() is True
    assert api.last.json == {**NEW, "file_ids": []}
    assert talk.conversation_id == 77 and talk.persisted and talk.error is None
    assert isinstance(talk.created_by, podio.ByLine)
    assert [m.message_id for m in talk.messages or []] == [501]
    assert talk.push == CONVERSATION["push"]


async def test_asave_keeps_the_error_when_podio_refuses(api: MockPodio) -> None:
    api.on(
        "POST",
        "/conversation/v2/",
        {
            "error": "invalid_value",
            "error_description": "No participants",
            "error_detail": None,
            "error_parameters": {},
            "error_propagate": True,
        },
        status=400,
    )
    talk = CONV(subject="Lunch", text="Noon?", file_ids=[3])
    assert await talk.asave() is False
    assert talk.error_code == "invalid_value" and talk.error_message == "No participants"
    assert api.last.json == {"subject": "Lunch", "text": "Noon?", "file_ids": [3]}
    assert talk.new_record


@pytest.mark.parametrize(("flag", "error"), [("", ValueError), ("77", ValueError), (77, TypeError)])
def test_a_flag_must_be_a_word(api: MockPodio, flag: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="flag"):
        CONV.find_all_by_flag(flag)
    with pytest.raises(error, match="flag"):
        CONV.count_by_flag(flag)
    assert api.calls == []


def test_a_reply_needs_text(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="text"):
        CONV.create_reply(77, None)  # type: ignore[arg-type]
    assert api.calls == []


def _pages_of(total: int) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        ids = range(offset, min(offset + limit, total))
        if request.url.path.endswith("/event/"):
            return httpx.Response(200, json=[{"event_id": i, "action": "message"} for i in ids])
        return httpx.Response(200, json=[{"conversation_id": i} for i in ids])

    return handler


@pytest.mark.parametrize(
    ("cls", "name", "args", "path", "query"),
    [
        (CONV, "iter_all", (), "/conversation/", {}),
        (CONV, "iter_all_by_flag", ("unread",), "/conversation/unread/", {}),
        (CONV, "iter_search", ("lunch",), "/conversation/search/", {"text": "lunch"}),
        (EVENT, "iter_all", (77,), "/conversation/77/event/", {}),
    ],
)
async def test_iterators_walk_every_page(
    api: MockPodio,
    cls: type[podio.Model],
    name: str,
    args: tuple[Any, ...],
    path: str,
    query: dict[str, str],
) -> None:
    api.on("GET", path, handler=_pages_of(130))
    pager = getattr(cls, name)(*args)
    assert [entry.id for entry in pager] == list(range(130))
    assert [(call.raw_path, call.params) for call in api.calls] == [
        (path, {**query, "limit": "100", "offset": "0"}),
        (path, {**query, "limit": "100", "offset": "100"}),
    ]
    assert len([entry async for entry in pager]) == 130
