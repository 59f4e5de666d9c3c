"""Ratings: likes, approvals, RSVPs, five stars, yes/no and thumbs on items and statuses."""

from __future__ import annotations

from typing import Any

from .._response import Response
from ._base import Model
from ._operation import (
    Call,
    ClientArg,
    as_field,
    as_model_list,
    as_raw,
    member,
    returns,
)
from .profile import Profile

__all__ = ["Rating"]

_DOC = "https://developers.podio.com/doc/ratings"

#: The rating types and their values (conventions.md §7): ``approved`` 0 approves, 1
#: disapproves; ``rsvp`` 0 attend, 1 cannot, 2 maybe; ``fivestar`` 1-5; ``yesno`` 0 yes, 1
#: no; ``thumbs`` 0 up, 1 down; ``like`` 1. Statuses only take ``like``.
RATING_TYPES = ("approved", "rsvp", "fivestar", "yesno", "thumbs", "like")


def _value_or_none(response: Response) -> int | None:
    """``{"value": int}``, or ``null`` when the user has not rated."""
    body = response.body
    value = body.get("value") if isinstance(body, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _rating_type(rating_type: str) -> str:
    if rating_type not in RATING_TYPES:
        raise ValueError(f"rating_type must be one of {', '.join(RATING_TYPES)}")
    return rating_type


class Rating(Model):
    """One rating: `type` (see `RATING_TYPES`) and its `value`."""

    _id_field = "rating_id"

    rating_id: int | None = None
    type: str | None = None
    value: int | None = None

    @member("POST", "/rating/{ref_type}/{ref_id}/{rating_type}", doc=f"{_DOC}/add-rating-22377")
    def create(
        cls,
        ref_type: str,
        ref_id: int,
        rating_type: str,
        value: int,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Rate an object (``Rating.create("item", 42, "like", 1)``); returns the rating.

        Podio answers only the new `rating_id`; `type` and `value` are filled in from the
        call.
        """
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("value is an int (see RATING_TYPES for what each type takes)")

        def complete(response: Any) -> None:
            if isinstance(response.body, dict):
                response.body.setdefault("type", rating_type)
                response.body.setdefault("value", value)

        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id, "rating_type": _rating_type(rating_type)},
            json={"value": value},
            after=complete,
        )

    acreate = create.twin()

    @returns(as_raw, "GET", "/rating/{ref_type}/{ref_id}", doc=f"{_DOC}/get-all-ratings-22376")
    def find_all(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Every rating type enabled on an object: ``{type: {"average", "counts"}}``.

        ``counts`` maps each value to ``{"total", "users"}``. podio-rb reads this answer as
        an item collection, which it is not; it is returned as Podio sends it.
        """
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_all = find_all.twin()

    @returns(
        as_raw, "GET", "/rating/{ref_type}/{ref_id}/{rating_type}", doc=f"{_DOC}/get-ratings-22375"
    )
    def find_all_by_type(
        cls, ref_type: str, ref_id: int, rating_type: str, *, client: ClientArg = None
    ) -> Call:
        """One rating type on an object: ``{"average", "counts"}`` (average for fivestar)."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id, "rating_type": _rating_type(rating_type)}
        )

    afind_all_by_type = find_all_by_type.twin()

    @returns(
        _value_or_none,
        "GET",
        "/rating/{ref_type}/{ref_id}/{rating_type}/{user_id}",
        doc=f"{_DOC}/get-rating-22407",
    )
    def find(
        cls,
        ref_type: str,
        ref_id: int,
        rating_type: str,
        user_id: int,
        *,
        client: ClientArg = None,
    ) -> Call:
        """How a user rated an object (the value), or ``None`` if they did not."""
        return Call(
            path={
                "ref_type": ref_type,
                "ref_id": ref_id,
                "rating_type": _rating_type(rating_type),
                "user_id": user_id,
            }
        )

    afind = find.twin()

    @returns(
        _value_or_none,
        "GET",
        "/rating/{ref_type}/{ref_id}/{rating_type}/self",
        doc=f"{_DOC}/get-rating-own-84128",
    )
    def find_own(
        cls, ref_type: str, ref_id: int, rating_type: str, *, client: ClientArg = None
    ) -> Call:
        """How the current user rated an object, or ``None``."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id, "rating_type": _rating_type(rating_type)}
        )

    afind_own = find_own.twin()

    @returns(
        as_raw,
        "DELETE",
        "/rating/{ref_type}/{ref_id}/{rating_type}",
        doc=f"{_DOC}/remove-rating-22342",
    )
    def delete(
        cls, ref_type: str, ref_id: int, rating_type: str, *, client: ClientArg = None
    ) -> Call:
        """Take back the current user's rating of this type."""
        return Call(
            path={"ref_type": ref_type, "ref_id": ref_id, "rating_type": _rating_type(rating_type)}
        )

    adelete = delete.twin()

    @returns(
        as_field("like_count", int),
        "GET",
        "/rating/{ref_type}/{ref_id}/like_count",
        doc=f"{_DOC}/get-like-count-32161225",
    )
    def like_count(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """How many users like an object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    alike_count = like_count.twin()

    @returns(
        as_model_list(Profile),
        "GET",
        "/rating/{ref_type}/{ref_id}/liked_by/",
        doc=f"{_DOC}/get-who-liked-an-object-29007011",
    )
    def liked_by(
        cls, ref_type: str, ref_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The profiles of the users who like an object (10 unless `limit` says otherwise)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, params={"limit": limit})

    aliked_by = liked_by.twin()
