"""App market: shares, installing them, categories and organizations' market profiles."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import podio
from podio._pagination import Collection

from ...mock_api import MockPodio
from ._calls import Case, check_case

CHILD = {"share_id": 102, "type": "app", "name": "Contacts"}
SHARE = {
    "share_id": 101,
    "type": "pack",
    "status": "active",
    "visible": True,
    "name": "CRM pack",
    "abstract": "Track leads",
    "description": "Leads, deals and contacts",
    "language": "en_US",
    "features": ["views"],
    "categories": {"functional": [{"category_id": 1, "name": "Sales"}]},
    "org": {"org_id": 4, "name": "Acme"},
    "author_apps": 3,
    "author_packs": 1,
    "icon": "48.png",
    "icon_id": 48,
    "ratings": {"fivestar": {"average": 4.5}},
    "user_rating": [],
    "rating": 5,
    "children": [CHILD],
    "parents": [],
    "screenshots": [{"file_id": 7, "link": "https://files.podio.com/7"}],
    "author": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
    "space": {"space_id": 5, "name": "Sales"},
}
SHARES = {"shares": [SHARE, CHILD], "total": 12}
SHARES_RESULT = {"all": [SHARE, CHILD], "count": 12, "total_count": 12}
CATEGORY = {"category_id": 1, "name": "Sales", "type": "functional"}
CATEGORIES = {
    "functional": [CATEGORY],
    "vertical": [{"category_id": 2, "name": "Legal", "type": "vertical"}],
}
PROFILE = {
    "org_id": 4,
    "name": "Acme",
    "avatar": 99,
    "mail": ["hello@acme.test"],
    "url": ["https://acme.test"],
    "city": "Copenhagen",
    "about": "We make things",
}
NEW = {"ref_type": "app", "ref_id": 6, "description": "Leads", "language": "en_US"}
ORGS = [{"org_id": 4, "name": "Acme", "url_label": "acme"}]
S, CAT, ACAT = podio.AppStoreShare, podio.Category, podio.AppStoreCategory

CASES = [
    Case(S, "find", (101,), path="/app_store/101/v2", answer=SHARE, kind=S),
    Case(
        S,
        "share_app",
        (NEW,),
        method="POST",
        path="/app_store/",
        body=NEW,
        answer={"share_id": 101},
        kind=S,
    ),
    Case(
        S,
        "update",
        (101, {"abstract": "Leads"}),
        method="PUT",
        path="/app_store/101",
        body={"abstract": "Leads"},
        answer=None,
    ),
    Case(S, "unshare_app", (101,), method="DELETE", path="/app_store/101", answer=None),
    Case(
        S,
        "install",
        (101, 5),
        method="POST",
        path="/app_store/101/install/v2",
        body={"space_id": 5, "social": True},
        answer={"app_id": 60, "child_app_ids": [61]},
    ),
    Case(
        S,
        "install",
        (101, 5, [102], False),
        method="POST",
        path="/app_store/101/install/v2",
        body={"space_id": 5, "dependencies": [102], "social": False},
        answer={"app_id": 60},
    ),
    Case(
        S,
        "install_v1",
        (101, 5),
        {"dependencies": []},
        method="POST",
        path="/app_store/101/install",
        body={"space_id": 5, "dependencies": []},
        answer={"app_id": 60, "child_app_ids": []},
    ),
    Case(S, "find_all_by_reference", ("app", 6), path="/app_store/app/6/", answer=[SHARE], kind=S),
    Case(
        S,
        "find_all_own",
        ("app",),
        {"limit": 6},
        path="/app_store/app/own/",
        query={"limit": 6},
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_top",
        ("pack",),
        {"offset": 6},
        path="/app_store/pack/top/",
        query={"offset": 6},
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_by_category",
        ("app", 1),
        {"sort": "rating"},
        path="/app_store/app/category/1/",
        query={"sort": "rating"},
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_by_author",
        ("app", 4),
        path="/app_store/app/author/4/",
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_by_search",
        ("app", "crm"),
        {"limit": 3},
        path="/app_store/app/search/",
        query={"text": "crm", "limit": 3},
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_private_for_org",
        ("app", 4),
        path="/app_store/app/org/4/",
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_public_for_org",
        ("app", "acme"),
        path="/app_store/app/org/acme/",
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_recommended",
        ("app", "web"),
        path="/app_store/app/recommended/web/",
        answer=SHARES,
        result=SHARES_RESULT,
        kind=S,
    ),
    Case(
        S,
        "find_all_recommended_for_area",
        ("mobile",),
        path="/app_store/recommended/mobile/",
        answer=SHARES,
        result=[SHARE, CHILD],
        kind=S,
    ),
    Case(
        S,
        "set_recommended_for_area",
        ("web", [101, 102]),
        method="PUT",
        path="/app_store/recommended/web/",
        body=[101, 102],
        answer=None,
        result=200,
    ),
    Case(
        S,
        "find_orgs_with_private_shares",
        path="/app_store/org/",
        answer=ORGS,
        kind=podio.Organization,
    ),
    Case(ACAT, "find", (1,), path="/app_store/category/1/v2", answer=CATEGORY, kind=ACAT),
    Case(
        ACAT,
        "find_all",
        kwargs={"only_used": False},
        path="/app_store/category/",
        query={"only_used": "0"},
        answer=CATEGORIES,
        kind=ACAT,
    ),
    Case(CAT, "find", (1,), path="/app_store/category/1/v2", answer=CATEGORY, kind=CAT),
    Case(CAT, "find_all", path="/app_store/category/", answer=CATEGORIES, kind=CAT),
    Case(CAT, "find_all", path="/app_store/category/", answer=None, result={}),
    Case(
        CAT,
        "create",
        ({"type": "vertical", "name": "Legal"},),
        method="POST",
        path="/app_store/category/",
        body={"type": "vertical", "name": "Legal"},
        answer=None,
        result=200,
    ),
    Case(
        CAT,
        "update",
        (2, {"name": "Law"}),
        method="PUT",
        path="/app_store/category/2",
        body={"name": "Law"},
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        CAT, "delete", (2,), method="DELETE", path="/app_store/category/2", answer=None, result=200
    ),
    Case(
        podio.OrganizationProfile,
        "find_by_url",
        ("acme",),
        path="/app_store/org/acme/profile",
        answer=PROFILE,
        kind=podio.OrganizationProfile,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_a_share_is_typed_down_to_its_children_and_author(api: MockPodio) -> None:
    api.on("GET", "/app_store/101/v2", SHARE)
    share = S.find(101)
    assert share.id == 101 and share.type == "pack" and share.rating == 5
    [child] = share.children or []
    assert isinstance(child, S) and child.name == "Contacts"
    assert isinstance(share.author, podio.ByLine) and share.author.name == "Ann"
    assert isinstance(share.space, podio.Space) and share.space.space_id == 5


def test_share_lists_keep_podios_total(api: MockPodio) -> None:
    api.on("GET", "/app_store/app/top/", SHARES)
    top = S.find_top("app")
    assert isinstance(top, Collection)
    assert len(top) == 2 and top.count == top.total_count == 12 and top[0].id == 101


def test_categories_come_grouped_by_type(api: MockPodio) -> None:
    api.on("GET", "/app_store/category/", CATEGORIES)
    groups = ACAT.find_all()
    assert sorted(groups) == ["functional", "vertical"]
    assert [c.name for c in groups["vertical"]] == ["Legal"]


@pytest.mark.parametrize("body", [[CATEGORY], {"functional": CATEGORY}])
def test_categories_in_an_unexpected_shape_raise_a_clear_error(api: MockPodio, body: Any) -> None:
    api.on("GET", "/app_store/category/", body)
    with pytest.raises(podio.InvalidResponseError, match="list"):
        CAT.find_all()


def test_an_organization_profile_is_typed(api: MockPodio) -> None:
    api.on("GET", "/app_store/org/acme/profile", PROFILE)
    profile = podio.OrganizationProfile.find_by_url("acme")
    assert profile.id == 4 and profile.logo == 99 and profile.mail == ["hello@acme.test"]


def test_sharing_as_an_instance_sets_the_share_id_and_removing_it_needs_one(
    api: MockPodio,
) -> None:
    api.on("POST", "/app_store/", {"share_id": 101})
    api.on("DELETE", "/app_store/101", None, status=204)
    share = S(**NEW)
    assert share.create() is True
    assert api.last.json == NEW and share.share_id == 101
    assert share.destroy() is True and api.last.method == "DELETE"
    with pytest.raises(ValueError, match="share_id"):
        S(name="x").destroy()


def _pages(total: int) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
        shares = [{"share_id": i} for i in range(offset, min(offset + limit, total))]
        return httpx.Response(200, json={"shares": shares, "total": total})

    return handler


@pytest.mark.parametrize(
    ("name", "args", "path", "query"),
    [
        ("iter_all_own", ("app",), "/app_store/app/own/", {}),
        ("iter_top", ("pack",), "/app_store/pack/top/", {}),
        ("iter_all_by_category", ("app", 1), "/app_store/app/category/1/", {}),
        ("iter_all_by_author", ("app", 4), "/app_store/app/author/4/", {}),
        ("iter_all_by_search", ("app", "crm"), "/app_store/app/search/", {"text": "crm"}),
        ("iter_all_private_for_org", ("app", 4), "/app_store/app/org/4/", {}),
        ("iter_all_public_for_org", ("app", "acme"), "/app_store/app/org/acme/", {}),
    ],
)
async def test_iterators_walk_every_page_until_the_total(
    api: MockPodio, name: str, args: tuple[Any, ...], path: str, query: dict[str, str]
) -> None:
    api.on("GET", path, handler=_pages(200))
    pager = getattr(S, name)(*args)
    assert [share.id for share in pager] == list(range(200))
    # the second page is full, but Podio's total says there is nothing after it
    assert [(call.raw_path, call.params) for call in api.calls] == [
        (path, {**query, "limit": "100", "offset": "0"}),
        (path, {**query, "limit": "100", "offset": "100"}),
    ]
    assert len([share async for share in pager]) == 200


def test_iterators_keep_their_sort_on_every_page(api: MockPodio) -> None:
    api.on("GET", "/app_store/app/category/1/", handler=_pages(30))
    pager = S.iter_all_by_category("app", 1, sort="name", page_size=20)
    assert len(list(pager)) == 30
    assert [call.params["sort"] for call in api.calls] == ["name", "name"]
