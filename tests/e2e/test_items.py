"""Items through `podio.Item` and its companions (revisions, diffs), against the emulator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import podio
from podio_emulator import EmulatorHandle

from .conftest import Workspace, make_app


def _option(app: podio.Application, field: str, text: str) -> int:
    for definition in app.fields or []:
        if definition.external_id == field:
            for option in (definition.config or {})["settings"]["options"]:
                if option["text"] == text:
                    return int(option["id"])
    raise AssertionError(f"no option {text!r} in {field!r}")


def _field_id(app: podio.Application, external_id: str) -> int:
    found = [f.field_id for f in app.fields or [] if f.external_id == external_id]
    assert found and found[0] is not None
    return found[0]


def _fill(app: podio.Application) -> list[podio.Item]:
    """Six projects with different hours, statuses (one without), due dates and budgets."""
    assert app.app_id is not None
    rows: list[tuple[str, int | None, str, dt.date, str]] = [
        ("Alpha", 5, "Open", dt.date(2026, 1, 10), "100"),
        ("Beta", 12, "Done", dt.date(2026, 2, 10), "250"),
        ("Gamma", 8, "Open", dt.date(2026, 3, 10), "75"),
        ("Delta", None, "", dt.date(2026, 4, 10), "10"),
        ("Epsilon", 20, "Open", dt.date(2026, 5, 10), "500"),
        ("Alphabet", 1, "Open", dt.date(2026, 6, 10), "1"),
    ]
    made = []
    for title, hours, status, due, budget in rows:
        fields: dict[str, Any] = {"title": title, "due": due, "budget": podio.Money(budget, "EUR")}
        if hours is not None:
            fields["hours"] = hours
        if status:
            fields["status"] = status
        made.append(podio.Item.create(app.app_id, fields=fields, external_id=title.lower()))
    return made


# -- finding one item ------------------------------------------------------------------------------


def test_create_and_find_it_every_way(app: podio.Application) -> None:
    assert app.app_id is not None
    created = podio.Item.create(
        app.app_id,
        fields={"title": "Launch", "hours": Decimal("2.5"), "status": "Open"},
        external_id="launch-1",
        tags=["rocket", "q3"],
    )
    assert created.item_id is not None
    assert created.title == "Launch"
    assert created.app_item_id == 1
    assert created.revision == 0

    full = podio.Item.find(created.item_id)
    assert full.external_id == "launch-1"
    assert sorted(full.tags or []) == ["q3", "rocket"]
    assert full["hours"].value == Decimal("2.5")
    assert full["status"].value is not None
    assert full["status"].value.text == "Open"
    assert full.comments == []
    assert full.created_by is not None

    basic = podio.Item.find_basic(created.item_id)
    assert basic.item_id == created.item_id
    assert basic["title"].value == "Launch"
    assert basic.comments is None  # the basic view leaves the side data out

    by_external = podio.Item.find_by_external_id(app.app_id, "launch-1")
    assert by_external.item_id == created.item_id
    by_number = podio.Item.find_by_app_item_id(app.app_id, 1)
    assert by_number.item_id == created.item_id

    duplicate = podio.Item.create(app.app_id, fields={"title": "Again"}, external_id="launch-1")
    everyone = podio.Item.find_all_by_external_id(app.app_id, "launch-1")
    assert sorted(item.item_id for item in everyone.all) == sorted(
        [created.item_id, duplicate.item_id]
    )
    # With duplicates Podio returns one of them; the emulator the most recent.
    assert podio.Item.find_by_external_id(app.app_id, "launch-1").item_id == duplicate.item_id

    with pytest.raises(podio.NotFoundError):
        podio.Item.find_by_external_id(app.app_id, "nobody")
    with pytest.raises(podio.NotFoundError):
        podio.Item.find(created.item_id + 10_000)


def test_an_instance_saves_itself_and_keeps_errors(app: podio.Application) -> None:
    item = podio.Item(app_id=app.app_id, fields={"title": "Built by hand", "hours": 3})
    assert item.new_record
    assert item.save() is True
    assert item.item_id is not None
    assert item.title == "Built by hand"

    item["hours"] = 4
    assert item.save() is True
    assert podio.Item.find(item.item_id)["hours"].value == Decimal(4)

    broken = podio.Item(app_id=app.app_id, fields={"hours": 1})  # the title is required
    with pytest.raises(podio.FieldValueError):
        broken.save()  # checked against the app before anything is sent
    assert app.app_id is not None
    podio.Application.deactivate(app.app_id)  # an inactive app takes no new items
    refused = podio.Item(app_id=app.app_id, fields={"title": "Too late"})
    assert refused.save() is False
    assert refused.new_record
    assert isinstance(refused.error, podio.ForbiddenError)
    assert refused.error_code == "forbidden"
    assert refused.error_message
    assert podio.Item.count(app.app_id) == 1


# -- collections -----------------------------------------------------------------------------------


def test_filters_of_several_kinds_and_sorts(app: podio.Application, client: podio.Client) -> None:
    assert app.app_id is not None
    made = _fill(app)
    app_id = app.app_id
    titles = lambda collection: [item.title for item in collection]  # noqa: E731

    by_category = podio.Item.find_by_filter_values(
        app_id, {"status": [_option(app, "status", "Done")]}, sort_by="title", sort_desc=False
    )
    assert titles(by_category) == ["Beta"]
    assert (by_category.count, by_category.total_count) == (1, 6)
    no_status = podio.Item.find_by_filter_values(app_id, {"status": [None]})
    assert titles(no_status) == ["Delta"]
    done_or_none = podio.Item.find_all(app_id, status=[_option(app, "status", "Done"), None])
    assert sorted(titles(done_or_none)) == ["Beta", "Delta"]

    by_range = podio.Item.find_by_filter_values(
        app_id, {"hours": {"from": 5, "to": 12}}, sort_by="hours", sort_desc=True
    )
    assert titles(by_range) == ["Beta", "Gamma", "Alpha"]

    by_date = podio.Item.find_by_filter_values(
        app_id, {"due": {"from": "2026-02-01", "to": "2026-04-30"}}, sort_by="due", sort_desc=False
    )
    assert titles(by_date) == ["Beta", "Gamma", "Delta"]

    by_money = podio.Item.find_by_filter_values(app_id, {"budget": {"from": 100}})
    assert sorted(titles(by_money)) == ["Alpha", "Beta", "Epsilon"]

    by_title = podio.Item.find_by_filter_values(
        app_id, {"title": "alpha"}, sort_by="title", sort_desc=False
    )
    assert titles(by_title) == ["Alpha", "Alphabet"]

    me = podio.User.current().user_id
    mine = podio.Item.find_by_filter_values(app_id, {"created_by": {"type": "user", "id": me}})
    assert mine.count == 6
    by_external = podio.Item.find_by_filter_values(app_id, {"external_id": ["gamma", "beta"]})
    assert sorted(titles(by_external)) == ["Beta", "Gamma"]
    by_number = podio.Item.find_by_filter_values(app_id, {"app_item_id": {"from": 2, "to": 3}})
    assert sorted(titles(by_number)) == ["Beta", "Gamma"]

    # Without sort_by: newest first; items without a value come last in both directions.
    assert titles(podio.Item.find_by_filter_values(app_id))[0] == "Alphabet"
    by_hours_up = podio.Item.find_by_filter_values(app_id, sort_by="hours", sort_desc=False)
    assert titles(by_hours_up) == ["Alphabet", "Alpha", "Gamma", "Beta", "Epsilon", "Delta"]

    page = podio.Item.find_by_filter_values(
        app_id, sort_by="title", sort_desc=False, limit=2, offset=2
    )
    assert titles(page) == ["Beta", "Delta"]
    assert (len(page), page.count, page.total_count) == (2, 6, 6)

    # The query-string forms of find_all and count.
    open_ones = podio.Item.find_all(
        app_id, status=[_option(app, "status", "Open")], hours={"from": 2}, sort_by="title"
    )
    assert sorted(titles(open_ones)) == ["Alpha", "Epsilon", "Gamma"]
    assert podio.Item.count(app_id) == 6
    assert podio.Item.count(app_id, status=[_option(app, "status", "Open")]) == 4
    assert podio.Item.count(app_id, hours={"from": 10}) == 2

    with pytest.raises(podio.BadRequestError):
        podio.Item.find_by_filter_values(app_id, {"no-such-field": [1]})
    assert made[0].item_id is not None


def test_iter_all_walks_every_page(app: podio.Application, emulator: EmulatorHandle) -> None:
    assert app.app_id is not None
    result = podio.Item.create_many(
        app.app_id, [{"fields": {"title": f"Item {n:03}", "hours": n}} for n in range(45)]
    )
    assert result.ok
    before = emulator.state()["requests"]
    seen = [
        item.title
        for item in podio.Item.iter_all(
            app.app_id, {"hours": {"from": 5}}, sort_by="hours", sort_desc=False, page_size=10
        )
    ]
    assert seen == [f"Item {n:03}" for n in range(5, 45)]
    assert emulator.state()["requests"] - before == 4  # 40 matches in pages of 10


def test_listed_items_are_edited_like_found_ones(app: podio.Application) -> None:
    assert app.app_id is not None
    podio.Item.create(app.app_id, fields={"title": "Started", "status": "Open"})
    podio.Item.create(app.app_id, fields={"title": "Untouched"})
    # Podio's item lists leave each item's app out; the items still know it.
    for item in podio.Item.iter_all(app.app_id):
        assert item.app_id == app.app_id
        assert item["hours"].value is None  # empty, and known to exist
        item["status"] = "Done"  # by option text, checked against the app
        item["hours"] = Decimal("1.5")
        assert item.save() is True, item.error
    done = podio.Item.find_all(app.app_id, status=[_option(app, "status", "Done")])
    assert sorted(item.title for item in done) == ["Started", "Untouched"]
    assert {item["hours"].value for item in done} == {Decimal("1.5")}


# -- changing and deleting ---------------------------------------------------------------------


def test_update_conflicts_values_and_no_change(app: podio.Application) -> None:
    assert app.app_id is not None
    created = podio.Item.create(app.app_id, fields={"title": "Draft", "hours": 1})
    assert created.item_id is not None
    item_id = created.item_id

    answer = podio.Item.update(item_id, fields={"title": "Final"}, app_id=app.app_id)
    assert answer == {"revision": 1, "title": "Final"}
    assert podio.Item.update(item_id, fields={"title": "Final"}) is None  # nothing changed: 204

    with pytest.raises(podio.ConflictError) as caught:
        podio.Item.update(item_id, fields={"title": "Stale"}, revision=0)
    assert caught.value.response_status == 409
    assert podio.Item.find(item_id).title == "Final"

    assert podio.Item.update_values(item_id, {"hours": [{"value": 7}]}) == {
        "revision": 2,
        "title": "Final",
    }
    values = podio.Item.find_values(item_id)
    assert {field.external_id: field.values for field in values}["hours"] == [{"value": "7.0000"}]

    cleared = podio.Item.update(item_id, fields={"hours": None}, app_id=app.app_id)
    assert cleared is not None
    assert podio.Item.find(item_id)["hours"].value is None


def test_delete_then_gone_and_bulk_delete(app: podio.Application, emulator: EmulatorHandle) -> None:
    made = _fill(app)
    ids = [item.item_id for item in made]
    assert all(ids)
    first, second, *rest = ids
    assert first is not None and second is not None

    assert podio.Item.delete(first) is None
    with pytest.raises(podio.GoneError) as caught:
        podio.Item.find(first)
    assert caught.value.response_status == 410

    instance = podio.Item.find(second)
    assert instance.destroy() is True
    with pytest.raises(podio.GoneError):
        podio.Item.find(second)
    assert instance.destroy() is False
    assert isinstance(instance.error, podio.GoneError)

    assert app.app_id is not None
    answer = podio.Item.bulk_delete(app.app_id, item_ids=rest[:2])
    assert sorted(answer["deleted"]) == sorted(rest[:2])
    assert answer["pending"] == []
    by_filter = podio.Item.bulk_delete(
        app.app_id, filters={"status": [_option(app, "status", "Open")]}
    )
    assert len(by_filter["deleted"]) == 2
    assert podio.Item.count(app.app_id) == 0
    assert emulator.state()["objects"]["item"] == 0

    with pytest.raises(ValueError, match="item_ids"):
        podio.Item.bulk_delete(app.app_id)  # never "everything" by accident


def test_clone_copies_values_and_tags_not_the_external_id(app: podio.Application) -> None:
    assert app.app_id is not None
    original = podio.Item.create(
        app.app_id,
        fields={"title": "Template", "hours": 3, "status": "Done"},
        external_id="template",
        tags=["blueprint"],
    )
    assert original.item_id is not None
    copy = podio.Item.clone(original.item_id)
    assert copy.item_id is not None
    assert copy.item_id != original.item_id
    cloned = podio.Item.find(copy.item_id)
    assert cloned["title"].value == "Template"
    assert cloned["hours"].value == Decimal(3)
    assert cloned["status"].value is not None
    assert cloned["status"].value.text == "Done"
    assert cloned.tags == ["blueprint"]
    assert cloned.external_id is None
    assert cloned.app_item_id == 2
    assert podio.Item.count(app.app_id) == 2


def test_revisions_diffs_and_reverts(app: podio.Application) -> None:
    assert app.app_id is not None
    created = podio.Item.create(app.app_id, fields={"title": "v0", "hours": 1})
    assert created.item_id is not None
    item_id = created.item_id
    podio.Item.update(item_id, fields={"title": "v1"})
    podio.Item.update(item_id, fields={"hours": [{"value": 2}]})
    podio.Item.update(item_id, fields={"title": "v3", "hours": [{"value": 3}]})

    revisions = podio.ItemRevision.find_all_by_item_id(item_id)
    assert [revision.revision for revision in revisions] == [0, 1, 2, 3]
    assert [revision.type for revision in revisions][:2] == ["creation", "update"]
    assert all(isinstance(revision, podio.ItemRevision) for revision in revisions)
    one = podio.ItemRevision.find(item_id, 2)
    assert one.revision == 2
    assert one.item_revision_id == revisions[2].item_revision_id

    diff = podio.ItemDiff.find_by_item_and_revisions(item_id, 0, 3)
    by_field = {entry.external_id: entry for entry in diff}
    assert set(by_field) == {"title", "hours"}
    assert by_field["title"].from_ == [{"value": "v0"}]
    assert by_field["title"].to == [{"value": "v3"}]
    assert by_field["hours"].from_ == [{"value": "1.0000"}]
    assert by_field["hours"].to == [{"value": "3.0000"}]
    assert [d.external_id for d in podio.ItemDiff.find_by_item_and_revisions(item_id, 1, 2)] == [
        "hours"
    ]

    # Undo revision 1 only (the title), keeping the later hours.
    undone = podio.ItemDiff.revert(item_id, 1)
    assert undone == {"revision": 4}
    item = podio.Item.find(item_id)
    assert (item.title, item["hours"].value) == ("v0", Decimal(3))

    # Everything back as at revision 1.
    back = podio.Item.revert_to_revision(item_id, 1)
    assert back == {"revision": 5}
    item = podio.Item.find(item_id)
    assert (item.title, item["hours"].value, item.revision) == ("v1", Decimal(1), 5)


def test_calculate_sums_and_groups(app: podio.Application) -> None:
    assert app.app_id is not None
    _fill(app)
    hours = _field_id(app, "hours")
    status = _field_id(app, "status")
    total = podio.Item.calculate(
        app.app_id, aggregation="sum", formula=[{"type": "field", "value": hours}]
    )
    assert Decimal(str(total["total"])) == 46
    grouped = podio.Item.calculate(
        app.app_id,
        aggregation="sum",
        formula=[{"type": "field", "value": hours}],
        groupings=[{"type": "field", "value": status}],
    )
    sums = {
        group["groups"][0]["label"]: Decimal(str(group["count"])) for group in grouped["groups"]
    }
    assert sums == {"Open": 34, "Done": 12, None: 0}  # Delta: no status (and no hours)
    counted = podio.Item.calculate(
        app.app_id, aggregation="count", filters={"status": [_option(app, "status", "Open")]}
    )
    assert counted["total"] == 4


def test_references_between_items(workspace: Workspace) -> None:
    clients = make_app(
        workspace.space_id, "Clients", [{"type": "text", "config": {"label": "Name"}}]
    )
    assert clients.app_id is not None
    deals = make_app(
        workspace.space_id,
        "Deals",
        [
            {"type": "text", "config": {"label": "Title"}},
            {
                "type": "app",
                "config": {
                    "label": "Client",
                    "settings": {"referenced_apps": [{"app_id": clients.app_id}]},
                },
            },
        ],
    )
    assert deals.app_id is not None
    acme = podio.Item.create(clients.app_id, fields={"name": "Acme Corp"})
    globex = podio.Item.create(clients.app_id, fields={"name": "Globex"})
    assert acme.item_id is not None and globex.item_id is not None
    for title in ("Big deal", "Small deal"):
        podio.Item.create(deals.app_id, fields={"title": title, "client": acme})
    podio.Item.create(deals.app_id, fields={"title": "Other", "client": globex.item_id})

    groups = podio.Item.find_references(acme.item_id)
    assert len(groups) == 1
    assert groups[0]["app"]["app_id"] == deals.app_id
    assert sorted(entry["title"] for entry in groups[0]["items"]) == ["Big deal", "Small deal"]

    client_field = _field_id(deals, "client")
    via_field = podio.Item.find_references_by_field(acme.item_id, client_field)
    assert sorted(item.title for item in via_field) == ["Big deal", "Small deal"]

    candidates = podio.Item.search_field(client_field, text="acm")
    assert [item.item_id for item in candidates] == [acme.item_id]

    deal = podio.Item.find_by_filter_values(deals.app_id, {"title": "other"}).all[0]
    assert [ref.item_id for ref in deal["client"].values] == [globex.item_id]

    podio.Item.delete(acme.item_id)  # references to a deleted item disappear
    big = podio.Item.find_by_filter_values(deals.app_id, {"title": "big"}).all[0]
    assert big["client"].values == []


# -- async twins -------------------------------------------------------------------------------


async def test_async_twins_of_the_item_operations(
    app: podio.Application, client: podio.Client
) -> None:
    assert app.app_id is not None
    created = await podio.Item.acreate(
        app.app_id, fields={"title": "Async", "hours": 2}, external_id="async"
    )
    assert created.item_id is not None
    found = await podio.Item.afind(created.item_id)
    assert found["hours"].value == Decimal(2)
    assert (await podio.Item.afind_by_external_id(app.app_id, "async")).item_id == created.item_id

    assert await podio.Item.aupdate(created.item_id, fields={"title": "Async 2"}) == {
        "revision": 1,
        "title": "Async 2",
    }
    await podio.Item.acreate_many(
        app.app_id, [{"fields": {"title": f"Bulk {n}", "hours": n}} for n in range(12)]
    )
    filtered = await podio.Item.afind_by_filter_values(app.app_id, {"hours": {"from": 10}})
    assert sorted(item.title for item in filtered) == ["Bulk 10", "Bulk 11"]
    assert await podio.Item.acount(app.app_id) == 13
    titles = [item.title async for item in podio.Item.iter_all(app.app_id, page_size=5)]
    assert len(titles) == 13
    assert "Async 2" in titles

    revisions = await podio.ItemRevision.afind_all_by_item_id(created.item_id)
    assert [revision.revision for revision in revisions] == [0, 1]
    total = await podio.Item.acalculate(
        app.app_id,
        aggregation="sum",
        formula=[{"type": "field", "value": _field_id(app, "hours")}],
    )
    assert Decimal(str(total["total"])) == 68

    await podio.Item.adelete(created.item_id)
    with pytest.raises(podio.GoneError):
        await podio.Item.afind(created.item_id)
    await client.aclose()
