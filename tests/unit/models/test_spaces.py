"""Spaces: every operation of the spaces area, as a user calls it and as Podio sees it."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ...reference import sample
from ._wire_people import AreModels, IsModel, Op, arun, error_body, op_id, run

SPACE = {
    "space_id": 2,
    "name": "Intranet",
    "url": "https://podio.com/planetexpress/intranet",
    "url_label": "intranet",
    "org_id": 3,
    "privacy": "closed",
    "auto_join": False,
    "post_on_new_app": True,
    "post_on_new_member": True,
    "description": None,
    "role": "admin",
    "rights": ["view", "update"],
    "created_on": "2014-01-16 16:54:35",
}


def _assert_space_created(space: podio.Space) -> None:
    assert space.space_id == 12 and space.url == "https://podio.com/pe/hq" and space.persisted


OPS = [
    Op(
        podio.Space,
        "find",
        "GET",
        "/space/2",
        args=(2,),
        answer=SPACE,
        expect=IsModel(podio.Space, SPACE),
    ),
    Op(
        podio.Space,
        "find_by_url",
        "GET",
        "/space/url",
        args=("https://podio.com/planetexpress/intranet/apps",),
        query={"url": "https://podio.com/planetexpress/intranet/apps"},
        answer=SPACE,
        expect=IsModel(podio.Space, SPACE),
    ),
    Op(
        podio.Space,
        "find_by_url_slug",
        "GET",
        "/space/url",
        args=("planetexpress", "intranet"),
        query={"org_slug": "planetexpress", "space_slug": "intranet"},
        answer=SPACE,
        expect=IsModel(podio.Space, SPACE),
    ),
    Op(
        podio.Space,
        "find_by_org_and_url_label",
        "GET",
        "/space/org/3/intranet",
        args=(3, "intranet"),
        answer=SPACE,
        expect=IsModel(podio.Space, SPACE),
    ),
    Op(
        podio.Space,
        "find_all_accessible_for_org",
        "GET",
        "/space/org/3/",
        args=(3,),
        answer=[{"space_id": 2, "name": "Intranet"}],
        expect=AreModels(podio.Space, [{"space_id": 2, "name": "Intranet"}]),
    ),
    Op(
        podio.Space,
        "find_open_for_org",
        "GET",
        "/space/org/3/available/",
        args=(3,),
        answer=[{"space_id": 4, "name": "Open"}],
        expect=AreModels(podio.Space, [{"space_id": 4, "name": "Open"}]),
    ),
    Op(
        podio.Space,
        "find_top",
        "GET",
        "/space/top/",
        kwargs={"limit": 3},
        query={"limit": "3"},
        answer=[SPACE],
        expect=AreModels(podio.Space, [SPACE]),
    ),
    Op(
        podio.Space,
        "get_count",
        "GET",
        "/space/org/3/count",
        args=(3,),
        answer={"count": 7},
        expect=7,
    ),
    Op(
        podio.Space,
        "get_available_seats",
        "GET",
        "/space/2/available",
        args=(2,),
        answer={"regular": None, "light": 5},
        expect={"regular": None, "light": 5},
    ),
    Op(
        podio.Space,
        "get_overdue_info",
        "GET",
        "/space/2/overdue",
        args=(2,),
        answer={"overdue": False},
        expect={"overdue": False},
    ),
    Op(
        podio.Space,
        "get_app_dependencies",
        "GET",
        "/space/2/dependencies/",
        args=(2,),
        answer={"apps": [{"app_id": 1}], "dependencies": {"1": []}},
        expect={"apps": [{"app_id": 1}], "dependencies": {"1": []}},
    ),
    Op(
        podio.Space,
        "create",
        "POST",
        "/space/",
        args=({"org_id": 3, "name": "HQ", "privacy": "open"},),
        json={"org_id": 3, "name": "HQ", "privacy": "open"},
        answer={"space_id": 12, "url": "https://podio.com/pe/hq"},
        expect={"space_id": 12, "url": "https://podio.com/pe/hq"},
    ),
    Op(
        podio.Space,
        "update_space",
        "PUT",
        "/space/2",
        args=(2, {"description": "Company news"}),
        json={"description": "Company news"},
        status=204,
        expect=204,
    ),
    Op(podio.Space, "delete", "DELETE", "/space/2", args=(2,), status=204, expect=204),
    Op(
        podio.Space,
        "validate_url_label",
        "POST",
        "/space/org/3/url/validate",
        args=(3, "intranet"),
        json={"url_label": "intranet"},
        answer={"valid": False},
        expect={"valid": False},
    ),
    Op(
        lambda: podio.Space(org_id=3, name="HQ", auto_join=True),
        "save",
        "POST",
        "/space/",
        json={"org_id": 3, "name": "HQ", "auto_join": True},
        answer={"space_id": 12, "url": "https://podio.com/pe/hq"},
        expect=True,
        after=_assert_space_created,
    ),
    Op(
        lambda: podio.Space(SPACE),
        "update",
        "PUT",
        "/space/2",
        json={
            "name": "Intranet",
            "description": None,
            "url_label": "intranet",
            "privacy": "closed",
            "auto_join": False,
            "post_on_new_app": True,
            "post_on_new_member": True,
        },
        status=204,
        expect=True,
    ),
    Op(lambda: podio.Space(SPACE), "destroy", "DELETE", "/space/2", status=204, expect=True),
]


@pytest.mark.parametrize("op", OPS, ids=op_id)
def test_each_operation_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", OPS, ids=op_id)
async def test_each_async_twin_does_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_the_real_space_round_trips_with_its_org_and_owner(api: MockPodio) -> None:
    body = sample("space-get.json")
    api.on("GET", "/space/5", body)
    space = podio.Space.find(5)
    assert space.as_json() == body
    assert space.owner == {"type": "org", "id": 4} and space.video is None
    assert isinstance(space.org, podio.Organization) and space.org.domains == ["chiaraquartet.net"]


def test_create_failure_raises_bad_request_with_podio_answer(api: MockPodio) -> None:
    """The Ruby gem's README example: Space.create raises, with everything Podio said."""
    body = error_body("invalid_value", "The name is already in use", field="name")
    api.on("POST", "/space/", body, status=400)
    with pytest.raises(podio.BadRequestError) as caught:
        podio.Space.create({"name": "New Space", "org_id": 42})
    exc = caught.value
    assert exc.response_status == 400
    assert exc.response_body == body
    assert exc.url == "https://api.podio.com/space/"
    assert exc.message == "The name is already in use"


def test_save_on_an_existing_space_refuses_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="update"):
        podio.Space(SPACE).save()
    assert api.calls == []


def test_update_sends_only_what_the_instance_holds(api: MockPodio) -> None:
    api.on("PUT", "/space/2", status=204)
    space = podio.Space(space_id=2)
    space.name = "Renamed"
    assert space.update() is True
    assert api.last.json == {"name": "Renamed"}


def test_a_failed_save_keeps_the_error_and_no_id(api: MockPodio) -> None:
    api.on("POST", "/space/", error_body("forbidden", "No right to add spaces"), status=403)
    space = podio.Space(org_id=3, name="HQ")
    assert space.save() is False
    assert space.new_record and space.error_code == "forbidden"
