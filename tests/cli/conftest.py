"""Fixtures for the command line: `podio` run with click's CliRunner against an emulator.

The emulator here has its own client secret and password, unlike anything the commands
print, so that every test can check that no secret reaches any output: `cli` records each
run and, after the test, looks for the client secret, the password and the stored tokens in
everything that was printed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import podio
from podio.cli import cli as podio_cli
from podio_emulator import EmulatorHandle, running

CLIENT_ID = "cli-tests"
CLIENT_SECRET = "cli-Secret-5521"
MAIL = "user@example.com"
PASSWORD = "Cli-Pass-4417"


@pytest.fixture(scope="session")
def cli_emulator() -> Iterator[EmulatorHandle]:
    with running(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        users=(f"{MAIL}:{PASSWORD}:CLI User",),
    ) as handle:
        yield handle


@pytest.fixture
def emulator(cli_emulator: EmulatorHandle) -> EmulatorHandle:
    """The command line's emulator, reset for this test."""
    cli_emulator.reset()
    return cli_emulator


@dataclass
class Cli:
    """Runs ``podio ...`` and keeps every result for the secret check."""

    config_dir: Path
    results: list[Result] = field(default_factory=list)
    extra_secrets: list[str] = field(default_factory=list)

    def __call__(self, *args: Any, input: str | bytes | None = None) -> Result:
        runner = CliRunner()
        result = runner.invoke(
            podio_cli, [str(arg) for arg in args], input=input, catch_exceptions=True
        )
        self.results.append(result)
        return result

    def ok(self, *args: Any, input: str | bytes | None = None) -> Result:
        """Run and insist on success, showing what went wrong otherwise."""
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.output, result.exception)
        return result

    def fails(self, *args: Any, input: str | bytes | None = None) -> str:
        """Run, insist on exit status 1 with one clear line and no traceback; the line."""
        result = self(*args, input=input)
        assert result.exit_code == 1, (result.output, result.exception)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert len(lines) == 1, result.stderr
        return lines[0]

    def secrets(self) -> list[str]:
        found = [CLIENT_SECRET, PASSWORD, *self.extra_secrets]
        token = self.config_dir / "token.json"
        if token.exists():
            data = json.loads(token.read_text())
            found += [data.get("access_token") or "", data.get("refresh_token") or ""]
        return [secret for secret in found if secret]

    def printed(self) -> Sequence[str]:
        texts: list[str] = []
        for result in self.results:
            texts.append(result.output)
            texts.append(result.stderr)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                texts.append(repr(result.exception))
        return texts


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, emulator: EmulatorHandle) -> Iterator[Cli]:
    """``cli("orgs")`` runs ``podio orgs`` with its settings in a fresh folder."""
    config = tmp_path / "config"
    monkeypatch.setenv("PODIO_CONFIG_DIR", str(config))
    for name in ("PODIO_CLIENT_ID", "PODIO_CLIENT_SECRET", "PODIO_API_URL"):
        monkeypatch.delenv(name, raising=False)
    for name in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    runner = Cli(config)
    yield runner
    secrets = runner.secrets()
    for text in runner.printed():
        for secret in secrets:
            assert secret not in text, "a secret was printed"


@pytest.fixture
def configured(cli: Cli, emulator: EmulatorHandle) -> Cli:
    cli.ok(
        "configure",
        "--api-url",
        emulator.base_url,
        "--client-id",
        CLIENT_ID,
        input=f"{CLIENT_SECRET}\n",
    )
    return cli


@pytest.fixture
def signed_in(configured: Cli) -> Cli:
    configured.ok("login", "--username", MAIL, input=f"{PASSWORD}\n")
    return configured


@pytest.fixture
def world(emulator: EmulatorHandle) -> dict[str, Any]:
    """The emulator's demo world (Clients and Projects apps in the Intranet space)."""
    return emulator.seed()


@pytest.fixture
def client(emulator: EmulatorHandle) -> Iterator[podio.Client]:
    """A client of the test's own, to see what the emulator holds."""
    with podio.Client(CLIENT_ID, CLIENT_SECRET, api_url=emulator.base_url) as made:
        made.authenticate_with_credentials(MAIL, PASSWORD)
        yield made
