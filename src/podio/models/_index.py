"""Which module defines each public model: `podio` imports them on first use."""

from __future__ import annotations

MODELS: dict[str, str] = {
    "AccountProvider": "account_provider",
    "ActivationStatus": "activation_status",
    "ApplicationEmail": "application_email",
    "ByLine": "by_line",
    "Contact": "contact",
    "EmailContact": "email_contact",
    "EmailSubscriptionSetting": "email_subscription_setting",
    "Friend": "friend",
    "OAuth": "o_auth",
    "OAuthClient": "o_auth_client",
    "OAuthScope": "o_auth_scope",
    "Organization": "organization",
    "OrganizationContact": "organization_contact",
    "OrganizationMember": "organization_member",
    "OrganizationMembership": "organization_membership",
    "OrganizationProfile": "organization_profile",
    "Profile": "profile",
    "Space": "space",
    "SpaceContact": "space_contact",
    "SpaceInvitation": "space_invitation",
    "SpaceMember": "space_member",
    "Status": "status",
    "User": "user",
    "UserMail": "user_mail",
    "UserStatus": "user_status",
    "Via": "via",
}
