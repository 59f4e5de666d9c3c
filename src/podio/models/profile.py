"""Profiles: the contact details of users and of space contacts, and the contacts API.

As in the Ruby gem, the contact operations live on `Profile` and are inherited by `Contact`,
`SpaceContact` and `OrganizationContact`: ``podio.Contact.find_all_for_space(1)`` returns
`Contact` instances, ``podio.Profile.find_all_for_space(1)`` `Profile` instances.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import Date, DateTime, Model
from ._fields import without
from ._id_list import IdOrIds, id_list
from ._operation import Call, ClientArg, Paging, as_raw, member, members, paged, returns
from ._text import as_text

__all__ = ["Profile"]

_DOC = "https://developers.podio.com/doc/contacts"
_ORG_DOC = "https://developers.podio.com/doc/organizations"

#: Page size of the `iter_...` contact lists. Podio documents no maximum for contact lists;
#: 100 is what it accepts for its other member lists (limits.md §2).
CONTACT_PAGE_SIZE = 100


def _list_query(
    *,
    contact_type: str | None,
    exclude_self: bool | None,
    external_id: str | None,
    order: str | None,
    required: str | None,
    type: str | None,
    filters: Mapping[str, str] | None,
    limit: int | None,
    offset: int | None,
) -> dict[str, Any]:
    """The documented query of the contact lists; `filters` (``{field: value}``) go first so
    that they can never replace a documented option."""
    query: dict[str, Any] = dict(filters or {})
    query.update(
        contact_type=contact_type,
        exclude_self=exclude_self,
        external_id=external_id,
        order=order,
        required=required,
        type=type,
        limit=limit,
        offset=offset,
    )
    return query


# Keys Podio sets itself: an instance sends them neither on creation nor on update.
_NOT_WRITABLE = (
    "profile_id",
    "user_id",
    "space_id",
    "org_id",
    "type",
    "link",
    "image",
    "rights",
    "push",
    "last_seen_on",
    "is_employee",
    "external_picture",
)


class Profile(Model):
    """Contact details shared by users' profiles and space contacts (objects.md, "Profile").

    Multi-valued details (`mail`, `phone`, `address`, ...) are lists, as Podio sends them.

    The contact lists (`all`, `find_all_for_space`, `find_all_for_org`, `find_all_for_app`)
    take Podio's documented options: `contact_type` (``"user"``, ``"space"`` or both,
    comma-separated; Podio's default is ``"user"``), `exclude_self` (default true),
    `external_id`, `order` (default ``"name"``), `required` (comma-separated fields the contacts
    must have), `type` (``"mini"`` or ``"full"``), `limit`, `offset`, and `filters`, a
    ``{field: value}`` mapping matched against contact fields (partial match on text).
    """

    _id_field = "profile_id"

    profile_id: int | None = None
    user_id: int | None = None
    type: str | None = None
    name: str | None = None
    avatar: int | None = None
    image: dict[str, Any] | None = None
    link: str | None = None
    birthdate: Date | None = None
    organization: str | None = None
    department: str | None = None
    vatin: str | None = None
    skype: str | None = None
    about: str | None = None
    address: list[str] | None = None
    zip: str | None = None
    city: str | None = None
    country: str | None = None
    state: str | None = None
    im: list[str] | None = None
    location: list[str] | None = None
    mail: list[str] | None = None
    phone: list[str] | None = None
    title: list[str] | None = None
    url: list[str] | None = None
    skill: list[str] | None = None
    linkedin: str | None = None
    twitter: str | None = None
    app_store_about: str | None = None
    app_store_organization: str | None = None
    app_store_location: str | None = None
    app_store_title: str | None = None
    app_store_url: str | None = None
    space_id: int | None = None
    org_id: int | None = None
    external_id: str | None = None
    last_seen_on: DateTime | None = None
    is_employee: bool | None = None
    rights: list[str] | None = None
    push: dict[str, Any] | None = None

    def _attributes(self) -> dict[str, Any]:
        """The details an instance sends: what it holds, without ids and read-only keys."""
        return without(self, _NOT_WRITABLE)

    # -- one contact -------------------------------------------------------------------------------

    @member("GET", "/contact/{profile_id}/v2", doc=f"{_DOC}/get-contact-s-22335")
    def find(
        cls, profile_id: int, *, space_id: int | None = None, client: ClientArg = None
    ) -> Call:
        """One contact by profile id; with `space_id`, its role in that space is filled in.

        `Contact.find_all_by_ids` fetches several in one call.
        """
        return Call(path={"profile_id": profile_id}, params={"space_id": space_id})

    afind = find.twin()

    @member("GET", "/contact/user/{user_id}", doc=f"{_DOC}/get-user-contact-60514")
    def find_for_user(cls, user_id: int, *, client: ClientArg = None) -> Call:
        """The contact (profile) of a user; `Contact.find_all_for_users` takes several ids."""
        return Call(path={"user_id": user_id})

    afind_for_user = find_for_user.twin()

    @member(
        "GET", "/org/{org_id}/billing", doc=f"{_ORG_DOC}/get-organization-billing-profile-51370"
    )
    def find_for_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The billing contact of an organization (best called on `OrganizationContact`)."""
        return Call(path={"org_id": org_id})

    afind_for_org = find_for_org.twin()

    @returns(
        as_raw, "GET", "/contact/user/{user_id}/{key}", doc=f"{_DOC}/get-user-contact-field-22403"
    )
    def get_field_for_user(cls, user_id: int, key: str, *, client: ClientArg = None) -> Call:
        """The values of one field (``"mail"``, ``"phone"``...) of a user's contact, a list."""
        return Call(path={"user_id": user_id, "key": key})

    aget_field_for_user = get_field_for_user.twin()

    @returns(as_text, "GET", "/contact/{profile_id}/vcard", doc=f"{_DOC}/get-vcard-213496")
    def vcard(cls, profile_id: int, *, client: ClientArg = None) -> Call:
        """The contact as vCard text."""
        return Call(path={"profile_id": profile_id})

    avcard = vcard.twin()

    # -- lists -----------------------------------------------------------------------------------

    @members("GET", "/contact/", doc=f"{_DOC}/get-contacts-22400")
    def all(
        cls,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's contacts across Podio (one page; see the class docstring for options)."""
        return Call(
            params=_list_query(
                contact_type=contact_type,
                exclude_self=exclude_self,
                external_id=external_id,
                order=order,
                required=required,
                type=type,
                filters=filters,
                limit=limit,
                offset=offset,
            )
        )

    aall = all.twin()

    @paged("GET", "/contact/", doc=f"{_DOC}/get-contacts-22400")
    def iter_all(
        cls,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every contact `all` would list, fetched a page at a time; `limit` caps the total."""

        def page(page_offset: int, page_limit: int) -> Call:
            return Call(
                params=_list_query(
                    contact_type=contact_type,
                    exclude_self=exclude_self,
                    external_id=external_id,
                    order=order,
                    required=required,
                    type=type,
                    filters=filters,
                    limit=page_limit,
                    offset=page_offset,
                )
            )

        return Paging(call=page, page_size=CONTACT_PAGE_SIZE, offset=offset, limit=limit)

    @members("GET", "/contact/space/{space_id}", doc=f"{_DOC}/get-space-contacts-22414")
    def find_all_for_space(
        cls,
        space_id: int,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The contacts of a space: its members and its space contacts (one page)."""
        return Call(
            path={"space_id": space_id},
            params=_list_query(
                contact_type=contact_type,
                exclude_self=exclude_self,
                external_id=external_id,
                order=order,
                required=required,
                type=type,
                filters=filters,
                limit=limit,
                offset=offset,
            ),
        )

    afind_all_for_space = find_all_for_space.twin()

    @paged("GET", "/contact/space/{space_id}", doc=f"{_DOC}/get-space-contacts-22414")
    def iter_all_for_space(
        cls,
        space_id: int,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every contact of a space, fetched a page at a time; `limit` caps the total."""

        def page(page_offset: int, page_limit: int) -> Call:
            return Call(
                path={"space_id": space_id},
                params=_list_query(
                    contact_type=contact_type,
                    exclude_self=exclude_self,
                    external_id=external_id,
                    order=order,
                    required=required,
                    type=type,
                    filters=filters,
                    limit=page_limit,
                    offset=page_offset,
                ),
            )

        return Paging(call=page, page_size=CONTACT_PAGE_SIZE, offset=offset, limit=limit)

    @members("GET", "/contact/org/{org_id}", doc=f"{_DOC}/get-organization-contacts-22401")
    def find_all_for_org(
        cls,
        org_id: int,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's contacts in an organization (one page)."""
        return Call(
            path={"org_id": org_id},
            params=_list_query(
                contact_type=contact_type,
                exclude_self=exclude_self,
                external_id=external_id,
                order=order,
                required=required,
                type=type,
                filters=filters,
                limit=limit,
                offset=offset,
            ),
        )

    afind_all_for_org = find_all_for_org.twin()

    @paged("GET", "/contact/org/{org_id}", doc=f"{_DOC}/get-organization-contacts-22401")
    def iter_all_for_org(
        cls,
        org_id: int,
        *,
        contact_type: str | None = None,
        exclude_self: bool | None = None,
        external_id: str | None = None,
        order: str | None = None,
        required: str | None = None,
        type: str | None = None,
        filters: Mapping[str, str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every contact of an organization, fetched a page at a time; `limit` caps the total."""

        def page(page_offset: int, page_limit: int) -> Call:
            return Call(
                path={"org_id": org_id},
                params=_list_query(
                    contact_type=contact_type,
                    exclude_self=exclude_self,
                    external_id=external_id,
                    order=order,
                    required=required,
                    type=type,
                    filters=filters,
                    limit=page_limit,
                    offset=page_offset,
                ),
            )

        return Paging(call=page, page_size=CONTACT_PAGE_SIZE, offset=offset, limit=limit)

    @members("GET", "/contact/app/{app_id}/", doc=f"{_DOC}/get-space-contacts-on-app-79475279")
    def find_all_for_app(
        cls,
        app_id: int,
        *,
        order: str | None = None,
        filters: Mapping[str, str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The space contacts an app's items refer to (one page)."""
        query: dict[str, Any] = dict(filters or {})
        query.update(order=order, limit=limit, offset=offset)
        return Call(path={"app_id": app_id}, params=query)

    afind_all_for_app = find_all_for_app.twin()

    @paged("GET", "/contact/app/{app_id}/", doc=f"{_DOC}/get-space-contacts-on-app-79475279")
    def iter_all_for_app(
        cls,
        app_id: int,
        *,
        order: str | None = None,
        filters: Mapping[str, str] | None = None,
        offset: int = 0,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Paging:
        """Every space contact an app refers to, fetched a page at a time."""

        def page(page_offset: int, page_limit: int) -> Call:
            query: dict[str, Any] = dict(filters or {})
            query.update(order=order, limit=page_limit, offset=page_offset)
            return Call(path={"app_id": app_id}, params=query)

        return Paging(call=page, page_size=CONTACT_PAGE_SIZE, offset=offset, limit=limit)

    @members(
        "GET",
        "/contact/linked_account/{linked_account_id}",
        doc=f"{_DOC}/get-linked-account-contacts-6214688",
    )
    def find_all_for_linked_account(
        cls,
        linked_account_id: int,
        *,
        params: Mapping[str, Any] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The contacts of a linked account (an external address book); `params` go in the
        query as given."""
        return Call(path={"linked_account_id": linked_account_id}, params=params)

    afind_all_for_linked_account = find_all_for_linked_account.twin()

    # -- figures -----------------------------------------------------------------------------------

    @returns(as_raw, "GET", "/contact/skill/", doc=f"{_DOC}/get-skills-1346872")
    def skills(
        cls, *, text: str | None = None, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """Skills of related contacts, most used first; `text` filters by prefix (a list)."""
        return Call(params={"text": text, "limit": limit})

    askills = skills.twin()

    @returns(as_raw, "GET", "/contact/totals/", doc=f"{_DOC}/get-contact-totals-60467")
    def totals_by_org(cls, *, client: ClientArg = None) -> Call:
        """How many contacts the user has, per organization."""
        return Call()

    atotals_by_org = totals_by_org.twin()

    @returns(as_raw, "GET", "/contact/totals/v2/")
    def totals_by_org_and_space(cls, *, client: ClientArg = None) -> Call:
        """How many contacts the user has, per organization and per space."""
        return Call()

    atotals_by_org_and_space = totals_by_org_and_space.twin()

    @returns(as_raw, "GET", "/contact/totals/v3/", doc=f"{_DOC}/get-contact-totals-v3-34629208")
    def totals_v3(cls, *, client: ClientArg = None) -> Call:
        """How many contacts the user has, in the third version of the totals."""
        return Call()

    atotals_v3 = totals_v3.twin()

    @returns(
        as_raw,
        "GET",
        "/contact/space/{space_id}/totals/space",
        doc=f"{_DOC}/get-space-contact-totals-67508",
    )
    def totals_by_space_v2(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """How many contacts a space has (``{"total": ...}``)."""
        return Call(path={"space_id": space_id})

    atotals_by_space_v2 = totals_by_space_v2.twin()

    @returns(as_raw, "GET", "/contact/space/{space_id}/totals/")
    def totals_for_space(cls, space_id: int, *, client: ClientArg = None) -> Call:
        """How many contacts a space has, by kind (the form podio-php reads)."""
        return Call(path={"space_id": space_id})

    atotals_for_space = totals_for_space.twin()

    # -- changing ----------------------------------------------------------------------------------

    @returns(as_raw, "POST", "/contact/space/{space_id}/", doc=f"{_DOC}/create-space-contact-65590")
    def create_space_contact(
        cls, space_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Add a contact to a space's contact list; returns ``{"profile_id": ...}``.

        `SpaceContact(...).create()` does the same from an instance.
        """
        return Call(path={"space_id": space_id}, json=dict(attributes))

    acreate_space_contact = create_space_contact.twin()

    @returns(as_raw, "PUT", "/contact/{profile_id}", doc=f"{_DOC}/update-contact-60556")
    def update_contact(
        cls, profile_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Change a contact's details (only space contacts can be changed); returns the body."""
        return Call(path={"profile_id": profile_id}, json=dict(attributes))

    aupdate_contact = update_contact.twin()

    @returns(as_raw, "PUT", "/contact/{profile_id}/{key}", doc=f"{_DOC}/update-contact-field-60558")
    def update_contact_field(
        cls, profile_id: int, key: str, value: Any, *, client: ClientArg = None
    ) -> Call:
        """Change one field of a space contact: ``{"value": value}``; returns the body."""
        return Call(path={"profile_id": profile_id, "key": key}, json={"value": value})

    aupdate_contact_field = update_contact_field.twin()

    @returns(as_raw, "DELETE", "/contact/{profile_id}", doc=f"{_DOC}/delete-contact-s-60560")
    def delete_contact(cls, profile_ids: IdOrIds, *, client: ClientArg = None) -> Call:
        """Delete one space contact, or several at once (a list of profile ids)."""
        return Call(path={"profile_id": id_list(profile_ids, "profile_ids")})

    adelete_contact = delete_contact.twin()
