"""A user's memberships of organizations, as seen from the user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, members
from .organization import Organization

__all__ = ["OrganizationMembership"]


class OrganizationMembership(Model):
    """One organization a user belongs to, with the user's standing in it."""

    org: Organization | None = None
    role: str | None = None
    employee: bool | None = None
    tier: str | None = None
    space_memberships: int | None = None

    @members("GET", "/org/user/{user_id}/membership/")
    def find_all_for_user(
        cls, user_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """Every organization membership of a user; `params` go in the query as given."""
        return Call(path={"user_id": user_id}, params=params)

    afind_all_for_user = find_all_for_user.twin()
