"""The Ruby gem's README, in Python, run as written against the emulator.

Each test is one snippet of the gem's README (Basic Usage, Active Podio, Error Handling, Full
Example) with the names of this library; the assertions say what a user of the snippet sees
and what the emulator holds afterwards.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace, make_app

EXAMPLES = Path(__file__).parents[2] / "examples"


def _load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- Basic Usage ---------------------------------------------------------------------------------


def test_getting_an_item_and_posting_a_status(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    created = podio.Item.create(app.app_id, fields={"title": "The answer"})
    assert created.item_id is not None

    # Podio::Item.find(42)
    item = podio.Item.find(created.item_id)
    assert isinstance(item, podio.Item)
    assert item.item_id == created.item_id
    assert item.title == "The answer"
    assert item.app is not None
    assert item.app.app_id == app.app_id

    # Podio::Status.create(23, {:value => 'This is the text of the status message'})
    status = podio.Status.create(
        workspace.space_id, {"value": "This is the text of the status message"}
    )
    assert isinstance(status, podio.Status)
    assert status.status_id is not None
    stored = podio.Status.find(status.status_id)
    assert stored.value == "This is the text of the status message"


def test_the_same_through_the_raw_connection(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    created = podio.Item.create(app.app_id, fields={"title": "Raw"})

    # response = Podio.connection.get('/item/42'); response.body
    response = podio.connection.get(f"/item/{created.item_id}")
    assert response.status == 200
    assert response.body["item_id"] == created.item_id
    assert response.body["title"] == "Raw"

    # Podio.connection.post { req.url '/status/space/23/'; req.body = {...} }
    response = podio.connection.post(
        f"/status/space/{workspace.space_id}/",
        {"value": "This is the text of the status message"},
    )
    assert response.body["value"] == "This is the text of the status message"
    assert podio.Status.find(response.body["status_id"]).value == response.body["value"]


def test_find_all_is_a_collection_with_count_all_and_total_count(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    entries = [
        {"fields": {"title": f"Project {n:02}", "status": "Open" if n < 24 else "Done"}}
        for n in range(30)
    ]
    created = podio.Item.create_many(app.app_id, entries)
    assert created.ok
    app_id = app.app_id

    # items = Podio::Item.find_all(app_id, :limit => 20)
    items = podio.Item.find_all(app_id, limit=20)
    assert len(items.all) == 20  # items.all: the returned items
    assert all(isinstance(item, podio.Item) for item in items.all)
    assert items.count == 30  # items matching (no filter: all of them)
    assert items.total_count == 30  # items in the app

    # With a filter the three differ: 20 returned, 24 match, 30 in the app.
    open_option = app.fields[2].config["settings"]["options"][0]["id"]
    open_items = podio.Item.find_all(app_id, limit=20, status=[open_option])
    assert len(open_items.all) == 20
    assert open_items.count == 24
    assert open_items.total_count == 30
    assert {item.title for item in open_items.all} <= {f"Project {n:02}" for n in range(24)}


# -- Active Podio ----------------------------------------------------------------------------------


class Item(podio.Item):  # Inherits from the base model of the library
    """The README's subclass: finders return it, with the custom method."""

    def application(self) -> podio.Application:
        assert self.app_id is not None
        return podio.Application.find(self.app_id)


def test_a_subclass_of_item_is_what_the_finders_return(workspace: Workspace) -> None:
    app = make_app(workspace.space_id)
    assert app.app_id is not None
    created = Item.create(app.app_id, fields={"title": "Mine"})
    assert type(created) is Item
    assert created.item_id is not None

    found = Item.find(created.item_id)
    assert type(found) is Item
    assert found.application().app_id == app.app_id
    assert found.application().name == "Projects"

    listed = Item.find_all(app.app_id)
    assert [type(item) for item in listed.all] == [Item]
    assert [type(item) for item in Item.iter_all(app.app_id)] == [Item]
    assert type(Item.find_by_filter_values(app.app_id).all[0]) is Item


def test_models_are_built_from_a_params_hash() -> None:
    item = podio.Item({"item_id": 42, "title": "Hello", "created_on": "2024-05-01 12:00:00"})
    assert item.item_id == 42
    assert item.created_on == dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc)
    assert item == podio.Item(item_id=42)  # equal by id, as ActiveRecord models


# -- Error Handling ------------------------------------------------------------------------------


def test_an_unknown_organization_is_not_found(client: podio.Client) -> None:
    # Podio::Space.create({:name => 'New Space', :org_id => 42}) as the README writes it: the
    # emulator has no organization 42, and Podio answers 404 for an object that does not exist.
    with pytest.raises(podio.NotFoundError) as caught:
        podio.Space.create({"name": "New Space", "org_id": 42})
    assert caught.value.response_status == 404
    assert caught.value.response_body["error"] == "not_found"
    assert caught.value.url is not None
    assert caught.value.url.endswith("/space/")


def test_a_bad_request_error_carries_body_status_url_and_message(
    emulator: EmulatorHandle, workspace: Workspace
) -> None:
    before = emulator.state()["objects"]["space"]
    # The README's rescue clause, with an input Podio refuses with 400: an unknown privacy.
    with pytest.raises(podio.BadRequestError) as caught:
        podio.Space.create({"name": "New Space", "org_id": workspace.org_id, "privacy": "secret"})
    exc = caught.value
    assert isinstance(exc, podio.PodioError)
    assert exc.response_status == 400
    assert exc.response_body["error"] == "invalid_value"  # parsed JSON response from the API
    assert exc.response_body["request"]["method"] == "POST"
    assert exc.url == emulator.url("/space/")  # uri of the API request
    assert exc.message == 'Invalid value "secret" (string): must be open or closed'
    assert exc.code == "invalid_value"
    assert emulator.state()["objects"]["space"] == before  # nothing was stored


def test_space_contact_instance_create_succeeds_then_fails_without_raising(
    workspace: Workspace,
) -> None:
    birthdate = dt.date.today().replace(year=dt.date.today().year - 50, day=1)
    contact = podio.SpaceContact(space_id=workspace.space_id, name="The Dude", birthdate=birthdate)
    assert contact.new_record
    assert contact.create() is True
    assert contact.profile_id is not None
    assert contact.error is None

    stored = podio.SpaceContact.find(contact.profile_id)
    assert isinstance(stored, podio.SpaceContact)
    assert stored.name == "The Dude"
    assert stored.birthdate == birthdate
    assert stored.space_id == workspace.space_id
    listed = podio.SpaceContact.find_all_for_space(workspace.space_id, contact_type="space")
    assert [entry.profile_id for entry in listed] == [contact.profile_id]

    nameless = podio.SpaceContact(space_id=workspace.space_id, birthdate=birthdate)
    assert nameless.create() is False
    assert nameless.profile_id is None
    assert nameless.error_code == "invalid_value"
    assert nameless.error_message is not None
    assert "name" in nameless.error_message
    assert nameless.error_parameters == {}
    assert isinstance(nameless.error, podio.BadRequestError)
    assert len(podio.SpaceContact.find_all_for_space(workspace.space_id, contact_type="space")) == 1


# -- Full Example --------------------------------------------------------------------------------


def test_printing_the_organizations_i_am_a_member_of(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    podio.Organization.create_org({"name": "Planet Express"})
    my_orgs = podio.Organization.find_all()
    for org in my_orgs:
        print(org.name)
        print(org.url)
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "Acme",
        "https://podio.com/acme",
        "Planet Express",
        "https://podio.com/planetexpress",
    ]


def test_examples_full_example_runs_against_the_emulator(
    emulator: EmulatorHandle,
    user: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = emulator.seed()
    monkeypatch.setenv("PODIO_CLIENT_ID", emulator.client_id)
    monkeypatch.setenv("PODIO_CLIENT_SECRET", emulator.client_secret)
    monkeypatch.setenv("PODIO_API_URL", emulator.base_url)
    monkeypatch.setenv("PODIO_USERNAME", user[0])
    monkeypatch.setenv("PODIO_PASSWORD", user[1])
    full_example = _load_example("full_example")
    try:
        orgs = full_example.main()
    finally:
        podio.client.close()
        podio.set_client(None)
    printed = capsys.readouterr().out.splitlines()
    assert [org.org_id for org in orgs] == list(world["org_ids"].values())
    assert printed == [line for org in orgs for line in (org.name, org.url)]
    assert all(url.startswith("https://podio.com/") for url in printed[1::2])
