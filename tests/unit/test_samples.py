"""The sample answers the tests use are verbatim copies of the API reference's samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_models_basics import SAMPLES

REFERENCE = next(
    (
        folder / "shared" / "podio-api" / "samples"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "podio-api" / "samples").is_dir()
    ),
    None,
)


@pytest.mark.skipif(REFERENCE is None, reason="the API reference is not next to this checkout")
@pytest.mark.parametrize("copy", sorted(SAMPLES.glob("*.json")), ids=lambda path: path.name)
def test_each_copy_is_identical_to_the_reference(copy: Path) -> None:
    assert REFERENCE is not None
    assert copy.read_bytes() == (REFERENCE / copy.name).read_bytes()
