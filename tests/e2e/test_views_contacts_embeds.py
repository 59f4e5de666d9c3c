"""Views, space contacts and embeds through `podio.View`, `podio.SpaceContact`/`Contact` and
`podio.Embed`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import podio

from .conftest import Workspace

OtherUser = Callable[[str], tuple[podio.Client, int]]


def _option(app: podio.Application, field: str, text: str) -> int:
    definition = next(f for f in app.fields or [] if f.external_id == field)
    return int(
        next(o["id"] for o in (definition.config or {})["settings"]["options"] if o["text"] == text)
    )


# -- views ---------------------------------------------------------------------------------------


def test_views_create_list_get_filter_by_and_delete(
    app: podio.Application, workspace: Workspace, other_user: OtherUser
) -> None:
    assert app.app_id is not None
    for title, hours, status in [
        ("A", 1, "Open"),
        ("B", 8, "Done"),
        ("C", 5, "Open"),
        ("D", 9, "Open"),
    ]:
        podio.Item.create(app.app_id, fields={"title": title, "hours": hours, "status": status})
    open_id = _option(app, "status", "Open")

    view = podio.View.create(
        app.app_id,
        {
            "name": "Open work",
            "private": False,
            "filters": [{"key": "status", "values": [open_id]}],
            "sort_by": "title",
            "sort_desc": True,
            "layout": "table",
        },
    )
    assert isinstance(view, podio.View)
    assert view.view_id is not None
    stored = podio.View.find(view.view_id)
    assert (stored.name, stored.type, stored.private, stored.sort_by, stored.sort_desc) == (
        "Open work",
        "saved",
        False,
        "title",
        True,
    )
    assert stored.filters == [{"key": "status", "values": [open_id]}]
    assert stored.items == 3
    assert podio.View.find("Open work", app.app_id).view_id == view.view_id  # by name

    mine = podio.View.create(
        app.app_id, {"name": "Big", "private": True, "filters": {"hours": {"from": 6}}}
    )
    assert mine.view_id is not None
    names = [v.name for v in podio.View.find_all(app.app_id)]
    assert sorted(names) == ["Big", "Open work"]
    with_standard = [v.name for v in podio.View.find_all(app.app_id, include_standard_views=True)]
    assert {"All items", "Last modified"} <= set(with_standard)

    selected = podio.Item.filter_by_view(app.app_id, view.view_id)
    assert [item.title for item in selected] == ["D", "C", "A"]  # the view's order
    assert (selected.count, selected.total_count) == (3, 4)
    resorted = podio.Item.filter_by_view(app.app_id, view.view_id, sort_by="hours", sort_desc=False)
    assert [item.title for item in resorted] == ["A", "C", "D"]
    assert mine.view_id is not None
    big = podio.Item.iter_by_view(app.app_id, mine.view_id, page_size=1)
    assert [item.title for item in big] == ["D", "B"]  # newest first, one page at a time
    assert podio.Item.count(app.app_id, view_id=view.view_id) == 3

    # Someone else sees the public view, not the private one.
    bob, bob_id = other_user("bob@example.com")
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [bob_id]})
    assert [v.name for v in podio.View.find_all(app.app_id, client=bob)] == ["Open work"]
    with pytest.raises(podio.NotFoundError):
        podio.View.find(mine.view_id, client=bob)
    with pytest.raises(podio.ForbiddenError):  # public views are for the app's managers
        podio.View.create(app.app_id, {"name": "Bob's", "private": False}, client=bob)

    assert podio.View.update(view.view_id, {"name": "Open items", "sort_by": "hours"}) == 204
    assert podio.View.find(view.view_id).name == "Open items"
    assert podio.View.make_default(view.view_id) == 204
    assert podio.Application.find(app.app_id).default_view_id == view.view_id

    assert podio.View.delete(view.view_id) == 204
    with pytest.raises(podio.GoneError):
        podio.View.find(view.view_id)
    with pytest.raises(podio.BadRequestError):
        podio.View.create(app.app_id, {"name": "Bad", "filters": [{"key": "nope", "values": [1]}]})


def test_the_last_view_is_what_remember_stored(app: podio.Application) -> None:
    assert app.app_id is not None
    podio.Item.create(app.app_id, fields={"title": "Kept", "hours": 3})
    podio.Item.create(app.app_id, fields={"title": "Dropped", "hours": 30})
    podio.Item.find_by_filter_values(app.app_id, {"hours": {"to": 10}}, remember=True)
    last = podio.View.find_last(app.app_id)
    assert last.type == "last"
    assert last.filters == [{"key": "hours", "values": {"to": 10}}]
    assert last.items == 1
    assert [item.title for item in podio.Item.filter_by_view(app.app_id, 0)] == ["Kept"]
    podio.View.update_last(app.app_id, {"filters": []})
    assert podio.Item.count(app.app_id, view_id=0) == 2


# -- contacts ------------------------------------------------------------------------------------


def test_space_contacts_create_read_update_and_delete(
    workspace: Workspace, other_user: OtherUser
) -> None:
    dude = podio.SpaceContact(
        space_id=workspace.space_id,
        name="Jeffrey Lebowski",
        mail=["dude@example.com"],
        phone=["+1 555 0100"],
        title=["The Dude"],
        external_id="dude",
    )
    assert dude.create() is True
    assert dude.profile_id is not None
    walter = podio.SpaceContact.create_space_contact(
        workspace.space_id, {"name": "Walter Sobchak", "mail": "walter@example.com"}
    )
    walter_id = walter["profile_id"]

    found = podio.SpaceContact.find(dude.profile_id)
    assert (found.name, found.mail, found.phone, found.type) == (
        "Jeffrey Lebowski",
        ["dude@example.com"],
        ["+1 555 0100"],
        "space",
    )
    assert podio.Contact.find(walter_id).mail == ["walter@example.com"]  # a string: a list
    card = podio.Profile.vcard(dude.profile_id)
    assert "BEGIN:VCARD" in card and "Jeffrey Lebowski" in card

    listed = podio.Contact.find_all_for_space(workspace.space_id, contact_type="space")
    assert [c.name for c in listed] == ["Jeffrey Lebowski", "Walter Sobchak"]
    by_name = podio.Contact.find_all_for_space(workspace.space_id, filters={"name": "walt"})
    assert [c.profile_id for c in by_name if c.type == "space"] == [walter_id]
    by_external = podio.Contact.find_all_for_org(workspace.org_id, external_id="dude")
    assert [c.profile_id for c in by_external] == [dude.profile_id]

    found.title = ["His Dudeness"]
    found.phone = None  # cleared
    assert found.update() is True
    changed = podio.SpaceContact.find(dude.profile_id)
    assert changed.title == ["His Dudeness"]
    assert changed.phone is None
    assert changed.mail == ["dude@example.com"]
    partial = podio.SpaceContact(profile_id=dude.profile_id, about="Abides")
    assert partial.update() is True  # only what the instance holds is sent
    kept = podio.SpaceContact.find(dude.profile_id)
    assert (kept.about, kept.mail, kept.name) == (
        "Abides",
        ["dude@example.com"],
        "Jeffrey Lebowski",
    )
    podio.Profile.update_contact_field(dude.profile_id, "skype", "thedude")
    assert podio.SpaceContact.find(dude.profile_id).skype == "thedude"

    outsider, _ = other_user("outsider@example.com")
    with pytest.raises(podio.ForbiddenError):
        podio.Contact.find(dude.profile_id, client=outsider)

    assert changed.destroy() is True
    with pytest.raises(podio.GoneError):
        podio.SpaceContact.find(dude.profile_id)
    podio.Profile.delete_contact([walter_id])
    assert podio.Contact.find_all_for_space(workspace.space_id, contact_type="space") == []


# -- embeds --------------------------------------------------------------------------------------


def test_embeds_resolve_and_attach_to_items_comments_and_statuses(
    app: podio.Application, workspace: Workspace
) -> None:
    page = podio.Embed.create("https://www.Example.com/blog/hello-world.html")
    assert isinstance(page, podio.Embed)
    assert page.embed_id is not None
    assert (page.type, page.hostname, page.title) == ("link", "example.com", "hello world")
    assert podio.Embed.find(page.embed_id).url == page.url
    assert podio.Embed.create("https://www.Example.com/blog/hello-world.html").embed_id == (
        page.embed_id
    )
    video = podio.Embed.create("https://www.youtube.com/watch?v=abc", "delayed")
    assert video.type == "video"
    picture = podio.Embed.create("example.org/cat.png")
    assert (picture.type, picture.url) == ("image", "http://example.org/cat.png")
    with pytest.raises(podio.BadRequestError):
        podio.Embed.create("not a link")
    with pytest.raises(ValueError, match="mode"):
        podio.Embed.create("https://example.com", "later")

    assert app.app_id is not None
    podio.ApplicationField.create(app.app_id, {"type": "embed", "config": {"label": "Link"}})
    item = podio.Item.create(app.app_id, fields={"title": "Linked", "link": page})
    assert item.item_id is not None
    assert [ref.embed_id for ref in podio.Item.find(item.item_id)["link"].values] == [page.embed_id]

    comment = podio.Comment.create(
        "item", item.item_id, {"value": "Watch", "embed_id": video.embed_id}
    )
    assert comment.embed is not None and comment.embed.embed_id == video.embed_id
    status = podio.Status.create(workspace.space_id, {"value": "Cat", "embed_id": picture.embed_id})
    assert status.embed is not None and status.embed.type == "image"


# -- async twins ---------------------------------------------------------------------------------


async def test_async_twins_of_views_contacts_and_embeds(
    app: podio.Application, workspace: Workspace, client: podio.Client
) -> None:
    assert app.app_id is not None
    await podio.Item.acreate(app.app_id, fields={"title": "Async", "hours": 2})
    view = await podio.View.acreate(app.app_id, {"name": "Async view", "private": True})
    assert view.view_id is not None
    assert (await podio.View.afind(view.view_id)).items == 1
    assert [item.title for item in await podio.Item.afilter_by_view(app.app_id, view.view_id)] == [
        "Async"
    ]
    assert await podio.View.adelete(view.view_id) == 204

    contact = podio.SpaceContact(space_id=workspace.space_id, name="Async Contact")
    assert await contact.acreate() is True
    assert contact.profile_id is not None
    assert (await podio.SpaceContact.afind(contact.profile_id)).name == "Async Contact"
    assert await contact.adestroy() is True

    embed = await podio.Embed.acreate("https://example.com/async")
    assert embed.embed_id is not None
    assert (await podio.Embed.afind(embed.embed_id)).hostname == "example.com"
    await client.aclose()
