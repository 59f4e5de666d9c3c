"""Tasks and task labels (objects.md "Task", samples/task-get.json).

Rules (README, "Tasks", for the choices where Podio is silent):
- A task stands alone or references an item, status, app or space; it then belongs to that
  object's space. Its creator is responsible unless `responsible` names someone else; a list
  of assignees (user ids, `{"type": "user"|"profile"|"mail"|"space", "id"}`) makes one task
  per assignee. Assignees must be members of the task's space.
- Private tasks are seen by their creator and the responsible only; other tasks in a space by
  its members; tasks outside spaces by their creator and the responsible.
- The creator, the responsible, and (for tasks that are not private) regular members and
  admins of the space change and complete a task; the creator and space admins delete it.
- Due moments: `due_date` + `due_time` are the caller's local time (`users.timezone`),
  `due_on` is UTC; a task with a date but no time is due that day in every zone
  (`due_time` and `due_on` null). Reads show the due moment in the reader's zone.
- Labels belong to the user who made them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ...access import role_at_least, space_role
from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import PodioError, forbidden, gone, invalid_value, not_found
from ...fieldtypes import local_to_utc, utc_to_local
from ...request import describe
from ...shapes import file_image, push
from .._common import (
    author,
    by_line,
    check_bool,
    check_ids,
    check_int,
    check_text,
    is_author,
    space_data,
    via_json,
)
from .._refs import Target, reference, resolve
from ..comments.models import comments_for
from ..files.models import attach_to, copy_file, files_of
from ..items.resolver import user_timezone
from ..ratings.models import like_count, user_value
from ..subscriptions.models import subscribe, subscription_summary

__all__ = [
    "GROUPINGS",
    "SCHEMA",
    "TaskView",
    "can_see",
    "create_tasks",
    "task_row",
    "task_target",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (
    task_id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    private INTEGER NOT NULL DEFAULT 0,
    due_on TEXT,
    due_date TEXT,
    responsible_id INTEGER,
    ref_type TEXT,
    ref_id INTEGER,
    space_id INTEGER,
    org_id INTEGER,
    app_id INTEGER,
    external_id TEXT,
    rank REAL NOT NULL DEFAULT 0,
    reminder_id INTEGER,
    remind_delta INTEGER,
    recurrence TEXT,
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    completed_on TEXT,
    completed_by_type TEXT,
    completed_by_id INTEGER,
    completed_via TEXT,
    deleted_on TEXT,
    deleted_by_type TEXT,
    deleted_by_id INTEGER,
    deleted_via TEXT,
    last_edit_on TEXT
);
CREATE INDEX IF NOT EXISTS tasks_responsible ON tasks (responsible_id, status);
CREATE INDEX IF NOT EXISTS tasks_space ON tasks (space_id, status);
CREATE INDEX IF NOT EXISTS tasks_ref ON tasks (ref_type, ref_id);
CREATE TABLE IF NOT EXISTS task_labels (
    label_id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    color TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS task_labels_user ON task_labels (user_id);
CREATE TABLE IF NOT EXISTS task_label_links (
    task_id INTEGER NOT NULL,
    label_id INTEGER NOT NULL,
    PRIMARY KEY (task_id, label_id)
);
"""

REF_TYPES = ("item", "status", "app", "space")
GROUPINGS = ("due_date", "created_by", "responsible", "app", "space", "org")
DEFAULT_LABEL_COLOR = "E9E9E9"  # podio-rb TaskLabel::DEFAULT_COLOR_FOR_NEW_LABELS
MAX_TEXT = 255
_COLOR = re.compile(r"^[0-9A-Fa-f]{6}$")
_TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2}))?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$")


# ---------------------------------------------------------------------------------------------
# Access


def task_row(tx: Tx, task_id: int) -> sqlite3.Row:
    """The task; 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM tasks WHERE task_id = ?", (task_id,))
    if row is None:
        raise not_found("Task not found")
    if row["status"] == "deleted":
        raise gone("The task has been deleted")
    return row


def _is_responsible(row: sqlite3.Row, principal: Principal) -> bool:
    return principal.type == "user" and row["responsible_id"] == principal.id


def _role(tx: Tx, row: sqlite3.Row, principal: Principal) -> str | None:
    if row["space_id"] is None or principal.type != "user":
        return None
    return space_role(tx, principal.id, int(row["space_id"]))


def can_see(tx: Tx, row: sqlite3.Row, principal: Principal) -> bool:
    if is_author(row, principal) or _is_responsible(row, principal):
        return True
    if principal.type == "app":
        return row["app_id"] == principal.id and not row["private"]
    if row["private"] or row["space_id"] is None:
        return False
    return _role(tx, row, principal) is not None


def can_edit(tx: Tx, row: sqlite3.Row, principal: Principal) -> bool:
    if is_author(row, principal) or _is_responsible(row, principal):
        return True
    if principal.type == "app":
        return row["app_id"] == principal.id and not row["private"]
    return not row["private"] and role_at_least(_role(tx, row, principal), "regular")


def can_delete(tx: Tx, row: sqlite3.Row, principal: Principal) -> bool:
    if is_author(row, principal):
        return True
    return role_at_least(_role(tx, row, principal), "admin")


def open_task(tx: Tx, principal: Principal, task_id: int) -> sqlite3.Row:
    """The task if the caller may see it (404/410/403)."""
    row = task_row(tx, task_id)
    if not can_see(tx, row, principal):
        raise forbidden("You may not see this task")
    return row


def editable_task(tx: Tx, principal: Principal, task_id: int) -> sqlite3.Row:
    row = open_task(tx, principal, task_id)
    if not can_edit(tx, row, principal):
        raise forbidden("You may not change this task")
    return row


def _link(tx: Tx, row: sqlite3.Row, web_url: str) -> str:
    if row["space_id"] is not None:
        space = space_data(tx, int(row["space_id"]), web_url)
        if space is not None:
            return f"{space['url']}/tasks/{row['task_id']}"
    return f"{web_url}/tasks/{row['task_id']}"


def task_target(tx: Tx, principal: Principal, task_id: int, web_url: str) -> Target:
    """The task as the object of a reference (comments, files, likes)."""
    row = open_task(tx, principal, task_id)
    return Target(
        type="task",
        id=task_id,
        title=str(row["text"]),
        link=_link(tx, row, web_url),
        space_id=row["space_id"],
        can_edit=can_edit(tx, row, principal),
        can_moderate=can_delete(tx, row, principal) or can_edit(tx, row, principal),
        app_id=row["app_id"],
        created_on=row["created_on"],
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=loads(row["created_via"], {}),
        data={"task_id": task_id, "text": row["text"], "status": row["status"]},
    )


# ---------------------------------------------------------------------------------------------
# Input


@dataclass
class Due:
    """A due moment: `on` (UTC) for a time, or only `day` (a date-only task)."""

    on: datetime | None = None
    day: date | None = None

    @property
    def columns(self) -> dict[str, str | None]:
        return {
            "due_on": self.on.strftime("%Y-%m-%d %H:%M:%S") if self.on else None,
            "due_date": self.day.isoformat() if self.day else None,
        }


def _date(value: Any, name: str) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise invalid_value(f"Invalid value {describe(value)}: {name} is not a date") from None


def _time(value: Any, name: str) -> tuple[int, int, int]:
    match = _TIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise invalid_value(f"Invalid value {describe(value)}: {name} must be a time HH:MM:SS")
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise invalid_value(f"Invalid value {describe(value)}: {name} is not a time")
    return hour, minute, second


def _datetime(value: Any, name: str) -> datetime:
    match = _DATETIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise invalid_value(
            f"Invalid value {describe(value)}: {name} must be a datetime YYYY-MM-DD HH:MM:SS"
        )
    day = _date(match.group(1), name)
    hour, minute, second = _time(match.group(2), name)
    return datetime(day.year, day.month, day.day, hour, minute, second)


def parse_due(body: Mapping[str, Any], tz: str) -> Due | None:
    """The due moment of a body, or None when it names none.

    `due_on` (UTC) wins; else `due_date` (a date, or a local datetime as podio-dotnet may
    send) with an optional local `due_time`."""
    if body.get("due_on") is not None:
        return Due(on=_datetime(body["due_on"], "due_on"))
    raw = body.get("due_date")
    if raw is None:
        if body.get("due_time") is not None:
            raise invalid_value("Invalid value null (null): due_time needs a due_date")
        return None
    if isinstance(raw, str) and _DATETIME.match(raw):
        return Due(on=local_to_utc(_datetime(raw, "due_date"), tz))
    day = _date(raw, "due_date")
    if body.get("due_time") is None:
        return Due(day=day)
    hour, minute, second = _time(body["due_time"], "due_time")
    local = datetime(day.year, day.month, day.day, hour, minute, second)
    return Due(on=local_to_utc(local, tz))


def _clears_due(body: Mapping[str, Any]) -> bool:
    """A body that sets the due keys it has to null clears the due moment."""
    keys = [k for k in ("due_on", "due_date", "due_time") if k in body]
    return bool(keys) and all(body[k] is None for k in keys)


def _user_ids_of(tx: Tx, principal: Principal, value: Any) -> list[int | None]:
    """Assignees named by `responsible` (README, "Tasks")."""
    if value is None:
        return [None]
    if isinstance(value, list):
        if not value:
            raise invalid_value("Invalid value [] (array): responsible must name someone")
        out: list[int | None] = []
        for entry in value:
            for user_id in _user_ids_of(tx, principal, entry):
                if user_id not in out:
                    out.append(user_id)
        return out
    if isinstance(value, bool):
        raise invalid_value(f"Invalid value {describe(value)}: responsible must be a user")
    if isinstance(value, int):
        return [_active_user(tx, value)]
    if isinstance(value, dict):
        kind, ident = value.get("type"), value.get("id")
        if kind == "user":
            return [_active_user(tx, check_int(ident, "responsible id"))]
        if kind == "profile":
            user_id = tx.scalar(
                "SELECT user_id FROM profiles WHERE profile_id = ? AND type = 'user'",
                (check_int(ident, "responsible id"),),
            )
            if user_id is None:
                raise invalid_value(f"Invalid value {describe(ident)}: No user found")
            return [_active_user(tx, int(user_id))]
        if kind == "mail":
            if not isinstance(ident, str):
                raise invalid_value(f"Invalid value {describe(ident)}: must be a mail address")
            user_id = tx.scalar(
                "SELECT user_id FROM users WHERE mail = ? COLLATE NOCASE AND status = 'active'",
                (ident.strip(),),
            )
            if user_id is None:
                raise invalid_value(f"Invalid value {describe(ident)}: No user found")
            return [int(user_id)]
        if kind == "space":
            space_id = check_int(ident, "responsible id")
            if principal.type != "user" or space_role(tx, principal.id, space_id) is None:
                raise invalid_value(f"Invalid value {space_id} (integer): No space found")
            rows = tx.query(
                "SELECT user_id FROM space_members WHERE space_id = ? AND ended_on IS NULL "
                "AND started_on IS NOT NULL ORDER BY user_id",
                (space_id,),
            )
            return [int(r["user_id"]) for r in rows]
        raise invalid_value(
            f"Invalid value {describe(kind)}: responsible type must be user, profile, mail or space"
        )
    raise invalid_value(f"Invalid value {describe(value)}: responsible must be a user")


def _active_user(tx: Tx, user_id: int) -> int:
    if tx.scalar("SELECT 1 FROM users WHERE user_id = ? AND status = 'active'", (user_id,)):
        return user_id
    raise invalid_value(f"Invalid value {user_id} (integer): No user found")


def _check_assignee(tx: Tx, user_id: int | None, space_id: int | None) -> None:
    if user_id is None or space_id is None:
        return
    if space_role(tx, user_id, space_id) is None:
        raise invalid_value(
            f"Invalid value {user_id} (integer): the user is not a member of the task's space"
        )


def _labels(tx: Tx, principal: Principal, body: Mapping[str, Any]) -> list[int]:
    """`label_ids` (the caller's labels) and `labels` (texts; unknown texts become labels)."""
    ids = check_ids(body.get("label_ids"), "label_ids")
    texts = body.get("labels")
    if texts is not None and (
        not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts)
    ):
        raise invalid_value(f"Invalid value {describe(texts)}: labels must be array of strings")
    if (ids or texts) and principal.type != "user":
        raise invalid_value("Invalid value (labels): only users have task labels")
    for label_id in ids:
        _own_label(tx, principal, label_id, error=invalid_value)
    for text in texts or []:
        found = tx.scalar(
            "SELECT label_id FROM task_labels WHERE user_id = ? AND lower(text) = lower(?)",
            (principal.id, text.strip()),
        )
        label_id = (
            int(found) if found is not None else create_label(tx, principal, {"text": text.strip()})
        )
        if label_id not in ids:
            ids.append(label_id)
    return ids


def _reminder(value: Any) -> int | None:
    """`{"remind_delta": minutes}`; null or an empty delta removes the reminder."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid_value(f"Invalid value {describe(value)}: reminder must be object")
    delta = value.get("remind_delta")
    if delta in (None, ""):
        return None
    delta = check_int(delta, "remind_delta")
    if delta < 0:
        raise invalid_value(f"Invalid value {delta} (integer): must not be less than 0")
    return delta


def _recurrence(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise invalid_value(f"Invalid value {describe(value)}: recurrence must be object")
    return dumps(value)


# ---------------------------------------------------------------------------------------------
# Writes


def _next_rank(tx: Tx) -> float:
    return float(tx.scalar("SELECT COALESCE(MAX(rank), 0) FROM tasks") or 0) + 1.0


def _target_of(
    tx: Tx, principal: Principal, ref_type: Any, ref_id: Any, web_url: str
) -> Target | None:
    if ref_type is None and ref_id is None:
        return None
    if not isinstance(ref_type, str):
        raise invalid_value(f"Invalid value {describe(ref_type)}: ref_type must be string")
    return resolve(tx, principal, ref_type, check_int(ref_id, "ref_id"), web_url, allowed=REF_TYPES)


def _org_of(tx: Tx, space_id: int | None) -> int | None:
    if space_id is None:
        return None
    org = tx.scalar("SELECT org_id FROM spaces WHERE space_id = ?", (space_id,))
    return int(org) if org is not None else None


def _emit(tx: Tx, kind: str, row: Mapping[str, Any] | sqlite3.Row) -> None:
    """`task.create|update|delete` for the space's webhooks (hooks.md §2, space level)."""
    if row["space_id"] is not None:
        tx.emit(kind, "space", int(row["space_id"]), task_id=int(row["task_id"]))


def create_tasks(
    tx: Tx,
    principal: Principal,
    body: Mapping[str, Any],
    target: Target | None,
    web_url: str,
) -> list[int]:
    """`POST /task/` and `POST /task/{ref_type}/{ref_id}/`: one task per assignee."""
    if target is None:
        target = _target_of(tx, principal, body.get("ref_type"), body.get("ref_id"), web_url)
    text = check_text(body.get("text"), "text", required=True, max_length=MAX_TEXT)
    description = check_text(body.get("description"), "description")
    private = check_bool(body["private"], "private") if body.get("private") is not None else False
    external_id = check_text(body.get("external_id"), "external_id")
    tz = user_timezone(tx, principal)
    due = parse_due(body, tz) or Due()
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    label_ids = _labels(tx, principal, body)
    remind_delta = _reminder(body.get("reminder"))
    recurrence = _recurrence(body.get("recurrence"))
    space_id = target.space_id if target is not None else None
    assignees = _user_ids_of(tx, principal, body.get("responsible"))
    if assignees == [None] and principal.type == "user":
        assignees = [principal.id]
    for user_id in assignees:
        _check_assignee(tx, user_id, space_id)
    by_type, by_id = author(principal)
    now = tx.clock.now_str()
    created: list[int] = []
    for user_id in assignees:
        task_id = tx.next_id("task")
        values: dict[str, Any] = {
            "task_id": task_id,
            "text": text,
            "description": description,
            "private": 1 if private else 0,
            **due.columns,
            "responsible_id": user_id,
            "ref_type": target.type if target else None,
            "ref_id": target.id if target else None,
            "space_id": space_id,
            "org_id": _org_of(tx, space_id),
            "app_id": target.app_id if target else None,
            "external_id": external_id,
            "rank": _next_rank(tx),
            "reminder_id": tx.next_id("reminder") if remind_delta is not None else None,
            "remind_delta": remind_delta,
            "recurrence": recurrence,
            "created_on": now,
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json(tx, principal),
            "last_edit_on": now,
        }
        tx.insert("tasks", values)
        _set_labels(tx, task_id, label_ids)
        if file_ids:
            ids = file_ids if not created else [
                copy_file(tx, principal, f, web_url) for f in file_ids
            ]  # fmt: skip
            attach_to(tx, principal, ids, _self_target(task_id, space_id), web_url)
        if user_id is not None and (by_type, by_id) != ("user", user_id):
            subscribe(tx, user_id, "task", task_id)
        _emit(tx, "task.create", values)
        created.append(task_id)
    return created


def _self_target(task_id: int, space_id: int | None) -> Target:
    return Target(
        type="task", id=task_id, title="", link="", space_id=space_id, can_edit=True,
        can_moderate=True,
    )  # fmt: skip


def _set_labels(tx: Tx, task_id: int, label_ids: Iterable[int]) -> None:
    tx.execute("DELETE FROM task_label_links WHERE task_id = ?", (task_id,))
    for label_id in label_ids:
        tx.execute(
            "INSERT OR IGNORE INTO task_label_links (task_id, label_id) VALUES (?, ?)",
            (task_id, label_id),
        )


def _changed(tx: Tx, row: sqlite3.Row, updates: dict[str, Any]) -> None:
    updates["last_edit_on"] = tx.clock.now_str()
    tx.update("tasks", updates, "task_id = ?", (row["task_id"],))
    _emit(tx, "task.update", row)


def update_task(
    tx: Tx, principal: Principal, row: sqlite3.Row, body: Mapping[str, Any], web_url: str
) -> None:
    """`PUT /task/{id}`: the keys given change, the others stay; `completed` completes or
    reopens; a null `reminder` or empty `remind_delta` removes the reminder."""
    updates: dict[str, Any] = {}
    if "text" in body:
        updates["text"] = check_text(body["text"], "text", required=True, max_length=MAX_TEXT)
    if "description" in body:
        updates["description"] = check_text(body["description"], "description")
    if "private" in body:
        if not is_author(row, principal):
            raise forbidden("Only the creator may make a task private or public")
        updates["private"] = 1 if check_bool(body["private"], "private") else 0
    if "external_id" in body:
        updates["external_id"] = check_text(body["external_id"], "external_id")
    if _clears_due(body):
        updates.update(Due().columns)
    else:
        due = parse_due(body, user_timezone(tx, principal))
        if due is not None:
            updates.update(due.columns)
    if "reminder" in body:
        delta = _reminder(body["reminder"])
        updates["remind_delta"] = delta
        updates["reminder_id"] = (
            (row["reminder_id"] or tx.next_id("reminder")) if delta is not None else None
        )
    if "recurrence" in body:
        updates["recurrence"] = _recurrence(body["recurrence"])
    if "ref_type" in body or "ref_id" in body:
        updates.update(_reference_columns(tx, principal, row, body, web_url))
    if "responsible" in body:
        users = _user_ids_of(tx, principal, body["responsible"])
        if len(users) != 1:
            raise invalid_value("Invalid value (responsible): an update takes one assignee")
        space_id = updates.get("space_id", row["space_id"])
        _check_assignee(tx, users[0], space_id)
        updates["responsible_id"] = users[0]
    labels = None
    if "labels" in body or "label_ids" in body:
        labels = _labels(tx, principal, body)
    file_ids = check_ids(body.get("file_ids"), "file_ids")
    completed = body.get("completed")
    if completed is not None:
        check_bool(completed, "completed")
    if labels is not None:
        _set_labels(tx, int(row["task_id"]), labels)
    if file_ids:
        attach_to(
            tx, principal, file_ids, _self_target(int(row["task_id"]), row["space_id"]), web_url
        )
    if completed is not None and completed != (row["status"] == "completed"):
        updates.update(_completion(tx, principal, bool(completed)))
    _changed(tx, row, updates)


def _reference_columns(
    tx: Tx, principal: Principal, row: sqlite3.Row, body: Mapping[str, Any], web_url: str
) -> dict[str, Any]:
    target = _target_of(tx, principal, body.get("ref_type"), body.get("ref_id"), web_url)
    if target is None:
        return {"ref_type": None, "ref_id": None, "app_id": None}
    _check_assignee(tx, row["responsible_id"], target.space_id)
    return {
        "ref_type": target.type,
        "ref_id": target.id,
        "space_id": target.space_id,
        "org_id": _org_of(tx, target.space_id),
        "app_id": target.app_id,
    }


def set_reference(
    tx: Tx, principal: Principal, row: sqlite3.Row, body: Mapping[str, Any] | None, web_url: str
) -> None:
    """`PUT /task/{id}/ref` (`body`) and `DELETE /task/{id}/ref` (None): the task keeps
    its space when the reference is removed."""
    if body is None:
        _changed(tx, row, {"ref_type": None, "ref_id": None, "app_id": None})
        return
    if body.get("ref_type") is None or body.get("ref_id") is None:
        raise invalid_value("Invalid value null (null): ref_type and ref_id must be given")
    _changed(tx, row, _reference_columns(tx, principal, row, body, web_url))


def _completion(tx: Tx, principal: Principal, done: bool) -> dict[str, Any]:
    """The columns that complete (or reopen) a task."""
    if not done:
        return {
            "status": "active",
            "completed_on": None,
            "completed_by_type": None,
            "completed_by_id": None,
            "completed_via": None,
        }
    by_type, by_id = author(principal)
    return {
        "status": "completed",
        "completed_on": tx.clock.now_str(),
        "completed_by_type": by_type,
        "completed_by_id": by_id,
        "completed_via": via_json(tx, principal),
    }


def complete(tx: Tx, principal: Principal, row: sqlite3.Row) -> None:
    """Nothing happens to a task that is already completed."""
    if row["status"] != "completed":
        _changed(tx, row, _completion(tx, principal, True))


def reopen(tx: Tx, principal: Principal, row: sqlite3.Row) -> None:
    if row["status"] == "completed":
        _changed(tx, row, _completion(tx, principal, False))


def assign(tx: Tx, principal: Principal, row: sqlite3.Row, value: Any) -> None:
    """`{"responsible": user_id | null}`: null leaves the task without assignee."""
    user_id = None
    if value is not None:
        (user_id,) = _user_ids_of(tx, principal, check_int(value, "responsible"))
    _check_assignee(tx, user_id, row["space_id"])
    _changed(tx, row, {"responsible_id": user_id})
    if user_id is not None:
        subscribe(tx, user_id, "task", int(row["task_id"]))


def set_due(tx: Tx, principal: Principal, row: sqlite3.Row, body: Mapping[str, Any]) -> None:
    """`PUT /task/{id}/due|due_date|due_on`; nulls clear the due moment."""
    if _clears_due(body):
        _changed(tx, row, dict(Due().columns))
        return
    due = parse_due(body, user_timezone(tx, principal))
    if due is None:
        raise invalid_value("Invalid value null (null): due_on or due_date must be given")
    _changed(tx, row, dict(due.columns))


def delete_task(tx: Tx, principal: Principal, row: sqlite3.Row) -> None:
    """The creator and space admins; the task answers 410 afterwards."""
    if not can_delete(tx, row, principal):
        raise forbidden("Only the creator and space admins may delete a task")
    by_type, by_id = author(principal)
    tx.update(
        "tasks",
        {
            "status": "deleted",
            "deleted_on": tx.clock.now_str(),
            "deleted_by_type": by_type,
            "deleted_by_id": by_id,
            "deleted_via": via_json(tx, principal),
        },
        "task_id = ?",
        (row["task_id"],),
    )
    _emit(tx, "task.delete", row)


def rank(tx: Tx, row: sqlite3.Row, before: Any, after: Any) -> None:
    """`POST /task/{id}/rank {"before", "after"}`: place the task between two others (either
    may be null); ranks are numbers, the lowest first."""
    ranks: list[float | None] = []
    for name, value in (("before", before), ("after", after)):
        if value is None:
            ranks.append(None)
            continue
        other = tx.scalar(
            "SELECT rank FROM tasks WHERE task_id = ? AND status != 'deleted'",
            (check_int(value, name),),
        )
        if other is None:
            raise invalid_value(f"Invalid value {value} (integer): No task found")
        ranks.append(float(other))
    low, high = ranks[1], ranks[0]  # after the `after` task, before the `before` task
    if low is None and high is None:
        return
    if low is None:
        assert high is not None
        new = high - 1.0
    elif high is None:
        new = low + 1.0
    else:
        new = (low + high) / 2.0
    tx.update("tasks", {"rank": new}, "task_id = ?", (row["task_id"],))


# ---------------------------------------------------------------------------------------------
# Labels


def _own_label(tx: Tx, principal: Principal, label_id: int, error: Any = not_found) -> sqlite3.Row:
    row = tx.one(
        "SELECT * FROM task_labels WHERE label_id = ? AND user_id = ?",
        (label_id, principal.id if principal.type == "user" else -1),
    )
    if row is None:
        raise error(f"Invalid value {label_id} (integer): No label found")
    return row


def _color(value: Any) -> str:
    if not isinstance(value, str) or not _COLOR.match(value.lstrip("#")):
        raise invalid_value(f"Invalid value {describe(value)}: color must be a hex color RRGGBB")
    return value.lstrip("#").upper()


def create_label(tx: Tx, principal: Principal, body: Mapping[str, Any]) -> int:
    """`{"text", "color"?}` (default E9E9E9) -> the new label's id."""
    if principal.type != "user":
        raise forbidden("Only users have task labels")
    text = check_text(body.get("text"), "text", required=True, max_length=MAX_TEXT)
    assert text is not None
    color = _color(body["color"]) if body.get("color") is not None else DEFAULT_LABEL_COLOR
    label_id = tx.next_id("task_label")
    tx.insert(
        "task_labels",
        {"label_id": label_id, "user_id": principal.id, "text": text.strip(), "color": color},
    )
    return label_id


def update_label(tx: Tx, principal: Principal, label_id: int, body: Mapping[str, Any]) -> None:
    _own_label(tx, principal, label_id)
    updates: dict[str, Any] = {}
    if "text" in body:
        text = check_text(body["text"], "text", required=True, max_length=MAX_TEXT)
        assert text is not None
        updates["text"] = text.strip()
    if "color" in body:
        updates["color"] = _color(body["color"])
    tx.update("task_labels", updates, "label_id = ?", (label_id,))


def delete_label(tx: Tx, principal: Principal, label_id: int) -> None:
    """The label disappears from every task."""
    _own_label(tx, principal, label_id)
    tx.execute("DELETE FROM task_label_links WHERE label_id = ?", (label_id,))
    tx.execute("DELETE FROM task_labels WHERE label_id = ?", (label_id,))


def labels_of_user(tx: Tx, principal: Principal) -> list[dict[str, Any]]:
    if principal.type != "user":
        return []
    rows = tx.query(
        "SELECT * FROM task_labels WHERE user_id = ? ORDER BY lower(text), label_id",
        (principal.id,),
    )
    return [_label(r) for r in rows]


def _label(row: sqlite3.Row) -> dict[str, Any]:
    return {"label_id": row["label_id"], "text": row["text"], "color": row["color"]}


def set_task_labels(tx: Tx, principal: Principal, row: sqlite3.Row, label_ids: Any) -> None:
    """`PUT /task/{id}/label/` with a list of the caller's label ids."""
    ids = check_ids(label_ids, "label_ids")
    for label_id in ids:
        _own_label(tx, principal, label_id, error=invalid_value)
    _set_labels(tx, int(row["task_id"]), ids)
    _changed(tx, row, {})


# ---------------------------------------------------------------------------------------------
# Reading


def local_today(tx: Tx, tz: str) -> date:
    return utc_to_local(tx.clock.utcnow().replace(tzinfo=None), tz).date()


def due_day(row: sqlite3.Row, tz: str) -> date | None:
    """The local day the task is due on, in the reader's zone."""
    if row["due_on"] is not None:
        utc = datetime.strptime(str(row["due_on"]), "%Y-%m-%d %H:%M:%S")
        return utc_to_local(utc, tz).date()
    if row["due_date"] is not None:
        return date.fromisoformat(str(row["due_date"]))
    return None


def due_group(row: sqlite3.Row, tz: str, today: date) -> str:
    """`group` by due date: overdue, today, tomorrow, upcoming, later (no due date);
    completed tasks are `completed` (README, "Tasks")."""
    if row["status"] == "completed":
        return "completed"
    day = due_day(row, tz)
    if day is None:
        return "later"
    if day < today:
        return "overdue"
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return "upcoming"


class TaskView:
    """Renders tasks for one caller, caching what many tasks share."""

    def __init__(self, tx: Tx, principal: Principal, web_url: str) -> None:
        self.tx = tx
        self.principal = principal
        self.web_url = web_url
        self.tz = user_timezone(tx, principal)
        self.today = local_today(tx, self.tz)
        self._refs: dict[tuple[str, int], dict[str, Any] | None] = {}

    def group(self, row: sqlite3.Row, grouping: str) -> str:
        if grouping == "due_date":
            return due_group(row, self.tz, self.today)
        if grouping == "created_by":
            return f"{row['created_by_type']}:{row['created_by_id']}"
        if grouping == "responsible":
            return str(row["responsible_id"]) if row["responsible_id"] is not None else "none"
        column = {"app": "app_id", "space": "space_id", "org": "org_id"}[grouping]
        return str(row[column]) if row[column] is not None else "none"

    def _reference(self, row: sqlite3.Row) -> dict[str, Any] | None:
        key = (str(row["ref_type"]), int(row["ref_id"]))
        if key not in self._refs:
            try:
                target = resolve(self.tx, self.principal, key[0], key[1], self.web_url)
                self._refs[key] = reference(self.tx, target, self.web_url, full=False)
            except PodioError:
                # A reference the reader cannot open (or that was deleted) shows its kind only.
                self._refs[key] = {"type": key[0], "id": key[1], "title": None, "link": None,
                                   "data": None}  # fmt: skip
        return self._refs[key]

    def responsible(self, user_id: int | None) -> dict[str, Any] | None:
        """The assignee as a profile mini (samples/task-get.json `responsible`)."""
        if user_id is None:
            return None
        user = self.tx.one("SELECT * FROM users WHERE user_id = ?", (user_id,))
        if user is None:
            return None
        return {
            "user_id": user["user_id"],
            "profile_id": user["profile_id"],
            "type": "user",
            "name": user["name"],
            "avatar": user["avatar"],
            "image": file_image(user["avatar"]),
            "link": f"{self.web_url}/users/{user['user_id']}",
            "last_seen_on": user["last_seen_on"],
        }

    def _by(self, kind: str | None, ident: int | None) -> dict[str, Any] | None:
        if kind is None or ident is None:
            return None
        return by_line(self.tx, kind, ident, self.web_url)

    def render(self, row: sqlite3.Row, grouping: str = "due_date") -> dict[str, Any]:
        """A task with the keys of samples/task-get.json plus objects.md's newer ones."""
        tx = self.tx
        task_id = int(row["task_id"])
        editor = can_edit(tx, row, self.principal)
        rights = ["view", "comment", "add_file"]
        if editor:
            rights += ["update", "complete", "assign"]
        if can_delete(tx, row, self.principal):
            rights.append("delete")
        due_date = due_time = None
        if row["due_on"] is not None:
            local = utc_to_local(datetime.strptime(str(row["due_on"]), "%Y-%m-%d %H:%M:%S"),
                                 self.tz)  # fmt: skip
            due_date, due_time = local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")
        elif row["due_date"] is not None:
            due_date = str(row["due_date"])
        ref = self._reference(row) if row["ref_type"] is not None else None
        labels = tx.query(
            "SELECT l.* FROM task_labels l JOIN task_label_links k ON k.label_id = l.label_id "
            "WHERE k.task_id = ? ORDER BY lower(l.text), l.label_id",
            (task_id,),
        )
        liked = self.principal.type == "user" and (
            user_value(tx, "task", task_id, "like", self.principal.id) is not None
        )
        reminder = None
        if row["remind_delta"] is not None:
            reminder = {"reminder_id": row["reminder_id"], "remind_delta": row["remind_delta"]}
        return {
            "task_id": task_id,
            "text": row["text"],
            "description": row["description"],
            "status": row["status"],
            "private": bool(row["private"]),
            "due_date": due_date,
            "due_time": due_time,
            "due_on": row["due_on"],
            "responsible": self.responsible(row["responsible_id"]),
            "space_id": row["space_id"],
            "link": _link(tx, row, self.web_url),
            "labels": [_label(r) for r in labels],
            "files": files_of(tx, self.principal, "task", task_id, self.web_url, moderator=editor),
            "comments": comments_for(tx, "task", task_id, self.web_url, self.principal),
            "external_id": row["external_id"],
            "group": self.group(row, grouping),
            "created_on": row["created_on"],
            "created_by": self._by(row["created_by_type"], row["created_by_id"]),
            "created_via": loads(row["created_via"], None),
            "completed_on": row["completed_on"],
            "completed_by": self._by(row["completed_by_type"], row["completed_by_id"]),
            "completed_via": loads(row["completed_via"], None),
            "deleted_on": row["deleted_on"],
            "deleted_by": self._by(row["deleted_by_type"], row["deleted_by_id"]),
            "deleted_via": loads(row["deleted_via"], None),
            "started": False,
            "reminder": reminder,
            "recurrence": loads(row["recurrence"], None),
            "rights": rights,
            **subscription_summary(tx, "task", task_id, self.principal),
            "pinned": False,
            "like_count": like_count(tx, "task", task_id),
            "is_liked": liked,
            "ref_type": row["ref_type"],
            "ref_id": row["ref_id"],
            "ref_title": ref["title"] if ref else None,
            "ref_link": ref["link"] if ref else None,
            "ref": ref,
            "push": push(tx, f"/task/{task_id}"),
            "presence": {
                "ref_type": "task",
                "ref_id": task_id,
                "user_id": self.principal.id if self.principal.type == "user" else None,
                "signature": push(tx, f"/task/{task_id}/presence")["signature"],
            },
        }


def visible_rows(
    tx: Tx, principal: Principal, where: str = "1", params: Mapping[str, Any] | None = None
) -> list[sqlite3.Row]:
    """Live tasks matching `where` (named parameters; `:me` is the caller) that the caller
    may see."""
    if principal.type == "user":
        scope = (
            "((created_by_type = 'user' AND created_by_id = :me) OR responsible_id = :me OR "
            "(private = 0 AND space_id IN (SELECT space_id FROM space_members WHERE "
            "user_id = :me AND ended_on IS NULL AND started_on IS NOT NULL)))"
        )
    elif principal.type == "app":
        scope = (
            "((created_by_type = 'app' AND created_by_id = :me) OR (private = 0 AND app_id = :me))"
        )
    else:
        return []
    named = {**(params or {}), "me": principal.id}
    rows = tx.query(
        f"SELECT * FROM tasks WHERE status != 'deleted' AND {scope} AND ({where})",  # noqa: S608 - built from fixed parts
        named,
    )
    return [r for r in rows if can_see(tx, r, principal)]
