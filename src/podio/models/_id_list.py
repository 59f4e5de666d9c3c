"""Paths that take one id or a comma-separated list of ids (``/contact/1,2,3/v2``)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["IdOrIds", "id_list"]

#: One id, or several ids for the operations that accept a comma-separated list.
IdOrIds = int | Iterable[int]


def id_list(value: IdOrIds, name: str) -> int | str:
    """One id as is, several as ``"1,2,3"``; rejects an empty list and anything but ints.

    Text is refused too, although it iterates: ``"12"`` would otherwise become ids 1 and 2.
    The path helper percent-encodes the commas (``%2C``), which a server decodes before routing.
    """
    if isinstance(value, str) or not isinstance(value, (int, Iterable)):
        raise TypeError(f"{name} must be an int or a list of ints, not {type(value).__name__}")
    if isinstance(value, int):
        return value  # the path helper checks single values
    ids = list(value)
    if not ids:
        raise ValueError(f"{name} must name at least one id")
    for one in ids:
        if isinstance(one, bool) or not isinstance(one, int):
            raise TypeError(f"{name} must be ints, not {type(one).__name__}")
    return ids[0] if len(ids) == 1 else ",".join(str(one) for one in ids)
