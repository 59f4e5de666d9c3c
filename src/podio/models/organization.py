"""Organizations: the top of Podio's hierarchy, holding spaces and members."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._response import Response
from ._base import Date, DateTime, Model
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

__all__ = ["Organization"]

_DOC = "https://developers.podio.com/doc/organizations"

# What `update` sends, as the Ruby gem's Organization#update does.
_UPDATABLE = ("name", "logo", "url_label", "billing_interval", "segment_size")


class Organization(Model):
    """An organization (``GET /org/{org_id}``); see objects.md.

    Create one as an instance (``podio.Organization(name="Acme").create()``), or with
    `create_org`. `spaces` holds the space summaries ``GET /org/`` embeds, as dicts.
    """

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
    verified_domain: str | None = None
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
    current_price_plan: dict[str, Any] | None = None
    price_plans_variation: str | None = None
    trial_expired_on: Date | None = None

    # -- finding ---------------------------------------------------------------------------------

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

    @member("GET", "/org/url", doc=f"{_DOC}/get-organization-by-url-22384")
    def find_by_url_slug(cls, org_slug: str, *, client: ClientArg = None) -> Call:
        """The organization with the given URL label (``acme`` for ``https://podio.com/acme``)."""
        return Call(params={"org_slug": org_slug})

    afind_by_url_slug = find_by_url_slug.twin()

    @members("GET", "/org/user/{user_id}/")
    def find_for_user(cls, user_id: int, *, client: ClientArg = None) -> Call:
        """The organizations another user is a member of, as far as the user may see them."""
        return Call(path={"user_id": user_id})

    afind_for_user = find_for_user.twin()

    @members("GET", "/org/shared/{user_id}", doc=f"{_DOC}/get-shared-organizations-22411")
    def find_all_shared_with(cls, user_id: int, *, client: ClientArg = None) -> Call:
        """The organizations, with their spaces, that the user shares with another user."""
        return Call(path={"user_id": user_id})

    afind_all_shared_with = find_all_shared_with.twin()

    # -- changing (class level) ------------------------------------------------------------------

    @returns(as_field("org_id", int), "POST", "/org/", doc=f"{_DOC}/add-new-organization-22385")
    def create_org(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Create an organization; returns its id."""
        return Call(json=dict(attributes))

    acreate_org = create_org.twin()

    @returns(as_raw, "POST", "/org/bootstrap")
    def bootstrap(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Bootstrap a new organization from `attributes`; returns Podio's answer."""
        return Call(json=dict(attributes))

    abootstrap = bootstrap.twin()

    @returns(as_status, "PUT", "/org/{org_id}", doc=f"{_DOC}/update-organization-22386")
    def update_org(
        cls, org_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change an organization's name, logo, URL label...; returns the HTTP status."""
        return Call(path={"org_id": org_id}, json=dict(attributes))

    aupdate_org = update_org.twin()

    @returns(as_status, "DELETE", "/org/{org_id}")
    def delete(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Delete an organization with everything in it; returns the HTTP status."""
        return Call(path={"org_id": org_id})

    adelete = delete.twin()

    @returns(as_raw, "POST", "/org/url/validate")
    def validate_url_label(cls, url_label: str, *, client: ClientArg = None) -> Call:
        """Check whether a URL label is free and well-formed; returns Podio's verdict."""
        return Call(json={"url_label": url_label}, idempotent=True)

    avalidate_url_label = validate_url_label.twin()

    @returns(as_status, "PUT", "/org/{org_id}/billing")
    def update_billing_profile(
        cls, org_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change the billing contact of an organization (see `OrganizationContact`).

        Returns the HTTP status.
        """
        return Call(path={"org_id": org_id}, json=dict(attributes))

    aupdate_billing_profile = update_billing_profile.twin()

    @returns(as_raw, "POST", "/org/{org_id}/upgrade")
    def upgrade(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Upgrade an organization's plan; returns Podio's answer."""
        return Call(path={"org_id": org_id})

    aupgrade = upgrade.twin()

    @returns(as_raw, "POST", "/org/{org_id}/change_to_user_model")
    def change_to_user_model(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Switch an organization to Podio's user model; returns Podio's answer."""
        return Call(path={"org_id": org_id})

    achange_to_user_model = change_to_user_model.twin()

    # -- reports -----------------------------------------------------------------------------------

    @returns(
        as_raw,
        "GET",
        "/org/{org_id}/report/login/",
        doc=f"{_DOC}/get-organization-login-report-51730",
    )
    def get_login_report(
        cls,
        org_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Users and active users per week, newest first (`limit` weeks, at most 16; default 4)."""
        return Call(path={"org_id": org_id}, params={"limit": limit, "offset": offset})

    aget_login_report = get_login_report.twin()

    @returns(as_raw, "GET", "/org/{org_id}/report/metrics/")
    def get_reporting_data(
        cls, org_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """Usage metrics of an organization; `params` are passed on as the query."""
        return Call(path={"org_id": org_id}, params=params)

    aget_reporting_data = get_reporting_data.twin()

    @returns(
        as_raw,
        "GET",
        "/org/{org_id}/statistics",
        doc=f"{_DOC}/get-organization-statistics-28734",
    )
    def get_statistics_v1(
        cls, org_id: int, *, params: Mapping[str, Any] | None = None, client: ClientArg = None
    ) -> Call:
        """The first version of an organization's statistics (what podio-php calls)."""
        return Call(path={"org_id": org_id}, params=params)

    aget_statistics_v1 = get_statistics_v1.twin()

    @returns(as_raw, "GET", "/org/{org_id}/statistics/v2")
    def get_statistics(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Statistics of an organization: members, spaces, apps, items..."""
        return Call(path={"org_id": org_id})

    aget_statistics = get_statistics.twin()

    @returns(as_raw, "GET", "/org/{org_id}/stats")
    def get_stats(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """Figures about an organization, as Podio answers them."""
        return Call(path={"org_id": org_id})

    aget_stats = get_stats.twin()

    # -- instance operations ---------------------------------------------------------------------

    @instance("POST", "/org/", doc=f"{_DOC}/add-new-organization-22385")
    def create(self, *, client: ClientArg = None) -> Call:
        """Create this organization on Podio; sets `org_id`, `url` and `url_label`."""

        def take(response: Response) -> None:
            self._take_answer(response.body, ("org_id", "url", "url_label"))

        fields = {"name": self.name, "logo": self.logo, "segment_size": self.segment_size}
        return Call(json={k: v for k, v in fields.items() if v is not None}, after=take)

    acreate = create.twin()

    @instance("PUT", "/org/{org_id}", doc=f"{_DOC}/update-organization-22386")
    def update(self, *, client: ClientArg = None) -> Call:
        """Save this organization's name, logo, URL label, billing interval and segment size.

        Only the attributes this instance holds are sent, so a partly known organization
        does not wipe what it does not know.
        """
        return Call(path={"org_id": self.org_id}, json=picked(self, _UPDATABLE))

    aupdate = update.twin()

    @instance("DELETE", "/org/{org_id}")
    def destroy(self, *, client: ClientArg = None) -> Call:
        """Delete this organization with everything in it."""
        return Call(path={"org_id": self.org_id})

    adestroy = destroy.twin()
