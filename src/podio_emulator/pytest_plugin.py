"""pytest fixtures for testing against the emulator (registered through the `pytest11` entry
point, so installing `podio[emulator]` is enough).

- `podio_emulator`: an `EmulatorHandle`, reset before the test (function scope).
- `podio_emulator_server`: the session's running emulator, without the reset.
- `podio_emulator_config`: session-scoped dict of `EmulatorConfig` settings; override it in a
  `conftest.py` to configure the session's emulator.

The emulator package is imported only when a fixture is used, so this plugin costs nothing to
projects that have the distribution without the `emulator` extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .server import EmulatorHandle


@pytest.fixture(scope="session")
def podio_emulator_config() -> dict[str, Any]:
    """Settings for the session's emulator (`EmulatorConfig` field names); empty by default."""
    return {}


@pytest.fixture(scope="session")
def podio_emulator_server(podio_emulator_config: dict[str, Any]) -> Iterator[EmulatorHandle]:
    """One emulator under uvicorn for the whole session."""
    from .server import running

    with running(**podio_emulator_config) as handle:
        yield handle


@pytest.fixture
def podio_emulator(podio_emulator_server: EmulatorHandle) -> EmulatorHandle:
    """The session's emulator, reset to a fresh start for this test."""
    podio_emulator_server.reset()
    return podio_emulator_server
