"""podio import: every row checked before anything is created, each item created once."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import podio
from podio.fields import DateRange, Money
from podio_emulator import EmulatorHandle

from .conftest import Cli


def _count(client: podio.Client, app_id: int) -> int:
    return podio.Item.count(app_id, client=client)


def _by_external_id(client: podio.Client, app_id: int, external_id: str) -> podio.Item:
    found = podio.Item.find_all_by_external_id(app_id, external_id, client=client)
    assert len(found) == 1, external_id
    return podio.Item.find(found[0].item_id, client=client)


@pytest.fixture
def owner(world: dict[str, Any], client: podio.Client) -> int:
    """A profile id that contact fields of the demo world take."""
    first = podio.Item.find(world["item_ids"]["projects"][0], client=client)
    return int(first.values["owner"].value.profile_id)


def test_csv_rows_become_items_with_typed_values(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, owner: int, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    customer = world["item_ids"]["clients"][2]
    source = tmp_path / "new.csv"
    source.write_text(
        # labels and external ids both name columns; calculation and item columns are ignored
        "external_id,Title,status,Areas,hours,budget,progress,time-spent,deadline,client,"
        "owner,site,contact-email,hotline,budget-per-hour,item_id\n"
        f'cli-1,Launch,Active,"Design, Sales",12.5,1200.50 EUR,40%,2h 30m,2026-12-01 14:00,'
        f"{customer},{owner},Copenhagen,ops@example.com,+45 1234,999,1\n"
        "cli-2,Wrap up,Done,Legal,,USD 99,100,1d,2026-12-01 - 2026-12-03,,,,,,,\n",
        encoding="utf-8",
    )
    before = _count(client, app_id)
    result = signed_in.ok("import", app_id, source)
    assert result.stdout == "Created 2 items in Projects; 0 failed\n"
    assert _count(client, app_id) == before + 2

    first = _by_external_id(client, app_id, "cli-1").values
    assert first["title"].value == "Launch"
    assert first["status"].value.text == "Active"
    assert [o.text for o in first["areas"].values] == ["Design", "Sales"]
    assert first["hours"].value == Decimal("12.5")
    assert first["budget"].value == Money("1200.50", "EUR")
    assert first["progress"].value == 40
    assert first["time-spent"].value == dt.timedelta(hours=2, minutes=30)
    assert first["deadline"].value.start_local == dt.datetime(2026, 12, 1, 14, 0)
    assert first["client"].value.item_id == customer
    assert first["owner"].value.profile_id == owner
    assert first["site"].humanized == "Copenhagen"
    assert first["contact-email"].humanized == "ops@example.com"
    assert first["hotline"].humanized == "+45 1234"
    assert first["budget-per-hour"].value == Decimal("96.04")  # computed by Podio

    second = _by_external_id(client, app_id, "cli-2").values
    assert second["budget"].value == Money("99", "USD")
    assert second["progress"].value == 100
    assert second["time-spent"].value == dt.timedelta(days=1)
    assert second["deadline"].value == DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 3))
    assert "hours" not in second  # empty fields are left out


def test_every_bad_row_is_reported_and_nothing_is_created(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    source = tmp_path / "bad.csv"
    source.write_text(
        "title,status,hours,budget,progress,deadline,client,description\n"
        "Fine,Active,1,1 EUR,1,2026-01-01,,\n"
        "Bad status,Cancelled,1,1 EUR,1,2026-01-01,,\n"
        'Multi-line,Active,1,1 EUR,1,2026-01-01,,"first\nsecond"\n'  # lines 4 and 5
        "Many,Active,lots,1 XYZ,140%,2026-13-01,Acme Corp,\n"
        ",Active,,,,,,\n",
        encoding="utf-8",
    )
    before = _count(client, app_id)
    line = signed_in.fails("import", app_id, source)
    assert line == f"Error: 7 problems in {source}; nothing was created"
    problems = signed_in.results[-1].stderr.splitlines()[:-1]
    assert problems == [
        "line 3, field 'status': has no option 'Cancelled'; options: 'Planned' (1), "
        "'Active' (2), 'On hold' (3), 'Done' (4)",
        "line 6, field 'hours': 'lots' is not a number (use '.' as decimal separator)",
        "line 6, field 'budget': currency XYZ is not allowed; allowed: EUR, USD, DKK",
        "line 6, field 'progress': progress must be between 0 and 100, got 140",
        "line 6, field 'deadline': is not a date: month must be in 1..12",
        "line 6, field 'client': app fields are written with item ids (such as 123, 456), "
        "not names; export with --ref-ids to get them",
        "line 7, field 'title': is required and has no value",
    ]
    assert _count(client, app_id) == before


def test_a_bad_header_stops_before_any_row(
    signed_in: Cli, world: dict[str, Any], tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("title,stauts,Title\nA,Active,B\n", encoding="utf-8")
    signed_in.fails("import", world["app_ids"]["projects"], source)
    assert signed_in.results[-1].stderr.splitlines()[:-1] == [
        "line 1, field 'stauts': app {} has no such field; did you mean 'status'?".format(
            world["app_ids"]["projects"]
        ),
        "line 1, field 'Title': is the same field as column 'title'",
    ]


def test_dry_run_checks_and_sends_nothing(
    signed_in: Cli,
    world: dict[str, Any],
    client: podio.Client,
    emulator: EmulatorHandle,
    tmp_path: Path,
) -> None:
    app_id = world["app_ids"]["projects"]
    source = tmp_path / "ok.csv"
    source.write_text("title,status\nOne,Active\nTwo,Done\n", encoding="utf-8")
    before, calls = _count(client, app_id), emulator.state()["requests"]
    result = signed_in.ok("import", app_id, source, "--dry-run")
    assert result.stdout == "2 rows valid for Projects; nothing was created (--dry-run)\n"
    assert emulator.state()["requests"] - calls == 1  # the app's definition, nothing else
    assert _count(client, app_id) == before
    assert json.loads(signed_in.ok("import", app_id, source, "--dry-run", "--json").stdout) == {
        "valid": 2,
        "created": [],
        "failed": [],
    }


def test_json_export_imports_back_with_the_same_values(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    exported = tmp_path / "ten.json"
    signed_in.ok("export", app_id, "-o", exported, "--filter", "app_item_id=1-10")
    originals = {item["item_id"]: item for item in json.loads(exported.read_text())}
    assert len(originals) == 10
    result = signed_in.ok("import", app_id, exported, "--json")
    outcome = json.loads(result.stdout)
    assert outcome["failed"] == []
    assert len(outcome["created"]) == 10
    assert sorted(entry["line"] for entry in outcome["created"]) == list(range(2, 12))
    schema = podio.Application.find(app_id, client=client).as_json()
    for entry in outcome["created"]:
        copy = podio.Item.find(entry["item_id"], client=client)
        original = next(
            item for item in originals.values() if item["external_id"] == copy.external_id
        )
        assert entry["item_id"] not in originals
        copied = podio.fields.ItemFields(copy.as_json()["fields"], schema=schema)
        assert (
            copied.to_dict() == podio.fields.ItemFields(original["fields"], schema=schema).to_dict()
        )


def test_jsonl_and_objects_of_field_values(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, owner: int, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    source = tmp_path / "values.jsonl"
    rows = [
        {
            "external_id": "j-1",
            "tags": ["cli", "json"],
            "title": "From JSON",
            "status": "On hold",
            "areas": ["Design", 3],
            "hours": 7.25,
            "budget": {"value": "10", "currency": "DKK"},
            "deadline": "2027-01-02",
            "owner": owner,
            "time-spent": 3600,
        },
        {"external_id": "j-2", "fields": {"title": "Nested", "progress": "55%"}},
    ]
    source.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    signed_in.ok("import", app_id, source)
    first = _by_external_id(client, app_id, "j-1")
    assert first.tags == ["cli", "json"]
    values = first.values
    assert values["status"].value.text == "On hold"
    assert [o.text for o in values["areas"].values] == ["Design", "Sales"]
    assert values["hours"].value == Decimal("7.25")
    assert values["budget"].value == Money("10", "DKK")
    assert values["deadline"].value == DateRange(dt.date(2027, 1, 2))
    assert values["time-spent"].value == dt.timedelta(hours=1)
    assert _by_external_id(client, app_id, "j-2").values["progress"].value == 55


def test_problems_in_json_files_have_their_lines(
    signed_in: Cli, world: dict[str, Any], tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    lines = tmp_path / "bad.jsonl"
    lines.write_text(
        '{"title": "ok", "external_id": "x"}\n'
        "not json\n"
        '{"title": "again", "external_id": "x"}\n'
        '["a list"]\n'
        '{"title": "t", "colour": "red", "progress": "half"}\n',
        encoding="utf-8",
    )
    signed_in.fails("import", app_id, lines)
    assert signed_in.results[-1].stderr.splitlines()[:-1] == [
        "line 2: not JSON: Expecting value",
        "line 3, field 'external_id': 'x' is also on line 1",
        "line 4: an item is a JSON object",
        f"line 5, field 'colour': app {app_id} has no such field",
        "line 5, field 'progress': progress is a whole number such as 40 or 40%",
    ]
    array = tmp_path / "bad.json"
    array.write_text('[\n  {"title": "ok"},\n\n  {"title": "", "status": 9}\n]', "utf-8")
    signed_in.fails("import", app_id, array)
    assert signed_in.results[-1].stderr.splitlines()[:-1] == [
        "line 4, field 'status': has no option with id 9; options: 'Planned' (1), "
        "'Active' (2), 'On hold' (3), 'Done' (4)",
        "line 4, field 'title': is required and has no value",
    ]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"title": "a"},\n{"title": }]', "utf-8")
    assert signed_in.fails("import", app_id, broken) == ("Error: line 2: not JSON: Expecting value")


def _unique_app(client: podio.Client, world: dict[str, Any]) -> int:
    app = podio.Application.create(
        {
            "space_id": world["space_ids"]["sales"],
            "config": {"name": "Codes", "item_name": "Code"},
            "fields": [{"type": "text", "config": {"label": "Code", "unique": True}}],
        },
        client=client,
    )
    assert app.app_id is not None
    return app.app_id


def test_rows_podio_refuses_are_summarised_and_exit_1(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = _unique_app(client, world)
    podio.Item.create(app_id, fields={"code": "B"}, client=client)
    source = tmp_path / "codes.csv"
    source.write_text("code\nA\nB\nC\n", encoding="utf-8")
    result = signed_in("import", app_id, source)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "Created 2 items in Codes; 1 failed"
    assert lines[1] == "line\terror"
    assert lines[2].startswith("3\t400 invalid_value")
    codes = sorted(i.title or "" for i in podio.Item.iter_all(app_id, client=client))
    assert codes == ["A", "B", "C"]

    again = signed_in("import", app_id, source, "--json")
    outcome = json.loads(again.stdout)
    assert again.exit_code == 1
    assert outcome["created"] == []
    assert [(f["line"], f["error"][:19]) for f in outcome["failed"]] == [
        (2, "400 invalid_value: "),
        (3, "400 invalid_value: "),
        (4, "400 invalid_value: "),
    ]


def test_each_row_is_created_exactly_once_when_answers_are_lost(
    signed_in: Cli,
    world: dict[str, Any],
    client: podio.Client,
    emulator: EmulatorHandle,
    tmp_path: Path,
) -> None:
    app_id = world["app_ids"]["clients"]
    source = tmp_path / "many.csv"
    source.write_text("name\n" + "".join(f"Customer {n}\n" for n in range(40)), "utf-8")
    emulator.set_faults(lose=0.3, methods=["POST"], path=r"^/item/app/\d+/$", seed=7)
    result = signed_in.ok("import", app_id, source, "--concurrency", 8)
    lost = emulator.state()["faults"]["injected"].get("lose", 0)
    emulator.clear_faults()
    assert result.stdout == "Created 40 items in Clients; 0 failed\n"
    assert lost > 0, "no answer was lost: the test proved nothing"
    names = [i.title for i in podio.Item.iter_all(app_id, client=client)]
    assert sorted(n for n in names if n and n.startswith("Customer ")) == sorted(
        f"Customer {n}" for n in range(40)
    )


def test_csv_export_of_plain_fields_imports_back(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    """Exported CSV (display values, BOM-less UTF-8) reads back into the same values."""
    app_id = world["app_ids"]["clients"]
    exported = tmp_path / "clients.csv"
    signed_in.ok("export", app_id, "-o", exported)
    podio.Item.bulk_delete(app_id, filters={"app_item_id": {"from": 1, "to": 100}}, client=client)
    assert _count(client, app_id) == 0
    signed_in.ok("import", app_id, exported)
    copies = {
        item.external_id: item.values.humanized()
        for item in podio.Item.iter_all(app_id, client=client)
    }
    assert len(copies) == 12
    assert copies["client-1"] == {
        "name": "Acme Corp",
        "email": "info@acme.example",
        "phone": "+45 70 00 00 00",
        "address": "1 Main Street, Copenhagen",
    }


def test_progress_and_quiet(
    signed_in: Cli,
    world: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "two.csv"
    source.write_text("name\nOne\nTwo\n", "utf-8")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    shown = signed_in.ok("import", world["app_ids"]["clients"], source)
    assert "Importing into Clients" in shown.stderr
    assert "2/2" in shown.stderr
    quiet = signed_in.ok("import", world["app_ids"]["clients"], source, "-q")
    assert quiet.stderr == ""


def test_import_needs_a_known_app_and_a_readable_file(signed_in: Cli, tmp_path: Path) -> None:
    source = tmp_path / "x.csv"
    source.write_text("title\nA\n", "utf-8")
    assert signed_in.fails("import", 999999, source).startswith("Error: 404 not_found")
    missing = signed_in("import", 999999, tmp_path / "nope.csv")
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr


def test_csv_export_with_ref_ids_imports_back_every_field_type(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    """Display values and reference ids read back into the same values, field by field."""
    app_id = world["app_ids"]["projects"]
    exported = tmp_path / "projects.csv"
    signed_in.ok("export", app_id, "-o", exported, "--ref-ids", "--filter", "app_item_id=1-25")
    schema = podio.Application.find(app_id, client=client).as_json()

    def shown() -> dict[str, dict[str, str]]:
        return {
            item.external_id or "": podio.fields.ItemFields(
                item.as_json()["fields"], schema=schema
            ).humanized()
            for item in podio.Item.iter_all(
                app_id, filters={"app_item_id": {"from": 1}}, client=client
            )
        }

    before = shown()
    podio.Item.bulk_delete(app_id, filters={"app_item_id": {"from": 1}}, client=client)
    assert _count(client, app_id) == 0
    assert "Created 25 items" in signed_in.ok("import", app_id, exported).stdout
    after = shown()
    expected = {key: value for key, value in before.items() if int(key.split("-")[1]) <= 25}
    assert after == expected


def test_columns_without_a_name_must_stay_empty(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    """Spreadsheets often save a trailing comma: an empty column without a name is fine."""
    app_id = world["app_ids"]["clients"]
    source = tmp_path / "trailing.csv"
    source.write_text("name,\nKept,\nAlso kept,oops\n", "utf-8")
    signed_in.fails("import", app_id, source)
    assert signed_in.results[-1].stderr.splitlines()[:-1] == [
        "line 3: 'oops' is in a column without a name"
    ]
    source.write_text("\ufeffname,\nKept,\n", "utf-8")  # with the byte order mark Excel writes
    assert signed_in.ok("import", app_id, source).stdout == "Created 1 item in Clients; 0 failed\n"


def test_ctrl_c_stops_between_batches_and_says_what_is_left(
    signed_in: Cli,
    world: dict[str, Any],
    client: podio.Client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows go to Podio in batches; Ctrl-C during the third one leaves two batches created,
    the third undecided (the user is told its lines), and the rest never sent."""
    from podio.cli import _import

    app_id = world["app_ids"]["clients"]
    source = tmp_path / "many.csv"
    source.write_text("name\n" + "".join(f"Batch {n}\n" for n in range(50)), "utf-8")
    monkeypatch.setattr(_import, "BATCH", 5)  # with --concurrency 2: 10 rows a batch
    real = podio.Item.create_many
    calls: list[int] = []

    def interrupted_third(*args: Any, **kwargs: Any) -> Any:
        calls.append(len(args[1]))
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(podio.Item, "create_many", interrupted_third)
    before = _count(client, app_id)
    result = signed_in("import", app_id, source, "--concurrency", 2)
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        "Interrupted: created 20 items, 0 failed",
        "lines 22 to 31 may or may not have been created: check before importing them again",
        "lines 32 to 51 were not sent",
    ]
    assert calls == [10, 10, 10]
    assert _count(client, app_id) == before + 20

    monkeypatch.setattr(podio.Item, "create_many", real)
    again = signed_in.ok("import", app_id, source, "--concurrency", 2, "--json")
    assert len(json.loads(again.stdout)["created"]) == 50  # five batches, all summed up
    assert _count(client, app_id) == before + 70
