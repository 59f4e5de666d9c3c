"""Files: uploaded once, then attached to items, tasks, comments, statuses or spaces (files.md).

Uploads stream from a path, bytes or an open binary file; downloads stream to a path or a
binary file, so neither ever needs the whole file in memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, overload
from urllib.parse import quote

from typing_extensions import Self

from .._client import format_path
from .._context import get_client
from .._response import Response
from ._base import DateTime, Model
from ._operation import (
    Call,
    ClientArg,
    Paging,
    as_none,
    as_raw,
    member,
    members,
    paged,
    returns,
)
from .by_line import ByLine
from .via import Via

if TYPE_CHECKING:
    from .comment import Comment

__all__ = ["FileAttachment"]

_DOC = "https://developers.podio.com/doc/files"

#: Podio refuses files above 100 MB (limits.md §3); checked before a byte is sent. Taken as
#: MiB, the larger reading, so that nothing Podio would accept is refused here.
MAX_UPLOAD_SIZE = 100 * 1024 * 1024
#: podio-rb gives uploads 1200 s: Podio answers only once a large file is stored.
UPLOAD_TIMEOUT = 1200.0
#: Pages of file lists: Podio's default is 20 (podio-dotnet); the maximum is not documented,
#: 100 is what its other lists accept.
FILE_PAGE_SIZE = 100
_CHUNK = 64 * 1024
# Downloads are not JSON: podio-php and podio-dotnet ask for anything.
_RAW = {"Accept": "*/*"}
_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp"})

#: What `FileAttachment.upload` takes: a path, the bytes, or a file opened in binary mode.
UploadSource = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]
#: Where `FileAttachment.download` writes: a path, or a file opened for binary writing.
Destination = str | os.PathLike[str] | IO[bytes]


def _as_bytes(response: Response) -> bytes:
    """The body of a download, exactly as it came (its call says ``decode=False``, so a file
    Podio labels as JSON is neither parsed nor re-encoded)."""
    body = response.body
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode()
    return json.dumps(body, ensure_ascii=False).encode()  # a parsed body: only if decoded


def _file_id(file: int | FileAttachment) -> int:
    if isinstance(file, FileAttachment):
        if file.file_id is None:
            raise ValueError("this FileAttachment has no file_id: fetch or upload it first")
        return file.file_id
    if isinstance(file, bool) or not isinstance(file, int):
        raise TypeError(f"expected a file id or a FileAttachment, not {type(file).__name__}")
    return file


class FileAttachment(Model):
    """A file (files.md §1, samples/file-list-app.json).

    ``FileAttachment.upload("report.pdf")`` uploads, ``FileAttachment.download(file, "copy.pdf")``
    downloads; `attach` links an uploaded file to an object.
    """

    _id_field = "file_id"

    file_id: int | None = None
    name: str | None = None
    description: str | None = None
    mimetype: str | None = None
    size: int | None = None
    link: str | None = None
    link_target: str | None = None
    perma_link: str | None = None
    thumbnail_link: str | None = None
    hosted_by: str | None = None
    hosted_by_humanized_name: str | None = None
    external_file_id: str | None = None
    #: ``file_<id>`` on a copy of file <id> (files.md §3).
    external_id: str | None = None
    context: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    rights: list[str] | None = None
    replaces: list[FileAttachment] | None = None
    comments: list[Comment] | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None
    is_liked: bool | None = None
    like_count: int | None = None
    pinned: bool | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None

    @property
    def has_thumbnail(self) -> bool:
        """True when Podio offers a thumbnail of the file."""
        return bool(self.thumbnail_link)

    @property
    def is_image(self) -> bool:
        """True for the image types Podio renders inline (png, jpeg, gif, bmp)."""
        return self.mimetype in _IMAGE_TYPES

    # -- reading ---------------------------------------------------------------------------

    @member("GET", "/file/{file_id}", doc=f"{_DOC}/get-file-22451")
    def find(cls, file_id: int, *, client: ClientArg = None) -> Call:
        """One file's details (not its content: see `download`)."""
        return Call(path={"file_id": file_id})

    afind = find.twin()

    @members("GET", "/file/", doc=f"{_DOC}/get-files-4497983")
    def find_all(
        cls,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Every file the user can see, filtered and sorted.

        `attached_to` is ``item``, ``status``, ``task`` or ``space``; `filetype` ``image``,
        ``application``, ``video``, ``text`` or ``audio``; `hosted_by` ``podio``, ``google``,
        ``boxnet``, ``dropbox``...; `created_by` and `created_on` take the filter syntax of views
        (``user:12``, ``2024-01-01-2024-02-01``); `sort_by` is ``name`` or ``created_on``.
        Podio returns 20 files unless `limit` says otherwise.
        """
        return Call(
            params=_list_params(
                attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
            )
            | {"limit": limit, "offset": offset}
        )

    afind_all = find_all.twin()

    @paged("GET", "/file/", doc=f"{_DOC}/get-files-4497983")
    def iter_all(
        cls,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every file `find_all` would list, fetched page by page (``for``/``async for``).

        `limit` caps the number of files yielded in all.
        """
        params = _list_params(
            attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
        )
        return Paging(
            call=lambda offset, size: Call(params=params | {"limit": size, "offset": offset}),
            page_size=FILE_PAGE_SIZE,
            limit=limit,
        )

    @members("GET", "/file/app/{app_id}/", doc=f"{_DOC}/get-files-on-app-22472")
    def find_for_app(
        cls,
        app_id: int,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The files on an app's items, their comments included; filters as in `find_all`."""
        return Call(
            path={"app_id": app_id},
            params=_list_params(
                attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
            )
            | {"limit": limit, "offset": offset},
        )

    afind_for_app = find_for_app.twin()

    @paged("GET", "/file/app/{app_id}/", doc=f"{_DOC}/get-files-on-app-22472")
    def iter_for_app(
        cls,
        app_id: int,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every file `find_for_app` would list, page by page; `limit` caps the total."""
        params = _list_params(
            attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
        )
        return Paging(
            call=lambda offset, size: Call(
                path={"app_id": app_id}, params=params | {"limit": size, "offset": offset}
            ),
            page_size=FILE_PAGE_SIZE,
            limit=limit,
        )

    @members("GET", "/file/space/{space_id}/", doc=f"{_DOC}/get-files-on-space-22471")
    def find_for_space(
        cls,
        space_id: int,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The files in a space; filters as in `find_all`."""
        return Call(
            path={"space_id": space_id},
            params=_list_params(
                attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
            )
            | {"limit": limit, "offset": offset},
        )

    afind_for_space = find_for_space.twin()

    @paged("GET", "/file/space/{space_id}/", doc=f"{_DOC}/get-files-on-space-22471")
    def iter_for_space(
        cls,
        space_id: int,
        *,
        attached_to: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        filetype: str | None = None,
        hosted_by: str | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every file `find_for_space` would list, page by page; `limit` caps the total."""
        params = _list_params(
            attached_to, created_by, created_on, filetype, hosted_by, sort_by, sort_desc
        )
        return Paging(
            call=lambda offset, size: Call(
                path={"space_id": space_id}, params=params | {"limit": size, "offset": offset}
            ),
            page_size=FILE_PAGE_SIZE,
            limit=limit,
        )

    @members("GET", "/file/app/{app_id}/latest/", doc=f"{_DOC}/get-latest-files-on-app-22473")
    def find_latest_for_app(
        cls, app_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The files most recently added to an app."""
        return Call(path={"app_id": app_id}, params={"limit": limit})

    afind_latest_for_app = find_latest_for_app.twin()

    @members("GET", "/file/space/{space_id}/latest/", doc=f"{_DOC}/get-latest-files-on-space-22470")
    def find_latest_for_space(
        cls, space_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The files most recently added to a space."""
        return Call(path={"space_id": space_id}, params={"limit": limit})

    afind_latest_for_space = find_latest_for_space.twin()

    @members("GET", "/file/google/{linked_account_id}/")
    def find_for_google(
        cls,
        linked_account_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The Google Drive files of a linked account, as Podio files."""
        return Call(
            path={"linked_account_id": linked_account_id},
            params={"limit": limit, "offset": offset},
        )

    afind_for_google = find_for_google.twin()

    # -- uploading ---------------------------------------------------------------------------

    @member("POST", "/file/v2/", doc=f"{_DOC}/upload-file-1004361")
    def upload_content(
        cls,
        content: bytes | IO[bytes],
        filename: str,
        *,
        mimetype: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Upload bytes or an open binary file under `filename`; returns the new file.

        Sent as multipart ``source`` (the content) and ``filename`` (files.md §2), read from
        the file object in chunks as the request goes out. A seekable file is sent from its
        start (httpx rewinds it), and again whole if the call is replayed after a token
        refresh; an unseekable stream (a pipe) cannot be replayed. Most callers want `upload`,
        which also takes a path.
        """
        if not isinstance(filename, str) or not filename.strip():
            raise ValueError("filename must be a non-empty string such as 'report.pdf'")
        source: Any = (filename, content) if mimetype is None else (filename, content, mimetype)
        return Call(data={"filename": filename}, files={"source": source}, timeout=UPLOAD_TIMEOUT)

    aupload_content = upload_content.twin()

    @classmethod
    def upload(
        cls, source: UploadSource, filename: str | None = None, *, client: ClientArg = None
    ) -> Self:
        """Upload a file and return it, ready to be attached or referenced by ``file_ids``.

        `source` is a path (opened, streamed and closed here), bytes, or a file opened in
        binary mode (streamed whole, from its start, and left open). `filename` defaults
        to the path's or the file object's name; bytes need one. Files over 100 MB are refused
        before anything is sent, as Podio would refuse them after the whole upload.
        """
        with _opened(source, filename) as (content, name):
            return cls.upload_content(content, name, client=client)

    @classmethod
    async def aupload(
        cls, source: UploadSource, filename: str | None = None, *, client: ClientArg = None
    ) -> Self:
        """Async twin of `upload`."""
        with _opened(source, filename) as (content, name):
            return await cls.aupload_content(content, name, client=client)

    @member("POST", "/file/from_url/")
    def upload_from_url(cls, url: str, *, client: ClientArg = None) -> Call:
        """Have Podio fetch a file from a public URL and store it; returns the new file."""
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValueError("url must be an http(s) URL")
        return Call(json={"url": url})

    aupload_from_url = upload_from_url.twin()

    @member("POST", "/file/linked_account/{linked_account_id}/")
    def create_from_external_file_id(
        cls,
        linked_account_id: int,
        external_file_id: str,
        *,
        preserve_permissions: bool = False,
        silent: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Make a Podio file of a file in a linked account (Box, Google Drive, ShareFile...)."""
        return Call(
            path={"linked_account_id": linked_account_id},
            params={"silent": silent},
            json={
                "external_file_id": external_file_id,
                "preserve_permissions": preserve_permissions,
            },
        )

    acreate_from_external_file_id = create_from_external_file_id.twin()

    @returns(as_raw, "POST", "/file/", doc=f"{_DOC}/upload-file-1004361")
    def create(cls, name: str, mimetype: str, *, client: ClientArg = None) -> Call:
        """Obsolete first step of the two-step upload: register a file by name and MIME type.

        Returns Podio's answer (the new file id and where to put the bytes); finish with
        `set_available`. Use `upload` instead; this exists for code ported from the gem.
        """
        return Call(json={"name": name, "mimetype": mimetype})

    acreate = create.twin()

    @returns(as_none, "POST", "/file/{file_id}/available")
    def set_available(cls, file_id: int, *, client: ClientArg = None) -> Call:
        """Obsolete second step of the two-step upload: mark the file's bytes as in place."""
        return Call(path={"file_id": file_id})

    aset_available = set_available.twin()

    # -- downloading -----------------------------------------------------------------------------

    @returns(_as_bytes, "GET", "/file/{file_id}/raw", doc=f"{_DOC}/download-file-1004147")
    def find_raw(
        cls, file_id: int, *, max_size: int | None = None, client: ClientArg = None
    ) -> Call:
        """A file's content, byte for byte, read into memory (`max_size` asks Podio for a
        smaller image). For large files use `download`, which streams."""
        return Call(
            path={"file_id": file_id}, params={"max_size": max_size}, headers=_RAW, decode=False
        )

    afind_raw = find_raw.twin()

    @returns(_as_bytes, "GET", "{link}", doc="https://developers.podio.com/examples/files")
    def find_raw_from_link(
        cls, link: str, *, size: str | None = None, client: ClientArg = None
    ) -> Call:
        """The content behind a file's `link` (``https://files.podio.com/{file_id}``).

        `size` picks an image variant (``medium``, ``badge``, ``large``...: files.md §4). Only
        Podio's own hosts are sent the token, so links of files hosted elsewhere (Box...)
        are fetched without it.
        """
        if not isinstance(link, str) or not link.startswith(("http://", "https://")):
            raise ValueError("link must be the absolute URL of a file, as its `link` holds")
        url = link.rstrip("/")
        if size is not None:
            if not isinstance(size, str) or not size:
                raise ValueError("size must be an image size name such as 'medium'")
            url = f"{url}/{quote(size, safe='')}"
        return Call(url=url, headers=_RAW, decode=False)

    afind_raw_from_link = find_raw_from_link.twin()

    def raw_data(self, size: str | None = None, *, client: ClientArg = None) -> bytes:
        """This file's content from its `link`, as the gem's ``raw_data`` (see `download`)."""
        if not self.link:
            raise ValueError("this FileAttachment has no link: fetch it first")
        return type(self).find_raw_from_link(self.link, size=size, client=client or self._client)

    async def araw_data(self, size: str | None = None, *, client: ClientArg = None) -> bytes:
        """Async twin of `raw_data`."""
        if not self.link:
            raise ValueError("this FileAttachment has no link: fetch it first")
        return await type(self).afind_raw_from_link(
            self.link, size=size, client=client or self._client
        )

    @overload
    @classmethod
    def download(
        cls, file: int | FileAttachment, destination: None = None, *, client: ClientArg = None
    ) -> bytes: ...
    @overload
    @classmethod
    def download(
        cls, file: int | FileAttachment, destination: Destination, *, client: ClientArg = None
    ) -> int: ...
    @classmethod
    def download(
        cls,
        file: int | FileAttachment,
        destination: Destination | None = None,
        *,
        client: ClientArg = None,
    ) -> bytes | int:
        """Stream a file's content (``GET /file/{file_id}/raw``) to `destination`.

        `destination` is a path or a file opened for binary writing; the number of bytes
        written is returned. A path is written through a temporary file beside it and renamed
        into place once the download is complete, so a failed download never leaves half a
        file or clobbers what was there. Without a destination the content is returned as
        bytes (for small files). Chunks are written as they arrive.
        """
        connection = get_client(_client_of(file, client)).connection
        path = format_path("/file/{file_id}/raw", file_id=_file_id(file))
        if destination is None:
            with connection.stream("GET", path, headers=_RAW) as response:
                return b"".join(response.iter_bytes(_CHUNK))
        # The destination is checked (and its temporary file made) before the call is sent.
        with _sink(destination) as write, connection.stream("GET", path, headers=_RAW) as answer:
            written = 0
            for chunk in answer.iter_bytes(_CHUNK):
                write(chunk)
                written += len(chunk)
            return written

    @overload
    @classmethod
    async def adownload(
        cls, file: int | FileAttachment, destination: None = None, *, client: ClientArg = None
    ) -> bytes: ...
    @overload
    @classmethod
    async def adownload(
        cls, file: int | FileAttachment, destination: Destination, *, client: ClientArg = None
    ) -> int: ...
    @classmethod
    async def adownload(
        cls,
        file: int | FileAttachment,
        destination: Destination | None = None,
        *,
        client: ClientArg = None,
    ) -> bytes | int:
        """Async twin of `download`."""
        connection = get_client(_client_of(file, client)).connection
        path = format_path("/file/{file_id}/raw", file_id=_file_id(file))
        if destination is None:
            async with connection.astream("GET", path, headers=_RAW) as response:
                return b"".join([chunk async for chunk in response.aiter_bytes(_CHUNK)])
        with _sink(destination) as write:
            async with connection.astream("GET", path, headers=_RAW) as answer:
                written = 0
                async for chunk in answer.aiter_bytes(_CHUNK):
                    write(chunk)
                    written += len(chunk)
                return written

    # -- changing -----------------------------------------------------------------------------

    @returns(as_none, "POST", "/file/{file_id}/attach", doc=f"{_DOC}/attach-file-22518")
    def attach(
        cls,
        file_id: int,
        ref_type: str,
        ref_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Attach an uploaded file to an ``item``, ``status``, ``comment``, ``space``, ``task``."""
        return Call(
            path={"file_id": file_id},
            params={"silent": silent, "hook": hook},
            json={"ref_type": ref_type, "ref_id": ref_id},
        )

    aattach = attach.twin()

    @member("POST", "/file/{file_id}/copy", doc=f"{_DOC}/copy-file-89977")
    def copy(cls, file_id: int, *, client: ClientArg = None) -> Call:  # type: ignore[override]
        """Copy a file so it can be attached elsewhere; returns the copy (its new `file_id`).

        Podio gives the copy the external id ``file_<old id>`` (files.md §3).
        """
        return Call(path={"file_id": file_id})

    acopy = copy.twin()

    @returns(as_raw, "POST", "/file/{file_id}/replace", doc=f"{_DOC}/replace-file-22450")
    def replace(cls, old_file_id: int, new_file_id: int, *, client: ClientArg = None) -> Call:
        """Make `new_file_id` the newer version of `old_file_id` (attachments only).

        The arguments come in the gem's order: the file being replaced first.
        """
        return Call(path={"file_id": new_file_id}, json={"old_file_id": old_file_id})

    areplace = replace.twin()

    @returns(as_raw, "PUT", "/file/{file_id}", doc=f"{_DOC}/update-file-22454")
    def update(cls, file_id: int, description: str | None, *, client: ClientArg = None) -> Call:
        """Change a file's description (``None`` clears it)."""
        return Call(path={"file_id": file_id}, json={"description": description})

    aupdate = update.twin()

    @returns(as_none, "DELETE", "/file/{file_id}", doc=f"{_DOC}/delete-file-22453")
    def delete(cls, file_id: int, *, client: ClientArg = None) -> Call:
        """Delete a file, and remove it from everything it is attached to."""
        return Call(path={"file_id": file_id})

    adelete = delete.twin()


def _list_params(
    attached_to: str | None,
    created_by: str | None,
    created_on: str | None,
    filetype: str | None,
    hosted_by: str | None,
    sort_by: str | None,
    sort_desc: bool | None,
) -> dict[str, Any]:
    return {
        "attached_to": attached_to,
        "created_by": created_by,
        "created_on": created_on,
        "filetype": filetype,
        "hosted_by": hosted_by,
        "sort_by": sort_by,
        "sort_desc": sort_desc,
    }


def _client_of(file: int | FileAttachment, client: ClientArg) -> ClientArg:
    if client is None and isinstance(file, FileAttachment):
        return file._client
    return client


@contextlib.contextmanager
def _opened(source: UploadSource, filename: str | None) -> Iterator[tuple[Any, str]]:
    """The content to send and its name; a path is opened here and closed afterwards."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        size = os.stat(path).st_size  # a missing file fails here, before any request
        _check_size(size, path)
        with open(path, "rb") as handle:
            yield handle, filename or os.path.basename(path)
        return
    if isinstance(source, (bytes, bytearray, memoryview)):
        if not filename:
            raise ValueError("filename is required when uploading bytes")
        data = bytes(source)
        _check_size(len(data), filename)
        yield data, filename
        return
    if isinstance(source, io.TextIOBase):
        raise TypeError("open the file in binary mode ('rb') to upload it")
    if not callable(getattr(source, "read", None)):
        raise TypeError(
            "source must be a path, bytes or a file opened in binary mode, "
            f"not {type(source).__name__}"
        )
    name = filename or os.path.basename(str(getattr(source, "name", "") or ""))
    if not name:
        raise ValueError("filename is required when the file object has no name")
    known = _size_of(source)
    if known is not None:
        _check_size(known, name)
    yield source, name


def _size_of(handle: IO[bytes]) -> int | None:
    """The size of a seekable file (httpx sends it whole), else ``None``."""
    try:
        if not handle.seekable():
            return None
        position = handle.tell()
        end = handle.seek(0, os.SEEK_END)
        handle.seek(position)
    except (OSError, ValueError):
        return None
    return end


def _check_size(size: int, name: str) -> None:
    if size > MAX_UPLOAD_SIZE:
        raise ValueError(
            f"{name} is {size} bytes; Podio accepts files of at most 100 MB (limits.md)"
        )


@contextlib.contextmanager
def _sink(destination: Destination) -> Iterator[Any]:
    """A ``write`` callable for `destination`; a path is only replaced once all bytes arrived."""
    if not isinstance(destination, (str, os.PathLike)):
        if isinstance(destination, io.TextIOBase):
            raise TypeError("open the destination in binary mode ('wb') to download into it")
        write = getattr(destination, "write", None)
        if not callable(write):
            raise TypeError(
                "destination must be a path or a file opened for binary writing, "
                f"not {type(destination).__name__}"
            )
        yield write
        return
    target = os.fspath(destination)
    if os.path.isdir(target):
        raise ValueError(f"{target} is a folder: give the path of the file to write")
    # Created like any new file (the user's umask applies), exclusively, beside the target so
    # that the final rename stays on one file system.
    temporary = f"{target}.{secrets.token_hex(4)}.part"
    try:
        with open(temporary, "xb") as handle:
            yield handle.write
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# Comment refers back to FileAttachment (a comment's files, a file's comments): importing it
# here, once FileAttachment exists, lets comment.py complete both models.
from . import comment as _comment  # noqa: E402, F401
