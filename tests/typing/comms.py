"""Type-checked, never run: streams, calendar, conversations and the app market as a caller
sees them (mypy --strict)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from typing_extensions import assert_type

import podio
from podio._pagination import Collection, Pager


class MyConversation(podio.Conversation):
    pass


def sync_calls() -> None:
    assert_type(podio.StreamObject.find_all(limit=5), list[podio.StreamObject])
    assert_type(podio.StreamObject.iter_all_by_space_id(5), Pager[podio.StreamObject])
    assert_type(podio.StreamObject.find_by_ref_v3("item", 1), podio.StreamObject)
    events = podio.CalendarEvent.find_all(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert_type(events, list[podio.CalendarEvent])
    assert_type(podio.CalendarEvent.find_summary(limit=3), podio.CalendarSummary)
    assert_type(podio.CalendarEvent.ical(1, "token"), str)
    assert_type(podio.CalendarMute.create("space", 5, "task"), int)
    assert_type(MyConversation.find(1), MyConversation)
    assert_type(podio.Conversation.count_unread(), int)
    assert_type(podio.Conversation.create_reply(1, "hi"), podio.ConversationMessage)
    assert_type(podio.ConversationEvent.create_reply(1, "hi"), podio.ConversationEvent)
    assert_type(podio.Grant.find_own("item", 1), podio.Grant | None)
    assert_type(podio.Grant.count_by_reference("item", 1), int)
    assert_type(podio.Question.find_answers(1), list[podio.QuestionAnswer])
    assert_type(podio.AppStoreShare.find_top("app"), Collection[podio.AppStoreShare])
    assert_type(podio.AppStoreShare.find_orgs_with_private_shares(), list[podio.Organization])
    assert_type(podio.AppStoreCategory.find_all(), dict[str, list[podio.AppStoreCategory]])
    assert_type(podio.Integration.find_available_fields_for(6), Any)
    assert_type(podio.Integration(app_id=6).refresh(), bool)


async def async_calls() -> None:
    assert_type(await podio.Conversation.afind_all(), list[podio.Conversation])
    assert_type(await podio.CalendarEvent.aical_for_task(1), str)
    assert_type(await podio.Grant(ref_type="item", ref_id=1).asave(), bool)
    async for entry in podio.AppStoreShare.iter_all_own("app"):
        assert_type(entry, podio.AppStoreShare)
