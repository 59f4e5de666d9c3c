"""One refresh for a crowd: 32 threads and 32 asyncio tasks meet an expired token at once.

The emulator runs in its own process and its clock is moved past the token's eight hours,
before the crowd sets off (every call is then answered 401 ``expired_token``; the client's
own clock still thinks the token fresh) or while it is calling. Exactly one refresh may
reach the token endpoint, whichever caller leads it, and every call must succeed. The
emulator counts refreshes and issued tokens itself (``GET /_emulator/state``); each scenario
is repeated so a race that wins only sometimes has several chances to show, the first one
every other time with the token endpoint answering 50 ms late (an injected latency), so
that the whole crowd is waiting on the one refresh when it lands.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle

CALLERS = 32
ROUNDS = 6
EIGHT_HOURS = 8 * 3600


@pytest.fixture
def storm(process_emulator: EmulatorHandle) -> Iterator[EmulatorHandle]:
    process_emulator.reset()
    yield process_emulator
    process_emulator.clear_faults()


def _crowd(
    client: podio.Client, move: Callable[[], object] | None = None
) -> tuple[list[Any], list[Any]]:
    """Every caller starts at the same moment: threads and the event loop meet at a barrier.

    Without `move`, each caller makes one call. With it, a mover thread runs `move` (moves
    the emulator's clock) while the callers make their first call, and each caller makes
    two more once the move is done (a second barrier), so calls that left before the move
    and calls that meet its effect mix.
    """
    parties = CALLERS + 1 + (move is not None)
    start, moved = threading.Barrier(parties), threading.Barrier(parties)
    thread_results: list[Any] = []
    lock = threading.Lock()

    def call() -> Any:
        try:
            return client.connection.get("/user/status")
        except Exception as exc:  # kept and asserted below, with the others
            return exc

    def thread_calls() -> None:
        start.wait()
        outcomes = [call()]
        if move is not None:
            moved.wait()
            outcomes += [call(), call()]
        with lock:
            thread_results.extend(outcomes)

    def mover() -> None:
        start.wait()
        assert move is not None
        move()
        moved.wait()

    async def task_calls() -> list[Any]:
        loop = asyncio.get_running_loop()

        async def calls(count: int) -> list[Any]:
            gathered = (client.connection.aget("/user/status") for _ in range(count))
            return await asyncio.gather(*gathered, return_exceptions=True)

        try:
            await loop.run_in_executor(None, start.wait)
            outcomes = await calls(CALLERS)
            if move is not None:
                await loop.run_in_executor(None, moved.wait)
                outcomes += await calls(2 * CALLERS)
            return outcomes
        finally:
            await client.aclose()

    threads = [threading.Thread(target=thread_calls) for _ in range(CALLERS)]
    if move is not None:
        threads.append(threading.Thread(target=mover))
    for thread in threads:
        thread.start()
    task_results = asyncio.run(task_calls())
    for thread in threads:
        thread.join()
    return thread_results, task_results


def _check(outcomes: list[Any], count: int, mail: str, round_: int) -> None:
    failures = [o for o in outcomes if not isinstance(o, podio.Response)]
    assert failures == [], f"round {round_}: {failures[:3]}"
    assert len(outcomes) == count
    assert {o.status for o in outcomes} == {200}
    assert {o.body["user"]["mail"] for o in outcomes} == {mail}


def test_one_refresh_serves_32_threads_and_32_tasks_every_time(storm: EmulatorHandle) -> None:
    mail, password = storm.users[0]
    with podio.Client(storm.client_id, storm.client_secret, api_url=storm.base_url) as client:
        client.authenticate_with_credentials(mail, password)
        refreshed: list[podio.OAuthToken] = []
        client.on_token_refreshed = refreshed.append
        for round_ in range(ROUNDS):
            before = storm.state()
            expired = client.oauth_token
            assert expired is not None
            storm.advance_clock(EIGHT_HOURS + 60)
            if round_ % 2:
                storm.set_faults(path="^/oauth/token", include_oauth=True, latency_ms=50)

            thread_results, task_results = _crowd(client)
            storm.clear_faults()

            after = storm.state()
            _check(thread_results + list(task_results), 2 * CALLERS, mail, round_)
            assert after["refreshes"] - before["refreshes"] == 1, f"round {round_}"
            assert after["tokens_issued"] - before["tokens_issued"] == 1, f"round {round_}"
            current = client.oauth_token
            assert current is not None and current.access_token != expired.access_token
            assert refreshed[-1] == current
        assert len(refreshed) == ROUNDS


def test_one_refresh_when_the_clock_moves_while_the_crowd_is_calling(
    storm: EmulatorHandle,
) -> None:
    """Calls that left with the old token before the move, calls answered 401 after it, and
    calls made after the refresh landed all succeed, for one refresh per expiry."""
    mail, password = storm.users[0]
    with podio.Client(storm.client_id, storm.client_secret, api_url=storm.base_url) as client:
        client.authenticate_with_credentials(mail, password)
        for round_ in range(ROUNDS):
            before = storm.state()
            thread_results, task_results = _crowd(
                client, move=lambda: storm.advance_clock(EIGHT_HOURS + 60)
            )
            after = storm.state()
            _check(thread_results + list(task_results), 6 * CALLERS, mail, round_)
            assert after["refreshes"] - before["refreshes"] == 1, f"round {round_}"
            assert after["tokens_issued"] - before["tokens_issued"] == 1, f"round {round_}"
