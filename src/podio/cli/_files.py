"""``podio upload`` and ``podio download``: files streamed both ways, with a progress bar."""

from __future__ import annotations

import os
from typing import IO, Any, cast

import click

from ..models.file_attachment import FileAttachment, _sink
from ._common import (
    Bar,
    binary_stream,
    check_target,
    handle_errors,
    json_option,
    note,
    print_json,
    progress_bar,
    quiet_option,
    signed_in,
)

__all__ = ["download", "upload"]

_REF_TYPES = ("item", "task", "status", "comment", "space")


class _Counted:
    """A binary file whose reads move a progress bar (httpx reads it in chunks as it sends).

    Rewinding starts the count again: a call replayed after a token refresh sends it whole.
    """

    def __init__(self, handle: IO[bytes], bar: Bar) -> None:
        self._handle = handle
        self._bar = bar
        self.name = handle.name

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(size)
        self._bar.advance(len(chunk))
        return chunk

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        position = self._handle.seek(offset, whence)
        self._bar.update(completed=position)
        return position

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._handle.fileno()


def _reference(text: str | None) -> tuple[str, int] | None:
    if text is None:
        return None
    kind, sep, ident = text.partition(":")
    if not sep or kind not in _REF_TYPES or not ident.isdigit():
        raise click.BadParameter(
            f"{text!r} is not TYPE:ID with TYPE one of {', '.join(_REF_TYPES)} (e.g. item:42)",
            param_hint="--attach",
        )
    return kind, int(ident)


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--attach", metavar="TYPE:ID", help="Attach it to an object, e.g. item:42.")
@click.option("--name", help="The file's name on Podio (default: the file's own).")
@json_option
@quiet_option
@handle_errors
def upload(path: str, attach: str | None, name: str | None, as_json: bool, quiet: bool) -> None:
    """Upload a file (at most 100 MB) and print its file id.

    A file not attached to anything stays private to you; attach it with --attach, or use its
    id in an item's file field or file_ids.
    """
    target = _reference(attach)
    client = signed_in()
    size = os.stat(path).st_size
    filename = name or os.path.basename(path)
    with (
        open(path, "rb") as handle,
        progress_bar(f"Uploading {filename}", total=size, quiet=quiet, unit="bytes") as bar,
    ):
        uploaded = FileAttachment.upload(_Counted(handle, bar), filename, client=client)  # type: ignore[arg-type]
    assert uploaded.file_id is not None
    if target is not None:
        FileAttachment.attach(uploaded.file_id, target[0], target[1], client=client)
    if as_json:
        print_json(uploaded.as_json())
        return
    click.echo(uploaded.file_id)
    where = f", attached to {target[0]} {target[1]}" if target else ""
    note(f"Uploaded {filename} ({size} bytes) as file {uploaded.file_id}{where}")


def _local_name(name: str | None, file_id: int) -> str:
    """The file's own name, without any folder part Podio's name might carry."""
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    return base if base not in ("", ".", "..") else f"file-{file_id}"


class _Sink:
    def __init__(self, write: Any, bar: Bar) -> None:
        self._write = write
        self._bar = bar

    def write(self, chunk: bytes) -> int:
        self._write(chunk)
        self._bar.advance(len(chunk))
        return len(chunk)


@click.command()
@click.argument("file_id", type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    help="Where to write: a file, a folder, or - for stdout (default: the file's name here).",
)
@quiet_option
@handle_errors
def download(file_id: int, output: str | None, quiet: bool) -> None:
    """Download a file, byte for byte.

    The file is written under a temporary name and renamed once complete, so an interrupted
    download never leaves a partial file (nor damages one already there).
    """
    client = signed_in()
    found = FileAttachment.find(file_id, client=client)
    name = _local_name(found.name, file_id)
    if output == "-":
        stdout = binary_stream("stdout")
        FileAttachment.download(file_id, stdout, client=client)
        stdout.flush()
        return
    path = output or name
    if os.path.isdir(path):
        path = os.path.join(path, name)
    check_target(path)
    with (
        progress_bar(f"Downloading {name}", total=found.size, quiet=quiet, unit="bytes") as bar,
        _sink(path) as write,
    ):
        sink = cast(IO[bytes], _Sink(write, bar))
        written = FileAttachment.download(file_id, sink, client=client)
    if not quiet:
        note(f"Saved {written} bytes to {path}")
