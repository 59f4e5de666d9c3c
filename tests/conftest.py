from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings

import podio
from podio._context import _current

from .mock_api import MockPodio

# Property tests in CI: the same examples on every run (derandomized, nothing stored between
# runs), a hundred per test, and a deadline per example so a slow path shows up as a failure.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=100,
    deadline=timedelta(seconds=1),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Hunting locally: HYPOTHESIS_PROFILE=long pytest tests/fuzz (random, remembered failures).
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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
