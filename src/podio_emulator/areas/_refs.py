"""`{ref_type}/{ref_id}`: the objects comments, tasks, files, ratings, subscriptions and tags
hang off, resolved once with Podio's answers (404 unknown, 410 deleted, 403 no access).

`resolve()` returns a `Target`: what the caller may do with the object and what a reference to
it shows (`title`, `link`, `data`). Each area answers for its own objects (`status_target`,
`task_target`, `comment_target`, `file_target` in their models); items, apps and spaces are
resolved here from the tables of the areas that own them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..access import require_app, require_space, role_at_least
from ..auth import Principal
from ..db import Tx, loads
from ..errors import invalid_value
from ..request import describe
from ._common import by_line, space_data

__all__ = ["Target", "reference", "resolve"]

REF_TYPES = ("item", "status", "task", "app", "space", "comment", "file")

# `type_name` of a reference for the objects that are not items (items show the app's
# item_name, samples/file-list-app.json).
_TYPE_NAMES = {
    "status": "Status",
    "task": "Task",
    "app": "App",
    "space": "Space",
    "comment": "Comment",
    "file": "File",
}


@dataclass
class Target:
    """An object the caller may at least read.

    - `can_edit`: may change the object itself (an item's editors, a status's or comment's
      author, a task's creator or assignee, ...).
    - `can_moderate`: may also remove what others added to it (space admins, item editors).
    - `item_id` / `app_id`: the item (and its app) the object belongs to, for item webhooks.
    """

    type: str
    id: int
    title: str
    link: str
    space_id: int | None
    can_edit: bool
    can_moderate: bool
    app_id: int | None = None
    item_id: int | None = None
    created_on: str | None = None
    created_by: tuple[str, int] | None = None
    created_via: dict[str, Any] | None = None
    type_name: str = ""
    data: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def ref(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id}


def resolve(
    tx: Tx,
    principal: Principal,
    ref_type: str,
    ref_id: int,
    web_url: str,
    *,
    allowed: Sequence[str] = REF_TYPES,
) -> Target:
    """The object `ref_type`/`ref_id` if the caller may read it.

    A `ref_type` outside `allowed` is 400 `invalid_value` (the operation does not apply to
    that kind of object: README, "Collaboration")."""
    if ref_type not in allowed:
        raise invalid_value(
            f"Invalid value {describe(ref_type)}: ref_type must be one of " + ", ".join(allowed)
        )
    if ref_type == "item":
        return item_target(tx, principal, ref_id, web_url)
    if ref_type == "app":
        return app_target(tx, principal, ref_id, web_url)
    if ref_type == "space":
        return space_target(tx, principal, ref_id, web_url)
    if ref_type == "status":
        from .statuses.models import status_target

        return status_target(tx, principal, ref_id, web_url)
    if ref_type == "task":
        from .tasks.models import task_target

        return task_target(tx, principal, ref_id, web_url)
    if ref_type == "comment":
        from .comments.models import comment_target

        return comment_target(tx, principal, ref_id, web_url)
    from .files.models import file_target

    return file_target(tx, principal, ref_id, web_url)


def item_target(tx: Tx, principal: Principal, item_id: int, web_url: str) -> Target:
    from .items.models import can_edit, item_reference_mini, open_item
    from .items.resolver import context_for

    ctx = context_for(tx, web_url, principal)
    ictx, row = open_item(tx, principal, item_id, ctx, web_url)
    editor = can_edit(ictx, row)
    mini = item_reference_mini(tx, row, web_url)
    return Target(
        type="item",
        id=item_id,
        title=str(row["title"]),
        link=str(mini["link"]),
        space_id=ictx.app.space_id,
        can_edit=editor,
        can_moderate=editor or role_at_least(ictx.role, "admin"),
        app_id=ictx.app.app_id,
        item_id=item_id,
        created_on=row["created_on"],
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=loads(row["created_via"], {}),
        type_name=str(ictx.app.config.get("item_name") or "Item"),
        data=mini,
    )


def app_target(tx: Tx, principal: Principal, app_id: int, web_url: str) -> Target:
    from .applications.models import app_mini, app_urls, load_app

    access = require_app(tx, principal, app_id, "light")
    app = load_app(tx, app_id)
    role = "regular" if principal.type == "app" else access.space.role
    return Target(
        type="app",
        id=app_id,
        title=str(app.config.get("name") or ""),
        link=app_urls(tx, app, web_url)[0],
        space_id=app.space_id,
        can_edit=role_at_least(role, "regular"),
        can_moderate=role_at_least(role, "admin"),
        app_id=app_id,
        created_on=app.data.get("created_on"),
        created_by=("user", int(app.owner_id)) if app.owner_id is not None else None,
        type_name=_TYPE_NAMES["app"],
        data=app_mini(tx, app, web_url),
    )


def space_target(tx: Tx, principal: Principal, space_id: int, web_url: str) -> Target:
    access = require_space(tx, principal, space_id, "light", allow_open=True)
    space = access.space
    data = space_data(tx, space_id, web_url) or {}
    return Target(
        type="space",
        id=space_id,
        title=str(space["name"]),
        link=str(data.get("url") or ""),
        space_id=space_id,
        can_edit=role_at_least(access.role, "regular"),
        can_moderate=role_at_least(access.role, "admin"),
        created_on=space["created_on"],
        created_by=("user", int(space["created_by"])),
        type_name=_TYPE_NAMES["space"],
        data=data,
    )


def reference(tx: Tx, target: Target, web_url: str, *, full: bool = True) -> dict[str, Any]:
    """A reference to the object: `{type, id, title, link, data}` (samples/task-get.json
    `ref`), with `full` also `type_name` and the object's bylines (samples/file-list-app.json
    `context`)."""
    out: dict[str, Any] = {
        "type": target.type,
        "id": target.id,
        "title": target.title,
        "link": target.link,
        "data": copy.deepcopy(target.data),
    }
    if full:
        out["type_name"] = target.type_name or _TYPE_NAMES.get(target.type, target.type)
        out["created_on"] = target.created_on
        out["created_by"] = (
            by_line(tx, target.created_by[0], target.created_by[1], web_url)
            if target.created_by is not None
            else None
        )
        out["created_via"] = copy.deepcopy(target.created_via)
    return out
