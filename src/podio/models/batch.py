"""Batches: Podio's asynchronous jobs (exports, imports), with their progress and result."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_raw, member, members, returns
from .application import Application
from .reference import Reference
from .space import Space

__all__ = ["Batch"]

_DOC = "https://developers.podio.com/doc/batch"


class Batch(Model):
    """An asynchronous job (objects.md, Batch): `status`, counts of rows `completed`,
    `skipped` and `failed`, and its result `file` (the spreadsheet of an export)."""

    _id_field = "batch_id"

    batch_id: int | None = None
    name: str | None = None
    plugin: str | None = None
    status: str | None = None
    completed: int | None = None
    skipped: int | None = None
    failed: int | None = None
    created_on: DateTime | None = None
    started_on: DateTime | None = None
    ended_on: DateTime | None = None
    file: dict[str, Any] | None = None
    app: Application | None = None
    space: Space | None = None
    ref: Reference | None = None

    @member("GET", "/batch/{batch_id}", doc=f"{_DOC}/get-batch-6144225")
    def find(cls, batch_id: int, *, client: ClientArg = None) -> Call:
        """One batch: poll it until its `status` says it is done."""
        return Call(path={"batch_id": batch_id})

    afind = find.twin()

    @members("GET", "/batch/", doc=f"{_DOC}/get-batches-6078877")
    def find_all(
        cls, *, limit: int | None = None, offset: int | None = None, client: ClientArg = None
    ) -> Call:
        """The user's batches, newest first."""
        return Call(params={"limit": limit, "offset": offset})

    afind_all = find_all.twin()

    @members(
        "GET",
        "/batch/{ref_type}/{ref_id}/{plugin}/running/",
        doc=f"{_DOC}/get-running-batches-15856178",
    )
    def find_running(
        cls, ref_type: str, ref_id: int, plugin: str, *, client: ClientArg = None
    ) -> Call:
        """The batches of one kind (`plugin`) still running on an object, e.g. an app."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id, "plugin": plugin})

    afind_running = find_running.twin()

    @returns(as_raw, "GET", "/batch/{ref_type}/{ref_id}/")
    def find_all_for_reference(
        cls, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """What Podio answers for the batches path of an object; returns the body untouched.

        Only the PHP client calls this path (from ``PodioConversation::get_for``), almost
        certainly a slip for ``/conversation/{ref_type}/{ref_id}/``; no documentation says
        what it answers, so nothing is assumed about the shape.
        """
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all_for_reference = find_all_for_reference.twin()
