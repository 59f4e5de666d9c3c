"""Hooks (webhooks): Podio calls a URL of yours when something happens (hooks.md).

A new hook is ``inactive`` until verified: Podio posts ``hook.verify`` with a code to the
URL, and `Hook.validate` sends that code back. `podio.webhooks` parses what Podio posts.
"""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_none, member, members, returns
from .by_line import ByLine
from .via import Via

__all__ = ["Hook"]

_DOC = "https://developers.podio.com/doc/hooks"


class Hook(Model):
    """A hook: `type` (the event, e.g. ``item.create``), `url`, and `status`
    (``inactive`` until verified, then ``active``)."""

    _id_field = "hook_id"

    hook_id: int | None = None
    status: str | None = None
    type: str | None = None
    url: str | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None

    @members("GET", "/hook/{ref_type}/{ref_id}/", doc=f"{_DOC}/get-hooks-215285")
    def find_all_for(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The hooks on an ``app``, ``app_field`` or ``space``."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all_for = find_all_for.twin()

    @member("POST", "/hook/{ref_type}/{ref_id}/", doc=f"{_DOC}/create-hook-215056")
    def create(
        cls, ref_type: str, ref_id: int, url: str, type: str, *, client: ClientArg = None
    ) -> Call:
        """Have Podio post `type` events (``item.create``...) on an object to `url`.

        `ref_type` is ``app``, ``app_field`` (only item events, and only when that field
        changes) or ``space``. The URL must use port 80 or 443; its query string is moved into
        the posted body (hooks.md §3). Returns the hook, ``inactive`` until verified: Podio
        posts a ``hook.verify`` call to the URL right away (see `validate`).
        """
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValueError("url must be an http(s) URL that Podio can reach")
        if not isinstance(type, str) or not type:
            raise ValueError("type must name an event, such as 'item.create'")

        def remember(response: Any) -> None:
            # Podio answers only {"hook_id"}; the hook is what was asked for, and a new hook
            # is inactive until verified (hooks.md §4).
            if isinstance(response.body, dict):
                response.body.setdefault("url", url)
                response.body.setdefault("type", type)
                response.body.setdefault("status", "inactive")

        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            json={"url": url, "type": type},
            after=remember,
        )

    acreate = create.twin()

    @returns(as_none, "DELETE", "/hook/{hook_id}", doc=f"{_DOC}/delete-hook-215291")
    def delete(cls, hook_id: int, *, client: ClientArg = None) -> Call:
        """Delete a hook."""
        return Call(path={"hook_id": hook_id})

    adelete = delete.twin()

    @returns(
        as_none,
        "POST",
        "/hook/{hook_id}/verify/request",
        doc=f"{_DOC}/request-hook-verification-215232",
    )
    def verify(cls, hook_id: int, *, client: ClientArg = None) -> Call:
        """Ask Podio to post a new ``hook.verify`` call (with a code) to the hook's URL."""
        return Call(path={"hook_id": hook_id})

    averify = verify.twin()

    @returns(
        as_none,
        "POST",
        "/hook/{hook_id}/verify/validate",
        doc=f"{_DOC}/validate-hook-verification-215241",
    )
    def validate(  # type: ignore[override]
        cls, hook_id: int, code: str, *, client: ClientArg = None
    ) -> Call:
        """Send back the code of a ``hook.verify`` call; the hook becomes ``active``."""
        if not isinstance(code, str) or not code:
            raise ValueError("code must be the verification code Podio posted")
        return Call(path={"hook_id": hook_id}, json={"code": code})

    avalidate = validate.twin()
