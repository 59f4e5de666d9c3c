"""The importer: every operation."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wiring import Case, check_async, check_sync

MAPPING = {"app_id": 5, "mappings": [{"field_id": 7, "value": {"column_id": "A"}}]}

# One row per operation; a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Importer, "get_info", (3,), "GET", "/importer/3/info",
         {"row_count": 2, "columns": [{"id": "A", "name": "Name"}]},
         answer={"row_count": 2, "columns": [{"id": "A", "name": "Name"}]}),
    Case(podio.Importer, "get_columns", (3,), "GET", "/importer/3/column/",
         [podio.Importer(id="A", name="Name")], answer=[{"id": "A", "name": "Name"}]),
    Case(podio.Importer, "preview", (3, 1, MAPPING), "POST", "/importer/3/preview/1",
         {"fields": [], "tags": []}, body=MAPPING, answer={"fields": [], "tags": []}),
    Case(podio.Importer, "process_file", (3, MAPPING), "POST", "/importer/3/process",
         {"batch_id": 9}, body=MAPPING, answer={"batch_id": 9}),
    Case(podio.Importer, "process_app", (3, 5, MAPPING), "POST", "/importer/3/item/app/5",
         {"batch_id": 9}, body=MAPPING, answer={"batch_id": 9}),
    Case(podio.Importer, "process_contacts", (3, 7, {"mappings": []}), "POST",
         "/importer/3/contact/space/7", {"batch_id": 9}, body={"mappings": []},
         answer={"batch_id": 9}),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


def test_columns_read_as_attributes(api: MockPodio) -> None:
    api.on("GET", "/importer/3/column/", [{"id": "A", "name": "Name"}])
    (column,) = podio.Importer.get_columns(3)
    assert (column.id, column.name) == ("A", "Name")
