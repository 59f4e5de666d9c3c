"""Injected faults: statuses at roughly the asked rate (reproducibly), dropped connections,
proxy pages, and the paths they never touch."""

from __future__ import annotations

import httpx
import pytest

from podio_emulator import EmulatorHandle


def statuses(emu: EmulatorHandle, headers: dict[str, str], n: int) -> list[int]:
    with httpx.Client(base_url=emu.base_url, headers=headers) as client:
        return [client.get("/user/status").status_code for _ in range(n)]


def test_status_injection_honours_the_rate_and_the_seed(podio_emulator: EmulatorHandle) -> None:
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(rate=0.3, statuses=[500, 503], seed=42)
    first = statuses(podio_emulator, headers, 300)
    injected = [s for s in first if s != 200]
    assert set(injected) <= {500, 503}
    assert 60 <= len(injected) <= 120  # 90 expected
    podio_emulator.set_faults(rate=0.3, statuses=[500, 503], seed=42)
    assert statuses(podio_emulator, headers, 300) == first
    podio_emulator.clear_faults()
    assert set(statuses(podio_emulator, headers, 20)) == {200}
    injected_counts = podio_emulator.state()["faults"]["injected"]
    assert injected_counts["500"] + injected_counts["503"] == 2 * len(injected)


def test_injected_bodies(podio_emulator: EmulatorHandle) -> None:
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(rate=1.0, statuses=[420])
    limited = httpx.get(podio_emulator.url("/user/status"), headers=headers)
    assert limited.status_code == 420
    assert limited.json()["error"] == "rate_limit"
    assert "Please wait 1 seconds" in limited.json()["error_description"]
    podio_emulator.set_faults(rate=1.0, statuses=[502])
    proxy = httpx.get(podio_emulator.url("/user/status"), headers=headers)
    assert proxy.status_code == 502
    assert proxy.headers["content-type"].startswith("text/html")
    assert "502 Bad Gateway" in proxy.text
    assert proxy.headers["X-Podio-Request-Id"]
    podio_emulator.set_faults(rate=1.0, statuses=[500])
    server = httpx.get(podio_emulator.url("/user/status"), headers=headers)
    assert server.json()["error"] == "server_error"


def test_dropped_connection_closes_the_socket_without_an_answer(
    podio_emulator: EmulatorHandle,
) -> None:
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(drop=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(podio_emulator.url("/user/status"), headers=headers)
    podio_emulator.clear_faults()
    assert httpx.get(podio_emulator.url("/user/status"), headers=headers).status_code == 200
    assert podio_emulator.state()["faults"]["injected"]["drop"] == 1


def test_faulted_writes_are_not_stored(podio_emulator: EmulatorHandle) -> None:
    world = podio_emulator.seed()
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(rate=1.0, statuses=[503], methods=["POST"])
    r = httpx.post(
        podio_emulator.url("/space/"),
        headers=headers,
        json={"org_id": world["org_id"], "name": "X"},
    )
    assert r.status_code == 503
    assert podio_emulator.state()["objects"]["space"] == 4
    # GET is not in `methods`, so it passes.
    assert httpx.get(podio_emulator.url("/user/status"), headers=headers).status_code == 200


def test_faults_spare_control_and_oauth_unless_asked(podio_emulator: EmulatorHandle) -> None:
    podio_emulator.set_faults(rate=1.0, statuses=[500], path="^/(oauth|user|_emulator)/")
    assert podio_emulator.token()["token_type"] == "bearer"  # /oauth/token still works
    assert podio_emulator.state()["faults"]["active"]["rate"] == 1.0  # so does the control API
    podio_emulator.set_faults(rate=1.0, statuses=[500], path="^/oauth/", include_oauth=True)
    mail, password = podio_emulator.users[0]
    with pytest.raises(Exception, match="500"):
        podio_emulator.token(mail, password)


def test_path_filter(podio_emulator: EmulatorHandle) -> None:
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(rate=1.0, statuses=[500], path=r"^/org/")
    assert httpx.get(podio_emulator.url("/org/"), headers=headers).status_code == 500
    assert httpx.get(podio_emulator.url("/user/status"), headers=headers).status_code == 200


def test_bad_fault_spec_is_rejected(podio_emulator: EmulatorHandle) -> None:
    for spec in ({"rate": 2}, {"statuses": [200]}, {"path": "("}, {"surprise": 1}):
        r = httpx.post(podio_emulator.url("/_emulator/faults"), json=spec)
        assert (r.status_code, r.json()["error"]) == (400, "invalid_value")
    assert podio_emulator.state()["faults"]["active"] is None


def test_latency_is_added(podio_emulator: EmulatorHandle) -> None:
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(latency_ms=150)
    r = httpx.get(podio_emulator.url("/user/status"), headers=headers)
    assert r.status_code == 200
    assert r.elapsed.total_seconds() >= 0.15


def test_dropped_connection_sends_not_a_single_byte(podio_emulator: EmulatorHandle) -> None:
    import socket
    from urllib.parse import urlsplit

    address = urlsplit(podio_emulator.base_url)
    podio_emulator.set_faults(drop=1.0, path="^/user/")
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall(b"GET /user/status HTTP/1.1\r\nHost: podio\r\n\r\n")
        assert sock.recv(1024) == b""  # end of stream, no status line


def test_a_lost_answer_stores_the_write_but_answers_nothing(
    podio_emulator: EmulatorHandle,
) -> None:
    world = podio_emulator.seed()
    headers = podio_emulator.auth_headers()
    podio_emulator.set_faults(lose=1.0, methods=["POST"], path="^/space/$")
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(
            podio_emulator.url("/space/"),
            headers=headers,
            json={"org_id": world["org_id"], "name": "Lost answer"},
        )
    podio_emulator.clear_faults()
    assert podio_emulator.state()["objects"]["space"] == 5  # the write went through
    assert podio_emulator.state()["faults"]["injected"]["lose"] == 1
    names = [
        space["name"]
        for space in httpx.get(
            podio_emulator.url(f"/space/org/{world['org_id']}/"), headers=headers
        ).json()
    ]
    assert "Lost answer" in names
