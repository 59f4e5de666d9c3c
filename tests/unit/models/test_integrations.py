"""App integrations: class calls and the gem's instance workflow."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

CONFIG = {"url": "https://example.com/feed.csv", "interval": 60}
INTEGRATION = {
    "integration_id": 21,
    "app_id": 6,
    "status": "active",
    "type": "csv",
    "silent": False,
    "config": CONFIG,
    "mapping": {"131": "name"},
    "updating": False,
    "last_updated_on": "2017-03-21 10:00:00",
    "created_on": "2017-03-20 08:00:00",
    "created_by": {"type": "user", "id": 4, "user_id": 4, "name": "Ann"},
}
FIELDS = [{"external_id": "name", "name": "Name", "type": "text"}]
INT = podio.Integration

CASES = [
    Case(INT, "find", (6,), path="/integration/6", answer=INTEGRATION, kind=INT),
    Case(INT, "find_available_fields_for", (6,), path="/integration/6/field/", answer=FIELDS),
    Case(
        INT,
        "create_integration",
        (6, "csv", CONFIG),
        method="POST",
        path="/integration/6",
        body={"type": "csv", "config": CONFIG},
        answer={"integration_id": 21},
        kind=INT,
    ),
    Case(
        INT,
        "create_integration",
        (6, "csv", CONFIG),
        {"silent": True},
        method="POST",
        path="/integration/6",
        body={"type": "csv", "config": CONFIG, "silent": True},
        answer={"integration_id": 21},
        kind=INT,
    ),
    Case(
        INT,
        "update_integration",
        (6, CONFIG),
        {"silent": False},
        method="PUT",
        path="/integration/6",
        body={"config": CONFIG, "silent": False},
        answer=None,
    ),
    Case(
        INT,
        "update_integration_mapping",
        (6, {"131": "name"}),
        method="PUT",
        path="/integration/6/mapping",
        body={"131": "name"},
        answer=None,
    ),
    Case(
        INT,
        "delete",
        (6,),
        method="DELETE",
        path="/integration/6",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        INT,
        "refresh_integration",
        (6,),
        method="POST",
        path="/integration/6/refresh",
        answer=None,
        result=200,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_an_integration_is_typed(api: MockPodio) -> None:
    api.on("GET", "/integration/6", INTEGRATION)
    found = INT.find(6)
    assert found.id == 21 and found.mapping == {"131": "name"}
    assert found.last_updated_on == dt.datetime(2017, 3, 21, 10, tzinfo=dt.timezone.utc)
    assert found.as_json() == INTEGRATION


async def test_the_instance_workflow_sends_each_call_for_its_app(api: MockPodio) -> None:
    for method, path in [
        ("POST", "/integration/6"),
        ("PUT", "/integration/6"),
        ("PUT", "/integration/6/mapping"),
        ("POST", "/integration/6/refresh"),
        ("DELETE", "/integration/6"),
    ]:
        api.on(method, path, {"integration_id": 21} if method == "POST" else None)
    integration = INT(app_id=6, type="csv", config=CONFIG)
    assert integration.create() is True
    assert api.last.json == {"type": "csv", "config": CONFIG}
    assert integration.integration_id == 21
    integration.silent = True
    assert await integration.aupdate() is True
    assert api.last.json == {"silent": True, "config": CONFIG}
    integration.mapping = {"131": "name"}
    assert integration.update_mapping() is True
    assert api.last.json == {"131": "name"}
    assert integration.refresh() is True and api.last.path == "/integration/6/refresh"
    assert await integration.adestroy() is True
    assert [(call.method, call.path) for call in api.calls] == [
        ("POST", "/integration/6"),
        ("PUT", "/integration/6"),
        ("PUT", "/integration/6/mapping"),
        ("POST", "/integration/6/refresh"),
        ("DELETE", "/integration/6"),
    ]


def test_instance_calls_keep_podios_error(api: MockPodio) -> None:
    api.on(
        "POST",
        "/integration/6/refresh",
        {
            "error": "conflict",
            "error_description": "Already updating",
            "error_detail": None,
            "error_parameters": {},
            "error_propagate": False,
        },
        status=409,
    )
    integration = INT(app_id=6)
    assert integration.refresh() is False
    assert integration.error_code == "conflict" and integration.error_message == "Already updating"


def test_instance_calls_need_the_app(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="app_id"):
        INT(type="csv").create()
    assert api.calls == []
