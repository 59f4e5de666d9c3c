"""podio upload and podio download: byte for byte, attached where asked, never half a file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Cli


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    """Three MB of bytes that are not text: every byte value, each 256-byte block shifted."""
    path = tmp_path / "report.pdf"
    block = bytes(range(256))
    path.write_bytes(b"".join(block[n % 256 :] + block[: n % 256] for n in range(12 * 1024)))
    return path


def test_upload_then_download_byte_for_byte(
    signed_in: Cli, payload: Path, tmp_path: Path, client: podio.Client
) -> None:
    uploaded = signed_in.ok("upload", payload)
    file_id = int(uploaded.stdout)
    assert uploaded.stderr == f"Uploaded report.pdf ({3 * 1024 * 1024} bytes) as file {file_id}\n"
    found = podio.FileAttachment.find(file_id, client=client)
    assert (found.name, found.size) == ("report.pdf", 3 * 1024 * 1024)

    target = tmp_path / "copy.pdf"
    result = signed_in.ok("download", file_id, "-o", target)
    assert result.stderr == f"Saved {3 * 1024 * 1024} bytes to {target}\n"
    assert target.read_bytes() == payload.read_bytes()

    folder = tmp_path / "downloads"
    folder.mkdir()
    signed_in.ok("download", file_id, "-o", folder, "-q")
    assert (folder / "report.pdf").read_bytes() == payload.read_bytes()

    piped = signed_in.ok("download", file_id, "-o", "-")
    assert piped.stdout_bytes == payload.read_bytes()


def test_download_defaults_to_the_files_name_here(
    signed_in: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("hello\n")
    file_id = int(signed_in.ok("upload", source, "--name", "renamed.txt").stdout)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    signed_in.ok("download", file_id)
    assert (here / "renamed.txt").read_text() == "hello\n"


def test_upload_and_attach_to_an_item(
    signed_in: Cli, world: dict[str, Any], payload: Path, client: podio.Client
) -> None:
    item_id = world["item_ids"]["projects"][3]
    result = signed_in.ok("upload", payload, "--attach", f"item:{item_id}", "--json")
    uploaded = json.loads(result.stdout)
    assert uploaded["name"] == "report.pdf"
    assert result.stderr == ""  # JSON only
    files = podio.Item.find(item_id, client=client).files or []
    assert uploaded["file_id"] in [file["file_id"] for file in files]


def test_a_bad_attach_target_sends_nothing(
    signed_in: Cli, payload: Path, emulator: EmulatorHandle
) -> None:
    before = emulator.state()["objects"].get("files", 0)
    result = signed_in("upload", payload, "--attach", "item")
    assert result.exit_code == 2
    assert "is not TYPE:ID" in result.stderr
    assert emulator.state()["objects"].get("files", 0) == before


def test_a_failed_download_leaves_nothing_behind(
    signed_in: Cli, payload: Path, tmp_path: Path, emulator: EmulatorHandle
) -> None:
    file_id = int(signed_in.ok("upload", payload).stdout)
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"what was there")
    emulator.set_faults(rate=1.0, statuses=[500], path=r"^/file/\d+/raw$")
    line = signed_in.fails("download", file_id, "-o", target)
    emulator.clear_faults()
    assert line.startswith("Error: 500 server_error")
    assert target.read_bytes() == b"what was there"
    assert sorted(os.listdir(tmp_path)) == ["config", "keep.pdf", "report.pdf"]

    assert signed_in.fails("download", 999999999999, "-o", target).startswith(
        "Error: 404 not_found"
    )
    elsewhere = tmp_path / "missing" / "x.pdf"
    assert signed_in.fails("download", file_id, "-o", elsewhere) == (
        f"Error: cannot write {elsewhere}: there is no folder {tmp_path / 'missing'}"
    )


def test_upload_refuses_blocked_types_in_one_line(signed_in: Cli, tmp_path: Path) -> None:
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    assert signed_in.fails("upload", program).startswith("Error: 400 invalid_value")


def test_transfers_show_progress_on_a_terminal(
    signed_in: Cli, payload: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    uploaded = signed_in.ok("upload", payload)
    assert "Uploading report.pdf" in uploaded.stderr
    assert "3.1/3.1 MB" in uploaded.stderr
    file_id = int(uploaded.stdout)
    downloaded = signed_in.ok("download", file_id, "-o", tmp_path / "x.pdf")
    assert "Downloading report.pdf" in downloaded.stderr
    assert "3.1/3.1 MB" in downloaded.stderr
    assert (tmp_path / "x.pdf").read_bytes() == payload.read_bytes()


@pytest.mark.parametrize(
    ("name", "local"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\notes.txt", "notes.txt"),
        ("..", "file-7"),
        ("", "file-7"),
        (None, "file-7"),
    ],
)
def test_a_files_name_never_leaves_the_folder(name: str | None, local: str) -> None:
    from podio.cli._files import _local_name

    assert _local_name(name, 7) == local
