"""podio export: every item, CSV with display values, Podio's JSON, atomic files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import podio
from podio.fields import AppSchema, ItemFields
from podio_emulator import EmulatorHandle

from .conftest import Cli

META = ["item_id", "app_item_id", "external_id", "created_on", "link"]


def _all_items(client: podio.Client, app_id: int, **options: Any) -> list[dict[str, Any]]:
    return [item.as_json() for item in podio.Item.iter_all(app_id, client=client, **options)]


def test_csv_has_a_column_per_field_and_display_values(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    target = tmp_path / "projects.csv"
    result = signed_in.ok("export", app_id, "-o", target)
    assert result.stdout == ""
    assert result.stderr.startswith(f"Exported 300 items to {target} (csv) in ")

    app = podio.Application.find(app_id, client=client).as_json()
    schema = AppSchema.from_app(app)
    data = target.read_bytes()
    assert data.count(b"\r\n") >= 301  # csv's own line ends, as spreadsheets expect
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    # A field whose external id is "title" takes the place of the item's title column.
    assert rows[0] == [*META, *(field.external_id for field in schema)]
    expected = _all_items(client, app_id)
    assert len(rows) == 1 + len(expected) == 301
    for row, item in zip(rows[1:], expected, strict=True):
        assert row[:5] == [
            str(item["item_id"]),
            str(item["app_item_id"]),
            item["external_id"],
            item["created_on"],
            item["link"],
        ]
        shown = ItemFields(item["fields"], schema=schema)
        assert row[5:] == [value.humanized for value in shown]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["budget"].endswith((" EUR", " USD", " DKK"))
    assert first["progress"].endswith("%")


def test_csv_quotes_commas_quotes_and_line_breaks(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["clients"]
    name = 'The "Quote, Comma" Company\nsecond line'
    podio.Item.create(app_id, fields={"name": name}, client=client)
    target = tmp_path / "clients.csv"
    signed_in.ok("export", app_id, "-o", target, "--filter", "name=Quote, Comma")
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["name"] for row in rows] == [name]
    assert rows[0]["title"].startswith('The "Quote, Comma" Company')


def test_labels_as_headers(signed_in: Cli, world: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "clients.csv"
    signed_in.ok("export", world["app_ids"]["clients"], "-o", target, "--header", "label")
    with target.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == [*META[:3], "title", *META[3:], "Name", "Email", "Phone", "Address"]


def test_json_and_jsonl_hold_podios_item_json(
    signed_in: Cli, world: dict[str, Any], client: podio.Client, tmp_path: Path
) -> None:
    app_id = world["app_ids"]["projects"]
    expected = _all_items(client, app_id)
    signed_in.ok("export", app_id, "-o", tmp_path / "all.json", "--page-size", 70)
    text = (tmp_path / "all.json").read_text(encoding="utf-8")
    assert json.loads(text) == expected
    assert text.startswith("[\n{") and text.endswith("}\n]\n")
    assert len(text.splitlines()) == 302  # one item per line

    signed_in.ok("export", app_id, "-o", tmp_path / "done.jsonl", "--filter", "status=Done")
    lines = (tmp_path / "done.jsonl").read_text(encoding="utf-8").splitlines()
    done = _all_items(client, app_id, filters={"status": [4]})
    assert [json.loads(line) for line in lines] == done
    assert 0 < len(done) < 300


def test_page_size_sets_the_calls(
    signed_in: Cli, world: dict[str, Any], emulator: EmulatorHandle, tmp_path: Path
) -> None:
    before = emulator.state()["requests"]
    signed_in.ok(
        "export", world["app_ids"]["projects"], "-o", tmp_path / "p.json", "--page-size", 70
    )
    # GET /app once, then ceil(300 / 70) = 5 pages; Podio's `filtered` count ends the loop.
    assert emulator.state()["requests"] - before == 1 + 5


def test_stdout_and_an_empty_export(
    signed_in: Cli, world: dict[str, Any], client: podio.Client
) -> None:
    app_id = world["app_ids"]["clients"]
    out = signed_in.ok("export", app_id, "-o", "-", "--format", "jsonl", "-q")
    assert [json.loads(line) for line in out.stdout.splitlines()] == _all_items(client, app_id)
    assert out.stderr == ""
    none = signed_in.ok("export", app_id, "-o", "-", "--format", "json", "--filter", "name=zzz")
    assert none.stdout == "[]\n"
    empty = signed_in.ok("export", app_id, "-o", "-", "--filter", "name=zzz")
    header = [*META[:3], "title", *META[3:], "name", "email", "phone", "address"]
    assert empty.stdout.splitlines() == [",".join(header)]


def test_a_failed_export_leaves_the_old_file_alone(
    signed_in: Cli, world: dict[str, Any], emulator: EmulatorHandle, tmp_path: Path
) -> None:
    target = tmp_path / "projects.csv"
    target.write_text("the previous export\n")
    emulator.set_faults(rate=1.0, statuses=[500], path=r"^/item/app/\d+/filter/$")
    line = signed_in.fails("export", world["app_ids"]["projects"], "-o", target)
    emulator.clear_faults()
    assert line.startswith("Error: 500 server_error")
    assert target.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config", "projects.csv"]


def test_an_interrupted_export_leaves_no_partial_file(
    signed_in: Cli, world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after 150 of 300 items: no file, no temporary file."""
    from podio.cli import _export

    written: list[int] = []
    original = _export._CsvWriter.write

    def write_then_stop(self: Any, item: Any) -> None:
        if len(written) == 150:
            raise KeyboardInterrupt
        written.append(1)
        original(self, item)

    monkeypatch.setattr(_export._CsvWriter, "write", write_then_stop)
    result = signed_in("export", world["app_ids"]["projects"], "-o", tmp_path / "p.csv")
    assert result.exit_code == 1
    assert "Aborted" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config"]


def test_unknown_apps_and_bad_paths_are_one_line(signed_in: Cli, tmp_path: Path) -> None:
    line = signed_in.fails("export", 999999, "-o", tmp_path / "x.csv")
    assert line.startswith("Error: 404 not_found")
    assert not (tmp_path / "x.csv").exists()
    missing = tmp_path / "no" / "x.csv"
    assert signed_in.fails("export", 999999, "-o", missing) == (
        f"Error: cannot write {missing}: there is no folder {tmp_path / 'no'}"
    )


def test_progress_shows_on_a_terminal_only(
    signed_in: Cli, world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = world["app_ids"]["clients"]
    plain = signed_in.ok("export", app_id, "-o", tmp_path / "a.csv")
    assert "Exporting" not in plain.stderr
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    shown = signed_in.ok("export", app_id, "-o", tmp_path / "b.csv", "--page-size", 5)
    assert "Exporting Clients" in shown.stderr
    assert "12/12" in shown.stderr  # the total is known from Podio's `filtered` count
    quiet = signed_in.ok("export", app_id, "-o", tmp_path / "c.csv", "--quiet")
    assert quiet.stderr == ""
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "c.csv").read_bytes()


def test_pages_that_fail_are_read_again(
    signed_in: Cli,
    world: dict[str, Any],
    client: podio.Client,
    emulator: EmulatorHandle,
    tmp_path: Path,
) -> None:
    """The filter call only reads: a 502 or a dropped connection is retried, and every item
    arrives once."""
    app_id = world["app_ids"]["projects"]
    expected = _all_items(client, app_id)
    emulator.set_faults(
        rate=0.3, drop=0.1, statuses=[502, 503], path=r"^/item/app/\d+/filter/$", seed=3
    )
    signed_in.ok("export", app_id, "-o", tmp_path / "p.jsonl", "--page-size", 50)
    injected = emulator.state()["faults"]["injected"]
    emulator.clear_faults()
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    assert sum(injected.values()) > 0, "no fault was injected: the test proved nothing"
