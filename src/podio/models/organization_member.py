"""Organization members: a user's membership of an organization, and the member lists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import Model
from ._operation import (
    Call,
    ClientArg,
    Paging,
    _shape_error,
    as_raw,
    as_status,
    member,
    members,
    paged,
    returns,
)
from .contact import Contact
from .space_member import SpaceMember
from .user import User

__all__ = ["OrganizationMember"]

_DOC = "https://developers.podio.com/doc/organizations"

#: Page size of `iter_all_for_org`. Podio documents no maximum for this list; 100 is what it
#: accepts for its other member lists (limits.md §2).
MEMBER_PAGE_SIZE = 100

_USER_TYPES = ("employee", "external")


def _end_member_info(response: Response) -> dict[str, Any]:
    """What ending a membership would do: the ``to_promote``, ``to_remove`` and ``to_delete``
    lists as `SpaceMember` instances, the rest as Podio sent it."""
    body = response.body
    if not isinstance(body, Mapping):
        raise _shape_error(response, "expected a JSON object")
    result = dict(body)
    for key in ("to_promote", "to_remove", "to_delete"):
        if isinstance(result.get(key), list):
            result[key] = [SpaceMember.from_api(entry) for entry in result[key]]
    return result


class OrganizationMember(Model):
    """A user's membership of an organization (objects.md, "Org member").

    `user` is the account (``user_id``, ``mail``), `profile` the member's contact details (the
    Ruby gem's `contact`); `spaces` counts the spaces the member is invited to and active in.
    """

    user: User | None = None
    profile: Contact | None = None
    role: str | None = None
    admin: bool | None = None
    employee: bool | None = None
    tier: str | None = None
    space_memberships: int | None = None
    spaces: dict[str, Any] | None = None

    @property
    def contact(self) -> Contact | None:
        """The member's profile (the Ruby gem's name for `profile`)."""
        return self.profile

    @property
    def user_id(self) -> int | None:
        """The member's user id, from the account, the profile or the membership itself."""
        for part in (self.user, self.profile):
            if part is not None and part.user_id is not None:
                return part.user_id
        # Some answers put the id on the membership itself; it is kept as an extra key.
        found = (self.model_extra or {}).get("user_id")
        return found if isinstance(found, int) and not isinstance(found, bool) else None

    # -- finding ---------------------------------------------------------------------------------

    @member("GET", "/org/{org_id}/member/{user_id}", doc=f"{_DOC}/get-organization-member-50908")
    def find(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """A user's membership of an organization."""
        return Call(path={"org_id": org_id, "user_id": user_id})

    afind = find.twin()

    @members("GET", "/org/{org_id}/member/", doc=f"{_DOC}/get-organization-members-50661")
    def find_all_for_org(
        cls,
        org_id: int,
        *,
        member_type: str | None = None,
        query: str | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One page of an organization's members, invited and active (for its admins).

        `member_type` is ``"employee"``, ``"external"``, ``"admin"``, ``"regular"``, ``"guest"``
        or ``"premium"``; `query` matches names; `sort_by` is ``"name"`` (Podio's default) or
        ``"last_seen_on"``.
        """
        return Call(
            path={"org_id": org_id},
            params={
                "member_type": member_type,
                "query": query,
                "sort_by": sort_by,
                "sort_desc": sort_desc,
                "limit": limit,
                "offset": offset,
            },
        )

    afind_all_for_org = find_all_for_org.twin()

    @paged("GET", "/org/{org_id}/member/", doc=f"{_DOC}/get-organization-members-50661")
    def iter_all_for_org(
        cls,
        org_id: int,
        *,
        member_type: str | None = None,
        query: str | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every member of an organization, fetched a page at a time; `limit` caps the total."""

        def page(page_offset: int, page_limit: int) -> Call:
            return Call(
                path={"org_id": org_id},
                params={
                    "member_type": member_type,
                    "query": query,
                    "sort_by": sort_by,
                    "sort_desc": sort_desc,
                    "limit": page_limit,
                    "offset": page_offset,
                },
            )

        return Paging(call=page, page_size=MEMBER_PAGE_SIZE, offset=offset, limit=limit)

    @members("GET", "/org/{org_id}/member/search/")
    def search(
        cls,
        org_id: int,
        query: str,
        *,
        params: Mapping[str, Any] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The members of an organization matching `query`; `params` go in the query too."""
        return Call(path={"org_id": org_id}, params={**(params or {}), "query": query})

    asearch = search.twin()

    @returns(as_raw, "GET", "/org/{org_id}/member/export")
    def export(
        cls, org_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """The member list of an organization as an export (Podio's answer as is)."""
        return Call(path={"org_id": org_id}, params=params)

    aexport = export.twin()

    @returns(_end_member_info, "GET", "/org/{org_id}/member/{user_id}/end_member_info")
    def delete_info(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """What ending a user's membership would do to the spaces the user is in."""
        return Call(path={"org_id": org_id, "user_id": user_id})

    adelete_info = delete_info.twin()

    # -- changing ----------------------------------------------------------------------------------

    @returns(
        as_status,
        "DELETE",
        "/org/{org_id}/member/{user_id}",
        doc=f"{_DOC}/end-organization-membership-50689",
    )
    def delete(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """End a user's membership of an organization and all its spaces; returns the status."""
        return Call(path={"org_id": org_id, "user_id": user_id})

    adelete = delete.twin()

    @returns(
        as_status,
        "DELETE",
        "/org/{org_id}/member/{user_id}/role",
        doc=f"{_DOC}/delete-organization-member-role-935217",
    )
    def delete_role(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """Take away a member's organization role; returns the HTTP status."""
        return Call(path={"org_id": org_id, "user_id": user_id})

    adelete_role = delete_role.twin()

    @returns(
        as_status, "POST", "/org/{org_id}/leave", doc=f"{_DOC}/end-organization-membership-19410652"
    )
    def leave(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Leave an organization and all its spaces; returns the HTTP status."""
        return Call(path={"org_id": org_id})

    aleave = leave.twin()

    @returns(as_status, "POST", "/org/{org_id}/admin/", doc=f"{_DOC}/add-organization-admin-50854")
    def make_admin(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """Make a member an administrator of the organization; returns the HTTP status."""
        return Call(path={"org_id": org_id}, json={"user_id": user_id})

    amake_admin = make_admin.twin()

    @returns(
        as_status,
        "DELETE",
        "/org/{org_id}/admin/{user_id}",
        doc=f"{_DOC}/remove-organization-admin-50855",
    )
    def remove_admin(cls, org_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """Take administrator rights on the organization away from a user; returns the status."""
        return Call(path={"org_id": org_id, "user_id": user_id})

    aremove_admin = remove_admin.twin()

    @returns(as_status, "PUT", "/org/{org_id}/membership-type")
    def change_membership(
        cls, org_id: int, user_id: int, user_type: str, *, client: ClientArg = None
    ) -> Call:
        """Make a member an ``"employee"`` or an ``"external"`` user; returns the HTTP status.

        The Ruby gem takes the member's current kind and sends the other one; naming the kind
        wanted cannot be read the wrong way round.
        """
        if user_type not in _USER_TYPES:
            raise ValueError(f"user_type must be one of {_USER_TYPES}, not {user_type!r}")
        return Call(path={"org_id": org_id}, json={"user_id": user_id, "user_type": user_type})

    achange_membership = change_membership.twin()
