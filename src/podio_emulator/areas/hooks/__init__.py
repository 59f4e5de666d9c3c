"""Area `hooks`: webhooks, their verification and their delivery (hooks.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import Area
from . import models
from .delivery import dispatcher_for
from .routes import control, router

if TYPE_CHECKING:
    from ...db import Event
    from ...emulator import Emulator

_RELEVANT = {models.VERIFY, *models.APP_EVENTS, *models.SPACE_EVENTS}


def deliver(emulator: Emulator, events: Sequence[Event]) -> None:
    """After a commit: queue the deliveries the request's events cause."""
    relevant = [e for e in events if e.type in _RELEVANT]
    if not relevant:
        return
    with emulator.transaction() as tx:
        outgoing = [out for event in relevant for out in models.outgoing_for(tx, event)]
    if outgoing:
        dispatcher_for(emulator).enqueue(outgoing)


def reset(emulator: Emulator) -> None:
    dispatcher_for(emulator).reset()


def state(emulator: Emulator) -> dict[str, Any]:
    return {"hooks": dispatcher_for(emulator).snapshot()}


AREA = Area(
    name="hooks",
    router=router,
    control_router=control,
    schema=models.SCHEMA,
    counts={"hook": "SELECT COUNT(*) FROM hooks WHERE status != 'deleted'"},
    state=state,
    listeners=(deliver,),
    on_reset=reset,
    order=90,
)
