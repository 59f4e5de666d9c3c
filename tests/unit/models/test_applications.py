"""Applications and their fields: every operation, and the app samples."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, canonical, check_async, check_sync, sample

APP = {"app_id": 5, "space_id": 7, "config": {"name": "Leads", "item_name": "Lead"}}
FIELD = {"field_id": 11, "external_id": "title", "type": "text", "config": {"label": "Title"}}
CALCULATION = {"app": {"app_id": 5}, "type": "sum", "reference_field": {}, "value_fields": []}


def app(**values: object) -> podio.Application:
    return podio.Application(values)


# One row per operation (and per notable variant); a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Application, "find", (5,), "GET", "/app/5", podio.Application(APP),
         kwargs={"view": "micro", "fields": "space.view(full)"},
         params={"view": "micro", "fields": "space.view(full)"}, answer=APP),
    Case(podio.Application, "find_by_url_label", (7, "leads"), "GET", "/app/space/7/leads",
         podio.Application(APP), answer=APP),
    Case(podio.Application, "find_by_org_space_and_app_labels", ("acme", "sales", "leads"),
         "GET", "/app/org/acme/space/sales/leads", podio.Application(APP), answer=APP),
    Case(podio.Application, "find_all", (), "GET", "/app/", [podio.Application(APP)],
         answer=[APP]),
    Case(podio.Application, "find_all_for_current_user", (), "GET", "/app/v2/",
         [podio.Application(APP)],
         kwargs={"exclude_app_ids": [1, 2], "exclude_demo": True, "limit": 5, "order": "score",
                 "referenceable_in_org": 3, "right": "view", "text": "le"},
         params={"exclude_app_ids": "1,2", "exclude_demo": "1", "limit": "5",
                 "order": "score", "referenceable_in_org": "3", "right": "view", "text": "le"},
         answer=[APP]),
    Case(podio.Application, "find_top", (), "GET", "/app/top/", [podio.Application(APP)],
         kwargs={"exclude_demo": False, "limit": 4},
         params={"exclude_demo": "0", "limit": "4"}, answer=[APP]),
    Case(podio.Application, "find_top_for_org", (3,), "GET", "/app/org/3/top/",
         [podio.Application(APP)], kwargs={"limit": 2}, params={"limit": "2"}, answer=[APP]),
    Case(podio.Application, "find_all_for_space", (7,), "GET", "/app/space/7/",
         [podio.Application(APP)], kwargs={"include_inactive": True},
         params={"include_inactive": "1"}, answer=[APP]),
    Case(podio.Application, "get_calculations", (5,), "GET", "/app/5/calculation/",
         [podio.Application(CALCULATION)], answer=[CALCULATION]),
    Case(podio.Application, "dependencies", (5,), "GET", "/app/5/dependencies/",
         {"apps": [], "dependencies": {}}, answer={"apps": [], "dependencies": {}}),
    Case(podio.Application, "features", (), "GET", "/app/features/", ["items", "widgets"],
         kwargs={"app_ids": [1, 2], "include_space": True},
         params={"app_ids": "1,2", "include_space": "1"}, answer=["items", "widgets"]),
    Case(podio.Application, "search_icons", ("car",), "GET", "/app/icon/search", [12, 13],
         params={"query": "car"}, answer=[12, 13]),
    Case(podio.Application, "create", ({"space_id": 7, "config": {"name": "Leads"}},), "POST",
         "/app/", app(app_id=9), kwargs={"silent": True}, params={"silent": "1"},
         body={"space_id": 7, "config": {"name": "Leads"}}, answer={"app_id": 9}),
    Case(podio.Application, "update", (5, {"config": {"name": "Deals"}}), "PUT", "/app/5", 204,
         kwargs={"silent": True, "hook": False}, params={"silent": "1", "hook": "0"},
         body={"config": {"name": "Deals"}}, status=204),
    Case(podio.Application, "update_description", (5, "All leads"), "PUT",
         "/app/5/description", 204, body={"description": "All leads"}, status=204),
    Case(podio.Application, "update_usage", (5, "One per lead"), "PUT", "/app/5/usage", 200,
         body={"usage": "One per lead"}),
    Case(podio.Application, "update_order", (7, [3, 1, 2]), "PUT", "/app/space/7/order", None,
         body=[3, 1, 2]),
    Case(podio.Application, "install", (5, 7), "POST", "/app/5/install", app(app_id=10),
         kwargs={"features": ["items", "views"]},
         body={"space_id": 7, "features": ["items", "views"]}, answer={"app_id": 10}),
    Case(podio.Application, "install", (5, 7), "POST", "/app/5/install", app(app_id=10),
         body={"space_id": 7}, answer={"app_id": 10}),
    Case(podio.Application, "activate", (5,), "POST", "/app/5/activate", None),
    Case(podio.Application, "activate_for_space", (5, 7), "PUT", "/app/5/activate/7", None,
         body={}),
    Case(podio.Application, "deactivate", (5,), "POST", "/app/5/deactivate", None),
    Case(podio.Application, "delete", (5,), "DELETE", "/app/5", None,
         kwargs={"silent": True}, params={"silent": "1"}),
    Case(podio.Application, "delete_field", (5, 11), "DELETE", "/app/5/field/11", 204,
         kwargs={"delete_values": True}, params={"delete_values": "1"}, status=204),
    Case(podio.Application, "regenerate_apptoken", (5,), "POST", "/app/5/token/regenerate",
         {"token": "new-app-token"}, answer={"token": "new-app-token"}),
    Case(podio.ApplicationField, "find", (5, "title"), "GET", "/app/5/field/title",
         podio.ApplicationField(FIELD), answer=FIELD),
    Case(podio.ApplicationField, "create", (5, {"type": "text", "config": {"label": "T"}}),
         "POST", "/app/5/field/", podio.ApplicationField(field_id=11),
         body={"type": "text", "config": {"label": "T"}}, answer={"field_id": 11}),
    Case(podio.ApplicationField, "update", (5, 11, {"config": {"label": "X"}}), "PUT",
         "/app/5/field/11", 4, body={"config": {"label": "X"}}, answer={"revision": 4}),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


APP_SAMPLES = [
    "app-get-all-fields-2014.json",
    "app-get-question-field-2014.json",
    "app-get-large.json",
]


@pytest.mark.parametrize("name", APP_SAMPLES)
def test_app_samples_are_typed_and_round_trip_exactly(api: MockPodio, name: str) -> None:
    body = sample(name)
    api.on("GET", f"/app/{body['app_id']}", body)
    found = podio.Application.find(body["app_id"])
    assert canonical(found.as_json()) == canonical(body)
    assert found.fields is not None and len(found.fields) == len(body["fields"])
    assert all(type(field) is podio.ApplicationField for field in found.fields)
    assert found.fields[0].config == body["fields"][0]["config"]
    assert isinstance(found.owner, podio.Profile)
    assert found.owner.profile_id == body["owner"]["profile_id"]


def test_name_and_item_name_fall_back_to_the_config() -> None:
    full = podio.Application.from_api(sample("app-get-all-fields-2014.json"))
    assert full.name == "Testing" and full.item_name == "thing"
    assert "name" not in full.as_json() and "item_name" not in full.as_json()
    mini = podio.Application.from_api({"app_id": 1, "name": "Top", "config": {"name": "Inner"}})
    assert mini.name == "Top" and mini.as_json()["name"] == "Top"
    cleared = {"app_id": 1, "name": None, "config": {"name": "Inner"}}
    assert podio.Application.from_api(cleared).as_json() == cleared


def test_the_app_token_never_shows_in_a_repr() -> None:
    found = podio.Application.from_api(sample("app-get-all-fields-2014.json"))
    assert found.token and found.token not in repr(found)


def test_update_order_takes_a_list_of_ids(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="app_ids"):
        podio.Application.update_order(7, "3,1,2")  # type: ignore[arg-type]
    assert api.calls == []
