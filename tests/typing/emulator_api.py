"""Type-checked (not run): the emulator's public API as a caller sees it."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from podio_emulator import (
    ControlError,
    Credentials,
    Emulator,
    EmulatorConfig,
    EmulatorHandle,
    UserSpec,
    create_app,
    running,
)


def use_running() -> None:
    with running(seed=True, rate_limit=50) as emu:
        handle: EmulatorHandle = emu
        base: str = handle.base_url
        client: tuple[str, str] = (handle.client_id, handle.client_secret)
        mail, password = handle.users[0]
        creds: Credentials = handle.users[0]
        handle.reset()
        moved: dict[str, Any] = handle.advance_clock(3600)
        faults: dict[str, Any] = handle.set_faults(rate=0.5, statuses=[502], seed=7)
        handle.clear_faults()
        state: dict[str, Any] = handle.state()
        world: dict[str, Any] = handle.seed()
        token: dict[str, Any] = handle.token()
        headers: dict[str, str] = handle.auth_headers(mail, password)
        inner: Emulator | None = handle.emulator
        del base, client, creds, moved, faults, state, world, token, headers, inner


def use_app() -> Starlette:
    config = EmulatorConfig(db_path=":memory:", users=(UserSpec("a@example.com", "secret"),))
    return create_app(config)


def control_errors(handle: EmulatorHandle) -> int:
    try:
        handle.control("POST", "clock", {"advance": "soon"})
    except ControlError as exc:
        return exc.status
    return 0
