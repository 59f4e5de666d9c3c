"""The reference copies kept with the tests match the shared originals, when those are here."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..reference import CATALOG, SAMPLES_DIR

ORIGINAL = next(
    (
        parent / "shared" / "podio-api"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "podio-api").is_dir()
    ),
    None,
)


@pytest.mark.skipif(ORIGINAL is None, reason="the shared reference is not beside this checkout")
def test_copies_are_identical_to_the_shared_reference() -> None:
    assert ORIGINAL is not None
    assert CATALOG.read_bytes() == (ORIGINAL / "endpoints.tsv").read_bytes()
    originals = sorted(path.name for path in (ORIGINAL / "samples").glob("*.json"))
    assert sorted(path.name for path in SAMPLES_DIR.glob("*.json")) == originals
    for name in originals:
        assert (SAMPLES_DIR / name).read_bytes() == (ORIGINAL / "samples" / name).read_bytes()
