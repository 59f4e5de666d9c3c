"""Files through `podio.FileAttachment`: uploads from bytes, paths and file objects, downloads
byte for byte, attaching, copying, replacing, deleting, the lists, and what is refused."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace

OtherUser = Callable[[str], tuple[podio.Client, int]]
MB = 1024 * 1024


def _payload(size: int, seed: bytes = b"podio") -> bytes:
    """`size` bytes that differ everywhere (a shifted or truncated copy would not match)."""
    block = b"".join(hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(2048))
    return (block * (size // len(block) + 1))[:size]


def test_upload_from_bytes_a_path_and_a_file_object(tmp_path: Path, client: podio.Client) -> None:
    from_bytes = podio.FileAttachment.upload(b"plain text\n", "notes.txt")
    assert isinstance(from_bytes, podio.FileAttachment)
    assert from_bytes.file_id is not None
    assert (from_bytes.name, from_bytes.mimetype, from_bytes.size) == (
        "notes.txt",
        "text/plain",
        11,
    )

    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n" + _payload(3000))
    from_path = podio.FileAttachment.upload(path)
    assert (from_path.name, from_path.mimetype, from_path.size) == (
        "report.pdf",
        "application/pdf",
        3009,
    )

    image = tmp_path / "logo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + _payload(500))
    with image.open("rb") as handle:
        handle.read(4)  # a file object is sent whole, from its start
        from_object = podio.FileAttachment.upload(handle)
        assert not handle.closed  # left open for the caller
    assert (from_object.name, from_object.mimetype, from_object.size) == (
        "logo.png",
        "image/png",
        508,
    )
    assert from_object.is_image
    assert from_object.has_thumbnail

    renamed = podio.FileAttachment.upload(io.BytesIO(b"a,b\n1,2\n"), "table.csv")
    assert (renamed.name, renamed.mimetype) == ("table.csv", "text/csv")
    document = b'{"b" :  2,\n "a": ["\\u00e9"]}\n'  # served as JSON, must not be re-encoded
    as_json = podio.FileAttachment.upload(document, "data.json")
    assert as_json.mimetype == "application/json"

    for uploaded, content in [
        (from_bytes, b"plain text\n"),
        (from_path, path.read_bytes()),
        (from_object, image.read_bytes()),
        (renamed, b"a,b\n1,2\n"),
        (as_json, document),
    ]:
        assert podio.FileAttachment.download(uploaded) == content
        assert uploaded.file_id is not None
        assert podio.FileAttachment.find_raw(uploaded.file_id) == content
        assert uploaded.raw_data() == content  # through the file's link

    with pytest.raises(ValueError, match="filename"):
        podio.FileAttachment.upload(b"no name")
    with pytest.raises(TypeError, match="binary"):
        podio.FileAttachment.upload(io.StringIO("text mode"), "a.txt")


def test_a_multi_megabyte_file_round_trips_byte_for_byte(
    tmp_path: Path, client: podio.Client
) -> None:
    content = _payload(6 * MB + 123)
    source = tmp_path / "big.bin.zip"
    source.write_bytes(content)
    uploaded = podio.FileAttachment.upload(source)
    assert uploaded.size == len(content)
    assert uploaded.mimetype == "application/zip"

    target = tmp_path / "copy" / "big.zip"
    target.parent.mkdir()
    target.write_bytes(b"old content that must be replaced whole")
    written = podio.FileAttachment.download(uploaded, target)
    assert written == len(content)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(content).digest()
    assert sorted(os.listdir(target.parent)) == ["big.zip"]  # no temporary file left behind

    sink = io.BytesIO()
    assert podio.FileAttachment.download(uploaded.file_id, sink) == len(content)
    assert sink.getvalue() == content
    assert uploaded.raw_data() == content  # through the file's link


def test_attach_copy_replace_delete_and_the_lists(
    app: podio.Application, workspace: Workspace, other_user: OtherUser
) -> None:
    assert app.app_id is not None
    spec = podio.FileAttachment.upload(b"version 1", "spec.txt")
    extra = podio.FileAttachment.upload(b"extra", "extra.txt")
    assert spec.file_id is not None and extra.file_id is not None
    item = podio.Item.create(app.app_id, fields={"title": "Carrier"}, file_ids=[spec.file_id])
    assert item.item_id is not None
    other = podio.Item.create(app.app_id, fields={"title": "Other"})
    assert other.item_id is not None

    # A temporary upload is its uploader's only; attached, the item's readers see it.
    fry, fry_id = other_user("fry@example.com")
    with pytest.raises(podio.ForbiddenError):
        podio.FileAttachment.find(extra.file_id, client=fry)
    podio.FileAttachment.attach(extra.file_id, "item", item.item_id)
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [fry_id]})
    assert podio.FileAttachment.find(extra.file_id, client=fry).name == "extra.txt"
    assert podio.FileAttachment.download(extra.file_id, client=fry) == b"extra"

    shown = podio.Item.find(item.item_id)
    assert sorted(f["name"] for f in shown.files or []) == ["extra.txt", "spec.txt"]
    assert podio.Item.find_by_filter_values(app.app_id, {"title": "carrier"}).all[0].file_count == 2

    with pytest.raises(podio.BadRequestError, match="copy it first"):
        podio.FileAttachment.attach(spec.file_id, "item", other.item_id)
    copy = podio.FileAttachment.copy(spec.file_id)
    assert copy.file_id is not None and copy.file_id != spec.file_id
    assert podio.FileAttachment.find(copy.file_id).external_id == f"file_{spec.file_id}"
    podio.FileAttachment.attach(copy.file_id, "item", other.item_id)
    assert [f["file_id"] for f in podio.Item.find(other.item_id).files or []] == [copy.file_id]
    assert podio.FileAttachment.download(copy.file_id) == b"version 1"

    newer = podio.FileAttachment.upload(b"version 2", "spec-v2.txt")
    assert newer.file_id is not None
    podio.FileAttachment.replace(spec.file_id, newer.file_id)
    files = {f["name"] for f in podio.Item.find(item.item_id).files or []}
    assert files == {"extra.txt", "spec-v2.txt"}
    replacing = podio.FileAttachment.find(newer.file_id)
    assert [old.file_id for old in replacing.replaces or []] == [spec.file_id]
    assert podio.FileAttachment.download(spec.file_id) == b"version 1"  # stays readable

    podio.FileAttachment.update(newer.file_id, "The current spec")
    assert podio.FileAttachment.find(newer.file_id).description == "The current spec"

    on_app = podio.FileAttachment.find_for_app(app.app_id, sort_by="name", sort_desc=False)
    # The replaced file left its item; the "spec.txt" listed is the copy on the other item.
    assert [(f.name, f.file_id) for f in on_app] == [
        ("extra.txt", extra.file_id),
        ("spec-v2.txt", newer.file_id),
        ("spec.txt", copy.file_id),
    ]
    assert on_app[0].context is not None
    assert on_app[0].context["type"] == "item"
    notice = podio.FileAttachment.upload(b"read me", "notice.txt")
    podio.Status.create(workspace.space_id, {"value": "Files", "file_ids": [notice.file_id]})
    in_space = podio.FileAttachment.find_for_space(
        workspace.space_id, sort_by="name", sort_desc=False
    )
    assert [f.name for f in in_space] == [
        "extra.txt",
        "notice.txt",
        "spec-v2.txt",
        "spec.txt",
    ]
    only_statuses = podio.FileAttachment.find_for_space(workspace.space_id, attached_to="status")
    assert [f.name for f in only_statuses] == ["notice.txt"]
    assert len(podio.FileAttachment.find_for_space(workspace.space_id, limit=2)) == 2
    newest_first = [f.name for f in podio.FileAttachment.iter_for_space(workspace.space_id)]
    assert newest_first[0] == "notice.txt"
    assert sorted(newest_first) == [f.name for f in in_space]

    podio.FileAttachment.delete(extra.file_id)
    with pytest.raises(podio.GoneError):
        podio.FileAttachment.find(extra.file_id)
    assert {f["name"] for f in podio.Item.find(item.item_id).files or []} == {"spec-v2.txt"}


def test_what_is_refused_stores_nothing(
    emulator: EmulatorHandle, tmp_path: Path, client: podio.Client
) -> None:
    before = emulator.state()["objects"].get("file", 0)
    with pytest.raises(podio.BadRequestError) as caught:
        podio.FileAttachment.upload(b"MZ\x90\x00", "setup.exe")
    assert caught.value.code == "invalid_value"
    assert "application/x-msdownload" in caught.value.message
    assert "may not be uploaded" in caught.value.message

    # Over 100 MB: refused before a byte is sent, from a path and from bytes...
    huge = tmp_path / "huge.bin.zip"
    with huge.open("wb") as handle:
        handle.truncate(100 * MB + 1)
    requests = emulator.state()["requests"]
    with pytest.raises(ValueError, match="100 MB"):
        podio.FileAttachment.upload(huge)
    assert emulator.state()["requests"] == requests

    # ... and by Podio when the size cannot be known beforehand (a stream).
    class Stream(io.RawIOBase):
        """101 MiB + 1 byte of zeros that cannot be measured before reading."""

        name = "stream.zip"

        def __init__(self) -> None:
            self.left = 100 * MB + 1

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:
            size = min(len(buffer), self.left)
            buffer[:size] = bytes(size)
            self.left -= size
            return size

    with pytest.raises(podio.BadRequestError) as too_big:
        podio.FileAttachment.upload(io.BufferedReader(Stream(), 1 * MB))
    assert "104857600" in too_big.value.message
    assert emulator.state()["objects"].get("file", 0) == before


# -- async twins ---------------------------------------------------------------------------------


async def test_async_upload_download_attach_and_delete(
    app: podio.Application, tmp_path: Path, client: podio.Client
) -> None:
    assert app.app_id is not None
    content = _payload(2 * MB + 7, b"async")
    uploaded = await podio.FileAttachment.aupload(content, "async.bin.zip")
    assert uploaded.file_id is not None and uploaded.size == len(content)
    item = await podio.Item.acreate(app.app_id, fields={"title": "Async files"})
    assert item.item_id is not None
    await podio.FileAttachment.aattach(uploaded.file_id, "item", item.item_id)
    found = await podio.Item.afind(item.item_id)
    assert [f["file_id"] for f in found.files or []] == [uploaded.file_id]
    assert await podio.FileAttachment.adownload(uploaded) == content
    target = tmp_path / "async.zip"
    assert await podio.FileAttachment.adownload(uploaded, target) == len(content)
    assert target.read_bytes() == content
    listed = await podio.FileAttachment.afind_for_app(app.app_id)
    assert [f.file_id for f in listed] == [uploaded.file_id]
    await podio.FileAttachment.adelete(uploaded.file_id)
    with pytest.raises(podio.GoneError):
        await podio.FileAttachment.afind(uploaded.file_id)
    await client.aclose()
