"""Receiving Podio's hook calls: parse a delivery into a `HookEvent`, answer ``hook.verify``.

Podio posts each event to the hook's URL as a form-encoded body (hooks.md §5)::

    type=item.update&hook_id=17&item_id=42&item_revision_id=3&external_id=

`parse` turns that body (bytes, text, or the dict a web framework made of it) into a
`HookEvent` with ints as ints; keys it does not know are kept in `HookEvent.extra`. A new hook
stays inactive until its handshake is done: Podio posts ``type=hook.verify`` with a ``code``,
which `validate` sends back::

    from podio import webhooks

    event = webhooks.parse(request.body)
    if event.is_verification:
        webhooks.validate(event.hook_id, event.code)
    elif event.type == "item.update":
        item = podio.Item.find(event.item_id)   # act on what the API says, not on the body

Podio hooks are unsigned. No signature or HMAC header comes with a delivery (hooks.md §5), so
anyone who learns the URL can post a forged event to it. A receiver should therefore:

* treat a delivery as a hint only, and fetch the object it names through the API, with its own
  credentials, before acting on it (what Podio's own example handlers do);
* make the URL hard to guess: a long random path segment, or a secret query parameter.
  Podio moves the registered URL's query parameters into the posted body (hooks.md §3), so the
  secret arrives in `HookEvent.extra`; compare it with `hmac.compare_digest`;
* serve it over HTTPS (Podio only calls ports 80 and 443), answer quickly and do the work
  afterwards, and cope with repeats and any order: retries and ordering are not documented.

A forged ``hook.verify`` does no harm: validating only succeeds with the code Podio issued.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from ._client import Client
from ._context import get_client

__all__ = ["VERIFY", "HookEvent", "avalidate", "parse", "validate"]

#: The event type of the verification handshake.
VERIFY = "hook.verify"

# Parameters Podio documents, and their types (hooks.md §2, §4).
_INT_KEYS = ("hook_id", "item_id", "item_revision_id", "comment_id", "app_id", "form_id")
_TEXT_KEYS = ("external_id", "action_type", "code")


@dataclass(frozen=True)
class HookEvent:
    """One hook delivery.

    `type` is the event (``item.create``, ``item.update``, ``item.delete``,
    ``comment.create``, ``comment.delete``, ``file.change``, ``app.update``, ``app.delete``,
    ``form.create``, ``form.update``, ``form.delete``, ``hook.verify``, or a space event such
    as ``task.create``). The other attributes are ``None`` when the event does not carry them.
    `file_ids` lists the files of a ``file.change`` (Podio sends them comma-separated).
    `extra` holds every other parameter, with the values of ``..._id`` keys made ints when
    they are numbers, and `raw` the parameters exactly as posted. The repr shows neither the
    verification code nor the values in `extra`.
    """

    type: str
    hook_id: int | None = None
    item_id: int | None = None
    item_revision_id: int | None = None
    external_id: str | None = None
    comment_id: int | None = None
    app_id: int | None = None
    form_id: int | None = None
    action_type: str | None = None
    file_ids: tuple[int, ...] = ()
    #: The verification code of a ``hook.verify`` call (kept out of reprs).
    code: str | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        # Values of unknown parameters stay out: a secret query parameter of the hook URL
        # arrives among them, and reprs end up in logs.
        shown = [f"type={self.type!r}"]
        for key in ("hook_id", "item_id", "item_revision_id", "comment_id", "app_id", "form_id"):
            value = getattr(self, key)
            if value is not None:
                shown.append(f"{key}={value}")
        if self.external_id is not None:
            shown.append(f"external_id={self.external_id!r}")
        if self.action_type is not None:
            shown.append(f"action_type={self.action_type!r}")
        if self.file_ids:
            shown.append(f"file_ids={self.file_ids!r}")
        if self.extra:
            shown.append(f"extra keys={sorted(self.extra)!r}")
        return f"HookEvent({', '.join(shown)})"

    @property
    def is_verification(self) -> bool:
        """True for the ``hook.verify`` handshake (answer it with `validate`)."""
        return self.type == VERIFY


def parse(body: bytes | str | Mapping[str, Any]) -> HookEvent:
    """Parse a hook delivery: the raw form-encoded body, or the mapping a framework made of it.

    A value given as a list (``parse_qs`` style) counts by its last entry. Raises
    `ValueError` when the body has no event ``type`` or a documented id is not a number.
    """
    params = _params(body)
    kind = params.get("type", "").strip()
    if not kind:
        raise ValueError("not a Podio hook delivery: the body has no 'type'")
    values: dict[str, Any] = {}
    for key in _INT_KEYS:
        values[key] = _int(key, params.get(key))
    for key in _TEXT_KEYS:
        text = params.get(key)
        values[key] = text if text else None
    known = {"type", "file_ids", *_INT_KEYS, *_TEXT_KEYS}
    extra = {key: _maybe_int(key, value) for key, value in params.items() if key not in known}
    return HookEvent(
        type=kind,
        file_ids=_ids(params.get("file_ids")),
        extra=extra,
        raw=params,
        **values,
    )


def validate(hook_id: int | None, code: str | None, *, client: Client | None = None) -> None:
    """Finish a hook's verification by sending back the code of its ``hook.verify`` call.

    Calls ``Hook.validate`` (``POST /hook/{hook_id}/verify/validate``) with the default client
    or `client`; the hook becomes active. Raises `ValueError` if either value is missing.
    """
    from .models.hook import Hook

    hook_id, code = _verification(hook_id, code)
    Hook.validate(hook_id, code, client=get_client(client))


async def avalidate(hook_id: int | None, code: str | None, *, client: Client | None = None) -> None:
    """Async twin of `validate`."""
    from .models.hook import Hook

    hook_id, code = _verification(hook_id, code)
    await Hook.avalidate(hook_id, code, client=get_client(client))


def _verification(hook_id: int | None, code: str | None) -> tuple[int, str]:
    if hook_id is None or isinstance(hook_id, bool) or not isinstance(hook_id, int):
        raise ValueError("hook_id must be the id of the hook being verified")
    if not isinstance(code, str) or not code:
        raise ValueError("code must be the verification code Podio posted")
    return hook_id, code


def _params(body: bytes | str | Mapping[str, Any]) -> dict[str, str]:
    if isinstance(body, (bytes, bytearray)):
        try:
            body = bytes(body).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError("a hook delivery is form-encoded UTF-8 text") from exc
    if isinstance(body, str):
        # Later values win, as most web frameworks read a repeated form key.
        return dict(parse_qsl(body, keep_blank_values=True))
    if not isinstance(body, Mapping):
        raise TypeError(
            f"expected the delivery's body (bytes, str) or a dict of it, not {type(body).__name__}"
        )
    params: dict[str, str] = {}
    for key, value in body.items():
        if isinstance(value, (list, tuple)):
            value = value[-1] if value else ""
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        params[str(key)] = "" if value is None else str(value)
    return params


def _int(key: str, value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise ValueError(f"hook parameter {key!r} should be a number, got {value!r}") from None


def _maybe_int(key: str, value: str) -> Any:
    text = value.strip()
    if key.endswith("_id") and text.isdigit():
        return int(text)
    return value


def _ids(value: str | None) -> tuple[int, ...]:
    if not value or not value.strip():
        return ()
    try:
        return tuple(int(part) for part in value.split(",") if part.strip())
    except ValueError:
        raise ValueError(f"hook parameter 'file_ids' should list numbers, got {value!r}") from None
