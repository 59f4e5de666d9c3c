"""podio codegen writes a module whose classes read and create items; podio api; and every
command's one-line error before sign-in."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import podio
from podio.cli import cli as podio_cli

from .conftest import Cli


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def test_codegen_module_reads_and_creates_items(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    projects, clients = world["app_ids"]["projects"], world["app_ids"]["clients"]
    target = tmp_path / "podio_apps.py"
    result = signed_in.ok("codegen", projects, clients, "-o", target)
    assert result.stderr == f"Wrote {target} (2 app(s))\n"
    printed = signed_in.ok("codegen", projects, clients).stdout
    source = target.read_text()
    # The same module either way, but for the time it was made at.
    assert [line for line in printed.splitlines() if "at: " not in line] == [
        line for line in source.splitlines() if "at: " not in line
    ]
    compile(source, str(target), "exec")

    module = _load(target, "podio_apps_generated")
    Projects, Clients = module.Projects, module.Clients
    assert (Projects.app_id, Clients.app_id) == (projects, clients)

    first = world["item_ids"]["projects"][0]
    typed = Projects.find(first, client=client)
    item = podio.Item.find(first, client=client)
    assert typed.title == item.values["title"].value
    assert typed.budget == item.values["budget"].value
    assert typed.time_spent == item.values["time-spent"].value
    assert typed.client == item.values["client"].value

    made = Projects(title="Generated", hours=3, deadline=dt.date(2027, 5, 1))
    made.status = "Planned"
    made.create(client=client)
    stored = podio.Item.find(made.item_id, client=client).values
    assert stored["title"].value == "Generated"
    assert stored["status"].value.text == "Planned"
    assert stored["deadline"].value.start == dt.date(2027, 5, 1)


def test_codegen_of_an_unknown_app_is_one_line(signed_in: Cli) -> None:
    assert signed_in.fails("codegen", 999999).startswith("Error: 404 not_found")


def test_api_calls_any_operation(signed_in: Cli, world: dict[str, Any]) -> None:
    status = json.loads(signed_in.ok("api", "GET", "/user/status").stdout)
    assert status["user"]["mail"] == "user@example.com"
    space = world["space_ids"]["intranet"]
    apps = json.loads(signed_in.ok("api", "get", f"/app/space/{space}/", "-p", "fields=").stdout)
    assert {app["app_id"] for app in apps} == set(world["app_ids"].values())
    created = signed_in.ok(
        "api", "POST", f"/item/app/{world['app_ids']['clients']}/", "--data",
        '{"fields": {"name": "From the api command"}}',
    )  # fmt: skip
    assert json.loads(created.stdout)["title"] == "From the api command"
    bad = signed_in("api", "POST", "/item/app/1/", "--data", "{nope")
    assert bad.exit_code == 2
    assert "not JSON" in bad.stderr
    assert signed_in.fails("api", "GET", "/nothing/here").startswith("Error: 404 not_found")


COMMANDS = [
    ["whoami"],
    ["orgs"],
    ["spaces"],
    ["spaces", "1"],
    ["apps", "1"],
    ["app", "1"],
    ["items", "1"],
    ["export", "1", "-o", "OUT"],
    ["import", "1", "IN"],
    ["upload", "IN"],
    ["download", "1"],
    ["hooks", "list", "app", "1"],
    ["hooks", "create", "app", "1", "https://example.com/hook", "item.create"],
    ["hooks", "verify", "1", "code"],
    ["hooks", "delete", "1"],
    ["codegen", "1"],
    ["api", "GET", "/user/status"],
]


def test_every_command_is_listed() -> None:
    listed = set(podio_cli.commands)
    assert {command[0] for command in COMMANDS} | {
        "configure", "login", "logout", "config-dir"
    } == listed  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_says_to_sign_in_first(
    configured: Cli, command: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("title\nA\n")
    paths = {"IN": str(source), "OUT": str(tmp_path / "out.csv")}
    arguments = [paths.get(part, part) for part in command]
    assert configured.fails(*arguments) == "Error: not signed in: run `podio login` first"
    assert not (tmp_path / "out.csv").exists()
