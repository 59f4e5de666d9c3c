"""Apps and their fields through `podio.Application` and `podio.ApplicationField`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import podio

from .conftest import Workspace, make_app


def _by_external_id(app: podio.Application) -> dict[str, podio.ApplicationField]:
    return {field.external_id: field for field in app.fields or [] if field.external_id}


def test_create_find_and_its_views(workspace: Workspace) -> None:
    created = podio.Application.create(
        {
            "space_id": workspace.space_id,
            "config": {"name": "Leads", "item_name": "Lead", "icon": "12.png"},
            "fields": [
                {"type": "text", "config": {"label": "Company name", "required": True}},
                {"type": "number", "config": {"label": "Seats"}},
                {"type": "text", "config": {"label": "Company name"}},
            ],
        }
    )
    assert isinstance(created, podio.Application)
    assert created.app_id is not None

    app = podio.Application.find(created.app_id)
    assert app.name == "Leads"  # from config, as the Ruby gem reads it
    assert app.item_name == "Lead"
    assert app.space_id == workspace.space_id
    assert app.status == "active"
    assert app.token  # shown to those who may change the app
    assert "token" not in repr(app)  # never in a repr
    fields = _by_external_id(app)
    assert list(fields) == ["company-name", "seats", "company-name-2"]
    assert fields["company-name"].type == "text"
    assert fields["company-name"].config is not None
    assert fields["company-name"].config["required"] is True

    short = podio.Application.find(created.app_id, view="short")
    assert short.fields is None
    assert short.app_id == created.app_id
    micro = podio.Application.find(created.app_id, view="micro")
    assert (micro.name, micro.item_name) == ("Leads", "Lead")

    assert app.url_label is not None
    by_label = podio.Application.find_by_url_label(workspace.space_id, app.url_label)
    assert by_label.app_id == created.app_id
    assert [a.app_id for a in podio.Application.find_all()] == [created.app_id]

    with pytest.raises(podio.NotFoundError):
        podio.Application.find(created.app_id + 1000)


def test_update_config_and_fields(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    app_id = app.app_id
    revision = app.current_revision
    assert revision is not None

    status = podio.Application.update(
        app_id,
        {
            "config": {"name": "Initiatives", "item_name": "Initiative"},
            "fields": [{"type": "progress", "config": {"label": "Progress"}}],
        },
    )
    assert status == 204
    changed = podio.Application.find(app_id)
    assert (changed.name, changed.item_name) == ("Initiatives", "Initiative")
    assert "progress" in _by_external_id(changed)
    assert "title" in _by_external_id(changed)  # fields left out are kept
    assert changed.current_revision is not None
    assert changed.current_revision > revision

    added = podio.ApplicationField.create(
        app_id, {"type": "text", "config": {"label": "Notes", "description": "Free text"}}
    )
    assert added.field_id is not None
    by_id = podio.ApplicationField.find(app_id, added.field_id)
    by_external_id = podio.ApplicationField.find(app_id, "notes")
    assert by_id.field_id == by_external_id.field_id == added.field_id
    assert by_id.label == "Notes"

    new_revision = podio.ApplicationField.update(
        app_id, added.field_id, {"config": {"label": "Remarks"}}
    )
    assert isinstance(new_revision, int)
    assert podio.Application.find(app_id).current_revision == new_revision
    renamed = podio.ApplicationField.find(app_id, added.field_id)
    assert renamed.label == "Remarks"
    assert renamed.config is not None
    assert renamed.config["description"] == "Free text"  # only given keys change
    assert renamed.external_id == "notes"

    # An item keeps its value of a field that is later deleted, in its history.
    item = podio.Item.create(app_id, fields={"title": "Keep", "notes": "old value"})
    assert podio.Application.delete_field(app_id, added.field_id) == 204
    after = podio.Application.find(app_id)
    deleted = [f for f in after.fields or [] if f.field_id == added.field_id]
    assert [f.status for f in deleted] == ["deleted"]
    assert item.item_id is not None
    assert "notes" not in podio.Item.find(item.item_id).values


def test_deactivate_activate_and_list_per_space(workspace: Workspace) -> None:
    first = make_app(workspace.space_id, "Projects")
    second = make_app(workspace.space_id, "Contacts")
    assert first.app_id is not None and second.app_id is not None

    listed = podio.Application.find_all_for_space(workspace.space_id)
    assert sorted(a.name for a in listed) == ["Contacts", "Projects"]
    assert all(isinstance(a, podio.Application) for a in listed)

    podio.Application.deactivate(second.app_id)
    assert podio.Application.find(second.app_id).status == "inactive"
    assert [a.app_id for a in podio.Application.find_all_for_space(workspace.space_id)] == [
        first.app_id
    ]
    with_inactive = podio.Application.find_all_for_space(workspace.space_id, include_inactive=True)
    assert sorted(a.app_id for a in with_inactive) == sorted([first.app_id, second.app_id])
    with pytest.raises(podio.ForbiddenError):
        podio.Item.create(second.app_id, fields={"title": "Nope"})

    podio.Application.activate(second.app_id)
    assert podio.Application.find(second.app_id).status == "active"
    assert podio.Item.create(second.app_id, fields={"title": "Yes"}).item_id is not None


def test_delete_an_app_and_its_items_are_gone(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    item = podio.Item.create(app.app_id, fields={"title": "Doomed"})
    assert item.item_id is not None
    podio.Application.delete(app.app_id)
    with pytest.raises(podio.GoneError):
        podio.Application.find(app.app_id)
    with pytest.raises(podio.GoneError):
        podio.Item.find(item.item_id)
    assert podio.Application.find_all_for_space(workspace.space_id) == []


def test_a_renewed_token_replaces_the_old_one(
    workspace: Workspace, make_client: Callable[..., podio.Client]
) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None and app.token is not None
    answer = podio.Application.regenerate_apptoken(app.app_id)
    assert answer["token"] != app.token
    with pytest.raises(podio.InvalidGrantError):
        make_client().authenticate_with_app(app.app_id, app.token)
    app_client = make_client()
    app_client.authenticate_with_app(app.app_id, answer["token"])
    assert podio.Application.find(app.app_id, client=app_client).app_id == app.app_id


async def test_async_twins_of_the_app_operations(
    workspace: Workspace, client: podio.Client
) -> None:
    created = await podio.Application.acreate(
        {
            "space_id": workspace.space_id,
            "config": {"name": "Async", "item_name": "Thing"},
            "fields": [{"type": "text", "config": {"label": "Title"}}],
        }
    )
    assert created.app_id is not None
    app = await podio.Application.afind(created.app_id)
    assert app.name == "Async"
    field = await podio.ApplicationField.acreate(
        created.app_id, {"type": "number", "config": {"label": "Size"}}
    )
    assert field.field_id is not None
    assert (await podio.ApplicationField.afind(created.app_id, "size")).label == "Size"
    await podio.Application.adeactivate(created.app_id)
    assert await podio.Application.afind_all_for_space(workspace.space_id) == []
    await podio.Application.aactivate(created.app_id)
    listed = await podio.Application.afind_all_for_space(workspace.space_id)
    assert [a.app_id for a in listed] == [created.app_id]
    await podio.Application.adelete(created.app_id)
    with pytest.raises(podio.GoneError):
        await podio.Application.afind(created.app_id)
    await client.aclose()
