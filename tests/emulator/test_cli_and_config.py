"""The command line, the environment variables and `python -m podio_emulator`."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from podio_emulator.cli import build_parser, config_from_args
from podio_emulator.config import EmulatorConfig, UserSpec, parse_user_spec


def test_user_specs() -> None:
    assert parse_user_spec("a@b.c:pw") == UserSpec("a@b.c", "pw")
    spec = parse_user_spec("a@b.c:pw:Ann Smith:mfa")
    assert (spec.name, spec.mfa) == ("Ann Smith", True)
    with pytest.raises(ValueError, match="mail:password"):
        parse_user_spec("a@b.c")
    assert "pw" not in repr(spec)


def test_environment_overrides_defaults() -> None:
    config = EmulatorConfig.from_env(
        {
            "PODIO_EMULATOR_PORT": "9999",
            "PODIO_EMULATOR_CLIENT_ID": "cid",
            "PODIO_EMULATOR_USERS": "x@example.com:1,y@example.com:2:Y:mfa",
            "PODIO_EMULATOR_SEED": "1",
            "PODIO_EMULATOR_RATE_LIMIT": "10",
        }
    )
    assert (config.port, config.client_id, config.seed, config.rate_limit) == (
        9999,
        "cid",
        True,
        10,
    )
    assert [u.mail for u in config.users] == ["x@example.com", "y@example.com"]
    assert config.users[1].mfa
    assert "secret" not in repr(config)


def test_arguments_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODIO_EMULATOR_PORT", "9999")
    monkeypatch.setenv("PODIO_EMULATOR_DB_PATH", "/tmp/x.db")
    argv = ["serve", "--port", "1234", "--user", "a@b.c:pw", "d@e.f:pw", "--seed"]
    config = config_from_args(build_parser().parse_args(argv))
    assert (config.port, config.db_path, config.seed) == (1234, "/tmp/x.db", True)
    assert [u.mail for u in config.users] == ["a@b.c", "d@e.f"]
    again = config_from_args(build_parser().parse_args(["--user", "a@b.c:pw", "--user", "g@h.i:x"]))
    assert [u.mail for u in again.users] == ["a@b.c", "g@h.i"]


def test_config_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="rate_limit"):
        EmulatorConfig(rate_limit=0)
    with pytest.raises(TypeError, match="unknown emulator setting"):
        EmulatorConfig().with_overrides(colour="red")


def test_python_m_serves_and_prints_the_credentials() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "podio_emulator", "--port", "0", "--log-level", "warning"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(6)]
        text = "".join(lines)
        assert "client_id:     emulator" in text
        assert "user:          user@example.com / password" in text
        base_url = lines[0].rsplit(" ", 1)[-1].strip()
        r = httpx.get(base_url + "/user/status", timeout=10)
        assert r.status_code == 401
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
