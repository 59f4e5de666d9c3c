"""SQLite storage shared by all areas.

One connection per emulator, guarded by a re-entrant lock: each request runs as one transaction
(`BEGIN IMMEDIATE` ... `COMMIT`), so concurrent requests are serialised, no write is lost and a
failing request leaves nothing behind. A file database runs in WAL mode and survives a restart;
`:memory:` lives as long as the emulator.

Areas never open connections themselves: they receive a `Tx` (from `ApiRequest.tx` in routes,
or passed down to their models) and use `execute`, `query`, `one`, `scalar`, `insert`,
`update`, `next_id` and `emit`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .clock import Clock

__all__ = ["Database", "Event", "Tx", "dumps", "loads"]

Params = Sequence[Any] | Mapping[str, Any]

_INTERNAL_SCHEMA = """
CREATE TABLE IF NOT EXISTS _sequences (kind TEXT PRIMARY KEY, next_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def dumps(value: Any) -> str:
    """JSON text for a TEXT column (compact, UTF-8 kept)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | bytes | None, default: Any = None) -> Any:
    """The value of a JSON TEXT column; `default` for NULL."""
    if text is None:
        return default
    return json.loads(text)


@dataclass(frozen=True)
class Event:
    """Something that happened, for listeners such as hooks.

    Events are collected during a request's transaction and published only after it commits
    (never on dry runs or errors). `hook` is False when the request carried `hook=false`, and
    `silent` is True when it carried `silent=true` (conventions.md §6).
    """

    type: str
    ref_type: str
    ref_id: int
    data: Mapping[str, Any] = field(default_factory=dict)
    hook: bool = True
    silent: bool = False


class Tx:
    """One open transaction; valid only inside `Database.transaction()`."""

    def __init__(
        self, conn: sqlite3.Connection, clock: Clock, starts: Mapping[str, int], dry_run: bool
    ) -> None:
        self._conn = conn
        self._starts = starts
        self.clock = clock
        self.dry_run = dry_run
        self.events: list[Event] = []
        self.hook = True
        self.silent = False
        # Scheme and host the current request was sent to (`http://127.0.0.1:8080`), None
        # outside requests: links the emulator itself serves (file downloads) are built on it.
        self.base_url: str | None = None

    # -- SQL ---------------------------------------------------------------------------------

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> sqlite3.Cursor:
        return self._conn.executemany(sql, rows)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        """INSERT one row; returns SQLite's rowid. Table and column names come from code."""
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self._conn.execute(
            f"INSERT INTO {table} ({cols}) VALUES ({marks})",  # noqa: S608 - names from code
            tuple(values.values()),
        )
        return int(cur.lastrowid or 0)

    def update(self, table: str, values: Mapping[str, Any], where: str, params: Params) -> int:
        """UPDATE rows matching `where` (with `?` marks for `params`); returns the row count."""
        if not values:
            return 0
        sets = ", ".join(f"{c} = ?" for c in values)
        extra = tuple(params.values()) if isinstance(params, Mapping) else tuple(params)
        cur = self._conn.execute(
            f"UPDATE {table} SET {sets} WHERE {where}",  # noqa: S608 - names from code
            (*values.values(), *extra),
        )
        return cur.rowcount

    # -- ids ---------------------------------------------------------------------------------

    def next_id(self, kind: str) -> int:
        """The next id of `kind`; every kind has its own sequence (registered by its area)."""
        try:
            start = self._starts[kind]
        except KeyError:
            raise KeyError(f"no id sequence registered for {kind!r}") from None
        self._conn.execute(
            "INSERT OR IGNORE INTO _sequences (kind, next_id) VALUES (?, ?)", (kind, start)
        )
        row = self._conn.execute(
            "UPDATE _sequences SET next_id = next_id + 1 WHERE kind = ? RETURNING next_id - 1",
            (kind,),
        ).fetchone()
        return int(row[0])

    # -- events ------------------------------------------------------------------------------

    def emit(self, type: str, ref_type: str, ref_id: int, **data: Any) -> None:
        """Record an event; listeners see it after this transaction commits."""
        self.events.append(Event(type, ref_type, ref_id, data, hook=self.hook, silent=self.silent))

    # -- meta --------------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM _meta WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO _meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


class Database:
    """The emulator's SQLite database (a file path or `:memory:`)."""

    def __init__(self, path: str, clock: Clock) -> None:
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()
        self._local = threading.local()
        self._starts: dict[str, int] = {}
        self._conn = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=30.0
        )
        self._conn.row_factory = sqlite3.Row
        if path != ":memory:" and not path.startswith("file::memory:"):
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.executescript(_INTERNAL_SCHEMA)

    def install(self, schemas: Sequence[str], sequences: Mapping[str, int]) -> None:
        """Create the areas' tables (idempotent) and learn their id sequences."""
        with self._lock:
            for sql in schemas:
                if sql.strip():
                    self._conn.executescript(sql)
            for kind, start in sequences.items():
                if kind in self._starts and self._starts[kind] != start:
                    raise ValueError(f"id sequence {kind!r} registered twice")
                self._starts[kind] = start

    @property
    def sequences(self) -> Mapping[str, int]:
        return dict(self._starts)

    def in_transaction(self) -> bool:
        """True when this thread has a transaction open (a new one would join it)."""
        return getattr(self._local, "tx", None) is not None

    @contextmanager
    def transaction(self, *, dry_run: bool = False) -> Iterator[Tx]:
        """Run a unit of work: commit on success, roll back on error or when `dry_run`.

        Re-entering from the same thread joins the open transaction (inner `dry_run` is
        ignored: the outermost caller decides).
        """
        with self._lock:
            current: Tx | None = getattr(self._local, "tx", None)
            if current is not None:
                yield current
                return
            tx = Tx(self._conn, self.clock, self._starts, dry_run)
            self._conn.execute("BEGIN IMMEDIATE")
            self._local.tx = tx
            try:
                yield tx
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("ROLLBACK" if dry_run else "COMMIT")
            finally:
                self._local.tx = None

    def tables(self) -> list[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        return [str(r[0]) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
