"""The registry of API areas.

Each area is a sub-package of `podio_emulator.areas` whose `__init__.py` defines `AREA = Area(...)`.
Areas are discovered by scanning this package, so adding one never edits a shared list.
See AREAS.md for how to write one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..routing import Router

if TYPE_CHECKING:
    from ..db import Event, Tx
    from ..emulator import Emulator

__all__ = ["Area", "Listener", "SeedWorld", "load_areas"]

Listener = Callable[["Emulator", Sequence["Event"]], None]
SeedWorld = dict[str, Any]
"""What seeding has created so far, keyed by name (`org_id`, `space_ids`, `users`, ...).

Areas seed in `order`; each reads what earlier areas put here and adds its own keys. The final
dict is the answer of `POST /_emulator/seed`.
"""


@dataclass
class Area:
    """One API area: its routes, tables, id sequences and hooks into the emulator's life.

    - `router`: the area's API routes; `control_router`: extra `/_emulator/...` routes.
    - `schema`: `CREATE TABLE IF NOT EXISTS ...` statements (run at every start).
    - `sequences`: id kinds this area adds beyond `ids.SEQUENCE_STARTS`, with their start.
    - `bootstrap(tx, emulator)`: puts back what must exist in an empty world (runs at the
      first start of a database and after every reset), e.g. the configured users.
    - `seed(tx, emulator, world)`: adds this area's part of the demo world.
    - `counts`: kind -> SQL giving that kind's object count, for `GET /_emulator/state`.
    - `state(emulator)`: extra keys for `GET /_emulator/state`.
    - `listeners`: called with every committed request's events (after the commit).
    - `on_reset(emulator)`: clears in-memory state the area keeps outside the database.
    - `order`: bootstrap and seed order (lower first).
    """

    name: str
    router: Router | None = None
    control_router: Router | None = None
    schema: str = ""
    sequences: Mapping[str, int] = field(default_factory=dict)
    bootstrap: Callable[[Tx, Emulator], None] | None = None
    seed: Callable[[Tx, Emulator, SeedWorld], None] | None = None
    counts: Mapping[str, str] = field(default_factory=dict)
    state: Callable[[Emulator], Mapping[str, Any]] | None = None
    listeners: Sequence[Listener] = ()
    on_reset: Callable[[Emulator], None] | None = None
    order: int = 100


def load_areas() -> list[Area]:
    """Import every sub-package of this package and collect their `AREA`, in `order`."""
    found: list[Area] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        area = getattr(module, "AREA", None)
        if not isinstance(area, Area):
            raise TypeError(f"{module.__name__} does not define AREA = Area(...)")
        found.append(area)
    found.sort(key=lambda a: (a.order, a.name))
    return found
