"""Search: full-text search over items, tasks, statuses, files, profiles and conversations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, Paging, as_status, members, paged, returns
from ._typed_identity import TypedIdentity
from .by_line import ByLine
from .organization import Organization
from .space import Space

__all__ = ["Search"]

_DOC = "https://developers.podio.com/doc/search"

#: Podio returns at most 20 results per search call (podio-dotnet ``SearchService``).
SEARCH_PAGE_SIZE = 20


def _body(
    query: str,
    ref_type: str | None,
    limit: int | None,
    offset: int | None,
    highlights: bool | None,
    search_fields: Sequence[str] | None,
) -> dict[str, Any]:
    if not isinstance(query, str) or not query.strip():
        raise ValueError("query must be the text to search for")
    if isinstance(search_fields, str):
        search_fields = [search_fields]
    body = {
        "query": query,
        "ref_type": ref_type,
        "limit": limit,
        "offset": offset,
        "highlights": highlights,
        "search_fields": list(search_fields) if search_fields is not None else None,
    }
    return {key: value for key, value in body.items() if value is not None}


def _pages(
    path: dict[str, Any],
    query: str,
    ref_type: str | None,
    highlights: bool | None,
    search_fields: Sequence[str] | None,
    limit: int | None,
) -> Paging:
    _body(query, ref_type, None, None, highlights, search_fields)  # check before the first page
    return Paging(
        call=lambda offset, size: Call(
            path=path,
            json=_body(query, ref_type, size, offset, highlights, search_fields),
            idempotent=True,
        ),
        page_size=SEARCH_PAGE_SIZE,
        limit=limit,
    )


class Search(TypedIdentity, Model):
    """One search result (objects.md, "Search result").

    `type` is ``item``, ``task``, ``conversation``, ``app``, ``status``, ``file`` or
    ``profile`` and `id` that object's id; `search_id` and `rank` identify the hit for
    `register_click`.
    """

    _id_field = "id"

    type: str | None = None
    title: str | None = None
    link: str | None = None
    rank: int | None = None
    search_id: int | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    app: dict[str, Any] | None = None
    space: Space | None = None
    org: Organization | None = None
    highlight: Any = None

    @members("POST", "/search/", doc=f"{_DOC}/search-globally-22488")
    def globally(
        cls,
        query: str,
        *,
        ref_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Search everything the user can see, newest first.

        `ref_type` limits the results to one type (``item``, ``task``, ``status``...);
        `limit` (at most 20) and `offset` page; `search_fields` limits where to look
        (``title``, ``text_values``, ``tags``, ``comments``, ``mail``...: objects.md).
        """
        return Call(
            json=_body(query, ref_type, limit, offset, highlights, search_fields),
            idempotent=True,
        )

    aglobally = globally.twin()

    @paged("POST", "/search/", doc=f"{_DOC}/search-globally-22488")
    def iter_globally(
        cls,
        query: str,
        *,
        ref_type: str | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every result of `globally`, 20 per call; `limit` caps the number yielded."""
        return _pages({}, query, ref_type, highlights, search_fields, limit)

    @members("POST", "/search/org/{org_id}/", doc=f"{_DOC}/search-in-organization-22487")
    def in_org(
        cls,
        org_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Search an organization (its items, statuses and non-private tasks)."""
        return Call(
            path={"org_id": org_id},
            json=_body(query, ref_type, limit, offset, highlights, search_fields),
            idempotent=True,
        )

    ain_org = in_org.twin()

    @paged("POST", "/search/org/{org_id}/", doc=f"{_DOC}/search-in-organization-22487")
    def iter_in_org(
        cls,
        org_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every result of `in_org`, 20 per call; `limit` caps the number yielded."""
        return _pages({"org_id": org_id}, query, ref_type, highlights, search_fields, limit)

    @members("POST", "/search/space/{space_id}/", doc=f"{_DOC}/search-in-space-22479")
    def in_space(
        cls,
        space_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Search a space (its items, statuses and non-private tasks), latest activity first."""
        return Call(
            path={"space_id": space_id},
            json=_body(query, ref_type, limit, offset, highlights, search_fields),
            idempotent=True,
        )

    ain_space = in_space.twin()

    @paged("POST", "/search/space/{space_id}/", doc=f"{_DOC}/search-in-space-22479")
    def iter_in_space(
        cls,
        space_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every result of `in_space`, 20 per call; `limit` caps the number yielded."""
        return _pages({"space_id": space_id}, query, ref_type, highlights, search_fields, limit)

    @members("POST", "/search/app/{app_id}/", doc=f"{_DOC}/search-in-app-4234651")
    def in_app(
        cls,
        app_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Search an app (its items and tasks)."""
        return Call(
            path={"app_id": app_id},
            json=_body(query, ref_type, limit, offset, highlights, search_fields),
            idempotent=True,
        )

    ain_app = in_app.twin()

    @paged("POST", "/search/app/{app_id}/", doc=f"{_DOC}/search-in-app-4234651")
    def iter_in_app(
        cls,
        app_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every result of `in_app`, 20 per call; `limit` caps the number yielded."""
        return _pages({"app_id": app_id}, query, ref_type, highlights, search_fields, limit)

    @members("POST", "/search/app/{app_id}/space/{space_id}")
    def in_app_and_space(
        cls,
        app_id: int,
        space_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Search an app within a space (podio-php ``search_app_and_space``)."""
        return Call(
            path={"app_id": app_id, "space_id": space_id},
            json=_body(query, ref_type, limit, offset, highlights, search_fields),
            idempotent=True,
        )

    ain_app_and_space = in_app_and_space.twin()

    @paged("POST", "/search/app/{app_id}/space/{space_id}")
    def iter_in_app_and_space(
        cls,
        app_id: int,
        space_id: int,
        query: str,
        *,
        ref_type: str | None = None,
        highlights: bool | None = None,
        search_fields: Sequence[str] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every result of `in_app_and_space`, 20 per call; `limit` caps the number yielded."""
        return _pages(
            {"app_id": app_id, "space_id": space_id},
            query,
            ref_type,
            highlights,
            search_fields,
            limit,
        )

    @returns(as_status, "POST", "/search/{search_id}/{rank}/clicked")
    def register_click(cls, search_id: int, rank: int, *, client: ClientArg = None) -> Call:
        """Tell Podio the user opened the result at `rank` of search `search_id` (the gem's
        ``Search.rank``, renamed as `rank` is a result's attribute). Returns the HTTP status."""
        return Call(path={"search_id": search_id, "rank": rank})

    aregister_click = register_click.twin()
