"""User accounts: the current user, its profile, properties, settings, and account flows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import (
    Call,
    ClientArg,
    as_field,
    as_model,
    as_raw,
    as_status,
    member,
    members,
    returns,
)
from .contact import Contact
from .email_subscription_setting import EmailSubscriptionSetting
from .user_mail import UserMail

__all__ = ["User"]

_DOC = "https://developers.podio.com/doc/users"

# Podio serves the account flows below (sign-up, activation, password recovery) to trusted API
# clients, which call them with their own credentials instead of a user's token. The client
# sends its credentials (HTTP Basic) by itself whenever it has no user token, which is how
# these flows are used: before anyone is signed in.


def _as_is(value: Any) -> Any:
    return value


class User(Model):
    """A user account (objects.md, "User"); the current one is `User.current()`.

    `profile` holds the user's contact details, `mails` every address of the account.
    """

    _id_field = "user_id"

    user_id: int | None = None
    profile_id: int | None = None
    name: str | None = None
    mail: str | None = None
    mails: list[UserMail] | None = None
    domain: str | None = None
    status: str | None = None
    locale: str | None = None
    timezone: str | None = None
    type: str | None = None
    link: str | None = None
    avatar: int | None = None
    flags: list[str] | None = None
    created_on: DateTime | None = None
    activated_on: DateTime | None = None
    from_sharefile: bool | None = None
    is_partner: bool | None = None
    profile: Contact | None = None
    # Only sent when changing the account (never shown by repr):
    password: str | None = None
    old_password: str | None = None
    new_password: str | None = None
    # Only settable on creation:
    landing: str | None = None
    referrer: str | None = None
    internal: dict[str, Any] | None = None

    def __repr_args__(self) -> Any:
        # The base hides "password" but not its two siblings: keep every password out of reprs.
        for key, value in super().__repr_args__():
            if "password" not in key:
                yield key, value

    # -- the current user --------------------------------------------------------------------------

    @member("GET", "/user/", doc=f"{_DOC}/get-user-22378")
    def current(cls, *, client: ClientArg = None) -> Call:
        """The user the client is signed in as."""
        return Call()

    acurrent = current.twin()

    @returns(as_status, "PUT", "/user/")
    def update(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Change the current user's account: ``{"mail", "locale", "timezone", ...}``.

        Changing the mail address or the password takes ``old_password`` (and ``new_password``).
        Returns the HTTP status.
        """
        return Call(json=dict(attributes))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/user/")
    def delete(cls, *, client: ClientArg = None) -> Call:
        """Delete the current user's account; returns the HTTP status."""
        return Call()

    adelete = delete.twin()

    @members(
        "GET",
        "/org/{org_id}/admin/",
        doc="https://developers.podio.com/doc/organizations/get-organization-admins-81542",
    )
    def find_all_admins_for_org(cls, org_id: int, *, client: ClientArg = None) -> Call:
        """The administrators of an organization."""
        return Call(path={"org_id": org_id})

    afind_all_admins_for_org = find_all_admins_for_org.twin()

    # -- profile -----------------------------------------------------------------------------------

    @returns(as_status, "PUT", "/user/profile/", doc=f"{_DOC}/update-profile-22402")
    def update_profile(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Change fields of the current user's profile (``{"name": ..., "title": [...]}``).

        Fields left out stay as they are; a field set to ``None`` is cleared. Returns the HTTP
        status.
        """
        return Call(json=dict(attributes))

    aupdate_profile = update_profile.twin()

    @returns(as_raw, "GET", "/user/profile/{key}", doc=f"{_DOC}/get-profile-field-22380")
    def get_profile_field(cls, key: str, *, client: ClientArg = None) -> Call:
        """The values of one field of the current user's profile (``"mail"``...), a list."""
        return Call(path={"key": key})

    aget_profile_field = get_profile_field.twin()

    @returns(as_status, "PUT", "/user/profile/{key}", doc=f"{_DOC}/update-profile-field-22500")
    def update_profile_field(cls, key: str, value: Any, *, client: ClientArg = None) -> Call:
        """Set one field of the current user's profile to `value` (a value or a list).

        Returns the HTTP status.
        """
        return Call(path={"key": key}, json={"value": value})

    aupdate_profile_field = update_profile_field.twin()

    # -- properties (per API client) -------------------------------------------------------------

    @returns(as_field("value", _as_is), "GET", "/user/property/{name}")
    def get_property(cls, name: str, *, client: ClientArg = None) -> Call:
        """The value of a property this API client stored on the current user."""
        return Call(path={"name": name})

    aget_property = get_property.twin()

    @returns(as_raw, "GET", "/user/property/{name}", doc=f"{_DOC}/get-user-property-29798")
    def get_property_hash(cls, name: str, *, client: ClientArg = None) -> Call:
        """A property as Podio stores it, ``{"value": ...}``."""
        return Call(path={"name": name})

    aget_property_hash = get_property_hash.twin()

    @returns(as_status, "PUT", "/user/property/{name}", doc=f"{_DOC}/set-user-property-29799")
    def set_property(cls, name: str, value: Any, *, client: ClientArg = None) -> Call:
        """Store `value` as a property of the current user (``{"value": value}``).

        Properties are private to the API client that stores them. Returns the HTTP status.
        """
        return Call(path={"name": name}, json={"value": value})

    aset_property = set_property.twin()

    @returns(as_status, "PUT", "/user/property/{name}", doc=f"{_DOC}/set-user-property-29799")
    def set_property_hash(
        cls, name: str, data: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Store a property as a whole object (``{"value": ...}`` and any other keys).

        Returns the HTTP status.
        """
        return Call(path={"name": name}, json=dict(data))

    aset_property_hash = set_property_hash.twin()

    @returns(as_raw, "PUT", "/user/property/", doc=f"{_DOC}/set-user-properties-9052829")
    def set_properties(cls, properties: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Store several properties at once: ``{name: {"value": ...}, ...}``."""
        return Call(json=dict(properties))

    aset_properties = set_properties.twin()

    @returns(as_status, "DELETE", "/user/property/{name}", doc=f"{_DOC}/delete-user-property-29800")
    def remove_property(cls, name: str, *, client: ClientArg = None) -> Call:
        """Delete a property of the current user; returns the HTTP status."""
        return Call(path={"name": name})

    aremove_property = remove_property.twin()

    # -- notification settings -------------------------------------------------------------------

    @returns(
        as_field("value", bool),
        "GET",
        "/user/setting/{client_type}/{notification_type}",
        doc=f"{_DOC}/get-notification-setting-3649859",
    )
    def get_notification_setting(
        cls, client_type: str, notification_type: str, *, client: ClientArg = None
    ) -> Call:
        """Whether the current user gets one kind of notification (``"digest"``, ``"message"``,
        ``"reminder"``...) on a channel (`client_type` ``"email"`` or ``"mobile"``)."""
        return Call(path={"client_type": client_type, "notification_type": notification_type})

    aget_notification_setting = get_notification_setting.twin()

    @returns(
        as_status,
        "PUT",
        "/user/setting/{client_type}/{notification_type}",
        doc=f"{_DOC}/update-notification-setting-3649918",
    )
    def update_notification_setting(
        cls, client_type: str, notification_type: str, value: bool, *, client: ClientArg = None
    ) -> Call:
        """Switch one kind of notification on or off for a channel; returns the HTTP status."""
        return Call(
            path={"client_type": client_type, "notification_type": notification_type},
            json={"value": value},
        )

    aupdate_notification_setting = update_notification_setting.twin()

    @returns(
        as_model(EmailSubscriptionSetting),
        "GET",
        "/user/setting/{client_type}/",
        doc=f"{_DOC}/get-notification-setting-3649859",
    )
    def get_notification_settings(cls, client_type: str, *, client: ClientArg = None) -> Call:
        """Every notification switch of the current user for a channel (``"email"`` or
        ``"mobile"``)."""
        return Call(path={"client_type": client_type})

    aget_notification_settings = get_notification_settings.twin()

    @returns(
        as_status,
        "PUT",
        "/user/setting/{client_type}/",
        doc=f"{_DOC}/update-notification-settings-3649927",
    )
    def update_notification_settings(
        cls, client_type: str, settings: Mapping[str, bool], *, client: ClientArg = None
    ) -> Call:
        """Switch several kinds of notification for a channel: ``{"digest": False, ...}``.

        Returns the HTTP status.
        """
        return Call(path={"client_type": client_type}, json=dict(settings))

    aupdate_notification_settings = update_notification_settings.twin()

    # -- sign-up, activation, recovery -------------------------------------------------------------

    @member("POST", "/user/")
    def create(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Sign up a new user (``{"mail", "password", "name", "locale", "timezone", ...}``).

        A trusted-client call. Returns the new user (the Ruby gem returns only its id, which is
        `user_id` here).
        """
        return Call(basic_auth=True, json=dict(attributes))

    acreate = create.twin()

    @member("POST", "/user/inactive/")
    def create_inactive(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Create an account that is activated later (``{"mail", "name", ...}``).

        A trusted-client call. Returns the new user, its id in `user_id`.
        """
        return Call(basic_auth=True, json=dict(attributes))

    acreate_inactive = create_inactive.twin()

    @member("POST", "/user/activate_user")
    def activate(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Activate an account with its activation code (``{"activation_code", "password",
        "name", ...}``); returns the user. A trusted-client call."""
        return Call(basic_auth=True, json=dict(attributes))

    aactivate = activate.twin()

    @returns(as_raw, "POST", "/user/mail_verification/")
    def mail_verification(cls, attributes: Mapping[str, Any], *, client: ClientArg = None) -> Call:
        """Send a verification mail to one of the current user's addresses (``{"mail": ...}``)."""
        return Call(json=dict(attributes))

    amail_verification = mail_verification.twin()

    @returns(as_status, "POST", "/user/mail_verification/{verification_code}")
    def verify(cls, verification_code: str, *, client: ClientArg = None) -> Call:
        """Confirm an address with the code from the verification mail; returns the status."""
        return Call(path={"verification_code": verification_code})

    averify = verify.twin()

    @returns(as_status, "POST", "/user/recover_password")
    def recover(cls, mail: str, *, client: ClientArg = None) -> Call:
        """Mail a password recovery link to an address; returns the HTTP status.

        A trusted-client call.
        """
        return Call(basic_auth=True, json={"mail": mail})

    arecover = recover.twin()

    @returns(as_raw, "POST", "/user/reset_password")
    def reset(cls, password: str, recovery_code: str, *, client: ClientArg = None) -> Call:
        """Set a new password with the code from the recovery mail; returns Podio's answer.

        A trusted-client call.
        """
        return Call(basic_auth=True, json={"password": password, "recovery_code": recovery_code})

    areset = reset.twin()

    @returns(as_status, "POST", "/user/resend_signup_email")
    def resend_signup_email(cls, mail: str, *, client: ClientArg = None) -> Call:
        """Send the sign-up mail of an account again; returns the HTTP status."""
        return Call(json={"mail": mail})

    aresend_signup_email = resend_signup_email.twin()

    @returns(as_status, "POST", "/user/merge")
    def merge(cls, activation_code: str, *, client: ClientArg = None) -> Call:
        """Merge the account an activation code belongs to into the current user's.

        Returns the HTTP status.
        """
        return Call(json={"activation_code": activation_code})

    amerge = merge.twin()

    # -- account details ---------------------------------------------------------------------------

    @returns(as_field("requestable", bool), "GET", "/user/request_call")
    def can_request_call(cls, *, client: ClientArg = None) -> Call:
        """Whether the current user may ask Podio's sales team for a call."""
        return Call()

    acan_request_call = can_request_call.twin()

    @returns(as_status, "POST", "/user/request_call")
    def request_call(cls, *, client: ClientArg = None) -> Call:
        """Ask Podio's sales team for a call; returns the HTTP status."""
        return Call()

    arequest_call = request_call.twin()

    @returns(as_raw, "GET", "/user/sales_agent")
    def get_sales_agent_profile(cls, *, client: ClientArg = None) -> Call:
        """The profile of the current user's sales agent at Podio."""
        return Call()

    aget_sales_agent_profile = get_sales_agent_profile.twin()

    @returns(as_raw, "GET", "/user/source")
    def internal_source(cls, *, client: ClientArg = None) -> Call:
        """The current user's sign-up source, as Podio recorded it."""
        return Call()

    ainternal_source = internal_source.twin()

    @returns(as_raw, "GET", "/user/source/tier")
    def source_tier(cls, *, client: ClientArg = None) -> Call:
        """The tier the current user signed up for."""
        return Call()

    asource_tier = source_tier.twin()
