"""The client-side rate budget paces calls below Podio's hourly limit."""

from __future__ import annotations

import threading

import pytest

import podio

from ...mock_api import MockPodio


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bursts_then_spreads_calls_evenly() -> None:
    clock = FakeClock()
    budget = podio.RateBudget(3600, burst=5, clock=clock)  # one call per second
    assert [budget.reserve("/item/1") for _ in range(5)] == [0.0] * 5
    assert budget.reserve("/item/2") == pytest.approx(1.0)
    assert budget.reserve("/item/3") == pytest.approx(2.0)
    clock.now += 10
    assert budget.reserve("/item/4") == 0.0


def test_an_hour_of_calls_never_exceeds_the_budget() -> None:
    clock = FakeClock()
    budget = podio.RateBudget(1000, burst=10, clock=clock)
    sent = 0
    start = clock.now
    while clock.now - start < 3600:
        wait = budget.reserve("/item/1")
        clock.now += wait
        if clock.now - start < 3600:
            sent += 1
    assert 990 <= sent <= 1010


def test_a_lower_ceiling_reported_by_podio_gets_its_own_bucket() -> None:
    clock = FakeClock()
    budget = podio.RateBudget(1000, burst=2, clock=clock)
    budget.observe("/search/app/5/", limit=250, remaining=249)
    assert budget.reserve("/search/app/9/") == 0.0
    assert budget.reserve("/search/app/9/") == 0.0
    assert budget.reserve("/search/app/9/") == pytest.approx(3600 / 250)
    assert budget.reserve("/item/1") == 0.0  # the general bucket is untouched


def test_podio_saying_little_is_left_slows_the_budget_down() -> None:
    clock = FakeClock()
    budget = podio.RateBudget(3600, burst=10, clock=clock)
    budget.observe("/item/1", limit=3600, remaining=0)
    assert budget.reserve("/item/1") == pytest.approx(1.0)


def test_threads_share_one_budget() -> None:
    clock = FakeClock()
    budget = podio.RateBudget(3600, burst=1, clock=clock)
    waits: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        wait = budget.reserve("/item/1")
        with lock:
            waits.append(wait)

    threads = [threading.Thread(target=take) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits) == pytest.approx([float(i) for i in range(20)])


def test_the_client_paces_its_calls(mock_podio: MockPodio, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()
    budget = podio.RateBudget(3600, burst=2, clock=clock)
    slept: list[float] = []
    monkeypatch.setattr("podio._client.time.sleep", slept.append)
    mock_podio.on("GET", "/org/", [])
    client = mock_podio.client(rate_budget=budget)
    for _ in range(4):
        client.connection.get("/org/")
    assert slept == [pytest.approx(1.0), pytest.approx(2.0)]
    assert len(mock_podio.calls) == 4


def test_budget_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="positive"):
        podio.RateBudget(0)
    with pytest.raises(ValueError, match="burst"):
        podio.RateBudget(10, burst=0)
