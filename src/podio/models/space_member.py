"""Space members: a user's membership of a space, and the member lists of a space."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import DateTime, Model
from ._id_list import IdOrIds, id_list
from ._operation import (
    Call,
    ClientArg,
    Paging,
    _shape_error,
    as_model_list,
    as_raw,
    as_status,
    member,
    members,
    paged,
    returns,
)
from .contact import Contact
from .space import Space
from .user import User

__all__ = ["SpaceMember"]

_DOC = "https://developers.podio.com/doc/space-members"

#: Page size of `iter_all_for_space`: Podio's default for the list (limits.md §2); it documents
#: no larger maximum.
MEMBER_PAGE_SIZE = 100


def _top_contacts(response: Response) -> dict[str, Any]:
    """``{"employee": {"profiles": [...], ...}, "external": {...}}`` with the profiles as
    `Contact` instances, the rest as Podio sent it."""
    body = response.body
    if not isinstance(body, Mapping):
        raise _shape_error(response, "expected a JSON object")
    result = dict(body)
    for section in ("employee", "external"):
        part = result.get(section)
        if isinstance(part, Mapping) and isinstance(part.get("profiles"), list):
            result[section] = {
                **part,
                "profiles": [Contact.from_api(profile) for profile in part["profiles"]],
            }
    return result


class SpaceMember(Model):
    """A user's membership of a space (objects.md, "Space member").

    `user` is the member's account (the v2 lists put the member's profile there), `profile`
    its contact details (the Ruby gem's `contact`), `space` the space where Podio includes it.
    """

    user: User | None = None
    profile: Contact | None = None
    space: Space | None = None
    role: str | None = None
    employee: bool | None = None
    is_partner: bool | None = None
    grants: int | None = None
    invited_on: DateTime | None = None
    started_on: DateTime | None = None
    ended_on: DateTime | None = None

    @property
    def contact(self) -> Contact | None:
        """The member's profile (the Ruby gem's name for `profile`)."""
        return self.profile

    @property
    def user_id(self) -> int | None:
        """The member's user id, from the profile, the account or the membership itself."""
        for part in (self.profile, self.user):
            if part is not None and part.user_id is not None:
                return part.user_id
        # Some answers put the id on the membership itself; it is kept as an extra key.
        found = (self.model_extra or {}).get("user_id")
        return found if isinstance(found, int) and not isinstance(found, bool) else None

    # -- one membership ------------------------------------------------------------------------

    @member("GET", "/space/{space_id}/member/{user_id}", doc=f"{_DOC}/get-space-membership-22397")
    def find(cls, space_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """A user's membership of a space: role, and when it was offered, started, ended."""
        return Call(path={"space_id": space_id, "user_id": user_id})

    afind = find.twin()

    @member("GET", "/space/{space_id}/member/{user_id}/v2", doc=f"{_DOC}/get-space-member-20735097")
    def find_membership(cls, space_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """A member of a space with the member's profile (second version of `find`)."""
        return Call(path={"space_id": space_id, "user_id": user_id})

    afind_membership = find_membership.twin()

    # -- lists -------------------------------------------------------------------------------------

    @members("GET", "/space/{space_id}/member/", doc=f"{_DOC}/get-active-members-of-space-22395")
    def find_all(
        cls, space_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """The active members of a space; `params` go in the query as given."""
        return Call(path={"space_id": space_id}, params=params)

    afind_all = find_all.twin()

    @members("GET", "/space/{space_id}/member/v2/", doc=f"{_DOC}/get-space-members-v2-19350328")
    def find_all_for_space(
        cls,
        space_id: int,
        *,
        member_type: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One page of a space's members (Podio's default `limit` is 100).

        `member_type` is ``"employee"``, ``"external"``, ``"admin"``, ``"regular"``,
        ``"light"`` or ``"guest"``; `query` matches names.
        """
        return Call(
            path={"space_id": space_id},
            params={"member_type": member_type, "query": query, "limit": limit, "offset": offset},
        )

    afind_all_for_space = find_all_for_space.twin()

    @paged("GET", "/space/{space_id}/member/v2/", doc=f"{_DOC}/get-space-members-v2-19350328")
    def iter_all_for_space(
        cls,
        space_id: int,
        *,
        member_type: str | None = None,
        query: str | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every member of a space, fetched a page at a time; `limit` caps the total."""

        def page(page_offset: int, page_limit: int) -> Call:
            return Call(
                path={"space_id": space_id},
                params={
                    "member_type": member_type,
                    "query": query,
                    "limit": page_limit,
                    "offset": page_offset,
                },
            )

        return Paging(call=page, page_size=MEMBER_PAGE_SIZE, offset=offset, limit=limit)

    @members("GET", "/space/{space_id}/member/ended/")
    def find_all_ended(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """The former members of a space."""
        return Call(path={"space_id": space_id})

    afind_all_ended = find_all_ended.twin()

    @members(
        "GET", "/space/{space_id}/member/{role}/", doc=f"{_DOC}/get-space-members-by-role-68043"
    )
    def find_all_for_role(cls, space_id: int, role: str, *, client: ClientArg = None) -> Call:
        """The members of a space with a role (``"light"``, ``"regular"`` or ``"admin"``)."""
        return Call(path={"space_id": space_id, "role": role})

    afind_all_for_role = find_all_for_role.twin()

    @members("GET", "/org/{org_id}/member/{user_id}/space_member/")
    def find_memberships_for_user_in_org(
        cls, org_id: int, user_id: int, *, client: ClientArg = None
    ) -> Call:
        """Every space membership a member of an organization has there (for its admins).

        Spaces the asking administrator is not in come without their name and URL.
        """
        return Call(path={"org_id": org_id, "user_id": user_id})

    afind_memberships_for_user_in_org = find_memberships_for_user_in_org.twin()

    @returns(
        _top_contacts,
        "GET",
        "/space/{space_id}/member/top/",
        doc=f"{_DOC}/get-top-users-on-space-22461",
    )
    def find_top_contacts(
        cls, space_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The most active members of a space, split into ``"employee"`` and ``"external"``.

        Each section's ``profiles`` are `Contact` instances; the rest is as Podio sent it.
        """
        return Call(path={"space_id": space_id}, params={"limit": limit})

    afind_top_contacts = find_top_contacts.twin()

    @returns(as_model_list(Contact), "GET", "/space/{space_id}/member/top_active/")
    def find_top_active(
        cls, space_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The most active members of a space, as contacts."""
        return Call(path={"space_id": space_id}, params={"limit": limit})

    afind_top_active = find_top_active.twin()

    @returns(as_raw, "GET", "/space/{space_id}/member/total")
    def get_members_count(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """How many members a space has (Podio's answer as is)."""
        return Call(path={"space_id": space_id})

    aget_members_count = get_members_count.twin()

    # -- changing ----------------------------------------------------------------------------------

    @returns(
        as_status,
        "PUT",
        "/space/{space_id}/member/{user_id}",
        doc=f"{_DOC}/update-space-memberships-22398",
    )
    def update_role(
        cls, space_id: int, user_ids: IdOrIds, role: str, *, client: ClientArg = None
    ) -> Call:
        """Give one member, or several (a list of user ids), another role; returns the status."""
        return Call(
            path={"space_id": space_id, "user_id": id_list(user_ids, "user_ids")},
            json={"role": role},
        )

    aupdate_role = update_role.twin()

    @returns(
        as_status,
        "DELETE",
        "/space/{space_id}/member/{user_id}",
        doc=f"{_DOC}/end-space-memberships-22399",
    )
    def end_membership(cls, space_id: int, user_ids: IdOrIds, *, client: ClientArg = None) -> Call:
        """End the membership of one user, or several (a list of user ids), invited ones too.

        Returns the HTTP status.
        """
        return Call(path={"space_id": space_id, "user_id": id_list(user_ids, "user_ids")})

    aend_membership = end_membership.twin()

    @returns(
        as_status,
        "POST",
        "/space/{space_id}/member_request/",
        doc=f"{_DOC}/request-space-membership-6146231",
    )
    def request_membership(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Ask the administrators of a space to let the user in; returns the HTTP status."""
        return Call(path={"space_id": space_id})

    arequest_membership = request_membership.twin()

    @returns(
        as_status,
        "POST",
        "/space/{space_id}/member_request/{space_member_request_id}/accept",
        doc=f"{_DOC}/accept-space-membership-request-6146271",
    )
    def accept_membership_request(
        cls, space_id: int, space_member_request_id: int, *, client: ClientArg = None
    ) -> Call:
        """Let in a user who asked to join a space; returns the HTTP status."""
        return Call(path={"space_id": space_id, "space_member_request_id": space_member_request_id})

    aaccept_membership_request = accept_membership_request.twin()
