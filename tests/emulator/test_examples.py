"""The emulator example runs as documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "emulator_quickstart.py"


def test_quickstart_creates_and_reads_a_space() -> None:
    spec = importlib.util.spec_from_file_location("emulator_quickstart", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    space = module.main()
    assert space["name"] == "Quickstart"
    assert space["role"] == "admin"
