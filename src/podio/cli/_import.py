"""``podio import``: create items from a CSV, JSON or JSON lines file, all rows checked first.

Every row is converted and checked against the app's definition before the first item is
created; one bad row means nothing is created, and every bad row is reported with its line
and field. Items are then created with `Item.create_many`, each exactly once: a creation
whose answer was lost is looked up by its external id before it is tried again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import click

from .._errors import PodioError
from ..fields import (
    AppSchema,
    FieldValueError,
    SchemaField,
    read_to_write,
    schema_cache,
    write_value,
)
from ..models.application import Application
from ..models.item import Item
from ._cells import parse_cell
from ._common import (
    binary_stream,
    counted,
    emit_table,
    handle_errors,
    note,
    print_json,
    progress_bar,
    quiet_option,
    signed_in,
)
from ._export import FORMATS, META_COLUMNS, format_for

__all__ = ["Problem", "Row", "import_items", "prepare"]

#: Types whose values a JSON string must be parsed for (JSON has no dates, money, ...).
_PARSED_FROM_TEXT = frozenset(
    {"money", "progress", "duration", "date", "app", "contact", "member", "image", "file", "video"}
)
#: Rows given to `Item.create_many` at a time, per item created at once (--concurrency).
BATCH = 50
#: Keys of an item object that are not field values.
_ITEM_KEYS = frozenset({"external_id", "tags", "fields"})


@dataclass
class Row:
    """One item to create: where it came from, and its body for `Item.create`."""

    line: int
    fields: dict[str, Any]
    external_id: str | None = None
    tags: list[str] | None = None

    def entry(self) -> dict[str, Any]:
        body: dict[str, Any] = {"fields": self.fields}
        if self.external_id is not None:
            body["external_id"] = self.external_id
        if self.tags:
            body["tags"] = self.tags
        return body


@dataclass(frozen=True)
class Problem:
    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", field {self.field!r}" if self.field else "")
        return f"{where}: {self.message}"


@dataclass
class _Checked:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# -- reading the file --------------------------------------------------------------------------


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each record (the header first) with the line it starts on; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if any(cell.strip() for cell in cells):
            yield start, cells


def _json_records(text: str) -> Iterator[tuple[int, Any]]:
    """The elements of a JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    position = _skip(text, 0)
    if position >= len(text) or text[position] != "[":
        raise ValueError("a JSON import is an array of items: [{...}, {...}]")
    position = _skip(text, position + 1)
    if position < len(text) and text[position] == "]":
        return
    line, counted = 1, 0
    while True:
        line += text.count("\n", counted, position)  # counted once, as the reading moves on
        counted = position
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {exc.lineno}: not JSON: {exc.msg}") from None
        yield line, value
        position = _skip(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip(text, position + 1)
            continue
        if position < len(text) and text[position] == "]":
            return
        line += text.count("\n", counted, position)
        raise ValueError(f"line {line}: expected , or ] in JSON")


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _jsonl_records(text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ValueError(f"not JSON: {exc.msg}")


# -- checking rows -----------------------------------------------------------------------------


def _payload_key(target: SchemaField) -> str:
    return target.external_id or str(target.field_id)


def _convert(
    target: SchemaField, value: Any, name: str, line: int, row: Row, problems: list[Problem]
) -> None:
    """Put `value` into the row in Podio's write form, or note why it cannot be."""
    try:
        written = write_value(value, target, name=name)
    except FieldValueError as exc:
        problems.append(Problem(line, name, exc.reason))
        return
    if written:
        row.fields[_payload_key(target)] = written


def _finish(
    schema: AppSchema, row: Row, problems: list[Problem], given: set[str], checked: _Checked
) -> None:
    """Check the required fields, then keep the row, or its problems."""
    for target in schema.required:
        key = _payload_key(target)
        # A required field that was given but refused is reported already.
        if not target.read_only and key not in row.fields and key not in given:
            problems.append(Problem(row.line, target.name, "is required and has no value"))
    if problems:
        checked.problems.extend(problems)
    else:
        checked.rows.append(row)


def _csv_header(header: Sequence[str], schema: AppSchema) -> tuple[list[Any], list[Problem]]:
    """What each column is: a field, an item column (a name), or a problem on line 1."""
    columns: list[Any] = []
    problems: list[Problem] = []
    by_field: dict[str, str] = {}
    for raw in header:
        name = raw.strip()
        columns.append(name)
        if not name:
            continue  # a column without a name (a trailing comma): its cells must be empty
        try:
            target = schema.find(name)
        except FieldValueError as exc:  # a label shared by several fields
            problems.append(Problem(1, name, exc.reason))
            continue
        if target is None:
            if name not in META_COLUMNS and name != "tags":
                problems.append(Problem(1, name, schema.unknown(name).reason))
            continue
        key = _payload_key(target)
        if key in by_field:
            problems.append(Problem(1, name, f"is the same field as column {by_field[key]!r}"))
            continue
        by_field[key] = name
        columns[-1] = target
    return columns, problems


def _check_csv(text: str, schema: AppSchema) -> _Checked:
    checked = _Checked()
    records = _csv_records(text)
    first = next(records, None)
    if first is None:
        return checked
    columns, checked.problems = _csv_header(first[1], schema)
    if checked.problems:
        return checked  # without a sound header no row can be read
    for line, cells in records:
        if len(cells) > len(columns):
            checked.problems.append(
                Problem(line, None, f"{len(cells)} cells for {len(columns)} columns")
            )
            continue
        row = Row(line, {})
        problems: list[Problem] = []
        given: set[str] = set()
        padded = cells + [""] * (len(columns) - len(cells))
        for column, text in zip(columns, padded, strict=True):
            if isinstance(column, str):
                if column == "" and text.strip():
                    problems.append(Problem(line, None, f"{text!r} is in a column without a name"))
                elif column == "external_id" and text.strip():
                    row.external_id = text.strip()
                elif column == "tags" and text.strip():
                    row.tags = [tag.strip() for tag in text.split(",") if tag.strip()]
                continue
            if column.read_only:
                continue  # calculations come back in exports; Podio computes them
            given.add(_payload_key(column))
            try:
                value = parse_cell(column, text)
            except FieldValueError as exc:
                problems.append(Problem(line, column.name, exc.reason))
                continue
            if value is None:
                given.discard(_payload_key(column))
                continue
            _convert(column, value, column.name, line, row, problems)
        _finish(schema, row, problems, given, checked)
    return checked


def _json_value(target: SchemaField, value: Any) -> Any:
    """JSON values as the field takes them; strings read like CSV cells where JSON has no
    type for the value (dates, money, durations, ids)."""
    if isinstance(value, str):
        return parse_cell(target, value)
    if isinstance(value, list) and target.type in _PARSED_FROM_TEXT:
        out: list[Any] = []
        for element in value:
            parsed = parse_cell(target, element) if isinstance(element, str) else element
            out.extend(parsed if isinstance(parsed, list) else [parsed])
        return out
    return value


def _check_objects(records: Iterator[tuple[int, Any]], schema: AppSchema) -> _Checked:
    checked = _Checked()
    for line, record in records:
        if isinstance(record, ValueError):
            checked.problems.append(Problem(line, None, str(record)))
            continue
        if not isinstance(record, Mapping):
            checked.problems.append(Problem(line, None, "an item is a JSON object"))
            continue
        row = Row(line, {})
        problems: list[Problem] = []
        given: set[str] = set()
        external_id = record.get("external_id")
        if external_id is not None:
            if not isinstance(external_id, str) or not external_id:
                problems.append(Problem(line, "external_id", "is a non-empty string"))
            else:
                row.external_id = external_id
        tags = record.get("tags")
        if tags is not None:
            texts = [t.get("text") if isinstance(t, Mapping) else t for t in tags or []]
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in texts):
                problems.append(Problem(line, "tags", "is a list of strings"))
            else:
                row.tags = [t for t in texts if isinstance(t, str)]
        fields = record.get("fields")
        if isinstance(fields, list):
            # Podio's item JSON (what `podio export --format json` writes): read shapes.
            for entry in fields:
                _podio_field(entry, schema, line, row, problems, given)
        else:
            values = fields if isinstance(fields, Mapping) else {
                key: value for key, value in record.items() if key not in _ITEM_KEYS
            }  # fmt: skip
            if fields is not None and not isinstance(fields, Mapping):
                problems.append(Problem(line, "fields", "is an object or Podio's list"))
            for key, value in values.items():
                _given_field(str(key), value, schema, line, row, problems, given)
        _finish(schema, row, problems, given, checked)
    return checked


def _podio_field(
    entry: Any,
    schema: AppSchema,
    line: int,
    row: Row,
    problems: list[Problem],
    given: set[str],
) -> None:
    if not isinstance(entry, Mapping):
        problems.append(Problem(line, None, "each of 'fields' is an object"))
        return
    name = str(entry.get("external_id") or entry.get("field_id") or entry.get("label") or "?")
    target = None
    for key in (entry.get("external_id"), entry.get("field_id")):
        if target is None and key is not None:
            target = schema.find(key)
    if target is None:
        problems.append(Problem(line, name, schema.unknown(name).reason))
        return
    if target.read_only:
        return
    given.add(_payload_key(target))
    values = entry.get("values")
    try:
        written = read_to_write(target, values if isinstance(values, list) else [])
    except (ValueError, TypeError) as exc:
        reason = exc.reason if isinstance(exc, FieldValueError) else str(exc)
        problems.append(Problem(line, name, reason))
        return
    _convert(target, written, name, line, row, problems)


def _given_field(
    name: str,
    value: Any,
    schema: AppSchema,
    line: int,
    row: Row,
    problems: list[Problem],
    given: set[str],
) -> None:
    try:
        target = schema.find(name)
    except FieldValueError as exc:
        problems.append(Problem(line, name, exc.reason))
        return
    if target is None:
        problems.append(Problem(line, name, schema.unknown(name).reason))
        return
    if target.read_only:
        return
    try:
        converted = _json_value(target, value)
    except FieldValueError as exc:
        given.add(_payload_key(target))
        problems.append(Problem(line, name, exc.reason))
        return
    if converted is None:
        return
    given.add(_payload_key(target))
    _convert(target, converted, name, line, row, problems)


def prepare(text: str, fmt: str, schema: AppSchema) -> tuple[list[Row], list[Problem]]:
    """Every row of the file in Podio's write form, or every problem found in it.

    Raises `ValueError` when the file as a whole cannot be read (not JSON, say).
    """
    if fmt == "csv":
        checked = _check_csv(text, schema)
    elif fmt == "json":
        checked = _check_objects(_json_records(text), schema)
    else:
        checked = _check_objects(_jsonl_records(text), schema)
    seen: dict[str, int] = {}
    for row in checked.rows:
        # The external id is how a creation whose answer was lost is found again: two rows
        # with one external id would be taken for each other.
        if row.external_id is None:
            continue
        if row.external_id in seen:
            checked.problems.append(
                Problem(
                    row.line,
                    "external_id",
                    f"{row.external_id!r} is also on line {seen[row.external_id]}",
                )
            )
        else:
            seen[row.external_id] = row.line
    checked.problems.sort(key=lambda p: p.line)
    return checked.rows, checked.problems


def _read_text(path: str) -> str:
    """The whole file (``-``: stdin), without the byte order mark spreadsheets may write."""
    if path == "-":
        data = binary_stream("stdin").read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    return data.decode("utf-8-sig")


# -- the command -------------------------------------------------------------------------------


def _report_problems(problems: Sequence[Problem], source: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "created": [],
                "failed": [
                    {"line": p.line, "field": p.field, "error": p.message} for p in problems
                ],
            }
        )
    for problem in problems:
        note(str(problem))
    count = len(problems)
    raise click.ClickException(
        f"{count} problem{'' if count == 1 else 's'} in {source}; nothing was created"
    )


def _report_interruption(
    created: Sequence[tuple[Row, Item]],
    failed: Sequence[tuple[Row, PodioError]],
    batch: Sequence[Row],
    rest: Sequence[Row],
) -> None:
    """Say what Ctrl-C left: what was done, what may be, and what was never sent."""
    note(f"Interrupted: created {counted(len(created), 'item')}, {len(failed)} failed")
    note(
        f"lines {batch[0].line} to {batch[-1].line} may or may not have been created: "
        "check before importing them again"
    )
    if rest:
        note(f"lines {rest[0].line} to {rest[-1].line} were not sent")


@click.command("import")
@click.argument("app_id", type=int)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv, json (an array) or jsonl (one item per line); default from the extension.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 16),
    default=4,
    show_default=True,
    help="Items created at once.",
)
@click.option("--dry-run", is_flag=True, help="Check every row and create nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@quiet_option
@handle_errors
def import_items(
    app_id: int,
    file: str,
    fmt: str | None,
    concurrency: int,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Create one item per row of FILE in the app.

    CSV columns are fields (external id, label or field id); item_id, app_item_id, title,
    created_on, link and calculation columns (what `podio export` writes) are ignored, and
    external_id and tags (comma separated) are kept. Cells take the values as Podio shows them
    (Active, 1200.50 EUR, 40%, 2h 30m, 2026-12-01 14:00) and ids for references. JSON holds
    items as `podio export` writes them (Podio's item JSON) or objects of field values.

    Every row is checked against the app before anything is created; if any is wrong, each
    problem is listed with its line and nothing is created. --dry-run stops after the check
    and sends nothing to Podio but the read of the app.
    """
    chosen = format_for(file, fmt)
    text = _read_text(file)
    client = signed_in()
    app = Application.find(app_id, client=client)
    schema = AppSchema.from_app(app.as_json())
    rows, problems = prepare(text, chosen, schema)
    if problems:
        _report_problems(problems, "stdin" if file == "-" else file, as_json)
    name = app.name or f"app {app_id}"
    if dry_run:
        if as_json:
            print_json({"valid": len(rows), "created": [], "failed": []})
        else:
            valid = counted(len(rows), "row")
            click.echo(f"{valid} valid for {name}; nothing was created (--dry-run)")
        return
    # The definition just read is the one the creations check against: no second read.
    schema_cache.put(client, app_id, schema)
    created: list[tuple[Row, Item]] = []
    failed: list[tuple[Row, PodioError]] = []
    # Batches bound what Ctrl-C leaves undecided: the batch under way runs to its end (its
    # creations are in flight on other threads), later ones never start.
    size = BATCH * concurrency
    with progress_bar(f"Importing into {name}", total=len(rows), quiet=quiet) as bar:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            try:
                result = Item.create_many(
                    app_id,
                    [row.entry() for row in batch],
                    concurrency=concurrency,
                    progress=lambda _done, _total: bar.advance(),
                    client=client,
                )
            except KeyboardInterrupt:
                _report_interruption(created, failed, batch, rows[start + size :])
                raise SystemExit(130) from None
            created += [(batch[i], item) for i, item in sorted(result.succeeded.items())]
            failed += [(batch[i], error) for i, error in sorted(result.failed.items())]
    if as_json:
        print_json(
            {
                "created": [
                    {"line": row.line, "item_id": item.item_id, "external_id": item.external_id}
                    for row, item in created
                ],
                "failed": [
                    {"line": row.line, "field": None, "error": str(error)} for row, error in failed
                ],
            }
        )
    else:
        click.echo(f"Created {counted(len(created), 'item')} in {name}; {len(failed)} failed")
        if failed:
            emit_table("Failed rows", ["line", "error"], [[r.line, e] for r, e in failed])
    if failed:
        raise SystemExit(1)
