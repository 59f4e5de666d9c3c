"""The model layer as a user meets it, on the organizations/spaces/status/contact models."""

from __future__ import annotations

import datetime as dt

import pytest

import podio

from ..mock_api import MockPodio
from ..reference import sample


def test_find_all_returns_typed_instances_that_round_trip(api: MockPodio) -> None:
    body = sample("org-list.json")
    api.on("GET", "/org/", body)
    orgs = podio.Organization.find_all()
    assert api.last.method == "GET" and api.last.path == "/org/"
    assert [org.as_json() for org in orgs] == body
    assert isinstance(orgs[0].org_id, int)
    assert orgs[0].url and orgs[0].name


def test_subclass_finders_return_the_subclass(api: MockPodio) -> None:
    class Org(podio.Organization):
        def shout(self) -> str:
            return (self.name or "").upper()

    api.on("GET", "/org/", sample("org-list.json"))
    orgs = Org.find_all()
    assert all(type(org) is Org for org in orgs)
    assert orgs[0].shout() == (orgs[0].name or "").upper()


def test_nested_models_and_datetimes_are_typed(api: MockPodio) -> None:
    api.on("GET", "/space/5", sample("space-get.json"))
    space = podio.Space.find(5)
    assert isinstance(space.org, podio.Organization)
    assert isinstance(space.created_by, podio.ByLine)
    assert space.created_on is not None and space.created_on.tzinfo == dt.timezone.utc
    assert space.as_json() == sample("space-get.json")


def test_unexpected_value_types_are_kept_raw_without_crashing(api: MockPodio) -> None:
    api.on("GET", "/space/7", {"space_id": 7, "created_on": "not a date", "member_count": [1]})
    space = podio.Space.find(7)
    assert space.created_on is None and space.member_count is None
    assert space.as_json() == {"space_id": 7, "created_on": "not a date", "member_count": [1]}


def test_a_bad_value_under_both_name_and_alias_is_kept_raw() -> None:
    """``{"from_": {}, "from": {}}`` failed once under each key and the second failure
    escaped as pydantic's ValidationError."""
    data = {"from_": {}, "from": {}, "to": [1]}
    for diff in (podio.ItemDiff(data), podio.ItemDiff.from_api(data)):
        assert diff.from_ is None and diff.to == [1]
        assert diff.as_json() == data


def test_values_json_cannot_hold_are_a_value_error_of_as_json_only() -> None:
    """as_json() raised pydantic's PydanticSerializationError (or UnicodeDecodeError), and
    == between id-less models raised it too, since it compared as_json()."""
    deep: list[object] = []
    for _ in range(400):
        deep = [deep]
    for value in (object(), b"\xff", deep):
        model = podio.Space(name="S", extra=value)
        with pytest.raises(ValueError, match="Space cannot be written as JSON") as caught:
            model.as_json()
        assert type(caught.value) is ValueError
        assert model == model
        assert model != podio.Space(name="S", extra=1)
        assert "name='S'" in repr(model)


def test_repr_shows_keys_that_name_pydantic_attributes_as_given() -> None:
    """repr read attributes with getattr: a key "model_fields" reached pydantic's
    deprecated class attribute and raised its deprecation warning."""
    model = podio.Space({"model_fields": None, "model_config": 1})
    assert repr(model) == "<Space model_config=1, model_fields=None>"


@pytest.mark.parametrize("cls", [podio.ByLine, podio.Activity, podio.Search])
def test_an_id_podio_sent_as_a_list_does_not_make_the_model_unhashable(
    cls: type[podio.Model],
) -> None:
    """``{"type": None, "id": []}`` made hash(Activity) raise TypeError (unhashable list)."""
    key = cls._id_field or "id"
    first, second = cls({key: [1], "type": "user"}), cls({key: [1], "type": "user"})
    assert first == second and hash(first) == hash(second)
    assert len({first, second, cls({key: 2})}) == 2


def test_answers_taken_into_an_instance_are_typed_and_never_set_as_attributes(
    api: MockPodio,
) -> None:
    """Instance operations copied the answer's keys with setattr: ``__class__`` raised
    TypeError, and a wrong-typed value landed in a typed attribute."""
    api.on(
        "POST",
        "/org/",
        {"org_id": "not an id", "url": "https://podio.com/o", "__class__": 1},
    )
    org = podio.Organization(name="Acme")
    assert org.create() is True
    assert org.org_id is None and org.url == "https://podio.com/o"
    assert type(org) is podio.Organization
    api.on("POST", "/item/app/1/", {"item_id": 5, "__class__": 1, "model_fields": 2})
    api.on("GET", "/app/1", {"app_id": 1, "fields": []})
    item = podio.Item({"app_id": 1})
    assert item.create() is True
    assert item.item_id == 5 and type(item) is podio.Item
    assert item.as_json()["model_fields"] == 2


@pytest.mark.parametrize("cls", [podio.ApplicationEmail, podio.ByLine, podio.Search])
def test_a_model_equals_itself_even_with_a_nan_id(cls: type[podio.Model]) -> None:
    """NaN equals nothing, so a model whose id Podio sent as NaN was unequal to itself."""
    model = cls({cls._id_field or "id": float("nan"), "type": "user"})
    assert model == model
    assert model != cls({cls._id_field or "id": float("nan"), "type": "user"})


def test_instance_create_returns_false_and_keeps_the_error(api: MockPodio) -> None:
    api.on(
        "POST",
        "/contact/space/3/",
        {
            "error": "invalid_value",
            "error_description": "Invalid value",
            "error_detail": None,
            "error_parameters": {"field": "name"},
            "error_propagate": True,
        },
        status=400,
    )
    contact = podio.SpaceContact(space_id=3, name="The Dude", birthdate=dt.date(1976, 3, 6))
    assert contact.create() is False
    assert contact.error_code == "invalid_value"
    assert contact.error_message == "Invalid value"
    assert contact.error_parameters == {"field": "name"}
    assert api.last.json == {"name": "The Dude", "birthdate": "1976-03-06"}
    api.on("POST", "/contact/space/3/", {"profile_id": 99})
    assert contact.create() is True
    assert contact.profile_id == 99 and contact.error is None and contact.persisted


def test_ids_are_checked_and_encoded_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="url_label must not be empty"):
        podio.format_path("/space/url/{url_label}", url_label="")
    with pytest.raises(TypeError, match="space_id must be int, not float"):
        podio.Space.find(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="space_id must be int, not str"):
        podio.Space.find("1/../2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="attributes must be a dict"):
        podio.Status.create(1, "value")  # type: ignore[arg-type]
    assert api.calls == []
    api.on("GET", r"/space/url/.*", {"space_id": 1})
    podio.connection.get(podio.format_path("/space/url/{label}", label="1/../2"))
    assert api.last.raw_path == "/space/url/1%2F..%2F2"


def test_dot_segments_and_blank_ids_never_reach_the_server(api: MockPodio) -> None:
    """``".."`` filling a whole segment is resolved by HTTP clients: ``/view/app/1/..`` left
    as ``/view/app``; a blank external id asked for ``/item/app/1/external_id/%20``."""
    for value in ("..", "."):
        with pytest.raises(ValueError, match="would name another path"):
            podio.Item.find_by_external_id(1, value)
        with pytest.raises(ValueError, match="would name another path"):
            podio.View.find(value, app_id=1)
    with pytest.raises(ValueError, match="external_id must not be empty"):
        podio.Item.find_by_external_id(1, "  ")
    assert api.calls == []


def test_an_int_subclass_fills_a_path_with_its_number(api: MockPodio) -> None:
    import enum

    class AppId(enum.IntEnum):
        LEADS = 7

    assert podio.format_path("/app/{app_id}", app_id=AppId.LEADS) == "/app/7"


def test_query_values_of_unknown_types_are_refused_before_sending(api: MockPodio) -> None:
    """A datetime-or-text parameter given an object went out as ``<object object at ...>``."""
    with pytest.raises(TypeError, match="created_from"):
        podio.NotificationGroup.find_all(created_from=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="query parameter 'x'"):
        podio.connection.get("/org/", params={"x": object()})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="query parameter 'x'"):
        podio.connection.get("/org/", params={"x": [1, None]})  # type: ignore[list-item]
    assert api.calls == []


def test_literal_parameters_take_only_their_choices(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="view must be one of 'full'"):
        podio.Application.find(1, view="everything")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="view must be str"):
        podio.Application.find(1, view=1.5)  # type: ignore[arg-type]
    assert api.calls == []


def test_a_text_is_not_a_list_of_ids(api: MockPodio) -> None:
    """``"12"`` iterates as ``"1", "2"``; it was sent as the single id ``12``."""
    with pytest.raises(TypeError, match="profile_ids must be an int or a list of ints"):
        podio.Contact.find_all_by_ids("12")  # type: ignore[arg-type]
    assert api.calls == []


def test_a_list_parameter_does_not_take_a_dict(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="participants must be a list"):
        podio.Conversation.add_participants(1, {"user_id": 2})  # type: ignore[arg-type]
    assert api.calls == []


def test_file_content_must_be_bytes_or_a_file(api: MockPodio) -> None:
    """``None`` as content crashed with AttributeError while the request was being built."""
    for content in (None, object(), "text"):
        with pytest.raises(TypeError, match="file 'source' must be bytes or a binary file"):
            podio.FileAttachment.upload_content(content, "a.txt")  # type: ignore[arg-type]
    assert api.calls == []


def test_a_broken_schema_argument_is_refused_even_without_fields(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="an app field definition is a dict"):
        podio.Item.update(1, {}, schema=[("a", 1)])  # type: ignore[list-item]
    assert api.calls == []


def test_a_given_schema_serves_an_update_without_app_id(api: MockPodio) -> None:
    """The docstring promised it: `schema` alone converts and checks the values."""
    schema = [{"field_id": 5, "external_id": "score", "type": "number", "config": {}}]
    with pytest.raises(podio.FieldValueError, match="score"):
        podio.Item.update(1, fields={"score": "many"}, schema=schema)
    assert api.calls == []
    api.on("PUT", "/item/1", {"revision": 2})
    podio.Item.update(1, fields={"score": 3}, schema=schema)
    assert api.last.json == {"fields": {"score": [{"value": "3"}]}}


@pytest.mark.parametrize("body", [{"app_id": 1, "fields": ["status"]}, {"app_id": 1}])
def test_a_broken_app_definition_from_podio_is_an_invalid_response(
    api: MockPodio, body: dict[str, object]
) -> None:
    """A non-object in ``fields`` crashed with AttributeError, a missing list with a bare
    ValueError; neither created anything."""
    api.on("GET", "/app/1", body)
    with pytest.raises(podio.InvalidResponseError, match="app's definition cannot be read"):
        podio.Item.create(1, fields={"status": 1})
    assert [call.method for call in api.calls] == ["GET"]


def test_equality_is_by_id() -> None:
    assert podio.Space(space_id=1, name="a") == podio.Space({"space_id": 1, "name": "b"})
    assert podio.Space(space_id=1) != podio.Space(space_id=2)
    assert len({podio.Space(space_id=1), podio.Space(space_id=1)}) == 1


async def test_async_twin_returns_the_same(api: MockPodio) -> None:
    api.on("GET", "/org/", sample("org-list.json"))
    assert await podio.Organization.afind_all() == podio.Organization.find_all()


def test_setting_the_id_of_a_model_whose_id_key_is_id() -> None:
    by_line = podio.ByLine(type="user", name="A")
    by_line.id = 5
    assert by_line.id == 5
    assert by_line.as_json() == {"type": "user", "name": "A", "id": 5}
    space = podio.Space.from_dict({"name": "S"})
    space.id = 9
    assert space.space_id == 9
