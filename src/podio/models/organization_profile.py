"""The public (app store) profile of an organization."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Model
from ._fields import without
from ._operation import Call, ClientArg, as_raw, as_status, instance, member, returns

__all__ = ["OrganizationProfile"]

_DOC = "https://developers.podio.com/doc/organizations"

# The organization is in the path; the image is what Podio shows for `avatar`.
_NOT_SENT = ("org_id", "image")


class OrganizationProfile(Model):
    """How an organization presents itself in Podio's app store (`avatar` is its logo)."""

    _id_field = "org_id"

    org_id: int | None = None
    avatar: int | None = None
    image: dict[str, Any] | None = None
    name: str | None = None
    mail: list[str] | None = None
    phone: list[str] | None = None
    url: list[str] | None = None
    address: list[str] | None = None
    city: str | None = None
    country: str | None = None
    about: str | None = None

    @property
    def logo(self) -> int | None:
        """The gem's alias of `avatar`: the file id of the organization's logo."""
        return self.avatar

    @member("GET", "/app_store/org/{url_label}/profile")
    def find_by_url(cls, url_label: str, *, client: ClientArg = None) -> Call:
        """The app-market profile of the organization with this URL label (``acme`` in
        ``https://podio.com/acme``)."""
        return Call(path={"url_label": url_label})

    afind_by_url = find_by_url.twin()

    @member("GET", "/org/{org_id}/appstore", doc=f"{_DOC}/get-organization-app-store-profile-87799")
    def find(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The app store profile of an organization."""
        return Call(path={"org_id": org_id})

    afind = find.twin()

    @returns(
        as_raw,
        "POST",
        "/org/{org_id}/appstore",
        doc=f"{_DOC}/create-organization-app-store-profile-87819",
    )
    def create_profile(
        cls, org_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Give an organization an app store profile; returns Podio's answer."""
        return Call(path={"org_id": org_id}, json=dict(attributes))

    acreate_profile = create_profile.twin()

    @returns(
        as_status,
        "PUT",
        "/org/{org_id}/appstore",
        doc=f"{_DOC}/update-organization-app-store-profile-87805",
    )
    def update_profile(
        cls, org_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an organization's app store profile; returns the HTTP status."""
        return Call(path={"org_id": org_id}, json=dict(attributes))

    aupdate_profile = update_profile.twin()

    @returns(
        as_status,
        "DELETE",
        "/org/{org_id}/appstore",
        doc=f"{_DOC}/delete-organization-app-store-profile-87808",
    )
    def delete(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Remove an organization's app store profile; returns the HTTP status."""
        return Call(path={"org_id": org_id})

    adelete = delete.twin()

    @instance(
        "POST", "/org/{org_id}/appstore", doc=f"{_DOC}/create-organization-app-store-profile-87819"
    )
    def create(self, *, client: ClientArg = None) -> Call:
        """Create this profile for its organization (`org_id`)."""
        return Call(path={"org_id": self.org_id}, json=without(self, _NOT_SENT))

    acreate = create.twin()

    @instance(
        "PUT", "/org/{org_id}/appstore", doc=f"{_DOC}/update-organization-app-store-profile-87805"
    )
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this profile."""
        return Call(path={"org_id": self.org_id}, json=without(self, _NOT_SENT))

    aupdate = update.twin()

    @instance(
        "DELETE",
        "/org/{org_id}/appstore",
        doc=f"{_DOC}/delete-organization-app-store-profile-87808",
    )
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Remove this profile from its organization."""
        return Call(path={"org_id": self.org_id})

    adestroy = destroy.twin()
