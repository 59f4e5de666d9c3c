"""App definitions: found by any key, read-only and required known, cached per client."""

from __future__ import annotations

import gc

import pytest

import podio
from podio.fields import AppSchema, CategoryOption, FieldValueError, SchemaCache

from ._support import EVERY_TYPE_APP, sample


def test_a_schema_reads_the_sample_apps() -> None:
    app = AppSchema.from_app(sample("app-get-all-fields-2014.json"))
    assert (app.app_id, app.revision, app.name, app.item_name) == (6686618, 4, "Testing", "thing")
    assert len(app) == 15 and app.complete
    assert app["question"].options == (CategoryOption(1, "3"), CategoryOption(2, "4"))
    assert app["calculation"].read_only and app["calculation"].return_type == "number"
    assert app["money"].allowed_currencies == ("EUR", "DKK", "USD")
    assert app["app-reference"].multiple and not app["category"].multiple
    assert app[51928216] is app["number"] is app["Number"] is app["nUMBER"]
    old = AppSchema.from_app(sample("app-get-question-field-2014.json"))
    assert old["question"].type == "question" and old.revision is None
    assert old["calculation"].return_type == "number"  # expression tree, no return_type


def test_deleted_fields_are_not_part_of_the_schema() -> None:
    large = AppSchema.from_app(sample("app-get-large.json"))
    assert len(large) == 56
    assert "test-label2-63" in large
    assert all(f.status == "active" for f in large)
    assert "gone" not in AppSchema.from_app(EVERY_TYPE_APP)


def test_unknown_keys_raise_key_error_or_field_value_error_with_suggestions() -> None:
    app = AppSchema.from_app(sample("app-get-all-fields-2014.json"))
    with pytest.raises(KeyError, match="did you mean 'money'"):
        app["mony"]
    with pytest.raises(FieldValueError) as error:
        app.resolve("Progress slidr")
    assert error.value.choices == ("progress-slider",)
    assert app.get("nothing") is None and 999 not in app and "Contact" in app
    assert app.find(True) is None


def test_options_are_found_by_id_or_text() -> None:
    status = AppSchema.from_app(EVERY_TYPE_APP)["status"]
    assert status.option(2) == CategoryOption(2) and status.option("Doing").id == 2
    with pytest.raises(FieldValueError, match="options are chosen by id"):
        status.option(1.5)  # type: ignore[arg-type]


def test_app_json_must_have_fields() -> None:
    with pytest.raises(ValueError, match="'fields' list"):
        AppSchema.from_app({"app_id": 1})
    assert AppSchema.coerce(None) is None
    assert AppSchema.coerce(EVERY_TYPE_APP["fields"]).find("title") is not None  # type: ignore[union-attr]


def test_the_cache_keeps_one_schema_per_client_and_app() -> None:
    cache = SchemaCache()
    first, second = podio.Client(), podio.Client()
    loads: list[int] = []

    def load() -> dict[str, object]:
        loads.append(1)
        return EVERY_TYPE_APP

    schema = cache.get_or_load(first, 777, load)
    assert cache.get_or_load(first, 777, load) is schema and len(loads) == 1
    assert cache.get(second, 777) is None
    assert cache.get(first, 777, revision=12) is schema
    assert cache.get(first, 777, revision=13) is None  # the app changed: fetch again
    cache.get_or_load(first, 777, load, revision=13)
    assert len(loads) == 2
    cache.put(second, 777, schema)
    cache.invalidate(app_id=777)
    assert len(cache) == 0


def test_the_cache_forgets_a_client_that_is_gone() -> None:
    cache = SchemaCache()
    client = podio.Client()
    cache.put(client, 1, AppSchema([]))
    cache.put(object.__new__(object), 2, AppSchema([]))  # not weak-referenceable: kept
    assert len(cache) == 2
    del client
    gc.collect()
    assert len(cache) == 1


async def test_the_cache_loads_asynchronously_too() -> None:
    cache = SchemaCache()
    client = podio.Client()

    async def load() -> dict[str, object]:
        return EVERY_TYPE_APP

    schema = await cache.aget_or_load(client, 777, load)
    assert schema.app_id == 777 and cache.get(client, 777) is schema
