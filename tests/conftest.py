from __future__ import annotations

from collections.abc import Iterator

import pytest

import podio
from podio._context import _current

from .mock_api import MockPodio


@pytest.fixture(autouse=True)
def _no_default_client() -> Iterator[None]:
    """Each test starts without a default client and leaves none behind."""
    token = _current.set(None)
    yield
    _current.reset(token)


@pytest.fixture(autouse=True)
def _no_backoff_sleeps() -> Iterator[None]:
    podio.set_testing(True)
    yield
    podio.set_testing(False)


@pytest.fixture
def mock_podio() -> MockPodio:
    """A scripted Podio; `mock_podio.client()` is a client wired to it."""
    return MockPodio()


@pytest.fixture
def api(mock_podio: MockPodio) -> Iterator[MockPodio]:
    """Like `mock_podio`, with its client set up as the default client."""
    podio.set_client(mock_podio.client())
    return mock_podio
