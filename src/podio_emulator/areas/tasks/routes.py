"""Tasks: `/task/...` (endpoints.tsv area `tasks`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from ...access import require_org, require_space
from ...errors import invalid_value
from ...request import ApiRequest, describe
from ...routing import Router
from .._refs import resolve
from ..items.resolver import user_timezone
from . import filters, models

router = Router("tasks")

SUMMARY_LIMIT = 4  # podio-dotnet TaskService summaries
TIMES = ("overdue", "due", "today", "all")


def _render_created(req: ApiRequest, task_ids: list[int]) -> object:
    """One task -> the task; several assignees -> the list (podio-dotnet reads either)."""
    view = models.TaskView(req.tx, req.require_principal(), req.web_url)
    tasks = [view.render(models.task_row(req.tx, t)) for t in task_ids]
    return tasks[0] if len(tasks) == 1 else tasks


@router.post("/task/")
def create_task(req: ApiRequest) -> object:
    """`{text, description?, private?, due_date?, due_time?, due_on?, responsible?,
    ref_type?, ref_id?, labels?, label_ids?, file_ids?, reminder?, recurrence?,
    external_id?}` -> the task, or a list with one task per assignee."""
    principal = req.require_principal()
    ids = models.create_tasks(req.tx, principal, req.json_object(), None, req.web_url)
    return _render_created(req, ids)


@router.post("/task/{ref_type}/{ref_id}/")
def create_task_with_reference(req: ApiRequest) -> object:
    """As `POST /task/`, on an item, status, app or space."""
    principal = req.require_principal()
    target = resolve(
        req.tx,
        principal,
        str(req.param("ref_type")),
        req.id("ref_id"),
        req.web_url,
        allowed=models.REF_TYPES,
    )
    ids = models.create_tasks(req.tx, principal, req.json_object(), target, req.web_url)
    return _render_created(req, ids)


def _listed(req: ApiRequest, rows: list[sqlite3.Row], q: filters.TaskQuery) -> list[Any]:
    rows = [r for r in rows if q.accepts(r)]
    rows = filters.sort_rows(rows, q.sort_by, q.sort_desc)
    view = models.TaskView(req.tx, req.require_principal(), req.web_url)
    return [view.render(r, q.grouping) for r in rows[q.offset : q.offset + q.limit]]


@router.get("/task/")
def get_tasks(req: ApiRequest) -> object:
    """The tasks the caller may see, filtered (see `filters.py` for every parameter)."""
    principal = req.require_principal()
    q = filters.parse_query(req.query, user_timezone(req.tx, principal))
    return _listed(req, models.visible_rows(req.tx, principal, q.sql, q.params), q)


@router.get("/task/{ref_type}/{ref_id}/")
def get_tasks_with_reference(req: ApiRequest) -> object:
    """The tasks on an object that the caller may see, open and completed."""
    principal = req.require_principal()
    target = resolve(
        req.tx, principal, str(req.param("ref_type")), req.id("ref_id"), req.web_url,
        allowed=models.REF_TYPES,
    )  # fmt: skip
    q = filters.parse_query(req.query, user_timezone(req.tx, principal))
    q.add("ref_type = :rt AND ref_id = :ri", rt=target.type, ri=target.id)
    return _listed(req, models.visible_rows(req.tx, principal, q.sql, q.params), q)


@router.get("/task/{ref_type}/{ref_id}/count")
def get_task_count(req: ApiRequest) -> object:
    """`{"count"}` of the open tasks on the object the caller may see."""
    principal = req.require_principal()
    target = resolve(
        req.tx, principal, str(req.param("ref_type")), req.id("ref_id"), req.web_url,
        allowed=models.REF_TYPES,
    )  # fmt: skip
    rows = models.visible_rows(
        req.tx,
        principal,
        "ref_type = :rt AND ref_id = :ri AND status = 'active'",
        {"rt": target.type, "ri": target.id},
    )
    return {"count": len(rows)}


@router.get("/task/{task_id}")
def get_task(req: ApiRequest) -> object:
    principal = req.require_principal()
    row = models.open_task(req.tx, principal, req.id("task_id"))
    return models.TaskView(req.tx, principal, req.web_url).render(row)


@router.put("/task/{task_id}")
def update_task(req: ApiRequest) -> object:
    """Given keys change (`completed` too); answers the task."""
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    models.update_task(req.tx, principal, row, req.json_object(), req.web_url)
    fresh = models.task_row(req.tx, int(row["task_id"]))
    return models.TaskView(req.tx, principal, req.web_url).render(fresh)


@router.delete("/task/{task_id}")
def delete_task(req: ApiRequest) -> object:
    principal = req.require_principal()
    row = models.open_task(req.tx, principal, req.id("task_id"))
    models.delete_task(req.tx, principal, row)
    return None


@router.post("/task/{task_id}/complete")
def complete_task(req: ApiRequest) -> object:
    principal = req.require_principal()
    models.complete(req.tx, principal, models.editable_task(req.tx, principal, req.id("task_id")))
    return None


@router.post("/task/{task_id}/incomplete")
def incomplete_task(req: ApiRequest) -> object:
    principal = req.require_principal()
    models.reopen(req.tx, principal, models.editable_task(req.tx, principal, req.id("task_id")))
    return None


@router.post("/task/{task_id}/assign")
def assign_task(req: ApiRequest) -> object:
    """`{"responsible": user_id | null}`."""
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    models.assign(req.tx, principal, row, req.json_object().get("responsible"))
    return None


def _due(req: ApiRequest, keys: tuple[str, ...]) -> object:
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    body = req.json_object()
    models.set_due(req.tx, principal, row, {k: body[k] for k in keys if k in body})
    return None


@router.put("/task/{task_id}/due")
def update_task_due(req: ApiRequest) -> object:
    """`{"due_on"}` (UTC) or `{"due_date", "due_time"?}` (local); nulls clear."""
    return _due(req, ("due_on", "due_date", "due_time"))


@router.put("/task/{task_id}/due_date")
def update_task_due_date(req: ApiRequest) -> object:
    return _due(req, ("due_date", "due_time"))


@router.put("/task/{task_id}/due_on")
def update_task_due_on(req: ApiRequest) -> object:
    return _due(req, ("due_on", "due_date", "due_time"))


def _one_key(req: ApiRequest, key: str) -> object:
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    body = req.json_object()
    if key not in body:
        raise invalid_value(f"Invalid value null (null): {key} must be given")
    models.update_task(req.tx, principal, row, {key: body[key]}, req.web_url)
    return None


@router.put("/task/{task_id}/text")
def update_task_text(req: ApiRequest) -> object:
    return _one_key(req, "text")


@router.put("/task/{task_id}/description")
def update_task_description(req: ApiRequest) -> object:
    return _one_key(req, "description")


@router.put("/task/{task_id}/private")
def update_task_private(req: ApiRequest) -> object:
    return _one_key(req, "private")


@router.put("/task/{task_id}/label/")
def update_task_labels(req: ApiRequest) -> object:
    """The body is the list of the caller's label ids."""
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    models.set_task_labels(req.tx, principal, row, req.json_list())
    return None


@router.put("/task/{task_id}/ref")
def update_task_reference(req: ApiRequest) -> object:
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    models.set_reference(req.tx, principal, row, req.json_object(), req.web_url)
    return None


@router.delete("/task/{task_id}/ref")
def remove_task_reference(req: ApiRequest) -> object:
    principal = req.require_principal()
    row = models.editable_task(req.tx, principal, req.id("task_id"))
    models.set_reference(req.tx, principal, row, None, req.web_url)
    return None


@router.post("/task/{task_id}/rank")
def rank_task(req: ApiRequest) -> object:
    """`{"before": task_id | null, "after": task_id | null}`."""
    principal = req.require_principal()
    row = models.open_task(req.tx, principal, req.id("task_id"))
    body = req.json_object()
    models.rank(req.tx, row, body.get("before"), body.get("after"))
    return None


# -- labels -----------------------------------------------------------------------------------


@router.get("/task/label/", slash="both")
def get_labels(req: ApiRequest) -> object:
    """The caller's labels (`{label_id, text, color}`), by text."""
    return models.labels_of_user(req.tx, req.require_principal())


@router.post("/task/label/", auth="user")
def create_label(req: ApiRequest) -> object:
    """`{"text", "color"?}` -> `{"label_id"}`."""
    return {"label_id": models.create_label(req.tx, req.require_principal(), req.json_object())}


@router.put("/task/label/{label_id}", auth="user")
def update_label(req: ApiRequest) -> object:
    models.update_label(req.tx, req.require_principal(), req.id("label_id"), req.json_object())
    return None


@router.delete("/task/label/{label_id}", auth="user")
def delete_label(req: ApiRequest) -> object:
    models.delete_label(req.tx, req.require_principal(), req.id("label_id"))
    return None


# -- summaries and totals ---------------------------------------------------------------------


def _summary(req: ApiRequest, where: str, params: dict[str, Any]) -> object:
    """`{"overdue", "today", "other"}`, each `{"total", "tasks"}` (first `limit`, default 4):
    open tasks by local due day."""
    principal = req.require_principal()
    limit = req.query_int("limit", SUMMARY_LIMIT, minimum=1, maximum=100)
    view = models.TaskView(req.tx, principal, req.web_url)
    rows = models.visible_rows(req.tx, principal, f"status = 'active' AND ({where})", params)
    rows = filters.sort_rows(rows, "rank", False)
    groups: dict[str, list[sqlite3.Row]] = {"overdue": [], "today": [], "other": []}
    for row in rows:
        bucket = models.due_group(row, view.tz, view.today)
        groups[bucket if bucket in ("overdue", "today") else "other"].append(row)
    return {
        name: {"total": len(found), "tasks": [view.render(r) for r in found[:limit]]}
        for name, found in groups.items()
    }


@router.get("/task/summary")
def get_task_summary(req: ApiRequest) -> object:
    """The caller's open tasks (they are responsible)."""
    return _summary(req, "responsible_id = :me", {})


@router.get("/task/personal/summary")
def get_task_summary_for_personal(req: ApiRequest) -> object:
    """The caller's open tasks outside spaces."""
    return _summary(req, "responsible_id = :me AND space_id IS NULL", {})


@router.get("/task/space/{space_id}/summary")
def get_task_summary_for_space(req: ApiRequest) -> object:
    require_space(req.tx, req.require_principal(), req.id("space_id"), "light")
    return _summary(req, "responsible_id = :me AND space_id = :s", {"s": req.id("space_id")})


@router.get("/task/org/{org_id}/summary")
def get_task_summary_for_organization(req: ApiRequest) -> object:
    require_org(req.tx, req.require_principal(), req.id("org_id"))
    return _summary(req, "responsible_id = :me AND org_id = :o", {"o": req.id("org_id")})


@router.get("/task/{ref_type}/{ref_id}/summary")
def get_task_summary_for_reference(req: ApiRequest) -> object:
    """Every open task on the object that the caller may see."""
    principal = req.require_principal()
    target = resolve(
        req.tx, principal, str(req.param("ref_type")), req.id("ref_id"), req.web_url,
        allowed=models.REF_TYPES,
    )  # fmt: skip
    return _summary(req, "ref_type = :rt AND ref_id = :ri", {"rt": target.type, "ri": target.id})


@router.get("/task/total/{time}")
def get_task_totals_by_time(req: ApiRequest) -> object:
    """`{"count"}` of the caller's open tasks that are `overdue`, due `today`, `due` (either)
    or `all`; `space_id` narrows to one space."""
    principal = req.require_principal()
    time = str(req.param("time"))
    if time not in TIMES:
        raise invalid_value(
            f"Invalid value {describe(time)}: time must be one of " + ", ".join(TIMES)
        )
    where, params = "responsible_id = :me AND status = 'active'", {}
    space = req.query_str("space_id")
    if space:
        if not space.isdigit():
            raise invalid_value(f"Invalid value {space!r} (string): space_id must be an integer")
        where += " AND space_id = :s"
        params["s"] = int(space)
    view = models.TaskView(req.tx, principal, req.web_url)
    count = 0
    for row in models.visible_rows(req.tx, principal, where, params):
        bucket = models.due_group(row, view.tz, view.today)
        if time == "all" or bucket == time or (time == "due" and bucket in ("overdue", "today")):
            count += 1
    return {"count": count}
