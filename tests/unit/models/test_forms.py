"""Web forms: every operation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

FORM = {
    "form_id": 4,
    "app_id": 5,
    "space_id": 7,
    "status": "active",
    "settings": {"captcha": True, "text": {"submit": "Send"}},
    "domains": ["example.com"],
    "fields": [{"field_id": 11, "settings": {}}],
    "attachments": False,
}
ATTRIBUTES = {"settings": {"captcha": True}, "domains": ["example.com"], "fields": []}

# One row per operation; a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Form, "find", (4,), "GET", "/form/4", podio.Form(FORM), answer=FORM),
    Case(podio.Form, "find_all_for_app", (5,), "GET", "/form/app/5/", [podio.Form(FORM)],
         answer=[FORM]),
    Case(podio.Form, "create", (5, ATTRIBUTES), "POST", "/form/app/5/", podio.Form(form_id=4),
         body=ATTRIBUTES, answer={"form_id": 4}),
    Case(podio.Form, "update", (4, ATTRIBUTES), "PUT", "/form/4", 204, body=ATTRIBUTES,
         status=204),
    Case(podio.Form, "delete", (4,), "DELETE", "/form/4", 204, status=204),
    Case(podio.Form, "enable", (4,), "POST", "/form/4/activate", None),
    Case(podio.Form, "disable", (4,), "POST", "/form/4/deactivate", None),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)
