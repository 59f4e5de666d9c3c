"""orgs, spaces, apps, app and items: what they print, in tables, tab-separated and JSON."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import podio

from .conftest import Cli


def _rows(output: str) -> list[list[str]]:
    """Tab-separated output (what is printed when stdout is not a terminal)."""
    return [line.split("\t") for line in output.splitlines()]


def test_orgs_and_spaces(signed_in: Cli, world: dict[str, Any]) -> None:
    orgs = _rows(signed_in.ok("orgs").stdout)
    assert orgs[0] == ["org_id", "name", "url", "spaces"]
    assert orgs[1][:2] == [str(world["org_id"]), "Emulator Demo"]

    every = _rows(signed_in.ok("spaces").stdout)
    assert every[0] == ["space_id", "name", "org_id", "role", "url"]
    ids = {int(row[0]) for row in every[1:]}
    assert set(world["space_ids"].values()) <= ids
    intranet = next(row for row in every if row[0] == str(world["space_ids"]["intranet"]))
    assert intranet[1:4] == ["Intranet", str(world["org_id"]), "admin"]

    of_org = json.loads(signed_in.ok("spaces", world["org_id"], "--json").stdout)
    assert {space["space_id"] for space in of_org} == ids - {world["space_ids"]["research"]}
    assert all(space["org_id"] == world["org_id"] for space in of_org)


def test_apps_of_a_space(signed_in: Cli, world: dict[str, Any]) -> None:
    rows = _rows(signed_in.ok("apps", world["space_ids"]["intranet"]).stdout)
    assert rows[0] == ["app_id", "name", "item_name", "status", "url"]
    assert [row[:4] for row in rows[1:]] == [
        [str(world["app_ids"]["clients"]), "Clients", "Client", "active"],
        [str(world["app_ids"]["projects"]), "Projects", "Project", "active"],
    ]
    listed = json.loads(signed_in.ok("apps", world["space_ids"]["intranet"], "--json").stdout)
    assert [app["app_id"] for app in listed] == [int(row[0]) for row in rows[1:]]
    assert all("token" not in app for app in listed)


def test_app_lists_fields_with_types_and_external_ids(
    signed_in: Cli, world: dict[str, Any], client: podio.Client
) -> None:
    app_id = world["app_ids"]["projects"]
    result = signed_in.ok("app", app_id)
    rows = _rows(result.stdout)
    assert rows[0] == ["field_id", "external_id", "label", "type", "required", "values"]
    expected = [
        [str(f.field_id), f.external_id, f.config["label"], f.type]
        for f in podio.Application.find(app_id, client=client).fields or []
    ]
    assert [row[:4] for row in rows[1:]] == expected
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["title"][4] == "yes"
    assert by_id["status"][5] == "one of: Planned, Active, On hold, Done"
    assert by_id["areas"][5] == "several of: Design, Engineering, Sales, Legal"
    assert by_id["budget"][5] == "EUR, USD, DKK"
    assert by_id["client"][5] == f"items of app {world['app_ids']['clients']}"
    assert by_id["budget-per-hour"][3:] == ["calculation", "", "returns number"]
    assert "Projects (app" in result.stderr

    data = json.loads(signed_in.ok("app", app_id, "--json").stdout)
    assert data["app_id"] == app_id
    assert "token" not in data  # the app token signs in as the app: never shown


def test_items_shows_display_values(
    signed_in: Cli, world: dict[str, Any], client: podio.Client
) -> None:
    app_id = world["app_ids"]["projects"]
    result = signed_in.ok(
        "items", app_id, "--limit", 5, "--filter", "status=Done", "--sort-by", "hours", "--asc",
        "-f", "title,status,hours,budget,progress,deadline,client",
    )  # fmt: skip
    rows = _rows(result.stdout)
    assert rows[0] == [
        "item_id", "title", "status", "hours", "budget", "progress", "deadline", "client"
    ]  # fmt: skip
    expected = podio.Item.filter(
        app_id, {"status": [4]}, limit=5, sort_by="hours", sort_desc=False, client=client
    )
    assert [int(row[0]) for row in rows[1:]] == [item.item_id for item in expected]
    for row, item in zip(rows[1:], expected, strict=True):
        values = item.values
        assert row[1] == item.title
        assert row[2] == "Done"
        assert row[3] == values["hours"].humanized
        assert row[4] == values["budget"].humanized
        assert row[5] == "100%"
        assert row[7] == values["client"].humanized
    hours = [float(row[3]) for row in rows[1:]]
    assert hours == sorted(hours)
    assert f"5 of {expected.count} items" in result.stderr


def test_items_json_is_podios_json(signed_in: Cli, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["clients"]
    items = json.loads(signed_in.ok("items", app_id, "--json", "--limit", 100).stdout)
    assert len(items) == 12
    assert {item["external_id"] for item in items} == {f"client-{n}" for n in range(1, 13)}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--filter", "colour=red"], "field 'colour': app {app} has no such field"),
        (["--filter", "status=Cancelled"], "field 'status': has no option 'Cancelled'"),
        (["--filter", "hours=lots"], "field 'hours': takes a range such as 10-100"),
        (["--filter", "status"], "field 'status': a filter is key=value"),
        (["--sort-by", "colour"], "field 'colour': app {app} has no such field"),
        (["-f", "colour"], "field 'colour': app {app} has no such field"),
    ],
)
def test_bad_filters_are_named(
    signed_in: Cli, world: dict[str, Any], arguments: list[str], message: str
) -> None:
    app_id = world["app_ids"]["projects"]
    line = signed_in.fails("items", app_id, *arguments)
    assert line.startswith("Error: " + message.format(app=app_id)), line


def test_an_unknown_app_is_a_404_line(signed_in: Cli) -> None:
    line = signed_in.fails("app", 999999)
    assert line.startswith("Error: 404 not_found: ")
    assert "GET /app/999999" in line
    assert signed_in.fails("items", 999999).startswith("Error: 404 not_found: ")


def test_tables_on_a_terminal(
    signed_in: Cli, world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "200")
    raw = signed_in.ok("apps", world["space_ids"]["intranet"]).stdout
    output = re.sub(r"\x1b\[[0-9;]*m", "", raw)  # styles
    assert "\t" not in output
    assert "┃ app_id" in output
    assert "Projects" in output
