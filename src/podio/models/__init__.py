"""Podio's objects as models, one module per model, with their operations.

``import podio`` loads a model only when it is first used; `load_all` imports them all (what
`podio.operations()` does).
"""

from __future__ import annotations

import importlib
from typing import Any

from ._base import Date, DateTime, Model, Time
from ._index import MODELS
from ._operation import Call, ClientArg, OperationInfo, Paging, operations

__all__ = [
    "Call",
    "ClientArg",
    "Date",
    "DateTime",
    "Model",
    "OperationInfo",
    "Paging",
    "Time",
    "load_all",
    "operations",
]


def load_all() -> dict[str, type[Model]]:
    """Import every model module; returns the public models by name."""
    found: dict[str, type[Model]] = {}
    for name, module in MODELS.items():
        found[name] = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return found


def __getattr__(name: str) -> Any:
    module = MODELS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
