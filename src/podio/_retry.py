"""When to try a request again, and how long to wait first. No I/O here.

Podio drops connections and its proxies answer 502-504 now and then; past the hourly budget it
answers 420 (limits.md). A call is repeated only when repeating it cannot do harm:

* reads and updates (GET, PUT, DELETE, and POSTs that only read, such as filter or search) are
  repeated after any connection failure and after 500, 502, 503 and 504;
* other POSTs (creations, actions) are repeated only when the request surely never reached
  Podio: the connection could not be made, or no pooled connection came free in time. A
  creation is never sent twice by the client;
* a 420 is always safe to repeat, since Podio refused the call before doing anything: the
  client waits as long as Podio asked (``Retry-After`` if ever sent, else the "wait N
  seconds" hint) when that wait is acceptable.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, replace

import httpx

__all__ = ["RetryPolicy", "set_testing"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({500, 502, 503, 504})
RATE_LIMIT_STATUSES = frozenset({420, 429})

_testing = threading.Event()


def set_testing(enabled: bool = True) -> None:
    """Make every back-off and rate-limit wait zero seconds (for test suites).

    Retries still happen, and are counted; only the sleeping goes.
    """
    if enabled:
        _testing.set()
    else:
        _testing.clear()


def is_testing() -> bool:
    return _testing.is_set()


@dataclass(frozen=True)
class RetryPolicy:
    """How persistently a client repeats failed calls.

    `max_retries` bounds the repeats of one call (not counting the first try). Back-off is
    exponential from `backoff_base` to `backoff_max` seconds with full jitter.
    `max_rate_limit_wait` is the longest wait for a 420 the client accepts; a longer one raises
    `RateLimitError` at once.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    max_rate_limit_wait: float = 60.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries cannot be negative")
        if self.backoff_base < 0 or self.backoff_max < 0 or self.max_rate_limit_wait < 0:
            raise ValueError("retry waits cannot be negative")

    def with_max_retries(self, max_retries: int) -> RetryPolicy:
        return replace(self, max_retries=max_retries)

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number `attempt` (0-based), jittered."""
        if is_testing():
            return 0.0
        ceiling = min(self.backoff_max, self.backoff_base * (2**attempt))
        return random.uniform(0, ceiling)

    def transport_error_delay(
        self, exc: httpx.TransportError, *, idempotent: bool, attempt: int
    ) -> float | None:
        """Seconds to wait before repeating after `exc`, or ``None`` to give up."""
        if attempt >= self.max_retries:
            return None
        # httpx raises PoolTimeout before a byte of the request is written.
        never_reached = isinstance(
            exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
        )
        if never_reached or idempotent:
            return self.backoff(attempt)
        return None

    def status_delay(
        self, status: int, *, idempotent: bool, attempt: int, hint: float | None
    ) -> float | None:
        """Seconds to wait before repeating after an error status, or ``None`` to give up."""
        if attempt >= self.max_retries:
            return None
        if status in RATE_LIMIT_STATUSES:
            wait = hint if hint is not None else self.backoff(attempt)
            if wait > self.max_rate_limit_wait:
                return None
            return 0.0 if is_testing() else wait
        if status in RETRY_STATUSES and idempotent:
            return self.backoff(attempt)
        return None
