"""Votings: polls configured on an app, and their results on items."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, as_raw, members, returns

__all__ = ["Voting"]

_DOC = "https://developers.podio.com/doc/voting"


class Voting(Model):
    """A voting configured on an app: its `kind` and the `question` it asks."""

    _id_field = "voting_id"

    voting_id: int | None = None
    kind: str | None = None
    question: str | None = None

    @members("GET", "/voting/app/{app_id}/voting", doc=f"{_DOC}/get-app-votings-117689723")
    def find_all_for_app(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The votings configured on an app."""
        return Call(path={"app_id": app_id})

    afind_all_for_app = find_all_for_app.twin()

    @returns(
        as_raw,
        "GET",
        "/voting/item/{item_id}/voting/{voting_id}/result",
        doc=f"{_DOC}/get-result-of-voting-on-an-item-117727335",
    )
    def find_result_for_item(
        cls, item_id: int, voting_id: int, *, client: ClientArg = None
    ) -> Call:
        """The result of a voting on one item, as Podio sends it.

        The body is returned untouched: no client documents its shape.
        """
        return Call(path={"item_id": item_id, "voting_id": voting_id})

    afind_result_for_item = find_result_for_item.twin()

    @returns(
        as_raw,
        "GET",
        "/voting/item/{item_id}/voting/{voting_id}/user",
        doc=f"{_DOC}/get-list-of-users-with-votes-117729546",
    )
    def find_users_with_votes(
        cls, item_id: int, voting_id: int, *, client: ClientArg = None
    ) -> Call:
        """The users who voted on an item, with their votes, as Podio sends them."""
        return Call(path={"item_id": item_id, "voting_id": voting_id})

    afind_users_with_votes = find_users_with_votes.twin()
