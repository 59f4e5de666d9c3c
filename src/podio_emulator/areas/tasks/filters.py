"""The filters of `GET /task/` (podio-dotnet `TaskService.GetTasks` names them).

| parameter | meaning |
|---|---|
| `completed` | true: completed tasks only; false: open tasks only |
| `responsible` | comma-separated user ids |
| `created_by`, `completed_by` | comma-separated `type:id` (`user:1`, `app:2`) or user ids |
| `created_via` | comma-separated API client ids (`created_via.id`) |
| `created_on`, `completed_on` | UTC days `YYYY-MM-DD-YYYY-MM-DD` (a side may be empty) or a day |
| `due_date` | the same on the local due day (the caller's zone) |
| `external_id` | exact |
| `files` | true: with files; false: without |
| `label` | comma-separated label ids (any of them) |
| `org`, `space`, `app` | comma-separated ids |
| `reference` | `type:id` pairs separated by `;` |
| `reassigned` | true: created by the caller and assigned to someone else; false: not so |
| `grouping` | `due_date` (default), `created_by`, `responsible`, `app`, `space`, `org` |
| `sort_by` | `rank` (default), `created_on`, `completed_on`; `sort_desc` (default false) |
| `limit`, `offset` | 100 by default, at most 500 |

Unknown and empty parameters are ignored (podio-dotnet leaves unset ones out); malformed values
are 400 `invalid_value`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from starlette.datastructures import QueryParams

from ...errors import invalid_value
from ...request import parse_bool
from . import models

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "TaskQuery", "parse_query", "sort_rows"]

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
SORTS = ("rank", "created_on", "completed_on")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})?-(\d{4}-\d{2}-\d{2})?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class TaskQuery:
    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    checks: list[Callable[[sqlite3.Row], bool]] = field(default_factory=list)
    grouping: str = "due_date"
    sort_by: str = "rank"
    sort_desc: bool = False
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def add(self, clause: str, **params: Any) -> None:
        self.where.append(clause)
        self.params.update(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.where) if self.where else "1"

    def accepts(self, row: sqlite3.Row) -> bool:
        return all(check(row) for check in self.checks)


def _bad(name: str, value: str, expected: str) -> Exception:
    return invalid_value(f"Invalid value {value!r} (string): {name} must be {expected}")


def _ids(name: str, value: str) -> list[int]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        raise _bad(name, value, "comma-separated ids")
    return [int(p) for p in parts]


def _refs(name: str, value: str, separator: str) -> list[tuple[str, int]]:
    out = []
    for part in (p.strip() for p in value.split(separator)):
        if not part:
            continue
        kind, _, ident = part.partition(":")
        if not ident and kind.isdigit():
            kind, ident = "user", kind
        if not kind or not ident.isdigit():
            raise _bad(name, value, "type:id pairs")
        out.append((kind, int(ident)))
    if not out:
        raise _bad(name, value, "type:id pairs")
    return out


def _range(name: str, value: str) -> tuple[date | None, date | None]:
    try:
        if _DAY.match(value):
            day = date.fromisoformat(value)
            return day, day
        match = _RANGE.match(value)
        if match is None or not (match.group(1) or match.group(2)):
            raise ValueError(value)
        start = date.fromisoformat(match.group(1)) if match.group(1) else None
        end = date.fromisoformat(match.group(2)) if match.group(2) else None
    except ValueError:
        raise _bad(name, value, "a date range YYYY-MM-DD-YYYY-MM-DD") from None
    return start, end


def _marks(prefix: str, values: list[Any], q: TaskQuery) -> str:
    names = []
    for i, value in enumerate(values):
        key = f"{prefix}{i}"
        q.params[key] = value
        names.append(f":{key}")
    return ", ".join(names)


def _by(q: TaskQuery, name: str, value: str, column: str) -> None:
    pairs = _refs(name, value, ",")
    clauses = []
    for i, (kind, ident) in enumerate(pairs):
        clauses.append(f"({column}_type = :{name}_t{i} AND {column}_id = :{name}_i{i})")
        q.params[f"{name}_t{i}"] = kind
        q.params[f"{name}_i{i}"] = ident
    q.where.append("(" + " OR ".join(clauses) + ")")


def _date_range(q: TaskQuery, name: str, value: str, column: str) -> None:
    start, end = _range(name, value)
    if start is not None:
        q.add(f"substr({column}, 1, 10) >= :{name}_from", **{f"{name}_from": start.isoformat()})
    if end is not None:
        q.add(f"substr({column}, 1, 10) <= :{name}_to", **{f"{name}_to": end.isoformat()})


def parse_query(query: QueryParams, tz: str) -> TaskQuery:
    """The SQL, the row checks and the paging of a `GET /task/` query string."""
    q = TaskQuery()
    get = query.get
    if get("completed"):
        done = parse_bool("completed", get("completed") or "")
        q.add("status = :status", status="completed" if done else "active")
    if get("responsible"):
        ids = _ids("responsible", get("responsible") or "")
        q.where.append(f"responsible_id IN ({_marks('resp', ids, q)})")
    if get("created_by"):
        _by(q, "created_by", get("created_by") or "", "created_by")
    if get("completed_by"):
        _by(q, "completed_by", get("completed_by") or "", "completed_by")
    if get("created_via"):
        ids = _ids("created_via", get("created_via") or "")
        q.where.append(f"json_extract(created_via, '$.id') IN ({_marks('via', ids, q)})")
    if get("external_id"):
        q.add("external_id = :external_id", external_id=get("external_id"))
    for name, column in (("org", "org_id"), ("space", "space_id"), ("app", "app_id")):
        if get(name):
            ids = _ids(name, get(name) or "")
            q.where.append(f"{column} IN ({_marks(name, ids, q)})")
    if get("reference"):
        pairs = _refs("reference", get("reference") or "", ";")
        clauses = []
        for i, (kind, ident) in enumerate(pairs):
            clauses.append(f"(ref_type = :ref_t{i} AND ref_id = :ref_i{i})")
            q.params[f"ref_t{i}"] = kind
            q.params[f"ref_i{i}"] = ident
        q.where.append("(" + " OR ".join(clauses) + ")")
    if get("reassigned"):
        mine = (
            "(created_by_type = 'user' AND created_by_id = :me AND responsible_id IS NOT NULL "
            "AND responsible_id != :me)"
        )
        reassigned = parse_bool("reassigned", get("reassigned") or "")
        q.where.append(mine if reassigned else f"NOT {mine}")
    if get("label"):
        ids = _ids("label", get("label") or "")
        marks = _marks("label", ids, q)
        q.where.append(
            f"task_id IN (SELECT task_id FROM task_label_links WHERE label_id IN ({marks}))"  # noqa: S608 - placeholders only
        )
    if get("files"):
        exists = (
            "EXISTS (SELECT 1 FROM files f WHERE f.ref_type = 'task' AND f.ref_id = "
            "tasks.task_id AND f.status = 'active' AND f.replaced_by IS NULL)"
        )
        q.where.append(exists if parse_bool("files", get("files") or "") else f"NOT {exists}")
    if get("created_on"):
        _date_range(q, "created_on", get("created_on") or "", "created_on")
    if get("completed_on"):
        _date_range(q, "completed_on", get("completed_on") or "", "completed_on")
    if get("due_date"):
        start, end = _range("due_date", get("due_date") or "")

        def due_within(row: sqlite3.Row) -> bool:
            day = models.due_day(row, tz)
            if day is None:
                return False
            return (start is None or day >= start) and (end is None or day <= end)

        q.checks.append(due_within)
    grouping = get("grouping") or "due_date"
    if grouping not in models.GROUPINGS:
        raise _bad("grouping", grouping, "one of " + ", ".join(models.GROUPINGS))
    q.grouping = grouping
    sort_by = get("sort_by") or "rank"
    if sort_by not in SORTS:
        raise _bad("sort_by", sort_by, "one of " + ", ".join(SORTS))
    q.sort_by = sort_by
    q.sort_desc = parse_bool("sort_desc", get("sort_desc") or "false")
    q.limit = _int(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    q.offset = _int(query, "offset", 0, 0, None)
    return q


def _int(query: QueryParams, name: str, default: int, low: int, high: int | None) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.strip().isdigit():
        raise _bad(name, raw, "an integer")
    value = int(raw)
    if value < low:
        raise invalid_value(f"Invalid value {value} (integer): must not be less than {low}")
    if high is not None and value > high:
        raise invalid_value(f"Invalid value {value} (integer): must not be greater than {high}")
    return value


def sort_rows(rows: list[sqlite3.Row], sort_by: str, desc: bool) -> list[sqlite3.Row]:
    """Ordered by `sort_by` (tasks without a completion date last), then by id."""

    def key(row: sqlite3.Row) -> tuple[Any, ...]:
        value = row[sort_by]
        missing = value is None
        return (missing if not desc else not missing, value if value is not None else "",
                row["task_id"])  # fmt: skip

    return sorted(rows, key=key, reverse=desc)
