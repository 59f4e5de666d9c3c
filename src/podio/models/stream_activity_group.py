"""Stream activity groups: the activities on one stream object, grouped for display."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, member, members
from .by_line import ByLine
from .via import Via

__all__ = ["StreamActivityGroup"]


class StreamActivityGroup(Model):
    """A group of activities on a stream object (``activity_groups`` of a v3 stream entry).

    `kind` says how they were grouped: one activity (``single``, its object in `data`), or
    several by the same author or of the same type (``creator``, ``type``: `activities`).
    `data_ref` is the object the activities concern.
    """

    _id_field = "group_id"

    group_id: int | None = None
    kind: str | None = None
    type: str | None = None
    created_on: DateTime | None = None
    data: dict[str, Any] | None = None
    activities: list[Any] | None = None
    data_ref: dict[str, Any] | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    authors: list[ByLine] | None = None

    @members("GET", "/stream/{ref_type}/{ref_id}/activity_group")
    def find_by_ref(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The activity groups of one object's stream entry."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_ref = find_by_ref.twin()

    @member("GET", "/stream/{ref_type}/{ref_id}/group/{event_id}")
    def find_by_event_id(
        cls, ref_type: str, ref_id: int, event_id: int, *, client: ClientArg = None
    ) -> Call:
        """The activity group of an object that holds one event."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id, "event_id": event_id})

    afind_by_event_id = find_by_event_id.twin()

    @member("GET", "/stream/{ref_type}/{ref_id}/activity_group/{data_ref_type}/{data_ref_id}")
    def find_for_data_ref(
        cls,
        ref_type: str,
        ref_id: int,
        data_ref_type: str,
        data_ref_id: int,
        *,
        client: ClientArg = None,
    ) -> Call:
        """The activity group of an object that concerns one of its parts (a comment, a
        file...: `data_ref_type`, `data_ref_id`)."""
        return Call(
            path={
                "ref_type": ref_type,
                "ref_id": ref_id,
                "data_ref_type": data_ref_type,
                "data_ref_id": data_ref_id,
            }
        )

    afind_for_data_ref = find_for_data_ref.twin()
