"""`Emulator`: the state of one running emulator, independent of HTTP.

It owns the configuration, the clock, the database, the route tables, the rate limiter, the
fault injector and the counters, and it knows how to reset, seed and report itself. The ASGI
app (`app.py`) and the control API are thin layers over it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .areas import Area, Listener, SeedWorld, load_areas
from .clock import Clock
from .config import EmulatorConfig
from .db import Database, Event, Tx, dumps, loads
from .faults import Faults
from .ids import SEQUENCE_STARTS
from .ratelimit import DEFAULT_HEAVY_ROUTES, RateLimiter
from .routing import Route, RouteTable

__all__ = ["Emulator", "Metrics"]

log = logging.getLogger("podio_emulator")

_CLOCK_KEY = "clock_offset"
_CREATED_KEY = "created_on"
_SEED_KEY = "seed_world"


class Metrics:
    """Named counters shown by `GET /_emulator/state` (in memory; zeroed by reset)."""

    BASE = ("requests", "tokens_issued", "refreshes", "hook_deliveries")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, int] = dict.fromkeys(self.BASE, 0)

    def incr(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._values[name] = self._values.get(name, 0) + amount

    def get(self, name: str) -> int:
        return self._values.get(name, 0)

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self._values)

    def reset(self) -> None:
        with self._lock:
            self._values = dict.fromkeys(self.BASE, 0)


class Emulator:
    """One emulator instance: build it from an `EmulatorConfig`."""

    def __init__(self, config: EmulatorConfig | None = None) -> None:
        self.config = config or EmulatorConfig()
        self.clock = Clock()
        self.areas: list[Area] = load_areas()
        self.db = Database(self.config.db_path, self.clock)
        sequences = dict(SEQUENCE_STARTS)
        for area in self.areas:
            for kind, start in area.sequences.items():
                if kind in sequences and sequences[kind] != start:
                    raise ValueError(f"area {area.name} redefines the id sequence {kind!r}")
                sequences[kind] = start
        self.db.install([a.schema for a in self.areas], sequences)
        self.routes = RouteTable(r for a in self.areas if a.router for r in a.router.routes)
        self.control_routes = RouteTable(
            r for a in self.areas if a.control_router for r in a.control_router.routes
        )
        self.rate = RateLimiter(
            self.clock,
            self.config.rate_limit,
            self.config.heavy_rate_limit,
            self.config.rate_limit_window,
        )
        self.faults = Faults()
        self.metrics = Metrics()
        if self.config.heavy_routes is not None:
            self.heavy_routes = frozenset(self.config.heavy_routes)
        else:
            self.heavy_routes = DEFAULT_HEAVY_ROUTES | {
                r.key for r in self.routes.routes if r.heavy
            }
        self._listeners: list[Listener] = [lsn for a in self.areas for lsn in a.listeners]
        first_start = False
        with self.db.transaction() as tx:
            offset = tx.get_meta(_CLOCK_KEY)
            if offset is not None:
                self.clock.set_offset(float(offset))
            if tx.get_meta(_CREATED_KEY) is None:
                first_start = True
                tx.set_meta(_CREATED_KEY, self.clock.now_str())
            self._bootstrap(tx)
        if first_start and self.config.seed:
            self.seed()

    # -- units of work -----------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, dry_run: bool = False) -> Iterator[Tx]:
        """A database transaction whose events are published after it commits.

        Inside an open transaction this joins it, and the outermost one publishes.
        """
        if self.db.in_transaction():
            with self.db.transaction() as joined:
                yield joined
            return
        with self.db.transaction(dry_run=dry_run) as tx:
            yield tx
            events = list(tx.events)
            tx.events.clear()
        if events and not dry_run:
            self.publish(events)

    def add_listener(self, listener: Listener) -> None:
        """Also call `listener(emulator, events)` after every commit (as `Area.listeners`)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, events: Sequence[Event]) -> None:
        """Hand committed events to every area listener; a failing listener is logged only."""
        for listener in self._listeners:
            try:
                listener(self, events)
            except Exception:
                log.exception("event listener %r failed", listener)

    def is_heavy(self, route: Route) -> bool:
        return route.key in self.heavy_routes

    # -- life cycle --------------------------------------------------------------------------

    def _bootstrap(self, tx: Tx) -> None:
        for area in self.areas:
            if area.bootstrap is not None:
                area.bootstrap(tx, self)

    def reset(self) -> None:
        """Back to a fresh start: empty tables, configured users and clients, clock at real
        time, no faults, fresh rate budgets and counters (and the demo world if `seed`)."""
        with self.transaction() as tx:
            for table in self.db.tables():
                tx.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from the schema
            tx.set_meta(_CREATED_KEY, "reset")
            self.clock.set_offset(0.0)
            self._bootstrap(tx)
        self.faults.reset()
        self.rate.reset()
        self.metrics.reset()
        for area in self.areas:
            if area.on_reset is not None:
                area.on_reset(self)
        if self.config.seed:
            self.seed()

    def seed(self) -> SeedWorld:
        """Create the demo world once (later calls return what the first one made)."""
        with self.transaction() as tx:
            existing = tx.get_meta(_SEED_KEY)
            if existing is not None:
                world: SeedWorld = loads(existing)
                return world
            world = {}
            for area in self.areas:
                if area.seed is not None:
                    area.seed(tx, self, world)
            tx.set_meta(_SEED_KEY, dumps(world))
            return world

    def advance_clock(self, seconds: float) -> float:
        """Move the emulator clock; the offset is stored so that a restart keeps it."""
        offset = self.clock.advance(seconds)
        with self.transaction() as tx:
            tx.set_meta(_CLOCK_KEY, repr(offset))
        return offset

    def state(self) -> dict[str, Any]:
        """Object counts per kind, counters, rate-limit and fault state."""
        counts: dict[str, int] = {}
        extra: dict[str, Any] = {}
        with self.transaction() as tx:
            for area in self.areas:
                for kind, sql in area.counts.items():
                    counts[kind] = int(tx.scalar(sql) or 0)
        for area in self.areas:
            if area.state is not None:
                extra.update(area.state(self))
        spec = self.faults.spec
        return {
            "objects": counts,
            **self.metrics.snapshot(),
            "rate_limits": self.rate.snapshot(),
            "faults": {
                "active": spec.to_json() if spec is not None else None,
                "injected": dict(self.faults.injected),
            },
            "clock": {"now": self.clock.now_str(), "offset": self.clock.offset},
            **extra,
        }

    def close(self) -> None:
        self.db.close()
