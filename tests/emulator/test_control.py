"""The control API and the in-process app."""

from __future__ import annotations

import httpx
import pytest

from podio_emulator import ControlError, EmulatorConfig, EmulatorHandle, create_app
from podio_emulator.app import _is_loopback


def test_state_reports_counts_counters_and_clock(podio_emulator: EmulatorHandle) -> None:
    podio_emulator.seed()
    podio_emulator.token()
    state = podio_emulator.state()
    assert state["objects"]["user"] == 4
    assert state["objects"]["org"] == 2  # the demo organization and "Emulator Labs"
    assert state["objects"]["space"] == 4
    assert state["tokens_issued"] == 1
    assert state["hook_deliveries"] == 0
    assert state["requests"] == 1  # the token request; control calls are not counted
    assert state["rate_limits"]["general_limit"] == 1000
    assert state["faults"] == {"active": None, "injected": {}}


def test_seed_is_idempotent(podio_emulator: EmulatorHandle) -> None:
    first = podio_emulator.seed()
    assert podio_emulator.seed() == first
    assert set(first) >= {"users", "org_id", "space_ids"}
    assert podio_emulator.state()["objects"]["org"] == 2


def test_clock_moves_and_rejects_nonsense(podio_emulator: EmulatorHandle) -> None:
    moved = podio_emulator.advance_clock(86400)
    assert moved["offset"] == 86400.0
    with pytest.raises(ControlError) as caught:
        podio_emulator.control("POST", "clock", {"advance": "tomorrow"})
    assert caught.value.status == 400


def test_unknown_control_path_is_404(podio_emulator: EmulatorHandle) -> None:
    r = httpx.post(podio_emulator.url("/_emulator/nothing"))
    assert (r.status_code, r.json()["error"]) == (404, "not_found")


def test_control_answers_loopback_clients_only() -> None:
    assert _is_loopback("127.0.0.1")
    assert _is_loopback("::1")
    assert not _is_loopback("10.1.2.3")
    assert not _is_loopback("192.168.0.7")


async def test_in_process_app_refuses_control_from_other_hosts() -> None:
    app = create_app(EmulatorConfig())
    transport = httpx.ASGITransport(app=app, client=("10.0.0.9", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://podio.test") as client:
        r = await client.post("/_emulator/reset")
        assert (r.status_code, r.json()["error"]) == (403, "forbidden")
        ok = await client.get("/nothing")
        assert ok.status_code == 404
    app.state.emulator.close()


async def test_in_process_drop_raises_remote_protocol_error() -> None:
    app = create_app(EmulatorConfig())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://podio.test") as client:
        r = await client.post("/_emulator/faults", json={"drop": 1.0})
        assert r.status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/user/status")
    app.state.emulator.close()
