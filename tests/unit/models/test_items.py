"""Items: every operation's request and result, the samples, and the item's own save cycle."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

import podio
from podio._pagination import Collection

from ...mock_api import MockPodio
from ._wiring import Case, assert_result, canonical, check_async, check_sync, sample

UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))
ITEM = {"item_id": 42, "title": "Hello", "app": {"app_id": 5, "name": "Leads"}}
APP_5 = {
    "app_id": 5,
    "current_revision": 2,
    "fields": [
        {
            "field_id": 7,
            "external_id": "title",
            "type": "text",
            "label": "Title",
            "status": "active",
            "config": {"label": "Title", "required": False, "settings": {"size": "small"}},
        },
        {
            "field_id": 8,
            "external_id": "status",
            "type": "category",
            "label": "Status",
            "status": "active",
            "config": {
                "label": "Status",
                "required": False,
                "settings": {
                    "multiple": False,
                    "options": [
                        {"id": 1, "text": "Open", "status": "active", "color": "DCEBD8"},
                        {"id": 3, "text": "Done", "status": "active", "color": "DCEBD8"},
                    ],
                },
            },
        },
    ],
}


@pytest.fixture(autouse=True)
def _app_definition(api: MockPodio) -> None:
    """App 5's definition, which creating an item with field values fetches once."""
    api.on("GET", "/app/5", APP_5)


FIELD = {
    "field_id": 7,
    "external_id": "title",
    "type": "text",
    "label": "Title",
    "values": [{"value": "Hi"}],
}
REFERENCES = {"app": {"app_id": 6}, "field": {"field_id": 9}, "items": []}
DIFFS = sample("item-revision-diff.json")
ENVELOPE = {"items": [{"item_id": 1, "title": "One"}], "filtered": 1, "total": 3}
CONFLICT = {
    "error": "conflict",
    "error_description": "The item has been changed since the given revision",
    "error_detail": None,
    "error_parameters": {},
    "error_propagate": False,
}


def item(**values: Any) -> podio.Item:
    return podio.Item(values)


def envelope() -> Collection[podio.Item]:
    return Collection([item(item_id=1, title="One")], count=1, total_count=3)


# One row per operation (and per notable variant); a table reads better unformatted.
# fmt: off
CASES = [
    Case(podio.Item, "find", (42,), "GET", "/item/42", podio.Item(ITEM),
         kwargs={"mark_as_viewed": False, "fields": "files"},
         params={"mark_as_viewed": "0", "fields": "files"}, answer=ITEM),
    Case(podio.Item, "find_basic", (42,), "GET", "/item/42/basic", podio.Item(ITEM), answer=ITEM),
    Case(podio.Item, "find_by_app_item_id", (5, 7), "GET", "/app/5/item/7", podio.Item(ITEM),
         answer=ITEM),
    Case(podio.Item, "find_by_external_id", (5, "crm/1"), "GET",
         "/item/app/5/external_id/crm%2F1", podio.Item(ITEM), answer=ITEM),
    Case(podio.Item, "find_all_by_external_id", (5, "crm 1"), "GET", "/item/app/5/v2/",
         envelope(), params={"external_id": "crm 1"}, answer=ENVELOPE),
    Case(podio.Item, "find_next", (42,), "GET", "/item/42/next", podio.Item(ITEM),
         kwargs={"time": dt.datetime(2024, 5, 1, 12, 30, tzinfo=CEST)},
         params={"time": "2024-05-01 10:30:00"}, answer=ITEM),
    Case(podio.Item, "find_previous", (42,), "GET", "/item/42/previous", podio.Item(ITEM),
         answer=ITEM),
    Case(podio.Item, "find_basic_by_field", (42, 9), "GET", "/item/42/reference/9/preview",
         podio.Item(ITEM), answer=ITEM),
    Case(podio.Item, "find_meeting_url", (42,), "GET", "/item/42/meeting/url",
         {"url": "https://meet.example/42"}, answer={"url": "https://meet.example/42"}),
    Case(podio.Item, "find_all", (5,), "GET", "/item/app/5/", envelope(),
         kwargs={"limit": 10, "offset": 20, "sort_by": "created_on", "sort_desc": True,
                 "view_id": 0, "status": [1, None], "price": {"from": 10, "to": 20},
                 "due": dt.date(2024, 5, 1), "title": "x"},
         params={"limit": "10", "offset": "20", "sort_by": "created_on", "sort_desc": "1",
                 "view_id": "0", "status": "1;null", "price": "10-20", "due": "2024-05-01",
                 "title": "x"},
         answer=ENVELOPE),
    Case(podio.Item, "filter", (5, {"status": [1], 123: {"from": 1, "to": 2}}), "POST",
         "/item/app/5/filter/", envelope(),
         kwargs={"limit": 500, "offset": 0, "sort_by": "title", "sort_desc": False,
                 "remember": True, "fields": "items.fields(files)"},
         params={"fields": "items.fields(files)"},
         body={"filters": {"status": [1], "123": {"from": 1, "to": 2}}, "limit": 500,
               "offset": 0, "sort_by": "title", "sort_desc": False, "remember": True},
         answer=ENVELOPE),
    Case(podio.Item, "find_by_filter_values", (5,), "POST", "/item/app/5/filter/", envelope(),
         body={"filters": {}}, answer=ENVELOPE),
    Case(podio.Item, "filter_by_view", (5, 8), "POST", "/item/app/5/filter/8/", envelope(),
         kwargs={"limit": 10, "remember": False}, body={"limit": 10, "remember": False},
         answer=ENVELOPE),
    Case(podio.Item, "find_by_filter_id", (5, 8), "POST", "/item/app/5/filter/8/", envelope(),
         body={}, answer=ENVELOPE),
    Case(podio.Item, "count", (5,), "GET", "/item/app/5/count/", 12,
         kwargs={"view_id": 0, "status": [1, 2]}, params={"view_id": "0", "status": "1;2"},
         answer={"count": 12}),
    Case(podio.Item, "item_count", (5,), "GET", "/item/app/5/count/", 3, answer={"count": 3}),
    Case(podio.Item, "xlsx", (5,), "GET", "/item/app/5/xlsx/", b"PK\x03\x04sheet",
         kwargs={"limit": 20, "deleted_columns": True, "status": [1]},
         params={"limit": "20", "deleted_columns": "1", "status": "1"},
         answer=b"PK\x03\x04sheet"),
    Case(podio.Item, "export", (5, "xlsx"), "POST", "/item/app/5/export/xlsx", {"batch_id": 99},
         kwargs={"view_id": 0, "filters": {"status": [1]}, "sort_by": "title"},
         body={"view_id": 0, "filters": {"status": [1]}, "sort_by": "title"},
         answer={"batch_id": 99}),
    Case(podio.Item, "calculate", (5, {"limit": 10}), "POST", "/item/app/5/calculate",
         {"total": 7, "groups": []},
         kwargs={"aggregation": "sum", "formula": [{"type": "field", "value": 3}],
                 "groupings": [{"type": "revision", "value": "created_on"}],
                 "filters": {"status": [1]}},
         body={"limit": 10, "aggregation": "sum", "formula": [{"type": "field", "value": 3}],
               "groupings": [{"type": "revision", "value": "created_on"}],
               "filters": {"status": [1]}},
         answer={"total": 7, "groups": []}),
    Case(podio.Item, "find_app_values", (5,), "GET", "/item/app/5/values",
         {"fields": [], "tags": []}, answer={"fields": [], "tags": []}),
    Case(podio.Item, "cleanup_field_values", (5,), "POST", "/item/app/5/cleanup_field_values",
         None),
    Case(podio.Item, "search_field", (9,), "GET", "/item/field/9/find", [podio.Item(ITEM)],
         kwargs={"text": "hel", "limit": 5, "not_item_id": [1, 2], "sort": "title"},
         params={"text": "hel", "limit": "5", "not_item_id": "1,2", "sort": "title"},
         answer=[ITEM]),
    Case(podio.Item, "find_field_top", (9,), "GET", "/item/field/9/top/", [podio.Item(ITEM)],
         kwargs={"limit": 8}, params={"limit": "8"}, answer=[ITEM]),
    Case(podio.Item, "find_values", (42,), "GET", "/item/42/value", [podio.ItemField(FIELD)],
         answer=[FIELD]),
    Case(podio.Item, "update_values", (42, {"title": "New", 7: [1, 3]}), "PUT",
         "/item/42/value", {"revision": 3, "title": "New"},
         kwargs={"silent": True, "hook": False}, params={"silent": "1", "hook": "0"},
         body={"title": "New", "7": [1, 3]}, answer={"revision": 3, "title": "New"}),
    Case(podio.Item, "find_references", (42,), "GET", "/item/42/reference/", [REFERENCES],
         answer=[REFERENCES]),
    Case(podio.Item, "find_references_by_field", (42, 9), "GET", "/item/42/reference/field/9",
         [podio.Item(ITEM)], kwargs={"limit": 20}, params={"limit": "20"}, answer=[ITEM]),
    Case(podio.Item, "update_ref", (42, "item", 43), "PUT", "/item/42/ref", None,
         body={"type": "item", "id": 43}),
    Case(podio.Item, "delete_ref", (42,), "DELETE", "/item/42/ref", None),
    Case(podio.Item, "revert_to_revision", (42, 3), "POST", "/item/42/revision/3/revert_to",
         {"revision": 5}, body={}, answer={"revision": 5}),
    Case(podio.Item, "revert_to_revision_by_delete", (42, 3), "DELETE",
         "/item/42/revision/3/revert_to", {"revision": 5}, answer={"revision": 5}),
    Case(podio.Item, "set_participation", (42, "accepted"), "PUT", "/item/42/participation",
         204, body={"status": "accepted"}, status=204),
    Case(podio.Item, "rearrange", (42, {"before": 43}), "POST", "/item/42/rearrange",
         podio.Item(ITEM), body={"before": 43}, answer=ITEM),
    Case(podio.Item, "delete", (42,), "DELETE", "/item/42", None,
         kwargs={"silent": True, "hook": False}, params={"silent": "1", "hook": "0"}),
    Case(podio.Item, "bulk_delete", (5,), "POST", "/item/app/5/delete",
         {"deleted": [1], "pending": [2]}, kwargs={"item_ids": [1, 2], "silent": True},
         params={"silent": "1"}, body={"item_ids": [1, 2]},
         answer={"deleted": [1], "pending": [2]}),
    Case(podio.Item, "bulk_delete", (5,), "POST", "/item/app/5/delete",
         {"deleted": [], "pending": [3]}, kwargs={"view_id": 8, "filters": {"status": [1]}},
         body={"view_id": 8, "filters": {"status": [1]}},
         answer={"deleted": [], "pending": [3]}),
    Case(podio.Item, "clone", (42,), "POST", "/item/42/clone", item(item_id=43),
         kwargs={"silent": True}, params={"silent": "1"}, answer={"item_id": 43}),
    Case(podio.Item, "find_clone", (42,), "GET", "/item/42/clone",
         {"values": {}, "files": [], "tags": []}, answer={"values": {}, "files": [], "tags": []}),
    Case(podio.Item, "create", (5,), "POST", "/item/app/5/",
         item(item_id=100, title="Hi", app_item_id=1, revision=0),
         kwargs={"fields": {"title": "Hi", 8: [1]}, "external_id": "crm-1", "file_ids": [3],
                 "tags": ["new"], "reminder": {"remind_delta": 30},
                 "recurrence": {"name": "weekly", "step": 1}, "silent": True, "hook": False},
         params={"silent": "1", "hook": "0"},
         body={"fields": {"title": [{"value": "Hi"}], "status": [{"value": 1}]},
               "external_id": "crm-1", "file_ids": [3],
               "tags": ["new"], "reminder": {"remind_delta": 30},
               "recurrence": {"name": "weekly", "step": 1}},
         answer={"item_id": 100, "title": "Hi", "app_item_id": 1, "revision": 0}),
    Case(podio.Item, "create", (5, {"external_id": "old", "fields": {"title": "A"}}), "POST",
         "/item/app/5/", item(item_id=101), kwargs={"external_id": "new"},
         body={"external_id": "new", "fields": {"title": [{"value": "A"}]}},
         answer={"item_id": 101}),
    Case(podio.Item, "update", (42, {"fields": {"title": "Y"}}), "PUT", "/item/42",
         {"revision": 4, "title": "Y"}, kwargs={"tags": ["b"], "revision": 3, "hook": False},
         params={"hook": "0"},
         body={"fields": {"title": ["Y"]}, "tags": ["b"], "revision": 3},
         answer={"revision": 4, "title": "Y"}),
    Case(podio.Item, "update", (42,), "PUT", "/item/42", None,
         kwargs={"fields": {"title": "Y"}, "app_id": 5},
         body={"fields": {"title": [{"value": "Y"}]}}, status=204),
    Case(podio.ItemRevision, "find", (42, 3), "GET", "/item/42/revision/3",
         podio.ItemRevision(item_revision_id=9, revision=3, type="update"),
         answer={"item_revision_id": 9, "revision": 3, "type": "update"}),
    Case(podio.ItemRevision, "find_all_by_item_id", (42,), "GET", "/item/42/revision/",
         [podio.ItemRevision(item_revision_id=8, revision=0)],
         answer=[{"item_revision_id": 8, "revision": 0}]),
    Case(podio.ItemDiff, "find_by_item_and_revisions", (42, 1, 2), "GET",
         "/item/42/revision/1/2", [podio.ItemDiff(diff) for diff in DIFFS], answer=DIFFS),
    Case(podio.ItemDiff, "revert", (42, 2), "DELETE", "/item/42/revision/2", {"revision": 4},
         answer={"revision": 4}),
    Case(podio.ItemField, "find_values", (42, "status"), "GET", "/item/42/value/status",
         [{"value": {"id": 1, "text": "Open"}}], answer=[{"value": {"id": 1, "text": "Open"}}]),
    Case(podio.ItemField, "update", (42, 7, [1, 3]), "PUT", "/item/42/value/7",
         {"revision": 2, "title": "T"}, kwargs={"silent": True}, params={"silent": "1"},
         body=[1, 3], answer={"revision": 2, "title": "T"}),
    Case(podio.ItemField, "update", (42, "title", "Hi"), "PUT", "/item/42/value/title",
         {"revision": 2, "title": "Hi"}, body=["Hi"], answer={"revision": 2, "title": "Hi"}),
    Case(podio.ItemField, "update", (42, "due", {"start": "2024-05-01"}), "PUT",
         "/item/42/value/due", {"revision": 2, "title": "T"}, body={"start": "2024-05-01"},
         answer={"revision": 2, "title": "T"}),
    Case(podio.ItemField, "get_field_ranges", (9,), "GET", "/item/field/9/range",
         {"min": 1, "max": 9}, answer={"min": 1, "max": 9}),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_operation_sends_its_request_and_returns_its_result(api: MockPodio, case: Case) -> None:
    check_sync(api, case)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async_twin_does_the_same(api: MockPodio, case: Case) -> None:
    await check_async(api, case)


# -- the samples -------------------------------------------------------------------------------

ITEM_SAMPLES = [
    "item-get-all-fields.json",
    "item-get-progress-location-duration.json",
    "item-get-basic-fields.json",
    "item-get-all-fields-2014.json",
]


@pytest.mark.parametrize("name", ITEM_SAMPLES)
def test_item_samples_are_typed_and_round_trip_exactly(api: MockPodio, name: str) -> None:
    body = sample(name)
    api.on("GET", f"/item/{body['item_id']}", body)
    found = podio.Item.find(body["item_id"])
    assert canonical(found.as_json()) == canonical(body)
    assert isinstance(found.app, podio.Application) and found.app_id == body["app"]["app_id"]
    assert isinstance(found.created_by, podio.ByLine)
    assert isinstance(found.current_revision, podio.ItemRevision)
    assert found.created_on is not None and found.created_on.tzinfo == UTC
    assert [field.as_json() for field in found.fields or []] == body["fields"]
    assert all(type(field) is podio.ItemField for field in found.fields or [])


def test_item_fields_keep_what_podio_sent(api: MockPodio) -> None:
    body = sample("item-get-basic-fields.json")
    api.on("GET", f"/item/{body['item_id']}", body)
    fields = podio.Item.find(body["item_id"]).fields or []
    category = next(field for field in fields if field.type == "category")
    raw = next(field for field in body["fields"] if field["type"] == "category")
    assert (category.field_id, category.external_id, category.label) == (
        raw["field_id"],
        raw["external_id"],
        raw["label"],
    )
    assert category.config == raw["config"] and category.values == raw["values"]


def test_filter_sample_is_a_collection_of_items(api: MockPodio) -> None:
    body = sample("item-filter.json")
    api.on("POST", "/item/app/5/filter/", body)
    found = podio.Item.filter(5, {"status": [1]})
    assert (found.count, found.total_count) == (body["filtered"], body["total"])
    assert [canonical(entry.as_json()) for entry in found] == [
        canonical(entry) for entry in body["items"]
    ]


def test_revision_diff_keeps_from_and_to() -> None:
    diffs = [podio.ItemDiff.from_api(entry) for entry in sample("item-revision-diff.json")]
    first = sample("item-revision-diff.json")[0]
    assert diffs[0].from_ == first["from"] and diffs[0].to == first["to"]
    assert diffs[0].as_json()["from"] == first["from"]


# -- the item's own create / update / save / destroy ------------------------------------------


def test_new_item_saves_by_creating_and_takes_in_the_answer(api: MockPodio) -> None:
    answer = {**sample("item-get-basic-fields.json"), "item_id": 100}
    api.on("POST", "/item/app/5/", answer)
    new = podio.Item(app_id=5, fields={"title": "Hi", "status": [1]}, tags=["new"], file_ids=[3])
    assert new.new_record
    assert new.save(silent=True) is True
    assert api.last.json == {
        "fields": {"title": [{"value": "Hi"}], "status": [{"value": 1}]},
        "tags": ["new"],
        "file_ids": [3],
    }
    assert api.last.params == {"silent": "1"}
    assert new.item_id == 100 and new.persisted and new.error is None
    assert new.title == answer["title"] and new.revision == answer["revision"]
    assert new.fields is not None and all(isinstance(f, podio.ItemField) for f in new.fields)


def test_instance_create_without_app_id_fails_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="app_id"):
        podio.Item(fields={"title": "x"}).create()
    assert api.calls == []


def test_saving_a_fetched_item_updates_with_its_revision(api: MockPodio) -> None:
    body = sample("item-get-all-fields.json")
    item_id = body["item_id"]
    api.on("GET", f"/item/{item_id}", body)
    found = podio.Item.find(item_id)
    assert found.fields is not None
    found.fields[0].values = [{"value": "Changed"}]
    found.tags = ["x"]
    api.on("PUT", f"/item/{item_id}", {"revision": body["revision"] + 1, "title": "Changed"})
    assert found.save(hook=False) is True
    sent = api.last.json
    assert api.last.params == {"hook": "0"}
    assert sent["revision"] == body["revision"] and sent["tags"] == ["x"]
    # Only what changed is sent: the edited field, not the others (nor calculations).
    assert sent["fields"] == {str(body["fields"][0]["field_id"]): [{"value": "Changed"}]}
    assert (found.revision, found.title) == (body["revision"] + 1, "Changed")


def test_a_conflicting_save_returns_false_and_keeps_the_error(api: MockPodio) -> None:
    api.on("PUT", "/item/42", CONFLICT, status=409)
    stale = podio.Item.from_api({"item_id": 42, "revision": 3, "fields": [FIELD]})
    stale["title"] = "Mine"
    assert stale.update() is False
    assert isinstance(stale.error, podio.ConflictError)
    assert stale.error_code == "conflict" and stale.revision == 3
    assert api.last.json == {"fields": {"title": [{"value": "Mine"}]}, "revision": 3}


def test_an_update_that_changes_nothing_still_succeeds(api: MockPodio) -> None:
    api.on("PUT", "/item/42", status=204)
    same = podio.Item(item_id=42, external_id="crm-1")
    assert same.save() is True
    assert api.last.json == {"external_id": "crm-1"} and same.error is None


def test_destroy_deletes_the_item(api: MockPodio) -> None:
    api.on("DELETE", "/item/42", status=204)
    assert podio.Item(item_id=42).destroy(silent=True) is True
    assert (api.last.method, api.last.path, api.last.params) == (
        "DELETE",
        "/item/42",
        {"silent": "1"},
    )
    api.on("DELETE", "/item/43", {"error": "not_found", "error_description": "gone"}, status=404)
    missing = podio.Item(item_id=43)
    assert missing.destroy() is False and missing.error_code == "not_found"


def test_destroy_without_an_id_fails_before_sending(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="item_id"):
        podio.Item(title="never saved").destroy()
    assert api.calls == []


async def test_async_instance_operations(api: MockPodio) -> None:
    api.on("POST", "/item/app/5/", {"item_id": 7, "title": "A", "revision": 0})
    new = podio.Item(app_id=5, fields=[{"external_id": "title", "values": [{"value": "A"}]}])
    assert await new.asave() is True
    assert api.last.json == {"fields": {"title": [{"value": "A"}]}}
    api.on("PUT", "/item/7", {"revision": 1, "title": "B"})
    new.fields = [podio.ItemField(external_id="title", values=[{"value": "B"}])]
    assert await new.asave() is True and new.revision == 1
    assert api.last.json == {"fields": {"title": [{"value": "B"}]}, "revision": 0}
    api.on("DELETE", "/item/7", status=204)
    assert await new.adestroy() is True


def test_a_definition_cached_before_the_app_changed_is_not_used_for_its_items(
    api: MockPodio,
) -> None:
    api.on("POST", "/item/app/5/", {"item_id": 8})
    podio.Item.create(5, fields={"title": "x"})  # caches APP_5 (revision 2)
    api.on("GET", "/item/42", {**ITEM, "app": {"app_id": 5, "current_revision": 3}})
    changed_app = {
        **APP_5,
        "current_revision": 3,
        "fields": [
            APP_5["fields"][0],
            {
                "field_id": 9,
                "external_id": "notes",
                "type": "text",
                "label": "Notes",
                "status": "active",
                "config": {"label": "Notes", "required": False, "settings": {"size": "small"}},
            },
        ],
    }
    api.on("GET", "/app/5", changed_app)
    item = podio.Item.find(42)
    # The cached revision 2 still has "status" and lacks "notes": neither is taken from it.
    assert "status" not in item.values
    item["notes"] = "added since"
    api.on("PUT", "/item/42", {"revision": 1, "title": "Hello"})
    assert item.save() is True
    assert [call.path for call in api.calls].count("/app/5") == 2  # fetched again for the save
    assert api.last.json["fields"] == {"notes": [{"value": "added since"}]}
    assert "notes" in item.values  # the fresh definition is the one kept
    assert "status" not in item.values


def test_listed_items_know_their_app_and_save_values_checked_against_it(api: MockPodio) -> None:
    listed = {"item_id": 42, "revision": 0, "title": "Hi", "fields": [FIELD]}  # no "app"
    api.on("POST", "/item/app/5/filter/", {"items": [listed], "filtered": 1, "total": 1})
    api.on("GET", "/item/app/5/", {"items": [listed], "filtered": 1, "total": 1})
    api.on("PUT", "/item/42", {"revision": 1, "title": "Hi"})
    found = [
        podio.Item.find_by_filter_values(5).all[0],
        podio.Item.find_all(5).all[0],
        next(iter(podio.Item.iter_all(5))),
    ]
    for item in found:
        assert item.app_id == 5
        assert item.as_json() == listed  # nothing added to what Podio sent
        item["status"] = "Done"  # an empty field: only the app's definition knows it
        assert item.save() is True
        assert api.last.json == {"fields": {"status": [{"value": 3}]}, "revision": 0}
    assert [call.path for call in api.calls].count("/app/5") == 1


async def test_async_listed_items_know_their_app(api: MockPodio) -> None:
    listed = {"item_id": 42, "revision": 0, "title": "Hi", "fields": [FIELD]}
    api.on("POST", "/item/app/5/filter/", {"items": [listed], "filtered": 1, "total": 1})
    assert [item.app_id async for item in podio.Item.iter_all(5)] == [5]
    assert (await podio.Item.afind_by_filter_values(5)).all[0].app_id == 5


def test_create_and_update_are_class_and_instance_operations(api: MockPodio) -> None:
    api.on("POST", "/item/app/5/", {"item_id": 8})
    created = podio.Item.create(5, fields={"title": "x"})
    assert type(created) is podio.Item and created.item_id == 8
    assert podio.Item(app_id=5).create() is True
    assert api.last.json == {"fields": {}}
    assert len([call for call in api.calls if call.path == "/app/5"]) == 1  # fetched once

    class Lead(podio.Item):
        pass

    assert type(Lead.create(5)) is Lead


def test_app_id_comes_from_the_app_unless_given() -> None:
    assert podio.Item(app={"app_id": 3}).app_id == 3
    assert podio.Item(app_id=4, app={"app_id": 3}).app_id == 4
    given = podio.Item()
    given.app_id = 9
    assert given.app_id == 9 and podio.Item().app_id is None


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ("title", TypeError),
        ([42], TypeError),
        ([{"values": [1]}], ValueError),
        ([podio.ItemField(values=[1])], ValueError),
    ],
)
def test_malformed_fields_fail_before_sending(api: MockPodio, fields: Any, error: type) -> None:
    with pytest.raises(error):
        podio.Item.create(5, fields=fields)
    assert api.calls == []


@pytest.mark.parametrize("kwargs", [{"tags": "urgent"}, {"file_ids": 3}, {"file_ids": b"3"}])
def test_tags_and_file_ids_must_be_lists(api: MockPodio, kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match="must be a list"):
        podio.Item.create(5, **kwargs)
    with pytest.raises(TypeError, match="must be a list"):
        podio.Item.update(42, **kwargs)
    assert api.calls == []


def test_a_list_of_item_fields_is_sent_in_podio_s_documented_form(api: MockPodio) -> None:
    api.on("POST", "/item/app/5/", {"item_id": 1})
    podio.Item.create(
        5,
        fields=[
            podio.ItemField(field_id=7, external_id="title", values=[{"value": "A"}]),
            podio.ItemField(external_id="notes", values=None),
            podio.ItemField(external_id="total", type="calculation", values=[{"value": 3}]),
            {"external_id": "status", "values": [1]},
        ],
    )
    assert api.last.json == {"fields": {"7": [{"value": "A"}], "status": [1]}}


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({}, ValueError), ({"item_ids": []}, ValueError), ({"item_ids": "1,2"}, TypeError)],
    ids=["nothing", "empty", "string"],
)
def test_bulk_delete_refuses_an_empty_selection(
    api: MockPodio, kwargs: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error, match="item_ids"):
        podio.Item.bulk_delete(5, **kwargs)
    assert api.calls == []


# -- walking every page ------------------------------------------------------------------------


def _paged_app(mock: MockPodio, total: int) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        start, size = body["offset"], body["limit"]
        items = [{"item_id": n} for n in range(start, min(start + size, total))]
        return httpx.Response(200, json={"items": items, "filtered": total, "total": 99})

    mock.on("POST", "/item/app/5/filter/", handler=answer)
    mock.on("POST", "/item/app/5/filter/8/", handler=answer)


def test_iter_all_walks_every_page_lazily(api: MockPodio) -> None:
    _paged_app(api, total=5)
    pager = podio.Item.iter_all(5, {"status": [1]}, sort_by="title", page_size=2)
    assert api.calls == []
    found = list(pager)
    assert [entry.item_id for entry in found] == [0, 1, 2, 3, 4]
    assert all(type(entry) is podio.Item for entry in found)
    assert [call.json for call in api.calls] == [
        {"filters": {"status": [1]}, "sort_by": "title", "limit": 2, "offset": offset}
        for offset in (0, 2, 4)
    ]
    assert pager.matching == 5


async def test_iter_all_and_iter_by_view_serve_async_for(api: MockPodio) -> None:
    _paged_app(api, total=3)
    assert [entry.item_id async for entry in podio.Item.iter_all(5)] == [0, 1, 2]
    assert api.last.json == {"filters": {}, "limit": 100, "offset": 0}
    assert [entry.item_id async for entry in podio.Item.iter_by_view(5, 8, page_size=2)] == [
        0,
        1,
        2,
    ]
    assert [call.json for call in api.calls[-2:]] == [
        {"limit": 2, "offset": 0},
        {"limit": 2, "offset": 2},
    ]


def test_iter_all_stops_when_the_filtered_count_is_reached(api: MockPodio) -> None:
    _paged_app(api, total=4)
    assert len(list(podio.Item.iter_all(5, page_size=2))) == 4
    assert len(api.calls) == 2  # the second page was full, but Podio said 4 match


@pytest.mark.parametrize(("size", "error"), [(0, ValueError), (501, ValueError), (True, TypeError)])
def test_iter_all_rejects_a_page_size_podio_does_not_take(
    api: MockPodio, size: Any, error: type
) -> None:
    with pytest.raises(error):
        podio.Item.iter_all(5, page_size=size)
    with pytest.raises(error):
        podio.Item.iter_by_view(5, 8, page_size=size)
    assert api.calls == []


def test_iter_all_checks_the_app_id_at_once(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="app_id"):
        podio.Item.iter_all("")  # type: ignore[arg-type]
    assert api.calls == []


def test_filtering_is_retried_after_a_dropped_connection_but_creating_is_not(
    api: MockPodio,
) -> None:
    attempts: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        if len(attempts) == 1:
            raise httpx.ReadError("connection reset", request=request)
        return httpx.Response(200, json=ENVELOPE)

    api.on("POST", "/item/app/5/filter/", handler=flaky)
    assert podio.Item.filter(5).count == 1 and len(attempts) == 2

    attempts.clear()
    api.on("POST", "/item/app/5/", handler=flaky)
    with pytest.raises(podio.PodioConnectionError):
        podio.Item.create(5, fields={"title": "once"})
    assert len(attempts) == 1


def test_results_remember_their_client(mock_podio: MockPodio) -> None:
    client = mock_podio.client()
    mock_podio.on("GET", "/item/42", ITEM)
    found = podio.Item.find(42, client=client)
    mock_podio.on("DELETE", "/item/42", status=204)
    assert found.destroy() is True  # no default client: the one that fetched it is used
    assert_result(found, podio.Item(ITEM))


def test_an_item_with_fields_nested_past_the_json_depth_is_still_read(api: MockPodio) -> None:
    """Item.from_api noted its fields as JSON and raised ValueError when a value was nested
    past the serializer's depth (258 levels)."""
    deep: Any = "leaf"
    for _ in range(300):
        deep = [deep]
    api.on("GET", "/item/1", {"item_id": 1, "fields": [{"field_id": 4, "values": [deep]}]})
    item = podio.Item.find(1)
    assert item.item_id == 1 and item.fields is not None
    assert item.fields[0].field_id == 4


def test_an_item_fetches_its_definition_through_its_own_client(mock_podio: MockPodio) -> None:
    """save() and create() on an item fetched with client= asked the default client for the
    app's definition: with none set up, ConfigurationError."""
    mock_podio.on("GET", "/item/1", {"item_id": 1, "app": {"app_id": 7}, "fields": []})
    mock_podio.on(
        "GET",
        "/app/7",
        {"app_id": 7, "fields": [{"field_id": 3, "external_id": "title", "type": "text"}]},
    )
    mock_podio.on("PUT", "/item/1", {"revision": 2})
    mock_podio.on("POST", "/item/app/7/", {"item_id": 2})
    client = mock_podio.client()
    item = podio.Item.find(1, client=client)
    item["title"] = "Renamed"
    assert item.save() is True
    assert mock_podio.last.json == {"fields": {"title": [{"value": "Renamed"}]}}
    fresh = podio.Item({"app_id": 7})
    fresh._client = client
    fresh["title"] = "New"
    assert fresh.create() is True
    assert fresh.item_id == 2


def test_a_new_item_whose_app_definition_is_known_sends_each_value_once(api: MockPodio) -> None:
    """item[key] = value also shows the value in `fields` under its field_id once the app's
    definition is cached; create() sent both and failed "is the same field as '3'"."""
    api.on(
        "GET",
        "/app/7",
        {"app_id": 7, "fields": [{"field_id": 3, "external_id": "title", "type": "text"}]},
    )
    api.on("POST", "/item/app/7/", {"item_id": 2})
    podio.Item.create(7, fields={"title": "First"})  # the definition is now known
    fresh = podio.Item({"app_id": 7})
    fresh["title"] = "New"
    assert fresh["title"].value == "New"
    assert fresh.create() is True
    assert api.last.json == {"fields": {"title": [{"value": "New"}]}}


def test_iter_all_raw_gives_the_same_pages_as_json(api: MockPodio) -> None:
    _paged_app(api, 7)
    raw = list(podio.Item.iter_all.raw(5, page_size=3))
    models = list(podio.Item.iter_all(5, page_size=3))
    assert all(type(entry) is dict for entry in raw)
    assert [entry["item_id"] for entry in raw] == [item.item_id for item in models]
