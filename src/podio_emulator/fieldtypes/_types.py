"""One class per app field type: settings, write parsing, stored form, read rendering.

Each :class:`FieldType` knows, for its type (``fields.md`` §3):

* the settings Podio shows and their defaults (:meth:`FieldType.normalize_settings`);
* how one written element (already turned into an object) becomes its stored form
  (:meth:`FieldType.parse`), refusing bad input with Podio's ``invalid_value``;
* how a stored element is rendered in item bodies (:meth:`FieldType.render`);
* what filters, sorting, calculations and search see of it.

Stored elements are small JSON objects holding ids and scalars only; everything that belongs
to another object (an item mini, a profile, a file) is looked up at render time through the
:class:`~podio_emulator.fieldtypes.Resolver`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

from ._calc import CalcDate, CalcError, CalcUnsupported, Script, parse_script
from ._dates import date_bounds, parse_date_value, render_date_value
from ._errors import InvalidValue
from ._model import AppField, Context, Resolver

__all__ = [
    "FIELD_TYPES",
    "DefinitionContext",
    "FieldType",
    "field_type",
    "format_amount",
]

FOUR_PLACES = Decimal("0.0001")
DEFAULT_COLOR = "DCEBD8"
MAX_CATEGORY_OPTIONS = 200  # limits.md §3 (help-center limits)
MAX_APP_REFERENCES = 250  # limits.md §3
_HEX_COLOR = re.compile(r"^#?[0-9A-Fa-f]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")

# Keys of a file object shown inside image/file/video values (samples/item-get-all-fields.json)
FILE_VALUE_KEYS = (
    "file_id", "name", "mimetype", "size", "link", "thumbnail_link", "perma_link",
    "hosted_by", "hosted_by_humanized_name", "description", "external_file_id", "link_target",
)  # fmt: skip
# Keys of the file mini inside embed values
FILE_MINI_KEYS = (
    "file_id", "link", "thumbnail_link", "hosted_by", "hosted_by_humanized_name",
    "external_file_id", "link_target",
)  # fmt: skip
EMBED_KEYS = (
    "embed_id", "original_url", "resolved_url", "url", "hostname", "type", "title",
    "description", "embed_html", "embed_width", "embed_height",
)  # fmt: skip
LOCATION_KEYS = (
    "value", "formatted", "street_address", "city", "state", "postal_code", "country",
    "lat", "lng", "map_in_sync",
)  # fmt: skip
LOCATION_OPTIONAL_KEYS = ("street_number", "street_name")


def format_amount(value: Decimal | float | int) -> str:
    """Podio's amount form: a string with exactly four decimals (``"6513.5100"``)."""
    return format(Decimal(str(value)).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP), "f")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integral(value: Any) -> int | None:
    """An int from a JSON integer or an integral float; ``None`` otherwise."""
    if _is_int(value):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidValue.of(value, "must be number")
    text = value.strip() if isinstance(value, str) else repr(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidValue.of(value, "must be number") from None
    if not number.is_finite():
        raise InvalidValue.of(value, "must be number")
    if abs(number) >= Decimal("1e15"):
        raise InvalidValue.of(value, "must not be greater than 999999999999999")
    return number


def _bool_setting(settings: Mapping[str, Any], key: str, default: bool) -> bool:
    value = settings.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise InvalidValue.of(value, "must be boolean")
    return value


def _choice_setting(
    settings: Mapping[str, Any], key: str, choices: Sequence[str], default: str
) -> str:
    value = settings.get(key, default)
    if value is None:
        return default
    if value not in choices:
        raise InvalidValue.of(value, "must be one of " + ", ".join(choices))
    return str(value)


def _string_list(value: Any, *, allowed: Sequence[str] | None = None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidValue.of(value, "must be array of strings")
    if allowed is not None:
        for item in value:
            if item not in allowed:
                raise InvalidValue.of(item, "must be one of " + ", ".join(allowed))
    return list(dict.fromkeys(value))


def _id_of(value: Any, *keys: str) -> Any:
    """Accept a bare id, or a read-shape object carrying the id under one of ``keys``.

    Clients often send back what they read (``{"value": {"id": 2, "text": "B", ...}}``), so
    the object form is taken as the id it holds.
    """
    if isinstance(value, Mapping):
        for key in keys:
            if key in value:
                return value[key]
    return value


def _project(obj: Mapping[str, Any] | None, keys: Sequence[str]) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {key: copy.deepcopy(obj.get(key)) for key in keys}


@dataclass
class DefinitionContext:
    """What validating a field definition needs to know about its surroundings."""

    resolver: Resolver
    fields: Sequence[AppField] = ()  # the other fields of the app, any status
    field_id: int | None = None  # the field being defined, once it has an id
    app_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class FieldType:
    """Behaviour shared by every type; subclasses override what differs.

    ``primary`` is the sub_id a plain written value goes to (``fields.md`` §2.3).
    ``many`` says whether a field may hold several values (may depend on settings).
    ``filter_kind`` is ``ids`` (lists of ids with ``null`` for unset), ``range``
    (``{"from", "to"}``), ``text`` (substring match) or ``None`` (not filterable).
    """

    name: str = ""
    primary: ClassVar[str] = "value"
    read_only: ClassVar[bool] = False
    filter_kind: ClassVar[str | None] = None
    sortable: ClassVar[bool] = False
    null_settings: ClassVar[bool] = False

    # --- settings ------------------------------------------------------------------------

    def default_settings(self) -> dict[str, Any] | None:
        return None if self.null_settings else {}

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        """Validate written settings and fill Podio's defaults.

        ``previous`` holds the settings before an update (``None`` on create); keys not
        given keep their previous value. Unknown keys are kept as written.
        """
        if self.null_settings:
            return None
        if raw is not None and not isinstance(raw, Mapping):
            raise InvalidValue.of(raw, "must be object")
        merged: dict[str, Any] = dict(self.default_settings() or {})
        if previous:
            merged.update(copy.deepcopy(dict(previous)))
        if raw:
            merged.update(copy.deepcopy(dict(raw)))
        return self.check_settings(merged, previous, dctx)

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        return settings

    def render_settings(
        self, settings: dict[str, Any] | None, ctx: Context, *, full: bool
    ) -> dict[str, Any] | None:
        """Settings as shown in bodies; ``full`` views may expand ids into objects."""
        return copy.deepcopy(settings)

    # --- values ----------------------------------------------------------------------------

    def many(self, fld: AppField) -> bool:
        return True

    def element(self, raw: Any) -> Mapping[str, Any]:
        """Turn one written element into its object form (plain value -> primary sub_id)."""
        if isinstance(raw, Mapping):
            return raw
        return {self.primary: raw}

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        """The stored form of one element; ``None`` means "no value" (e.g. an empty text)."""
        raise NotImplementedError

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        """The read form of one stored element; ``None`` drops it (referenced object gone)."""
        return copy.deepcopy(dict(stored))

    # --- what other features see -----------------------------------------------------------

    def match_id(self, stored: Mapping[str, Any]) -> Any:
        """The id an ``ids`` filter compares with."""
        return stored.get("value")

    def numeric(self, stored: Mapping[str, Any]) -> float | None:
        """The number a ``range`` filter, a sort or an aggregate uses."""
        return None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        """The text of one element for text filters, search and calculation tokens."""
        value = stored.get("value")
        return value if isinstance(value, str) else ""

    def sort_key(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        """A comparable key of a field's values (``None`` when empty)."""
        if not values:
            return None
        number = self.numeric(values[0])
        if number is not None:
            return number
        return self.text(fld, values[0], ctx).lower()

    def token(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        """The value of an ``@[Label](field_<id>)`` token in a calculation script."""
        if not values:
            return None
        number = self.numeric(values[0])
        if number is not None:
            return number
        texts = [self.text(fld, v, ctx) for v in values]
        return ", ".join(t for t in texts if t)

    def searchable(self) -> bool:
        return False


# -------------------------------------------------------------------------------------------
# Scalars


class TextType(FieldType):
    name = "text"
    filter_kind = "text"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"size": "small", "format": "plain"}

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        if raw is not None and not isinstance(raw, Mapping):
            raise InvalidValue.of(raw, "must be object")
        base = dict(previous or {})
        base.update(dict(raw or {}))
        size = _choice_setting(base, "size", ("small", "large"), "small")
        # A new multi-line field formats as html, as the captured "Text" field shows.
        default_format = "html" if size == "large" else "plain"
        fmt = _choice_setting(base, "format", ("plain", "markdown", "html"), default_format)
        base.update(size=size, format=fmt)
        return base

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if not isinstance(value, str):
            raise InvalidValue.of(value, "must be string")
        if value.strip() == "":
            return None
        return {"value": value}

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        value = stored.get("value")
        if not isinstance(value, str):
            return ""
        if fld.settings.get("format") == "html":
            return strip_html(value)
        return value

    def searchable(self) -> bool:
        return True


_TAG_RE = re.compile(r"<[^>]+>")


def strip_html(value: str) -> str:
    """Text of an html value, for titles and search (entities beyond &amp; &lt; &gt; kept)."""
    text = _TAG_RE.sub(" ", value)
    text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
    text = text.replace("&amp;", "&")
    return " ".join(text.split())


class NumberType(FieldType):
    name = "number"
    filter_kind = "range"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"decimals": 0}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        decimals = settings.get("decimals")
        if decimals is not None and (_integral(decimals) is None or not 0 <= decimals <= 10):
            raise InvalidValue.of(decimals, "must be integer between 0 and 10")
        return settings

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        return {"value": format_amount(_decimal(value))}

    def numeric(self, stored: Mapping[str, Any]) -> float | None:
        value = stored.get("value")
        return float(value) if value is not None else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        value = stored.get("value")
        if value is None:
            return ""
        return _plain_number(Decimal(str(value)))

    def searchable(self) -> bool:
        return True


def _plain_number(number: Decimal) -> str:
    """``6513.5100`` -> ``6513.51``; ``111.0000`` -> ``111`` (how a person types it)."""
    return format(number.normalize(), "f")


class MoneyType(NumberType):
    name = "money"

    def default_settings(self) -> dict[str, Any]:
        # Podio does not document a default; the newest captured money field allows these.
        return {"allowed_currencies": ["USD", "EUR"]}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        currencies = settings.get("allowed_currencies")
        currencies = _string_list(currencies)
        upper = [c.upper() for c in currencies]
        for code in upper:
            if not _CURRENCY.match(code):
                raise InvalidValue.of(code, "must be an ISO 4217 currency code")
        if not upper:
            raise InvalidValue.of(currencies, "must not be empty")
        settings["allowed_currencies"] = list(dict.fromkeys(upper))
        return settings

    def element(self, raw: Any) -> Mapping[str, Any]:
        if isinstance(raw, Mapping):
            return raw
        return {"value": raw}

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        amount = _decimal(value)
        currency = element.get("currency")
        if not isinstance(currency, str):
            raise InvalidValue.of(dict(element), "currency must be set")
        allowed = fld.settings.get("allowed_currencies") or []
        if allowed and currency not in allowed:
            raise InvalidValue.of(currency, "must be one of " + ", ".join(allowed))
        return {"value": format_amount(amount), "currency": currency}

    def render(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
        return {"value": stored.get("value"), "currency": stored.get("currency")}

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        base = super().text(fld, stored, ctx)
        return f"{base} {stored.get('currency')}" if base else ""


class ProgressType(FieldType):
    name = "progress"
    filter_kind = "range"
    sortable = True
    null_settings = True

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        number = _integral(value)
        if number is None:
            raise InvalidValue.of(value, "must be integer")
        if number < 0:
            raise InvalidValue.of(value, "must not be less than 0")
        if number > 100:
            raise InvalidValue.of(value, "must not be greater than 100")
        return {"value": number}

    def numeric(self, stored: Mapping[str, Any]) -> float | None:
        value = stored.get("value")
        return float(value) if value is not None else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        value = stored.get("value")
        return "" if value is None else str(value)


class DurationType(ProgressType):
    name = "duration"
    null_settings = False

    def default_settings(self) -> dict[str, Any]:
        return {"fields": ["days", "hours", "minutes", "seconds"]}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        units = ("days", "hours", "minutes", "seconds")
        chosen = _string_list(settings.get("fields"), allowed=units)
        if not chosen:
            raise InvalidValue.of(chosen, "must not be empty")
        settings["fields"] = [u for u in units if u in chosen]
        return settings

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        number = _integral(value)
        if number is None:
            raise InvalidValue.of(value, "must be integer")
        if number < 0:
            raise InvalidValue.of(value, "must not be less than 0")
        return {"value": number}


class DateType(FieldType):
    name = "date"
    primary = "start"
    filter_kind = "range"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"calendar": True, "end": "enabled", "time": "enabled", "color": DEFAULT_COLOR}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings["calendar"] = _bool_setting(settings, "calendar", True)
        settings["end"] = _choice_setting(
            settings, "end", ("disabled", "enabled", "required"), "enabled"
        )
        settings["time"] = _choice_setting(
            settings, "time", ("disabled", "enabled", "required"), "enabled"
        )
        settings["color"] = _color(settings.get("color"))
        return settings

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        if not any(v is not None for v in element.values()):
            return None
        return parse_date_value(element, fld.settings, ctx.timezone)

    def render(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
        return render_date_value(stored, ctx.timezone)

    def numeric(self, stored: Mapping[str, Any]) -> float | None:
        return None

    def bounds(self, stored: Mapping[str, Any], ctx: Context) -> tuple[datetime, datetime]:
        return date_bounds(stored, ctx.timezone)

    def sort_key(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        return self.bounds(values[0], ctx)[0] if values else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        rendered = render_date_value(stored, ctx.timezone)
        return str(rendered.get("start_date") or "")

    def token(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        if not values:
            return None
        stored = values[0]
        day = date.fromisoformat(str(stored["start_date"]))
        clock = stored.get("start_time")
        if clock:
            return CalcDate(datetime.combine(day, time.fromisoformat(str(clock))))
        return CalcDate(datetime.combine(day, time()), all_day=True)


def _color(value: Any) -> str:
    if value is None:
        return DEFAULT_COLOR
    if not isinstance(value, str) or not _HEX_COLOR.match(value):
        raise InvalidValue.of(value, "must be a hex colour such as DCEBD8")
    return value.lstrip("#").upper()


# -------------------------------------------------------------------------------------------
# Categories


class CategoryType(FieldType):
    name = "category"
    filter_kind = "ids"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"options": [], "multiple": False, "display": "inline"}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings["multiple"] = _bool_setting(settings, "multiple", False)
        settings["display"] = _choice_setting(
            settings, "display", ("inline", "list", "dropdown"), "inline"
        )
        previous_options = list((previous or {}).get("options") or [])
        settings["options"] = _normalize_options(settings.get("options"), previous_options)
        return settings

    def many(self, fld: AppField) -> bool:
        return bool(fld.settings.get("multiple"))

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = _id_of(element.get("value"), "id")
        if value is None:
            return None
        option_id = _integral(value) if not isinstance(value, float) else None
        if option_id is None:
            raise InvalidValue.of(value, "must be integer")
        active = [o["id"] for o in fld.settings.get("options", []) if o.get("status") == "active"]
        if option_id not in active:
            choices = ", ".join(str(i) for i in active) or "(no options)"
            raise InvalidValue.of(value, f"must be one of {choices}")
        return {"value": option_id}

    def option(self, fld: AppField, option_id: Any) -> dict[str, Any] | None:
        for option in fld.settings.get("options", []):
            if option.get("id") == option_id:
                return dict(option)
        return None

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        option = self.option(fld, stored.get("value"))
        if option is None:
            return None
        return {
            "value": {
                "id": option["id"],
                "text": option["text"],
                "status": option["status"],
                "color": option["color"],
            }
        }

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        option = self.option(fld, stored.get("value"))
        return str(option["text"]) if option else ""

    def sort_key(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        # Categories sort by the order of their options, as Podio's table view does.
        if not values:
            return None
        ids = [o.get("id") for o in fld.settings.get("options", [])]
        value = values[0].get("value")
        return ids.index(value) if value in ids else len(ids)

    def token(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        return ", ".join(self.text(fld, v, ctx) for v in values) if values else None

    def searchable(self) -> bool:
        return True


class QuestionType(CategoryType):
    name = "question"


def _normalize_options(raw: Any, previous: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every option an id, status and colour; keep removed options as ``deleted``.

    Options keep their ids forever so values written earlier still render; an option left
    out of an update turns ``deleted`` (Podio keeps it for old values and revisions).
    """
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise InvalidValue.of(raw, "must be array")
    by_id = {o["id"]: o for o in previous}
    next_id = max([0, *by_id]) + 1
    seen: set[int] = set()
    out: list[dict[str, Any]] = []
    for item in raw:
        option = {"text": item} if isinstance(item, str) else item
        if not isinstance(option, Mapping):
            raise InvalidValue.of(item, "must be object")
        text = option.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InvalidValue.of(text, "must be a non-empty string")
        given = option.get("id")
        option_id = next_id if given is None else _integral(given)
        if option_id is None or option_id < 1:
            raise InvalidValue.of(given, "must be a positive integer")
        if option_id in seen:
            raise InvalidValue.of(option_id, "must be unique")
        seen.add(option_id)
        next_id = max(next_id, option_id + 1)
        before = by_id.get(option_id, {})
        status = option.get("status", "active")
        if status not in ("active", "deleted"):
            raise InvalidValue.of(status, "must be one of active, deleted")
        out.append(
            {
                "id": option_id,
                "text": text,
                "status": status,
                "color": _color(option.get("color", before.get("color"))),
            }
        )
    for option_id, option in by_id.items():
        if option_id not in seen:
            out.append({**option, "status": "deleted"})
    if sum(1 for o in out if o["status"] == "active") > MAX_CATEGORY_OPTIONS:
        raise InvalidValue.of(len(out), f"must not have more than {MAX_CATEGORY_OPTIONS} options")
    return out


class StateType(FieldType):
    name = "state"
    filter_kind = "ids"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"allowed_values": []}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings["allowed_values"] = _string_list(settings.get("allowed_values") or [])
        return settings

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidValue.of(value, "must be string")
        allowed = fld.settings.get("allowed_values") or []
        if allowed and value not in allowed:
            raise InvalidValue.of(value, "must be one of " + ", ".join(allowed))
        return {"value": value}


# -------------------------------------------------------------------------------------------
# References to other objects


class AppReferenceType(FieldType):
    name = "app"
    filter_kind = "ids"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"referenced_apps": [], "multiple": True, "referenceable_types": []}

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        if raw is not None and not isinstance(raw, Mapping):
            raise InvalidValue.of(raw, "must be object")
        raw = dict(raw or {})
        base = dict(previous or self.default_settings())
        multiple = _bool_setting({**base, **raw}, "multiple", True)
        # Both spellings are accepted: the doc's referenced_apps [{app_id, view_id}] and
        # podio-dotnet's referenceable_types [app_id]; whichever is given wins over the past.
        refs: list[dict[str, Any]] = []
        if "referenced_apps" in raw or "referenceable_types" in raw:
            for entry in raw.get("referenced_apps") or []:
                app_id = _id_of(entry, "app_id")
                view_id = entry.get("view_id") if isinstance(entry, Mapping) else None
                refs.append({"app_id": app_id, "view_id": view_id})
            for app_id in raw.get("referenceable_types") or []:
                refs.append({"app_id": _id_of(app_id, "app_id"), "view_id": None})
        else:
            refs = [dict(r) for r in base.get("referenced_apps") or []]
        unique: dict[int, dict[str, Any]] = {}
        for ref in refs:
            app_id = ref["app_id"]
            if not _is_int(app_id):
                raise InvalidValue.of(app_id, "must be integer")
            if dctx.resolver.app(app_id) is None and app_id != dctx.app_id:
                raise InvalidValue.of(app_id, "No app found")
            view_id = ref.get("view_id")
            if view_id is not None and not _is_int(view_id):
                raise InvalidValue.of(view_id, "must be integer")
            if app_id not in unique or view_id is not None:
                unique[app_id] = {"app_id": app_id, "view_id": view_id}
        extra = {k: v for k, v in raw.items() if k not in _APP_SETTING_KEYS}
        return {
            **{k: v for k, v in base.items() if k not in _APP_SETTING_KEYS},
            **extra,
            "referenced_apps": list(unique.values()),
            "multiple": multiple,
            "referenceable_types": list(unique),
        }

    def render_settings(
        self, settings: dict[str, Any] | None, ctx: Context, *, full: bool
    ) -> dict[str, Any] | None:
        settings = copy.deepcopy(settings) or {}
        if not full:
            return settings
        # The full field view expands each referenced app (samples/item-get-all-fields.json).
        apps: list[Any] = []
        for ref in settings.get("referenced_apps", []):
            app = ctx.resolver.app(ref["app_id"])
            ref["app"] = copy.deepcopy(dict(app)) if app is not None else None
            ref["view"] = None
            if app is not None:
                apps.append(copy.deepcopy(dict(app)))
        settings["apps"] = apps
        return settings

    def referenced_app_ids(self, fld: AppField) -> list[int]:
        return [r["app_id"] for r in fld.settings.get("referenced_apps", [])]

    def many(self, fld: AppField) -> bool:
        return bool(fld.settings.get("multiple", True))

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = _id_of(element.get("value"), "item_id")
        if value is None:
            return None
        if not _is_int(value):
            raise InvalidValue.of(value, "must be integer")
        app_id = ctx.resolver.item_app_id(value)
        if app_id is None:
            raise InvalidValue.of(value, "No item found")
        if app_id not in self.referenced_app_ids(fld):
            raise InvalidValue.of(value, "must be an item of one of the referenced apps")
        return {"value": value}

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        mini = ctx.resolver.item_mini(stored["value"])
        return {"value": copy.deepcopy(dict(mini))} if mini is not None else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        return ctx.resolver.item_title(stored["value"]) or ""


_APP_SETTING_KEYS = ("referenced_apps", "referenceable_types", "multiple", "apps")


class ContactType(FieldType):
    name = "contact"
    filter_kind = "ids"
    sortable = True

    _VALID_TYPES: ClassVar[dict[str, list[str]]] = {
        "space_users": ["user"],
        "all_users": ["user"],
        "space_contacts": ["space"],
        "space_users_and_contacts": ["user", "space"],
    }

    def default_settings(self) -> dict[str, Any]:
        return {"type": "space_users", "valid_types": ["user"]}

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        if raw is not None and not isinstance(raw, Mapping):
            raise InvalidValue.of(raw, "must be object")
        raw = dict(raw or {})
        merged = {**(previous or self.default_settings()), **raw}
        kind = _choice_setting(merged, "type", tuple(self._VALID_TYPES), "space_users")
        merged["type"] = kind
        if "valid_types" in raw:
            merged["valid_types"] = _string_list(raw["valid_types"], allowed=("user", "space"))
        elif "type" in raw or previous is None:
            merged["valid_types"] = list(self._VALID_TYPES[kind])
        return merged

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = _id_of(element.get("value"), "profile_id")
        if value is None:
            return None
        if not _is_int(value):
            raise InvalidValue.of(value, "must be integer")
        profile = ctx.resolver.profile(value)
        if profile is None:
            raise InvalidValue.of(value, "No profile found")
        valid = fld.settings.get("valid_types") or []
        if valid and profile.get("type") not in valid:
            raise InvalidValue.of(value, "must be a contact of type " + " or ".join(valid))
        return {"value": value}

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        profile = ctx.resolver.profile(stored["value"])
        return {"value": copy.deepcopy(dict(profile))} if profile is not None else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        profile = ctx.resolver.profile(stored["value"])
        return str(profile.get("name") or "") if profile is not None else ""


class MemberType(FieldType):
    name = "member"
    filter_kind = "ids"
    null_settings = True

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = _id_of(element.get("value"), "user_id")
        if value is None:
            return None
        if not _is_int(value):
            raise InvalidValue.of(value, "must be integer")
        if not ctx.resolver.user_exists(value):
            raise InvalidValue.of(value, "No user found")
        return {"value": value}


class FileType(FieldType):
    name = "file"
    mime_prefix: ClassVar[str | None] = None

    def default_settings(self) -> dict[str, Any]:
        return {"allowed_mimetypes": []}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings["allowed_mimetypes"] = _string_list(settings.get("allowed_mimetypes") or [])
        return settings

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = _id_of(element.get("value"), "file_id")
        if value is None:
            return None
        if not _is_int(value):
            raise InvalidValue.of(value, "must be integer")
        info = ctx.resolver.file(value)
        if info is None:
            raise InvalidValue.of(value, "No file found")
        # Only the kind of file is checked: the captured image field allows image/png and
        # still holds a JPEG (samples/item-get-all-fields.json), so Podio does not enforce
        # allowed_mimetypes strictly.
        mimetype = str(info.get("mimetype") or "")
        if self.mime_prefix and not mimetype.startswith(self.mime_prefix):
            raise InvalidValue.of(value, f"must be a file of type {self.mime_prefix}*")
        return {"value": value}

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        info = _project(ctx.resolver.file(stored["value"]), FILE_VALUE_KEYS)
        return {"value": info} if info is not None else None

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        info = ctx.resolver.file(stored["value"])
        return str(info.get("name") or "") if info is not None else ""


class ImageType(FileType):
    name = "image"
    mime_prefix = "image/"

    def default_settings(self) -> dict[str, Any]:
        return {"allowed_mimetypes": ["image/*"]}


class VideoType(FileType):
    name = "video"
    mime_prefix = "video/"

    def default_settings(self) -> dict[str, Any]:
        return {"allowed_mimetypes": ["video/*"]}


class EmbedType(FieldType):
    name = "embed"
    primary = "embed"
    null_settings = True
    filter_kind = "text"

    def element(self, raw: Any) -> Mapping[str, Any]:
        if isinstance(raw, Mapping):
            return raw
        if isinstance(raw, str):
            return {"url": raw}
        return {"embed": raw}

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        embed = _id_of(element.get("embed"), "embed_id")
        if embed is None:
            url = element.get("url")
            if url is None:
                if element.get("file") is None:
                    return None
                raise InvalidValue.of(dict(element), "must have an embed")
            if not isinstance(url, str) or not url.strip():
                raise InvalidValue.of(url, "must be a URL")
            embed = ctx.resolver.embed_for_url(url.strip())
            if embed is None:
                raise InvalidValue.of(url, "must be a URL")
        if not _is_int(embed):
            raise InvalidValue.of(embed, "must be integer")
        if ctx.resolver.embed(embed) is None:
            raise InvalidValue.of(embed, "No embed found")
        file_id = _id_of(element.get("file"), "file_id")
        if file_id is not None:
            if not _is_int(file_id):
                raise InvalidValue.of(file_id, "must be integer")
            if ctx.resolver.file(file_id) is None:
                raise InvalidValue.of(file_id, "No file found")
        return {"embed": embed, "file": file_id}

    def render(
        self, fld: AppField, stored: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        embed = _project(ctx.resolver.embed(stored["embed"]), EMBED_KEYS)
        if embed is None:
            return None
        file_id = stored.get("file")
        file_mini = _project(ctx.resolver.file(file_id), FILE_MINI_KEYS) if file_id else None
        return {"embed": embed, "file": file_mini}

    def match_id(self, stored: Mapping[str, Any]) -> Any:
        return stored.get("embed")

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        embed = ctx.resolver.embed(stored["embed"])
        if embed is None:
            return ""
        return str(embed.get("original_url") or embed.get("url") or "")


class MediaType(EmbedType):
    # Podio documents no value shape for media; it is embedded media (YouTube...), so the
    # emulator treats it like a link field: {"embed": embed_id, "file": file_id}.
    name = "media"


class LocationType(FieldType):
    name = "location"
    filter_kind = "text"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {"structured": False, "has_map": True}

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings["structured"] = _bool_setting(settings, "structured", False)
        settings["has_map"] = _bool_setting(settings, "has_map", True)
        return settings

    def many(self, fld: AppField) -> bool:
        return False

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        stored: dict[str, Any] = {}
        for key in (*LOCATION_KEYS, *LOCATION_OPTIONAL_KEYS):
            if key in ("lat", "lng", "map_in_sync"):
                continue
            value = element.get(key)
            if value is None:
                continue
            if not isinstance(value, str):
                raise InvalidValue.of(value, "must be string")
            if value.strip():
                stored[key] = value
        for key, limit in (("lat", 90.0), ("lng", 180.0)):
            value = element.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InvalidValue.of(value, "must be number")
            if not -limit <= value <= limit:
                raise InvalidValue.of(value, f"must be between -{limit:g} and {limit:g}")
            stored[key] = float(value)
        if ("lat" in stored) != ("lng" in stored):
            raise InvalidValue.of(dict(element), "lat and lng must be given together")
        if "value" not in stored:
            if "formatted" in stored:
                stored["value"] = stored["formatted"]
            elif "lat" in stored:
                stored["value"] = f"{stored['lat']:g},{stored['lng']:g}"
            else:
                parts = [stored.get(k) for k in ("street_address", "city", "state", "country")]
                text = ", ".join(p for p in parts if p)
                if not text:
                    return None
                stored["value"] = text
        return stored

    def render(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
        # The emulator geocodes nothing: "formatted" repeats what was typed unless a client
        # gave it, and map_in_sync says whether coordinates are known.
        out: dict[str, Any] = {key: stored.get(key) for key in LOCATION_KEYS}
        out["formatted"] = stored.get("formatted") or stored.get("value")
        out["map_in_sync"] = "lat" in stored
        for key in LOCATION_OPTIONAL_KEYS:
            if key in stored:
                out[key] = stored[key]
        return out

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        return str(stored.get("formatted") or stored.get("value") or "")

    def searchable(self) -> bool:
        return True


class TypedListType(FieldType):
    """``email`` and ``phone``: typed lists of ``{"type", "value"}``."""

    filter_kind = "text"
    default_types: ClassVar[tuple[str, ...]] = ()

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        types = _string_list(settings.get("possible_types") or list(self.default_types))
        settings["possible_types"] = types
        return settings

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidValue.of(value, "must be string")
        if not value.strip():
            return None
        self.check_value(value.strip())
        kind = element.get("type")
        possible = fld.settings.get("possible_types") or list(self.default_types)
        if kind is None:
            kind = "other" if "other" in possible else possible[0]
        if kind not in possible:
            raise InvalidValue.of(kind, "must be one of " + ", ".join(possible))
        return {"type": kind, "value": value.strip()}

    def check_value(self, value: str) -> None:
        return None

    def render(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
        return {"type": stored.get("type"), "value": stored.get("value")}

    def searchable(self) -> bool:
        return True


class EmailType(TypedListType):
    name = "email"
    default_types = ("work", "home", "other")

    def default_settings(self) -> dict[str, Any]:
        return {
            "possible_types": list(self.default_types),
            "include_in_cc": False,
            "include_in_bcc": False,
        }

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        settings = super().check_settings(settings, previous, dctx)
        settings["include_in_cc"] = _bool_setting(settings, "include_in_cc", False)
        settings["include_in_bcc"] = _bool_setting(settings, "include_in_bcc", False)
        return settings

    def check_value(self, value: str) -> None:
        if not _EMAIL.match(value):
            raise InvalidValue.of(value, "must be a valid e-mail address")


class PhoneType(TypedListType):
    name = "phone"
    default_types = ("mobile", "work", "home", "main", "work_fax", "private_fax", "other")

    def default_settings(self) -> dict[str, Any]:
        return {"possible_types": list(self.default_types), "call_link_scheme": "callto"}


class TelType(PhoneType):
    # Podio documents no value shape for "tel"; podio-dotnet writes "tel" for the field that
    # real payloads call "phone", so the emulator gives both the same behaviour.
    name = "tel"


class TagType(FieldType):
    name = "tag"
    filter_kind = "text"
    null_settings = True

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        value = element.get("value")
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidValue.of(value, "must be string")
        return {"value": value.strip()} if value.strip() else None

    def searchable(self) -> bool:
        return True


class SeparatorType(FieldType):
    name = "separator"
    null_settings = True

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        raise InvalidValue.of(dict(element), "separator fields hold no value")


class CalculationType(FieldType):
    name = "calculation"
    read_only = True
    filter_kind = "range"
    sortable = True

    def default_settings(self) -> dict[str, Any]:
        return {
            "script": "",
            "return_type": None,
            "decimals": 2,
            "unit": None,
            "time": None,
            "calendar": None,
            "color": None,
            "expression": None,
        }

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        # A new script without an explicit return_type gets its type inferred again.
        if isinstance(raw, Mapping) and "script" in raw and "return_type" not in raw:
            raw = {**raw, "return_type": None}
        return super().normalize_settings(raw, previous, dctx)

    def check_settings(
        self, settings: dict[str, Any], previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any]:
        script = settings.get("script")
        if script is None:
            script = ""
        if not isinstance(script, str):
            raise InvalidValue.of(script, "must be string")
        settings["script"] = script
        parsed: Script | None = None
        try:
            parsed = parse_script(script)
        except CalcUnsupported:
            parsed = None  # kept as written; the field shows no value
        except CalcError as exc:
            raise InvalidValue.of(script, f"must be a valid script ({exc})") from None
        if parsed is not None:
            check_references(parsed, dctx)
        return_type = settings.get("return_type")
        if return_type is None:
            return_type = infer_return_type(parsed, dctx)
        settings["return_type"] = _choice_setting(
            {"return_type": return_type}, "return_type", ("number", "text", "date"), "number"
        )
        decimals = settings.get("decimals")
        if decimals is not None and (_integral(decimals) is None or not 0 <= decimals <= 10):
            raise InvalidValue.of(decimals, "must be integer between 0 and 10")
        return settings

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        raise InvalidValue.of(dict(element), "calculation fields are read-only")

    def render(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> dict[str, Any]:
        if "start_date" in stored:
            return render_date_value(stored, ctx.timezone)
        return {"value": stored.get("value")}

    def numeric(self, stored: Mapping[str, Any]) -> float | None:
        if "start_date" in stored:
            return None
        value = stored.get("value")
        try:
            return float(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def bounds(self, stored: Mapping[str, Any], ctx: Context) -> tuple[datetime, datetime]:
        return date_bounds(stored, ctx.timezone)

    def sort_key(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        if values and "start_date" in values[0]:
            return self.bounds(values[0], ctx)[0]
        return super().sort_key(fld, values, ctx)

    def text(self, fld: AppField, stored: Mapping[str, Any], ctx: Context) -> str:
        if "start_date" in stored:
            return str(stored["start_date"])
        value = stored.get("value")
        if value is None:
            return ""
        if fld.settings.get("return_type") == "number":
            return _plain_number(Decimal(str(value)))
        return str(value)

    def token(self, fld: AppField, values: Sequence[Mapping[str, Any]], ctx: Context) -> Any:
        if not values:
            return None
        if "start_date" in values[0]:
            return DateType().token(fld, values, ctx)
        number = self.numeric(values[0])
        return number if number is not None else values[0].get("value")

    def searchable(self) -> bool:
        return True


def check_references(script: Script, dctx: DefinitionContext) -> None:
    """Refuse tokens of unknown fields, self references and reference cycles.

    Podio allows calculations to nest ten levels deep (limits.md §3).
    """
    fields = {f.field_id: f for f in dctx.fields if f.active}
    for field_id in script.field_ids:
        if field_id == dctx.field_id:
            raise InvalidValue.of(script.source, "must not refer to itself")
        if field_id not in fields:
            raise InvalidValue.of(f"field_{field_id}", "No field found")

    def depth(field_id: int, trail: tuple[int, ...]) -> int:
        fld = fields.get(field_id)
        if fld is None or fld.type != "calculation":
            return 0
        if field_id in trail or field_id == dctx.field_id:
            raise InvalidValue.of(script.source, "must not refer to itself")
        try:
            inner = parse_script(str(fld.settings.get("script") or ""))
        except CalcError:
            return 1
        return 1 + max((depth(i, (*trail, field_id)) for i in inner.field_ids), default=0)

    if 1 + max((depth(i, ()) for i in script.field_ids), default=0) > 10:
        raise InvalidValue.of(script.source, "must not nest calculations more than 10 levels")


_SAMPLE_TOKENS: dict[str, Any] = {
    "text": "a",
    "category": "a",
    "question": "a",
    "location": "a",
    "email": "a",
    "phone": "a",
    "contact": "a",
    "app": "a",
    "date": CalcDate(datetime(2000, 1, 1)),
}


def infer_return_type(script: Script | None, dctx: DefinitionContext) -> str:
    """Guess ``return_type`` when none is written, by running the script on sample values."""
    if script is None:
        return "number"
    fields = {f.field_id: f for f in dctx.fields}
    samples: dict[int, Any] = {}
    for field_id in script.field_ids:
        fld = fields.get(field_id)
        kind = fld.type if fld is not None else "number"
        if kind == "calculation" and fld is not None:
            kind = {"text": "text", "date": "date"}.get(str(fld.settings.get("return_type")), kind)
        samples[field_id] = _SAMPLE_TOKENS.get(kind, 1.0)
    result = script.evaluate(samples)
    if isinstance(result, CalcDate):
        return "date"
    if isinstance(result, str):
        return "text"
    return "number"


class PassthroughType(FieldType):
    """Types the emulator does not know: values are kept and shown as written."""

    def __init__(self, name: str) -> None:
        self.name = name

    def normalize_settings(
        self, raw: Any, previous: Mapping[str, Any] | None, dctx: DefinitionContext
    ) -> dict[str, Any] | None:
        if raw is None:
            return copy.deepcopy(dict(previous)) if previous is not None else None
        if not isinstance(raw, Mapping):
            raise InvalidValue.of(raw, "must be object")
        return {**copy.deepcopy(dict(previous or {})), **copy.deepcopy(dict(raw))}

    def parse(
        self, fld: AppField, element: Mapping[str, Any], ctx: Context
    ) -> dict[str, Any] | None:
        if not element:
            return None
        return copy.deepcopy(dict(element))


FIELD_TYPES: dict[str, FieldType] = {
    t.name: t
    for t in (
        TextType(),
        NumberType(),
        MoneyType(),
        ProgressType(),
        DurationType(),
        DateType(),
        CategoryType(),
        QuestionType(),
        AppReferenceType(),
        ContactType(),
        MemberType(),
        ImageType(),
        FileType(),
        VideoType(),
        EmbedType(),
        MediaType(),
        LocationType(),
        CalculationType(),
        EmailType(),
        PhoneType(),
        TelType(),
        TagType(),
        StateType(),
        SeparatorType(),
    )
}


def field_type(name: str) -> FieldType:
    """The behaviour of a type; unknown type strings get values passed through unchanged."""
    known = FIELD_TYPES.get(name)
    return known if known is not None else PassthroughType(name)
