"""Organizations: the top of Podio's hierarchy, holding spaces and members."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Date, DateTime, Model
from ._operation import Call, ClientArg, as_field, as_status, instance, member, members, returns
from .by_line import ByLine

__all__ = ["Organization"]

_DOC = "https://developers.podio.com/doc/organizations"


class Organization(Model):
    """An organization (``GET /org/{org_id}``); see objects.md."""

    _id_field = "org_id"

    org_id: int | None = None
    name: str | None = None
    logo: int | None = None
    image: dict[str, Any] | None = None
    spaces: list[dict[str, Any]] | None = None
    url: str | None = None
    url_label: str | None = None
    premium: bool | None = None
    role: str | None = None
    status: str | None = None
    sales_agent_id: int | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    user_limit: int | None = None
    member_count: int | None = None
    contact_count: int | None = None
    billing_interval: int | None = None
    rights: list[str] | None = None
    domains: list[str] | None = None
    rank: int | None = None
    tier: str | None = None
    contract_status: str | None = None
    type: str | None = None
    segment: str | None = None
    segment_size: int | None = None
    grants_count: int | None = None
    allow_add_space: bool | None = None
    item_limit: int | None = None
    item_usage: int | None = None
    price_plans: dict[str, Any] | None = None
    trial_expired_on: Date | None = None

    @members("GET", "/org/", doc=f"{_DOC}/get-organizations-22344")
    def find_all(cls, *, client: ClientArg = None) -> Call:
        """The organizations the user is a member of, each with its spaces."""
        return Call()

    afind_all = find_all.twin()

    @member("GET", "/org/{org_id}", doc=f"{_DOC}/get-organization-22383")
    def find(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """One organization."""
        return Call(path={"org_id": org_id})

    afind = find.twin()

    @member("GET", "/org/url", doc=f"{_DOC}/get-organization-by-url-22384")
    def find_by_url(cls, url: str, *, client: ClientArg = None) -> Call:
        """The organization with the given full URL (``https://podio.com/acme``)."""
        return Call(params={"url": url})

    afind_by_url = find_by_url.twin()

    @returns(as_field("org_id", int), "POST", "/org/", doc=f"{_DOC}/add-new-organization-22385")
    def create_org(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Create an organization; returns its id."""
        return Call(json=dict(attributes))

    acreate_org = create_org.twin()

    @returns(as_status, "PUT", "/org/{org_id}", doc=f"{_DOC}/update-organization-22386")
    def update_org(
        cls, org_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an organization's name, logo, URL label...; returns the HTTP status."""
        return Call(path={"org_id": org_id}, json=dict(attributes))

    aupdate_org = update_org.twin()

    @instance("POST", "/org/", doc=f"{_DOC}/add-new-organization-22385")
    def create(self, *, client: ClientArg = None) -> Call:
        """Create this organization on Podio; sets `org_id`, `url` and `url_label`."""

        def take(response: Any) -> None:
            body = response.body if isinstance(response.body, dict) else {}
            for key in ("org_id", "url", "url_label"):
                if key in body:
                    setattr(self, key, body[key])

        fields = {"name": self.name, "logo": self.logo, "segment_size": self.segment_size}
        return Call(json={k: v for k, v in fields.items() if v is not None}, after=take)

    acreate = create.twin()
