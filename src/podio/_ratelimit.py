"""A client-side budget that spreads calls so a long job never meets Podio's 420.

Podio allows about 1,000 calls an hour per user and API key, and 250 for the heavier
operations; past that it answers 420 until the hour is over, and it never says when that is
(limits.md §1). A job that knows its budget can pace itself instead: `RateBudget` hands out
calls at an even rate, allows a small burst, and believes Podio when ``X-Rate-Limit-Remaining``
says less is left than it thought. One budget is shared by all threads and tasks of a client.

Calls are grouped by the shape of their path (ids replaced by ``{}``): once Podio reports a
lower ceiling for a shape (the 250-an-hour operations), that shape gets a bucket of its own.
No I/O here: `reserve` says how long to wait and the client's driver does the waiting.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["RateBudget"]

_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")
HOUR = 3600.0


@dataclass
class _Bucket:
    capacity: float
    per_second: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.per_second)
        self.updated = now


class RateBudget:
    """Paces calls to at most `calls_per_hour`, with bursts of up to `burst` calls.

    Pass one to ``podio.Client(rate_budget=RateBudget(900))``; leave some headroom below
    Podio's 1,000 for other programs using the same account and key.
    """

    def __init__(
        self,
        calls_per_hour: float = 1000,
        *,
        burst: int = 10,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if calls_per_hour <= 0:
            raise ValueError("calls_per_hour must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.calls_per_hour = float(calls_per_hour)
        self.burst = burst
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}
        self._ceilings: dict[str, int] = {}

    def _bucket(self, key: str, calls_per_hour: float, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            capacity = float(min(self.burst, max(1, int(calls_per_hour))))
            bucket = _Bucket(capacity, calls_per_hour / HOUR, capacity, now)
            self._buckets[key] = bucket
        return bucket

    def _key(self, path: str) -> tuple[str, float]:
        shape = _ID_SEGMENT.sub("/{}", path.split("?", 1)[0])
        ceiling = self._ceilings.get(shape)
        if ceiling is not None and ceiling < self.calls_per_hour:
            return shape, float(ceiling)
        return "*", self.calls_per_hour

    def reserve(self, path: str) -> float:
        """Take one call from the budget; returns the seconds to wait before sending it."""
        with self._lock:
            now = self._clock()
            key, per_hour = self._key(path)
            bucket = self._bucket(key, per_hour, now)
            bucket.refill(now)
            bucket.tokens -= 1.0
            if bucket.tokens >= 0:
                return 0.0
            return -bucket.tokens / bucket.per_second

    def observe(self, path: str, limit: int | None, remaining: int | None) -> None:
        """Take in what Podio said about the budget after a call."""
        if limit is None or remaining is None:
            return
        with self._lock:
            now = self._clock()
            shape = _ID_SEGMENT.sub("/{}", path.split("?", 1)[0])
            if limit < self.calls_per_hour:
                self._ceilings[shape] = limit
            key, per_hour = self._key(path)
            bucket = self._bucket(key, per_hour, now)
            bucket.refill(now)
            # Podio knows better: other programs may share the account's budget.
            if remaining < bucket.tokens:
                bucket.tokens = float(remaining)

    def __repr__(self) -> str:
        return f"<RateBudget {self.calls_per_hour:g} calls/hour, burst {self.burst}>"
