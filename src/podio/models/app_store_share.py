"""App market shares: apps and packs shared in Podio's app market, and installing them.

Market lists come as ``{"shares": [...], "total": n}``; the ``find_...`` calls return them as
a `Collection` (`all`, and the `total` as `count`/`total_count`), the ``iter_...`` calls walk
every page (Podio's default page: 6 shares).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._response import Response
from ._base import Model
from ._operation import (
    Call,
    ClientArg,
    Paging,
    as_model_list,
    as_raw,
    as_status,
    instance,
    member,
    members,
    paged,
    returns,
)
from ._shapes import as_envelope
from .by_line import ByLine
from .organization import Organization
from .space import Space

__all__ = ["AppStoreShare"]

_DOC = "https://developers.podio.com/doc/app-market"

# Podio documents a default of 6 shares per page and no maximum.
PAGE_SIZE = 100

_shares = as_envelope(lambda: AppStoreShare, items_key="shares", total_key="total")


def _pages(
    path: dict[str, Any], query: dict[str, Any], page_size: int, limit: int | None
) -> Paging:
    return Paging(
        call=lambda offset, size: Call(
            path=path, params={**query, "limit": size, "offset": offset}
        ),
        page_size=page_size,
        limit=limit,
        items_key="shares",
        count_key="total",
    )


def _install_body(space_id: int, dependencies: Sequence[int] | None) -> dict[str, Any]:
    body: dict[str, Any] = {"space_id": space_id}
    if dependencies is not None:
        body["dependencies"] = list(dependencies)
    return body


class AppStoreShare(Model):
    """A shared app or pack (`type`) with its description, ratings, author and children.

    Share an app as an instance (the Ruby gem's ``create``/``destroy``)::

        share = podio.AppStoreShare(ref_type="app", ref_id=12, description="...", ...)
        if share.create():
            print(share.share_id)
    """

    _id_field = "share_id"

    share_id: int | None = None
    type: str | None = None
    status: str | None = None
    visible: bool | None = None
    link: str | None = None
    name: str | None = None
    description: str | None = None
    abstract: str | None = None
    language: str | None = None
    features: list[Any] | None = None
    filters: list[Any] | None = None
    integration: str | None = None
    categories: dict[str, Any] | None = None
    org: dict[str, Any] | None = None
    author_apps: int | None = None
    author_packs: int | None = None
    icon: str | None = None
    icon_id: int | None = None
    ratings: dict[str, Any] | None = None
    user_rating: list[Any] | None = None
    video: str | None = None
    rating: int | None = None
    children: list[AppStoreShare] | None = None
    parents: list[AppStoreShare] | None = None
    screenshots: list[dict[str, Any]] | None = None
    comments: list[dict[str, Any]] | None = None
    author: ByLine | None = None
    space: Space | None = None
    app: dict[str, Any] | None = None

    # -- one share ----------------------------------------------------------------------------

    @member("GET", "/app_store/{share_id}/v2", doc=f"{_DOC}/get-share-22505")
    def find(cls, share_id: int, *, client: ClientArg = None) -> Call:
        """One share with its comments and ratings."""
        return Call(path={"share_id": share_id})

    afind = find.twin()

    @member("POST", "/app_store/", doc=f"{_DOC}/share-app-22504")
    def share_app(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Share an app or a space in the market: ``{"ref_type", "ref_id", "name",
        "abstract", "description", "language", "category_ids", "file_ids", "features",
        "children", "scope"}``. Returns a share holding the new `share_id` (the Ruby gem's
        class ``create``, which returns the id)."""
        return Call(json=dict(attributes))

    ashare_app = share_app.twin()

    @returns(as_raw, "PUT", "/app_store/{share_id}", doc=f"{_DOC}/update-share-38639")
    def update(
        cls, share_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a share's abstract, description, categories, screenshots...; returns
        Podio's answer."""
        return Call(path={"share_id": share_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(as_raw, "DELETE", "/app_store/{share_id}", doc=f"{_DOC}/unshare-app-37917")
    def unshare_app(cls, share_id: int, *, client: ClientArg = None) -> Call:
        """Take a share out of the market (the Ruby gem's class ``destroy``); returns
        Podio's answer."""
        return Call(path={"share_id": share_id})

    aunshare_app = unshare_app.twin()

    @returns(as_raw, "POST", "/app_store/{share_id}/install/v2", doc=f"{_DOC}/install-share-22499")
    def install(
        cls,
        share_id: int,
        space_id: int,
        dependencies: Sequence[int] | None = None,
        social: bool = True,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Install a share into a space (``/v2``), with the ids of the dependent shares to
        install too (all of them when left out). `social` posts the installation on the
        space's stream. Returns Podio's answer (the new apps' ids)."""
        return Call(
            path={"share_id": share_id},
            json={**_install_body(space_id, dependencies), "social": social},
        )

    ainstall = install.twin()

    @returns(as_raw, "POST", "/app_store/{share_id}/install", doc=f"{_DOC}/install-share-22499")
    def install_v1(
        cls,
        share_id: int,
        space_id: int,
        dependencies: Sequence[int] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Install a share into a space with the first-version call (the PHP and .NET
        clients'); returns Podio's answer, ``{"app_id", "child_app_ids"}``."""
        return Call(path={"share_id": share_id}, json=_install_body(space_id, dependencies))

    ainstall_v1 = install_v1.twin()

    # -- lists ------------------------------------------------------------------------------

    @members("GET", "/app_store/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-share-by-reference-45002")
    def find_all_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The shares of an app or space: the user's first, then others', newest first."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all_by_reference = find_all_by_reference.twin()

    @returns(_shares, "GET", "/app_store/{share_type}/own/", doc=f"{_DOC}/get-own-shares-38645")
    def find_all_own(
        cls,
        share_type: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The shares of one type (``app``, ``pack``) that the user shared."""
        return Call(path={"share_type": share_type}, params={"limit": limit, "offset": offset})

    afind_all_own = find_all_own.twin()

    @paged("GET", "/app_store/{share_type}/own/", doc=f"{_DOC}/get-own-shares-38645")
    def iter_all_own(
        cls,
        share_type: str,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every share of one type the user shared (at most `limit`), page by page."""
        return _pages({"share_type": share_type}, {}, page_size, limit)

    @returns(_shares, "GET", "/app_store/{share_type}/top/", doc=f"{_DOC}/get-top-shares-22496")
    def find_top(
        cls,
        share_type: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The market's top shares of one type in the user's language."""
        return Call(path={"share_type": share_type}, params={"limit": limit, "offset": offset})

    afind_top = find_top.twin()

    @paged("GET", "/app_store/{share_type}/top/", doc=f"{_DOC}/get-top-shares-22496")
    def iter_top(
        cls,
        share_type: str,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every top share of one type (at most `limit`), page by page."""
        return _pages({"share_type": share_type}, {}, page_size, limit)

    @returns(
        _shares,
        "GET",
        "/app_store/{share_type}/category/{category_id}/",
        doc=f"{_DOC}/get-shares-by-category-22498",
    )
    def find_all_by_category(
        cls,
        share_type: str,
        category_id: int,
        *,
        sort: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The shares of one type in a category. `sort`: ``install`` (Podio's default),
        ``rating``, ``popularity``, ``recommended``, ``shared_on`` or ``name``."""
        return Call(
            path={"share_type": share_type, "category_id": category_id},
            params={"sort": sort, "limit": limit, "offset": offset},
        )

    afind_all_by_category = find_all_by_category.twin()

    @paged(
        "GET",
        "/app_store/{share_type}/category/{category_id}/",
        doc=f"{_DOC}/get-shares-by-category-22498",
    )
    def iter_all_by_category(
        cls,
        share_type: str,
        category_id: int,
        *,
        sort: str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every share of one type in a category (at most `limit`), page by page."""
        return _pages(
            {"share_type": share_type, "category_id": category_id},
            {"sort": sort},
            page_size,
            limit,
        )

    @returns(
        _shares,
        "GET",
        "/app_store/{share_type}/author/{user_id}/",
        doc=f"{_DOC}/get-shares-by-author-22497",
    )
    def find_all_by_author(
        cls,
        share_type: str,
        user_id: int,
        *,
        sort: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The shares of one type that a user made, in the user's language (`sort` as in
        `find_all_by_category`)."""
        return Call(
            path={"share_type": share_type, "user_id": user_id},
            params={"sort": sort, "limit": limit, "offset": offset},
        )

    afind_all_by_author = find_all_by_author.twin()

    @paged(
        "GET",
        "/app_store/{share_type}/author/{user_id}/",
        doc=f"{_DOC}/get-shares-by-author-22497",
    )
    def iter_all_by_author(
        cls,
        share_type: str,
        user_id: int,
        *,
        sort: str | None = None,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every share of one type a user made (at most `limit`), page by page."""
        return _pages(
            {"share_type": share_type, "user_id": user_id}, {"sort": sort}, page_size, limit
        )

    @returns(_shares, "GET", "/app_store/{share_type}/search/")
    def find_all_by_search(
        cls,
        share_type: str,
        text: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The shares of one type matching `text`.

        The text goes as ``text``, the word Podio's other search calls use: the app market's
        search parameters are not documented.
        """
        return Call(
            path={"share_type": share_type},
            params={"text": text, "limit": limit, "offset": offset},
        )

    afind_all_by_search = find_all_by_search.twin()

    @paged("GET", "/app_store/{share_type}/search/")
    def iter_all_by_search(
        cls,
        share_type: str,
        text: str,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every share of one type matching `text` (at most `limit`), page by page."""
        return _pages({"share_type": share_type}, {"text": text}, page_size, limit)

    @returns(_shares, "GET", "/app_store/{share_type}/org/{org_id}/")
    def find_all_private_for_org(
        cls,
        share_type: str,
        org_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The shares of one type an organization shared privately, with its members."""
        return Call(
            path={"share_type": share_type, "org_id": org_id},
            params={"limit": limit, "offset": offset},
        )

    afind_all_private_for_org = find_all_private_for_org.twin()

    @paged("GET", "/app_store/{share_type}/org/{org_id}/")
    def iter_all_private_for_org(
        cls,
        share_type: str,
        org_id: int,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every private share of one type of an organization, page by page."""
        return _pages({"share_type": share_type, "org_id": org_id}, {}, page_size, limit)

    @returns(_shares, "GET", "/app_store/{share_type}/org/{org_id}/")
    def find_all_public_for_org(
        cls,
        share_type: str,
        org_url: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The public shares of one type of an organization, named by its URL label (the
        same call as `find_all_private_for_org`, addressed by label instead of id)."""
        return Call(
            path={"share_type": share_type, "org_id": org_url},
            params={"limit": limit, "offset": offset},
        )

    afind_all_public_for_org = find_all_public_for_org.twin()

    @paged("GET", "/app_store/{share_type}/org/{org_id}/")
    def iter_all_public_for_org(
        cls,
        share_type: str,
        org_url: str,
        *,
        page_size: int = PAGE_SIZE,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every public share of one type of an organization, page by page."""
        return _pages({"share_type": share_type, "org_id": org_url}, {}, page_size, limit)

    @returns(
        _shares,
        "GET",
        "/app_store/{share_type}/recommended/{area}/",
        doc=f"{_DOC}/get-recommended-shares-5340177",
    )
    def find_all_recommended(cls, share_type: str, area: str, *, client: ClientArg = None) -> Call:
        """The shares of one type recommended for an area (``web``, ``mobile``)."""
        return Call(path={"share_type": share_type, "area": area})

    afind_all_recommended = find_all_recommended.twin()

    @returns(
        lambda response: as_model_list(AppStoreShare, key="shares")(response),
        "GET",
        "/app_store/recommended/{area}/",
        doc=f"{_DOC}/get-recommended-shares-5340177",
    )
    def find_all_recommended_for_area(cls, area: str, *, client: ClientArg = None) -> Call:
        """The shares recommended for an area (``web``, ``mobile``), every type, as a list."""
        return Call(path={"area": area})

    afind_all_recommended_for_area = find_all_recommended_for_area.twin()

    @returns(as_status, "PUT", "/app_store/recommended/{area}/")
    def set_recommended_for_area(
        cls, area: str, share_ids: Sequence[int], *, client: ClientArg = None
    ) -> Call:
        """Set the shares recommended for an area, in order; returns the HTTP status."""
        return Call(path={"area": area}, json=list(share_ids))

    aset_recommended_for_area = set_recommended_for_area.twin()

    @returns(
        as_model_list(Organization),
        "GET",
        "/app_store/org/",
        doc=f"{_DOC}/get-orgs-with-private-shares-211715",
    )
    def find_orgs_with_private_shares(cls, *, client: ClientArg = None) -> Call:
        """The user's organizations that shared apps privately (the Ruby gem's
        ``Organization.find_all_with_private_shares``)."""
        return Call()

    afind_orgs_with_private_shares = find_orgs_with_private_shares.twin()

    # -- instance methods ---------------------------------------------------------------------

    @instance("POST", "/app_store/", doc=f"{_DOC}/share-app-22504")
    def create(self, *, client: ClientArg = None) -> Call:
        """Share this app or space in the market with its attributes; sets `share_id`."""

        def take(response: Response) -> None:
            body = response.body
            if isinstance(body, Mapping) and body.get("share_id") is not None:
                self.share_id = int(body["share_id"])

        body = self.as_json()
        body.pop("share_id", None)
        return Call(json=body, after=take)

    acreate = create.twin()

    @instance("DELETE", "/app_store/{share_id}", doc=f"{_DOC}/unshare-app-37917")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Take this share out of the market."""
        if self.share_id is None:
            raise ValueError("a share needs its share_id before it can be removed")
        return Call(path={"share_id": self.share_id})

    adestroy = destroy.twin()
