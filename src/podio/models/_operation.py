"""Declaring an API operation once, and getting its sync method and async twin from it.

A model declares each operation as a small function that describes the call without making it
(a `Call`: path parameters, query, body), decorated with the operation's HTTP method, path
template and result shape::

    class Item(Model):
        @member("GET", "/item/{item_id}", doc="https://developers.podio.com/doc/items/get-item-22360")
        def find(cls, item_id: int, *, client: ClientArg = None) -> Call:
            "Get an item."
            return Call(path={"item_id": item_id})

        afind = find.twin()

``Item.find(42)`` then sends ``GET /item/42`` with the default client (or ``client=``) and
returns an ``Item``; ``await Item.afind(42)`` does the same asynchronously. On a subclass,
``MyItem.find(42)`` returns a ``MyItem``. The path template and method are known without
calling anything, which is what `operations` lists.

Result shapes, as in the Ruby gem:

* `member`: one instance of the class the method is called on;
* `members`: a list of instances;
* `collection`: a `Collection` (``all``, ``count``, ``total_count``) of ``{"items", ...}``;
* `returns(parse)`: whatever ``parse(response)`` makes: `as_raw` (the body), `as_status`,
  `as_field` (one value of the body), `as_model`, `as_model_list`, `as_none`;
* `instance`: an instance method that returns ``True``/``False`` and keeps the error;
* `paged`: a `Pager` over every result of an offset-paged list (``for`` and ``async for``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar, cast

from .._client import Client, RequestOptions, format_path
from .._context import get_client
from .._errors import APIError, InvalidResponseError, PodioConnectionError
from .._pagination import Collection, Page, Pager
from .._response import Response
from .._types import NOT_GIVEN, NotGiven, TimeoutTypes
from ._base import Descriptor, Model

if TYPE_CHECKING:
    from .._types import FileTypes

__all__ = [
    "Call",
    "ClientArg",
    "Described",
    "OperationInfo",
    "Paging",
    "as_field",
    "as_model",
    "as_model_list",
    "as_none",
    "as_raw",
    "as_status",
    "collection",
    "instance",
    "member",
    "members",
    "operations",
    "paged",
    "returns",
]

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=Model)
ClientArg = Client | None


@dataclass
class Call:
    """One call, described: path parameters, query string, body and per-call options.

    `path` fills the operation's path template (its values are checked and percent-encoded).
    Query values that are ``None`` are left out. `after` runs on success with the answer
    (instance operations use it to take in what Podio returned). `url` replaces the path
    entirely for operations on absolute URLs (file downloads from a file's ``link``).
    """

    path: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] | None = None
    json: Any = NOT_GIVEN
    data: Mapping[str, Any] | None = None
    files: Mapping[str, FileTypes] | None = None
    headers: Mapping[str, str] | None = None
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    idempotent: bool | None = None
    max_retries: int | None = None
    stream: bool = False
    auth: bool = True
    #: Send the client credentials as HTTP Basic (Podio's trusted-client operations).
    basic_auth: bool = False
    #: ``False`` for calls that must never run dry (sign-up, tokens).
    dry_run: bool = True
    decode: bool = True
    after: Callable[[Response], None] | None = None
    url: str | None = None
    #: Runs on every model the call returns (one, or each of a list, collection or page), for
    #: what the call knows and the answer does not say: the app of a filtered item, say.
    each: Callable[[Model], None] | None = None


#: What a declaration returns: the call, or a generator that first asks for other calls (it
#: yields `RequestOptions`, receives each `Response`, and returns the `Call`). Declarations use
#: that to fetch what the call depends on, e.g. an app's definition to convert field values,
#: without doing I/O themselves; the sync method and its async twin drive it alike.
Described = Call | Generator[RequestOptions, Response, Call]


def _prepare(described: Described, client: Client) -> Call:
    if isinstance(described, Call):
        return described
    response: Any = None
    try:
        while True:
            response = client.send(described.send(response))
    except StopIteration as stop:
        return cast(Call, stop.value)


async def _aprepare(described: Described, client: Client) -> Call:
    if isinstance(described, Call):
        return described
    response: Any = None
    try:
        while True:
            response = await client.asend(described.send(response))
    except StopIteration as stop:
        return cast(Call, stop.value)


@dataclass(frozen=True)
class OperationInfo:
    """An operation as `operations` lists it."""

    method: str
    path: str
    callers: tuple[str, ...]
    doc: str | None


_REGISTRY: dict[tuple[str, str], dict[str, Any]] = {}


def _register(method: str, path: str, caller: str, doc: str | None) -> None:
    entry = _REGISTRY.setdefault((method, path), {"callers": [], "doc": doc})
    if caller not in entry["callers"]:
        entry["callers"].append(caller)
    if doc and not entry["doc"]:
        entry["doc"] = doc


def operations() -> list[OperationInfo]:
    """Every declared operation: HTTP method, path template, the methods that call it, doc link.

    Loads every model module first, so the list is complete.
    """
    from . import load_all

    load_all()
    return [
        OperationInfo(method, path, tuple(entry["callers"]), entry["doc"])
        for (method, path), entry in sorted(_REGISTRY.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]


# --------------------------------------------------------------------------------------------
# Result parsers


def as_raw(response: Response) -> Any:
    """The parsed body, untouched."""
    return response.body


def as_status(response: Response) -> int:
    """Only the HTTP status."""
    return response.status


def as_none(response: Response) -> None:
    """Nothing: the call succeeded."""
    return


def as_field(name: str, kind: Callable[[Any], R]) -> Callable[[Response], R]:
    """One value picked out of the body (e.g. the new ``item_id``), converted with `kind`."""

    def parse(response: Response) -> R:
        body = response.body
        if not isinstance(body, Mapping) or name not in body:
            raise _shape_error(response, f"expected an object with {name!r}")
        try:
            return kind(body[name])
        except (TypeError, ValueError) as exc:
            raise _shape_error(response, f"{name!r} has an unexpected value") from exc

    return parse


def as_model(cls: type[M]) -> Callable[[Response], M]:
    """One instance of another model."""

    def parse(response: Response) -> M:
        return cls.from_response(response)

    return parse


def as_model_list(cls: type[M], *, key: str | None = None) -> Callable[[Response], list[M]]:
    """A list of instances of another model (from the body, or from ``body[key]``)."""

    def parse(response: Response) -> list[M]:
        return _parse_list(cls, response, key)

    return parse


def _parse_list(cls: type[M], response: Response, key: str | None) -> list[M]:
    body = response.body
    if key is not None:
        if not isinstance(body, Mapping):
            raise _shape_error(response, f"expected an object with {key!r}")
        body = body.get(key) or []
    if not isinstance(body, list):
        raise _shape_error(response, "expected a JSON list")
    try:
        return [cls.from_api(entry) for entry in body]
    except InvalidResponseError as exc:
        raise _shape_error(response, str(exc.message)) from exc


def _parse_objects(response: Response, key: str | None) -> list[dict[str, Any]]:
    """The JSON objects of a list answer (from the body, or from ``body[key]``), unparsed."""
    body = response.body
    if key is not None:
        if not isinstance(body, Mapping):
            raise _shape_error(response, f"expected an object with {key!r}")
        body = body.get(key) or []
    if not isinstance(body, list) or not all(isinstance(entry, Mapping) for entry in body):
        raise _shape_error(response, "expected a JSON list of objects")
    return [dict(entry) for entry in body]


def _parse_collection(cls: type[M], response: Response) -> Collection[M]:
    body = response.body
    if not isinstance(body, Mapping):
        raise _shape_error(response, "expected a {items, filtered, total} object")
    items = _parse_list(cls, response, "items")
    extra = {key: value for key, value in body.items() if key not in ("items", "filtered", "total")}
    return Collection(
        items,
        count=_int_or_none(body.get("filtered")),
        total_count=_int_or_none(body.get("total")),
        extra=extra,
    )


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _shape_error(response: Response, what: str) -> InvalidResponseError:
    body = response.body
    return InvalidResponseError(
        f"unexpected answer from {response.method} {response.url.split('?', 1)[0]}: {what}",
        response_status=response.status,
        response_body=body if isinstance(body, (str, bytes)) else repr(body)[:500],
        url=response.url,
        method=response.method,
        request_id=response.request_id,
    )


# --------------------------------------------------------------------------------------------
# The descriptors


class _Operation(Descriptor):
    """What every operation descriptor shares: its declaration and how to send it."""

    def __init__(
        self,
        method: str,
        paths: tuple[str, ...],
        build: Callable[..., Any],
        doc: str | None,
        *,
        is_async: bool = False,
        origin: _Operation | None = None,
    ) -> None:
        if not paths:
            raise ValueError("an operation needs at least one path template")
        self.method = method.upper()
        self.paths = paths
        self.build = build
        self.doc = doc
        self.is_async = is_async
        self.origin = origin
        self.name = build.__name__
        self.__doc__ = _docstring(build, doc)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        for path in self.paths:
            _register(self.method, path, f"{owner.__name__}.{name}", self.doc)

    def _twin_args(self) -> tuple[str, tuple[str, ...], Callable[..., Any], str | None]:
        return self.method, self.paths, self.build, self.doc

    def _options(self, call: Call) -> RequestOptions:
        if not isinstance(call, Call):
            raise TypeError(f"{self.name} must describe its call with a Call")
        if call.url is not None:
            path = call.url
        else:
            path = format_path(self._template(call), **dict(call.path))
        return RequestOptions(
            self.method,
            path,
            params={k: v for k, v in (call.params or {}).items() if v is not None} or None,
            json=call.json,
            data=call.data,
            files=call.files,
            headers=call.headers,
            timeout=call.timeout,
            idempotent=call.idempotent,
            max_retries=call.max_retries,
            stream=call.stream,
            auth=call.auth,
            basic_auth=call.basic_auth,
            dry_run=call.dry_run,
            decode=call.decode,
        )

    def _template(self, call: Call) -> str:
        if len(self.paths) == 1:
            return self.paths[0]
        keys = set(call.path)
        for template in self.paths:
            if set(_placeholders(template)) == keys:
                return template
        raise ValueError(f"no path of {self.name} takes parameters {sorted(keys)}")

    def _bound(self, target: Any, parse: Callable[[Response], Any]) -> Callable[..., Any]:
        """The callable users get: build the call, send it, parse the answer."""
        build, operation = self.build, self

        def client_for(kwargs: Mapping[str, Any]) -> Client:
            explicit = kwargs.get("client")
            if explicit is None and isinstance(target, Model):
                explicit = target._client
            return get_client(explicit)

        if self.is_async:

            async def async_call(*args: Any, **kwargs: Any) -> Any:
                _check_arguments(operation, args, kwargs)
                client = client_for(kwargs)
                call = await _aprepare(build(target, *args, **kwargs), client)
                response = await client.asend(operation._options(call))
                try:
                    if call.after is not None:
                        call.after(response)
                    result = parse(response)
                    if inspect.isawaitable(result):
                        result = await result
                finally:
                    await response.aclose()
                return _with_client(result, client, call.each)

            runner: Callable[..., Any] = async_call
        else:

            def sync_call(*args: Any, **kwargs: Any) -> Any:
                _check_arguments(operation, args, kwargs)
                client = client_for(kwargs)
                call = _prepare(build(target, *args, **kwargs), client)
                response = client.send(operation._options(call))
                try:
                    if call.after is not None:
                        call.after(response)
                    result = parse(response)
                finally:
                    response.close()
                return _with_client(result, client, call.each)

            runner = sync_call
        return _named(runner, self)


def _with_client(result: Any, client: Client, each: Callable[[Model], None] | None = None) -> Any:
    """Remember which client fetched a model, so its instance methods use the same one, and
    apply the call's `each` to it."""
    entries = [result] if isinstance(result, Model) else result
    if isinstance(entries, (list, Collection)):
        for entry in entries:
            if isinstance(entry, Model):
                entry._client = client
                if each is not None:
                    each(entry)
    return result


def _named(runner: Callable[..., Any], operation: _Operation) -> Callable[..., Any]:
    functools.update_wrapper(runner, operation.build)
    runner.__name__ = operation.name
    runner.__doc__ = operation.__doc__
    signature = inspect.signature(operation.build)
    params = list(signature.parameters.values())[1:]  # drop cls / self
    runner.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=params, return_annotation=inspect.Signature.empty
    )
    return runner


@dataclass(frozen=True)
class _Check:
    """What one parameter must be: one of `kinds` (or ``None`` when `optional`), holding
    `element` values when it is a list, and one of `choices` when the annotation is a
    ``Literal``."""

    kinds: tuple[type, ...]
    optional: bool
    element: type | None = None
    choices: tuple[Any, ...] | None = None


_CHECKS: dict[Callable[..., Any], dict[str, _Check]] = {}


def _checks_for(build: Callable[..., Any]) -> dict[str, _Check]:
    """What each parameter must be, read from the annotations of a declaration.

    Plain classes (ints, strings, floats, bools, datetimes, ...), mappings, sequences (with
    their elements when they are ints or strings), ``Literal`` choices, and their optional
    forms are checked; a parameter whose annotation holds anything richer (``Any``, an
    iterable, a file) is left to the declaration.
    """
    cached = _CHECKS.get(build)
    if cached is not None:
        return cached
    import types
    import typing
    from collections.abc import Mapping as AbcMapping
    from collections.abc import Sequence as AbcSequence

    module = inspect.getmodule(build)
    namespace = dict(vars(module)) if module else {}
    checks: dict[str, _Check] = {}
    for name, param in list(inspect.signature(build).parameters.items())[1:]:
        annotation = param.annotation
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, namespace)  # noqa: S307 (our own annotations)
            except Exception:  # noqa: S112 (an annotation we cannot read is not checked)
                continue
        options = typing.get_args(annotation) if _is_union(annotation, types) else (annotation,)
        optional = type(None) in options
        kinds: list[type] = []
        element: type | None = None
        choices: list[Any] | None = []
        for option in options:
            if option is type(None):
                continue
            origin = typing.get_origin(option)
            if origin is typing.Literal:
                values = typing.get_args(option)
                kinds.extend(type(value) for value in values)
                if choices is not None:
                    choices.extend(values)
                continue
            choices = None  # a Literal next to a plain type: any value of the type will do
            if option is typing.Any:
                kinds = []
                break
            if origin in (list, AbcSequence):
                kinds.extend((list, tuple))
                first = typing.get_args(option)[:1]
                if first in ((int,), (str,)):
                    element = first[0]
            elif origin in (dict, AbcMapping) or option in (dict, AbcMapping):
                kinds.append(AbcMapping)
            elif isinstance(option, type) and origin is None and option is not object:
                kinds.append(option)
            else:
                kinds = []
                break
        if kinds:
            if float in kinds:
                kinds.append(int)
            checks[name] = _Check(
                tuple(dict.fromkeys(kinds)), optional, element, tuple(choices) if choices else None
            )
    _CHECKS[build] = checks
    return checks


def _is_union(annotation: Any, types: Any) -> bool:
    import typing

    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _check_arguments(operation: _Operation, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse wrong arguments before anything is sent: `TypeError` naming the parameter for a
    value of the wrong type, `ValueError` for a value outside a ``Literal``'s choices."""
    checks = _checks_for(operation.build)
    if not checks:
        return
    try:
        bound = inspect.signature(operation.build).bind(None, *args, **kwargs)
    except TypeError as exc:
        raise TypeError(f"{operation.name}(): {exc}") from None
    for name, value in list(bound.arguments.items())[1:]:
        check = checks.get(name)
        if check is None:
            continue
        kinds = check.kinds
        if value is None:
            if check.optional:
                continue
            raise TypeError(f"{operation.name}(): {name} must not be None")
        if isinstance(value, bool) and bool not in kinds:
            raise TypeError(f"{operation.name}(): {name} must be {_names(kinds)}, not bool")
        if not isinstance(value, kinds):
            raise TypeError(
                f"{operation.name}(): {name} must be {_names(kinds)}, not {type(value).__name__}"
            )
        if check.choices is not None and value not in check.choices:
            allowed = ", ".join(repr(choice) for choice in check.choices)
            raise ValueError(f"{operation.name}(): {name} must be one of {allowed}, not {value!r}")
        if check.element is not None and isinstance(value, (list, tuple)):
            for entry in value:
                if isinstance(entry, bool) or not isinstance(entry, check.element):
                    raise TypeError(
                        f"{operation.name}(): {name} must hold {check.element.__name__} values, "
                        f"not {type(entry).__name__}"
                    )


def _names(kinds: tuple[type, ...]) -> str:
    names = []
    for kind in kinds:
        label = {"Mapping": "a dict", "list": "a list", "tuple": "a list"}.get(
            kind.__name__, kind.__name__
        )
        if label not in names:
            names.append(label)
    return " or ".join(names)


def _placeholders(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _docstring(build: Callable[..., Any], doc: str | None) -> str:
    text = inspect.getdoc(build) or ""
    if doc:
        text = f"{text}\n\nSee {doc}" if text else f"See {doc}"
    return text


class MemberOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, M]:
        return self._bound(owner, lambda response: owner.from_response(response))

    def twin(self) -> AMemberOp[P]:
        return AMemberOp(*self._twin_args(), is_async=True, origin=self)


class AMemberOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, Awaitable[M]]:
        return self._bound(owner, lambda response: owner.from_response(response))


class MembersOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, list[M]]:
        return self._bound(owner, lambda response: _parse_list(owner, response, None))

    def twin(self) -> AMembersOp[P]:
        return AMembersOp(*self._twin_args(), is_async=True, origin=self)


class AMembersOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, Awaitable[list[M]]]:
        return self._bound(owner, lambda response: _parse_list(owner, response, None))


class CollectionOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, Collection[M]]:
        return self._bound(owner, lambda response: _parse_collection(owner, response))

    def twin(self) -> ACollectionOp[P]:
        return ACollectionOp(*self._twin_args(), is_async=True, origin=self)


class ACollectionOp(_Operation, Generic[P]):
    def __get__(self, obj: object, owner: type[M]) -> Callable[P, Awaitable[Collection[M]]]:
        return self._bound(owner, lambda response: _parse_collection(owner, response))


class ReturnsOp(_Operation, Generic[P, R]):
    def __init__(
        self,
        method: str,
        paths: tuple[str, ...],
        build: Callable[..., Any],
        doc: str | None,
        parse: Callable[[Response], R],
        **kwargs: Any,
    ) -> None:
        super().__init__(method, paths, build, doc, **kwargs)
        self.parse = parse

    def __get__(self, obj: object, owner: type) -> Callable[P, R]:
        return self._bound(owner, self.parse)

    def twin(self) -> AReturnsOp[P, R]:
        return AReturnsOp(*self._twin_args(), self.parse, is_async=True, origin=self)


class AReturnsOp(ReturnsOp[P, R]):
    def __get__(self, obj: object, owner: type) -> Callable[P, Awaitable[R]]:  # type: ignore[override]
        return self._bound(owner, self.parse)


class InstanceOp(_Operation, Generic[P]):
    """An instance method that returns ``True`` on success and ``False`` on an API error.

    On failure the instance keeps the error (`error`, `error_code`, `error_message`,
    `error_parameters`); on success they are cleared.
    """

    def __get__(self, obj: object, owner: type) -> Callable[P, bool]:
        if obj is None:
            raise AttributeError(f"{owner.__name__}.{self.name} is called on an instance")
        return self._instance_runner(cast(Model, obj))

    def twin(self) -> AInstanceOp[P]:
        return AInstanceOp(*self._twin_args(), is_async=True, origin=self)

    def _instance_runner(self, obj: Model) -> Callable[..., Any]:
        inner = self._bound(obj, lambda response: None)
        if self.is_async:

            async def async_call(*args: Any, **kwargs: Any) -> bool:
                try:
                    await inner(*args, **kwargs)
                except (APIError, PodioConnectionError, InvalidResponseError) as exc:
                    obj._error = exc
                    return False
                obj._error = None
                return True

            return _named(async_call, self)

        def sync_call(*args: Any, **kwargs: Any) -> bool:
            try:
                inner(*args, **kwargs)
            except (APIError, PodioConnectionError, InvalidResponseError) as exc:
                obj._error = exc
                return False
            obj._error = None
            return True

        return _named(sync_call, self)


class AInstanceOp(InstanceOp[P]):
    def __get__(self, obj: object, owner: type) -> Callable[P, Awaitable[bool]]:  # type: ignore[override]
        if obj is None:
            raise AttributeError(f"{owner.__name__}.{self.name} is called on an instance")
        return self._instance_runner(cast(Model, obj))


@dataclass
class Paging:
    """How to fetch one page of an offset-paged list.

    `call(offset, limit)` describes the call for one page. `items_key` names the list in the
    body (``None`` when the body is the list), `count_key` the number of matching results
    (``filtered`` for items) when Podio reports one.
    """

    call: Callable[[int, int], Call]
    page_size: int
    offset: int = 0
    limit: int | None = None
    items_key: str | None = None
    count_key: str | None = None


class PagedMethod(Protocol[P, M]):
    """What a `paged` operation gives: call it for a `Pager` of models; its `raw` gives the
    same pages as Podio's JSON objects, for callers that only pass them on (an export)."""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Pager[M]: ...

    @property
    def raw(self) -> Callable[P, Pager[dict[str, Any]]]: ...


class PagedOp(_Operation, Generic[P]):
    """Returns a `Pager` over every result, fetching pages lazily (sync and async)."""

    def __get__(self, obj: object, owner: type[M]) -> PagedMethod[P, M]:
        build, operation = self.build, self
        # How a page's items come out: as models of `owner`, or as Podio's JSON objects.
        Parse = Callable[[Paging, Call, Response, Client], list[Any]]

        def pager(args: tuple[Any, ...], kwargs: dict[str, Any], parse: Parse) -> Pager[Any]:
            _check_arguments(operation, args, kwargs)
            paging = build(owner, *args, **kwargs)
            if not isinstance(paging, Paging):
                raise TypeError(f"{operation.name} must describe its pages with a Paging")
            client = get_client(kwargs.get("client"))

            def to_page(call: Call, response: Response) -> Page[Any]:
                matching = None
                if paging.count_key and isinstance(response.body, Mapping):
                    matching = _int_or_none(response.body.get(paging.count_key))
                return Page(parse(paging, call, response, client), matching)

            def fetch(offset: int, limit: int) -> Page[Any]:
                call = paging.call(offset, limit)
                return to_page(call, client.send(operation._options(call)))

            async def afetch(offset: int, limit: int) -> Page[Any]:
                call = paging.call(offset, limit)
                return to_page(call, await client.asend(operation._options(call)))

            return Pager(
                fetch, afetch, page_size=paging.page_size, offset=paging.offset, limit=paging.limit
            )

        def models(paging: Paging, call: Call, response: Response, client: Client) -> list[Any]:
            items = _parse_list(owner, response, paging.items_key)
            return _with_client(items, client, call.each)  # type: ignore[no-any-return]

        def objects(paging: Paging, call: Call, response: Response, client: Client) -> list[Any]:
            return _parse_objects(response, paging.items_key)

        def make(*args: Any, **kwargs: Any) -> Pager[M]:
            return pager(args, kwargs, models)

        def make_raw(*args: Any, **kwargs: Any) -> Pager[dict[str, Any]]:
            return pager(args, kwargs, objects)

        method = _named(make, self)
        method.raw = _named(make_raw, self)  # type: ignore[attr-defined]
        return cast("PagedMethod[P, M]", method)


# --------------------------------------------------------------------------------------------
# Decorators


def member(
    method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Described]], MemberOp[P]]:
    """Declare an operation that returns one instance of the class it is called on."""
    return lambda build: MemberOp(method, paths, build, doc)


def members(
    method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Described]], MembersOp[P]]:
    """Declare an operation that returns a list of instances."""
    return lambda build: MembersOp(method, paths, build, doc)


def collection(
    method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Described]], CollectionOp[P]]:
    """Declare an operation that returns a `Collection` of instances."""
    return lambda build: CollectionOp(method, paths, build, doc)


def returns(
    parse: Callable[[Response], R], method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Described]], ReturnsOp[P, R]]:
    """Declare an operation whose result is ``parse(response)``."""
    return lambda build: ReturnsOp(method, paths, build, doc, parse)


def instance(
    method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Described]], InstanceOp[P]]:
    """Declare an instance operation returning ``True``/``False`` (errors kept on the instance)."""
    return lambda build: InstanceOp(method, paths, build, doc)


def paged(
    method: str, *paths: str, doc: str | None = None
) -> Callable[[Callable[Concatenate[Any, P], Paging]], PagedOp[P]]:
    """Declare a lazy iterator over every page of an offset-paged list."""
    return lambda build: PagedOp(method, paths, build, doc)
