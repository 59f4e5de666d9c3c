"""Spaces (workspaces): where apps, members and status messages live."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import DateTime, Model
from ._fields import picked
from ._operation import (
    Call,
    ClientArg,
    as_field,
    as_raw,
    as_status,
    instance,
    member,
    members,
    returns,
)
from .by_line import ByLine
from .organization import Organization

__all__ = ["Space"]

_DOC = "https://developers.podio.com/doc/spaces"
_ORG_DOC = "https://developers.podio.com/doc/organizations"
_MEMBERS_DOC = "https://developers.podio.com/doc/space-members"

# What `save` sends for a new space and `update` for an existing one (the gem's choice, plus
# the two stream options podio-dotnet also sends on creation).
_CREATABLE = ("org_id", "name", "privacy", "auto_join", "post_on_new_app", "post_on_new_member")
_UPDATABLE = (
    "name",
    "description",
    "url_label",
    "privacy",
    "auto_join",
    "post_on_new_app",
    "post_on_new_member",
)


class Space(Model):
    """A workspace (``GET /space/{space_id}``); see objects.md and samples/space-get.json.

    `Space.create(attributes)` returns Podio's raw answer, as the Ruby gem does; to work with
    an instance, build one and call `save` (create), `update` or `destroy`.
    """

    _id_field = "space_id"

    space_id: int | None = None
    name: str | None = None
    description: str | None = None
    url: str | None = None
    url_label: str | None = None
    org_id: int | None = None
    org: Organization | None = None
    contact_count: int | None = None
    member_count: int | None = None
    app_count: int | None = None
    role: str | None = None
    rights: list[str] | None = None
    post_on_new_app: bool | None = None
    post_on_new_member: bool | None = None
    subscribed: bool | None = None
    privacy: str | None = None
    auto_join: bool | None = None
    archived: bool | None = None
    type: str | None = None
    premium: bool | None = None
    last_activity_on: DateTime | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    is_overdue: bool | None = None
    owner: dict[str, Any] | None = None
    video: int | None = None
    rank: int | None = None
    top: bool | None = None
    push: dict[str, Any] | None = None

    # -- finding ---------------------------------------------------------------------------------

    @member("GET", "/space/{space_id}", doc=f"{_DOC}/get-space-22389")
    def find(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """One space."""
        return Call(path={"space_id": space_id})

    afind = find.twin()

    @member("GET", "/space/url", doc=f"{_DOC}/get-space-by-url-22481")
    def find_by_url(cls, url: str, *, client: ClientArg = None) -> Call:
        """The space at a full URL; any URL inside the space will do."""
        return Call(params={"url": url})

    afind_by_url = find_by_url.twin()

    @member("GET", "/space/url", doc=f"{_DOC}/get-space-by-url-22481")
    def find_by_url_slug(cls, org_slug: str, space_slug: str, *, client: ClientArg = None) -> Call:
        """The space with the given URL labels of its organization and of itself."""
        return Call(params={"org_slug": org_slug, "space_slug": space_slug})

    afind_by_url_slug = find_by_url_slug.twin()

    @member(
        "GET",
        "/space/org/{org_id}/{url_label}",
        doc=f"{_DOC}/get-space-by-org-and-url-label-476929",
    )
    def find_by_org_and_url_label(
        cls, org_id: int, url_label: str, *, client: ClientArg = None
    ) -> Call:
        """The space of an organization with the given URL label."""
        return Call(path={"org_id": org_id, "url_label": url_label})

    afind_by_org_and_url_label = find_by_org_and_url_label.twin()

    @members("GET", "/org/{org_id}/space/", doc=f"{_ORG_DOC}/get-spaces-on-organization-22387")
    def find_all_for_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The spaces of an organization the user is a member of."""
        return Call(path={"org_id": org_id})

    afind_all_for_org = find_all_for_org.twin()

    @members("GET", "/org/{org_id}/all_spaces/")
    def find_all_spaces_for_org(
        cls, org_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """Every space of an organization, joined or not (for its administrators).

        `params` are passed on as the query.
        """
        return Call(path={"org_id": org_id}, params=params)

    afind_all_spaces_for_org = find_all_spaces_for_org.twin()

    @members(
        "GET",
        "/space/org/{org_id}/",
        doc=f"{_DOC}/get-list-of-organization-workspaces-238875316",
    )
    def find_all_accessible_for_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The spaces of an organization the user can reach (short form of each)."""
        return Call(path={"org_id": org_id})

    afind_all_accessible_for_org = find_all_accessible_for_org.twin()

    @members("GET", "/space/org/{org_id}/available/", doc=f"{_DOC}/get-available-spaces-1911961")
    def find_open_for_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The open spaces of an organization that the user could join."""
        return Call(path={"org_id": org_id})

    afind_open_for_org = find_open_for_org.twin()

    @members("GET", "/space/top/", doc=f"{_DOC}/get-top-spaces-22477")
    def find_top(cls, *, limit: int | None = None, client: ClientArg = None) -> Call:
        """The spaces the user uses most (Podio's default `limit` is 6)."""
        return Call(params={"limit": limit})

    afind_top = find_top.twin()

    @returns(as_field("count", int), "GET", "/space/org/{org_id}/count")
    def get_count(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """How many spaces an organization has."""
        return Call(path={"org_id": org_id})

    aget_count = get_count.twin()

    @returns(as_raw, "GET", "/space/{space_id}/available")
    def get_available_seats(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """How many more members the space may take (``null`` values mean no limit)."""
        return Call(path={"space_id": space_id})

    aget_available_seats = get_available_seats.twin()

    @returns(as_raw, "GET", "/space/{space_id}/overdue")
    def get_overdue_info(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Payment status details of an overdue space."""
        return Call(path={"space_id": space_id})

    aget_overdue_info = get_overdue_info.twin()

    @returns(
        as_raw,
        "GET",
        "/space/{space_id}/dependencies/",
        doc="https://developers.podio.com/doc/applications/get-space-app-dependencies-45779",
    )
    def get_app_dependencies(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """How the apps of a space refer to each other: ``{"apps": [...], "dependencies": {...}}``.

        The apps stay dicts here; the applications area has the typed model for them.
        """
        return Call(path={"space_id": space_id})

    aget_app_dependencies = get_app_dependencies.twin()

    # -- changing (class level) ------------------------------------------------------------------

    @returns(as_raw, "POST", "/space/", doc=f"{_DOC}/create-space-22390")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Create a space: ``{"org_id", "name", "privacy", "auto_join", ...}``.

        Returns Podio's answer, ``{"space_id": ..., "url": ...}``.
        """
        return Call(json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/space/{space_id}", doc=f"{_DOC}/update-space-22391")
    def update_space(
        cls, space_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a space's name, description, URL label, privacy...; returns the HTTP status."""
        return Call(path={"space_id": space_id}, json=dict(attributes))

    aupdate_space = update_space.twin()

    @returns(as_status, "DELETE", "/space/{space_id}", doc=f"{_DOC}/delete-space-22417")
    def delete(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Delete a space with everything in it; returns the HTTP status."""
        return Call(path={"space_id": space_id})

    adelete = delete.twin()

    @returns(as_raw, "POST", "/space/org/{org_id}/url/validate")
    def validate_url_label(cls, org_id: int, url_label: str, *, client: ClientArg = None) -> Call:
        """Check whether a URL label is free in an organization; returns Podio's verdict."""
        return Call(path={"org_id": org_id}, json={"url_label": url_label}, idempotent=True)

    avalidate_url_label = validate_url_label.twin()

    # -- membership of the current user ------------------------------------------------------------

    @returns(as_raw, "POST", "/space/{space_id}/join", doc=f"{_MEMBERS_DOC}/join-space-1927286")
    def join(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Join an open space; returns Podio's answer."""
        return Call(path={"space_id": space_id})

    ajoin = join.twin()

    @returns(
        as_status, "POST", "/space/{space_id}/leave", doc=f"{_MEMBERS_DOC}/leave-space-19410457"
    )
    def leave(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """Leave a space; returns the HTTP status."""
        return Call(path={"space_id": space_id})

    aleave = leave.twin()

    # -- instance operations ---------------------------------------------------------------------

    @instance("POST", "/space/", doc=f"{_DOC}/create-space-22390")
    def save(self, *, client: ClientArg = None) -> Call:
        """Create this new space in its organization (`org_id`); sets `space_id` and `url`.

        A space that already exists is changed with `update`; calling `save` on it raises
        `ValueError` before anything is sent.
        """
        if self.persisted:
            raise ValueError("this space exists already: use update() to change it")

        def take(response: Response) -> None:
            self._take_answer(response.body, ("space_id", "url"))

        return Call(json=picked(self, _CREATABLE), after=take)

    asave = save.twin()

    @instance("PUT", "/space/{space_id}", doc=f"{_DOC}/update-space-22391")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this space's name, description, URL label, privacy, auto-join and stream options.

        Only the attributes this instance holds are sent.
        """
        return Call(path={"space_id": self.space_id}, json=picked(self, _UPDATABLE))

    aupdate = update.twin()

    @instance("DELETE", "/space/{space_id}", doc=f"{_DOC}/delete-space-22417")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this space with everything in it."""
        return Call(path={"space_id": self.space_id})

    adestroy = destroy.twin()
