"""Sending webhooks: a queue and one background worker per emulator.

Writes never wait for receivers: after a request commits, the area's listener turns its events
into deliveries and queues them; a worker thread POSTs them (form-encoded) one at a time, in
the order they were queued. A delivery succeeds on any 2xx answer. Otherwise (another status,
a refused connection, no answer within 5 s) it is tried again after 10 s, 60 s, 300 s and
1800 s on the emulator clock, so tests move the clock instead of waiting; after the fifth
failed attempt it is `failed`. Verification requests are sent once (Podio asks for a new
`verify/request` when the receiver was not ready). A delivery whose hook was deleted (or, for
events, deactivated) before it went out is `dropped`.

`flush()` waits until nothing is due or being sent; `records()` lists recent deliveries.
Both back the control routes `POST /_emulator/hooks/flush` and
`GET /_emulator/hooks/deliveries`. Nothing here is stored in the database: a restart or a
reset forgets queued deliveries.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from ...clock import format_datetime
from .models import VERIFY, Outgoing, still_wanted

if TYPE_CHECKING:
    from ...emulator import Emulator

__all__ = ["RETRY_DELAYS", "TIMEOUT", "Delivery", "Dispatcher", "dispatcher_for"]

log = logging.getLogger("podio_emulator.hooks")

RETRY_DELAYS = (10, 60, 300, 1800)  # seconds on the emulator clock before attempts 2..5
TIMEOUT = 5.0  # seconds a receiver has to answer
IDLE_EXIT = 2.0  # real seconds an idle worker waits before it stops (it restarts on demand)
POLL = 0.2  # real seconds between looks at the emulator clock while retries are scheduled
HISTORY = 1000  # deliveries kept for GET /_emulator/hooks/deliveries


@dataclass
class Delivery:
    delivery_id: int
    hook_id: int
    type: str
    url: str
    payload: dict[str, str]
    created_on: str
    next_at: float
    generation: int
    status: str = "pending"  # pending, sending, retrying, delivered, failed, dropped
    attempts: int = 0
    last_status: int | None = None
    last_error: str | None = None
    delivered_on: str | None = None
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def max_attempts(self) -> int:
        return 1 if self.type == VERIFY else 1 + len(RETRY_DELAYS)

    def to_json(self) -> dict[str, Any]:
        payload = dict(self.payload)
        if "code" in payload:
            payload["code"] = "***"  # the verification code goes to the receiver only
        return {
            "delivery_id": self.delivery_id,
            "hook_id": self.hook_id,
            "type": self.type,
            "url": self.url,
            "payload": payload,
            "status": self.status,
            "attempts": self.attempts,
            "last_status": self.last_status,
            "last_error": self.last_error,
            "created_on": self.created_on,
            "delivered_on": self.delivered_on,
            "next_attempt_on": format_datetime(self.next_at)
            if self.status in ("pending", "retrying")
            else None,
            "history": list(self.history),
        }


class Dispatcher:
    """The delivery queue and worker of one emulator."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = weakref.ref(emulator)
        self._cond = threading.Condition()
        self._queue: list[Delivery] = []
        self._records: deque[Delivery] = deque(maxlen=HISTORY)
        self._ids = itertools.count(1)
        self._generation = 0
        self._sending: Delivery | None = None
        self._thread: threading.Thread | None = None
        self.counts = {"attempts": 0, "delivered": 0, "failed": 0, "dropped": 0}

    # -- queueing -----------------------------------------------------------------------------

    def enqueue(self, outgoing: Iterable[Outgoing]) -> None:
        emulator = self._emulator()
        if emulator is None:
            return
        now = emulator.clock.now()
        with self._cond:
            for out in outgoing:
                delivery = Delivery(
                    delivery_id=next(self._ids),
                    hook_id=out.hook_id,
                    type=out.type,
                    url=out.url,
                    payload=dict(out.payload),
                    created_on=format_datetime(now),
                    next_at=now,
                    generation=self._generation,
                )
                self._queue.append(delivery)
                self._records.append(delivery)
            self._ensure_worker()
            self._cond.notify_all()

    def _ensure_worker(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=self._run, name="podio-emulator-hooks", daemon=True
            )
            self._thread.start()

    # -- the worker ---------------------------------------------------------------------------

    def _due(self, now: float) -> Delivery | None:
        due = [d for d in self._queue if d.next_at <= now]
        return min(due, key=lambda d: (d.next_at, d.delivery_id)) if due else None

    def _run(self) -> None:
        client = httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        idle_since = time.monotonic()
        try:
            while True:
                emulator = self._emulator()
                if emulator is None:
                    return
                with self._cond:
                    delivery = self._due(emulator.clock.now())
                    if delivery is None:
                        if not self._queue and time.monotonic() - idle_since > IDLE_EXIT:
                            self._thread = None
                            return
                        self._cond.wait(POLL)
                        continue
                    self._queue.remove(delivery)
                    delivery.status = "sending"
                    self._sending = delivery
                del emulator
                try:
                    self._attempt(client, delivery)
                except Exception:  # a worker that dies would strand the queue
                    log.exception("webhook delivery %s failed unexpectedly", delivery.delivery_id)
                    self._finish(delivery, "failed", error="internal error")
                idle_since = time.monotonic()
        finally:
            client.close()

    def _attempt(self, client: httpx.Client, delivery: Delivery) -> None:
        emulator = self._emulator()
        if emulator is None:
            return
        with emulator.transaction() as tx:
            wanted = still_wanted(tx, delivery.hook_id, delivery.type)
        if not wanted:
            self._finish(delivery, "dropped")
            return
        status: int | None = None
        error: str | None = None
        try:
            response = client.post(
                delivery.url,
                data=delivery.payload,
                headers={"User-Agent": "Podio-Hooks (podio_emulator)"},
            )
            status = response.status_code
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        with self._cond:
            if delivery.generation != self._generation:  # reset while sending
                self._sending = None
                self._cond.notify_all()
                return
            delivery.attempts += 1
            self.counts["attempts"] += 1
            delivery.last_status = status
            delivery.last_error = error
            delivery.history.append(
                {"on": format_datetime(emulator.clock.now()), "status": status, "error": error}
            )
        if status is not None and 200 <= status < 300:
            emulator.metrics.incr("hook_deliveries")
            self._finish(delivery, "delivered")
        elif delivery.attempts < delivery.max_attempts:
            with self._cond:
                delivery.status = "retrying"
                delivery.next_at = emulator.clock.now() + RETRY_DELAYS[delivery.attempts - 1]
                self._queue.append(delivery)
                self._sending = None
                self._cond.notify_all()
        else:
            self._finish(delivery, "failed")

    def _finish(self, delivery: Delivery, status: str, *, error: str | None = None) -> None:
        emulator = self._emulator()
        with self._cond:
            if delivery.generation == self._generation:
                delivery.status = status
                if error is not None:
                    delivery.last_error = error
                if status == "delivered" and emulator is not None:
                    delivery.delivered_on = format_datetime(emulator.clock.now())
                if status in self.counts:
                    self.counts[status] += 1
            self._sending = None
            self._cond.notify_all()

    # -- control ------------------------------------------------------------------------------

    def _busy(self, now: float) -> bool:
        return self._sending is not None or self._due(now) is not None

    def flush(self, timeout: float) -> dict[str, Any]:
        """Wait (at most `timeout` real seconds) until no delivery is due or being sent;
        retries scheduled later on the emulator clock do not count."""
        emulator = self._emulator()
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._queue:
                self._ensure_worker()
            self._cond.notify_all()
            while emulator is not None and self._busy(emulator.clock.now()):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, POLL))
            return self._summary(emulator.clock.now() if emulator is not None else 0.0)

    def _summary(self, now: float) -> dict[str, Any]:
        return {
            "done": self._sending is None and self._due(now) is None,
            "due": sum(1 for d in self._queue if d.next_at <= now),
            "scheduled": sum(1 for d in self._queue if d.next_at > now),
            "sending": 1 if self._sending is not None else 0,
            **self.counts,
        }

    def snapshot(self) -> dict[str, Any]:
        emulator = self._emulator()
        with self._cond:
            return self._summary(emulator.clock.now() if emulator is not None else 0.0)

    def records(
        self, *, hook_id: int | None = None, status: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """The most recent deliveries (oldest first), optionally of one hook or status."""
        with self._cond:
            found = [
                d
                for d in self._records
                if (hook_id is None or d.hook_id == hook_id)
                and (status is None or d.status == status)
            ]
            return [d.to_json() for d in found[-limit:]]

    def reset(self) -> None:
        """Forget everything queued and sent (a delivery being sent finishes unrecorded)."""
        with self._cond:
            self._generation += 1
            self._queue.clear()
            self._records.clear()
            self.counts = dict.fromkeys(self.counts, 0)
            self._cond.notify_all()


_DISPATCHERS: weakref.WeakKeyDictionary[Emulator, Dispatcher] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def dispatcher_for(emulator: Emulator) -> Dispatcher:
    with _LOCK:
        found = _DISPATCHERS.get(emulator)
        if found is None:
            found = _DISPATCHERS[emulator] = Dispatcher(emulator)
        return found
