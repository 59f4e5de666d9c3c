"""Tasks: work to be done, on their own or on an item, status, app, space or conversation."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .._response import Response
from ._base import Date, DateTime, Model, Time
from ._operation import (
    Call,
    ClientArg,
    Paging,
    as_field,
    as_raw,
    as_status,
    instance,
    member,
    members,
    paged,
    returns,
)
from .by_line import ByLine
from .comment import Comment
from .file_attachment import FileAttachment
from .profile import Profile
from .recurrence import Recurrence
from .reminder import Reminder
from .task_label import TaskLabel
from .via import Via

if TYPE_CHECKING:
    from .task_summary import TaskSummary

__all__ = ["Task"]

_DOC = "https://developers.podio.com/doc/tasks"

#: Pages of `Task.iter_all`: the maximum Podio accepts for ``GET /task/`` is not documented,
#: 100 is what its other lists accept.
TASK_PAGE_SIZE = 100

#: What a task is created or updated with (create-task-22419, update-task-10583674).
_WRITABLE = (
    "text",
    "description",
    "private",
    "due_date",
    "due_time",
    "due_on",
    "responsible",
    "file_ids",
    "labels",
    "label_ids",
    "external_id",
    "reminder",
    "recurrence",
    "ref_type",
    "ref_id",
)

IdFilter = int | str | Sequence[int]


def _ids(value: IdFilter | None) -> int | str | None:
    """A filter on one or several ids: Podio separates several with semicolons."""
    if value is None or isinstance(value, (int, str)):
        return value
    return ";".join(str(item) for item in value)


def _as_tasks(response: Response) -> list[Task]:
    """One task per assignee: Podio answers a task, or a list when several were created."""
    body = response.body
    entries = body if isinstance(body, list) else [body]
    return [Task.from_api(entry) for entry in entries]


def _as_summary(response: Response) -> TaskSummary:
    from .task_summary import TaskSummary

    return TaskSummary.from_response(response)


def _filters(
    *,
    app: IdFilter | None,
    completed: bool | None,
    completed_by: str | None,
    completed_on: str | None,
    created_by: str | None,
    created_on: str | None,
    created_via: IdFilter | None,
    due_date: str | None,
    external_id: str | None,
    files: bool | None,
    grouping: str | None,
    label: IdFilter | None,
    org: IdFilter | None,
    reassigned: bool | None,
    reference: str | None,
    responsible: IdFilter | None,
    sort_by: str | None,
    sort_desc: bool | None,
    space: IdFilter | None,
    view: str | None,
    fields: str | None,
) -> dict[str, Any]:
    return {
        "app": _ids(app),
        "completed": completed,
        "completed_by": completed_by,
        "completed_on": completed_on,
        "created_by": created_by,
        "created_on": created_on,
        "created_via": _ids(created_via),
        "due_date": due_date,
        "external_id": external_id,
        "files": files,
        "grouping": grouping,
        "label": _ids(label),
        "org": _ids(org),
        "reassigned": reassigned,
        "reference": reference,
        "responsible": _ids(responsible),
        "sort_by": sort_by,
        "sort_desc": sort_desc,
        "space": _ids(space),
        "view": view,
        "fields": fields,
    }


class Task(Model):
    """A task (objects.md, "Task"; samples/task-get.json).

    Class methods act by id (``Task.complete(42)``); an instance can create and delete
    itself::

        task = podio.Task(text="Call Bob", due_date=date(2024, 5, 1), ref_type="item", ref_id=7)
        if task.create():
            print(task.task_id)
        task.destroy()

    `due_date`/`due_time` are the user's local date and time, `due_on` the same moment in
    UTC (conventions.md §3).
    """

    _id_field = "task_id"

    task_id: int | None = None
    text: str | None = None
    description: str | None = None
    status: str | None = None
    group: str | None = None
    private: bool | None = None
    due_date: Date | None = None
    due_time: Time | None = None
    due_on: DateTime | None = None
    responsible: Profile | None = None
    space_id: int | None = None
    link: str | None = None
    external_id: str | None = None
    labels: list[TaskLabel] | None = None
    files: list[FileAttachment] | None = None
    comments: list[Comment] | None = None
    reminder: Reminder | None = None
    recurrence: Recurrence | None = None
    started: bool | None = None
    rights: list[str] | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None
    pinned: bool | None = None
    is_liked: bool | None = None
    like_count: int | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None
    # The object the task is on: the old flat keys, and the newer `ref` object.
    ref_type: str | None = None
    ref_id: int | None = None
    ref_title: str | None = None
    ref_link: str | None = None
    ref: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    completed_on: DateTime | None = None
    completed_by: ByLine | None = None
    completed_via: Via | None = None
    deleted_on: DateTime | None = None
    deleted_by: ByLine | None = None
    deleted_via: Via | None = None
    # What a new task is written with.
    file_ids: list[int] | None = None
    label_ids: list[int] | None = None

    # -- reading ---------------------------------------------------------------------------

    @member("GET", "/task/{task_id}", doc=f"{_DOC}/get-task-22413")
    def find(cls, task_id: int, *, fields: str | None = None, client: ClientArg = None) -> Call:
        """One task."""
        return Call(path={"task_id": task_id}, params={"fields": fields})

    afind = find.twin()

    @members("GET", "/task/", doc=f"{_DOC}/get-tasks-77949")
    def find_all(
        cls,
        *,
        app: IdFilter | None = None,
        completed: bool | None = None,
        completed_by: str | None = None,
        completed_on: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        created_via: IdFilter | None = None,
        due_date: str | None = None,
        external_id: str | None = None,
        files: bool | None = None,
        grouping: str | None = None,
        label: IdFilter | None = None,
        limit: int | None = None,
        offset: int | None = None,
        org: IdFilter | None = None,
        reassigned: bool | None = None,
        reference: str | None = None,
        responsible: IdFilter | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        space: IdFilter | None = None,
        view: str | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The tasks matching every filter given (get-tasks-77949).

        - `completed`: only completed (True) or open (False) tasks;
        - `app`, `space`, `org`, `label`, `responsible`, `created_via`: an id, or several
          (a list, sent separated by semicolons);
        - `created_by`, `completed_by`: who, as ``"user:12"`` (several separated by ``;``);
        - `created_on`, `completed_on`, `due_date`: a range ``"2024-01-01-2024-01-31"``;
        - `files`: only tasks with (True) or without (False) files;
        - `reassigned`: only tasks the user gave to someone else (True) or not (False);
        - `reference`: objects ``"item:42;status:7"``; `external_id`: the task's external id;
        - `grouping`: ``due_date``, ``created_by``, ``responsible``, ``app``, ``space``, ``org``
          (each task then carries its `group`);
        - `sort_by`: ``rank`` (default), ``created_on`` or ``completed_on``; `sort_desc`;
        - `view`: ``full`` for full tasks; `limit`, `offset` page through the result.
        """
        return Call(
            params=_filters(
                app=app,
                completed=completed,
                completed_by=completed_by,
                completed_on=completed_on,
                created_by=created_by,
                created_on=created_on,
                created_via=created_via,
                due_date=due_date,
                external_id=external_id,
                files=files,
                grouping=grouping,
                label=label,
                org=org,
                reassigned=reassigned,
                reference=reference,
                responsible=responsible,
                sort_by=sort_by,
                sort_desc=sort_desc,
                space=space,
                view=view,
                fields=fields,
            )
            | {"limit": limit, "offset": offset}
        )

    afind_all = find_all.twin()

    @paged("GET", "/task/", doc=f"{_DOC}/get-tasks-77949")
    def iter_all(
        cls,
        *,
        app: IdFilter | None = None,
        completed: bool | None = None,
        completed_by: str | None = None,
        completed_on: str | None = None,
        created_by: str | None = None,
        created_on: str | None = None,
        created_via: IdFilter | None = None,
        due_date: str | None = None,
        external_id: str | None = None,
        files: bool | None = None,
        grouping: str | None = None,
        label: IdFilter | None = None,
        org: IdFilter | None = None,
        reassigned: bool | None = None,
        reference: str | None = None,
        responsible: IdFilter | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        space: IdFilter | None = None,
        view: str | None = None,
        fields: str | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every task `find_all` would list, fetched page by page (``for``/``async for``).

        Filters as in `find_all`; `limit` caps the number of tasks yielded in all.
        """
        params = _filters(
            app=app,
            completed=completed,
            completed_by=completed_by,
            completed_on=completed_on,
            created_by=created_by,
            created_on=created_on,
            created_via=created_via,
            due_date=due_date,
            external_id=external_id,
            files=files,
            grouping=grouping,
            label=label,
            org=org,
            reassigned=reassigned,
            reference=reference,
            responsible=responsible,
            sort_by=sort_by,
            sort_desc=sort_desc,
            space=space,
            view=view,
            fields=fields,
        )
        return Paging(
            call=lambda offset, size: Call(params=params | {"limit": size, "offset": offset}),
            page_size=TASK_PAGE_SIZE,
            limit=limit,
        )

    @members("GET", "/task/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-tasks-with-reference-22426")
    def find_for_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The tasks on an object (``find_for_reference("item", 42)``)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_for_reference = find_for_reference.twin()

    @returns(
        as_field("count", int),
        "GET",
        "/task/{ref_type}/{ref_id}/count",
        doc=f"{_DOC}/get-task-count-38316458",
    )
    def count_by_ref(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """How many open tasks the user has on an object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    acount_by_ref = count_by_ref.twin()

    @returns(_as_summary, "GET", "/task/summary", doc=f"{_DOC}/get-task-summary-1612017")
    def find_summary(cls, *, limit: int | None = None, client: ClientArg = None) -> Call:
        """The user's tasks as overdue, today and other (`limit` tasks in each, 4 by default)."""
        return Call(params={"limit": limit})

    afind_summary = find_summary.twin()

    @returns(
        _as_summary,
        "GET",
        "/task/org/{org_id}/summary",
        doc=f"{_DOC}/get-task-summary-for-organization-1612063",
    )
    def find_summary_for_org(
        cls, org_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The user's task summary within an organization."""
        return Call(path={"org_id": org_id}, params={"limit": limit})

    afind_summary_for_org = find_summary_for_org.twin()

    @returns(
        _as_summary,
        "GET",
        "/task/space/{space_id}/summary",
        doc=f"{_DOC}/get-task-summary-for-space-1612130",
    )
    def find_summary_for_space(
        cls, space_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The user's task summary within a space."""
        return Call(path={"space_id": space_id}, params={"limit": limit})

    afind_summary_for_space = find_summary_for_space.twin()

    @returns(
        _as_summary,
        "GET",
        "/task/personal/summary",
        doc=f"{_DOC}/get-task-summary-for-personal-1657217",
    )
    def find_personal_summary(cls, *, limit: int | None = None, client: ClientArg = None) -> Call:
        """The summary of personal tasks and tasks in personal spaces and sub-orgs."""
        return Call(params={"limit": limit})

    afind_personal_summary = find_personal_summary.twin()

    @returns(
        _as_summary,
        "GET",
        "/task/{ref_type}/{ref_id}/summary",
        doc=f"{_DOC}/get-task-summary-for-reference-1657980",
    )
    def find_summary_for_reference(
        cls, ref_type: str, ref_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The task summary of one object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, params={"limit": limit})

    afind_summary_for_reference = find_summary_for_reference.twin()

    @returns(as_raw, "GET", "/task/total/", doc=f"{_DOC}/get-task-totals-v2-83590")
    def find_totals(cls, *, space: IdFilter | None = None, client: ClientArg = None) -> Call:
        """Counts of the user's open tasks: ``{"own": {...}, "reassigned": {...}}``.

        Each holds ``overdue``, ``today``, ``tomorrow``, ``upcoming``, ``later`` and
        ``completed_yesterday`` (podio-dotnet ``TaskReport``); `space` limits them to spaces.
        """
        return Call(params={"space": _ids(space)})

    afind_totals = find_totals.twin()

    @returns(as_raw, "GET", "/task/total/{time}", doc=f"{_DOC}/get-task-totals-by-time-5435062")
    def find_totals_by_time(
        cls,
        time: Literal["overdue", "due", "today", "all"],
        *,
        space_id: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The number of the user's tasks for one time frame (podio-dotnet reads ``count``)."""
        return Call(path={"time": time}, params={"space_id": space_id})

    afind_totals_by_time = find_totals_by_time.twin()

    # -- creating ----------------------------------------------------------------------------

    @returns(_as_tasks, "POST", "/task/", doc=f"{_DOC}/create-task-22419")
    def create_task(
        cls,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Create a task: ``{"text", "description", "private", "due_date", "due_time",
        "due_on", "responsible", "file_ids", "labels", "label_ids", "reminder",
        "external_id"}``.

        `responsible` is a user id, ``{"type": "user"|"profile"|"mail"|"space", "id": ...}``
        or a list of those; Podio makes one task per assignee, so a list of tasks is returned
        (as podio-rb does). `silent` keeps it out of streams, ``hook=False`` fires no webhooks.
        """
        return Call(params={"silent": silent, "hook": hook}, json=dict(attributes))

    acreate_task = create_task.twin()

    @returns(
        _as_tasks,
        "POST",
        "/task/{ref_type}/{ref_id}/",
        doc=f"{_DOC}/create-task-with-reference-22420",
    )
    def create_with_ref(
        cls,
        ref_type: str,
        ref_id: int,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Create a task on an ``item``, ``status``, ``app``, ``space`` or ``conversation``.

        Attributes and result as in `create_task`.
        """
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            params={"silent": silent, "hook": hook},
            json=dict(attributes),
        )

    acreate_with_ref = create_with_ref.twin()

    # -- changing ----------------------------------------------------------------------------

    @member("PUT", "/task/{task_id}", doc=f"{_DOC}/update-task-10583674")
    def update(
        cls,
        task_id: int,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change a task; attributes left out stay as they are. Returns the updated task.

        Takes the keys of `create_task`, and ``completed`` (bool). An empty
        ``reminder.remind_delta`` removes the reminder.
        """
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json=dict(attributes),
        )

    aupdate = update.twin()

    @returns(as_status, "PUT", "/task/{task_id}/text", doc=f"{_DOC}/update-task-text-22428")
    def update_text(
        cls,
        task_id: int,
        text: str,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change a task's text; returns the HTTP status."""
        return Call(
            path={"task_id": task_id}, params={"silent": silent, "hook": hook}, json={"text": text}
        )

    aupdate_text = update_text.twin()

    @returns(
        as_status,
        "PUT",
        "/task/{task_id}/description",
        doc=f"{_DOC}/update-task-description-76982",
    )
    def update_description(
        cls,
        task_id: int,
        description: str | None,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change a task's description; returns the HTTP status."""
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json={"description": description},
        )

    aupdate_description = update_description.twin()

    @returns(as_status, "PUT", "/task/{task_id}/private", doc=f"{_DOC}/update-task-private-22434")
    def update_private(
        cls,
        task_id: int,
        private: bool,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Make a task private (only creator and assignees see it) or public."""
        if not isinstance(private, bool):
            raise TypeError("private must be True or False")
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json={"private": private},
        )

    aupdate_private = update_private.twin()

    @returns(as_status, "PUT", "/task/{task_id}/due", doc=f"{_DOC}/update-task-due-on-3442633")
    def update_due(
        cls,
        task_id: int,
        *,
        due_on: _dt.datetime | None = None,
        due_date: _dt.date | None = None,
        due_time: _dt.time | None = None,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Move a task's due date: `due_on` in UTC, or the user's local `due_date` (and
        `due_time`). Returns the HTTP status."""
        body = {"due_on": due_on, "due_date": due_date, "due_time": due_time}
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json={key: value for key, value in body.items() if value is not None},
        )

    aupdate_due = update_due.twin()

    @returns(as_status, "PUT", "/task/{task_id}/due_date")
    def update_due_date(
        cls, task_id: int, due_date: _dt.date | None, *, client: ClientArg = None
    ) -> Call:
        """Set a task's local due date (``None`` removes it); returns the HTTP status."""
        return Call(path={"task_id": task_id}, json={"due_date": due_date})

    aupdate_due_date = update_due_date.twin()

    @returns(as_status, "PUT", "/task/{task_id}/due_on", doc=f"{_DOC}/update-task-due-on-3442633")
    def update_due_on(
        cls, task_id: int, due_on: _dt.datetime | None, *, client: ClientArg = None
    ) -> Call:
        """Set the moment a task is due, in UTC (``None`` removes it)."""
        return Call(path={"task_id": task_id}, json={"due_on": due_on})

    aupdate_due_on = update_due_on.twin()

    @returns(as_status, "POST", "/task/{task_id}/assign", doc=f"{_DOC}/assign-task-22412")
    def update_assignee(
        cls,
        task_id: int,
        responsible: int | None,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Give a task to a user (`responsible` is a user id; ``None`` leaves it unassigned)."""
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json={"responsible": responsible},
        )

    aupdate_assignee = update_assignee.twin()

    @returns(as_status, "PUT", "/task/{task_id}/ref", doc=f"{_DOC}/update-task-reference-170733")
    def update_reference(
        cls,
        task_id: int,
        ref_type: str,
        ref_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Move a task onto another object (it leaves the one it was on)."""
        return Call(
            path={"task_id": task_id},
            params={"silent": silent, "hook": hook},
            json={"ref_type": ref_type, "ref_id": ref_id},
        )

    aupdate_reference = update_reference.twin()

    @returns(
        as_status, "DELETE", "/task/{task_id}/ref", doc=f"{_DOC}/remove-task-reference-6146114"
    )
    def delete_reference(cls, task_id: int, *, client: ClientArg = None) -> Call:
        """Take a task off the object it is on; returns the HTTP status."""
        return Call(path={"task_id": task_id})

    adelete_reference = delete_reference.twin()

    @returns(as_status, "PUT", "/task/{task_id}/label/", doc=f"{_DOC}/update-task-labels-151769")
    def update_labels(
        cls, task_id: int, label_ids: Sequence[int], *, client: ClientArg = None
    ) -> Call:
        """Replace a task's labels with the labels of these ids; returns the HTTP status."""
        if isinstance(label_ids, (str, bytes)):
            raise TypeError("label_ids is a list of label ids")
        return Call(path={"task_id": task_id}, json=list(label_ids))

    aupdate_labels = update_labels.twin()

    @returns(as_raw, "POST", "/task/{task_id}/complete", doc=f"{_DOC}/complete-task-22432")
    def complete(
        cls,
        task_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Mark a task completed; returns Podio's answer (the next task of a recurring one
        under ``recurring_task_id``, per podio-dotnet)."""
        return Call(path={"task_id": task_id}, params={"silent": silent, "hook": hook})

    acomplete = complete.twin()

    @returns(as_raw, "POST", "/task/{task_id}/incomplete", doc=f"{_DOC}/incomplete-task-22433")
    def incomplete(
        cls,
        task_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Mark a completed task open again; returns Podio's answer."""
        return Call(path={"task_id": task_id}, params={"silent": silent, "hook": hook})

    aincomplete = incomplete.twin()

    @returns(as_raw, "POST", "/task/{task_id}/rank", doc=f"{_DOC}/rank-task-81015")
    def rank(
        cls,
        task_id: int,
        before: int | None,
        after: int | None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Order a task between two others: `before` and `after` are the ids of the tasks it
        goes before and after (``None`` at either end of the list)."""
        return Call(path={"task_id": task_id}, json={"before": before, "after": after})

    arank = rank.twin()

    @returns(as_status, "DELETE", "/task/{task_id}", doc=f"{_DOC}/delete-task-77179")
    def delete(
        cls,
        task_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Delete a task; returns the HTTP status."""
        return Call(path={"task_id": task_id}, params={"silent": silent, "hook": hook})

    adelete = delete.twin()

    # -- as an instance ---------------------------------------------------------------------

    def _attributes(self, *, in_path: bool) -> dict[str, Any]:
        """What this task is written with, in the shapes Podio takes on input."""
        data = self.as_json()
        skip = {"ref_type", "ref_id"} if in_path else set()
        body = {
            key: data[key] for key in _WRITABLE if key not in skip and data.get(key) is not None
        }
        labels = body.get("labels")
        # Read back, labels are objects; written, Podio takes label texts or label_ids.
        if isinstance(labels, list) and labels and all(isinstance(x, dict) for x in labels):
            ids = [label.get("label_id") for label in labels]
            body.pop("labels")
            if all(isinstance(x, int) for x in ids):
                body.setdefault("label_ids", ids)
        responsible = body.get("responsible")
        if isinstance(responsible, dict) and "id" not in responsible and "user_id" in responsible:
            # A task read back names its assignee by profile; a user id is what Podio takes.
            body["responsible"] = responsible["user_id"]
        if "due_date" in body:
            # The local date (and time) win; sending the UTC moment as well could disagree.
            body.pop("due_on", None)
        return body

    def _take(self, response: Response) -> None:
        tasks = _as_tasks(response)
        if not tasks:
            return
        self._copy_from(tasks[0])

    @instance("POST", "/task/", "/task/{ref_type}/{ref_id}/", doc=f"{_DOC}/create-task-22419")
    def create(
        self, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
    ) -> Call:
        """Create this task, on `ref_type`/`ref_id` when both are set; takes in the new task.

        Podio makes one task per assignee when `responsible` lists several; this instance
        becomes the first of them.
        """
        on_object = self.ref_type is not None and self.ref_id is not None
        path = {"ref_type": self.ref_type, "ref_id": self.ref_id} if on_object else {}
        return Call(
            path=path,
            params={"silent": silent, "hook": hook},
            json=self._attributes(in_path=on_object),
            after=self._take,
        )

    acreate = create.twin()

    @instance("DELETE", "/task/{task_id}", doc=f"{_DOC}/delete-task-77179")
    def destroy(
        self, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
    ) -> Call:
        """Delete this task."""
        return Call(path={"task_id": self.task_id}, params={"silent": silent, "hook": hook})

    adestroy = destroy.twin()
