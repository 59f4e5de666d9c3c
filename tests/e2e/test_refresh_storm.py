"""One refresh for a crowd: 32 threads and 32 asyncio tasks meet an expired token at once.

The emulator runs in its own process and its clock is moved past the token's eight hours,
so every call of the crowd is answered 401 ``expired_token`` (the client's own clock still
thinks the token fresh). Exactly one refresh may reach the token endpoint, whichever caller
leads it, and every call must then succeed with the new token. The emulator counts
refreshes and issued tokens itself (``GET /_emulator/state``); the scenario is repeated so a
race that wins only sometimes has several chances to show, every other time with the token
endpoint answering 50 ms late (an injected latency), so that the whole crowd is waiting on
the one refresh when it lands.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
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


def _crowd(client: podio.Client) -> tuple[list[Any], list[Any]]:
    """Every caller starts at the same moment: threads and the event loop meet at a barrier."""
    start = threading.Barrier(CALLERS + 1)
    thread_results: list[Any] = []
    lock = threading.Lock()

    def thread_call() -> None:
        start.wait()
        try:
            outcome: Any = client.connection.get("/user/status")
        except Exception as exc:  # kept and asserted below, with the others
            outcome = exc
        with lock:
            thread_results.append(outcome)

    async def task_call() -> Any:
        return await client.connection.aget("/user/status")

    async def tasks() -> list[Any]:
        await asyncio.get_running_loop().run_in_executor(None, start.wait)
        try:
            return await asyncio.gather(
                *(task_call() for _ in range(CALLERS)), return_exceptions=True
            )
        finally:
            await client.aclose()

    threads = [threading.Thread(target=thread_call) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    task_results = asyncio.run(tasks())
    for thread in threads:
        thread.join()
    return thread_results, task_results


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
            outcomes = thread_results + list(task_results)
            failures = [o for o in outcomes if not isinstance(o, podio.Response)]
            assert failures == [], f"round {round_}: {failures[:3]}"
            assert len(outcomes) == 2 * CALLERS
            assert {o.status for o in outcomes} == {200}
            assert {o.body["user"]["mail"] for o in outcomes} == {mail}
            assert after["refreshes"] - before["refreshes"] == 1, f"round {round_}"
            assert after["tokens_issued"] - before["tokens_issued"] == 1, f"round {round_}"
            current = client.oauth_token
            assert current is not None and current.access_token != expired.access_token
            assert refreshed[-1] == current
        assert len(refreshed) == ROUNDS
