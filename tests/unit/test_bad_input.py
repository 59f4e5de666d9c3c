"""Bad input to any operation is refused before anything is sent.

Every declared operation (`podio.operations()` lists them; the model classes hold them) is
first called with plausible arguments to show that it does send a request; then again with
one argument at a time replaced by a value of the wrong type, an empty id, or a path segment
that would climb out of its place ("..", "."). Each of those must raise `TypeError` or
`ValueError` while the transport, which fails the test when called, stays untouched. Path
parameters that may be text ("1/../2") must stay inside their own segment.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import inspect
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx
import pytest

import podio
from podio._pagination import Pager
from podio.models import load_all
from podio.models._operation import InstanceOp, PagedOp, _Operation, _placeholders
from podio.models.item import _ClassOrInstance

MODELS = load_all()
MARKER = "zq9"  # starts every plausible text value, to find it again in a path

#: Arguments an operation needs beyond "an int, a str, an empty dict" to send anything.
VALID_ARGUMENTS: dict[str, dict[str, Any]] = {
    "FileAttachment.upload_from_url": {"url": "https://example.com/a.pdf"},
    "FileAttachment.find_raw_from_link": {"link": "https://files.podio.com/1"},
    "Hook.create": {"url": "https://example.com/hook"},
    "Item.bulk_delete": {"item_ids": [1]},
    "OrganizationMember.change_membership": {"user_type": "employee"},
    "Rating.create": {"rating_type": "like"},
    "Rating.find_all_by_type": {"rating_type": "like"},
    "Rating.find": {"rating_type": "like"},
    "Rating.find_own": {"rating_type": "like"},
    "Rating.delete": {"rating_type": "like"},
}
#: Attributes of the instance an instance operation runs on (beyond its id).
VALID_INSTANCES: dict[str, dict[str, Any]] = {
    "Grant.save": {"ref_type": "item", "ref_id": 1},
    "Item.create": {"item_id": None, "app_id": 1},
    "Integration": {"app_id": 1},
    "Space.save": {"space_id": None, "org_id": 1, "name": "New"},
    "SpaceContact.create": {"space_id": 1},
    "SpaceInvitation": {"space_id": 1, "role": "regular"},
}


#: Instance attributes behind path parameters of another name.
PATH_ATTRIBUTES: dict[tuple[str, str], str] = {("OAuthClient", "client_id"): "auth_client_id"}


class Forbidden(Exception):
    """Raised by the transport: a request left although the input was bad."""


class Transport:
    """Answers ``{}`` while allowed; records and refuses every request once forbidden."""

    def __init__(self) -> None:
        self.allowed = True
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        if not self.allowed:
            raise Forbidden(f"{request.method} {request.url} was sent")
        return httpx.Response(200, json={})


def _operations() -> Iterator[tuple[str, type[podio.Model], str, _Operation]]:
    for name, cls in sorted(MODELS.items()):
        for attr, op in vars(cls).items():
            if isinstance(op, _ClassOrInstance) and not op.on_class.is_async:
                # ``Item.create(app_id, ...)`` and ``item.create()``: one name, two operations
                yield f"{name}.{attr}", cls, attr, op.on_class
                yield f"{name}.{attr}[instance]", cls, attr, op.on_instance
            elif isinstance(op, _Operation) and not op.is_async:
                yield f"{name}.{attr}", cls, attr, op


OPERATIONS = list(_operations())


def test_the_walk_covers_every_declared_operation() -> None:
    walked = {f"{op.method} {path}" for _, _, _, op in OPERATIONS for path in op.paths}
    declared = {f"{info.method} {info.path}" for info in podio.operations()}
    assert declared <= walked


def _annotation(op: _Operation, param: inspect.Parameter) -> Any:
    annotation = param.annotation
    if isinstance(annotation, str):
        module = inspect.getmodule(op.build)
        annotation = eval(annotation, dict(vars(module)))  # noqa: S307 (our own annotations)
    return annotation


def _options(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [option for option in typing.get_args(annotation) if option is not type(None)]
    return [annotation]


def _optional(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(annotation)


def _valid(annotation: Any, name: str) -> Any:
    """A plausible value for a parameter `name` annotated `annotation`."""
    first = _options(annotation)[0]
    if first is str or (str in _options(annotation) and name.endswith("_id")):
        return f"{MARKER}-{name}"
    origin = typing.get_origin(first)
    simple = {int: 1, bool: True, float: 1.0, bytes: b"x", typing.Any: 1}
    if first in simple:
        return simple[first]
    if origin is typing.Literal:
        return typing.get_args(first)[0]
    if first is dt.datetime:
        return dt.datetime(2024, 1, 1, 10, tzinfo=dt.timezone.utc)
    if first is dt.date:
        return dt.date(2024, 1, 1)
    if first is dt.time:
        return dt.time(10)
    if origin in (dict, Mapping) or first in (dict, Mapping):
        return {}
    if origin in (list, Sequence, Iterable):
        element = (typing.get_args(first) or (typing.Any,))[0]
        return [1] if element is int else [f"{MARKER}-{name}"] if element is str else []
    raise AssertionError(f"no plausible value for {annotation!r}")


def _wrong(annotation: Any, optional: bool) -> list[Any]:
    """Values of the wrong type for a parameter annotated `annotation`."""
    options = _options(annotation)
    if typing.Any in options:
        return []
    kinds = {typing.get_origin(option) or option for option in options}
    wrong: list[Any] = [object(), 1.5 if float not in kinds else object()]
    if not optional:
        wrong.append(None)
    if int in kinds and str not in kinds:
        wrong += ["1", True]
        if not kinds & {list, Sequence, Iterable}:
            wrong += [[1]]
    if str in kinds and int not in kinds:
        wrong += [1, b"x"]
    if kinds & {dict, Mapping}:
        wrong += ["x", [("a", 1)]]
    if kinds & {list, Sequence} and int not in kinds:
        wrong += [3]
    if kinds & {list, Sequence} and not kinds & {dict, Mapping}:
        wrong += [{"a": 1}]
    if bool in kinds:
        wrong += ["yes"]
    return wrong


def _call(target: Any, attr: str, args: dict[str, Any], client: podio.Client) -> Any:
    result = getattr(target, attr)(**args, client=client)
    if isinstance(result, Pager):
        next(iter(result), None)  # a pager fetches lazily: the first page is the call
    return result


async def _acall(target: Any, attr: str, args: dict[str, Any], client: podio.Client) -> Any:
    result = getattr(target, attr)(**args, client=client)
    if isinstance(result, Pager):
        async for _ in result:
            break
        return result
    return await result


def _target(cls: type[podio.Model], attr: str, op: _Operation, **override: Any) -> Any:
    if not isinstance(op, InstanceOp):
        return cls
    attributes: dict[str, Any] = {cls._id_field or "id": 1}
    attributes.update(VALID_INSTANCES.get(cls.__name__, {}))
    attributes.update(VALID_INSTANCES.get(f"{cls.__name__}.{attr}", {}))
    attributes.update(override)
    return cls({key: value for key, value in attributes.items() if value is not None})


def _plan(key: str, op: _Operation) -> tuple[dict[str, Any], list[tuple[str, Any]], set[str]]:
    """Plausible arguments, the bad variants to try, and the parameters that fill the path."""
    placeholders = {name for path in op.paths for name in _placeholders(path)}
    args: dict[str, Any] = {}
    variants: list[tuple[str, Any]] = []
    path_text: set[str] = set()
    for param in list(inspect.signature(op.build).parameters.values())[1:]:
        if param.name == "client" or param.kind is param.VAR_KEYWORD:
            continue
        annotation = _annotation(op, param)
        optional = param.default is not param.empty
        if not optional:
            args[param.name] = _valid(annotation, param.name)
        for value in _wrong(annotation, optional or _optional(annotation)):
            variants.append((param.name, value))
        if param.name in placeholders and not optional:
            kinds = set(_options(annotation))
            if str in kinds and "{" + param.name + "}" not in op.paths:
                path_text.add(param.name)
                for empty in ("", " ", "..", "."):
                    variants.append((param.name, empty))
            elif int in kinds and not optional:
                variants.append((param.name, ""))
    args.update(VALID_ARGUMENTS.get(key.removesuffix("[instance]"), {}))
    return args, variants, path_text


async def _attempt(
    asynchronous: bool, target: Any, attr: str, args: dict[str, Any], client: podio.Client
) -> Any:
    if asynchronous:
        return await _acall(target, "a" + attr, args, client)
    return _call(target, attr, args, client)


@pytest.fixture
def transport() -> Transport:
    return Transport()


@pytest.fixture
def client(transport: Transport) -> Iterator[podio.Client]:
    with podio.Client(
        "id",
        "secret",
        transport=httpx.MockTransport(transport),
        oauth_token={"access_token": "a", "expires_in": 28800},
    ) as made:
        yield made


@pytest.mark.parametrize(
    ("key", "cls", "attr", "op"), OPERATIONS, ids=[entry[0] for entry in OPERATIONS]
)
async def test_wrong_arguments_raise_before_anything_is_sent(
    key: str,
    cls: type[podio.Model],
    attr: str,
    op: _Operation,
    transport: Transport,
    client: podio.Client,
) -> None:
    args, variants, path_text = _plan(key, op)
    with contextlib.suppress(podio.PodioError):  # `{}` need not be a valid answer
        _call(_target(cls, attr, op), attr, args, client)
    assert transport.sent, f"{key}({args}) sent nothing: the plausible arguments are not"
    baseline = transport.sent[-1].url.raw_path.decode()

    transport.allowed = False
    slipped: list[str] = []
    modes = (False,) if isinstance(op, PagedOp) else (False, True)
    for name, value in variants:
        for asynchronous in modes:
            how = "async" if asynchronous else "sync"
            sent = len(transport.sent)
            try:
                await _attempt(
                    asynchronous, _target(cls, attr, op), attr, {**args, name: value}, client
                )
            except (TypeError, ValueError):
                pass
            except Exception as exc:
                slipped.append(f"{how} {name}={value!r}: {type(exc).__name__}: {exc}")
                continue
            else:
                slipped.append(f"{how} {name}={value!r}: accepted")
            if len(transport.sent) != sent:
                slipped.append(f"{how} {name}={value!r}: sent {transport.sent[-1].url}")
    assert slipped == [], f"{key}: bad input got through"

    # Text in a path segment stays in its segment, whatever it holds.
    transport.allowed = True
    for name in sorted(path_text):
        marker = quote(str(args[name]), safe=",")
        assert baseline.count(marker) == 1, (key, name, baseline)
        for value in ("1/../2", "../admin", "a?b=c#d", "%2e%2e", "a b"):
            transport.sent.clear()
            try:
                _call(_target(cls, attr, op), attr, {**args, name: value}, client)
            except podio.PodioError:
                pass
            except ValueError:
                assert transport.sent == []  # refused as a bad value: fine, if nothing left
                continue
            sent_path = transport.sent[-1].url.raw_path.decode()
            assert sent_path == baseline.replace(marker, quote(value, safe="")), (key, name)


def _instance_ids(cls: type[podio.Model], op: _Operation) -> list[str]:
    """The attributes an instance operation puts in its path (and so cannot do without).

    A path parameter some path does without (a task made with or without a reference) is
    optional, not an id the call needs.
    """
    signature = set(inspect.signature(op.build).parameters)
    needed = set.intersection(*({*_placeholders(path)} for path in op.paths)) - signature
    return sorted(PATH_ATTRIBUTES.get((cls.__name__, name), name) for name in needed)


INSTANCE_OPERATIONS = [
    (key, cls, attr, op, _instance_ids(cls, op))
    for key, cls, attr, op in OPERATIONS
    if isinstance(op, InstanceOp) and _instance_ids(cls, op)
]


@pytest.mark.parametrize(
    ("key", "cls", "attr", "op", "ids"),
    INSTANCE_OPERATIONS,
    ids=[entry[0] for entry in INSTANCE_OPERATIONS],
)
async def test_an_instance_without_its_id_sends_nothing(
    key: str,
    cls: type[podio.Model],
    attr: str,
    op: _Operation,
    ids: list[str],
    transport: Transport,
    client: podio.Client,
) -> None:
    args, _, _ = _plan(key, op)
    transport.allowed = False
    slipped: list[str] = []
    for name in ids:
        field = cls.model_fields.get(name)
        text = field is not None and "str" in str(field.annotation)
        for empty in (None, "", " ") if text else (None,):
            for asynchronous in (False, True):
                target = _target(cls, attr, op, **{name: empty})
                if name == (cls._id_field or "id"):
                    target.id = empty
                try:
                    await _attempt(asynchronous, target, attr, args, client)
                except (TypeError, ValueError):
                    continue
                except Exception as exc:
                    slipped.append(f"{name}={empty!r}: {type(exc).__name__}: {exc}")
                else:
                    slipped.append(f"{name}={empty!r}: accepted")
    assert slipped == []
    assert transport.sent == []
