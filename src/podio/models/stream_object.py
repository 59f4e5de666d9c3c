"""Stream objects: the entries of activity streams (global, org, space, app, user, personal).

Podio has three generations of stream calls side by side. The unversioned and ``/v2`` lists
return objects with their recent `activity`; the ``/v3`` lists return objects with
`activity_groups` and are shaped with ``groups_event_types`` and ``groups_limit``. Each
generation is its own method here: the Ruby gem's names for the calls it makes, the same name
with ``_v1``/``_v3`` for the others (``find_all_by_space_id`` is ``/v2``, as in the gem).

Every list pages with `limit`/`offset` (Podio's default page is 10 objects); the ``iter_...``
methods walk all pages lazily.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, Paging, member, members, paged
from ._shapes import ByReference, query_csv, query_datetime
from .activity import Activity
from .by_line import ByLine
from .organization import Organization
from .space import Space
from .stream_activity_group import StreamActivityGroup
from .via import Via

__all__ = ["StreamObject"]

_DOC = "https://developers.podio.com/doc/stream"

# Podio documents a default page of 10 stream objects and no maximum; 100 keeps a page of
# these large objects to a moderate answer while cutting the number of calls tenfold.
PAGE_SIZE = 100

EventTypes = Sequence[str] | str | None


def _range(
    date_from: _dt.datetime | str | None, date_to: _dt.datetime | str | None
) -> dict[str, Any]:
    # podio-objc sends the stream's date range as UTC datetimes (PKStreamAPI.m).
    return {
        "date_from": query_datetime("date_from", date_from),
        "date_to": query_datetime("date_to", date_to),
    }


def _groups(groups_event_types: EventTypes, groups_limit: int | None) -> dict[str, Any]:
    return {
        "groups_event_types": query_csv("groups_event_types", groups_event_types),
        "groups_limit": groups_limit,
    }


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


class StreamObject(ByReference, Model):
    """An object in a stream (an item, a status, a task, a file...): `type` and `id` name it,
    `data` holds it, `activity` (or `activity_groups` from ``/v3`` calls) what happened."""

    _id_field = "id"

    type: str | None = None
    last_update_on: DateTime | None = None
    title: str | None = None
    link: str | None = None
    rights: list[str] | None = None
    data: dict[str, Any] | None = None
    comments_allowed: bool | None = None
    user_ratings: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    app: dict[str, Any] | None = None
    space: Space | None = None
    org: Organization | None = None
    comments: list[dict[str, Any]] | None = None
    files: list[dict[str, Any]] | None = None
    activity: list[Activity] | None = None
    activity_groups: list[StreamActivityGroup] | None = None
    is_liked: bool | None = None
    like_count: int | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None

    @property
    def activities(self) -> list[Activity] | None:
        """The gem's alias of `activity`."""
        return self.activity

    # -- global -----------------------------------------------------------------------------

    @members("GET", "/stream/", doc=f"{_DOC}/get-global-stream-80012")
    def find_all(
        cls,
        *,
        limit: int | None = None,
        offset: int | None = None,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's global stream, newest first; `date_from`/`date_to` bound it in time."""
        return Call(params={"limit": limit, "offset": offset, **_range(date_from, date_to)})

    afind_all = find_all.twin()

    @paged("GET", "/stream/", doc=f"{_DOC}/get-global-stream-80012")
    def iter_all(
        cls,
        *,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of the global stream (at most `limit`), fetched page by page."""
        return _pages({}, _range(date_from, date_to), page_size, limit)

    @members("GET", "/stream/v3/", doc=f"{_DOC}/get-global-stream-v3-100405451")
    def find_all_v3(
        cls,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The global stream in its v3 form: objects with their `activity_groups`.

        `groups_event_types` picks the kinds of events grouped, `groups_limit` how many groups
        each object carries (Podio's default 2).
        """
        return Call(
            params={**_groups(groups_event_types, groups_limit), "limit": limit, "offset": offset}
        )

    afind_all_v3 = find_all_v3.twin()

    @paged("GET", "/stream/v3/", doc=f"{_DOC}/get-global-stream-v3-100405451")
    def iter_all_v3(
        cls,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of the v3 global stream (at most `limit`), fetched page by page."""
        return _pages({}, _groups(groups_event_types, groups_limit), page_size, limit)

    @members("GET", "/stream/personal/", doc=f"{_DOC}/get-personal-stream-1656647")
    def find_all_personal(
        cls, *, limit: int | None = None, offset: int | None = None, client: ClientArg = None
    ) -> Call:
        """The user's personal stream: what happens in their personal spaces and to them."""
        return Call(params={"limit": limit, "offset": offset})

    afind_all_personal = find_all_personal.twin()

    @paged("GET", "/stream/personal/", doc=f"{_DOC}/get-personal-stream-1656647")
    def iter_all_personal(
        cls, *, page_size: int = PAGE_SIZE, limit: int | None = None, client: ClientArg = None
    ) -> Paging:
        """Every object of the personal stream (at most `limit`), fetched page by page."""
        return _pages({}, {}, page_size, limit)

    # -- organization -----------------------------------------------------------------------

    @members("GET", "/stream/org/{org_id}/", doc=f"{_DOC}/get-organization-stream-80038")
    def find_all_by_org_id_v1(
        cls,
        org_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An organization's stream, first version (the PHP and .NET clients' call)."""
        return Call(
            path={"org_id": org_id},
            params={"limit": limit, "offset": offset, **_range(date_from, date_to)},
        )

    afind_all_by_org_id_v1 = find_all_by_org_id_v1.twin()

    @paged("GET", "/stream/org/{org_id}/", doc=f"{_DOC}/get-organization-stream-80038")
    def iter_all_by_org_id_v1(
        cls,
        org_id: int,
        *,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of an organization's first-version stream, page by page."""
        return _pages({"org_id": org_id}, _range(date_from, date_to), page_size, limit)

    @members("GET", "/stream/org/{org_id}/v2/", doc=f"{_DOC}/get-organization-stream-80038")
    def find_all_by_org_id(
        cls,
        org_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An organization's stream (``/v2``, the Ruby gem's call)."""
        return Call(
            path={"org_id": org_id},
            params={"limit": limit, "offset": offset, **_range(date_from, date_to)},
        )

    afind_all_by_org_id = find_all_by_org_id.twin()

    @paged("GET", "/stream/org/{org_id}/v2/", doc=f"{_DOC}/get-organization-stream-80038")
    def iter_all_by_org_id(
        cls,
        org_id: int,
        *,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of an organization's stream (``/v2``), page by page."""
        return _pages({"org_id": org_id}, _range(date_from, date_to), page_size, limit)

    @members("GET", "/stream/org/{org_id}/v3/", doc=f"{_DOC}/get-org-stream-v3-100405933")
    def find_all_by_org_id_v3(
        cls,
        org_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An organization's stream in its v3 form (objects with `activity_groups`)."""
        return Call(
            path={"org_id": org_id},
            params={**_groups(groups_event_types, groups_limit), "limit": limit, "offset": offset},
        )

    afind_all_by_org_id_v3 = find_all_by_org_id_v3.twin()

    @paged("GET", "/stream/org/{org_id}/v3/", doc=f"{_DOC}/get-org-stream-v3-100405933")
    def iter_all_by_org_id_v3(
        cls,
        org_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of an organization's v3 stream, page by page."""
        return _pages(
            {"org_id": org_id}, _groups(groups_event_types, groups_limit), page_size, limit
        )

    # -- space ----------------------------------------------------------------------------------

    @members("GET", "/stream/space/{space_id}/", doc=f"{_DOC}/get-space-stream-80039")
    def find_all_by_space_id_v1(
        cls,
        space_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """A space's stream, first version (the PHP and .NET clients' call)."""
        return Call(
            path={"space_id": space_id},
            params={"limit": limit, "offset": offset, **_range(date_from, date_to)},
        )

    afind_all_by_space_id_v1 = find_all_by_space_id_v1.twin()

    @paged("GET", "/stream/space/{space_id}/", doc=f"{_DOC}/get-space-stream-80039")
    def iter_all_by_space_id_v1(
        cls,
        space_id: int,
        *,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of a space's first-version stream, page by page."""
        return _pages({"space_id": space_id}, _range(date_from, date_to), page_size, limit)

    @members("GET", "/stream/space/{space_id}/v2/", doc=f"{_DOC}/get-space-stream-80039")
    def find_all_by_space_id(
        cls,
        space_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """A space's stream (``/v2``, the Ruby gem's call)."""
        return Call(
            path={"space_id": space_id},
            params={"limit": limit, "offset": offset, **_range(date_from, date_to)},
        )

    afind_all_by_space_id = find_all_by_space_id.twin()

    @paged("GET", "/stream/space/{space_id}/v2/", doc=f"{_DOC}/get-space-stream-80039")
    def iter_all_by_space_id(
        cls,
        space_id: int,
        *,
        date_from: _dt.datetime | str | None = None,
        date_to: _dt.datetime | str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of a space's stream (``/v2``), page by page."""
        return _pages({"space_id": space_id}, _range(date_from, date_to), page_size, limit)

    @members("GET", "/stream/space/{space_id}/v3/", doc=f"{_DOC}/get-space-stream-v3-116373969")
    def find_all_by_space_id_v3(
        cls,
        space_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """A space's stream in its v3 form (objects with `activity_groups`)."""
        return Call(
            path={"space_id": space_id},
            params={**_groups(groups_event_types, groups_limit), "limit": limit, "offset": offset},
        )

    afind_all_by_space_id_v3 = find_all_by_space_id_v3.twin()

    @paged("GET", "/stream/space/{space_id}/v3/", doc=f"{_DOC}/get-space-stream-v3-116373969")
    def iter_all_by_space_id_v3(
        cls,
        space_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of a space's v3 stream, page by page."""
        return _pages(
            {"space_id": space_id}, _groups(groups_event_types, groups_limit), page_size, limit
        )

    # -- app ------------------------------------------------------------------------------------

    @members("GET", "/stream/app/{app_id}/", doc=f"{_DOC}/get-app-stream-264673")
    def find_all_by_app_id(
        cls,
        app_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An app's stream: its items and the tasks on the app."""
        return Call(path={"app_id": app_id}, params={"limit": limit, "offset": offset})

    afind_all_by_app_id = find_all_by_app_id.twin()

    @paged("GET", "/stream/app/{app_id}/", doc=f"{_DOC}/get-app-stream-264673")
    def iter_all_by_app_id(
        cls,
        app_id: int,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of an app's stream, page by page."""
        return _pages({"app_id": app_id}, {}, page_size, limit)

    @members("GET", "/stream/app/{app_id}/v3", doc=f"{_DOC}/get-application-stream-v3-100406563")
    def find_all_by_app_id_v3(
        cls,
        app_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """An app's stream in its v3 form (objects with `activity_groups`)."""
        return Call(
            path={"app_id": app_id},
            params={**_groups(groups_event_types, groups_limit), "limit": limit, "offset": offset},
        )

    afind_all_by_app_id_v3 = find_all_by_app_id_v3.twin()

    @paged("GET", "/stream/app/{app_id}/v3", doc=f"{_DOC}/get-application-stream-v3-100406563")
    def iter_all_by_app_id_v3(
        cls,
        app_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of an app's v3 stream, page by page."""
        return _pages(
            {"app_id": app_id}, _groups(groups_event_types, groups_limit), page_size, limit
        )

    # -- user -----------------------------------------------------------------------------------

    @members("GET", "/stream/user/{user_id}/", doc=f"{_DOC}/get-user-stream-1289318")
    def find_all_by_user_id(
        cls,
        user_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """What a user last touched, among the objects the active user may see."""
        return Call(path={"user_id": user_id}, params={"limit": limit, "offset": offset})

    afind_all_by_user_id = find_all_by_user_id.twin()

    @paged("GET", "/stream/user/{user_id}/", doc=f"{_DOC}/get-user-stream-1289318")
    def iter_all_by_user_id(
        cls,
        user_id: int,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of a user's stream, page by page."""
        return _pages({"user_id": user_id}, {}, page_size, limit)

    @members("GET", "/stream/user/{user_id}/v3", doc=f"{_DOC}/get-user-stream-v3-100406822")
    def find_all_by_user_id_v3(
        cls,
        user_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """A user's stream in its v3 form (objects with `activity_groups`)."""
        return Call(
            path={"user_id": user_id},
            params={**_groups(groups_event_types, groups_limit), "limit": limit, "offset": offset},
        )

    afind_all_by_user_id_v3 = find_all_by_user_id_v3.twin()

    @paged("GET", "/stream/user/{user_id}/v3", doc=f"{_DOC}/get-user-stream-v3-100406822")
    def iter_all_by_user_id_v3(
        cls,
        user_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every object of a user's v3 stream, page by page."""
        return _pages(
            {"user_id": user_id}, _groups(groups_event_types, groups_limit), page_size, limit
        )

    # -- one object -------------------------------------------------------------------------------

    @member("GET", "/stream/{ref_type}/{ref_id}", doc=f"{_DOC}/get-stream-object-80054")
    def find_by_ref_v1(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """One object (an item, a status, a task) as a stream object, first version."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_ref_v1 = find_by_ref_v1.twin()

    @member("GET", "/stream/{ref_type}/{ref_id}/v2", doc=f"{_DOC}/get-stream-object-80054")
    def find_by_ref(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """One object as a stream object (``/v2``, the Ruby gem's call)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_ref = find_by_ref.twin()

    @member("GET", "/stream/{ref_type}/{ref_id}/v3", doc=f"{_DOC}/get-stream-object-v3-116373396")
    def find_by_ref_v3(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        groups_event_types: EventTypes = None,
        groups_limit: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One object as a v3 stream object, with its `activity_groups`."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            params=_groups(groups_event_types, groups_limit),
        )

    afind_by_ref_v3 = find_by_ref_v3.twin()
