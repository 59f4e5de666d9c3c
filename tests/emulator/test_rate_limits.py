"""Hourly budgets (limits.md): headers on every answer, 420 when spent, windows roll."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from podio_emulator import EmulatorHandle, running


@pytest.fixture(scope="module")
def small_budget_server() -> Iterator[EmulatorHandle]:
    with running(rate_limit=5, heavy_rate_limit=2, heavy_routes={"GET /user/profile/"}) as emu:
        yield emu


@pytest.fixture
def emu(small_budget_server: EmulatorHandle) -> EmulatorHandle:
    small_budget_server.reset()
    return small_budget_server


def test_budget_counts_down_then_420_until_the_window_rolls(emu: EmulatorHandle) -> None:
    headers = emu.auth_headers()
    remaining = []
    for _ in range(5):
        r = httpx.get(emu.url("/user/status"), headers=headers)
        assert r.status_code == 200
        assert r.headers["X-Rate-Limit-Limit"] == "5"
        remaining.append(int(r.headers["X-Rate-Limit-Remaining"]))
    assert remaining == [4, 3, 2, 1, 0]

    emu.advance_clock(600)
    refused = httpx.get(emu.url("/user/status"), headers=headers)
    assert refused.status_code == 420
    body = refused.json()
    assert body["error"] == "rate_limit"
    wait = re.search(r"Please wait (\d+) seconds", body["error_description"])
    assert wait is not None
    assert 2990 <= int(wait.group(1)) <= 3000
    assert refused.headers["X-Rate-Limit-Remaining"] == "0"
    assert set(body) == {
        "error",
        "error_description",
        "error_detail",
        "error_parameters",
        "error_propagate",
        "request",
    }

    emu.advance_clock(3000)
    again = httpx.get(emu.url("/user/status"), headers=headers)
    assert again.status_code == 200
    assert again.headers["X-Rate-Limit-Remaining"] == "4"


def test_refused_calls_do_not_spend_and_writes_are_not_made(emu: EmulatorHandle) -> None:
    world = emu.seed()
    headers = emu.auth_headers()
    for _ in range(5):
        httpx.get(emu.url("/user/status"), headers=headers)
    r = httpx.post(
        emu.url("/space/"), headers=headers, json={"org_id": world["org_id"], "name": "Late"}
    )
    assert r.status_code == 420
    assert emu.state()["objects"]["space"] == 4
    assert emu.state()["rate_limits"]["refused"] == 1


def test_each_user_has_its_own_budget(emu: EmulatorHandle) -> None:
    emu.seed()
    mine = emu.auth_headers()
    for _ in range(5):
        httpx.get(emu.url("/user/status"), headers=mine)
    assert httpx.get(emu.url("/user/status"), headers=mine).status_code == 420
    theirs = emu.auth_headers("alice@example.com", "password")
    r = httpx.get(emu.url("/user/status"), headers=theirs)
    assert r.status_code == 200
    assert r.headers["X-Rate-Limit-Remaining"] == "4"


def test_heavy_operations_have_the_smaller_budget(emu: EmulatorHandle) -> None:
    headers = emu.auth_headers()
    for expected in ("1", "0"):
        r = httpx.get(emu.url("/user/profile/"), headers=headers)
        assert r.status_code == 200
        assert r.headers["X-Rate-Limit-Limit"] == "2"
        assert r.headers["X-Rate-Limit-Remaining"] == expected
    assert httpx.get(emu.url("/user/profile/"), headers=headers).status_code == 420
    light = httpx.get(emu.url("/user/status"), headers=headers)
    assert light.status_code == 200
    assert light.headers["X-Rate-Limit-Limit"] == "5"
    assert light.headers["X-Rate-Limit-Remaining"] == "2"


def test_every_api_answer_carries_the_headers_even_errors(emu: EmulatorHandle) -> None:
    for r in (
        httpx.get(emu.url("/user/status")),
        httpx.get(emu.url("/no/such/operation"), headers=emu.auth_headers()),
        httpx.get(emu.url("/space/1"), headers=emu.auth_headers()),
    ):
        assert r.status_code in {401, 404}
        assert "X-Rate-Limit-Limit" in r.headers
        assert "X-Rate-Limit-Remaining" in r.headers
