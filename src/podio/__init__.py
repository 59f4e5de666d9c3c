"""A typed Python client for the Podio API, sync and async.

    import podio

    podio.setup(api_key="...", api_secret="...")
    podio.client.authenticate_with_credentials("me@example.com", "secret")
    item = podio.Item.find(42)
    response = podio.connection.get("/item/42")

`podio.client` and `podio.connection` are the default client of the current thread or asyncio
task and its raw connection; both raise `ConfigurationError` until `podio.setup()` was called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._auth import FileTokenStore, MemoryTokenStore, OAuthToken, TokenStore
from ._bulk import BulkError, BulkResult
from ._client import DEFAULT_API_URL, DEFAULT_TIMEOUT, Client, Connection, format_path
from ._context import get_client, set_client, setup, with_client
from ._errors import (
    APIError,
    AuthorizationError,
    BadRequestError,
    ClientError,
    ConfigurationError,
    ConflictError,
    ForbiddenError,
    GoneError,
    InvalidGrantError,
    InvalidResponseError,
    InvalidSecondFactorError,
    Maintenance,
    MaintenanceError,
    NonceValidationError,
    NotFoundError,
    PaymentRequiredError,
    PodioConnectionError,
    PodioError,
    PodioTimeoutError,
    RateLimitError,
    RequestableAuthorizationError,
    SecondFactorRequired,
    ServerError,
    TokenExpired,
    TokenExpiredError,
    UnavailableError,
)
from ._logging import install_redaction as _install_redaction
from ._ratelimit import RateBudget
from ._response import RateLimit, Response
from ._retry import RetryPolicy, set_testing
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__
from .models import Model, operations
from .models._index import MODELS as _MODELS

if TYPE_CHECKING:
    from .fields import DateRange, FieldValueError, Money
    from .models.account_provider import AccountProvider
    from .models.action import Action
    from .models.activation_status import ActivationStatus
    from .models.activity import Activity
    from .models.answer import Answer
    from .models.app_store_category import AppStoreCategory
    from .models.app_store_share import AppStoreShare
    from .models.application import Application
    from .models.application_email import ApplicationEmail
    from .models.application_field import ApplicationField
    from .models.batch import Batch
    from .models.by_line import ByLine
    from .models.calendar_event import CalendarEvent
    from .models.calendar_mute import CalendarMute
    from .models.calendar_summary import CalendarSummary
    from .models.calendar_summary_group import CalendarSummaryGroup
    from .models.category import Category
    from .models.comment import Comment
    from .models.contact import Contact
    from .models.conversation import Conversation
    from .models.conversation_event import ConversationEvent
    from .models.conversation_message import ConversationMessage
    from .models.conversation_participant import ConversationParticipant
    from .models.email_contact import EmailContact
    from .models.email_subscription_setting import EmailSubscriptionSetting
    from .models.embed import Embed
    from .models.external_file import ExternalFile
    from .models.file_attachment import FileAttachment
    from .models.filter import Filter
    from .models.flow import Flow
    from .models.form import Form
    from .models.friend import Friend
    from .models.grant import Grant
    from .models.hook import Hook
    from .models.importer import Importer
    from .models.integration import Integration
    from .models.item import Item
    from .models.item_diff import ItemDiff
    from .models.item_field import ItemField
    from .models.item_revision import ItemRevision
    from .models.linked_account import LinkedAccount
    from .models.linked_account_data import LinkedAccountData
    from .models.notification import Notification
    from .models.notification_group import NotificationGroup
    from .models.o_auth import OAuth
    from .models.o_auth_client import OAuthClient
    from .models.o_auth_scope import OAuthScope
    from .models.organization import Organization
    from .models.organization_contact import OrganizationContact
    from .models.organization_member import OrganizationMember
    from .models.organization_membership import OrganizationMembership
    from .models.organization_profile import OrganizationProfile
    from .models.pin import Pin
    from .models.profile import Profile
    from .models.question import Question
    from .models.question_answer import QuestionAnswer
    from .models.question_option import QuestionOption
    from .models.rating import Rating
    from .models.recurrence import Recurrence
    from .models.reference import Reference
    from .models.reminder import Reminder
    from .models.search import Search
    from .models.space import Space
    from .models.space_contact import SpaceContact
    from .models.space_invitation import SpaceInvitation
    from .models.space_member import SpaceMember
    from .models.status import Status
    from .models.stream_activity_group import StreamActivityGroup
    from .models.stream_mute import StreamMute
    from .models.stream_object import StreamObject
    from .models.subscription import Subscription
    from .models.tag import Tag
    from .models.tag_search import TagSearch
    from .models.task import Task
    from .models.task_label import TaskLabel
    from .models.task_summary import TaskSummary
    from .models.task_summary_group import TaskSummaryGroup
    from .models.user import User
    from .models.user_mail import UserMail
    from .models.user_status import UserStatus
    from .models.via import Via
    from .models.view import View
    from .models.vote import Vote
    from .models.voting import Voting
    from .models.widget import Widget

    client: Client
    connection: Connection

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIError",
    "AccountProvider",
    "Action",
    "ActivationStatus",
    "Activity",
    "Answer",
    "AppStoreCategory",
    "AppStoreShare",
    "Application",
    "ApplicationEmail",
    "ApplicationField",
    "AuthorizationError",
    "BadRequestError",
    "Batch",
    "BulkError",
    "BulkResult",
    "ByLine",
    "CalendarEvent",
    "CalendarMute",
    "CalendarSummary",
    "CalendarSummaryGroup",
    "Category",
    "Client",
    "ClientError",
    "Comment",
    "ConfigurationError",
    "ConflictError",
    "Connection",
    "Contact",
    "Conversation",
    "ConversationEvent",
    "ConversationMessage",
    "ConversationParticipant",
    "DateRange",
    "EmailContact",
    "EmailSubscriptionSetting",
    "Embed",
    "ExternalFile",
    "FieldValueError",
    "FileAttachment",
    "FileTokenStore",
    "Filter",
    "Flow",
    "ForbiddenError",
    "Form",
    "Friend",
    "GoneError",
    "Grant",
    "Hook",
    "Importer",
    "Integration",
    "InvalidGrantError",
    "InvalidResponseError",
    "InvalidSecondFactorError",
    "Item",
    "ItemDiff",
    "ItemField",
    "ItemRevision",
    "LinkedAccount",
    "LinkedAccountData",
    "Maintenance",
    "MaintenanceError",
    "MemoryTokenStore",
    "Model",
    "Money",
    "NonceValidationError",
    "NotFoundError",
    "NotGiven",
    "Notification",
    "NotificationGroup",
    "OAuth",
    "OAuthClient",
    "OAuthScope",
    "OAuthToken",
    "Organization",
    "OrganizationContact",
    "OrganizationMember",
    "OrganizationMembership",
    "OrganizationProfile",
    "PaymentRequiredError",
    "Pin",
    "PodioConnectionError",
    "PodioError",
    "PodioTimeoutError",
    "Profile",
    "Question",
    "QuestionAnswer",
    "QuestionOption",
    "RateBudget",
    "RateLimit",
    "RateLimitError",
    "Rating",
    "Recurrence",
    "Reference",
    "Reminder",
    "RequestableAuthorizationError",
    "Response",
    "RetryPolicy",
    "Search",
    "SecondFactorRequired",
    "ServerError",
    "Space",
    "SpaceContact",
    "SpaceInvitation",
    "SpaceMember",
    "Status",
    "StreamActivityGroup",
    "StreamMute",
    "StreamObject",
    "Subscription",
    "Tag",
    "TagSearch",
    "Task",
    "TaskLabel",
    "TaskSummary",
    "TaskSummaryGroup",
    "TokenExpired",
    "TokenExpiredError",
    "TokenStore",
    "UnavailableError",
    "User",
    "UserMail",
    "UserStatus",
    "Via",
    "View",
    "Vote",
    "Voting",
    "Widget",
    "__version__",
    "format_path",
    "get_client",
    "operations",
    "set_client",
    "set_testing",
    "setup",
    "with_client",
]

# Models load on first use, like the Ruby gem's autoload: `import podio` stays cheap.
_LAZY: dict[str, str] = {name: f"podio.models.{module}" for name, module in _MODELS.items()}
# Field value types, from podio.fields (docs/fields.md), loaded on first use as well.
_LAZY.update(dict.fromkeys(("DateRange", "FieldValueError", "Money"), "podio.fields"))


def __getattr__(name: str) -> Any:
    if name == "client":
        return get_client()
    if name == "connection":
        return get_client().connection
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'podio' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_LAZY) | {"client", "connection"})


_install_redaction()

# Public objects report themselves as podio.X, not podio._client.X, in reprs and tracebacks.
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("podio._"):
        _obj.__module__ = "podio"
del _name, _obj
