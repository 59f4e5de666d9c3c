"""Fixtures for the end-to-end suite: our client against the emulator over real sockets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

import podio
from podio.fields import schema_cache
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


@dataclass
class Workspace:
    """An organization and a closed space made through the models, owned by the signed-in
    user: the smallest world most tests need (the demo world takes longer to build)."""

    org_id: int
    space_id: int


@pytest.fixture
def workspace(client: podio.Client) -> Workspace:
    org_id = podio.Organization.create_org({"name": "Acme"})
    created = podio.Space.create({"org_id": org_id, "name": "Team", "privacy": "closed"})
    return Workspace(org_id=org_id, space_id=int(created["space_id"]))


#: Fields of the app most item tests use: text title, number, category, date, money.
PROJECT_FIELDS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title", "required": True}},
    {"type": "number", "config": {"label": "Hours", "settings": {"decimals": 1}}},
    {
        "type": "category",
        "config": {
            "label": "Status",
            "settings": {"options": [{"text": "Open"}, {"text": "Done"}], "multiple": False},
        },
    },
    {"type": "date", "config": {"label": "Due", "settings": {"time": "disabled"}}},
    {"type": "money", "config": {"label": "Budget", "settings": {"allowed_currencies": ["EUR"]}}},
]


def make_app(
    space_id: int,
    name: str = "Projects",
    fields: list[dict[str, Any]] | None = None,
    **config: Any,
) -> podio.Application:
    """Create an app through `podio.Application.create` and read it back in full."""
    created = podio.Application.create(
        {
            "space_id": space_id,
            "config": {"name": name, "item_name": name.rstrip("s") or name, **config},
            "fields": PROJECT_FIELDS if fields is None else fields,
        }
    )
    assert created.app_id is not None
    return podio.Application.find(created.app_id)


@pytest.fixture
def app(workspace: Workspace) -> podio.Application:
    """The "Projects" app (`PROJECT_FIELDS`) in the workspace's space."""
    schema_cache.invalidate()
    return make_app(workspace.space_id)


@pytest.fixture
def other_user(
    emulator: EmulatorHandle, make_client: Callable[..., podio.Client]
) -> Callable[[str], tuple[podio.Client, int]]:
    """`other_user(mail)`: a new user (`emulator.create_user`) and a client signed in as them
    (not the default client); returns the client and the user's id."""

    def make(mail: str) -> tuple[podio.Client, int]:
        created = emulator.create_user(mail, "other-password", name=mail.split("@")[0].title())
        signed_in = make_client()
        signed_in.authenticate_with_credentials(mail, "other-password")
        return signed_in, int(created["user_id"])

    return make
