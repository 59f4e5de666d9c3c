"""Organizations, spaces, space members, users, their status and profile, through the models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace

OtherUser = Callable[[str], tuple[podio.Client, int]]


# -- organizations -------------------------------------------------------------------------------


def test_organizations_create_find_and_update(client: podio.Client) -> None:
    org = podio.Organization(name="Planet Express")
    assert org.create() is True
    assert org.org_id is not None
    assert org.url == "https://podio.com/planetexpress"

    found = podio.Organization.find(org.org_id)
    assert found.name == "Planet Express"
    assert found.role == "admin"
    assert found.user_limit == 500
    assert podio.Organization.find_by_url(org.url).org_id == org.org_id
    assert podio.Organization.find_by_url_slug("planetexpress").org_id == org.org_id

    second = podio.Organization.create_org({"name": "Planet Express"})
    assert podio.Organization.find(second).url_label == "planetexpress2"

    found.name = "Planet Express Inc"
    assert found.update() is True
    assert podio.Organization.find(org.org_id).name == "Planet Express Inc"
    assert podio.Organization.update_org(second, {"name": "Mom's Friendly Robots"}) == 204
    names = [o.name for o in podio.Organization.find_all()]
    assert names == ["Planet Express Inc", "Mom's Friendly Robots"]
    with pytest.raises(podio.NotFoundError):
        podio.Organization.find(org.org_id + 1000)


def test_members_of_an_organization(
    workspace: Workspace, other_user: OtherUser, client: podio.Client
) -> None:
    me = podio.User.current()
    assert me.user_id is not None
    members = podio.OrganizationMember.find_all_for_org(workspace.org_id)
    assert [m.user_id for m in members] == [me.user_id]
    mine = podio.OrganizationMember.find(workspace.org_id, me.user_id)
    assert mine.role == "admin"

    stranger, stranger_id = other_user("fry@example.com")
    with pytest.raises(podio.ForbiddenError):
        podio.Organization.find(workspace.org_id, client=stranger)
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [stranger_id]})
    assert podio.Organization.find(workspace.org_id, client=stranger).role == "regular"
    assert sorted(
        m.user_id for m in podio.OrganizationMember.find_all_for_org(workspace.org_id)
    ) == (sorted([me.user_id, stranger_id]))


# -- spaces --------------------------------------------------------------------------------------


def test_spaces_create_find_update_and_delete(workspace: Workspace) -> None:
    space = podio.Space.find(workspace.space_id)
    assert isinstance(space, podio.Space)
    assert space.name == "Team"
    assert space.privacy == "closed"
    assert space.role == "admin"
    assert space.org_id == workspace.org_id
    assert space.url is not None
    assert podio.Space.find_by_url(space.url).space_id == workspace.space_id
    assert podio.Space.find_by_url_slug("acme", "team").space_id == workspace.space_id
    assert podio.Space.find_by_org_and_url_label(workspace.org_id, "team").name == "Team"
    with pytest.raises(podio.NotFoundError):
        podio.Space.find_by_url_slug("acme", "nowhere")

    made = podio.Space(org_id=workspace.org_id, name="Marketing", privacy="open")
    assert made.save() is True
    assert made.space_id is not None
    assert made.url is not None and made.url.endswith("/marketing")
    with pytest.raises(ValueError, match="update"):
        made.save()  # a second save would make a second space

    made.name = "Growth"
    made.description = "Where leads grow"
    assert made.update() is True
    stored = podio.Space.find(made.space_id)
    assert (stored.name, stored.description, stored.privacy) == (
        "Growth",
        "Where leads grow",
        "open",
    )
    assert podio.Space.update_space(made.space_id, {"privacy": "closed"}) == 204
    assert podio.Space.find(made.space_id).privacy == "closed"

    in_org = podio.Space.find_all_for_org(workspace.org_id)
    assert sorted(s.name for s in in_org) == ["Growth", "Team"]

    assert stored.destroy() is True
    with pytest.raises(podio.GoneError):
        podio.Space.find(made.space_id)
    assert [s.name for s in podio.Space.find_all_for_org(workspace.org_id)] == ["Team"]


def test_space_members_add_role_remove_and_403_for_others(
    workspace: Workspace, other_user: OtherUser, client: podio.Client
) -> None:
    leela, leela_id = other_user("leela@example.com")
    bender, bender_id = other_user("bender@example.com")
    space_id = workspace.space_id

    # Not a member: the closed space is out of reach.
    with pytest.raises(podio.ForbiddenError) as caught:
        podio.Space.find(space_id, client=leela)
    assert caught.value.response_status == 403

    answer = podio.SpaceInvitation.create_member(space_id, "regular", {"users": [leela_id]})
    assert answer["user_ids"] == [leela_id]
    invitation = podio.SpaceInvitation(space_id=space_id, role="light", users=[bender_id])
    assert invitation.save_member() is True

    assert podio.Space.find(space_id, client=leela).role == "regular"
    membership = podio.SpaceMember.find(space_id, leela_id)
    assert membership.role == "regular"
    assert membership.user_id == leela_id
    everyone = podio.SpaceMember.find_all(space_id)
    assert sorted(m.user_id for m in everyone) == sorted(
        [podio.User.current().user_id, leela_id, bender_id]
    )
    lights = podio.SpaceMember.find_all_for_role(space_id, "light")
    assert [m.user_id for m in lights] == [bender_id]
    assert podio.SpaceMember.get_members_count(space_id) == {"total": 3}

    # A light member may not change the space; a regular one may not change roles.
    with pytest.raises(podio.ForbiddenError):
        podio.Space.update_space(space_id, {"name": "Mine"}, client=bender)
    with pytest.raises(podio.ForbiddenError):
        podio.SpaceMember.update_role(space_id, bender_id, "admin", client=leela)

    assert podio.SpaceMember.update_role(space_id, [leela_id, bender_id], "admin") == 204
    assert podio.SpaceMember.find(space_id, bender_id).role == "admin"
    assert podio.Space.update_space(space_id, {"name": "Crew"}, client=bender) == 204

    assert podio.SpaceMember.end_membership(space_id, leela_id) == 204
    with pytest.raises(podio.ForbiddenError):
        podio.Space.find(space_id, client=leela)
    ended = podio.SpaceMember.find_all_ended(space_id)
    assert [m.user_id for m in ended] == [leela_id]
    assert podio.Space.leave(space_id, client=bender) == 204
    remaining = podio.SpaceMember.find_all(space_id)
    assert [m.user_id for m in remaining] == [podio.User.current().user_id]


def test_open_spaces_can_be_joined_by_organization_members(
    workspace: Workspace, other_user: OtherUser
) -> None:
    zoidberg, zoidberg_id = other_user("zoidberg@example.com")
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [zoidberg_id]})
    lobby = podio.Space.create({"org_id": workspace.org_id, "name": "Lobby", "privacy": "open"})
    lobby_id = int(lobby["space_id"])
    seen = podio.Space.find(lobby_id, client=zoidberg)
    assert seen.role is None  # may read it, not a member yet
    joinable = podio.Space.find_open_for_org(workspace.org_id, client=zoidberg)
    assert [space.space_id for space in joinable] == [lobby_id]
    assert podio.Space.get_count(workspace.org_id, client=zoidberg) == 2  # Team and Lobby
    podio.Space.join(lobby_id, client=zoidberg)
    assert podio.Space.find_open_for_org(workspace.org_id, client=zoidberg) == []
    assert podio.Space.find(lobby_id, client=zoidberg).role == "regular"
    assert podio.SpaceMember.find(lobby_id, zoidberg_id).role == "regular"


# -- users ---------------------------------------------------------------------------------------


def test_user_status_profile_and_properties(client: podio.Client, user: tuple[str, str]) -> None:
    status = podio.UserStatus.current()
    assert status.user is not None
    assert status.user.mail == user[0]
    assert status.profile is not None
    assert status.contact is status.profile
    assert status.profile.user_id == status.user.user_id

    me = podio.User.current()
    assert me.user_id == status.user.user_id
    assert me.locale == "en_GB"
    assert me.timezone == "Europe/Copenhagen"
    assert podio.User.update({"locale": "da_DK", "timezone": "America/New_York"}) == 204
    changed = podio.User.current()
    assert (changed.locale, changed.timezone) == ("da_DK", "America/New_York")
    with pytest.raises(podio.BadRequestError):
        podio.User.update({"timezone": "Mars/Olympus_Mons"})

    assert (
        podio.User.update_profile(
            {"title": "Delivery boy", "skill": ["Flying", "Sleeping"], "birthdate": "1974-08-14"}
        )
        == 204
    )
    assert podio.User.get_profile_field("skill") == ["Flying", "Sleeping"]
    assert podio.User.update_profile_field("about", "From 1999") == 204
    profile = podio.UserStatus.current().profile
    assert profile is not None
    assert profile.title == ["Delivery boy"]
    assert profile.about == "From 1999"
    assert profile.birthdate == dt.date(1974, 8, 14)
    with pytest.raises(podio.BadRequestError):
        podio.User.update_profile({"favourite_colour": "green"})

    assert podio.User.set_property("theme", "dark") == 204
    assert podio.User.get_property("theme") == "dark"
    assert podio.UserStatus.current().properties == {"theme": "dark"}  # this API client's
    assert podio.User.remove_property("theme") == 204
    with pytest.raises(podio.NotFoundError):
        podio.User.get_property("theme")


def test_other_users_profiles_are_visible_when_sharing_a_space(
    workspace: Workspace, other_user: OtherUser
) -> None:
    amy, amy_id = other_user("amy@example.com")
    with pytest.raises(podio.ForbiddenError):
        podio.Contact.find_for_user(amy_id)
    podio.SpaceInvitation.create_member(workspace.space_id, "regular", {"users": [amy_id]})
    contact = podio.Contact.find_for_user(amy_id)
    assert contact.name == "Amy"
    assert contact.user_id == amy_id
    space_people = podio.Contact.find_all_for_space(workspace.space_id)
    assert amy_id in [person.user_id for person in space_people]
    me = podio.User.current()
    assert me.user_id is not None
    assert podio.Contact.find_for_user(me.user_id, client=amy).name == "Emulator User"


# -- async twins ---------------------------------------------------------------------------------


async def test_async_twins_of_org_space_member_and_user_operations(
    workspace: Workspace, other_user: OtherUser, client: podio.Client
) -> None:
    hermes, hermes_id = other_user("hermes@example.com")
    orgs = await podio.Organization.afind_all()
    assert [o.org_id for o in orgs] == [workspace.org_id]
    space = await podio.Space.afind(workspace.space_id)
    assert space.name == "Team"
    created = await podio.Space.acreate({"org_id": workspace.org_id, "name": "Async"})
    assert (await podio.Space.afind(created["space_id"])).name == "Async"
    await podio.SpaceInvitation.acreate_member(
        workspace.space_id, "regular", {"users": [hermes_id]}
    )
    membership = await podio.SpaceMember.afind(workspace.space_id, hermes_id)
    assert membership.role == "regular"
    assert await podio.SpaceMember.aupdate_role(workspace.space_id, hermes_id, "light") == 204
    assert (await podio.SpaceMember.afind(workspace.space_id, hermes_id)).role == "light"
    assert await podio.SpaceMember.aend_membership(workspace.space_id, hermes_id) == 204
    with pytest.raises(podio.ForbiddenError):
        await podio.Space.afind(workspace.space_id, client=hermes)
    status = await podio.UserStatus.acurrent()
    assert status.user is not None
    assert (await podio.User.acurrent()).user_id == status.user.user_id
    await client.aclose()
    await hermes.aclose()


def test_member_lists_of_the_demo_world(emulator: EmulatorHandle, client: podio.Client) -> None:
    intranet = emulator.seed()["space_ids"]["intranet"]
    members = podio.SpaceMember.find_all_for_space(intranet)
    # The v2 list puts each member's profile in `user`.
    roles = {m.user.name if m.user else None: m.role for m in members}
    assert roles == {
        "Emulator User": "admin",
        "Alice Admin": "admin",
        "Bob Regular": "regular",
        "Carol Light": "light",
    }
    assert all(m.user_id is not None for m in members)
    found = podio.SpaceMember.find_all_for_space(intranet, query="bo")
    assert [m.user.name for m in found if m.user] == ["Bob Regular"]
    pages = list(podio.SpaceMember.iter_all_for_space(intranet, limit=3))
    assert len(pages) == 3
