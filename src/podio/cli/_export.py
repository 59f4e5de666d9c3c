"""``podio export``: every item of an app to CSV, JSON or JSON lines, written atomically."""

from __future__ import annotations

import csv
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import click

from .._client import Client
from .._errors import PodioError
from .._pagination import Pager
from ..fields import AppSchema, FieldValue, FieldValueError, ItemFields, SchemaField
from ..models.application import Application
from ..models.file_attachment import _sink
from ..models.item import MAX_PAGE_SIZE, Item
from ._common import (
    binary_stream,
    check_target,
    counted,
    handle_errors,
    note,
    progress_bar,
    quiet_option,
    signed_in,
)
from ._filters import parse_filters, sort_key

__all__ = ["FORMATS", "META_COLUMNS", "csv_columns", "export", "format_for", "item_pages"]

FORMATS = ("csv", "json", "jsonl")
#: Columns about the item itself, before the field columns. A field whose column name is one
#: of these takes its place (a field ``title`` is nearly always what the item's title shows).
META_COLUMNS = ("item_id", "app_item_id", "external_id", "title", "created_on", "link")
#: Types that hold no value at all: no column.
_NO_VALUE_TYPES = frozenset({"separator"})
#: What identifies the objects reference fields point to (for ``--ref-ids``).
_REF_IDS = {
    "app": "item_id",
    "contact": "profile_id",
    "member": "user_id",
    "image": "file_id",
    "file": "file_id",
    "video": "file_id",
}


def format_for(path: str, given: str | None) -> str:
    """The format asked for, else the one the file name says, else CSV."""
    if given is not None:
        return given
    extension = os.path.splitext(path)[1].lower()
    return {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(extension, "csv")


@dataclass(frozen=True)
class Column:
    name: str
    field: SchemaField | None = None  # None: a META_COLUMNS entry


def _claimed(name: str, names: Sequence[str], schema: AppSchema) -> bool:
    """Whether a field answers to this item column's name (so that the import, which looks
    names up as fields first, reads the column as that field)."""
    if name in names:
        return True
    try:
        return schema.find(name) is not None
    except FieldValueError:  # a label several fields share: a field name all the same
        return True


def csv_columns(schema: AppSchema, header: str = "external-id") -> list[Column]:
    """The CSV columns of an app: item columns, then one per field in the app's order.

    Fields are named by external id, or with ``header="label"`` by label (by external id when
    several fields share the label). An item column whose name a field answers to (by
    external id or label) is left out: the field's own column holds what matters.
    """
    fields = [f for f in schema if f.type not in _NO_VALUE_TYPES]
    labels = [f.label for f in fields]
    names: list[str] = []
    for f in fields:
        key = f.external_id or str(f.field_id)
        if header == "label" and f.label and labels.count(f.label) == 1:
            key = f.label
        names.append(key)
    columns = [Column(name) for name in META_COLUMNS if not _claimed(name, names, schema)]
    columns += [Column(name, f) for name, f in zip(names, fields, strict=True)]
    return columns


class _Writer(Protocol):
    def write(self, item: Mapping[str, Any]) -> None: ...
    def close(self) -> None: ...


class _Text:
    """A text stream over a binary ``write``: what the csv and json modules write to."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self._write = write

    def write(self, text: str) -> int:
        self._write(text.encode("utf-8"))
        return len(text)


def _ids(value: FieldValue) -> str:
    """The ids a reference field holds, as ``podio import`` reads them back."""
    attribute = _REF_IDS[value.type]
    return ", ".join(str(getattr(ref, attribute, None)) for ref in value.values)


class _CsvWriter:
    def __init__(
        self, stream: _Text, columns: Sequence[Column], schema: AppSchema, *, ref_ids: bool
    ) -> None:
        self._csv = csv.writer(stream)
        self._columns = columns
        self._schema = schema
        self._ref_ids = ref_ids
        self._csv.writerow([column.name for column in columns])

    def write(self, item: Mapping[str, Any]) -> None:
        raw = item.get("fields")
        fields = ItemFields(raw if isinstance(raw, list) else [], schema=self._schema)
        shown: dict[int | str | None, str] = {}
        for value in fields:
            try:
                text = _ids(value) if self._ref_ids and value.type in _REF_IDS else value.humanized
            except PodioError:  # a value of a shape this client cannot read: keep it as JSON
                text = json.dumps(value.raw, ensure_ascii=False, default=str)
            shown[value.field_id if value.field_id is not None else value.external_id] = text
        row: list[str] = []
        for column in self._columns:
            if column.field is None:
                meta = item.get(column.name)
                row.append("" if meta is None else str(meta))
            else:
                key = column.field.field_id
                row.append(shown.get(key if key is not None else column.field.external_id, ""))
        self._csv.writerow(row)

    def close(self) -> None:
        return


class _JsonWriter:
    """A JSON array with one item per line (valid JSON, and readable line by line)."""

    def __init__(self, stream: _Text) -> None:
        self._stream = stream
        self._first = True
        stream.write("[")

    def write(self, item: Mapping[str, Any]) -> None:
        self._stream.write("\n" if self._first else ",\n")
        self._stream.write(json.dumps(item, ensure_ascii=False, default=str))
        self._first = False

    def close(self) -> None:
        self._stream.write("]\n" if self._first else "\n]\n")


class _JsonLinesWriter:
    def __init__(self, stream: _Text) -> None:
        self._stream = stream

    def write(self, item: Mapping[str, Any]) -> None:
        self._stream.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        return


def item_pages(
    client: Client,
    app_id: int,
    filters: Mapping[str, Any] | None = None,
    *,
    sort_by: str | None = None,
    sort_desc: bool | None = None,
    page_size: int = MAX_PAGE_SIZE,
) -> Pager[dict[str, Any]]:
    """Every item matching `filters` as Podio's JSON, fetched `page_size` at a time.

    `Item.iter_all`'s pages without the models: building an `Item` of each item only to turn
    it back into JSON took about two thirds of an export's time.
    """
    return Item.iter_all.raw(
        app_id, filters, sort_by=sort_by, sort_desc=sort_desc, page_size=page_size, client=client
    )


@contextmanager
def _destination(path: str) -> Iterator[_Text]:
    """``-`` is stdout; a path is written to a temporary file beside it, renamed when done."""
    if path == "-":
        stdout = binary_stream("stdout")
        yield _Text(stdout.write)
        stdout.flush()
        return
    with _sink(path) as write:
        yield _Text(write)


@click.command("export")
@click.argument("app_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The file to write (- for stdout).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv (display values), json or jsonl (Podio's item JSON); default from the extension.",
)
@click.option(
    "--page-size",
    type=click.IntRange(1, MAX_PAGE_SIZE),
    default=MAX_PAGE_SIZE,
    show_default=True,
    help="Items per call; lower it if Podio times out.",
)
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Only these items.")
@click.option("--sort-by", help="A field (external id or label) or created_on, title, ...")
@click.option("--desc/--asc", "sort_desc", default=None, help="Sort direction.")
@click.option(
    "--header",
    type=click.Choice(["external-id", "label"]),
    default="external-id",
    show_default=True,
    help="Name CSV field columns by external id or by label.",
)
@click.option(
    "--ref-ids",
    is_flag=True,
    help="CSV: ids instead of names in relationship, contact and file columns, for import.",
)
@quiet_option
@handle_errors
def export(
    app_id: int,
    output: str,
    fmt: str | None,
    page_size: int,
    filters: tuple[str, ...],
    sort_by: str | None,
    sort_desc: bool | None,
    header: str,
    ref_ids: bool,
    quiet: bool,
) -> None:
    """Write every item of an app (or those the filters select) to a file.

    CSV has one column per field with the values as Podio shows them, after item_id,
    app_item_id, external_id, title, created_on and link; with --ref-ids, references are
    written by id, so that `podio import` can read them back. JSON and JSON lines hold
    Podio's item JSON as it came. The file appears only once complete: an interrupted export leaves
    the previous file, if any, untouched.
    """
    client = signed_in()
    if output != "-":
        check_target(output)
    app = Application.find(app_id, client=client)
    schema = AppSchema.from_app(app.as_json())
    chosen = format_for(output, fmt)
    items = item_pages(
        client,
        app_id,
        parse_filters(filters, schema),
        sort_by=sort_key(sort_by, schema),
        sort_desc=sort_desc,
        page_size=page_size,
    )
    started = time.monotonic()
    count = 0
    with (
        progress_bar(f"Exporting {app.name or app_id}", quiet=quiet) as bar,
        _destination(output) as stream,
    ):
        writer: _Writer
        if chosen == "csv":
            writer = _CsvWriter(stream, csv_columns(schema, header), schema, ref_ids=ref_ids)
        elif chosen == "json":
            writer = _JsonWriter(stream)
        else:
            writer = _JsonLinesWriter(stream)
        for item in items:
            if count == 0:
                bar.update(total=items.matching)
            writer.write(item)
            count += 1
            bar.advance()
        writer.close()
    if not quiet:
        seconds = time.monotonic() - started
        where = "stdout" if output == "-" else output
        note(f"Exported {counted(count, 'item')} to {where} ({chosen}) in {seconds:.1f} s")
