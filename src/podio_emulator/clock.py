"""The emulator's clock: real time plus an offset that tests can move forward.

Every piece of time logic (token expiry, rate-limit windows, nonces, `created_on` stamps) reads
this clock, never `time.time()` directly, so `POST /_emulator/clock {"advance": 28800}` makes
tokens expire and rate windows roll without anyone sleeping.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

__all__ = ["Clock", "format_date", "format_datetime", "parse_datetime"]


class Clock:
    """Seconds since the epoch, as the emulator sees them (`time.time() + offset`)."""

    def __init__(self, offset: float = 0.0) -> None:
        self._offset = float(offset)
        self._lock = threading.Lock()

    @property
    def offset(self) -> float:
        return self._offset

    def set_offset(self, offset: float) -> None:
        with self._lock:
            self._offset = float(offset)

    def advance(self, seconds: float) -> float:
        """Move the clock forward (a negative value moves it back); returns the new offset."""
        with self._lock:
            self._offset += float(seconds)
            return self._offset

    def now(self) -> float:
        return time.time() + self._offset

    def utcnow(self) -> datetime:
        return datetime.fromtimestamp(self.now(), tz=timezone.utc)

    def now_str(self) -> str:
        """The current time in Podio's datetime format, UTC (`YYYY-MM-DD HH:MM:SS`)."""
        return format_datetime(self.now())

    def today_str(self) -> str:
        return format_date(self.now())


def format_datetime(ts: float) -> str:
    """Podio datetime, UTC: `YYYY-MM-DD HH:MM:SS` (no `T`, no offset: conventions.md §3)."""
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def format_date(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%d")


def parse_datetime(text: str) -> float:
    """Epoch seconds of a Podio UTC datetime (`YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`)."""
    fmt = "%Y-%m-%d" if len(text) == 10 else "%Y-%m-%d %H:%M:%S"
    return datetime.strptime(text, fmt).replace(tzinfo=timezone.utc).timestamp()
