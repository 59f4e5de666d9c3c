"""Files: uploads and downloads that stream, and every other call of the files area."""

from __future__ import annotations

import email.parser
import io
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import podio
from podio.models.file_attachment import MAX_UPLOAD_SIZE

from ...mock_api import MockPodio
from ...reference import sample
from ._wire import Op, arun, equals, model, models, run

FILE = {"file_id": 5, "name": "report.pdf", "mimetype": "application/pdf", "size": 3}
FILTERS = {
    "attached_to": "item",
    "created_by": "user:3",
    "filetype": "application",
    "hosted_by": "podio",
    "sort_by": "name",
    "sort_desc": True,
    "limit": 3,
    "offset": 6,
}
FILTER_QUERY = {
    "attached_to": "item",
    "created_by": "user:3",
    "filetype": "application",
    "hosted_by": "podio",
    "sort_by": "name",
    "sort_desc": "1",
    "limit": "3",
    "offset": "6",
}

CASES = [
    Op(
        podio.FileAttachment,
        "find",
        (5,),
        path="/file/5",
        answer=FILE,
        expect=model(podio.FileAttachment, FILE),
    ),
    Op(
        podio.FileAttachment,
        "find_all",
        kwargs=FILTERS,
        path="/file/",
        query=FILTER_QUERY,
        answer=[FILE],
        expect=models(podio.FileAttachment, [FILE]),
    ),
    Op(
        podio.FileAttachment,
        "find_for_app",
        (17,),
        FILTERS,
        path="/file/app/17/",
        query=FILTER_QUERY,
        answer=[FILE],
        expect=models(podio.FileAttachment, [FILE]),
    ),
    Op(
        podio.FileAttachment,
        "find_for_space",
        (4,),
        {"created_on": "2024-01-01-2024-02-01"},
        path="/file/space/4/",
        query={"created_on": "2024-01-01-2024-02-01"},
        answer=[FILE],
        expect=models(podio.FileAttachment, [FILE]),
    ),
    Op(
        podio.FileAttachment,
        "find_latest_for_app",
        (17,),
        {"limit": 5},
        path="/file/app/17/latest/",
        query={"limit": "5"},
        answer=[FILE],
        expect=models(podio.FileAttachment, [FILE]),
    ),
    Op(
        podio.FileAttachment,
        "find_latest_for_space",
        (4,),
        path="/file/space/4/latest/",
        answer=[],
        expect=models(podio.FileAttachment, []),
    ),
    Op(
        podio.FileAttachment,
        "find_for_google",
        (8,),
        {"limit": 2},
        path="/file/google/8/",
        query={"limit": "2"},
        answer=[FILE],
        expect=models(podio.FileAttachment, [FILE]),
    ),
    Op(
        podio.ExternalFile,
        "find_all_for_linked_account",
        (8,),
        path="/file/linked_account/8/",
        answer=[{"external_file_id": "abc", "name": "a.txt", "updated_on": "2024-01-02 03:04:05"}],
        expect=models(
            podio.ExternalFile,
            [{"external_file_id": "abc", "name": "a.txt", "updated_on": "2024-01-02 03:04:05"}],
        ),
    ),
    Op(
        podio.FileAttachment,
        "create_from_external_file_id",
        (8, "abc"),
        {"preserve_permissions": True},
        method="POST",
        path="/file/linked_account/8/",
        body={"external_file_id": "abc", "preserve_permissions": True},
        answer=FILE,
        expect=model(podio.FileAttachment, FILE),
    ),
    Op(
        podio.FileAttachment,
        "upload_from_url",
        ("https://example.com/a.png",),
        method="POST",
        path="/file/from_url/",
        body={"url": "https://example.com/a.png"},
        answer=FILE,
        expect=model(podio.FileAttachment, FILE),
    ),
    Op(
        podio.FileAttachment,
        "create",
        ("a.txt", "text/plain"),
        method="POST",
        path="/file/",
        body={"name": "a.txt", "mimetype": "text/plain"},
        answer={"file_id": 5, "location": "s3://..."},
        expect=equals({"file_id": 5, "location": "s3://..."}),
    ),
    Op(
        podio.FileAttachment,
        "set_available",
        (5,),
        method="POST",
        path="/file/5/available",
        expect=equals(None),
    ),
    Op(
        podio.FileAttachment,
        "attach",
        (5, "item", 42),
        {"silent": True},
        method="POST",
        path="/file/5/attach",
        query={"silent": "1"},
        body={"ref_type": "item", "ref_id": 42},
        expect=equals(None),
    ),
    Op(
        podio.FileAttachment,
        "copy",
        (5,),
        method="POST",
        path="/file/5/copy",
        answer={"file_id": 6},
        expect=model(podio.FileAttachment, {"file_id": 6}),
    ),
    Op(
        podio.FileAttachment,
        "replace",
        (5, 6),
        method="POST",
        path="/file/6/replace",
        body={"old_file_id": 5},
        expect=equals(None),
    ),
    Op(
        podio.FileAttachment,
        "update",
        (5, "Signed copy"),
        method="PUT",
        path="/file/5",
        body={"description": "Signed copy"},
        expect=equals(None),
    ),
    Op(
        podio.FileAttachment,
        "delete",
        (5,),
        method="DELETE",
        path="/file/5",
        status=204,
        expect=equals(None),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_real_file_lists_round_trip(api: MockPodio) -> None:
    body = sample("file-list-app.json")
    api.on("GET", "/file/app/17912486/", body)
    files = podio.FileAttachment.find_for_app(17912486, limit=3, sort_by="name", sort_desc=True)
    assert [f.as_json() for f in files] == body
    assert files[0].created_by is not None and files[0].created_by.name == "podiobot"
    assert files[0].created_via is not None and files[0].created_via.auth_client_id == 1
    assert files[2].hosted_by == "boxnet" and files[2].size is None
    assert files[0].replaces == [] and not files[0].is_image and files[2].is_image


def test_a_copy_names_its_original_in_external_id() -> None:
    copy = podio.FileAttachment.from_api({"file_id": 8, "external_id": "file_7"})
    assert copy.external_id == "file_7"
    assert copy.as_json() == {"file_id": 8, "external_id": "file_7"}


def test_iter_for_app_pages_until_a_short_page(api: MockPodio) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        return httpx.Response(
            200, json=[{"file_id": i} for i in range(offset, min(offset + 100, 150))]
        )

    api.on("GET", "/file/app/3/", handler=answer)
    ids = [f.file_id for f in podio.FileAttachment.iter_for_app(3, filetype="image")]
    assert ids == list(range(150))
    assert [(c.params["offset"], c.params["limit"], c.params["filetype"]) for c in api.calls] == [
        ("0", "100", "image"),
        ("100", "100", "image"),
    ]


# -- uploads ---------------------------------------------------------------------------------


def _parts(recorded: Any) -> dict[str, tuple[str | None, bytes]]:
    """The multipart body of a recorded call: name -> (filename, content)."""
    head = f"Content-Type: {recorded.headers['content-type']}\r\n\r\n".encode()
    message = email.parser.BytesParser().parsebytes(head + recorded.body)
    assert message.is_multipart()
    parts = {}
    for part in message.get_payload():
        name = part.get_param("name", header="content-disposition")
        parts[name] = (part.get_filename(), part.get_payload(decode=True))
    return parts


def _open_fds_on(path: Path) -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) == str(path):
                count += 1
        except OSError:
            continue
    return count


CONTENT = os.urandom(200_000)


def test_upload_from_a_path_streams_it_as_source_and_filename_and_closes_it(
    api: MockPodio, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(CONTENT)
    api.on("POST", "/file/v2/", {**FILE, "size": len(CONTENT)})
    uploaded = podio.FileAttachment.upload(path)
    assert type(uploaded) is podio.FileAttachment and uploaded.file_id == 5
    assert api.last.raw_path == "/file/v2/"
    assert api.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    parts = _parts(api.last)
    assert parts["source"] == ("report.pdf", CONTENT)
    assert parts["filename"] == (None, b"report.pdf")
    if Path("/proc/self/fd").is_dir():
        assert _open_fds_on(path) == 0


def test_upload_takes_bytes_with_a_filename(api: MockPodio) -> None:
    api.on("POST", "/file/v2/", FILE)
    podio.FileAttachment.upload(b"%PDF-1.4", "given.pdf")
    assert _parts(api.last) == {
        "source": ("given.pdf", b"%PDF-1.4"),
        "filename": (None, b"given.pdf"),
    }


class CountingReader(io.BytesIO):
    """A binary file that remembers how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.name = "/somewhere/stream.bin"
        self.reads: list[int | None] = []

    def read(self, size: int | None = -1) -> bytes:
        self.reads.append(size)
        return super().read(size)


def test_upload_streams_a_file_object_in_chunks_and_leaves_it_open(api: MockPodio) -> None:
    handle = CountingReader(CONTENT)
    api.on("POST", "/file/v2/", FILE)
    podio.FileAttachment.upload(handle)
    assert _parts(api.last)["source"] == ("stream.bin", CONTENT)
    assert len(handle.reads) > 2
    assert all(size is not None and 0 < size <= 64 * 1024 for size in handle.reads)
    assert not handle.closed


def test_an_upload_replayed_after_a_token_refresh_sends_the_whole_file_again(
    api: MockPodio,
) -> None:
    handle = io.BytesIO(CONTENT)
    answers = iter(
        [
            httpx.Response(
                401,
                json={
                    "error": "unauthorized",
                    "error_description": "expired_token",
                    "error_detail": None,
                    "error_parameters": {},
                    "error_propagate": False,
                },
            ),
            httpx.Response(200, json=FILE),
        ]
    )
    api.on("POST", "/file/v2/", handler=lambda request: next(answers))
    api.on(
        "POST",
        "/oauth/token",
        {
            "access_token": "fresh",
            "refresh_token": "r2",
            "expires_in": 28800,
            "token_type": "bearer",
        },
    )
    uploaded = podio.FileAttachment.upload(handle, "big.bin")
    assert uploaded.file_id == 5
    uploads = [call for call in api.calls if call.path == "/file/v2/"]
    assert len(uploads) == 2
    assert [_parts(call)["source"] for call in uploads] == [("big.bin", CONTENT)] * 2
    assert uploads[1].headers["authorization"] == "OAuth2 fresh"


async def test_async_upload_from_a_path(api: MockPodio, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello")
    api.on("POST", "/file/v2/", FILE)
    uploaded = await podio.FileAttachment.aupload(str(path), "renamed.txt")
    assert uploaded.file_id == 5
    assert _parts(api.last) == {
        "source": ("renamed.txt", b"hello"),
        "filename": (None, b"renamed.txt"),
    }


def test_bad_uploads_are_refused_before_anything_is_sent(api: MockPodio, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="filename"):
        podio.FileAttachment.upload(b"no name")
    with pytest.raises(FileNotFoundError):
        podio.FileAttachment.upload(tmp_path / "missing.pdf")
    text = tmp_path / "a.txt"
    text.write_text("x")
    with text.open("r") as handle, pytest.raises(TypeError, match="binary"):
        podio.FileAttachment.upload(handle)  # type: ignore[arg-type]
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_SIZE + 1)  # sparse: costs no disk
    with pytest.raises(ValueError, match="100 MB"):
        podio.FileAttachment.upload(huge)
    with pytest.raises(TypeError):
        podio.FileAttachment.upload(12345)  # type: ignore[arg-type]
    assert api.calls == []


# -- downloads -------------------------------------------------------------------------------


def _chunks(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def _serve(api: MockPodio, data: bytes, content_type: str = "application/pdf") -> None:
    api.on(
        "GET",
        "/file/5/raw",
        handler=lambda request: httpx.Response(
            200, headers={"content-type": content_type}, content=_chunks(data, 100_000)
        ),
    )


def test_download_streams_to_a_path_in_chunks(api: MockPodio, tmp_path: Path) -> None:
    _serve(api, CONTENT)
    target = tmp_path / "copy.pdf"
    assert podio.FileAttachment.download(5, target) == len(CONTENT)
    assert target.read_bytes() == CONTENT
    assert api.last.raw_path == "/file/5/raw" and api.last.headers["accept"] == "*/*"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf"]


def test_download_writes_chunks_into_a_file_object_as_they_arrive(api: MockPodio) -> None:
    class Recorder(io.BytesIO):
        sizes: list[int]

        def write(self, data: Any) -> int:
            self.sizes.append(len(data))
            return super().write(data)

    _serve(api, CONTENT)
    out = Recorder()
    out.sizes = []
    podio.FileAttachment.download(podio.FileAttachment(file_id=5), out)
    assert out.getvalue() == CONTENT
    assert len(out.sizes) > 2 and max(out.sizes) <= 64 * 1024


def test_download_without_destination_returns_the_exact_bytes(api: MockPodio) -> None:
    raw = b'{"spacing" :  "kept"}'  # a JSON file: returned byte for byte, not re-encoded
    _serve(api, raw, content_type="application/json")
    assert podio.FileAttachment.download(5) == raw


def test_a_failed_download_leaves_an_existing_file_untouched(
    api: MockPodio, tmp_path: Path
) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"precious")
    api.on("GET", "/file/5/raw", {"error": "not_found", "error_description": "gone"}, status=404)
    with pytest.raises(podio.NotFoundError):
        podio.FileAttachment.download(5, target)

    def torn() -> Iterator[bytes]:
        yield CONTENT[:100_000]
        raise httpx.ReadError("connection reset")

    api.on("GET", "/file/5/raw", handler=lambda request: httpx.Response(200, content=torn()))
    with pytest.raises((podio.PodioConnectionError, httpx.TransportError)):
        podio.FileAttachment.download(5, target)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf"]


async def test_async_download_to_a_path_and_to_memory(api: MockPodio, tmp_path: Path) -> None:
    async def body() -> AsyncIterator[bytes]:
        for chunk in _chunks(CONTENT, 100_000):
            yield chunk

    api.on("GET", "/file/5/raw", handler=lambda request: httpx.Response(200, content=body()))
    target = tmp_path / "a.pdf"
    assert await podio.FileAttachment.adownload(5, str(target)) == len(CONTENT)
    assert target.read_bytes() == CONTENT
    assert await podio.FileAttachment.adownload(5) == CONTENT


def test_download_uses_the_client_that_fetched_the_file(mock_podio: MockPodio) -> None:
    client = mock_podio.client()
    mock_podio.on("GET", "/file/5", FILE)
    _serve(mock_podio, b"abc")
    found = podio.FileAttachment.find(5, client=client)
    assert podio.FileAttachment.download(found) == b"abc"  # no default client is set up


def test_find_raw_returns_the_bytes(api: MockPodio) -> None:
    _serve(api, b"\x89PNG data", content_type="image/png")
    assert podio.FileAttachment.find_raw(5, max_size=200) == b"\x89PNG data"
    assert api.last.params == {"max_size": "200"}


@pytest.mark.parametrize(
    "raw",
    [b'{"spacing" :  "kept", "order": [2, 1]}\n', b"{ not json at all"],
    ids=["json", "broken-json"],
)
async def test_find_raw_and_raw_data_give_a_json_file_byte_for_byte(
    api: MockPodio, raw: bytes
) -> None:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/json"}, content=raw)

    api.on("GET", "/file/5/raw", handler=serve)
    api.on("GET", "/5", handler=serve)
    assert podio.FileAttachment.find_raw(5) == raw
    assert await podio.FileAttachment.afind_raw(5) == raw
    linked = podio.FileAttachment(file_id=5, link="https://files.podio.com/5")
    assert linked.raw_data() == raw
    assert await linked.araw_data() == raw


def test_links_are_fetched_with_the_token_only_on_podios_hosts(api: MockPodio) -> None:
    api.on("GET", "/5/medium", handler=lambda request: httpx.Response(200, content=b"img"))
    file = podio.FileAttachment(file_id=5, link="https://files.podio.com/5")
    assert file.raw_data("medium") == b"img"
    assert str(api.last.headers.get("authorization", "")).startswith("OAuth2 ")
    assert api.last.raw_path == "/5/medium"

    api.on("GET", "/s/abc", handler=lambda request: httpx.Response(200, content=b"box"))
    boxed = podio.FileAttachment(file_id=6, link="https://app.box.com/s/abc")
    assert boxed.raw_data() == b"box"
    assert "authorization" not in api.last.headers
    with pytest.raises(ValueError, match="link"):
        podio.FileAttachment.find_raw_from_link("/relative/path")


def test_bad_destinations_are_refused_before_the_call(api: MockPodio, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="folder"):
        podio.FileAttachment.download(5, tmp_path)
    with pytest.raises(FileNotFoundError):
        podio.FileAttachment.download(5, tmp_path / "no" / "such" / "folder.pdf")
    with pytest.raises(TypeError, match="binary"):
        podio.FileAttachment.download(5, io.StringIO())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="file_id"):
        podio.FileAttachment.download(podio.FileAttachment(name="unsaved.pdf"))
    assert api.calls == []
    assert list(tmp_path.iterdir()) == []


def test_a_downloaded_file_gets_the_usual_permissions(api: MockPodio, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    _serve(api, b"data")
    target = tmp_path / "out.bin"
    podio.FileAttachment.download(5, target)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
