"""Item field values as Python values, written to the emulator and read back, every type."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import podio
from podio.fields import CategoryOption, DateRange, Money, TypedValue
from podio_emulator import EmulatorHandle

UTC = dt.timezone.utc

FIELD_DEFINITIONS: list[dict[str, Any]] = [
    {"type": "text", "config": {"label": "Title", "required": True}},
    {"type": "number", "config": {"label": "Count", "settings": {"decimals": 2}}},
    {"type": "money", "config": {"label": "Budget", "settings": {"allowed_currencies": ["EUR"]}}},
    {"type": "progress", "config": {"label": "Done"}},
    {"type": "duration", "config": {"label": "Effort"}},
    {
        "type": "date",
        "config": {"label": "Due", "settings": {"time": "disabled", "end": "disabled"}},
    },
    {
        "type": "date",
        "config": {"label": "Meeting", "settings": {"time": "enabled", "end": "enabled"}},
    },
    {
        "type": "category",
        "config": {
            "label": "Status",
            "settings": {"options": [{"text": "Open"}, {"text": "Done"}]},
        },
    },
    {
        "type": "category",
        "config": {
            "label": "Labels",
            "settings": {
                "multiple": True,
                "options": [{"text": "A"}, {"text": "B"}, {"text": "C"}],
            },
        },
    },
    {
        "type": "question",
        "config": {"label": "Approved", "settings": {"options": [{"text": "Yes"}, {"text": "No"}]}},
    },
    {"type": "contact", "config": {"label": "Owner", "settings": {"type": "space_users"}}},
    {"type": "member", "config": {"label": "Member"}},
    {"type": "image", "config": {"label": "Picture"}},
    {"type": "file", "config": {"label": "Attachment"}},
    {"type": "video", "config": {"label": "Clip"}},
    {"type": "embed", "config": {"label": "Link"}},
    {"type": "location", "config": {"label": "Where"}},
    {"type": "email", "config": {"label": "Email"}},
    {"type": "phone", "config": {"label": "Phone"}},
    {"type": "tel", "config": {"label": "Tel"}},
    {"type": "tag", "config": {"label": "Org"}},
    {"type": "state", "config": {"label": "State", "settings": {"allowed_values": ["on", "off"]}}},
    {"type": "media", "config": {"label": "Media"}},
    {"type": "separator", "config": {"label": "Section"}},
]


class World:
    """An app holding every field type, and the objects its values refer to."""

    def __init__(self, emulator: EmulatorHandle, client: podio.Client) -> None:
        spaces = emulator.seed()["space_ids"]
        self.emulator = emulator
        self.client = client
        other = podio.Application.create(
            {
                "space_id": spaces["sales"],
                "config": {"name": "Projects", "item_name": "Project"},
                "fields": [{"type": "text", "config": {"label": "Name"}}],
            }
        )
        assert other.app_id is not None
        self.project = podio.Item.create(other.app_id, fields={"name": "Apollo"})
        definitions = [
            *FIELD_DEFINITIONS,
            {
                "type": "app",
                "config": {
                    "label": "Project",
                    "settings": {"referenced_apps": [{"app_id": other.app_id}]},
                },
            },
        ]
        app = podio.Application.create(
            {
                "space_id": spaces["sales"],
                "config": {"name": "Everything", "item_name": "Thing"},
                "fields": definitions,
            }
        )
        assert app.app_id is not None
        self.app_id = app.app_id
        count = next(
            f for f in podio.Application.find(app.app_id).fields or [] if f.external_id == "count"
        )
        podio.ApplicationField.create(
            app.app_id,
            {
                "type": "calculation",
                "config": {
                    "label": "Twice",
                    "settings": {
                        "script": f"@[Count](field_{count.field_id}) * 2",
                        "return_type": "number",
                    },
                },
            },
        )
        status = podio.connection.get("/user/status").body
        self.profile_id: int = status["profile"]["profile_id"]
        self.user_id: int = status["user"]["user_id"]
        self.png = podio.FileAttachment.upload(
            io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)), "a.png"
        )
        self.pdf = podio.FileAttachment.upload(io.BytesIO(b"%PDF-1.4\n" + bytes(64)), "a.pdf")
        self.mp4 = podio.FileAttachment.upload(io.BytesIO(b"\x00\x00\x00\x18ftypmp42"), "a.mp4")
        self.embed = podio.Embed.create("https://www.example.com/launch")


@pytest.fixture
def world(emulator: EmulatorHandle, client: podio.Client) -> World:
    podio.fields.schema_cache.invalidate()
    return World(emulator, client)


# Per field: the Python value written, and a check of the value read back.
Case = tuple[str, Callable[[World], Any], Callable[[World, Any, podio.fields.FieldValue], None]]


def same(world: World, sent: Any, got: podio.fields.FieldValue) -> None:
    assert got.value == sent


CASES: list[Case] = [
    ("title", lambda w: "Launch", same),
    ("count", lambda w: Decimal("12.5"), same),
    ("budget", lambda w: Money("1200.50", "EUR"), same),
    ("done", lambda w: 42, same),
    ("effort", lambda w: dt.timedelta(days=1, hours=2, minutes=3, seconds=4), same),
    ("due", lambda w: dt.date(2026, 12, 1), lambda w, s, g: _same_day(s, g)),
    (
        "meeting",
        lambda w: DateRange(
            dt.datetime(2026, 12, 1, 13, tzinfo=UTC), dt.datetime(2026, 12, 1, 14, 30, tzinfo=UTC)
        ),
        lambda w, s, g: _same_instants(s, g),
    ),
    ("status", lambda w: "Done", lambda w, s, g: _option_texts(g, ["Done"])),
    ("labels", lambda w: ["A", "C"], lambda w, s, g: _option_texts(g, ["A", "C"])),
    ("approved", lambda w: "Yes", lambda w, s, g: _option_texts(g, ["Yes"])),
    ("project", lambda w: w.project, lambda w, s, g: _ids(g, "item_id", [w.project.item_id])),
    ("owner", lambda w: w.profile_id, lambda w, s, g: _ids(g, "profile_id", [w.profile_id])),
    ("member", lambda w: w.user_id, lambda w, s, g: _ids(g, "user_id", [w.user_id])),
    ("picture", lambda w: w.png, lambda w, s, g: _ids(g, "file_id", [w.png.file_id])),
    ("attachment", lambda w: w.pdf, lambda w, s, g: _ids(g, "file_id", [w.pdf.file_id])),
    ("clip", lambda w: w.mp4, lambda w, s, g: _ids(g, "file_id", [w.mp4.file_id])),
    ("link", lambda w: w.embed, lambda w, s, g: _ids(g, "embed_id", [w.embed.embed_id])),
    ("where", lambda w: "1 Main Street, Copenhagen", lambda w, s, g: _location(g, s)),
    ("email", lambda w: TypedValue("work", "a@example.com"), lambda w, s, g: _typed(g, [s])),
    ("phone", lambda w: [TypedValue("mobile", "+4512345678")], lambda w, s, g: _typed(g, s)),
    ("tel", lambda w: "+4587654321", lambda w, s, g: _raw_has(g, "+4587654321")),
    ("org", lambda w: "ACME", lambda w, s, g: _raw_has(g, "ACME")),
    ("state", lambda w: "on", lambda w, s, g: _raw_has(g, "on")),
    (
        "media",
        lambda w: "https://video.example.com/1",
        lambda w, s, g: _raw_has(g, "https://video.example.com/1"),
    ),
]


def _same_day(sent: dt.date, got: podio.fields.FieldValue) -> None:
    value = got.value
    assert isinstance(value, (dt.date, DateRange))
    start = value.start if isinstance(value, DateRange) else value
    assert start == sent


def _same_instants(sent: DateRange, got: podio.fields.FieldValue) -> None:
    value = got.value
    assert isinstance(value, DateRange)
    assert (value.start, value.end) == (sent.start, sent.end)


def _option_texts(got: podio.fields.FieldValue, texts: list[str]) -> None:
    assert all(isinstance(option, CategoryOption) for option in got.values)
    assert [option.text for option in got.values] == texts


def _ids(got: podio.fields.FieldValue, attribute: str, ids: list[int | None]) -> None:
    assert [getattr(value, attribute) for value in got.values] == ids


def _location(got: podio.fields.FieldValue, sent: str) -> None:
    assert got.value is not None
    assert got.value.value == sent


def _typed(got: podio.fields.FieldValue, sent: list[TypedValue]) -> None:
    assert list(got.values) == sent


def _raw_has(got: podio.fields.FieldValue, text: str) -> None:
    assert text in str(got.raw)


def test_every_field_type_round_trips_as_python_values(world: World) -> None:
    values = {key: make(world) for key, make, _ in CASES}
    created = podio.Item.create(world.app_id, fields=values)
    assert created.item_id is not None
    item = podio.Item.find(created.item_id)
    for key, _, check in CASES:
        check(world, values[key], item[key])
    assert item["twice"].value == Decimal("25")  # the calculation Podio computed
    assert item["section"].values == []  # a separator holds nothing
    assert item.values["Title"].humanized == "Launch"


async def test_the_async_twins_round_trip_too(world: World) -> None:
    created = await podio.Item.acreate(
        world.app_id, fields={"title": "Async", "budget": Money("3", "EUR"), "status": "Open"}
    )
    assert created.item_id is not None
    item = await podio.Item.afind(created.item_id)
    assert item["budget"].value == Money("3", "EUR")
    assert [option.text for option in item["status"].values] == ["Open"]
    await world.client.aclose()


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ({"title": "x", "count": "many"}, "count", "number"),
        ({"title": "x", "budget": Money("5", "GBP")}, "budget", "GBP"),
        ({"title": "x", "done": 150}, "done", "100"),
        ({"title": "x", "effort": "long"}, "effort", "duration"),
        ({"title": "x", "due": "soon"}, "due", "date"),
        ({"title": "x", "status": "Closed"}, "status", "Closed"),
        ({"title": "x", "approved": "Maybe"}, "approved", "Maybe"),
        ({"title": "x", "labels": ["A", "Z"]}, "labels", "Z"),
        ({"title": "x", "project": "Apollo"}, "project", "item"),
        ({"title": "x", "owner": "me"}, "owner", "profile"),
        ({"title": "x", "member": "me"}, "member", "user"),
        ({"title": "x", "picture": "a.png"}, "picture", "file"),
        ({"title": "x", "link": "not a link"}, "link", "URL"),
        ({"title": "x", "where": 12}, "where", "location"),
        ({"title": "x", "email": 12}, "email", "email"),
        ({"title": "x", "twice": 3}, "twice", "calculation"),
        ({"title": "x", "nonsense": 1}, "nonsense", "no such field"),
        ({"count": 1}, "title", "required"),
    ],
)
def test_bad_values_are_refused_before_anything_is_sent(
    world: World, fields: dict[str, Any], field: str, reason: str
) -> None:
    podio.Application.find(world.app_id)  # the definition is cached from here on
    podio.Item.create(world.app_id, fields={"title": "primer"})
    before = world.emulator.state()["requests"]
    with pytest.raises(podio.FieldValueError, match=reason) as caught:
        podio.Item.create(world.app_id, fields=fields)
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field
    assert world.emulator.state()["requests"] == before, "a request was sent"


def test_saving_sends_only_what_changed_and_guards_the_revision(
    world: World, make_client: Callable[..., podio.Client], user: tuple[str, str]
) -> None:
    created = podio.Item.create(
        world.app_id, fields={"title": "Draft", "status": "Open", "count": 1, "done": 10}
    )
    assert created.item_id is not None
    item = podio.Item.find(created.item_id)
    item["status"] = "Done"
    item["done"] = 90
    assert item["status"].value is not None
    assert item["status"].value.text == "Done"  # read back before saving
    assert item.changes == {"status": "Done", "done": 90}
    assert item.save() is True
    assert item.changes == {}
    fresh = podio.Item.find(created.item_id)
    assert fresh["status"].value is not None
    assert fresh["status"].value.text == "Done"
    assert fresh["done"].value == 90
    assert fresh["title"].value == "Draft"
    revisions = podio.ItemRevision.find_all_by_item_id(created.item_id)
    diff = podio.ItemDiff.find_by_item_and_revisions(created.item_id, 0, revisions[-1].revision)
    assert {entry.external_id for entry in diff} == {"status", "done"}  # nothing else touched

    other = make_client()
    other.authenticate_with_credentials(*user)
    podio.Item.update(created.item_id, fields={"title": "Changed elsewhere"}, client=other)
    item["count"] = 2
    assert item.save() is False
    assert isinstance(item.error, podio.ConflictError)
    assert podio.Item.find(created.item_id)["count"].value == Decimal(1)


def test_a_generated_module_type_checks_and_round_trips(
    world: World, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib
    import sys

    from mypy import api as mypy_api

    from podio.fields.codegen import generate

    source = generate([world.app_id], source="test")
    assert source.startswith('"""')
    assert "generated" in source.splitlines()[0].lower() or "generated" in source[:400].lower()
    path = tmp_path / "podio_apps.py"
    path.write_text(source)
    usage = tmp_path / "use_apps.py"
    usage.write_text(
        "from decimal import Decimal\n"
        "from podio.fields import Money\n"
        "from podio_apps import Everything\n\n"
        "def use(thing: Everything) -> None:\n"
        "    thing.title = 'x'\n"
        "    thing.budget = Money('1', 'EUR')\n"
        "    count: Decimal | None = thing.count\n"
        "    assert count is None or count >= 0\n"
    )
    out, err, status = mypy_api.run(["--strict", "--no-incremental", str(path), str(usage)])
    assert status == 0, out + err
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("podio_apps")
    try:
        everything = module.Everything
        thing = everything()
        thing.title = "Generated"
        thing.budget = Money("99.90", "EUR")
        thing.status = "Done"
        thing.create()
        found = everything.find(thing.item_id)
        assert found.title == "Generated"
        assert found.budget == Money("99.90", "EUR")
        assert found.status is not None
        assert found.status.text == "Done"
        found.title = "Renamed"
        found.save()
        assert podio.Item.find(thing.item_id)["title"].value == "Renamed"
        assert [t.title for t in everything.iter_all()] == ["Renamed"]
    finally:
        sys.modules.pop("podio_apps", None)
