"""Grants: access to a single item or app given to people outside its space."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_field, as_raw, instance, members, returns
from ._shapes import as_optional_model
from .by_line import ByLine
from .profile import Profile

__all__ = ["Grant"]

_DOC = "https://developers.podio.com/doc/grants"


class Grant(Model):
    """Access to one object (an item or an app: objects.md) for one person (`user`).

    `action` is what the person is asked to do (``view``, ``comment``, ``rate``) and
    `access_level` what they may do (``view``, ``edit``).
    """

    _id_field = "grant_id"

    grant_id: int | None = None
    ref_type: str | None = None
    ref_id: int | None = None
    ref: dict[str, Any] | None = None
    people: list[Any] | dict[str, Any] | None = None
    action: str | None = None
    access_level: str | None = None
    message: str | None = None
    rights: list[str] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    user: Profile | None = None
    app: dict[str, Any] | None = None
    space: dict[str, Any] | None = None

    @returns(as_raw, "POST", "/grant/{ref_type}/{ref_id}", doc=f"{_DOC}/create-grant-16168841")
    def create(
        cls, ref_type: str, ref_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Grant access to an object: ``{"people": [{"type": "user", "id": 1}, ...],
        "action": "view", "message": "..."}``; returns Podio's answer."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=dict(attributes))

    acreate = create.twin()

    @returns(
        as_optional_model(lambda: Grant),
        "GET",
        "/grant/{ref_type}/{ref_id}/own",
        doc=f"{_DOC}/get-own-grant-information-16490748",
    )
    def find_own(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The active user's grant on an object, or `None` when they hold none."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_own = find_own.twin()

    @members("GET", "/grant/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-grants-on-object-16491464")
    def find_all(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The grants on an object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all = find_all.twin()

    @returns(
        as_raw,
        "DELETE",
        "/grant/{ref_type}/{ref_id}/{user_id}",
        doc=f"{_DOC}/remove-grant-16496711",
    )
    def delete(cls, ref_type: str, ref_id: int, user_id: int, *, client: ClientArg = None) -> Call:
        """Take a user's grant on an object away; returns Podio's answer."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id, "user_id": user_id})

    adelete = delete.twin()

    @returns(
        as_field("count", int),
        "GET",
        "/grant/{ref_type}/{ref_id}/count",
        doc=f"{_DOC}/count-grants-on-object-19275931",
    )
    def count_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """How many grants an object has."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    acount_by_reference = count_by_reference.twin()

    @members(
        "GET",
        "/grant/space/{space_id}/user/{user_id}/",
        doc=f"{_DOC}/get-grants-to-user-on-space-19389786",
    )
    def find_for_user_on_space(
        cls, space_id: int, user_id: int, *, client: ClientArg = None
    ) -> Call:
        """The grants a user holds on objects in a space."""
        return Call(path={"space_id": space_id, "user_id": user_id})

    afind_for_user_on_space = find_for_user_on_space.twin()

    @members("GET", "/grant/space/{space_id}/{ref_type}/user/{user_id}/")
    def find_for_user_on_space_by_ref(
        cls, space_id: int, ref_type: str, user_id: int, *, client: ClientArg = None
    ) -> Call:
        """The grants a user holds on one type of object (``item``, ``app``) in a space."""
        return Call(path={"space_id": space_id, "ref_type": ref_type, "user_id": user_id})

    afind_for_user_on_space_by_ref = find_for_user_on_space_by_ref.twin()

    @members("GET", "/grant/space/{space_id}/{ref_type}/")
    def find_all_on_space_by_ref(
        cls, space_id: int, ref_type: str, *, client: ClientArg = None
    ) -> Call:
        """Every grant on one type of object (``item``, ``app``) in a space.

        The Ruby gem has this as ``Space.find_all_user_on_space_by_ref`` and builds spaces
        from the answer; the answer is a list of grants, so here it gives Grants.
        """
        return Call(path={"space_id": space_id, "ref_type": ref_type})

    afind_all_on_space_by_ref = find_all_on_space_by_ref.twin()

    @members("GET", "/grant/org/{org_id}/own/", doc=f"{_DOC}/get-own-grants-on-org-22330891")
    def find_own_on_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The active user's grants on objects in an organization."""
        return Call(path={"org_id": org_id})

    afind_own_on_org = find_own_on_org.twin()

    @members("GET", "/grant/org/{org_id}/{ref_type}/own/")
    def find_own_on_org_by_ref(
        cls, org_id: int, ref_type: str, *, client: ClientArg = None
    ) -> Call:
        """The active user's grants on one type of object in an organization."""
        return Call(path={"org_id": org_id, "ref_type": ref_type})

    afind_own_on_org_by_ref = find_own_on_org_by_ref.twin()

    # -- instance methods ---------------------------------------------------------------------

    @instance("POST", "/grant/{ref_type}/{ref_id}", doc=f"{_DOC}/create-grant-16168841")
    def save(self, *, client: ClientArg = None) -> Call:
        """Create this grant on its object (`ref_type`, `ref_id`) for its `people`, with its
        `action` and `message`; takes in what Podio answers."""
        if self.ref_type is None or self.ref_id is None:
            raise ValueError("a grant needs ref_type and ref_id before it can be saved")

        def take(response: Response) -> None:
            body = response.body
            if isinstance(body, Mapping) and body.get("grant_id") is not None:
                self.grant_id = int(body["grant_id"])

        data = self.as_json()
        body = {key: data[key] for key in ("people", "action", "message") if key in data}
        return Call(path={"ref_type": self.ref_type, "ref_id": self.ref_id}, json=body, after=take)

    asave = save.twin()
