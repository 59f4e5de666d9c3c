"""The bulk runner: outcomes by input position, bounded concurrency, and a clean stop."""

from __future__ import annotations

import threading

import pytest

import podio
from podio._bulk import run_many


def test_outcomes_are_kept_by_position_and_progress_counts_up() -> None:
    seen: list[int] = []

    def call(value: int) -> int:
        if value % 3 == 0:
            raise podio.BadRequestError(f"bad {value}")
        return value * 10

    result = run_many(
        list(range(9)), call, concurrency=3, progress=lambda done, total: seen.append(done)
    )
    assert result.total == 9
    assert result.values() == [10, 20, 40, 50, 70, 80]
    assert sorted(result.failed) == [0, 3, 6]
    assert sorted(seen) == list(range(1, 10))
    with pytest.raises(podio.BulkError, match="3 of 9 failed"):
        result.raise_for_failures()


def test_an_interrupt_starts_nothing_more() -> None:
    started: list[int] = []
    lock = threading.Lock()

    def call(value: int) -> int:
        with lock:
            started.append(value)
        if value == 2:
            raise KeyboardInterrupt
        return value

    with pytest.raises(KeyboardInterrupt):
        run_many(list(range(200)), call, concurrency=2)
    assert len(started) < 50


def test_concurrency_must_be_positive() -> None:
    with pytest.raises(ValueError, match="concurrency"):
        run_many([1], lambda value: value, concurrency=0)
