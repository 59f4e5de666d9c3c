"""Friends: the users a user is connected with."""

from __future__ import annotations

from ._base import Model
from ._id_list import IdOrIds, id_list
from ._operation import Call, ClientArg, as_status, returns

__all__ = ["Friend"]


class Friend(Model):
    """A connection between users (no attributes: the one operation is on the class)."""

    @returns(as_status, "DELETE", "/friend/{user_id}")
    def delete(cls, user_ids: IdOrIds, *, client: ClientArg = None) -> Call:
        """Remove one user, or several (a list of user ids), from the current user's
        connections; returns the HTTP status."""
        return Call(path={"user_id": id_list(user_ids, "user_ids")})

    adelete = delete.twin()
