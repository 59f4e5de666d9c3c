"""The model base: typed attributes over what Podio sent, nothing lost.

A model is a pydantic model that

* types the attributes it knows (ids are Python ints of any size, datetimes aware UTC parsed
  from Podio's ``YYYY-MM-DD HH:MM:SS``, dates, times, nested models for associations);
* keeps every key it does not know, reachable as an attribute and in `as_json`;
* never fails on a value of an unexpected type: the attribute stays ``None`` and the raw value
  is kept under the same key (`model_extra`, `as_json`), so a change on Podio's side cannot
  crash a program that does not even read that attribute;
* is built from a dict or keywords, like an ActiveRecord model:
  ``podio.SpaceContact(name="The Dude")`` or ``podio.Item({"item_id": 42})``;
* compares equal to another instance with the same id, as the Ruby gem's models do.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PrivateAttr,
    ValidationError,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from typing_extensions import Self

from .._errors import InvalidResponseError, PodioError
from .._serialization import (
    format_date,
    format_datetime,
    format_time,
    parse_date,
    parse_datetime,
    parse_time,
)

if TYPE_CHECKING:
    from .._client import Client
    from .._response import Response

__all__ = ["Date", "DateTime", "Descriptor", "Model", "Time", "identity_hash"]


class Descriptor:
    """Marks class attributes that declare operations, so pydantic leaves them alone."""


def _to_datetime(value: Any) -> Any:
    if isinstance(value, (str, _dt.datetime)):
        try:
            return parse_datetime(value)
        except ValueError:
            return value  # let pydantic report it; the model keeps the raw value
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, (str, _dt.date)):
        try:
            return parse_date(value)
        except ValueError:
            return value
    return value


def _to_time(value: Any) -> Any:
    if isinstance(value, (str, _dt.time)):
        try:
            return parse_time(value)
        except ValueError:
            return value
    return value


#: An aware UTC datetime, written back as Podio's ``YYYY-MM-DD HH:MM:SS``.
DateTime = Annotated[
    _dt.datetime,
    BeforeValidator(_to_datetime),
    PlainSerializer(format_datetime, return_type=str, when_used="json"),
]
#: A date, written back as ``YYYY-MM-DD``.
Date = Annotated[
    _dt.date,
    BeforeValidator(_to_date),
    PlainSerializer(format_date, return_type=str, when_used="json"),
]
#: A time of day, written back as ``HH:MM:SS``.
Time = Annotated[
    _dt.time,
    BeforeValidator(_to_time),
    PlainSerializer(format_time, return_type=str, when_used="json"),
]

# Never shown by repr: a model may hold an app token or an OAuth client's secret.
_SECRET_KEYS = frozenset(
    {
        "token",
        "secret",
        "password",
        "old_password",
        "new_password",
        "access_token",
        "refresh_token",
        "app_token",
        "code",
        "client_secret",
    }
)
_LABEL_KEYS = ("title", "name", "text", "label", "value", "subject", "mail", "url")


def identity_hash(kind: Any, *identity: Any) -> int:
    """The hash of an instance identified by `identity` (its id, maybe with a type).

    An id Podio sent as a list or an object (a value lenient parsing kept raw) cannot be
    hashed; such instances hash by `kind` alone, which keeps equal instances' hashes equal.
    """
    try:
        return hash((kind, *identity))
    except TypeError:
        return hash(kind)


class Model(BaseModel):
    """Base of every Podio model; see the module docstring."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        arbitrary_types_allowed=True,
        protected_namespaces=(),
        validate_assignment=False,
        ignored_types=(Descriptor,),
        revalidate_instances="never",
    )

    #: Name of the attribute that identifies an instance (``item_id``, ``space_id``, ...).
    _id_field: ClassVar[str | None] = None

    _error: PodioError | None = PrivateAttr(default=None)
    _client: Client | None = PrivateAttr(default=None)

    def __init__(self, data: Mapping[str, Any] | None = None, /, **values: Any) -> None:
        if data is not None and not isinstance(data, Mapping):
            raise TypeError(
                f"{type(self).__name__} takes a dict of attributes, not {type(data).__name__}"
            )
        super().__init__(**({**data, **values} if data else values))

    @model_validator(mode="wrap")
    @classmethod
    def _keep_what_does_not_fit(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(data)
        except ValidationError as exc:
            if not isinstance(data, Mapping):
                raise
            error = exc
        # Set the keys that failed aside and validate the rest again, until it fits: a key
        # given both by name and by alias (``from_`` and ``from``) fails once under each.
        kept = dict(data)
        set_aside: dict[Any, Any] = {}
        while True:
            bad = cls._failing_keys(error, kept)
            if not bad:
                raise error
            for key in bad:
                set_aside[key] = kept.pop(key)
            try:
                instance = handler(kept)
            except ValidationError as again:
                error = again
                continue
            extra = instance.__pydantic_extra__
            if extra is not None:
                for key, value in set_aside.items():
                    extra[str(key)] = value
            return instance

    @classmethod
    def _failing_keys(cls, error: ValidationError, data: Mapping[Any, Any]) -> set[Any]:
        """The keys of `data` behind `error`, a field's name and alias alike."""
        names: set[Any] = set()
        for detail in error.errors():
            if detail["loc"]:
                names.add(detail["loc"][0])
        for name, info in cls.model_fields.items():
            if name in names or info.alias in names:
                names.update({name, info.alias} - {None})
        return {key for key in data if key in names}

    # -- construction from answers -------------------------------------------------------------

    @classmethod
    def from_api(cls, data: Any, *, client: Client | None = None) -> Self:
        """Build an instance from a JSON object Podio sent.

        Raises `InvalidResponseError` when the answer is not a JSON object at all.
        """
        if isinstance(data, cls):
            return data
        if not isinstance(data, Mapping):
            raise InvalidResponseError(
                f"expected a JSON object for {cls.__name__}, got {type(data).__name__}",
                response_body=data if isinstance(data, (str, bytes)) else repr(data)[:500],
            )
        try:
            instance = cls.model_validate(dict(data))
        except ValidationError as exc:
            raise InvalidResponseError(
                f"Podio's answer does not fit {cls.__name__}: {exc.error_count()} problem(s)",
                response_body=repr(data)[:500],
            ) from exc
        instance._client = client
        return instance

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build an instance from a dict of attributes (what ``Model(data)`` does, typed)."""
        return cls.from_api(data)

    @classmethod
    def from_response(cls, response: Response, *, client: Client | None = None) -> Self:
        try:
            return cls.from_api(response.body, client=client)
        except InvalidResponseError as exc:
            exc.response_status = response.status
            exc.url = response.url
            exc.method = response.method
            exc.request_id = response.request_id
            raise

    # -- taking in answers about this instance -------------------------------------------------

    def _take_answer(self, data: Any, keys: Collection[str] | None = None) -> None:
        """Take in what Podio answered about this instance: the `keys` of `data` (all by
        default), typed as `from_api` types them. Not a JSON object: nothing changes."""
        if not isinstance(data, Mapping):
            return
        picked = data if keys is None else {k: v for k, v in data.items() if k in keys}
        self._copy_from(type(self).from_api(picked))

    def _copy_from(self, other: Model) -> None:
        """Take `other`'s attributes and extra keys into this instance.

        Extra keys go into the extra dict, never through ``setattr``: a key Podio sends may
        be ``__class__`` or ``model_fields``. An extra key naming a declared attribute (a
        value of the wrong type) leaves that attribute ``None``, as `from_api` does.
        """
        fields = type(self).model_fields
        aliases = {info.alias: name for name, info in fields.items() if info.alias}
        for name in other.model_fields_set:
            if name in fields:
                setattr(self, name, getattr(other, name))
        extra = self.__pydantic_extra__
        for key, value in (other.__pydantic_extra__ or {}).items():
            declared = aliases.get(key, key)
            if declared in fields:
                setattr(self, declared, None)
            if extra is not None:
                extra[key] = value
                self.__pydantic_fields_set__.add(key)

    # -- identity ----------------------------------------------------------------------------

    @property
    def id(self) -> Any:
        """The value of the model's id attribute (``item_id`` for an Item, ...)."""
        return self._attribute(self._id_field or "id")

    @id.setter
    def id(self, value: Any) -> None:
        name = self._id_field or "id"
        if name in type(self).model_fields:
            setattr(self, name, value)
        elif self.__pydantic_extra__ is not None:
            self.__pydantic_extra__[name] = value

    def _attribute(self, name: str) -> Any:
        if name in type(self).model_fields:
            return self.__dict__.get(name)
        extra = self.__pydantic_extra__ or {}
        return extra.get(name)

    @property
    def new_record(self) -> bool:
        """True until the instance has an id, i.e. before it was created on Podio."""
        return self.id is None

    @property
    def persisted(self) -> bool:
        return not self.new_record

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        if other is self:
            return True  # even when Podio sent NaN as the id, which equals nothing
        mine, theirs = self.id, other.id
        if mine is not None and theirs is not None:
            return bool(self._id_field == other._id_field and mine == theirs)
        if type(self) is not type(other):
            return False
        # Python values, not as_json(): comparing must work for values JSON cannot hold.
        return self.model_dump(by_alias=True, exclude_unset=True) == other.model_dump(
            by_alias=True, exclude_unset=True
        )

    def __hash__(self) -> int:
        if self.id is not None:
            return identity_hash(self._id_field, self.id)
        return object.__hash__(self)

    # -- JSON ------------------------------------------------------------------------------------

    def as_json(self, *, formatted: bool = False) -> dict[str, Any]:
        """The instance as API-ready JSON.

        By default it holds the keys that were given or received (unknown keys included, with
        their values as Podio sent them); ``formatted=True`` adds every known attribute, unset
        ones as ``None``, like the gem's ``as_json(formatted: true)``.

        Raises `ValueError` when an attribute holds a value JSON cannot express: an object
        given to the constructor, bytes that are not UTF-8, nesting deeper than the
        serializer goes (what pydantic raises for these is a ValueError too, with its own
        class and wording).
        """
        try:
            return self.model_dump(mode="json", by_alias=True, exclude_unset=not formatted)
        except ValueError as exc:
            raise ValueError(f"{type(self).__name__} cannot be written as JSON: {exc}") from None

    # -- errors of instance operations ------------------------------------------------------------

    @property
    def error(self) -> PodioError | None:
        """The error of the last instance operation that returned False, else ``None``."""
        return self._error

    @property
    def error_code(self) -> str | None:
        return self._error.code if self._error is not None else None

    @property
    def error_message(self) -> str | None:
        return self._error.message if self._error is not None else None

    @property
    def error_parameters(self) -> dict[str, Any]:
        return dict(self._error.parameters) if self._error is not None else {}

    # -- display -----------------------------------------------------------------------------------

    def __repr_args__(self) -> Any:
        shown = 0
        if self.id is not None:
            yield (self._id_field or "id"), self.id
        for key in _LABEL_KEYS:
            value = self._attribute(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                text = (
                    value if not isinstance(value, str) or len(value) <= 60 else value[:57] + "..."
                )
                yield key, text
                shown += 1
                break
        if self.new_record and not shown:
            for key in sorted(self.model_fields_set):
                if key in _SECRET_KEYS or key == self._id_field:
                    continue
                value = self._attribute(key)  # not getattr: a key may be "model_fields"
                if isinstance(value, (str, int, float, bool)) or value is None:
                    yield key, value
                    shown += 1
                if shown >= 3:
                    break

    def __repr__(self) -> str:
        args = ", ".join(f"{key}={value!r}" for key, value in self.__repr_args__())
        return f"<{type(self).__name__} {args}>" if args else f"<{type(self).__name__}>"

    __str__ = __repr__
