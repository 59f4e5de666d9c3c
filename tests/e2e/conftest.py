"""Fixtures for the end-to-end suite: our client against the emulator over real sockets."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle


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


@contextlib.contextmanager
def emulator_process(*arguments: str) -> Iterator[EmulatorHandle]:
    """`podio-emulator serve` in a process of its own, as users run it.

    Client and server then do not share one interpreter lock, so volume tests run at the
    speed of two cores instead of one.
    """
    command = [sys.executable, "-m", "podio_emulator", "serve", "--port", "0"]
    command += ["--log-level", "warning", *arguments]
    process = subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"(http://\S+)", first)
        if match is None:
            raise RuntimeError(f"the emulator did not start: {first!r}")
        threading.Thread(target=process.stdout.read, daemon=True).start()  # drain the rest
        handle = EmulatorHandle.connect(match.group(1))
        try:
            yield handle
        finally:
            handle.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(scope="session")
def process_emulator() -> Iterator[EmulatorHandle]:
    """One emulator in its own process for the volume and concurrency tests, without rate
    limits (the volume is the point there); reset it before use."""
    with emulator_process(
        "--rate-limit", "1000000000", "--heavy-rate-limit", "1000000000"
    ) as handle:
        yield handle
