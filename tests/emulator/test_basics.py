"""The platform's first promises: Podio-shaped 404s, request ids, tokens that work."""

from __future__ import annotations

import httpx

from podio_emulator import EmulatorHandle


def test_unknown_path_gets_podios_not_found_body(podio_emulator: EmulatorHandle) -> None:
    r = httpx.get(podio_emulator.url("/no/such/thing/"))
    assert r.status_code == 404
    assert r.json() == {
        "error": "not_found",
        "error_description": "No matching operation could be found. No body was given.",
        "error_detail": None,
        "error_parameters": {},
        "error_propagate": False,
        "request": {
            "url": podio_emulator.url("/no/such/thing/"),
            "query_string": "",
            "method": "GET",
        },
    }
    assert len(r.headers["X-Podio-Request-Id"]) == 8


def test_password_token_opens_the_api(podio_emulator: EmulatorHandle) -> None:
    r = httpx.get(podio_emulator.url("/user/status"), headers=podio_emulator.auth_headers())
    assert r.status_code == 200
    assert r.json()["user"]["mail"] == podio_emulator.users[0].mail


def test_every_request_gets_its_own_request_id(podio_emulator: EmulatorHandle) -> None:
    ids = {
        httpx.get(podio_emulator.url("/user/status")).headers["X-Podio-Request-Id"]
        for _ in range(5)
    }
    assert len(ids) == 5
