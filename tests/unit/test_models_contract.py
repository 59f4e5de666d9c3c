"""Contracts every model keeps: registered, and every operation paired with its async twin."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import podio
from podio.models import load_all
from podio.models._base import Model
from podio.models._index import MODELS
from podio.models._operation import PagedOp, _Operation

MODELS_BY_NAME = load_all()
INIT = Path(podio.__file__)


def _type_checking_imports() -> set[str]:
    tree = ast.parse(INIT.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom):
                    names.update(alias.name for alias in stmt.names)
    return names


def test_every_model_module_is_indexed_and_exported() -> None:
    """The index, the type-checking imports and __all__ name the same models."""
    module_dir = Path(podio.models.__file__).parent
    declared: set[str] = set()
    for path in module_dir.glob("*.py"):
        if path.name.startswith("_"):
            continue
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                declared.add(node.name)
    assert declared == set(MODELS)
    assert set(MODELS) <= _type_checking_imports()
    assert set(MODELS) <= set(podio.__all__)
    for name in MODELS:
        assert getattr(podio, name) is MODELS_BY_NAME[name]
        assert issubclass(MODELS_BY_NAME[name], Model)


def _operations(cls: type) -> dict[str, _Operation]:
    found: dict[str, _Operation] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, _Operation):
                found[name] = value
    return found


@pytest.mark.parametrize("name", sorted(MODELS_BY_NAME))
def test_every_operation_has_an_async_twin_with_the_same_parameters(name: str) -> None:
    cls = MODELS_BY_NAME[name]
    ops = _operations(cls)
    for attr, op in ops.items():
        if isinstance(op, PagedOp):
            continue  # a Pager serves `for` and `async for` alike
        if op.is_async:
            assert attr.startswith("a"), f"{name}.{attr} is async but not a-prefixed"
            assert op.origin is not None, f"{name}.{attr} is not the twin of a sync operation"
            assert ops.get(attr[1:]) is op.origin, f"{name}.{attr} does not sit under its sync op"
            continue
        twin = ops.get("a" + attr)
        assert twin is not None, f"{name}.{attr} has no async twin a{attr}"
        assert twin.origin is op, f"{name}.a{attr} is not the twin of {name}.{attr}"
        assert inspect.signature(twin.build) == inspect.signature(op.build)
