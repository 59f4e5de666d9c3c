"""Injected failures, to test how clients cope with a flaky Podio.

A fault spec (`POST /_emulator/faults`) applies to API calls whose method is in `methods` (all
when absent) and whose path matches the regular expression `path` (searched, all when absent).
For each such call, in this order:

1. `latency_ms` is waited (always, before anything else);
2. with probability `drop` the connection is closed without any HTTP answer, before the call
   is processed (nothing is stored);
3. with probability `rate` the call is answered with one of `statuses` (picked uniformly)
   without being processed;
4. with probability `lose` the call IS processed (and committed) but its answer is lost: the
   connection closes without an HTTP answer. This is the case that tempts clients into
   creating things twice, since they cannot tell it from a `drop`.

Draws come from one `random.Random(seed)`, so a given `seed` and call sequence give the same
faults every run. Faults never touch `/_emulator/`; `/oauth/` and `/mfa/` are spared unless the
spec says `"include_oauth": true` (token calls failing at random make most test suites
flaky for no insight; opt in to test a client's token handling under failure).
"""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import invalid_value

__all__ = ["DEFAULT_STATUSES", "FaultDecision", "FaultSpec", "Faults"]

DEFAULT_STATUSES = (500, 502, 503)
_METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}


@dataclass(frozen=True)
class FaultSpec:
    rate: float = 0.0
    statuses: tuple[int, ...] = DEFAULT_STATUSES
    drop: float = 0.0
    lose: float = 0.0
    latency_ms: int = 0
    methods: frozenset[str] | None = None
    path: str | None = None
    seed: int | None = None
    include_oauth: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultSpec:
        """Validate a control-API body; 400 `invalid_value` on anything wrong."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise invalid_value(f"Unknown fault setting(s): {', '.join(unknown)}")
        rate = _probability(data, "rate")
        drop = _probability(data, "drop")
        lose = _probability(data, "lose")
        statuses_raw = data.get("statuses", list(DEFAULT_STATUSES))
        if (
            not isinstance(statuses_raw, list)
            or not statuses_raw
            or not all(
                isinstance(s, int) and not isinstance(s, bool) and 400 <= s <= 599
                for s in statuses_raw
            )
        ):
            raise invalid_value("statuses must be a non-empty list of 4xx/5xx status codes")
        latency = data.get("latency_ms", 0)
        if not isinstance(latency, int) or isinstance(latency, bool) or not 0 <= latency <= 60000:
            raise invalid_value("latency_ms must be an integer from 0 to 60000")
        methods_raw = data.get("methods")
        methods: frozenset[str] | None = None
        if methods_raw is not None:
            if not isinstance(methods_raw, list) or not all(
                isinstance(m, str) and m.upper() in _METHODS for m in methods_raw
            ):
                raise invalid_value("methods must be a list of HTTP methods")
            methods = frozenset(m.upper() for m in methods_raw)
        path = data.get("path")
        if path is not None:
            if not isinstance(path, str):
                raise invalid_value("path must be a regular expression string")
            try:
                re.compile(path)
            except re.error as exc:
                raise invalid_value(f"path is not a valid regular expression: {exc}") from None
        seed = data.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            raise invalid_value("seed must be an integer")
        include_oauth = data.get("include_oauth", False)
        if not isinstance(include_oauth, bool):
            raise invalid_value("include_oauth must be a boolean")
        return cls(
            rate=rate,
            statuses=tuple(statuses_raw),
            drop=drop,
            lose=lose,
            latency_ms=latency,
            methods=methods,
            path=path,
            seed=seed,
            include_oauth=include_oauth,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "rate": self.rate,
            "statuses": list(self.statuses),
            "drop": self.drop,
            "lose": self.lose,
            "latency_ms": self.latency_ms,
            "methods": sorted(self.methods) if self.methods is not None else None,
            "path": self.path,
            "seed": self.seed,
            "include_oauth": self.include_oauth,
        }


def _probability(data: Mapping[str, Any], name: str) -> float:
    value = data.get(name, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise invalid_value(f"{name} must be a number from 0 to 1")
    return float(value)


@dataclass(frozen=True)
class FaultDecision:
    latency_s: float = 0.0
    drop: bool = False
    status: int | None = None
    lose: bool = False


_NONE = FaultDecision()


class Faults:
    """The active fault spec and its random source; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._spec: FaultSpec | None = None
        self._pattern: re.Pattern[str] | None = None
        self._random = random.Random()
        self.injected: dict[str, int] = {}

    @property
    def spec(self) -> FaultSpec | None:
        return self._spec

    def set(self, spec: FaultSpec) -> None:
        with self._lock:
            self._spec = spec
            self._pattern = re.compile(spec.path) if spec.path else None
            self._random = random.Random(spec.seed)

    def clear(self) -> None:
        with self._lock:
            self._spec = None
            self._pattern = None

    def reset(self) -> None:
        self.clear()
        with self._lock:
            self.injected = {}

    def decide(self, method: str, path: str) -> FaultDecision:
        """What to do to this call (nothing, for paths faults never touch)."""
        spec = self._spec
        if spec is None or path.startswith("/_emulator/"):
            return _NONE
        if not spec.include_oauth and (path.startswith(("/oauth/", "/mfa/"))):
            return _NONE
        if spec.methods is not None and method not in spec.methods:
            return _NONE
        with self._lock:
            if self._pattern is not None and not self._pattern.search(path):
                return _NONE
            drop = spec.drop > 0 and self._random.random() < spec.drop
            status: int | None = None
            if not drop and spec.rate > 0 and self._random.random() < spec.rate:
                status = self._random.choice(spec.statuses)
            lose = (
                not drop and status is None and spec.lose > 0 and self._random.random() < spec.lose
            )
            if drop:
                self.injected["drop"] = self.injected.get("drop", 0) + 1
            elif status is not None:
                self.injected[str(status)] = self.injected.get(str(status), 0) + 1
            elif lose:
                self.injected["lose"] = self.injected.get("lose", 0) + 1
        return FaultDecision(
            latency_s=spec.latency_ms / 1000.0, drop=drop, status=status, lose=lose
        )
