"""Fixtures for the end-to-end suite: our client against the emulator over real sockets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle, running_process


@pytest.fixture
def emulator(podio_emulator: EmulatorHandle) -> EmulatorHandle:
    """The running emulator, reset for this test."""
    return podio_emulator


@pytest.fixture
def make_client(emulator: EmulatorHandle) -> Iterator[Callable[..., podio.Client]]:
    """`make_client(**options)`: an unauthenticated client for the emulator."""
    made: list[podio.Client] = []

    def make(**options: Any) -> podio.Client:
        client = podio.Client(
            emulator.client_id, emulator.client_secret, api_url=emulator.base_url, **options
        )
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def user(emulator: EmulatorHandle) -> tuple[str, str]:
    """The configured user's e-mail and password."""
    first = emulator.users[0]
    return first.mail, first.password


@pytest.fixture
def client(make_client: Callable[..., podio.Client], user: tuple[str, str]) -> podio.Client:
    """A client signed in as the configured user, and the default client of the test."""
    signed_in = make_client()
    signed_in.authenticate_with_credentials(*user)
    podio.set_client(signed_in)
    return signed_in


@pytest.fixture(scope="session")
def process_emulator() -> Iterator[EmulatorHandle]:
    """One emulator in its own process for the volume and concurrency tests, without rate
    limits (the volume is the point there); reset it before use."""
    with running_process(
        "--rate-limit", "1000000000", "--heavy-rate-limit", "1000000000"
    ) as handle:
        yield handle
