"""A local emulator of the Podio API.

    from podio_emulator import running

    with running() as emu:          # uvicorn on a free port, in a background thread
        emu.base_url, emu.client_id, emu.client_secret, emu.users
        emu.reset(); emu.advance_clock(3600); emu.set_faults(rate=0.1, seed=1)

`running_process("--seed")` runs it in a process of its own; `create_app(config)` gives the
ASGI app for in-process use (e.g. `httpx.ASGITransport`);
`podio-emulator serve` runs it from the command line; the pytest fixture `podio_emulator`
comes with the package. See README.md next to this file.
"""

from __future__ import annotations

from .app import create_app
from .config import ClientSpec, EmulatorConfig, UserSpec
from .emulator import Emulator
from .errors import PodioError
from .server import ControlError, Credentials, EmulatorHandle, running, running_process

__all__ = [
    "ClientSpec",
    "ControlError",
    "Credentials",
    "Emulator",
    "EmulatorConfig",
    "EmulatorHandle",
    "PodioError",
    "UserSpec",
    "create_app",
    "running",
    "running_process",
]
