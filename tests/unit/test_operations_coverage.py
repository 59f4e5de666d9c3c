"""Every operation of the documented areas in endpoints.tsv is declared by a model."""

from __future__ import annotations

import csv
import re

import pytest

import podio

from ..reference import CATALOG

AREAS = {
    "items",
    "applications",
    "spaces",
    "space_members",
    "organizations",
    "users",
    "contacts",
    "comments",
    "status",
    "tasks",
    "files",
    "hooks",
    "views",
    "filters",
    "search",
    "tags",
    "ratings",
    "subscriptions",
    "notifications",
    "embeds",
    "reference",
    "stream",
    "calendar",
    "conversations",
    "grants",
    "batch",
    "forms",
    "reminders",
    "recurrence",
    "questions",
    "votings",
    "widgets",
    "integrations",
    "importer",
    "linked_accounts",
    "actions",
    "flows",
    "oauth",
    "email",
    "app_market",
    "pins",
}


def shape(path: str) -> str:
    """A path with its variable names blanked: `/item/{item_id}` -> `/item/{}`."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def catalog_rows() -> list[dict[str, str]]:
    with CATALOG.open(newline="") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["area"] in AREAS]


def test_every_catalogued_operation_of_the_covered_areas_is_declared() -> None:
    declared = {(op.method, shape(op.path)) for op in podio.operations()}
    missing = [
        f"{row['area']}: {row['method']} {row['path']} ({row['operation']})"
        for row in catalog_rows()
        if (row["method"], shape(row["path"])) not in declared
    ]
    assert missing == [], f"{len(missing)} operations have no method:\n" + "\n".join(missing)


@pytest.mark.parametrize("op", podio.operations(), ids=lambda op: f"{op.method} {op.path}")
def test_every_declared_operation_is_called_by_a_sync_method_and_its_async_twin(
    op: podio.models.OperationInfo,
) -> None:
    names = {caller.split(".", 1)[1] for caller in op.callers}
    for name in names:
        if name.startswith("a") and name[1:] in names:
            continue
        if ("a" + name) in names or name.startswith("iter_"):
            continue
        pytest.fail(f"{op.method} {op.path}: {name} has no async twin among {sorted(names)}")
