"""What an instance sends: some of the attributes it holds, as API-ready JSON."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ._base import Model

__all__ = ["picked", "without"]


def picked(model: Model, keys: Collection[str]) -> dict[str, Any]:
    """The attributes named in `keys` that the instance holds (given or received)."""
    data = model.as_json()
    return {key: value for key, value in data.items() if key in keys}


def without(model: Model, keys: Collection[str]) -> dict[str, Any]:
    """Every attribute the instance holds except those named in `keys`."""
    data = model.as_json()
    return {key: value for key, value in data.items() if key not in keys}
