"""Items: the records of an app, each holding values for the app's fields."""

from __future__ import annotations

import datetime as _dt
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Mapping,
    Sequence,
)
from typing import Any, Generic, ParamSpec, TypeVar, overload

from pydantic import PrivateAttr
from typing_extensions import Self

from .._bulk import BulkResult, Progress, arun_many, run_many
from .._client import Client, RequestOptions, format_path
from .._context import get_client
from .._errors import InvalidResponseError, PodioConnectionError, PodioError, ServerError
from .._response import Response
from .._serialization import format_date, format_datetime
from ..fields._read import FieldValue, ItemFields
from ..fields._schema import AppSchema, schema_cache
from ..fields._write import (
    changed_fields,
    expected_read_values,
    fields_payload,
    read_to_write,
    write_value,
)
from ._base import DateTime, Descriptor, Model
from ._operation import (
    AInstanceOp,
    AMemberOp,
    AReturnsOp,
    Call,
    ClientArg,
    InstanceOp,
    MemberOp,
    Paging,
    ReturnsOp,
    as_field,
    as_model_list,
    as_raw,
    as_status,
    collection,
    instance,
    member,
    members,
    paged,
    returns,
)
from .application import Application
from .by_line import ByLine
from .item_field import ItemField
from .item_revision import ItemRevision
from .via import Via

__all__ = ["Item"]

_DOC = "https://developers.podio.com/doc/items"

#: The largest page `iter_all` asks for. limits.md leaves the maximum of the filter call
#: undocumented; 500 is the page size Podio's own clients and examples stay within.
MAX_PAGE_SIZE = 500

P = ParamSpec("P")
Q = ParamSpec("Q")
R = TypeVar("R")
M = TypeVar("M", bound=Model)

#: Field values to write: a dict keyed by field id or external id (fields.md §2.3), or a list
#: of `ItemField` / ``{"field_id"|"external_id", "values"}``.
FieldValues = Mapping[Any, Any] | Sequence[ItemField | Mapping[str, Any]]

# Field types whose values Podio computes; sending them back is refused (fields.md §2.3).
_READ_ONLY_TYPES = frozenset({"calculation"})


# --------------------------------------------------------------------------------------------
# Request bodies and query strings


class _RawFields(dict[str, Any]):
    """Field values already in Podio's write form (built from `ItemField` entries)."""


def _fields_body(fields: Any) -> dict[str, Any]:
    """Field values in Podio's documented write form: ``{field_id|external_id: values}``.

    Takes that mapping as is, or a list of `ItemField` / ``{"external_id"|"field_id",
    "values"}`` entries (the form the Ruby and .NET clients send). Fields without values and
    read-only (calculation) fields are left out.
    """
    if isinstance(fields, Mapping):
        return _RawFields({str(key): value for key, value in fields.items()})
    if isinstance(fields, (str, bytes)) or not isinstance(fields, Sequence):
        raise TypeError(
            "fields must be a dict keyed by field id or external id, or a list of ItemField"
        )
    body: dict[str, Any] = _RawFields()
    for entry in fields:
        if isinstance(entry, ItemField):
            if entry.values is None or entry.type in _READ_ONLY_TYPES:
                continue
            key, values = entry.field_id or entry.external_id, entry.values
        elif isinstance(entry, Mapping) and "values" in entry:
            key, values = entry.get("field_id") or entry.get("external_id"), entry["values"]
        else:
            raise TypeError(
                "each field must be an ItemField or a dict with 'values' and 'field_id' or "
                f"'external_id', not {entry!r}"
            )
        if key is None or key == "":
            raise ValueError("an item field needs a field_id or an external_id to be saved")
        body[str(key)] = values
    return body


def _item_body(attributes: Mapping[str, Any] | None, **values: Any) -> dict[str, Any]:
    """The JSON body of an item create/update: `attributes`, overridden by given keywords."""
    body = dict(attributes or {})
    body.update({key: value for key, value in values.items() if value is not None})
    fields = body.get("fields")
    if fields is not None and not isinstance(fields, Mapping):
        body["fields"] = _fields_body(fields)  # a list of ItemField: checked, sent as is
    for key in ("tags", "file_ids"):
        if body.get(key) is not None:
            if isinstance(body[key], (str, bytes)) or not isinstance(body[key], Sequence):
                raise TypeError(f"{key} must be a list")
            body[key] = list(body[key])
    for key in ("reminder", "recurrence"):
        if isinstance(body.get(key), Mapping):
            body[key] = dict(body[key])
    return body


def _query_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    return str(value)


def _filter_query(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Filters in Podio's query-string syntax (fields.md §4).

    Lists become ``a;b`` (``None`` as ``null``), ``{"from", "to"}`` ranges ``from-to``,
    dates and datetimes Podio's text; other values pass unchanged.
    """
    query: dict[str, Any] = {}
    for key, value in filters.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            low, high = value.get("from"), value.get("to")
            query[key] = "-".join("" if end is None else _query_value(end) for end in (low, high))
        elif isinstance(value, (list, tuple, set, frozenset)):
            query[key] = ";".join(_query_value(entry) for entry in value)
        elif isinstance(value, (_dt.date, _dt.datetime)):
            query[key] = _query_value(value)
        else:
            query[key] = value
    return query


def _csv(values: Sequence[int] | None) -> str | None:
    return None if values is None else ",".join(str(value) for value in values)


def _time_params(time: _dt.datetime | str | None) -> dict[str, Any]:
    if isinstance(time, _dt.datetime):
        return {"time": format_datetime(time)}
    return {"time": time}


def _filter_body(
    filters: Mapping[str, Any] | None,
    **values: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {"filters": dict(filters or {})}
    body.update({key: value for key, value in values.items() if value is not None})
    return body


def _in_app(app_id: int) -> Callable[[Model], None]:
    """`Call.each` of the item lists: note the app asked for on each item, so that reading
    and saving its values use the app's definition as for an item fetched alone."""

    def note(item: Model) -> None:
        if isinstance(item, Item):
            item._listed_in = app_id

    return note


# --------------------------------------------------------------------------------------------
# Result parsers


def _revision_answer(response: Response) -> dict[str, Any] | None:
    """``{"revision", "title"}`` after a change, or ``None`` when Podio changed nothing (204)."""
    body = response.body
    if body is None or body == b"":
        return None
    if isinstance(body, Mapping):
        return dict(body)
    raise InvalidResponseError(
        f"unexpected answer from {response.method} {response.url.split('?', 1)[0]}: "
        "expected {revision, title}",
        response_status=response.status,
        response_body=body if isinstance(body, (str, bytes)) else repr(body)[:500],
        url=response.url,
        method=response.method,
        request_id=response.request_id,
    )


def _as_bytes(response: Response) -> bytes:
    body = response.body
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    raise InvalidResponseError(
        f"unexpected answer from {response.method} {response.url.split('?', 1)[0]}: "
        "expected a spreadsheet, got JSON",
        response_status=response.status,
        response_body=repr(body)[:500],
        url=response.url,
        method=response.method,
        request_id=response.request_id,
    )


# --------------------------------------------------------------------------------------------
# One name, two operations: `Item.create(app_id, ...)` on the class, `item.create()` on an
# instance, as the Ruby gem has class and instance methods of the same name.


class _ClassOrInstance(Descriptor):
    """Dispatches to a class operation or an instance operation by how it is reached."""

    on_class: Any
    on_instance: Any

    def __init__(self, on_class: Any, on_instance: Any) -> None:
        self.on_class = on_class
        self.on_instance = on_instance
        self.__doc__ = f"{on_class.__doc__}\n\nOn an instance: {on_instance.__doc__}"

    def __set_name__(self, owner: type, name: str) -> None:
        self.on_class.__set_name__(owner, name)
        self.on_instance.__set_name__(owner, name)
        if not self.on_class.is_async:  # the twins share these functions
            for op in (self.on_class, self.on_instance):
                op.build.__qualname__ = f"{owner.__qualname__}.{name}"

    def _get(self, obj: object, owner: type) -> Any:
        if obj is None:
            return self.on_class.__get__(None, owner)
        return self.on_instance.__get__(obj, owner)


class _MemberOrInstance(_ClassOrInstance, Generic[P, Q]):
    def __init__(self, on_class: MemberOp[P], on_instance: InstanceOp[Q]) -> None:
        super().__init__(on_class, on_instance)

    @overload
    def __get__(self, obj: None, owner: type[M]) -> Callable[P, M]: ...
    @overload
    def __get__(self, obj: Model, owner: type[Model]) -> Callable[Q, bool]: ...
    def __get__(self, obj: Model | None, owner: type[Model]) -> Any:
        return self._get(obj, owner)

    def twin(self) -> _AMemberOrInstance[P, Q]:
        return _AMemberOrInstance(self.on_class.twin(), self.on_instance.twin())


class _AMemberOrInstance(_ClassOrInstance, Generic[P, Q]):
    def __init__(self, on_class: AMemberOp[P], on_instance: AInstanceOp[Q]) -> None:
        super().__init__(on_class, on_instance)

    @overload
    def __get__(self, obj: None, owner: type[M]) -> Callable[P, Awaitable[M]]: ...
    @overload
    def __get__(self, obj: Model, owner: type[Model]) -> Callable[Q, Awaitable[bool]]: ...
    def __get__(self, obj: Model | None, owner: type[Model]) -> Any:
        return self._get(obj, owner)


class _ReturnsOrInstance(_ClassOrInstance, Generic[P, R, Q]):
    def __init__(self, on_class: ReturnsOp[P, R], on_instance: InstanceOp[Q]) -> None:
        super().__init__(on_class, on_instance)

    @overload
    def __get__(self, obj: None, owner: type[Model]) -> Callable[P, R]: ...
    @overload
    def __get__(self, obj: Model, owner: type[Model]) -> Callable[Q, bool]: ...
    def __get__(self, obj: Model | None, owner: type[Model]) -> Any:
        return self._get(obj, owner)

    def twin(self) -> _AReturnsOrInstance[P, R, Q]:
        return _AReturnsOrInstance(self.on_class.twin(), self.on_instance.twin())


class _AReturnsOrInstance(_ClassOrInstance, Generic[P, R, Q]):
    def __init__(self, on_class: AReturnsOp[P, R], on_instance: AInstanceOp[Q]) -> None:
        super().__init__(on_class, on_instance)

    @overload
    def __get__(self, obj: None, owner: type[Model]) -> Callable[P, Awaitable[R]]: ...
    @overload
    def __get__(self, obj: Model, owner: type[Model]) -> Callable[Q, Awaitable[bool]]: ...
    def __get__(self, obj: Model | None, owner: type[Model]) -> Any:
        return self._get(obj, owner)


# --------------------------------------------------------------------------------------------
# The calls behind `create` and `update` (declared in the class through _ClassOrInstance)


#: An app definition for converting and checking field values: an `AppSchema`, the body of
#: ``GET /app/{app_id}``, or its ``fields`` list. ``True`` (the default) fetches the app once per
#: client and keeps it (`podio.fields.schema_cache`); ``False`` sends values as given.
SchemaArg = AppSchema | Mapping[str, Any] | Sequence[Mapping[str, Any]] | bool

_Prepared = Generator[RequestOptions, Response, Call]


def _load_schema(
    app_id: int | None, schema: SchemaArg, client: Client | None, *, revision: int | None = None
) -> Generator[RequestOptions, Response, AppSchema | None]:
    """The app's definition: given, cached for this client, or fetched once (one GET).

    With `revision` (an item's ``app.current_revision``) a cached definition of another
    revision is fetched again: the app changed since it was cached.
    """
    if schema is False:
        return None
    if schema is not True:
        return AppSchema.coerce(schema)  # a given definition serves without an app_id too
    if app_id is None:
        return None
    resolved = get_client(client)
    cached = schema_cache.get(resolved, app_id, revision=revision)
    if cached is not None:
        return cached
    response = yield RequestOptions("GET", format_path("/app/{app_id}", app_id=app_id))
    problem = "is not a JSON object"
    if isinstance(response.body, Mapping):
        try:
            return schema_cache.put(resolved, app_id, AppSchema.from_app(response.body))
        except (TypeError, ValueError) as exc:
            problem = f"cannot be read: {exc}"
    raise InvalidResponseError(
        f"the app's definition {problem}",
        response_status=response.status,
        url=response.url,
        method=response.method,
        request_id=response.request_id,
    )


def _field_json(field: ItemField) -> dict[str, Any]:
    """A field as JSON, or as Python values when JSON cannot hold what Podio sent (nesting
    past the serializer's depth): reading an item must not fail on it, and saving one whose
    changed field cannot be sent fails in `dumps` with a ValueError."""
    try:
        return field.as_json()
    except ValueError:
        return field.model_dump(by_alias=True, exclude_unset=True)


def _python_values(fields: Any) -> bool:
    """Field values given as a mapping are converted; `ItemField` lists are sent as they are
    (`_item_body` has put them in Podio's form already, tagged by `_RawFields`)."""
    return isinstance(fields, Mapping) and not isinstance(fields, _RawFields)


def _convert_fields(
    body: dict[str, Any],
    app_id: int | None,
    schema: SchemaArg,
    client: Client | None,
    *,
    creating: bool,
) -> Generator[RequestOptions, Response, None]:
    """Turn the body's `fields` from Python values into Podio's write shapes, checked against
    the app's definition (`FieldValueError` before anything is written)."""
    if not isinstance(schema, bool):
        given = AppSchema.coerce(schema)  # a broken definition is refused, used or not
        if given is not None:
            schema = given
    fields = body.get("fields")
    if fields is None and not creating:
        return
    values = fields if _python_values(fields) else None
    if values is None and fields is not None:
        body["fields"] = _fields_body(fields)
        return
    loaded = yield from _load_schema(app_id, schema, client)
    body["fields"] = fields_payload(dict(values or {}), loaded, creating=creating)


def _create(
    cls: type[Item],
    app_id: int,
    attributes: Mapping[str, Any] | None = None,
    *,
    fields: FieldValues | None = None,
    external_id: str | None = None,
    file_ids: Sequence[int] | None = None,
    tags: Sequence[str] | None = None,
    reminder: Mapping[str, Any] | None = None,
    recurrence: Mapping[str, Any] | None = None,
    schema: SchemaArg = True,
    silent: bool | None = None,
    hook: bool | None = None,
    client: ClientArg = None,
) -> _Prepared:
    """Create an item in an app and return it as Podio answers (at least its `item_id`).

    `fields` holds the values by field id or external id, as Python values
    (``{"title": "Launch", "status": "Done", "due": date(2026, 12, 1), "budget":
    Money("1200.50", "EUR"), "owner": user_id, "project": other_item}``; docs/fields.md) or in
    any of Podio's write forms (fields.md §2.3). They are checked against the app's definition
    (`schema`; fetched once per client by default): an unknown field, an option that does not
    exist, a value of the wrong type, a missing required field or a calculation field raise
    `podio.FieldValueError` before anything is created. A list of `ItemField` is sent as it
    is. The keywords override the same keys of `attributes`. `silent` keeps the creation out
    of streams and notifications; ``hook=False`` fires no webhooks.
    """
    body = _item_body(
        attributes,
        fields=fields,
        external_id=external_id,
        file_ids=file_ids,
        tags=tags,
        reminder=reminder,
        recurrence=recurrence,
    )
    yield from _convert_fields(body, app_id, schema, client, creating=True)
    return Call(path={"app_id": app_id}, params={"silent": silent, "hook": hook}, json=body)


def _create_self(
    self: Item, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
) -> _Prepared:
    """Create this item in its app (`app_id`) from its `fields` (and values set with
    ``item[key] = value``), `external_id`, `tags` and `file_ids`; takes in what Podio
    answers (`item_id`, `title`, `link`, ...)."""
    app_id = self.app_id
    if app_id is None:
        raise ValueError("an item needs app_id before it can be created: Item(app_id=..., ...)")
    body = self._write_body()
    if self._changes:
        # Values of `fields` entries (in Podio's write form, which the conversion accepts too)
        # and Python values set with item[key] = value go through one conversion. A value set
        # with item[key] also shows in `fields` (under its field_id) once the app's definition
        # is known: the Python value is the one to send, once.
        written = dict(body.get("fields") or {})
        for entry in self.fields or []:
            if entry.field_id in self._changes or entry.external_id in self._changes:
                written.pop(str(entry.field_id), None)
                written.pop(str(entry.external_id), None)
        body["fields"] = {**written, **self._changes}
    # The schema comes through the client the call uses: the item's own when none is given.
    yield from _convert_fields(
        body, app_id, self._schema_arg(), client or self._client, creating=True
    )

    def take(response: Response) -> None:
        self._take(response.body)
        self._changes.clear()
        self._remember()

    return Call(
        path={"app_id": app_id}, params={"silent": silent, "hook": hook}, json=body, after=take
    )


def _update(
    cls: type[Item],
    item_id: int,
    attributes: Mapping[str, Any] | None = None,
    *,
    fields: FieldValues | None = None,
    external_id: str | None = None,
    file_ids: Sequence[int] | None = None,
    tags: Sequence[str] | None = None,
    reminder: Mapping[str, Any] | None = None,
    recurrence: Mapping[str, Any] | None = None,
    revision: int | None = None,
    app_id: int | None = None,
    schema: SchemaArg = False,
    silent: bool | None = None,
    hook: bool | None = None,
    client: ClientArg = None,
) -> _Prepared:
    """Change an item: only the fields given change, ``None`` or ``[]`` clears a field.

    Values are converted as for `create`; give `app_id` (and leave `schema` to fetch its
    definition) or `schema` to have them converted and checked against the app's fields. With
    `revision`, Podio refuses the change (`ConflictError`, 409) if the item changed since that
    revision. Returns ``{"revision": int, "title": str}``, or ``None`` when Podio answers 204
    because nothing changed.
    """
    body = _item_body(
        attributes,
        fields=fields,
        external_id=external_id,
        file_ids=file_ids,
        tags=tags,
        reminder=reminder,
        recurrence=recurrence,
        revision=revision,
    )
    wanted: SchemaArg = True if (schema is False and app_id is not None) else schema
    yield from _convert_fields(body, app_id, wanted, client, creating=False)
    return Call(path={"item_id": item_id}, params={"silent": silent, "hook": hook}, json=body)


def _update_self(
    self: Item, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
) -> _Prepared:
    """Save what changed in this item since it was read or last saved: fields set with
    ``item[key] = value`` or edited in `fields`, and `external_id`, `tags` or `file_ids`
    if they changed (an item built by hand sends everything it holds). The item's `revision`
    goes along, so a change someone made meanwhile makes the save fail with a 409
    `ConflictError` (kept in `error`) instead of being overwritten. Takes in the new
    `revision` and `title`.
    """
    body: dict[str, Any] = {}
    python: dict[str | int, Any] = {}
    given = (self.__pydantic_extra__ or {}).get("fields")
    if isinstance(given, Mapping):
        python.update(given)
    python.update(self._changes)
    known = self._item_schema()
    fields_body: dict[str, Any] = {}
    if python:
        loaded = yield from _load_schema(
            self.app_id,
            self._schema_arg(),
            client or self._client,
            revision=self._app_revision(),
        )
        known = loaded if loaded is not None else known
        fields_body.update(changed_fields(self._raw_fields(original=True), python, known))
    fields_body.update(self._edited_fields(known, skip=python))
    if fields_body or python:
        body["fields"] = fields_body
    for key in ("external_id", "tags", "file_ids"):
        value = getattr(self, key)
        if value is not None and value != self._original.get(key):
            body[key] = list(value) if isinstance(value, list) else value
    if self.revision is not None:
        body["revision"] = self.revision

    def take(response: Response) -> None:
        self._take_answer(response.body, ("revision", "title"))
        self._changes.clear()
        if isinstance(given, Mapping):
            (self.__pydantic_extra__ or {}).pop("fields", None)
        self._remember()

    return Call(
        path={"item_id": self.item_id},
        params={"silent": silent, "hook": hook},
        json=body,
        after=take,
    )


# --------------------------------------------------------------------------------------------


class Item(Model):
    """An item (items.md §1): a record of an app with its `fields` and their values.

    Build a new one and save it, or call the class operations::

        item = podio.Item(app_id=12, fields={"title": "Hello"}, tags=["new"])
        if not item.save():
            print(item.error_code, item.error_message)

        item = podio.Item.create(12, fields={"title": "Hello"})
        for item in podio.Item.iter_all(12, filters={"status": [1]}):
            ...

    `fields` is a list of `ItemField` as Podio sends them; a dict keyed by field id or
    external id is accepted for saving (it stays raw, see `as_json`).
    """

    _id_field = "item_id"
    _changes: dict[str | int, Any] = PrivateAttr(default_factory=dict)
    _original: dict[str, Any] = PrivateAttr(default_factory=dict)
    _schema: AppSchema | None = PrivateAttr(default=None)
    # The app a list call asked for, when the listed item does not name it (`app_id`).
    _listed_in: int | None = PrivateAttr(default=None)

    item_id: int | None = None
    app_item_id: int | None = None
    app_item_id_formatted: str | None = None
    external_id: str | None = None
    title: str | None = None
    link: str | None = None
    app: Application | None = None
    fields: list[ItemField] | None = None
    revision: int | None = None
    initial_revision: ItemRevision | None = None
    current_revision: ItemRevision | None = None
    revisions: list[ItemRevision] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    last_event_on: DateTime | None = None
    rights: list[str] | None = None
    tags: list[str] | None = None
    files: list[dict[str, Any]] | None = None
    file_ids: list[int] | None = None
    comments: list[dict[str, Any]] | None = None
    tasks: list[dict[str, Any]] | None = None
    conversations: list[dict[str, Any]] | None = None
    shares: list[dict[str, Any]] | None = None
    refs: list[dict[str, Any]] | None = None
    references: list[dict[str, Any]] | None = None
    ref: dict[str, Any] | None = None
    ratings: dict[str, Any] | None = None
    user_ratings: dict[str, Any] | None = None
    votes: dict[str, Any] | None = None
    like_count: int | None = None
    is_liked: bool | None = None
    subscribed: bool | None = None
    subscribed_count: int | None = None
    comment_count: int | None = None
    file_count: int | None = None
    task_count: int | None = None
    participants: dict[str, Any] | None = None
    reminder: dict[str, Any] | None = None
    recurrence: dict[str, Any] | None = None
    linked_account_id: int | None = None
    linked_account_data: dict[str, Any] | None = None
    grant: dict[str, Any] | None = None
    invite: dict[str, Any] | None = None
    # A float in most answers, an int in some (samples/item-get-*.json): kept as sent.
    priority: int | float | None = None
    excerpt: str | None = None
    pinned: bool | None = None
    push: dict[str, Any] | None = None
    presence: dict[str, Any] | None = None
    sharefile_vault_url: str | None = None
    sharefile_vault_folder_id: str | int | None = None

    def __init__(self, data: Mapping[str, Any] | None = None, /, **values: Any) -> None:
        # Declared here so type checkers take any keyword, as the base model does at run time:
        # `app_id` is not an attribute Podio sends, and `fields` may be given as a dict.
        super().__init__(data, **values)

    # -- convenience -------------------------------------------------------------------------

    @property
    def app_id(self) -> int | None:
        """The id of the item's app: given as ``Item(app_id=...)``, else ``app.app_id``, else
        the app a list call (`find_all`, `filter`, `iter_all`...) asked for: Podio's item
        lists leave each item's app out (samples/item-filter.json)."""
        given = (self.__pydantic_extra__ or {}).get("app_id")
        if given is not None:
            return int(given)
        if self.app is not None and self.app.app_id is not None:
            return self.app.app_id
        return self._listed_in

    @app_id.setter
    def app_id(self, value: int | None) -> None:
        if self.__pydantic_extra__ is None:  # pragma: no cover - extra="allow" always sets it
            raise AttributeError("app_id")
        self.__pydantic_extra__["app_id"] = value

    def _write_body(self) -> dict[str, Any]:
        """What saving sends: the field values, external id, tags and files to attach."""
        body: dict[str, Any] = {}
        raw_fields = (self.__pydantic_extra__ or {}).get("fields")
        if self.fields is not None:
            body["fields"] = _fields_body(self.fields)
        elif isinstance(raw_fields, Mapping):
            body["fields"] = dict(raw_fields)  # Python values, converted when saved
        if self.external_id is not None:
            body["external_id"] = self.external_id
        if self.tags is not None:
            body["tags"] = list(self.tags)
        if self.file_ids is not None:
            body["file_ids"] = list(self.file_ids)
        return body

    def _take(self, body: Any) -> None:
        """Take Podio's answer about this item into it (every key Podio sent)."""
        self._take_answer(body)

    # -- typed field values -----------------------------------------------------------------

    @classmethod
    def from_api(cls, data: Any, *, client: Client | None = None) -> Self:
        item = super().from_api(data, client=client)
        item._remember()
        return item

    def _remember(self) -> None:
        """Note what the item holds now: `save` sends only what changes from here."""
        self._original = {
            "fields": self._raw_fields(),
            "external_id": self.external_id,
            "tags": list(self.tags) if self.tags is not None else None,
            "file_ids": list(self.file_ids) if self.file_ids is not None else None,
        }

    def _raw_fields(self, *, original: bool = False) -> list[dict[str, Any]]:
        if original and "fields" in self._original:
            return list(self._original["fields"])
        return [_field_json(field) for field in self.fields or []]

    def _item_schema(self) -> AppSchema | None:
        """What this item tells of its app's fields (only those that have values)."""
        raw = self._raw_fields()
        return AppSchema.from_item_fields(raw) if raw else None

    def _edited_fields(
        self, schema: AppSchema | None, *, skip: Mapping[str | int, Any]
    ) -> dict[str, Any]:
        """Fields whose values were edited in `fields` since the item was read, in write form
        (Podio reads and takes values in different shapes: fields.md §2.3)."""
        before: dict[object, Any] = {}
        for data in self._raw_fields(original=True):
            for key in (data.get("field_id"), data.get("external_id")):
                if key is not None:
                    before[key] = data.get("values")
        skipped: set[object] = set(skip)
        if schema is not None:
            for key in skip:
                found = schema.find(key)
                if found is not None:
                    skipped.update((found.field_id, found.external_id))
        edited: dict[str, Any] = {}
        for entry in self.fields or []:
            if entry.values is None or entry.type in _READ_ONLY_TYPES:
                continue
            keys = (entry.field_id, entry.external_id)
            if skipped.intersection(key for key in keys if key is not None):
                continue
            old = next((before[key] for key in keys if key in before), None)
            if old == entry.values:
                continue
            name = entry.field_id if entry.field_id is not None else entry.external_id
            if name is None:
                raise ValueError("an item field needs a field_id or an external_id to be saved")
            target = schema.find(name) if schema is not None else None
            values = entry.values
            if target is not None:
                try:
                    values = read_to_write(target, values)
                except ValueError:
                    values = entry.values  # already in a write form, or unreadable: as given
            edited[str(name)] = values
        return edited

    def _app_revision(self) -> int | None:
        """The revision of the app's definition when this item was read (``app``)."""
        return self.app.current_revision if self.app is not None else None

    def _known_schema(self) -> AppSchema | None:
        """The app's definition if given or already fetched by this item's client (and still
        the revision the item was read with), else what the item itself tells."""
        if self._schema is not None:
            return self._schema
        app_id = self.app_id
        if app_id is not None:
            try:
                client = get_client(self._client)
            except PodioError:
                client = None
            if client is not None:
                cached = schema_cache.get(client, app_id, revision=self._app_revision())
                if cached is not None:
                    return cached
        return self._item_schema()

    def _schema_arg(self) -> SchemaArg:
        return self._schema if self._schema is not None else True

    def use_schema(
        self, schema: AppSchema | Mapping[str, Any] | Sequence[Mapping[str, Any]]
    ) -> None:
        """Check and convert this item's values against this app definition (no fetching)."""
        self._schema = AppSchema.coerce(schema)

    @property
    def values(self) -> ItemFields:
        """The item's fields with typed values, by external id, field id or label.

        ``item.values["status"].value``; with the app's definition known (fetched or given),
        fields without a value are there too, empty.
        """
        schema = self._known_schema()
        complete = schema if schema is not None and schema.complete else None
        return ItemFields(self._raw_fields(), schema=complete)

    def field(self, key: str | int) -> FieldValue:
        """One field, by external id, field id or label, with its typed `value`/`values`.

        Raises `podio.fields.FieldNotFoundError` (a `KeyError`) naming the known fields.
        """
        return self.values[key]

    def __getitem__(self, key: str | int) -> FieldValue:
        return self.field(key)

    def __setitem__(self, key: str | int, value: Any) -> None:
        """Set a field to a Python value, checked now (`podio.FieldValueError`) against what is
        known of the app; `save` sends it. ``None`` or ``[]`` clears the field."""
        schema = self._known_schema()
        target = schema.find(key) if schema is not None else None
        if target is None and schema is not None and schema.complete:
            schema.resolve(key)  # raises FieldNotFoundError naming the known fields
        written = write_value(value, target, name=key)
        name = (target.external_id or target.field_id) if target is not None else key
        self._changes[name if name is not None else key] = value
        if target is not None:
            self._show(target.field_id, target.external_id, written, target)

    def _show(
        self, field_id: int | None, external_id: str | None, written: list[Any], target: Any
    ) -> None:
        """Let reading the field give the new value before it is saved."""
        try:
            values = expected_read_values(target, written)
        except (ValueError, TypeError):
            return
        fields = list(self.fields or [])
        for entry in fields:
            if (field_id is not None and entry.field_id == field_id) or (
                external_id is not None and entry.external_id == external_id
            ):
                entry.values = values
                break
        else:
            fields.append(
                ItemField.from_api(
                    {
                        "field_id": field_id,
                        "external_id": external_id,
                        "type": target.type,
                        "label": target.label,
                        "config": dict(target.config) if getattr(target, "config", None) else {},
                        "values": values,
                    }
                )
            )
            self.fields = fields

    @property
    def changes(self) -> dict[str | int, Any]:
        """The field values set since the item was read or last saved."""
        return dict(self._changes)

    # -- creating, changing and deleting -------------------------------------------------------

    create = _MemberOrInstance(
        member("POST", "/item/app/{app_id}/", doc=f"{_DOC}/add-new-item-22362")(_create),
        instance("POST", "/item/app/{app_id}/", doc=f"{_DOC}/add-new-item-22362")(_create_self),
    )
    acreate = create.twin()

    update = _ReturnsOrInstance(
        returns(_revision_answer, "PUT", "/item/{item_id}", doc=f"{_DOC}/update-item-22363")(
            _update
        ),
        instance("PUT", "/item/{item_id}", doc=f"{_DOC}/update-item-22363")(_update_self),
    )
    aupdate = update.twin()

    @classmethod
    def create_many(
        cls,
        app_id: int,
        entries: Sequence[Mapping[str, Any]],
        *,
        concurrency: int = 4,
        attempts: int = 3,
        silent: bool | None = None,
        hook: bool | None = None,
        progress: Progress | None = None,
        client: ClientArg = None,
    ) -> BulkResult[Self]:
        """Create many items in an app, each exactly once, and say which ones failed.

        Each entry holds what `create` takes (``{"fields": {...}, "external_id": ...}``). A
        creation whose answer never arrived (a dropped connection, a 5xx) may still have been
        stored, so before trying again the item is looked up by its external id: an entry
        without one gets ``podio-batch-<random>``. Up to `attempts` tries per entry; errors
        Podio gave for the entry itself (an invalid value, say) are not repeated. The result
        maps each entry's position to its item, or to the error that stopped it.
        """
        plans = [_creation_plan(entry) for entry in entries]
        target = _resolve_client(client)
        return run_many(
            plans,
            lambda plan: _create_once(cls, target, app_id, plan, attempts, silent, hook),
            concurrency=concurrency,
            progress=progress,
        )

    @classmethod
    async def acreate_many(
        cls,
        app_id: int,
        entries: Sequence[Mapping[str, Any]],
        *,
        concurrency: int = 4,
        attempts: int = 3,
        silent: bool | None = None,
        hook: bool | None = None,
        progress: Progress | None = None,
        client: ClientArg = None,
    ) -> BulkResult[Self]:
        """Async twin of `create_many`: up to `concurrency` creations in flight as tasks."""
        plans = [_creation_plan(entry) for entry in entries]
        target = _resolve_client(client)
        return await arun_many(
            plans,
            lambda plan: _acreate_once(cls, target, app_id, plan, attempts, silent, hook),
            concurrency=concurrency,
            progress=progress,
        )

    def save(
        self, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
    ) -> bool:
        """`create` this item if it has no `item_id` yet, else `update` it.

        Returns ``True`` on success; on an API error ``False``, keeping the error in `error`,
        `error_code`, `error_message`, `error_parameters`.
        """
        if self.new_record:
            return self.create(silent=silent, hook=hook, client=client)
        return self.update(silent=silent, hook=hook, client=client)

    async def asave(
        self, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
    ) -> bool:
        """Async twin of `save`."""
        if self.new_record:
            return await self.acreate(silent=silent, hook=hook, client=client)
        return await self.aupdate(silent=silent, hook=hook, client=client)

    @instance("DELETE", "/item/{item_id}", doc=f"{_DOC}/delete-item-22364")
    def destroy(
        self, *, silent: bool | None = None, hook: bool | None = None, client: ClientArg = None
    ) -> Call:
        """Delete this item on Podio."""
        return Call(path={"item_id": self.item_id}, params={"silent": silent, "hook": hook})

    adestroy = destroy.twin()

    @returns(as_raw, "DELETE", "/item/{item_id}", doc=f"{_DOC}/delete-item-22364")
    def delete(
        cls,
        item_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Delete an item (it leaves every view); returns Podio's answer, usually empty."""
        return Call(path={"item_id": item_id}, params={"silent": silent, "hook": hook})

    adelete = delete.twin()

    @returns(as_raw, "POST", "/item/app/{app_id}/delete", doc=f"{_DOC}/bulk-delete-items-19406111")
    def bulk_delete(
        cls,
        app_id: int,
        *,
        item_ids: Sequence[int] | None = None,
        view_id: int | None = None,
        filters: Mapping[str, Any] | None = None,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Delete many items of an app: those in `item_ids`, or those a view and/or filters
        select (Podio ignores `view_id` and `filters` when `item_ids` is given).

        Podio deletes asynchronously and answers ``{"deleted": [...], "pending": [...]}``.
        Without any selection nothing is sent: an empty selection must never mean "all".
        App-authenticated clients may not bulk delete.
        """
        if item_ids is None and view_id is None and filters is None:
            raise ValueError("bulk_delete needs item_ids, a view_id or filters")
        if item_ids is not None and (isinstance(item_ids, (str, bytes)) or not list(item_ids)):
            raise ValueError("item_ids must be a non-empty list of item ids")
        body: dict[str, Any] = {}
        if item_ids is not None:
            body["item_ids"] = list(item_ids)
        if view_id is not None:
            body["view_id"] = view_id
        if filters is not None:
            body["filters"] = dict(filters)
        return Call(path={"app_id": app_id}, params={"silent": silent, "hook": hook}, json=body)

    abulk_delete = bulk_delete.twin()

    @member("POST", "/item/{item_id}/clone", doc=f"{_DOC}/clone-item-37722742")
    def clone(
        cls,
        item_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Copy an item in its app. Returns the copy (Podio answers ``{"item_id": ...}``,
        which the Ruby gem returns bare; here it is `item_id`)."""
        return Call(path={"item_id": item_id}, params={"silent": silent, "hook": hook})

    aclone = clone.twin()

    @returns(as_raw, "GET", "/item/{item_id}/clone", doc=f"{_DOC}/get-item-clone-96822231")
    def find_clone(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """What a copy of an item would start with: ``{"values", "files", "tags"}``."""
        return Call(path={"item_id": item_id})

    afind_clone = find_clone.twin()

    # -- finding one item ----------------------------------------------------------------------

    @member("GET", "/item/{item_id}", doc=f"{_DOC}/get-item-22360")
    def find(
        cls,
        item_id: int,
        *,
        mark_as_viewed: bool | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One item, in full. ``mark_as_viewed=False`` leaves its notifications unread;
        `fields` shapes the answer (conventions.md §5), e.g. ``"files"``."""
        return Call(
            path={"item_id": item_id}, params={"mark_as_viewed": mark_as_viewed, "fields": fields}
        )

    afind = find.twin()

    @member("GET", "/item/{item_id}/basic", doc=f"{_DOC}/get-item-basic-61768")
    def find_basic(
        cls,
        item_id: int,
        *,
        mark_as_viewed: bool | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One item without its comments and other side data: faster than `find`."""
        return Call(
            path={"item_id": item_id}, params={"mark_as_viewed": mark_as_viewed, "fields": fields}
        )

    afind_basic = find_basic.twin()

    @member(
        "GET", "/app/{app_id}/item/{app_item_id}", doc=f"{_DOC}/get-item-by-app-item-id-66506688"
    )
    def find_by_app_item_id(
        cls, app_id: int, app_item_id: int, *, client: ClientArg = None
    ) -> Call:
        """The item with the given per-app number (the one in its URL)."""
        return Call(path={"app_id": app_id, "app_item_id": app_item_id})

    afind_by_app_item_id = find_by_app_item_id.twin()

    @member(
        "GET",
        "/item/app/{app_id}/external_id/{external_id}",
        doc=f"{_DOC}/get-item-by-external-id-19556702",
    )
    def find_by_external_id(
        cls, app_id: int, external_id: str, *, client: ClientArg = None
    ) -> Call:
        """The item of an app with the given external id. External ids are not unique: with
        duplicates Podio returns one of them (see `find_all_by_external_id`)."""
        return Call(path={"app_id": app_id, "external_id": external_id})

    afind_by_external_id = find_by_external_id.twin()

    @collection("GET", "/item/app/{app_id}/v2/")
    def find_all_by_external_id(
        cls, app_id: int, external_id: str, *, client: ClientArg = None
    ) -> Call:
        """Every item of an app with the given external id, as a `Collection`."""
        return Call(
            path={"app_id": app_id}, params={"external_id": external_id}, each=_in_app(app_id)
        )

    afind_all_by_external_id = find_all_by_external_id.twin()

    @member("GET", "/item/{item_id}/{operation}")
    def find_next(
        cls, item_id: int, *, time: _dt.datetime | str | None = None, client: ClientArg = None
    ) -> Call:
        """The item after this one in the user's last used view of its app."""
        return Call(path={"item_id": item_id, "operation": "next"}, params=_time_params(time))

    afind_next = find_next.twin()

    @member("GET", "/item/{item_id}/{operation}")
    def find_previous(
        cls, item_id: int, *, time: _dt.datetime | str | None = None, client: ClientArg = None
    ) -> Call:
        """The item before this one in the user's last used view of its app."""
        return Call(path={"item_id": item_id, "operation": "previous"}, params=_time_params(time))

    afind_previous = find_previous.twin()

    @member(
        "GET",
        "/item/{item_id}/reference/{field_id}/preview",
        doc=f"{_DOC}/get-item-preview-for-field-reference-7529318",
    )
    def find_basic_by_field(cls, item_id: int, field_id: int, *, client: ClientArg = None) -> Call:
        """A short view of an item as a relationship field (`field_id`) shows it."""
        return Call(path={"item_id": item_id, "field_id": field_id})

    afind_basic_by_field = find_basic_by_field.twin()

    @returns(as_raw, "GET", "/item/{item_id}/meeting/url", doc=f"{_DOC}/get-meeting-url-14763260")
    def find_meeting_url(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """The meeting link of an item of a meeting app: ``{"url": ...}``."""
        return Call(path={"item_id": item_id})

    afind_meeting_url = find_meeting_url.twin()

    # -- lists of items ------------------------------------------------------------------------

    @collection("GET", "/item/app/{app_id}/", doc=f"{_DOC}/get-items-27803")
    def find_all(
        cls,
        /,
        app_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        view_id: int | None = None,
        fields: str | None = None,
        client: ClientArg = None,
        **filters: Any,
    ) -> Call:
        """One page of an app's items as a `Collection` (`count` matching, `total_count` in
        the app). Filters go as keywords by field id or external id, in query form:
        ``find_all(12, status=[1, 2], price={"from": 10, "to": 20})`` sends ``status=1;2`` and
        ``price=10-20`` (fields.md §4). ``view_id=0`` uses the user's last view."""
        params: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "sort_by": sort_by,
            "sort_desc": sort_desc,
            "view_id": view_id,
            "fields": fields,
        }
        params.update(_filter_query(filters))
        return Call(path={"app_id": app_id}, params=params, each=_in_app(app_id))

    afind_all = find_all.twin()

    @collection("POST", "/item/app/{app_id}/filter/", doc=f"{_DOC}/filter-items-4496747")
    def find_by_filter_values(
        cls,
        app_id: int,
        filters: Mapping[str, Any] | None = None,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        remember: bool | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One page of the items matching `filters` (keyed by field id, external id or
        ``created_on``/``created_by``/...; fields.md §4), as a `Collection`.

        Podio's page is 30 items by default. ``remember=True`` stores the filter as the user's
        last used view. ``fields="items.fields(files)"`` includes attachments. Also available
        as `filter`, the name the PHP client uses; `iter_all` walks every page.
        """
        body = _filter_body(
            filters,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_desc=sort_desc,
            remember=remember,
        )
        return Call(
            path={"app_id": app_id},
            params={"fields": fields},
            json=body,
            idempotent=True,
            each=_in_app(app_id),
        )

    afind_by_filter_values = find_by_filter_values.twin()
    filter = find_by_filter_values
    afilter = afind_by_filter_values

    @paged("POST", "/item/app/{app_id}/filter/", doc=f"{_DOC}/filter-items-4496747")
    def iter_all(
        cls,
        app_id: int,
        filters: Mapping[str, Any] | None = None,
        *,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        page_size: int = 100,
        client: ClientArg = None,
    ) -> Paging:
        """Every item matching `filters`, fetched `page_size` at a time (at most 500) as the
        loop goes on; for ``for`` and ``async for``. Stops once Podio's ``filtered`` count
        is reached."""
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError("page_size must be an int")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        format_path("/item/app/{app_id}/filter/", app_id=app_id)  # a bad id fails now
        body = _filter_body(filters, sort_by=sort_by, sort_desc=sort_desc)

        def page(offset: int, limit: int) -> Call:
            return Call(
                path={"app_id": app_id},
                json={**body, "limit": limit, "offset": offset},
                idempotent=True,
                each=_in_app(app_id),
            )

        return Paging(call=page, page_size=page_size, items_key="items", count_key="filtered")

    @collection(
        "POST", "/item/app/{app_id}/filter/{view_id}/", doc=f"{_DOC}/filter-items-by-view-4540284"
    )
    def filter_by_view(
        cls,
        app_id: int,
        view_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        remember: bool | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One page of the items a saved view selects, in the view's order unless `sort_by`
        says otherwise, as a `Collection`. The Ruby gem calls it `find_by_filter_id`."""
        body = {
            key: value
            for key, value in {
                "limit": limit,
                "offset": offset,
                "sort_by": sort_by,
                "sort_desc": sort_desc,
                "remember": remember,
            }.items()
            if value is not None
        }
        return Call(
            path={"app_id": app_id, "view_id": view_id},
            params={"fields": fields},
            json=body,
            idempotent=True,
            each=_in_app(app_id),
        )

    afilter_by_view = filter_by_view.twin()
    find_by_filter_id = filter_by_view
    afind_by_filter_id = afilter_by_view

    @paged(
        "POST", "/item/app/{app_id}/filter/{view_id}/", doc=f"{_DOC}/filter-items-by-view-4540284"
    )
    def iter_by_view(
        cls,
        app_id: int,
        view_id: int,
        *,
        page_size: int = 100,
        client: ClientArg = None,
    ) -> Paging:
        """Every item a saved view selects, fetched `page_size` at a time (at most 500)."""
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError("page_size must be an int")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        format_path("/item/app/{app_id}/filter/{view_id}/", app_id=app_id, view_id=view_id)

        def page(offset: int, limit: int) -> Call:
            return Call(
                path={"app_id": app_id, "view_id": view_id},
                json={"limit": limit, "offset": offset},
                idempotent=True,
                each=_in_app(app_id),
            )

        return Paging(call=page, page_size=page_size, items_key="items", count_key="filtered")

    @returns(
        as_field("count", int),
        "GET",
        "/item/app/{app_id}/count/",
        doc=f"{_DOC}/get-item-count-34819997",
    )
    def count(
        cls,
        /,
        app_id: int,
        *,
        view_id: int | None = None,
        client: ClientArg = None,
        **filters: Any,
    ) -> Call:
        """How many items of an app match a view and/or filters (query form, as in
        `find_all`). The Ruby gem calls it `item_count`."""
        params: dict[str, Any] = {"view_id": view_id}
        params.update(_filter_query(filters))
        return Call(path={"app_id": app_id}, params=params)

    acount = count.twin()
    item_count = count
    aitem_count = acount

    @returns(_as_bytes, "GET", "/item/app/{app_id}/xlsx/", doc=f"{_DOC}/get-items-as-xlsx-63233")
    def xlsx(
        cls,
        /,
        app_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        view_id: int | None = None,
        deleted_columns: bool | None = None,
        client: ClientArg = None,
        **filters: Any,
    ) -> Call:
        """An app's items as an Excel spreadsheet (the file's bytes; Podio's default `limit`
        is 20). Filters as in `find_all`. For large exports use `export`, which runs as a
        batch."""
        params: dict[str, Any] = {
            "limit": limit,
            "offset": offset,
            "sort_by": sort_by,
            "sort_desc": sort_desc,
            "view_id": view_id,
            "deleted_columns": deleted_columns,
        }
        params.update(_filter_query(filters))
        return Call(path={"app_id": app_id}, params=params)

    axlsx = xlsx.twin()

    @returns(
        as_raw, "POST", "/item/app/{app_id}/export/{exporter}", doc=f"{_DOC}/export-items-4235696"
    )
    def export(
        cls,
        app_id: int,
        exporter: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        view_id: int | None = None,
        filters: Mapping[str, Any] | None = None,
        sort_by: str | None = None,
        sort_desc: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Export an app's items as a spreadsheet (`exporter` ``"xlsx"`` or ``"xls"``) in the
        background. Returns ``{"batch_id": ...}``: poll `Batch.find` until done, then
        download its `file`. ``view_id=0`` uses the user's last view."""
        body = {
            key: value
            for key, value in {
                "limit": limit,
                "offset": offset,
                "view_id": view_id,
                "filters": dict(filters) if filters is not None else None,
                "sort_by": sort_by,
                "sort_desc": sort_desc,
            }.items()
            if value is not None
        }
        return Call(path={"app_id": app_id, "exporter": exporter}, json=body)

    aexport = export.twin()

    @returns(as_raw, "POST", "/item/app/{app_id}/calculate", doc=f"{_DOC}/calculate-67633")
    def calculate(
        cls,
        app_id: int,
        attributes: Mapping[str, Any] | None = None,
        *,
        aggregation: str | None = None,
        formula: Sequence[Mapping[str, Any]] | None = None,
        groupings: Sequence[Mapping[str, Any]] | None = None,
        filters: Mapping[str, Any] | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Aggregate an app's items (items.md §6): `aggregation` ``"sum"``, ``"average"``,
        ``"count"``, ``"minimum"`` or ``"maximum"`` over a `formula`, grouped by
        `groupings`, over the items `filters` select. Returns ``{"total", "groups"}``."""
        body = dict(attributes or {})
        body.update(
            {
                key: value
                for key, value in {
                    "aggregation": aggregation,
                    "formula": [dict(part) for part in formula] if formula is not None else None,
                    "groupings": [dict(g) for g in groupings] if groupings is not None else None,
                    "filters": dict(filters) if filters is not None else None,
                    "limit": limit,
                }.items()
                if value is not None
            }
        )
        return Call(path={"app_id": app_id}, json=body, idempotent=True)

    acalculate = calculate.twin()

    @returns(as_raw, "GET", "/item/app/{app_id}/values", doc=f"{_DOC}/get-app-values-22455")
    def find_app_values(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The values an app's items can be filtered by: ``{"fields", "created_bys",
        "created_vias", "tags"}``."""
        return Call(path={"app_id": app_id})

    afind_app_values = find_app_values.twin()

    @returns(as_raw, "POST", "/item/app/{app_id}/cleanup_field_values")
    def cleanup_field_values(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Ask Podio to tidy the stored field values of an app's items."""
        return Call(path={"app_id": app_id})

    acleanup_field_values = cleanup_field_values.twin()

    @members(
        "GET", "/item/field/{field_id}/find", doc=f"{_DOC}/find-items-by-field-and-title-22485"
    )
    def search_field(
        cls,
        field_id: int,
        *,
        text: str | None = None,
        limit: int | None = None,
        not_item_id: Sequence[int] | None = None,
        sort: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Items a relationship field (`field_id`) may point to whose title holds `text`
        (Podio's default `limit`: 13); `sort` is ``"created_on"``, ``"title"`` or relevance."""
        return Call(
            path={"field_id": field_id},
            params={"text": text, "limit": limit, "not_item_id": _csv(not_item_id), "sort": sort},
        )

    asearch_field = search_field.twin()

    @members("GET", "/item/field/{field_id}/top/", doc=f"{_DOC}/get-top-values-for-field-68334")
    def find_field_top(
        cls,
        field_id: int,
        *,
        limit: int | None = None,
        not_item_id: Sequence[int] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The items most often picked in a relationship field."""
        return Call(
            path={"field_id": field_id}, params={"limit": limit, "not_item_id": _csv(not_item_id)}
        )

    afind_field_top = find_field_top.twin()

    # -- values ----------------------------------------------------------------------------

    @returns(
        as_model_list(ItemField),
        "GET",
        "/item/{item_id}/value",
        doc=f"{_DOC}/get-item-values-22365",
    )
    def find_values(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """An item's fields with their values, and nothing else."""
        return Call(path={"item_id": item_id})

    afind_values = find_values.twin()

    @returns(
        _revision_answer, "PUT", "/item/{item_id}/value", doc=f"{_DOC}/update-item-values-22366"
    )
    def update_values(
        cls,
        item_id: int,
        fields: FieldValues,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change some field values of an item (as `fields` of `update`) and nothing else.
        Returns ``{"revision", "title"}``, or ``None`` when nothing changed."""
        return Call(
            path={"item_id": item_id},
            params={"silent": silent, "hook": hook},
            json=_fields_body(fields),
        )

    aupdate_values = update_values.twin()

    # -- references ------------------------------------------------------------------------

    @returns(as_raw, "GET", "/item/{item_id}/reference/", doc=f"{_DOC}/get-item-references-22439")
    def find_references(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """The items that point to this one, grouped by app and field: ``[{"app", "field",
        "items": [...]}]``."""
        return Call(path={"item_id": item_id})

    afind_references = find_references.twin()

    @members(
        "GET",
        "/item/{item_id}/reference/field/{field_id}",
        doc=f"{_DOC}/get-references-to-item-by-field-7403920",
    )
    def find_references_by_field(
        cls, item_id: int, field_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The items pointing to this one through one relationship field."""
        return Call(path={"item_id": item_id, "field_id": field_id}, params={"limit": limit})

    afind_references_by_field = find_references_by_field.twin()

    @returns(as_raw, "PUT", "/item/{item_id}/ref", doc=f"{_DOC}/update-item-reference-7421495")
    def update_ref(
        cls, item_id: int, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """Link an item to another object (``update_ref(42, "item", 43)``)."""
        return Call(path={"item_id": item_id}, json={"type": ref_type, "id": ref_id})

    aupdate_ref = update_ref.twin()

    @returns(as_raw, "DELETE", "/item/{item_id}/ref", doc=f"{_DOC}/delete-item-reference-7302326")
    def delete_ref(cls, item_id: int, *, client: ClientArg = None) -> Call:
        """Remove an item's link to another object."""
        return Call(path={"item_id": item_id})

    adelete_ref = delete_ref.twin()

    # -- revisions -------------------------------------------------------------------------

    @returns(
        as_raw,
        "POST",
        "/item/{item_id}/revision/{revision}/revert_to",
        doc=f"{_DOC}/revert-to-revision-194362682",
    )
    def revert_to_revision(
        cls,
        item_id: int,
        revision: int,
        attributes: Mapping[str, Any] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Bring an item back to how it was at `revision` (the PHP client's verb, POST).
        To undo one revision only, use `ItemDiff.revert`."""
        return Call(path={"item_id": item_id, "revision": revision}, json=dict(attributes or {}))

    arevert_to_revision = revert_to_revision.twin()

    @returns(
        as_raw,
        "DELETE",
        "/item/{item_id}/revision/{revision}/revert_to",
        doc=f"{_DOC}/revert-to-revision-194362682",
    )
    def revert_to_revision_by_delete(
        cls, item_id: int, revision: int, *, client: ClientArg = None
    ) -> Call:
        """`revert_to_revision` as the .NET client sends it (DELETE, not POST).

        The two official clients disagree on the verb and the documentation page could not
        be read; prefer `revert_to_revision` and use this one if Podio answers 404 there.
        Returns ``{"revision": ...}``.
        """
        return Call(path={"item_id": item_id, "revision": revision})

    arevert_to_revision_by_delete = revert_to_revision_by_delete.twin()

    # -- other actions ---------------------------------------------------------------------

    @returns(
        as_status, "PUT", "/item/{item_id}/participation", doc=f"{_DOC}/set-participation-7156154"
    )
    def set_participation(cls, item_id: int, status: str, *, client: ClientArg = None) -> Call:
        """The user's answer to a meeting item: ``"invited"``, ``"accepted"``,
        ``"declined"`` or ``"tentative"``. Returns the HTTP status."""
        return Call(path={"item_id": item_id}, json={"status": status})

    aset_participation = set_participation.twin()

    @member("POST", "/item/{item_id}/rearrange")
    def rearrange(
        cls, item_id: int, attributes: Mapping[str, Any], *, client: ClientArg = None
    ) -> Call:
        """Move an item in its app's manual order (its `priority`); returns the item."""
        return Call(path={"item_id": item_id}, json=dict(attributes))

    arearrange = rearrange.twin()


# -- creating many items exactly once ----------------------------------------------------------

ItemT = TypeVar("ItemT", bound=Item)


def _resolve_client(client: Client | None) -> Client:
    from .._context import get_client

    return get_client(client)


def _creation_plan(entry: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(entry, Mapping):
        raise TypeError(f"each entry must be a dict of item attributes, not {type(entry).__name__}")
    plan = dict(entry)
    external_id = plan.get("external_id")
    if external_id is None:
        import secrets

        plan["external_id"] = f"podio-batch-{secrets.token_hex(12)}"
    elif not isinstance(external_id, str) or not external_id:
        raise ValueError("external_id must be a non-empty string when given")
    return plan


def _ambiguous(error: PodioError) -> bool:
    """The creation may or may not have been stored: no answer, or Podio failed."""
    return isinstance(error, (PodioConnectionError, ServerError, InvalidResponseError))


def _create_once(
    cls: type[ItemT],
    client: Client,
    app_id: int,
    plan: dict[str, Any],
    attempts: int,
    silent: bool | None,
    hook: bool | None,
) -> ItemT:
    error: PodioError | None = None
    for _ in range(max(1, attempts)):
        try:
            return cls.create(app_id, plan, silent=silent, hook=hook, client=client)
        except PodioError as exc:
            if not _ambiguous(exc):
                raise
            error = exc
        # The answer was lost, not necessarily the item: look before trying again (and after
        # the last try, so the outcome reported is what Podio holds).
        found = cls.find_all_by_external_id(app_id, plan["external_id"], client=client)
        if found.all:
            return found.all[0]
    assert error is not None
    raise error


async def _acreate_once(
    cls: type[ItemT],
    client: Client,
    app_id: int,
    plan: dict[str, Any],
    attempts: int,
    silent: bool | None,
    hook: bool | None,
) -> ItemT:
    error: PodioError | None = None
    for _ in range(max(1, attempts)):
        try:
            return await cls.acreate(app_id, plan, silent=silent, hook=hook, client=client)
        except PodioError as exc:
            if not _ambiguous(exc):
                raise
            error = exc
        found = await cls.afind_all_by_external_id(app_id, plan["external_id"], client=client)
        if found.all:
            return found.all[0]
    assert error is not None
    raise error


class _TypedItemGateway:
    """How typed app classes (`podio.fields.TypedItem`, generated by ``podio codegen``) reach
    Podio: through the Item operations, with raw JSON in and out."""

    def get_item(self, item_id: int, *, client: Client | None) -> Mapping[str, Any]:
        return Item.find(item_id, client=client).as_json()

    def iter_items(
        self, app_id: int, *, filters: Mapping[str, Any] | None, client: Client | None
    ) -> Iterator[Mapping[str, Any]]:
        for item in Item.iter_all(app_id, filters=filters, client=client):
            yield item.as_json()

    def create_item(
        self, app_id: int, fields: dict[str, Any], *, client: Client | None
    ) -> Mapping[str, Any]:
        return Item.create(app_id, fields=fields, schema=False, client=client).as_json()

    def update_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Client | None
    ) -> Mapping[str, Any] | None:
        return Item.update(item_id, fields=fields, revision=revision, client=client)

    async def aget_item(self, item_id: int, *, client: Client | None) -> Mapping[str, Any]:
        return (await Item.afind(item_id, client=client)).as_json()

    async def aiter_items(
        self, app_id: int, *, filters: Mapping[str, Any] | None, client: Client | None
    ) -> AsyncIterator[Mapping[str, Any]]:
        async for item in Item.iter_all(app_id, filters=filters, client=client):
            yield item.as_json()

    async def acreate_item(
        self, app_id: int, fields: dict[str, Any], *, client: Client | None
    ) -> Mapping[str, Any]:
        return (await Item.acreate(app_id, fields=fields, schema=False, client=client)).as_json()

    async def aupdate_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Client | None
    ) -> Mapping[str, Any] | None:
        return await Item.aupdate(item_id, fields=fields, revision=revision, client=client)
