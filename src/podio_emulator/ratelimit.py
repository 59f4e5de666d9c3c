"""Podio's hourly call budgets (limits.md §1), counted on the emulator clock.

Budgets are kept per key: (user or app, client id) for authenticated calls, the client id for
token requests, and the remote address for calls without credentials. A window opens with the
key's first call and lasts `rate_limit_window` seconds (3600); when it has passed, the next call
opens a new one.

An ordinary call spends one unit of the general budget (1,000). A heavy call (the operations
Podio flags "Rate limited") spends one unit of the heavy budget (250) and one of the general
budget. When the relevant budget is spent the answer is 420 `rate_limit`, not 429, until the
window rolls; refused calls spend nothing. Every answer carries `X-Rate-Limit-Limit` (the ceiling
that applies to the call: 1000 or 250) and `X-Rate-Limit-Remaining`.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

from .clock import Clock
from .errors import PodioError

__all__ = ["DEFAULT_HEAVY_ROUTES", "RateInfo", "RateLimiter", "rate_limit_error"]

# Podio marks resource-intensive operations "Rate limited" on their doc pages; that list could
# not be retrieved (limits.md §1). These are the collection scans, exports, calculations, bulk
# operations and searches: the calls Podio's limits page asks clients to avoid in loops.
# Routes registered with `heavy=True` are added; `EmulatorConfig.heavy_routes` replaces both.
DEFAULT_HEAVY_ROUTES = frozenset(
    {
        "GET /item/app/{app_id}/",
        "POST /item/app/{app_id}/filter/",
        "POST /item/app/{app_id}/filter/{view_id}/",
        "GET /item/app/{app_id}/xlsx/",
        "POST /item/app/{app_id}/export/{exporter}",
        "POST /item/app/{app_id}/calculate",
        "POST /item/app/{app_id}/delete",
        "POST /search/",
        "POST /search/org/{org_id}/",
        "POST /search/space/{space_id}/",
        "POST /search/app/{app_id}/",
        "POST /search/app/{app_id}/space/{space_id}",
    }
)

RateKey = tuple[Any, ...]


@dataclass(frozen=True)
class RateInfo:
    limit: int
    remaining: int

    def headers(self) -> dict[str, str]:
        return {
            "X-Rate-Limit-Limit": str(self.limit),
            "X-Rate-Limit-Remaining": str(self.remaining),
        }


def rate_limit_error(wait_seconds: int, limit: int) -> PodioError:
    """420 `rate_limit`; the description carries "Please wait N seconds" (errors.md §3)."""
    return PodioError(
        420,
        "rate_limit",
        f"You have hit the rate limit. Please wait {max(1, wait_seconds)} seconds before "
        "trying again",
        headers=RateInfo(limit, 0).headers(),
    )


@dataclass
class _Window:
    started: float
    general: int = 0
    heavy: int = 0


class RateLimiter:
    """Thread-safe budgets; `hit()` spends one call or raises the 420."""

    def __init__(self, clock: Clock, general: int, heavy: int, window: int) -> None:
        self.clock = clock
        self.general = general
        self.heavy = heavy
        self.window = window
        self._lock = threading.Lock()
        self._windows: dict[RateKey, _Window] = {}
        self.refused = 0

    def _current(self, key: RateKey, now: float) -> _Window:
        if len(self._windows) > 10_000:
            # Anonymous callers are keyed by address: forget windows that have ended.
            self._windows = {
                k: w for k, w in self._windows.items() if now < w.started + self.window
            }
        win = self._windows.get(key)
        if win is None or now >= win.started + self.window:
            win = _Window(started=now)
            self._windows[key] = win
        return win

    def hit(self, key: RateKey, *, heavy: bool) -> RateInfo:
        """Spend one call for `key`; raises 420 when its budget is spent."""
        now = self.clock.now()
        with self._lock:
            win = self._current(key, now)
            wait = math.ceil(win.started + self.window - now)
            if win.general >= self.general:
                self.refused += 1
                raise rate_limit_error(wait, self.heavy if heavy else self.general)
            if heavy and win.heavy >= self.heavy:
                self.refused += 1
                raise rate_limit_error(wait, self.heavy)
            win.general += 1
            if heavy:
                win.heavy += 1
                return RateInfo(self.heavy, self.heavy - win.heavy)
            return RateInfo(self.general, self.general - win.general)

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()
            self.refused = 0

    def snapshot(self) -> dict[str, Any]:
        """Counters for `GET /_emulator/state`."""
        now = self.clock.now()
        with self._lock:
            keys = [
                {
                    "key": ":".join(str(part) for part in key),
                    "general_used": win.general,
                    "heavy_used": win.heavy,
                    "window_resets_in": max(0, math.ceil(win.started + self.window - now)),
                }
                for key, win in self._windows.items()
                if now < win.started + self.window
            ]
        return {
            "general_limit": self.general,
            "heavy_limit": self.heavy,
            "window_seconds": self.window,
            "refused": self.refused,
            "keys": keys,
        }
