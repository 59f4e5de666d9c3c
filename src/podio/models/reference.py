"""References: a short, typed pointer to any Podio object (``{"type": "item", "id": 42}``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_field, as_model_list, as_raw, member, returns
from .by_line import ByLine
from .profile import Profile
from .via import Via

__all__ = ["Reference"]

_DOC = "https://developers.podio.com/doc/reference"


class Reference(Model):
    """A reference to an object (conventions.md §7-8): its `type` and `id`, and in full
    references its `title`, `link`, creation and the object itself under `data`."""

    _id_field = "id"

    # `id` is the base model's `id`: the value of Podio's "id" key, as sent.
    type: str | None = None
    type_name: str | None = None
    title: str | None = None
    link: str | None = None
    data: dict[str, Any] | None = None
    created_on: DateTime | None = None
    created_by: ByLine | None = None
    created_via: Via | None = None
    accessor_count: int | None = None

    @member("GET", "/reference/{ref_type}/{ref_id}", doc=f"{_DOC}/get-reference-10661022")
    def find(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        accessor_count: bool | None = None,
        context_id: int | None = None,
        context_type: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The reference to an object (``find("item", 42)``), with `accessor_count` the number
        of users who can see it."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id},
            params={
                "accessor_count": accessor_count,
                "context_id": context_id,
                "context_type": context_type,
            },
        )

    afind = find.twin()

    @member("GET", "/reference/resolve", doc=f"{_DOC}/resolve-url-66839423")
    def resolve(cls, url: str, *, client: ClientArg = None) -> Call:
        """The object a podio.com URL points to; Podio answers 404 when it points to none."""
        return Call(params={"url": url})

    aresolve = resolve.twin()

    @returns(as_raw, "POST", "/reference/search", doc=f"{_DOC}/search-references-13312595")
    def search(
        cls,
        target: str,
        text: str,
        limit: int | None = None,
        target_params: Mapping[str, Any] | None = None,
        subfield: str | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Objects a reference may point to, for pickers: `target` says where from (e.g.
        ``"item_field"`` with ``target_params={"field_id": ...}``), `text` what to look for.

        Returns Podio's list of groups, ``[{"name", "data", "contents": [...]}]``.
        """
        body: dict[str, Any] = {"target": target, "text": text}
        if limit is not None:
            body["limit"] = limit
        if target_params:
            body["target_params"] = dict(target_params)
        if subfield:
            body["subfield"] = subfield
        return Call(json=body, idempotent=True)

    asearch = search.twin()

    @returns(
        as_model_list(Profile),
        "GET",
        "/reference/{ref_type}/{ref_id}/accessible_by/",
        doc=f"{_DOC}/get-users-with-access-to-object-16681010",
    )
    def find_users_with_access(
        cls,
        ref_type: str,
        ref_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The profiles of the users who can see an object."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id}, params={"limit": limit, "offset": offset}
        )

    afind_users_with_access = find_users_with_access.twin()

    @returns(
        as_field("count", int),
        "GET",
        "/reference/{ref_type}/{ref_id}/accessible_by/count",
        doc=f"{_DOC}/count-user-profiles-with-access-to-object-19190550",
    )
    def count_users_with_access(
        cls, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """How many users can see an object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    acount_users_with_access = count_users_with_access.twin()
