"""The README's quick start runs as written against the emulator (only its URL differs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import podio
from podio_emulator import EmulatorHandle

README = Path(__file__).resolve().parents[2] / "README.md"


def quick_start() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the quick start has one Python block"
    return blocks[0]


def test_the_quick_start_runs_as_written(
    emulator: EmulatorHandle, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator.seed()  # what `podio-emulator serve --seed` starts with
    code = quick_start().replace("http://127.0.0.1:8080", emulator.base_url)
    namespace: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 (our own README)
    podio.client.close()
    printed = capsys.readouterr().out.splitlines()
    assert "Emulator Demo https://podio.com/emulatordemo" in printed
    assert "Emulator Labs https://podio.com/emulatorlabs" in printed
    assert "300 20 300" in printed  # count (matching), a page of 20, total_count
    assert any(line.startswith("user@example.com ") for line in printed)
    assert printed[-1].startswith("400 invalid_value")
    item = namespace["item"]
    assert isinstance(item, podio.Item)
    assert item.item_id is not None
    assert podio.Item.find(item.item_id)["budget"].value == podio.Money("1200.50", "EUR")
