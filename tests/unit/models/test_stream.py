"""Streams: every stream call sends Podio's request and gives typed stream objects back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

ACTIVITY = {
    "id": 9001,
    "type": "comment",
    "activity_type": "creation",
    "data": {"comment_id": 77, "value": "Looks good"},
    "created_on": "2017-03-21 10:15:00",
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann", "avatar": 12},
    "created_via": {"id": 1, "auth_client_id": 1, "name": "Podio", "display": False},
}
STREAM_OBJECT = {
    "id": 350017179,
    "type": "item",
    "title": "Quarterly plan",
    "link": "https://podio.com/acme/plans/apps/plans/items/1",
    "last_update_on": "2017-03-21 10:15:00",
    "created_on": "2017-03-20 08:00:00",
    "rights": ["view", "comment"],
    "comments_allowed": True,
    "user_ratings": {"like": None},
    "data": {"item_id": 350017179, "title": "Quarterly plan"},
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
    "space": {"space_id": 5, "name": "Plans", "url": "https://podio.com/acme/plans"},
    "org": {"org_id": 4, "name": "Acme"},
    "app": {"app_id": 6, "config": {"name": "Plans", "item_name": "Plan"}},
    "comments": [],
    "files": [],
    "activity": [ACTIVITY],
}
GROUP = {
    "group_id": 31,
    "kind": "creator",
    "type": "comment",
    "created_on": "2017-03-21 10:15:00",
    "activities": [ACTIVITY],
    "data_ref": {"type": "comment", "id": 77},
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
    "authors": [{"type": "user", "id": 4, "user_id": 4, "name": "Ann"}],
}
STREAM_OBJECT_V3 = {
    "id": 1234,
    "type": "status",
    "title": "Hello",
    "is_liked": False,
    "like_count": 2,
    "subscribed": True,
    "subscribed_count": 3,
    "activity_groups": [GROUP],
}
MUTE = {"id": 5, "type": "space", "title": "Plans", "data": {"space_id": 5}}

SO, MUTES, GROUPS = podio.StreamObject, podio.StreamMute, podio.StreamActivityGroup
ONE = [STREAM_OBJECT]
V3 = [STREAM_OBJECT_V3]
SINCE = dt.datetime(2017, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))

CASES = [
    Case(SO, "find_all", answer=ONE, path="/stream/", kind=SO),
    Case(
        SO,
        "find_all",
        kwargs={"limit": 5, "offset": 10, "date_from": SINCE, "date_to": "2017-03-21 00:00:00"},
        path="/stream/",
        query={
            "limit": 5,
            "offset": 10,
            "date_from": "2017-03-01 08:30:00",
            "date_to": "2017-03-21 00:00:00",
        },
        answer=ONE,
        kind=SO,
    ),
    Case(
        SO,
        "find_all_v3",
        kwargs={"groups_event_types": ["comment", "file"], "groups_limit": 3, "limit": 2},
        path="/stream/v3/",
        query={"groups_event_types": "comment,file", "groups_limit": 3, "limit": 2},
        answer=V3,
        kind=SO,
    ),
    Case(
        SO,
        "find_all_personal",
        kwargs={"limit": 1},
        path="/stream/personal/",
        query={"limit": 1},
        answer=ONE,
        kind=SO,
    ),
    Case(
        SO,
        "find_all_by_org_id_v1",
        (4,),
        {"offset": 3},
        path="/stream/org/4/",
        query={"offset": 3},
        answer=ONE,
        kind=SO,
    ),
    Case(SO, "find_all_by_org_id", (4,), path="/stream/org/4/v2/", answer=ONE, kind=SO),
    Case(
        SO,
        "find_all_by_org_id_v3",
        (4,),
        {"groups_limit": 1},
        path="/stream/org/4/v3/",
        query={"groups_limit": 1},
        answer=V3,
        kind=SO,
    ),
    Case(SO, "find_all_by_space_id_v1", (5,), path="/stream/space/5/", answer=ONE, kind=SO),
    Case(
        SO,
        "find_all_by_space_id",
        (5,),
        {"date_from": dt.datetime(2017, 3, 1)},
        path="/stream/space/5/v2/",
        query={"date_from": "2017-03-01 00:00:00"},
        answer=ONE,
        kind=SO,
    ),
    Case(
        SO,
        "find_all_by_space_id_v3",
        (5,),
        {"groups_event_types": "like"},
        path="/stream/space/5/v3/",
        query={"groups_event_types": "like"},
        answer=V3,
        kind=SO,
    ),
    Case(
        SO,
        "find_all_by_app_id",
        (6,),
        {"limit": 10, "offset": 0},
        path="/stream/app/6/",
        query={"limit": 10, "offset": 0},
        answer=ONE,
        kind=SO,
    ),
    Case(SO, "find_all_by_app_id_v3", (6,), path="/stream/app/6/v3", answer=V3, kind=SO),
    Case(SO, "find_all_by_user_id", (7,), path="/stream/user/7/", answer=ONE, kind=SO),
    Case(SO, "find_all_by_user_id_v3", (7,), path="/stream/user/7/v3", answer=V3, kind=SO),
    Case(
        SO,
        "find_by_ref_v1",
        ("item", 350017179),
        path="/stream/item/350017179",
        answer=STREAM_OBJECT,
        kind=SO,
    ),
    Case(
        SO,
        "find_by_ref",
        ("item", 350017179),
        path="/stream/item/350017179/v2",
        answer=STREAM_OBJECT,
        kind=SO,
    ),
    Case(
        SO,
        "find_by_ref_v3",
        ("status", 1234),
        {"groups_limit": 5},
        path="/stream/status/1234/v3",
        query={"groups_limit": 5},
        answer=STREAM_OBJECT_V3,
        kind=SO,
    ),
    Case(MUTES, "find_all", path="/stream/mute/v2/", answer=[MUTE], kind=MUTES),
    Case(
        MUTES,
        "create",
        ("space", 5),
        method="POST",
        path="/stream/mute/space/5",
        answer=None,
        result=200,
    ),
    Case(
        MUTES,
        "delete",
        ("app", 6),
        method="DELETE",
        path="/stream/mute/app/6",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        GROUPS,
        "find_by_ref",
        ("item", 1),
        path="/stream/item/1/activity_group",
        answer=[GROUP],
        kind=GROUPS,
    ),
    Case(
        GROUPS,
        "find_by_event_id",
        ("item", 1, 31),
        path="/stream/item/1/group/31",
        answer=GROUP,
        kind=GROUPS,
    ),
    Case(
        GROUPS,
        "find_for_data_ref",
        ("item", 1, "comment", 77),
        path="/stream/item/1/activity_group/comment/77",
        answer=GROUP,
        kind=GROUPS,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_stream_object_attributes_are_typed(api: MockPodio) -> None:
    api.on("GET", "/stream/item/350017179/v2", STREAM_OBJECT)
    entry = SO.find_by_ref("item", 350017179)
    assert entry.id == 350017179 and entry.type == "item"
    assert entry.last_update_on == dt.datetime(2017, 3, 21, 10, 15, tzinfo=dt.timezone.utc)
    assert isinstance(entry.space, podio.Space) and entry.space.space_id == 5
    assert isinstance(entry.org, podio.Organization) and entry.org.name == "Acme"
    assert isinstance(entry.created_by, podio.ByLine) and entry.created_by.user_id == 4
    [activity] = entry.activities or []
    assert isinstance(activity, podio.Activity)
    assert activity.id == 9001 and activity.activity_type == "creation"
    assert isinstance(activity.created_via, podio.Via) and activity.created_via.display is False


def test_v3_stream_objects_carry_typed_activity_groups(api: MockPodio) -> None:
    api.on("GET", "/stream/v3/", V3)
    [entry] = SO.find_all_v3()
    [group] = entry.activity_groups or []
    assert isinstance(group, GROUPS) and group.id == 31 and group.kind == "creator"
    assert [author.name for author in group.authors or []] == ["Ann"]
    assert entry.like_count == 2 and entry.subscribed is True


def test_bad_date_ranges_and_event_types_are_refused_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="date_from"):
        SO.find_all(date_from="last tuesday")
    with pytest.raises(TypeError, match="date_to"):
        SO.find_all(date_to=dt.date(2017, 3, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="groups_event_types"):
        SO.find_all_v3(groups_event_types=["comment,file"])
    assert api.calls == []


def _paged_answer(total: int) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        limit = int(request.url.params["limit"])
        ids = range(offset, min(offset + limit, total))
        return httpx.Response(200, json=[{"id": i, "type": "item"} for i in ids])

    return handler


PAGED = [
    ("iter_all", (), "/stream/"),
    ("iter_all_v3", (), "/stream/v3/"),
    ("iter_all_personal", (), "/stream/personal/"),
    ("iter_all_by_org_id_v1", (4,), "/stream/org/4/"),
    ("iter_all_by_org_id", (4,), "/stream/org/4/v2/"),
    ("iter_all_by_org_id_v3", (4,), "/stream/org/4/v3/"),
    ("iter_all_by_space_id_v1", (5,), "/stream/space/5/"),
    ("iter_all_by_space_id", (5,), "/stream/space/5/v2/"),
    ("iter_all_by_space_id_v3", (5,), "/stream/space/5/v3/"),
    ("iter_all_by_app_id", (6,), "/stream/app/6/"),
    ("iter_all_by_app_id_v3", (6,), "/stream/app/6/v3"),
    ("iter_all_by_user_id", (7,), "/stream/user/7/"),
    ("iter_all_by_user_id_v3", (7,), "/stream/user/7/v3"),
]


@pytest.mark.parametrize(("name", "args", "path"), PAGED, ids=[name for name, _, _ in PAGED])
async def test_iterators_walk_every_page_of_their_list(
    api: MockPodio, name: str, args: tuple[Any, ...], path: str
) -> None:
    api.on("GET", path, handler=_paged_answer(250))
    pager = getattr(SO, name)(*args)
    assert [entry.id for entry in pager] == list(range(250))
    assert [(call.raw_path, call.params) for call in api.calls] == [
        (path, {"limit": "100", "offset": str(offset)}) for offset in (0, 100, 200)
    ]
    api.calls.clear()
    assert [entry.id async for entry in pager] == list(range(250))
    assert len(api.calls) == 3


def test_iterator_keeps_its_filters_on_every_page_and_stops_at_the_limit(
    api: MockPodio,
) -> None:
    api.on("GET", "/stream/space/5/v3/", handler=_paged_answer(1000))
    pager = SO.iter_all_by_space_id_v3(5, groups_event_types=["comment"], page_size=20, limit=30)
    assert len(list(pager)) == 30
    assert [call.params for call in api.calls] == [
        {"groups_event_types": "comment", "limit": "20", "offset": "0"},
        {"groups_event_types": "comment", "limit": "10", "offset": "20"},
    ]


def test_stream_entries_are_told_apart_by_type_and_id() -> None:
    item, status = SO(id=5, type="item"), SO({"id": 5, "type": "status"})
    assert item != status and item == SO(id=5, type="item", title="Plan")
    assert len({item, status, SO(id=5, type="item")}) == 2
    assert podio.Pin(id=5, type="item") != item  # same reference, different kind of object
    assert MUTES(id=5, type="space") != MUTES(id=5, type="app")
