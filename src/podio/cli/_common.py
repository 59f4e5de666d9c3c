"""What every command shares: the signed-in client, errors as one line, tables, JSON, progress.

Output rules: results go to stdout, progress and notes to stderr. On a terminal, lists are
rich tables; piped or redirected, they are tab-separated lines with a header row (nothing is
cut short, so ``cut`` and ``awk`` work). Progress bars appear only when stderr is a terminal
and ``--quiet`` is not given.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, BinaryIO, TypeVar, cast

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from .._client import Client
from .._errors import ConfigurationError, InvalidGrantError, PodioError, TokenExpiredError
from ._config import load_settings, make_client

__all__ = [
    "Bar",
    "binary_stream",
    "check_target",
    "counted",
    "emit_table",
    "handle_errors",
    "json_option",
    "note",
    "out",
    "print_json",
    "progress_bar",
    "quiet_option",
    "signed_in",
    "stderr",
]

F = TypeVar("F", bound=Callable[..., Any])


def out() -> Console:
    """The console for results (stdout), made per call so it follows the current streams."""
    return Console(soft_wrap=False)


def stderr() -> Console:
    """The console for progress bars (stderr)."""
    return Console(stderr=True)


def note(message: str) -> None:
    """A line for the user on stderr, as is (no wrapping, no markup)."""
    click.echo(message, err=True)


def binary_stream(name: str) -> BinaryIO:
    """``stdin`` or ``stdout`` as bytes (the current ones, which tests may have replaced)."""
    stream = sys.stdin if name == "stdin" else sys.stdout
    return cast(BinaryIO, stream.buffer)


def signed_in() -> Client:
    """The client with the stored token; it is closed when the command ends."""
    settings = load_settings()
    if not settings.client_id:
        raise click.ClickException("no API key configured: run `podio configure` first")
    client = make_client(settings)
    if client.oauth_token is None:
        client.close()
        raise click.ClickException("not signed in: run `podio login` first")
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(client.close)
    return client


def handle_errors(function: F) -> F:
    """Expected failures become one line on stderr and exit status 1, never a traceback.

    Podio's errors (their text holds the status, Podio's code and the request id, never a
    secret), values the field layer refuses, bad arguments the models check, and files that
    cannot be read or written.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (TokenExpiredError, InvalidGrantError) as exc:
            raise click.ClickException(f"{exc}; sign in again with `podio login`") from exc
        except ConfigurationError as exc:
            raise click.ClickException(str(exc)) from exc
        except PodioError as exc:
            raise click.ClickException(str(exc)) from exc
        except ValueError as exc:  # FieldValueError and the models' argument checks
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            where = f": {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from exc

    return wrapper  # type: ignore[return-value]


def json_option(function: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print Podio's JSON.")(function)


def quiet_option(function: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="No progress bar.")(function)


def check_target(path: str) -> None:
    """Refuse, in the user's terms, a file that cannot be written where it is asked for.

    Files are written under a temporary name beside the target; without this check the
    error would name that temporary file.
    """
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.ClickException(f"cannot write {path}: there is no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise click.ClickException(f"cannot write {path}: the folder {folder} is not writable")


def counted(count: int, noun: str) -> str:
    """``1 item``, ``2 items``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def emit_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A rich table on a terminal; tab-separated lines with a header row otherwise."""
    console = out()
    if console.is_terminal:
        table = Table(title=title)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(value) for value in row))
        console.print(table)
        return
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join(" ".join(_cell(value).split()) for value in row))


class Bar:
    """One progress bar; does nothing when progress is not shown."""

    def __init__(self, progress: Progress | None, task: TaskID | None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, amount)

    def update(self, *, completed: int | None = None, total: int | None = None) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=completed, total=total)


@contextmanager
def progress_bar(
    description: str, *, total: int | None = None, quiet: bool = False, unit: str = "items"
) -> Iterator[Bar]:
    """A progress bar on stderr, shown only on a terminal and without ``--quiet``.

    `unit` ``"bytes"`` shows sizes and speed; ``"items"`` shows done/total and time left.
    """
    console = stderr()
    if quiet or not console.is_terminal:
        yield Bar(None, None)
        return
    columns: list[Any] = [TextColumn("{task.description}"), BarColumn()]
    if unit == "bytes":
        columns += [DownloadColumn(), TransferSpeedColumn()]
    else:
        columns += [MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False) as progress:
        yield Bar(progress, progress.add_task(description, total=total))
