"""Task labels: the user's own coloured tags for tasks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import (
    Call,
    ClientArg,
    as_status,
    instance,
    member,
    members,
    returns,
)

__all__ = ["TaskLabel"]

_DOC = "https://developers.podio.com/doc/tasks"

#: The colour podio-rb gives a label created without one.
DEFAULT_COLOR = "E9E9E9"


class TaskLabel(Model):
    """A label (``{"label_id", "text", "color"}``, `color` as hex without ``#``).

    As an instance: ``label = TaskLabel(text="Urgent"); label.create()``, then ``update()`` and
    ``destroy()``; each returns True/False and keeps the error on failure.
    """

    _id_field = "label_id"

    label_id: int | None = None
    text: str | None = None
    color: str | None = None

    def _attributes(self) -> dict[str, Any]:
        return {key: value for key, value in self.as_json().items() if key != "label_id"}

    @members("GET", "/task/label/", doc=f"{_DOC}/get-labels-151534")
    def find_all_labels(cls, *, client: ClientArg = None) -> Call:
        """The user's task labels."""
        return Call()

    afind_all_labels = find_all_labels.twin()

    @member("POST", "/task/label/", doc=f"{_DOC}/create-label-151265")
    def create_label(
        cls, text: str, color: str = DEFAULT_COLOR, *, client: ClientArg = None
    ) -> Call:
        """Create a label; returns it with its new `label_id`."""
        return Call(json={"text": text, "color": color})

    acreate_label = create_label.twin()

    @returns(as_status, "PUT", "/task/label/{label_id}", doc=f"{_DOC}/update-label-151289")
    def update_label(
        cls, label_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a label's ``text`` and ``color``; returns the HTTP status."""
        return Call(path={"label_id": label_id}, json=dict(attributes))

    aupdate_label = update_label.twin()

    @returns(as_status, "DELETE", "/task/label/{label_id}", doc=f"{_DOC}/delete-label-151302")
    def delete(cls, label_id: int, *, client: ClientArg = None) -> Call:
        """Delete a label, and take it off every task; returns the HTTP status."""
        return Call(path={"label_id": label_id})

    adelete = delete.twin()

    @instance("POST", "/task/label/", doc=f"{_DOC}/create-label-151265")
    def create(self, *, client: ClientArg = None) -> Call:
        """Create this label (grey, ``E9E9E9``, unless it has a `color`); sets `label_id`."""
        if not self.color:
            self.color = DEFAULT_COLOR

        def take(response: Any) -> None:
            if isinstance(response.body, dict) and "label_id" in response.body:
                self.label_id = int(response.body["label_id"])

        return Call(json=self._attributes(), after=take)

    acreate = create.twin()

    @instance("PUT", "/task/label/{label_id}", doc=f"{_DOC}/update-label-151289")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this label's text and colour."""
        return Call(path={"label_id": self.label_id}, json=self._attributes())

    aupdate = update.twin()

    @instance("DELETE", "/task/label/{label_id}", doc=f"{_DOC}/delete-label-151302")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this label."""
        return Call(path={"label_id": self.label_id})

    adestroy = destroy.twin()
