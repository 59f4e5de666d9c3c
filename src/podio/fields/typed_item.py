"""The base of generated typed item classes: attributes mapped to item fields.

`podio.fields.codegen` writes one subclass of `TypedItem` per app, with one `TypedField`
descriptor per app field, named after its external_id::

    class Deals(TypedItem):
        app_id: ClassVar[int] = 123
        schema: ClassVar[AppSchema] = AppSchema(_DEALS_FIELDS, app_id=123, revision=7)
        title: TypedField[str | None, TextInput] = TypedField("title", 1001)
        amount: TypedField[Money | None, MoneyInput] = TypedField("amount", 1002)
        stage: TypedField[CategoryOption | None, CategoryInput] = TypedField("stage", 1003)

    deal = Deals.from_item(item_json)      # or Deals.find(42) once a gateway is set
    deal.amount                            # Money('1200.5000', 'EUR')
    deal.stage = "Won"                     # checked now against the app's options
    deal.changed_fields_payload()          # {"stage": [{"value": 3}]}

Reading an attribute gives the field's Python value (`FieldValue.value`, or the list
`FieldValue.values` for fields that hold several); assigning converts and checks the value at
once (`FieldValueError`) and reading it back gives the new value as Podio will store it.

Talking to Podio goes through an `ItemGateway` (get, list, create, update items as raw
JSON), registered with `TypedItem.use_gateway`; the item models provide it, so this module
needs no HTTP of its own.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NoReturn, Protocol, TypeVar, overload

from typing_extensions import Never, Self

from .._errors import ConfigurationError
from .._types import NOT_GIVEN
from ._errors import FieldValueError
from ._read import FieldValue
from ._schema import AppSchema, SchemaField
from ._values import (
    CategoryOption,
    DateRange,
    EmbedRef,
    FileRef,
    ItemRef,
    Location,
    Money,
    ProfileRef,
    TypedValue,
)
from ._write import changed_fields, expected_read_values, fields_payload, read_to_write, write_value

if TYPE_CHECKING:
    from .._client import Client

__all__ = [
    "AppRefInput",
    "AppRefsInput",
    "CategoriesInput",
    "CategoryInput",
    "ContactsInput",
    "DateInput",
    "DurationInput",
    "EmbedsInput",
    "FilesInput",
    "HasFileId",
    "HasItemId",
    "HasProfileId",
    "ItemGateway",
    "LocationInput",
    "MoneyInput",
    "NumberInput",
    "ProgressInput",
    "ReadOnlyField",
    "TextInput",
    "TypedField",
    "TypedItem",
    "TypedValuesInput",
]

R = TypeVar("R")
W = TypeVar("W")


class HasItemId(Protocol):
    """Anything with an ``item_id``: an `ItemRef`, an Item model, a typed item."""

    @property
    def item_id(self) -> int | None: ...


class HasProfileId(Protocol):
    """Anything with a ``profile_id``: a `ProfileRef`, a Profile or Contact model."""

    @property
    def profile_id(self) -> int | None: ...


class HasFileId(Protocol):
    """Anything with a ``file_id``: a `FileRef`, a File model."""

    @property
    def file_id(self) -> int | None: ...


# What each field type accepts on assignment (docs/fields.md has the rules).
TextInput = str | None
NumberInput = int | float | Decimal | str | None
MoneyInput = Money | None
ProgressInput = int | None
DurationInput = _dt.timedelta | int | None
DateInput = DateRange | _dt.date | _dt.datetime | tuple[_dt.date, _dt.date | None] | None
LocationInput = Location | str | None
_Category = CategoryOption | int | str
CategoryInput = _Category | None
CategoriesInput = _Category | Sequence[_Category] | None
_AppRef = ItemRef | int | HasItemId
AppRefInput = _AppRef | None
AppRefsInput = _AppRef | Sequence[_AppRef] | None
_Profile = ProfileRef | int | HasProfileId
ContactsInput = _Profile | Sequence[_Profile] | None
_File = FileRef | int | HasFileId
FilesInput = _File | Sequence[_File] | None
_Embed = EmbedRef | int | str | Mapping[str, Any]
EmbedsInput = _Embed | Sequence[_Embed] | None
_Typed = TypedValue | str | tuple[str, str]
TypedValuesInput = _Typed | Sequence[_Typed] | None


class TypedField(Generic[R, W]):
    """A `TypedItem` attribute bound to one app field: reads give `R`, assignments take `W`."""

    def __init__(self, external_id: str, field_id: int | None = None) -> None:
        self.external_id = external_id
        self.field_id = field_id
        self.attribute = external_id

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.attribute = name

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, instance: TypedItem, owner: type[Any]) -> R: ...
    def __get__(self, instance: TypedItem | None, owner: type[Any]) -> Self | R:
        if instance is None:
            return self
        result: R = instance._read(self)
        return result

    def __set__(self, instance: TypedItem, value: W) -> None:
        instance._assign(self, value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.external_id!r}, {self.field_id!r})"


class ReadOnlyField(TypedField[R, Never]):
    """An attribute for a field Podio computes (calculation): reading only.

    Assigning is a type error for mypy and raises `FieldValueError` at run time.
    """

    def __set__(self, instance: TypedItem, value: Never) -> NoReturn:
        raise FieldValueError(
            self.attribute, value, "is a calculation field, computed by Podio: it cannot be set"
        )


class ItemGateway(Protocol):
    """How typed items reach Podio: raw item JSON in and out.

    `get_item` returns the body of ``GET /item/{item_id}``; `iter_items` every item of an app
    matching `filters` (the filter-items body's ``filters``), paging as needed; `create_item`
    the body of ``POST /item/app/{app_id}/`` (at least ``item_id``); `update_item` the body of
    ``PUT /item/{item_id}`` (``{"revision", "title"}``), or None when Podio answered 204.
    The ``a``-prefixed twins do the same asynchronously.
    """

    def get_item(self, item_id: int, *, client: Client | None) -> Mapping[str, Any]: ...

    def iter_items(
        self, app_id: int, *, filters: Mapping[str, Any] | None, client: Client | None
    ) -> Iterable[Mapping[str, Any]]: ...

    def create_item(
        self, app_id: int, fields: dict[str, Any], *, client: Client | None
    ) -> Mapping[str, Any]: ...

    def update_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Client | None
    ) -> Mapping[str, Any] | None: ...

    async def aget_item(self, item_id: int, *, client: Client | None) -> Mapping[str, Any]: ...

    def aiter_items(
        self, app_id: int, *, filters: Mapping[str, Any] | None, client: Client | None
    ) -> AsyncIterator[Mapping[str, Any]]: ...

    async def acreate_item(
        self, app_id: int, fields: dict[str, Any], *, client: Client | None
    ) -> Mapping[str, Any]: ...

    async def aupdate_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Client | None
    ) -> Mapping[str, Any] | None: ...


_REF_TYPES = (ItemRef, ProfileRef, FileRef, EmbedRef)


class TypedItem:
    """Base of the classes `podio.fields.codegen` generates: one app's items, typed.

    Subclasses set `app_id`, `app_revision` and `schema` and declare `TypedField` attributes.
    An instance holds the item's fields as Podio sent them plus the values assigned since;
    see the module docstring.
    """

    app_id: ClassVar[int | None] = None
    app_revision: ClassVar[int | None] = None
    schema: ClassVar[AppSchema] = AppSchema([])
    _gateway: ClassVar[ItemGateway | None] = None

    item_id: int | None
    revision: int | None

    def __init__(self, *, item_id: int | None = None, revision: int | None = None) -> None:
        self.item_id = item_id
        self.revision = revision
        self._original: list[dict[str, Any]] = []
        self._changes: dict[str, tuple[Any, list[Any]]] = {}

    # -- mapping between attributes and raw fields -------------------------------------------

    @classmethod
    def typed_fields(cls) -> dict[str, TypedField[Any, Any]]:
        """Attribute name -> its `TypedField`, in declaration order (the app's order)."""
        out: dict[str, TypedField[Any, Any]] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, TypedField):
                    out[name] = value
        return out

    @classmethod
    def from_item_fields(
        cls,
        fields: Sequence[Mapping[str, Any]],
        *,
        item_id: int | None = None,
        revision: int | None = None,
    ) -> Self:
        """An instance over an item's ``fields`` list as Podio sends it (nothing is copied out)."""
        instance = cls(item_id=item_id, revision=revision)
        instance._original = [dict(f) for f in fields if isinstance(f, Mapping)]
        return instance

    @classmethod
    def from_item(cls, item: Mapping[str, Any] | Any) -> Self:
        """An instance from an item: its JSON (``GET /item``) or a model with ``as_json()``.

        Raises `ValueError` when the item belongs to another app than this class's.
        """
        data: Any = item.as_json() if hasattr(item, "as_json") else item
        if not isinstance(data, Mapping):
            raise TypeError(f"expected an item dict or model, not {type(item).__name__}")
        app = data.get("app")
        app_id = app.get("app_id") if isinstance(app, Mapping) else None
        if cls.app_id is not None and app_id is not None and app_id != cls.app_id:
            raise ValueError(
                f"item {data.get('item_id')} belongs to app {app_id}, not to {cls.__name__} "
                f"(app {cls.app_id})"
            )
        fields = data.get("fields")
        item_id = data.get("item_id")
        revision = data.get("revision")
        return cls.from_item_fields(
            fields if isinstance(fields, list) else [],
            item_id=item_id if isinstance(item_id, int) else None,
            revision=revision if isinstance(revision, int) else None,
        )

    def _schema_field(self, descriptor: TypedField[Any, Any]) -> SchemaField:
        schema = type(self).schema
        found = None
        if descriptor.field_id is not None:
            found = schema.find(descriptor.field_id)
        if found is None:
            found = schema.find(descriptor.external_id)
        if found is None:
            found = self._original_field(descriptor)
        if found is None:
            raise FieldValueError(
                descriptor.attribute, None, f"{type(self).__name__} has no such app field"
            )
        return found

    def _original_field(self, descriptor: TypedField[Any, Any]) -> SchemaField | None:
        data = self._original_data(descriptor)
        return SchemaField.from_api(data) if data is not None else None

    def _original_data(self, descriptor: TypedField[Any, Any]) -> dict[str, Any] | None:
        for data in self._original:
            if descriptor.field_id is not None and data.get("field_id") == descriptor.field_id:
                return data
        for data in self._original:
            if data.get("external_id") == descriptor.external_id:
                return data
        return None

    def field(self, attribute: str) -> FieldValue:
        """The `FieldValue` of an attribute (or external_id) as it is now, for display."""
        descriptor = self._descriptor(attribute)
        field = self._schema_field(descriptor)
        raw = self._current_raw(descriptor, field)
        data = {
            "field_id": field.field_id,
            "external_id": field.external_id,
            "type": field.type,
            "label": field.label,
            "config": dict(field.config),
            "values": raw,
        }
        return FieldValue(data, schema_field=field)

    def _descriptor(self, attribute: str) -> TypedField[Any, Any]:
        fields = type(self).typed_fields()
        if attribute in fields:
            return fields[attribute]
        for descriptor in fields.values():
            if descriptor.external_id == attribute:
                return descriptor
        raise AttributeError(
            f"{type(self).__name__} has no field attribute {attribute!r}; "
            f"attributes: {', '.join(fields)}"
        )

    def _current_raw(self, descriptor: TypedField[Any, Any], field: SchemaField) -> list[Any]:
        key = self._key(field)
        if key in self._changes:
            return expected_read_values(field, self._changes[key][1])
        data = self._original_data(descriptor)
        values = data.get("values") if data is not None else None
        return list(values) if isinstance(values, list) else []

    @staticmethod
    def _key(field: SchemaField) -> str:
        return field.external_id or str(field.field_id)

    def _read(self, descriptor: TypedField[Any, Any]) -> Any:
        field = self._schema_field(descriptor)
        values = self.field(descriptor.attribute).values
        key = self._key(field)
        if key in self._changes:
            values = self._keep_given_refs(field, self._changes[key][0], values)
        if field.multiple:
            return values
        return values[0] if values else None

    @staticmethod
    def _keep_given_refs(field: SchemaField, given: Any, values: list[Any]) -> list[Any]:
        """Refs assigned as objects read back as those objects, not as id-only stubs."""
        elements = list(given) if isinstance(given, (list, tuple)) else [given]
        if len(elements) != len(values):
            return values
        return [
            e if isinstance(e, _REF_TYPES) and type(e) is type(v) and e == v else v
            for e, v in zip(elements, values, strict=True)
        ]

    def _assign(self, descriptor: TypedField[Any, Any], value: Any) -> None:
        field = self._schema_field(descriptor)
        written = write_value(value, field, name=descriptor.attribute)
        if field.required and written == []:
            raise FieldValueError(descriptor.attribute, value, "is required and cannot be empty")
        self._changes[self._key(field)] = (value, written)

    def _assign_given(self, values: Mapping[str, Any]) -> None:
        """Assign the attributes given to a generated ``__init__`` (NOT_GIVEN ones are not)."""
        fields = type(self).typed_fields()
        for name, value in values.items():
            if value is NOT_GIVEN:
                continue
            if name not in fields:
                raise AttributeError(f"{type(self).__name__} has no field attribute {name!r}")
            setattr(self, name, value)

    @property
    def changed(self) -> tuple[str, ...]:
        """Attributes assigned since the item was loaded or last saved."""
        keys = set(self._changes)
        return tuple(
            name
            for name, descriptor in type(self).typed_fields().items()
            if self._key(self._schema_field(descriptor)) in keys
        )

    def to_fields_payload(self, *, creating: bool | None = None) -> dict[str, Any]:
        """The ``fields`` body for every field that has a value now (for a create).

        Keys are external_ids. Read-only fields are left out. `creating` (default: the item
        has no id yet) also checks that every required field has a value.
        """
        values: dict[str | int, Any] = {}
        schema = type(self).schema
        for descriptor in type(self).typed_fields().values():
            field = self._schema_field(descriptor)
            if field.read_only:
                continue
            key = self._key(field)
            if key in self._changes:
                written = self._changes[key][1]
            else:
                data = self._original_data(descriptor)
                raw = data.get("values") if data is not None else None
                written = read_to_write(field, raw) if isinstance(raw, list) and raw else []
            if written:
                values[key] = written
        return fields_payload(
            values,
            schema if schema.fields else AppSchema.from_item_fields(self._original),
            creating=self.item_id is None if creating is None else creating,
        )

    def changed_fields_payload(self) -> dict[str, Any]:
        """The ``fields`` body of an update: only assigned values that differ from Podio's."""
        schema = type(self).schema
        given: dict[str | int, Any] = {key: value for key, (value, _) in self._changes.items()}
        return changed_fields(self._original, given, schema if schema.fields else None)

    def _commit(self, answer: Mapping[str, Any] | None) -> None:
        """Take a save into the loaded state: Podio's fields when it sent them, else ours."""
        if answer is not None:
            if isinstance(answer.get("item_id"), int):
                self.item_id = answer["item_id"]
            if isinstance(answer.get("revision"), int):
                self.revision = answer["revision"]
            if isinstance(answer.get("fields"), list):
                self._original = [dict(f) for f in answer["fields"] if isinstance(f, Mapping)]
                self._changes.clear()
                return
        for descriptor in type(self).typed_fields().values():
            field = self._schema_field(descriptor)
            key = self._key(field)
            if key not in self._changes:
                continue
            raw = expected_read_values(field, self._changes[key][1])
            self._original = [
                data
                for data in self._original
                if data.get("field_id") != field.field_id
                and data.get("external_id") != field.external_id
            ]
            if raw:
                self._original.append(
                    {
                        "field_id": field.field_id,
                        "external_id": field.external_id,
                        "type": field.type,
                        "label": field.label,
                        "config": dict(field.config),
                        "values": raw,
                    }
                )
        self._changes.clear()

    # -- talking to Podio through the gateway --------------------------------------------------

    @classmethod
    def use_gateway(cls, gateway: ItemGateway | None) -> None:
        """Route `find`, `iter_all`, `create` and `save` of this class (and subclasses)."""
        cls._gateway = gateway

    @classmethod
    def _require_gateway(cls) -> ItemGateway:
        if cls._gateway is None and TypedItem._gateway is None:
            # The item model provides the default gateway; loaded on first use so that this
            # module stays free of HTTP and importable on its own.
            from ..models.item import _TypedItemGateway

            TypedItem.use_gateway(_TypedItemGateway())
        if cls._gateway is None:
            raise ConfigurationError(
                f"{cls.__name__} cannot reach Podio: no item gateway is registered "
                "(TypedItem.use_gateway(...)); from_item() works without one"
            )
        return cls._gateway

    def _require_app(self) -> int:
        if type(self).app_id is None:
            raise ConfigurationError(f"{type(self).__name__} has no app_id")
        app_id = type(self).app_id
        assert app_id is not None
        return app_id

    @classmethod
    def find(cls, item_id: int, *, client: Client | None = None) -> Self:
        """Fetch one item of this app (``GET /item/{item_id}``)."""
        return cls.from_item(cls._require_gateway().get_item(item_id, client=client))

    @classmethod
    async def afind(cls, item_id: int, *, client: Client | None = None) -> Self:
        return cls.from_item(await cls._require_gateway().aget_item(item_id, client=client))

    @classmethod
    def iter_all(
        cls, *, filters: Mapping[str, Any] | None = None, client: Client | None = None
    ) -> Iterator[Self]:
        """Every item of this app matching `filters`, fetched page by page as you iterate."""
        gateway = cls._require_gateway()
        app_id = cls._class_app_id()
        for data in gateway.iter_items(app_id, filters=filters, client=client):
            yield cls.from_item(data)

    @classmethod
    async def aiter_all(
        cls, *, filters: Mapping[str, Any] | None = None, client: Client | None = None
    ) -> AsyncIterator[Self]:
        gateway = cls._require_gateway()
        async for data in gateway.aiter_items(cls._class_app_id(), filters=filters, client=client):
            yield cls.from_item(data)

    @classmethod
    def _class_app_id(cls) -> int:
        if cls.app_id is None:
            raise ConfigurationError(f"{cls.__name__} has no app_id")
        return cls.app_id

    def create(self, *, client: Client | None = None) -> None:
        """Create this item in the app (``POST /item/app/{app_id}/``); sets `item_id`.

        Checks every value and that required fields are set before sending.
        """
        if self.item_id is not None:
            raise ValueError(f"item {self.item_id} exists already; use save()")
        payload = self.to_fields_payload(creating=True)
        answer = self._require_gateway().create_item(self._require_app(), payload, client=client)
        self._commit(answer)

    async def acreate(self, *, client: Client | None = None) -> None:
        if self.item_id is not None:
            raise ValueError(f"item {self.item_id} exists already; use asave()")
        payload = self.to_fields_payload(creating=True)
        gateway = self._require_gateway()
        self._commit(await gateway.acreate_item(self._require_app(), payload, client=client))

    def save(self, *, client: Client | None = None) -> bool:
        """Create the item, or send the changed fields (``PUT /item/{item_id}``).

        Returns False when nothing changed (nothing is sent), True otherwise. The update
        carries the loaded `revision`, so Podio refuses it (409, `ConflictError`) when someone
        changed the item in between.
        """
        if self.item_id is None:
            self.create(client=client)
            return True
        payload = self.changed_fields_payload()
        if not payload:
            self._changes.clear()
            return False
        gateway = self._require_gateway()
        answer = gateway.update_item(self.item_id, payload, revision=self.revision, client=client)
        self._commit(answer)
        return True

    async def asave(self, *, client: Client | None = None) -> bool:
        if self.item_id is None:
            await self.acreate(client=client)
            return True
        payload = self.changed_fields_payload()
        if not payload:
            self._changes.clear()
            return False
        gateway = self._require_gateway()
        answer = await gateway.aupdate_item(
            self.item_id, payload, revision=self.revision, client=client
        )
        self._commit(answer)
        return True

    # -- display -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        shown: list[str] = [f"item_id={self.item_id!r}"]
        for name in list(type(self).typed_fields())[:3]:
            try:
                text = self.field(name).humanized
            except Exception:  # a repr must not fail
                text = "?"
            shown.append(f"{name}={text[:40]!r}")
        return f"<{type(self).__name__} {' '.join(shown)}>"
