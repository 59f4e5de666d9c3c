"""Linked accounts and the providers they come from."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._calls import Case, check_case

ACCOUNT = {
    "linked_account_id": 3,
    "status": "active",
    "label": "ann@example.com",
    "provider": "google",
    "provider_humanized_name": "Google",
    "capability_names": {"calendar": "Calendar", "files": "Drive"},
    "options": {"sync": True},
}
PROVIDER = {
    "name": "google",
    "humanized_name": "Google",
    "connect_link": "https://podio.com/linked_account/connect/google",
    "capabilities": ["calendar", "files"],
    "capability_names": {"calendar": "Calendar", "files": "Drive"},
    "external_service_provider": True,
}
LA, AP = podio.LinkedAccount, podio.AccountProvider

CASES = [
    Case(LA, "find_all", path="/linked_account/", answer=[ACCOUNT], kind=LA),
    Case(
        LA,
        "create",
        ({"provider": "google", "code": "xyz"},),
        method="POST",
        path="/linked_account/",
        body={"provider": "google", "code": "xyz"},
        answer=ACCOUNT,
        kind=LA,
    ),
    Case(
        LA,
        "delete",
        (3,),
        method="DELETE",
        path="/linked_account/3",
        answer=None,
        status=204,
        result=204,
    ),
    Case(
        LA,
        "update_options",
        (3, {"sync": False}),
        method="PUT",
        path="/linked_account/3/options",
        body={"sync": False},
        answer=None,
    ),
    Case(AP, "find_all", path="/linked_account/provider/", answer=[PROVIDER], kind=AP),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
async def test_operation_sends_podios_request_and_returns_its_answer(
    api: MockPodio, case: Case
) -> None:
    await check_case(api, case)


def test_linked_account_data_reads_an_external_object() -> None:
    data = {"id": 8, "type": "contact", "info": "Bob", "url": "https://example.com/bob"}
    found = podio.LinkedAccountData.from_api(data)
    assert (found.id, found.type, found.info) == (8, "contact", "Bob")
    assert found.as_json() == data


def test_providers_compare_by_name() -> None:
    assert AP.from_api(PROVIDER) == AP(name="google")
    assert AP.from_api(PROVIDER) != AP(name="dropbox")
