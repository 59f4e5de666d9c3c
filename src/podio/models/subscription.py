"""Subscriptions: following an object to be notified of what happens to it."""

from __future__ import annotations

from typing import Any

from ._base import DateTime, Model
from ._operation import Call, ClientArg, as_none, as_raw, member, returns

__all__ = ["Subscription"]

_DOC = "https://developers.podio.com/doc/subscriptions"


class Subscription(Model):
    """The user's subscription to an object (`ref`), with the `notifications` it produced."""

    _id_field = "subscription_id"

    subscription_id: int | None = None
    started_on: DateTime | None = None
    notifications: int | None = None
    ref: dict[str, Any] | None = None

    @member("GET", "/subscription/{subscription_id}", doc=f"{_DOC}/get-subscription-by-id-22446")
    def find(cls, subscription_id: int, *, client: ClientArg = None) -> Call:
        """One subscription."""
        return Call(path={"subscription_id": subscription_id})

    afind = find.twin()

    @member(
        "GET",
        "/subscription/{ref_type}/{ref_id}",
        doc=f"{_DOC}/get-subscription-by-reference-22408",
    )
    def find_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The user's subscription to an object (404 when there is none)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_by_reference = find_by_reference.twin()

    @returns(as_raw, "GET", "/subscription/{ref_type}/{ref_id}/user")
    def find_subscribers_by_reference(
        cls, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """The users subscribed to an object, as Podio sends them (user objects)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    afind_subscribers_by_reference = find_subscribers_by_reference.twin()

    @member("POST", "/subscription/{ref_type}/{ref_id}", doc=f"{_DOC}/subscribe-22409")
    def create(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Subscribe the user to an object; returns the subscription (its `subscription_id`)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    acreate = create.twin()

    @returns(
        as_none, "DELETE", "/subscription/{subscription_id}", doc=f"{_DOC}/unsubscribe-by-id-22445"
    )
    def delete(cls, subscription_id: int, *, client: ClientArg = None) -> Call:
        """End a subscription."""
        return Call(path={"subscription_id": subscription_id})

    adelete = delete.twin()

    @returns(
        as_none,
        "DELETE",
        "/subscription/{ref_type}/{ref_id}",
        doc=f"{_DOC}/unsubscribe-by-reference-22410",
    )
    def delete_by_reference(cls, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """Unsubscribe the user from an object."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id})

    adelete_by_reference = delete_by_reference.twin()
