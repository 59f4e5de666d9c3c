"""Embeds: links resolved by Podio, to attach to comments and statuses."""

from __future__ import annotations

import pytest

import podio

from ...mock_api import MockPodio
from ._wire import Op, arun, model, run

EMBED = {
    "embed_id": 12,
    "original_url": "https://example.com",
    "type": "link",
    "files": [{"file_id": 3, "link": "https://files.podio.com/3"}],
}

CASES = [
    Op(
        podio.Embed,
        "create",
        ("https://example.com",),
        method="POST",
        path="/embed/",
        body={"url": "https://example.com", "mode": "immediate"},
        answer=EMBED,
        expect=model(podio.Embed, EMBED),
    ),
    Op(
        podio.Embed, "find", (12,), path="/embed/12", answer=EMBED, expect=model(podio.Embed, EMBED)
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_delayed_mode_is_passed_on_and_unknown_modes_refused(api: MockPodio) -> None:
    api.on("POST", "/embed/", {"embed_id": 1, "type": "unresolved"})
    embed = podio.Embed.create("https://example.com/slow", "delayed")
    assert api.last.json == {"url": "https://example.com/slow", "mode": "delayed"}
    assert embed.type == "unresolved"
    with pytest.raises(ValueError, match="mode"):
        podio.Embed.create("https://example.com", "later")  # type: ignore[arg-type]
    assert len(api.calls) == 1


def test_embed_thumbnails_are_files(api: MockPodio) -> None:
    api.on("GET", "/embed/12", EMBED)
    embed = podio.Embed.find(12)
    assert [type(f) for f in embed.files or []] == [podio.FileAttachment]
