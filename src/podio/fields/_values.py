"""Python types for the values of Podio item fields.

Each class is a small frozen value object: hashable, comparable with ``==``, safe to put in a
set or use as a dict key. Objects that Podio identifies by an id (a category option, a
referenced item, a contact, a file, an embed) compare by that id only: the descriptive
attributes (a title, a name) are what Podio showed at the time and may change without the
reference changing. Values without an id (money, dates, locations, typed e-mail addresses)
compare by every attribute.

Every ``from_api`` classmethod reads one element of a field's ``values`` list as Podio sends it
(fields.md §3) and keeps the whole object in ``data`` for keys this library does not type.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from .._serialization import UTC

__all__ = [
    "CategoryOption",
    "DateRange",
    "EmbedRef",
    "FileRef",
    "ItemRef",
    "Location",
    "Money",
    "ProfileRef",
    "TypedValue",
    "exact_context",
    "format_amount",
    "to_decimal",
]

_CENTS = Decimal("0.01")


def to_decimal(value: Any) -> Decimal:
    """An exact `Decimal` from an int, a Decimal or a numeric string with ``.`` decimals.

    Floats are refused here: their binary value is not the amount a person typed
    (``0.1 + 0.2``); the number-field writer accepts them separately through ``repr``.
    Raises `TypeError` for other types and `ValueError` for text that is not a finite number
    (``"1,5"``, ``"NaN"``, ``"Infinity"``).
    """
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise TypeError(f"expected an int, a Decimal or a numeric str, got {type(value).__name__}")
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number (use '.' as decimal separator)") from None
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def exact_context(value: Decimal, places: int = 0) -> Context:
    """A decimal context in which `value` normalises or rounds to `places` decimals exactly.

    The default context keeps 28 digits: past that, ``normalize`` silently rounds (two
    different amounts then compare equal) and ``quantize`` raises `InvalidOperation`.
    """
    context = Context(rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)
    context.prec = max(28, len(value.as_tuple().digits), value.adjusted() + places + 2)
    return context


def format_amount(amount: Decimal) -> str:
    """An amount for people and CSV files: at least two decimals, no trailing zeros beyond.

    ``1200.5`` -> ``"1200.50"``, ``541.9870`` -> ``"541.987"``, ``100.0000`` -> ``"100.00"``.
    No thousands separator and ``.`` as decimal point, so the text reads the same in every
    locale and parses back with `Decimal`.
    """
    normalized = amount.normalize(exact_context(amount))
    exponent = normalized.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return format(amount.quantize(_CENTS, context=exact_context(amount, 2)), "f")
    return format(normalized, "f")


@dataclass(frozen=True, eq=True, order=False)
class Money:
    """An amount of money in one currency: ``Money("1200.50", "EUR")``.

    `amount` accepts an int, a `Decimal` or a numeric string and is kept as an exact `Decimal`;
    floats are refused because they cannot hold cents exactly. `currency` is an ISO 4217 code,
    upper-cased. Money has no arithmetic, but amounts of the same currency order with ``<``;
    comparing the order of different currencies raises `TypeError`. ``Money("1.5", "EUR") ==
    Money("1.50", "EUR")``.

    ``str(money)`` is the display form ``"1200.50 EUR"`` (see `format_amount`).
    """

    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal | int | str, currency: str) -> None:
        try:
            number = to_decimal(amount)
        except TypeError:
            raise TypeError(
                f"Money amount must be an int, a Decimal or a numeric str, not "
                f"{type(amount).__name__} (floats cannot hold cents exactly)"
            ) from None
        if not isinstance(currency, str) or not currency.strip():
            raise ValueError(f"Money currency must be a currency code such as 'EUR': {currency!r}")
        code = currency.strip().upper()
        if len(code) != 3 or not code.isalpha() or not code.isascii():
            raise ValueError(f"Money currency must be a three-letter ISO 4217 code: {currency!r}")
        object.__setattr__(self, "amount", number)
        object.__setattr__(self, "currency", code)

    @classmethod
    def from_api(cls, element: Mapping[str, Any]) -> Money:
        """Read ``{"value": "541.9870", "currency": "EUR"}``."""
        return cls(_number_text(element.get("value")), str(element.get("currency")))

    def __repr__(self) -> str:
        return f"Money({format(self.amount, 'f')!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{format_amount(self.amount)} {self.currency}"

    def _same_currency(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot order Money and {type(other).__name__}")
        if other.currency != self.currency:
            raise TypeError(f"cannot order {self.currency} and {other.currency} amounts")
        return other

    def __lt__(self, other: object) -> bool:
        return self.amount < self._same_currency(other).amount

    def __le__(self, other: object) -> bool:
        return self.amount <= self._same_currency(other).amount

    def __gt__(self, other: object) -> bool:
        return self.amount > self._same_currency(other).amount

    def __ge__(self, other: object) -> bool:
        return self.amount >= self._same_currency(other).amount


def _number_text(value: Any) -> str | int | Decimal:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        return value
    raise ValueError(f"expected a number, got {value!r}")


DateOrTime = _dt.date | _dt.datetime


@dataclass(frozen=True)
class DateRange:
    """The value of a date field: a start and an optional end.

    For a value with a time of day, `start` and `end` are aware datetimes in UTC and
    `start_local` / `end_local` are the naive wall-clock datetimes Podio shows the current user
    (in that user's time zone, conventions.md §3). For an all-day value, all four are
    `datetime.date` objects and `all_day` is true.

    You may build one from aware datetimes (any zone; they are converted to UTC), from dates,
    or from naive datetimes. A naive datetime means wall-clock time in the Podio user's zone;
    it stays naive in `start` (the instant is unknown until Podio answers) and is written to
    Podio as local time, never shifted.

    Two ranges are equal when their `start` and `end` are; the local forms only present the
    same instants in the user's zone and are left out of the comparison.
    """

    start: _dt.date
    end: _dt.date | None = None
    start_local: _dt.date | None = field(default=None, compare=False)
    end_local: _dt.date | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        start = _utc_or_naive(self.start, "start")
        end = _utc_or_naive(self.end, "end") if self.end is not None else None
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        if self.start_local is None and _is_local(start):
            object.__setattr__(self, "start_local", start)
        if self.end_local is None and end is not None and _is_local(end):
            object.__setattr__(self, "end_local", end)

    @property
    def all_day(self) -> bool:
        """True when the value has no time of day (dates only)."""
        return not isinstance(self.start, _dt.datetime)

    @property
    def local_only(self) -> bool:
        """True when the start is a naive local datetime whose instant is not known yet."""
        return isinstance(self.start, _dt.datetime) and self.start.tzinfo is None

    def __str__(self) -> str:
        text = _show(self.start_local if self.start_local is not None else self.start)
        if self.end is not None:
            end = self.end_local if self.end_local is not None else self.end
            text = f"{text} - {_show(end)}"
        return text


def _utc_or_naive(value: Any, name: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.astimezone(UTC) if value.tzinfo is not None else value
    if isinstance(value, _dt.date):
        return value
    raise TypeError(f"DateRange {name} must be a date or a datetime, not {type(value).__name__}")


def _is_local(value: _dt.date) -> bool:
    """Dates are the same everywhere; naive datetimes are local wall-clock times."""
    return not isinstance(value, _dt.datetime) or value.tzinfo is None


def _show(value: _dt.date) -> str:
    """``2026-12-01 14:00`` (seconds when not zero), ``2026-12-01`` for dates; UTC is marked."""
    if not isinstance(value, _dt.datetime):
        return value.isoformat()
    text = value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    return f"{text} UTC" if value.tzinfo is not None else text


@dataclass(frozen=True)
class CategoryOption:
    """One option of a category (or legacy question) field; equal when the ids are."""

    id: int
    text: str | None = field(default=None, compare=False)
    color: str | None = field(default=None, compare=False)
    status: str | None = field(default=None, compare=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> CategoryOption:
        """Read ``{"id": 2, "text": "B", "status": "active", "color": "DCEBD8"}``."""
        return cls(
            id=_required_int(data, "id"),
            text=_opt_str(data.get("text")),
            color=_opt_str(data.get("color")),
            status=_opt_str(data.get("status")),
        )

    @property
    def active(self) -> bool:
        return self.status in (None, "active")

    def __str__(self) -> str:
        return self.text if self.text is not None else f"option {self.id}"


@dataclass(frozen=True)
class ItemRef:
    """A referenced item (relationship field), as the item "mini" Podio embeds.

    Equal when the `item_id` is. `data` keeps the whole object (``app``, ``space``,
    ``initial_revision``, ...).
    """

    item_id: int
    title: str | None = field(default=None, compare=False)
    app_id: int | None = field(default=None, compare=False)
    app_name: str | None = field(default=None, compare=False)
    app_item_id: int | None = field(default=None, compare=False)
    space_id: int | None = field(default=None, compare=False)
    link: str | None = field(default=None, compare=False)
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> ItemRef:
        app = as_mapping(data.get("app"))
        space = as_mapping(data.get("space"))
        return cls(
            item_id=_required_int(data, "item_id"),
            title=_opt_str(data.get("title")),
            app_id=_opt_int(app.get("app_id")),
            app_name=_opt_str(app.get("name")),
            app_item_id=_opt_int(data.get("app_item_id")),
            space_id=_opt_int(space.get("space_id") or app.get("space_id")),
            link=_opt_str(data.get("link")),
            data=dict(data),
        )

    def __str__(self) -> str:
        return self.title if self.title is not None else f"item {self.item_id}"


@dataclass(frozen=True)
class ProfileRef:
    """A contact (a user's profile or a space contact), or a legacy member (a user id).

    Equal when the `profile_id` is; profiles known only by `user_id` (legacy member fields)
    compare by that. `mail` and `phone` are tuples of what the profile shows. `type` is
    ``"user"`` or ``"space"`` (a space contact, whose `user_id` is None).
    """

    profile_id: int | None = None
    user_id: int | None = None
    name: str | None = None
    type: str | None = None
    mail: tuple[str, ...] = ()
    phone: tuple[str, ...] = ()
    space_id: int | None = None
    link: str | None = None
    avatar: int | None = None
    data: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> ProfileRef:
        if data.get("profile_id") is None and data.get("user_id") is None:
            raise ValueError("a profile without profile_id and user_id")
        return cls(
            profile_id=_opt_int(data.get("profile_id")),
            user_id=_opt_int(data.get("user_id")),
            name=_opt_str(data.get("name")),
            type=_opt_str(data.get("type")),
            mail=_str_tuple(data.get("mail")),
            phone=_str_tuple(data.get("phone")),
            space_id=_opt_int(data.get("space_id")),
            link=_opt_str(data.get("link")),
            avatar=_opt_int(data.get("avatar")),
            data=dict(data),
        )

    def _key(self) -> tuple[str, int | None]:
        if self.profile_id is not None:
            return ("profile", self.profile_id)
        return ("user", self.user_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ProfileRef):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        if self.name is not None:
            return self.name
        if self.profile_id is not None:
            return f"profile {self.profile_id}"
        return f"user {self.user_id}"


@dataclass(frozen=True)
class FileRef:
    """A file in an image, file or video field; equal when the `file_id` is."""

    file_id: int
    name: str | None = field(default=None, compare=False)
    mimetype: str | None = field(default=None, compare=False)
    size: int | None = field(default=None, compare=False)
    link: str | None = field(default=None, compare=False)
    thumbnail_link: str | None = field(default=None, compare=False)
    perma_link: str | None = field(default=None, compare=False)
    description: str | None = field(default=None, compare=False)
    hosted_by: str | None = field(default=None, compare=False)
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> FileRef:
        return cls(
            file_id=_required_int(data, "file_id"),
            name=_opt_str(data.get("name")),
            mimetype=_opt_str(data.get("mimetype")),
            size=_opt_int(data.get("size")),
            link=_opt_str(data.get("link")),
            thumbnail_link=_opt_str(data.get("thumbnail_link")),
            perma_link=_opt_str(data.get("perma_link")),
            description=_opt_str(data.get("description")),
            hosted_by=_opt_str(data.get("hosted_by")),
            data=dict(data),
        )

    def __str__(self) -> str:
        return self.name if self.name is not None else f"file {self.file_id}"


@dataclass(frozen=True)
class EmbedRef:
    """A link (embed field): the resolved embed and, when Podio made one, a thumbnail file.

    Equal when the `embed_id` is; an embed not created yet (only a `url`, to be resolved by
    Podio) compares by its url.
    """

    embed_id: int | None = None
    url: str | None = None
    original_url: str | None = None
    resolved_url: str | None = None
    title: str | None = None
    description: str | None = None
    type: str | None = None
    hostname: str | None = None
    file: FileRef | None = None
    data: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_api(cls, element: Mapping[str, Any]) -> EmbedRef:
        """Read ``{"embed": {...}, "file": {...} | null}``."""
        embed = element.get("embed")
        if isinstance(embed, int) and not isinstance(embed, bool):
            embed = {"embed_id": embed}
        if not isinstance(embed, Mapping):
            raise ValueError("an embed value without an embed object")
        file = element.get("file")
        if isinstance(file, int) and not isinstance(file, bool):
            file = {"file_id": file}
        return cls(
            embed_id=_opt_int(embed.get("embed_id")),
            url=_opt_str(embed.get("url")),
            original_url=_opt_str(embed.get("original_url")),
            resolved_url=_opt_str(embed.get("resolved_url")),
            title=_opt_str(embed.get("title")),
            description=_opt_str(embed.get("description")),
            type=_opt_str(embed.get("type")),
            hostname=_opt_str(embed.get("hostname")),
            file=FileRef.from_api(file) if isinstance(file, Mapping) else None,
            data=dict(element),
        )

    def _key(self) -> tuple[str, object]:
        if self.embed_id is not None:
            return ("embed", self.embed_id)
        return ("url", self.url or self.original_url)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EmbedRef):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        url = self.url or self.resolved_url or self.original_url
        return url if url is not None else f"embed {self.embed_id}"


@dataclass(frozen=True)
class Location:
    """A location: what was typed (`value`) and, for geocoded values, the resolved parts.

    Old location fields send only `value`; every other attribute is then None.
    """

    value: str | None = None
    formatted: str | None = None
    street_address: str | None = None
    street_number: str | None = None
    street_name: str | None = None
    postal_code: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    lat: float | None = None
    lng: float | None = None
    map_in_sync: bool | None = None

    @classmethod
    def from_api(cls, element: Mapping[str, Any]) -> Location:
        return cls(
            value=_opt_str(element.get("value")),
            formatted=_opt_str(element.get("formatted")),
            street_address=_opt_str(element.get("street_address")),
            street_number=_opt_str(element.get("street_number")),
            street_name=_opt_str(element.get("street_name")),
            postal_code=_opt_str(element.get("postal_code")),
            city=_opt_str(element.get("city")),
            state=_opt_str(element.get("state")),
            country=_opt_str(element.get("country")),
            lat=_opt_float(element.get("lat")),
            lng=_opt_float(element.get("lng")),
            map_in_sync=element.get("map_in_sync")
            if isinstance(element.get("map_in_sync"), bool)
            else None,
        )

    def __str__(self) -> str:
        if self.formatted:
            return self.formatted
        if self.value:
            return self.value
        if self.lat is not None and self.lng is not None:
            return f"{self.lat}, {self.lng}"
        return ""


@dataclass(frozen=True)
class TypedValue:
    """An e-mail address or phone number with its kind: ``TypedValue("work", "a@b.com")``."""

    type: str
    value: str

    @classmethod
    def from_api(cls, element: Mapping[str, Any]) -> TypedValue:
        value = element.get("value")
        if not isinstance(value, str):
            raise ValueError(f"expected a string value, got {value!r}")
        return cls(type=str(element.get("type") or "other"), value=value)

    def __str__(self) -> str:
        return self.value


# -- lenient readers of Podio's JSON ---------------------------------------------------------


def as_mapping(value: Any) -> Mapping[str, Any]:
    """`value` when it is a JSON object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def _required_int(data: Mapping[str, Any], key: str) -> int:
    value = _opt_int(data.get(key))
    if value is None:
        raise ValueError(f"missing {key!r}")
    return value


def _opt_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _opt_float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _str_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(item) for item in value if item is not None)
    return ()
