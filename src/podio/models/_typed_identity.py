"""Identity by object type and id, for results that mix kinds of objects."""

from __future__ import annotations

from typing import Any

from ._base import identity_hash


class TypedIdentity:
    """Equal when `type` and `id` both match: item 42 and task 42 are different hits.

    Mixed into result models whose `id` is the id of an object of some `type` (search hits,
    tagged objects); the base `Model` compares by id alone.
    """

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        mine: Any = getattr(self, "id", None)
        if isinstance(other, TypedIdentity) and mine is not None:
            theirs: Any = getattr(other, "id", None)
            if theirs is not None:
                return bool(
                    type(self) is type(other)
                    and (getattr(self, "type", None), mine)
                    == (getattr(other, "type", None), theirs)
                )
        return bool(super().__eq__(other))

    def __hash__(self) -> int:
        mine: Any = getattr(self, "id", None)
        if mine is not None:
            return identity_hash(type(self).__name__, getattr(self, "type", None), mine)
        return super().__hash__()
