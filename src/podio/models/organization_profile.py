"""Organization profiles: how an organization presents itself in the app market."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, member

__all__ = ["OrganizationProfile"]


class OrganizationProfile(Model):
    """An organization's public profile: name, logo (`avatar`), contact details, `about`."""

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
