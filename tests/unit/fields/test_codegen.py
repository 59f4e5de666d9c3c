"""Generated typed item classes: they type-check strictly and map attributes both ways."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from mypy import api as mypy_api

import podio
from podio.fields import (
    CategoryOption,
    DateRange,
    FieldValueError,
    ItemFields,
    ItemRef,
    Money,
    ProfileRef,
)
from podio.fields.codegen import attribute_name, class_name, generate_module
from podio.fields.typed_item import ReadOnlyField, TypedField, TypedItem

from ._support import APP_SAMPLES, EVERY_TYPE_APP, sample

WHEN = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    """The module generated for the sample apps and the every-type app, imported."""
    folder = tmp_path_factory.mktemp("generated")
    apps = [sample(name) for name in APP_SAMPLES] + [EVERY_TYPE_APP]
    source = generate_module(apps, source="samples/ + every type", generated_at=WHEN)
    path = folder / "podio_apps.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("podio_apps", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["podio_apps"] = module
    spec.loader.exec_module(module)
    yield path, module
    sys.modules.pop("podio_apps", None)


USAGE = """\
from __future__ import annotations

import datetime
from decimal import Decimal

from typing_extensions import assert_type

from podio.fields import CategoryOption, DateRange, EmbedRef, FileRef, ItemRef, Location
from podio.fields import Money, ProfileRef, TypedValue
from podio_apps import EveryType, Testing


def reads(item: EveryType) -> None:
    assert_type(item.title, str | None)
    assert_type(item.amount, Decimal | None)
    assert_type(item.price, Money | None)
    assert_type(item.done, int | None)
    assert_type(item.effort, datetime.timedelta | None)
    assert_type(item.due, DateRange | None)
    assert_type(item.status, CategoryOption | None)
    assert_type(item.labels, list[CategoryOption])
    assert_type(item.related, list[ItemRef])
    assert_type(item.parent, ItemRef | None)
    assert_type(item.owner, list[ProfileRef])
    assert_type(item.photo, list[FileRef])
    assert_type(item.website, list[EmbedRef])
    assert_type(item.place, Location | None)
    assert_type(item.mail, list[TypedValue])
    assert_type(item.total, Decimal | None)
    assert_type(item.summary, str | None)
    assert_type(item.deadline, DateRange | None)
    assert_type(item.class_, str | None)


def writes(item: EveryType, other: Testing) -> None:
    item.price = Money("1.00", "EUR")
    item.status = "Done"
    item.labels = ["Red", 2]
    item.related = [1, ItemRef(2), other]
    item.due = (datetime.date(2026, 1, 1), None)
    item.effort = datetime.timedelta(hours=1)
    item.mail = [("work", "a@b.c"), "d@e.f"]
    EveryType(title="x", amount=Decimal("1.5"), place="Paris")


def mistakes(item: EveryType) -> None:
    item.done = "50"  # E1
    item.price = 3  # E2
    item.total = Decimal(1)  # E3
    EveryType(title=3)  # E4
    item.status = 1.5  # E5
"""


def test_the_generated_module_passes_mypy_strict_and_types_attributes(
    generated: tuple[Path, ModuleType],
) -> None:
    path, _ = generated
    usage = path.parent / "usage.py"
    usage.write_text(USAGE, encoding="utf-8")
    out, err, status = mypy_api.run(
        [
            "--strict",
            "--cache-dir",
            str(path.parent / ".mypy_cache"),
            "--python-version",
            "3.10",
            str(path),
            str(usage),
        ]
    )
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert not [line for line in errors if "podio_apps.py" in line], out + err
    lines = USAGE.splitlines()
    flagged = sorted({lines[int(line.split(":")[1]) - 1].split("# ")[-1] for line in errors})
    assert flagged == ["E1", "E2", "E3", "E4", "E5"], out + err
    assert status == 1


def test_the_generated_module_is_lint_and_format_clean(generated: tuple[Path, ModuleType]) -> None:
    path = str(generated[0])
    ruff = [sys.executable, "-m", "ruff"]
    lint = subprocess.run(  # noqa: S603 - our own ruff on a file this test wrote
        [*ruff, "check", "--isolated", "--select", "E,F,W,I,UP,B,RUF", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout
    layout = subprocess.run(  # noqa: S603 - as above
        [*ruff, "format", "--isolated", "--check", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert layout.returncode == 0, layout.stdout + layout.stderr


def test_the_header_says_where_when_and_which_app_revisions(
    generated: tuple[Path, ModuleType],
) -> None:
    source = generated[0].read_text()
    assert source.startswith('"""Typed items of Podio apps, generated by podio.fields.codegen.')
    assert "source: samples/ + every type" in source and "at: 2026-11-28 09:30:00 UTC" in source
    assert 'Testing: app 6686618 "Testing", revision 4' in source
    assert 'LeadsClients: app 8954362 "Leads & Clients", revision 2965' in source
    assert 'EveryType: app 777 "Every Type", revision 12' in source
    assert 'Testing5: app 5 "Testing", revision unknown' in source  # same name: app id added


def test_attributes_are_named_after_external_ids_and_mangled_as_documented(
    generated: tuple[Path, ModuleType],
) -> None:
    cls = generated[1].EveryType
    names = {d.external_id: name for name, d in cls.typed_fields().items()}
    assert names["title"] == "title" and names["title_"] == "title_2"
    assert names["class"] == "class_" and names["save"] == "save_"
    assert names["2nd-phone"] == "f_2nd_phone" and names["ünïcode-näme"] == "unicode_name"
    assert "line" not in names and "gone" not in names  # separator, deleted
    assert isinstance(vars(cls)["total"], ReadOnlyField)
    assert isinstance(vars(cls)["status"], TypedField)
    assert issubclass(cls, TypedItem) and cls.app_id == 777 and cls.app_revision == 12
    assert set(generated[1].__all__) == {"Testing", "Testing5", "LeadsClients", "EveryType"}


def test_naming_rules() -> None:
    taken: set[str] = set()
    assert [attribute_name(x, 9, taken) for x in ("a-b", "a_b", "A B", "", "for", "-")] == [
        "a_b",
        "a_b_2",
        "a_b_3",
        "field_9",
        "for_",
        "field_9_2",
    ]
    classes: set[str] = set()
    assert class_name({"app_id": 4, "config": {"name": "123 go"}}, classes) == "App123Go"
    assert class_name({"app_id": 5, "config": {"name": "&amp;"}}, classes) == "App5"
    assert class_name({"app_id": 6, "config": {"name": "TypedItem"}}, classes) == "TypedItem6"


def test_a_sample_item_maps_to_typed_attributes(generated: tuple[Path, ModuleType]) -> None:
    item = sample("item-get-all-fields-2014.json")
    typed = generated[1].Testing.from_item(item)
    fields = ItemFields(item["fields"])
    for name, descriptor in type(typed).typed_fields().items():
        field = fields.get(descriptor.external_id)
        value = getattr(typed, name)
        if field is None:
            assert value in (None, []), name
        elif type(typed).schema[descriptor.external_id].multiple:
            assert value == field.values, name
        else:
            assert value == field.value, name
    assert typed.item_id == 112732201 and typed.revision == item["revision"]
    assert typed.money == Money("3", "DKK") and typed.progress_slider == 60
    assert typed.calculation == Decimal(8) and typed.changed == ()
    assert typed.changed_fields_payload() == {}
    payload = typed.to_fields_payload()
    assert "calculation" not in payload and payload["question"] == [{"value": 1}]
    assert payload["date"] == [
        {"start_utc": "2014-01-22 22:00:00", "end_utc": "2014-02-25 23:00:00"}
    ]
    assert typed.field("google_maps").humanized == "15 W. 13th st., new york, ny"
    assert "item_id=112732201" in repr(typed)


def test_assigned_values_are_checked_and_read_back_as_podio_will_store_them(
    generated: tuple[Path, ModuleType],
) -> None:
    every = generated[1].EveryType
    item = every(title="First", price=Money("12.5", "EUR"), labels=["Red", "blue"])
    item.status = "doing"
    item.related = [ItemRef(5, "Five"), 6]
    item.owner = ProfileRef(profile_id=3, name="Ann")
    item.due = dt.datetime(2026, 12, 1, 10)
    assert item.status == CategoryOption(2, "Doing")
    assert item.labels == [CategoryOption(1, "Red"), CategoryOption(3, "Blue")]
    assert item.related == [ItemRef(5), ItemRef(6)] and item.related[0].title == "Five"
    assert item.owner[0].name == "Ann"
    assert item.due == DateRange(dt.datetime(2026, 12, 1, 10)) and item.due.local_only
    assert item.price == Money("12.5", "EUR") and item.amount is None
    assert set(item.changed) == {"title", "price", "labels", "status", "related", "owner", "due"}
    assert item.to_fields_payload() == {
        "title": [{"value": "First"}],
        "price": [{"value": "12.5", "currency": "EUR"}],
        "due": [{"start": "2026-12-01 10:00:00"}],
        "status": [{"value": 2}],
        "labels": [{"value": 1}, {"value": 3}],
        "related": [{"value": 5}, {"value": 6}],
        "owner": [{"value": 3}],
    }
    with pytest.raises(FieldValueError, match="has no option 'Later'") as error:
        item.status = "Later"
    assert error.value.field == "status"
    with pytest.raises(FieldValueError, match="computed by Podio"):
        item.total = Decimal(1)  # type: ignore[assignment]
    with pytest.raises(FieldValueError, match="required"):
        item.title = None
    with pytest.raises(
        FieldValueError, match="required to create an item; missing required: title"
    ):
        every(amount=1).to_fields_payload()
    with pytest.raises(AttributeError, match="no field attribute 'nope'"):
        item.field("nope")


class FakeGateway:
    """Podio's item calls, answered from memory, recording what was sent."""

    def __init__(self, items: dict[int, dict[str, Any]]) -> None:
        self.items = items
        self.sent: list[tuple[str, Any, Any]] = []

    def get_item(self, item_id: int, *, client: Any) -> dict[str, Any]:
        self.sent.append(("get", item_id, None))
        return self.items[item_id]

    def iter_items(self, app_id: int, *, filters: Any, client: Any) -> list[dict[str, Any]]:
        self.sent.append(("filter", app_id, filters))
        return [i for i in self.items.values() if i["app"]["app_id"] == app_id]

    def create_item(self, app_id: int, fields: dict[str, Any], *, client: Any) -> dict[str, Any]:
        self.sent.append(("create", app_id, fields))
        return {"item_id": 1000, "revision": 0}

    def update_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Any
    ) -> dict[str, Any] | None:
        self.sent.append(("update", item_id, (fields, revision)))
        return {"revision": (revision or 0) + 1, "title": "x"}

    async def aget_item(self, item_id: int, *, client: Any) -> dict[str, Any]:
        return self.get_item(item_id, client=client)

    async def aiter_items(self, app_id: int, *, filters: Any, client: Any) -> Any:
        for item in self.iter_items(app_id, filters=filters, client=client):
            yield item

    async def acreate_item(
        self, app_id: int, fields: dict[str, Any], *, client: Any
    ) -> dict[str, Any]:
        return self.create_item(app_id, fields, client=client)

    async def aupdate_item(
        self, item_id: int, fields: dict[str, Any], *, revision: int | None, client: Any
    ) -> dict[str, Any] | None:
        return self.update_item(item_id, fields, revision=revision, client=client)


@pytest.fixture
def gateway(generated: tuple[Path, ModuleType]) -> Any:
    item = sample("item-get-all-fields-2014.json")
    fake = FakeGateway({item["item_id"]: item})
    TypedItem.use_gateway(fake)  # type: ignore[arg-type]
    yield fake
    TypedItem.use_gateway(None)


def test_find_iterate_create_and_save_go_through_the_gateway(
    generated: tuple[Path, ModuleType], gateway: FakeGateway
) -> None:
    testing, every = generated[1].Testing, generated[1].EveryType
    found = testing.find(112732201)
    assert found.title == "test" and gateway.sent[-1] == ("get", 112732201, None)
    assert [i.item_id for i in testing.iter_all(filters={"progress-slider": {"from": 50}})] == [
        112732201
    ]
    assert gateway.sent[-1] == ("filter", 6686618, {"progress-slider": {"from": 50}})

    assert found.save() is False  # nothing changed: nothing sent
    found.progress_slider = 60
    assert found.save() is False
    found.progress_slider = 75
    found.category = "1"
    assert found.save() is True
    revision = sample("item-get-all-fields-2014.json")["revision"]
    assert gateway.sent[-1] == (
        "update",
        112732201,
        ({"category": [{"value": 1}], "progress-slider": [{"value": 75}]}, revision),
    )
    assert found.revision == revision + 1 and found.changed == ()
    assert found.progress_slider == 75 and found.changed_fields_payload() == {}

    new = every(title="Made here", status="Done")
    assert new.save() is True and new.item_id == 1000
    assert gateway.sent[-1] == (
        "create",
        777,
        {"title": [{"value": "Made here"}], "status": [{"value": 3}]},
    )
    with pytest.raises(ValueError, match="exists already"):
        new.create()


async def test_the_async_twins_do_the_same(
    generated: tuple[Path, ModuleType], gateway: FakeGateway
) -> None:
    testing, every = generated[1].Testing, generated[1].EveryType
    found = await testing.afind(112732201)
    assert [i.item_id async for i in testing.aiter_all()] == [112732201]
    found.title = "renamed"
    assert await found.asave() is True and await found.asave() is False
    assert gateway.sent[-1][0] == "update" and gateway.sent[-1][2][0] == {
        "title": [{"value": "renamed"}]
    }
    new = every(title="async")
    await new.acreate()
    assert new.item_id == 1000


def test_without_a_client_typed_items_still_map_but_cannot_call_podio(
    generated: tuple[Path, ModuleType],
) -> None:
    testing = generated[1].Testing
    with pytest.raises(podio.ConfigurationError, match=r"podio\.setup"):
        testing.find(1)
    item = sample("item-get-all-fields.json")  # an item of another app
    with pytest.raises(ValueError, match="belongs to app 10421272, not to Testing"):
        testing.from_item(item)


def test_typed_items_take_models_with_as_json(generated: tuple[Path, ModuleType]) -> None:
    class Model:
        def as_json(self) -> dict[str, Any]:
            return sample("item-get-all-fields-2014.json")

    assert generated[1].Testing.from_item(Model()).title == "test"
    with pytest.raises(TypeError, match="expected an item dict"):
        generated[1].Testing.from_item(42)
