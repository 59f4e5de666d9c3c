"""Reminders: a notice some minutes before a task or item is due."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, member, returns

__all__ = ["Reminder"]

_DOC = "https://developers.podio.com/doc/reminders"


def _delta(remind_delta: int) -> int:
    if isinstance(remind_delta, bool) or not isinstance(remind_delta, int):
        raise TypeError("remind_delta is a number of minutes (an int)")
    if remind_delta < 0:
        raise ValueError("remind_delta cannot be negative: it counts minutes before the due time")
    return remind_delta


class Reminder(Model):
    """The reminder of a task or item: `remind_delta` minutes before it is due."""

    _id_field = "reminder_id"

    reminder_id: int | None = None
    remind_delta: int | None = None

    @member("GET", "/reminder/{ref_type}/{ref_id}", doc=f"{_DOC}/get-reminder-3415569")
    def find_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The reminder on an object (``task`` or ``item``)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_reference = find_by_reference.twin()

    @returns(
        as_status,
        "POST",
        "/reminder/{ref_type}/{ref_id}",
        doc=f"{_DOC}/create-or-update-reminder-3315055",
    )
    def create(
        cls, ref_type: str, ref_id: int, remind_delta: int, *, client: ClientArg = None
    ) -> Call:
        """Add a reminder `remind_delta` minutes before the object is due; returns the status."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            json={"remind_delta": _delta(remind_delta)},
        )

    acreate = create.twin()

    @returns(
        as_status,
        "PUT",
        "/reminder/{ref_type}/{ref_id}",
        doc=f"{_DOC}/create-or-update-reminder-3315055",
    )
    def update(
        cls, ref_type: str, ref_id: int, remind_delta: int, *, client: ClientArg = None
    ) -> Call:
        """Create or change the reminder on an object; returns the HTTP status."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            json={"remind_delta": _delta(remind_delta)},
        )

    aupdate = update.twin()

    @returns(
        as_raw, "DELETE", "/reminder/{ref_type}/{ref_id}", doc=f"{_DOC}/delete-reminder-3315117"
    )
    def delete(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        reminder_id: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Remove the reminder from an object (podio-dotnet names it by `reminder_id` too)."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id}, params={"reminder_id": reminder_id}
        )

    adelete = delete.twin()

    @returns(
        as_raw,
        "POST",
        "/reminder/{ref_type}/{ref_id}/snooze",
        doc=f"{_DOC}/snooze-reminder-3321049",
    )
    def snooze(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        reminder_id: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Snooze the reminder on an object (Podio reminds again ten minutes later)."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id}, params={"reminder_id": reminder_id}
        )

    asnooze = snooze.twin()
