"""Type-checked, never run: items, apps and views as a caller sees them (mypy --strict)."""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_type

import podio
from podio._pagination import Collection, Pager


class Lead(podio.Item):
    pass


def sync_calls() -> None:
    assert_type(podio.Item.find(42), podio.Item)
    assert_type(podio.Item.create(5, fields={"title": "Hi"}), podio.Item)
    assert_type(Lead.create(5), Lead)
    assert_type(podio.Item.update(42, fields={"title": "Hi"}), dict[str, Any] | None)
    item = podio.Item(app_id=5, fields={"title": "Hi"})
    assert_type(item.create(silent=True), bool)
    assert_type(item.update(), bool)
    assert_type(item.save(), bool)
    assert_type(item.destroy(), bool)
    assert_type(podio.Item.filter(5, {"status": [1]}), Collection[podio.Item])
    assert_type(podio.Item.find_by_filter_values(5), Collection[podio.Item])
    assert_type(Lead.iter_all(5, page_size=500), Pager[Lead])
    assert_type(podio.Item.count(5, status=[1]), int)
    assert_type(podio.Item.xlsx(5), bytes)
    assert_type(podio.Item.find_values(42), list[podio.ItemField])
    assert_type(podio.ItemRevision.find_all_by_item_id(42), list[podio.ItemRevision])
    assert_type(podio.Application.find(5, view="micro"), podio.Application)
    assert_type(podio.ApplicationField.update(5, 7, {"config": {}}), int)
    assert_type(podio.View.find("Open", 5), podio.View)
    assert_type(podio.Reference.count_users_with_access("item", 42), int)
    assert_type(podio.Reference.find_users_with_access("item", 42), list[podio.Profile])


async def async_calls() -> None:
    assert_type(await podio.Item.acreate(5), podio.Item)
    assert_type(await Lead.acreate(5), Lead)
    assert_type(await podio.Item.aupdate(42), dict[str, Any] | None)
    item = podio.Item(item_id=42)
    assert_type(await item.acreate(), bool)
    assert_type(await item.aupdate(hook=False), bool)
    assert_type(await item.asave(), bool)
    assert_type(await item.adestroy(), bool)
    assert_type(await podio.Item.afilter(5), Collection[podio.Item])
    assert_type(await podio.Batch.afind(3), podio.Batch)
