"""Tags, ratings and likes, subscriptions and search through their models."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace, make_app

OtherUser = Callable[[str], tuple[podio.Client, int]]


def _join(workspace: Workspace, other_user: OtherUser, mail: str) -> tuple[podio.Client, int]:
    other, other_id = other_user(mail)
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [other_id]})
    return other, other_id


# -- tags ----------------------------------------------------------------------------------------


def test_tags_on_items_and_statuses_and_the_lookups(
    app: podio.Application, workspace: Workspace
) -> None:
    assert app.app_id is not None
    first = podio.Item.create(app.app_id, fields={"title": "One"}, tags=["urgent"])
    second = podio.Item.create(app.app_id, fields={"title": "Two"})
    assert first.item_id is not None and second.item_id is not None

    podio.Tag.create("item", second.item_id, ["Urgent", "q3"])  # "urgent" in any case: one tag
    assert sorted(podio.Item.find(second.item_id).tags or []) == ["Urgent", "q3"]
    podio.Tag.create("item", first.item_id, ["URGENT", "q4"])
    assert sorted(podio.Item.find(first.item_id).tags or []) == ["q4", "urgent"]
    assert podio.Item.find(first.item_id).revision == 1  # tags change through an item update

    podio.Tag.update("item", second.item_id, ["q3", "later"])
    assert sorted(podio.Item.find(second.item_id).tags or []) == ["later", "q3"]
    assert podio.Tag.delete("item", second.item_id, "later") == 204
    assert podio.Item.find(second.item_id).tags == ["q3"]

    status = podio.Status.create(workspace.space_id, {"value": "Tagged status"})
    assert status.status_id is not None
    podio.Tag.create("status", status.status_id, ["q3"])

    on_app = podio.Tag.find_by_app(app.app_id)
    assert [(t.text, t.count) for t in on_app] == [("q3", 1), ("q4", 1), ("urgent", 1)]
    assert all(isinstance(t, podio.Tag) for t in on_app)
    in_space = podio.Tag.find_by_space(workspace.space_id, text="q")
    assert [(t.text, t.count) for t in in_space] == [("q3", 2), ("q4", 1)]
    in_org = podio.Tag.find_by_org(workspace.org_id)
    assert {t.text for t in in_org} == {"q3", "q4", "urgent"}
    top = podio.Tag.find_top_by_app(app.app_id)
    assert sorted(top) == ["q3", "q4", "urgent"]

    tagged = podio.Tag.find_tagged_objects_on_space(workspace.space_id, "q3")
    assert {(t.type, t.id) for t in tagged} == {
        ("item", second.item_id),
        ("status", status.status_id),
    }
    assert all(isinstance(t, podio.TagSearch) for t in tagged)
    on_app_q3 = podio.Tag.find_tagged_objects_on_app(app.app_id, "q3")
    assert [(t.type, t.id, t.title) for t in on_app_q3] == [("item", second.item_id, "Two")]

    with pytest.raises(ValueError, match="non-empty"):
        podio.Tag.create("item", first.item_id, [" "])  # refused before sending
    with pytest.raises(podio.BadRequestError):
        podio.Tag.create("item", first.item_id, ["x" * 256])


# -- ratings and likes -----------------------------------------------------------------------------


def test_likes_and_ratings(
    workspace: Workspace, other_user: OtherUser, client: podio.Client
) -> None:
    app = make_app(workspace.space_id, "Ideas", fivestar=True, approved=True)
    assert app.app_id is not None
    idea = podio.Item.create(app.app_id, fields={"title": "Hoverboards"})
    assert idea.item_id is not None
    bob, bob_id = _join(workspace, other_user, "bob@example.com")
    me = podio.User.current().user_id
    assert me is not None

    like = podio.Rating.create("item", idea.item_id, "like", 1)
    assert isinstance(like, podio.Rating)
    assert (like.type, like.value) == ("like", 1)
    assert like.rating_id is not None
    podio.Rating.create("item", idea.item_id, "like", 1, client=bob)
    assert podio.Rating.like_count("item", idea.item_id) == 2
    assert sorted(p.user_id for p in podio.Rating.liked_by("item", idea.item_id)) == sorted(
        [me, bob_id]
    )
    shown = podio.Item.find(idea.item_id)
    assert (shown.like_count, shown.is_liked) == (2, True)

    podio.Rating.create("item", idea.item_id, "fivestar", 4)
    again = podio.Rating.create("item", idea.item_id, "fivestar", 2)  # rating again changes it
    podio.Rating.create("item", idea.item_id, "fivestar", 5, client=bob)
    assert podio.Rating.find_own("item", idea.item_id, "fivestar") == 2
    assert podio.Rating.find("item", idea.item_id, "fivestar", bob_id) == 5
    stars = podio.Rating.find_all_by_type("item", idea.item_id, "fivestar")
    assert stars["average"] == 3.5
    assert stars["counts"]["2"]["total"] == 1
    assert again.rating_id is not None
    everything = podio.Rating.find_all("item", idea.item_id)
    assert {"like", "fivestar", "approved"} <= set(everything)

    with pytest.raises(podio.BadRequestError):
        podio.Rating.create("item", idea.item_id, "fivestar", 9)
    with pytest.raises(podio.BadRequestError):
        podio.Rating.create("item", idea.item_id, "thumbs", 1)  # not enabled on this app
    with pytest.raises(ValueError, match="rating_type"):
        podio.Rating.create("item", idea.item_id, "hearts", 1)

    podio.Rating.delete("item", idea.item_id, "like", client=bob)
    assert podio.Rating.like_count("item", idea.item_id) == 1
    assert podio.Rating.find_own("item", idea.item_id, "like", client=bob) is None

    status = podio.Status.create(workspace.space_id, {"value": "Like me"})
    assert status.status_id is not None
    podio.Rating.create("status", status.status_id, "like", 1, client=bob)
    liked = podio.Status.find(status.status_id)
    assert (liked.like_count, liked.is_liked) == (1, False)
    comment = podio.Comment.create("item", idea.item_id, {"value": "Nice"})
    assert comment.comment_id is not None
    podio.Rating.create("comment", comment.comment_id, "like", 1, client=bob)
    assert [p.user_id for p in podio.Comment.liked_by(comment.comment_id)] == [bob_id]


# -- subscriptions -------------------------------------------------------------------------------


def test_subscriptions(app: podio.Application, workspace: Workspace, other_user: OtherUser) -> None:
    assert app.app_id is not None
    bob, _ = _join(workspace, other_user, "bob@example.com")
    item = podio.Item.create(app.app_id, fields={"title": "Followed"})
    assert item.item_id is not None

    mine = podio.Subscription.find_by_reference("item", item.item_id)  # the author follows it
    assert mine.subscription_id is not None
    assert mine.ref is not None and mine.ref["id"] == item.item_id
    with pytest.raises(podio.NotFoundError):
        podio.Subscription.find_by_reference("item", item.item_id, client=bob)

    bobs = podio.Subscription.create("item", item.item_id, client=bob)
    assert bobs.subscription_id is not None
    again = podio.Subscription.create("item", item.item_id, client=bob)
    assert again.subscription_id == bobs.subscription_id
    assert podio.Subscription.find(bobs.subscription_id, client=bob).started_on is not None
    with pytest.raises(podio.NotFoundError):  # someone else's subscription
        podio.Subscription.find(bobs.subscription_id)
    followers = podio.Subscription.find_subscribers_by_reference("item", item.item_id)
    assert sorted(f["name"] for f in followers) == ["Bob", "Emulator User"]
    assert podio.Item.find(item.item_id).subscribed_count == 2

    podio.Subscription.delete(bobs.subscription_id, client=bob)
    with pytest.raises(podio.NotFoundError):
        podio.Subscription.find_by_reference("item", item.item_id, client=bob)
    podio.Subscription.delete_by_reference("item", item.item_id)
    assert podio.Item.find(item.item_id).subscribed is False

    podio.Subscription.create("app", app.app_id)
    podio.Subscription.create("space", workspace.space_id)
    assert podio.Subscription.find_by_reference("space", workspace.space_id).ref is not None


# -- search --------------------------------------------------------------------------------------


def test_search_in_app_space_and_org(
    workspace: Workspace, other_user: OtherUser, client: podio.Client
) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    rocket = podio.Item.create(app.app_id, fields={"title": "Rocket launch plan"}, tags=["space"])
    podio.Item.create(app.app_id, fields={"title": "Budget review"})
    comet = podio.Item.create(app.app_id, fields={"title": "Comet"})
    assert comet.item_id is not None
    podio.Comment.create("item", comet.item_id, {"value": "Ready for the rocket?"})
    status = podio.Status.create(workspace.space_id, {"value": "The rocket is fuelled"})
    task = podio.Task.create_with_ref("space", workspace.space_id, {"text": "Paint the rocket"})[0]
    podio.FileAttachment.upload(b"plans", "rocket-plans.txt")  # not attached: not found

    in_app = podio.Search.in_app(app.app_id, "rocket")
    assert all(isinstance(hit, podio.Search) for hit in in_app)
    assert [(hit.type, hit.id) for hit in in_app] == [
        ("item", rocket.item_id),  # in the title: ranked first
        ("item", comet.item_id),
    ]
    assert in_app[0].title == "Rocket launch plan"
    assert in_app[0].rank is not None and in_app[0].search_id is not None

    in_space = podio.Search.in_space(workspace.space_id, "rocket")
    assert {(hit.type, hit.id) for hit in in_space} == {
        ("item", rocket.item_id),
        ("item", comet.item_id),
        ("status", status.status_id),
        ("task", task.task_id),
    }
    only_tasks = podio.Search.in_space(workspace.space_id, "rocket", ref_type="task")
    assert [hit.id for hit in only_tasks] == [task.task_id]
    in_org = podio.Search.in_org(workspace.org_id, "budget review")
    assert [hit.title for hit in in_org] == ["Budget review"]
    highlighted = podio.Search.in_app(app.app_id, "launch", highlights=True)
    assert "<em>" in str(highlighted[0].highlight).lower()
    assert [hit.id for hit in podio.Search.globally("comet")] == [comet.item_id]
    assert len(list(podio.Search.iter_in_space(workspace.space_id, "rocket"))) == 4

    # Outside the caller's rights nothing is found.
    stranger, _ = other_user("stranger@example.com")
    assert podio.Search.globally("rocket", client=stranger) == []
    with pytest.raises(podio.BadRequestError):
        podio.Search.in_app(app.app_id, "rocket", limit=21)
    with pytest.raises(ValueError, match="query"):
        podio.Search.in_app(app.app_id, "  ")


def test_search_results_page_twenty_at_a_time(
    workspace: Workspace, emulator: EmulatorHandle, client: podio.Client
) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    made = podio.Item.create_many(
        app.app_id, [{"fields": {"title": f"Meteor {n:02}"}} for n in range(25)]
    )
    assert made.ok
    first_page = podio.Search.in_app(app.app_id, "meteor")
    assert len(first_page) == 20  # Podio's most per call
    rest = podio.Search.in_app(app.app_id, "meteor", offset=20)
    assert len(rest) == 5
    before = emulator.state()["requests"]
    every = [hit.title for hit in podio.Search.iter_in_app(app.app_id, "meteor")]
    assert sorted(every) == [f"Meteor {n:02}" for n in range(25)]
    assert emulator.state()["requests"] - before == 2  # a short second page ends it
    assert len(list(podio.Search.iter_in_app(app.app_id, "meteor", limit=7))) == 7


# -- async twins ---------------------------------------------------------------------------------


async def test_async_twins_of_tags_ratings_subscriptions_and_search(
    app: podio.Application, workspace: Workspace, client: podio.Client
) -> None:
    assert app.app_id is not None
    item = await podio.Item.acreate(app.app_id, fields={"title": "Async zeppelin"})
    assert item.item_id is not None
    await podio.Tag.acreate("item", item.item_id, ["airship"])
    assert [t.text for t in await podio.Tag.afind_by_app(app.app_id)] == ["airship"]
    await podio.Rating.acreate("item", item.item_id, "like", 1)
    assert await podio.Rating.alike_count("item", item.item_id) == 1
    await podio.Subscription.adelete_by_reference("item", item.item_id)
    with pytest.raises(podio.NotFoundError):
        await podio.Subscription.afind_by_reference("item", item.item_id)
    hits = await podio.Search.ain_space(workspace.space_id, "zeppelin")
    assert [hit.id for hit in hits] == [item.item_id]
    await client.aclose()
