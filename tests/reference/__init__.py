"""Podio reference data the tests check against, kept with the tests.

`samples/` holds real response bodies captured from Podio (their provenance is listed in
README.md) and `endpoints.tsv` the catalogue of Podio's operations. They are copies, so the
suite runs from any checkout; `tests/unit/test_reference_copies.py` compares them with the
shared originals when those are present.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SAMPLES_DIR = HERE / "samples"
CATALOG = HERE / "endpoints.tsv"


def sample(name: str) -> Any:
    """The parsed JSON of one sample, e.g. ``sample("org-list.json")``."""
    return json.loads((SAMPLES_DIR / name).read_text(encoding="utf-8"))


def sample_names() -> list[str]:
    return sorted(path.name for path in SAMPLES_DIR.glob("*.json"))
