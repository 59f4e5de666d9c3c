"""`X-Podio-Dry-Run`: validated and answered as usual, but nothing is stored."""

from __future__ import annotations

from typing import Any

import httpx

from podio_emulator import EmulatorHandle

DRY = {"X-Podio-Dry-Run": "true"}


def test_dry_run_create_answers_but_stores_nothing(
    podio_emulator: EmulatorHandle, api: httpx.Client, world: dict[str, Any]
) -> None:
    before = podio_emulator.state()["objects"]
    r = api.post("/space/", headers=DRY, json={"org_id": world["org_id"], "name": "Ghost"})
    assert r.status_code == 200
    ghost = r.json()["space_id"]
    assert api.get(f"/space/{ghost}").status_code == 404
    assert podio_emulator.state()["objects"] == before
    real = api.post("/space/", json={"org_id": world["org_id"], "name": "Real"})
    assert api.get(f"/space/{real.json()['space_id']}").status_code == 200


def test_dry_run_still_validates(api: httpx.Client, world: dict[str, Any]) -> None:
    r = api.post("/space/", headers=DRY, json={"org_id": world["org_id"], "name": ""})
    assert (r.status_code, r.json()["error"]) == (400, "invalid_value")


def test_dry_run_update_and_delete_change_nothing(api: httpx.Client, world: dict[str, Any]) -> None:
    space_id = world["space_ids"]["sales"]
    assert api.put(f"/space/{space_id}", headers=DRY, json={"name": "Renamed"}).status_code == 204
    assert api.delete(f"/space/{space_id}", headers=DRY).status_code == 204
    space = api.get(f"/space/{space_id}")
    assert space.status_code == 200
    assert space.json()["name"] == "Sales"


def test_token_requests_ignore_dry_run(podio_emulator: EmulatorHandle) -> None:
    mail, password = podio_emulator.users[0]
    r = httpx.post(
        podio_emulator.url("/oauth/token"),
        headers=DRY,
        data={
            "grant_type": "password",
            "client_id": podio_emulator.client_id,
            "client_secret": podio_emulator.client_secret,
            "username": mail,
            "password": password,
        },
    )
    token = r.json()["access_token"]
    status = httpx.get(
        podio_emulator.url("/user/status"), headers={"Authorization": f"OAuth2 {token}"}
    )
    assert status.status_code == 200
