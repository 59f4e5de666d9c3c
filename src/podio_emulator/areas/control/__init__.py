"""Area `control`: the emulator's own API under `/_emulator/` (no auth, loopback only).

These routes are not Podio's. They reset, seed and inspect the emulator, move its clock and
inject faults. Other areas add their own control routes through `Area.control_router`.
"""

from __future__ import annotations

from typing import Any

from ...errors import invalid_value
from ...faults import FaultSpec
from ...request import ApiRequest
from ...routing import Router
from .. import Area

control = Router("control")


@control.post("/_emulator/reset", auth="none")
def reset(req: ApiRequest) -> object:
    """Back to a fresh start (see `Emulator.reset`)."""
    req.emulator.reset()
    return {"reset": True}


@control.post("/_emulator/seed", auth="none")
def seed(req: ApiRequest) -> object:
    """Create the demo world (once); answers the ids of what it holds."""
    return req.emulator.seed()


@control.get("/_emulator/state", auth="none")
def state(req: ApiRequest) -> object:
    return req.emulator.state()


@control.get("/_emulator/clock", auth="none")
def get_clock(req: ApiRequest) -> object:
    return _clock(req)


@control.post("/_emulator/clock", auth="none")
def move_clock(req: ApiRequest) -> object:
    """`{"advance": seconds}` moves the clock forward (negative moves back)."""
    body = req.json_object()
    advance = body.get("advance")
    if isinstance(advance, bool) or not isinstance(advance, int | float):
        raise invalid_value("advance must be a number of seconds")
    req.emulator.advance_clock(float(advance))
    return _clock(req)


def _clock(req: ApiRequest) -> dict[str, Any]:
    clock = req.emulator.clock
    return {"now": clock.now_str(), "timestamp": clock.now(), "offset": clock.offset}


@control.get("/_emulator/faults", auth="none")
def get_faults(req: ApiRequest) -> object:
    spec = req.emulator.faults.spec
    return {"active": spec.to_json() if spec else None, "injected": req.emulator.faults.injected}


@control.post("/_emulator/faults", auth="none")
def set_faults(req: ApiRequest) -> object:
    """Activate a fault spec (see `faults.py`); it replaces the previous one."""
    spec = FaultSpec.from_json(req.json_object())
    req.emulator.faults.set(spec)
    return {"active": spec.to_json()}


@control.delete("/_emulator/faults", auth="none")
def clear_faults(req: ApiRequest) -> object:
    req.emulator.faults.clear()
    return None


AREA = Area(name="control", control_router=control, order=0)
