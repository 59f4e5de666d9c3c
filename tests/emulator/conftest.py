"""Shared fixtures for the emulator's tests (the `podio_emulator` fixture comes from the
package's pytest plugin)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.areas.users import DEMO_PASSWORD


@pytest.fixture
def world(podio_emulator: EmulatorHandle) -> dict[str, Any]:
    """The demo world (`POST /_emulator/seed`): users, org_id, space_ids."""
    return podio_emulator.seed()


@pytest.fixture
def login(podio_emulator: EmulatorHandle) -> Iterator[Callable[..., httpx.Client]]:
    """`login(mail=None, password=None)`: an httpx client with that user's OAuth2 token
    (the first configured user by default; demo users use the password "password")."""
    clients: list[httpx.Client] = []

    def make(mail: str | None = None, password: str | None = None) -> httpx.Client:
        if mail is not None and password is None and mail.endswith("@example.com"):
            known = {u.mail: u.password for u in podio_emulator.users}
            password = known.get(mail, DEMO_PASSWORD)
        client = httpx.Client(
            base_url=podio_emulator.base_url, headers=podio_emulator.auth_headers(mail, password)
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def api(login: Callable[..., httpx.Client]) -> httpx.Client:
    """An httpx client logged in as the first configured user."""
    return login()


@pytest.fixture
def anon(podio_emulator: EmulatorHandle) -> Iterator[httpx.Client]:
    """An httpx client without credentials."""
    with httpx.Client(base_url=podio_emulator.base_url) as client:
        yield client
