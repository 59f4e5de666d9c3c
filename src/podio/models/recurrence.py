"""Recurrence: a task (or other object) that comes back on a schedule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Date, Model
from ._operation import Call, ClientArg, as_raw, as_status, member, returns

__all__ = ["Recurrence"]

_DOC = "https://developers.podio.com/doc/recurrence"


class Recurrence(Model):
    """A schedule: `name` (``weekly``, ``monthly``, ``yearly``...), `config` (``days``,
    ``repeat_on``), every `step` periods, `until` a date."""

    _id_field = "recurrence_id"

    recurrence_id: int | None = None
    name: str | None = None
    config: dict[str, Any] | None = None
    step: int | None = None
    until: Date | None = None

    @property
    def days(self) -> Any:
        """``config["days"]``: the weekdays of a weekly recurrence."""
        return (self.config or {}).get("days")

    @property
    def repeat_on(self) -> Any:
        """``config["repeat_on"]``: what a monthly recurrence repeats on."""
        return (self.config or {}).get("repeat_on")

    @member("GET", "/recurrence/{ref_type}/{ref_id}", doc=f"{_DOC}/get-recurrence-3415545")
    def find_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The recurrence of an object (a ``task``)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_reference = find_by_reference.twin()

    @returns(
        as_status,
        "PUT",
        "/recurrence/{ref_type}/{ref_id}",
        doc=f"{_DOC}/create-or-update-recurrence-3349957",
    )
    def update(
        cls,
        ref_type: str,
        ref_id: int,
        attributes: Mapping[str, Any],
        *,
        client: ClientArg = None,
    ) -> Call:
        """Create or replace an object's recurrence: ``{"name", "config", "step", "until"}``.

        Returns the HTTP status.
        """
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes))

    aupdate = update.twin()

    @returns(
        as_raw,
        "DELETE",
        "/recurrence/{ref_type}/{ref_id}",
        doc=f"{_DOC}/delete-recurrence-3349970",
    )
    def delete(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Stop an object from recurring."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    adelete = delete.twin()
