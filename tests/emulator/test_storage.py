"""Storage: concurrent writers lose nothing; a file database survives a restart."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from podio_emulator import EmulatorHandle, running


def write_concurrently(emu: EmulatorHandle, world: dict[str, Any]) -> None:
    """12 threads create 10 spaces each; all 120 must exist afterwards, each distinct."""
    headers = emu.auth_headers()

    def create(i: int) -> list[int]:
        with httpx.Client(base_url=emu.base_url, headers=headers) as client:
            ids = []
            for j in range(10):
                r = client.post("/space/", json={"org_id": world["org_id"], "name": f"T{i}-{j}"})
                assert r.status_code == 200, r.text
                ids.append(int(r.json()["space_id"]))
            return ids

    with ThreadPoolExecutor(max_workers=12) as pool:
        batches = list(pool.map(create, range(12)))
    ids = [i for batch in batches for i in batch]
    assert len(set(ids)) == 120
    assert emu.state()["objects"]["space"] == 4 + 120
    with httpx.Client(base_url=emu.base_url, headers=headers) as client:
        labels = {client.get(f"/space/{i}").json()["url_label"] for i in ids}
    assert len(labels) == 120  # every space got its own url label, none was overwritten


def test_many_threads_writing_at_once_lose_nothing(
    podio_emulator: EmulatorHandle, world: dict[str, Any]
) -> None:
    write_concurrently(podio_emulator, world)


def test_many_threads_writing_to_a_file_database_lose_nothing(tmp_path: Path) -> None:
    with running(db_path=str(tmp_path / "busy.sqlite3")) as emu:
        write_concurrently(emu, emu.seed())
        check = emu.emulator
        assert check is not None
        with check.transaction() as tx:
            assert tx.scalar("PRAGMA integrity_check") == "ok"
            assert tx.scalar("PRAGMA journal_mode") == "wal"


def test_file_database_survives_a_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "podio.sqlite3")
    with running(db_path=db) as emu:
        world = emu.seed()
        token = emu.token()
        headers = {"Authorization": f"OAuth2 {token['access_token']}"}
        made = httpx.post(
            emu.url("/space/"), headers=headers, json={"org_id": world["org_id"], "name": "Kept"}
        ).json()
        emu.advance_clock(3600)
    with running(db_path=db) as emu:
        space = httpx.get(emu.url(f"/space/{made['space_id']}"), headers=headers)
        assert space.status_code == 200  # the old token still works: tokens are stored too
        assert space.json()["name"] == "Kept"
        assert emu.seed() == world  # the demo world is not made twice
        assert emu.state()["clock"]["offset"] == 3600.0
        emu.advance_clock(7 * 3600 + 1)  # 8 h after the token was issued
        expired = httpx.get(emu.url("/user/status"), headers=headers)
        assert expired.json()["error_description"] == "expired_token"


def test_reset_empties_the_world_but_keeps_configured_logins(
    podio_emulator: EmulatorHandle, world: dict[str, Any]
) -> None:
    assert podio_emulator.state()["objects"]["space"] == 4
    podio_emulator.advance_clock(100)
    podio_emulator.reset()
    state = podio_emulator.state()
    assert state["objects"]["space"] == 0
    assert state["objects"]["user"] == len(podio_emulator.users)
    assert state["clock"]["offset"] == 0.0
    assert state["requests"] == 0
    assert podio_emulator.token()["token_type"] == "bearer"
    # Sequences restart too, so the same seed gives the same ids again.
    assert podio_emulator.seed() == world
