"""Items: ``/item/...`` (endpoints.tsv area ``items``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...db import loads
from ...errors import PodioError, forbidden, invalid_value, not_found
from ...fieldtypes import (
    app_values,
    calculate,
    diff_values,
    field_range,
    parse_query_filters,
    render_field_values,
    render_item_fields,
)
from ...request import ApiRequest, describe
from ...routing import Router
from ..applications.models import engine_errors
from . import models
from .models import ItemContext, Renderer
from .resolver import context_for

router = Router("items")


def _app(req: ApiRequest, *, write: bool = False) -> ItemContext:
    principal = req.require_principal()
    ctx = context_for(req.tx, req.web_url, principal)
    return models.open_app(req.tx, principal, req.id("app_id"), ctx, req.web_url, write=write)


def _item(req: ApiRequest, *, write: bool = False) -> tuple[ItemContext, Any]:
    principal = req.require_principal()
    ctx = context_for(req.tx, req.web_url, principal)
    return models.open_item(req.tx, principal, req.id("item_id"), ctx, req.web_url, write=write)


def _field_app(req: ApiRequest) -> tuple[ItemContext, Any]:
    """The app context of ``{field_id}`` in ``/item/field/{field_id}/...``."""
    row = req.tx.one(
        "SELECT app_id FROM app_fields WHERE field_id = ? AND status = 'active'",
        (req.id("field_id"),),
    )
    if row is None:
        raise not_found("Field not found")
    principal = req.require_principal()
    ctx = context_for(req.tx, req.web_url, principal)
    ictx = models.open_app(req.tx, principal, int(row["app_id"]), ctx, req.web_url)
    fld = ictx.index.by_id(req.id("field_id"))
    return ictx, fld


def _wants_files(req: ApiRequest) -> bool:
    """``?fields=items.fields(files)`` adds attachments to collection items (items.md §2)."""
    return "files" in (req.query_str("fields", "") or "")


def _collection(ictx: ItemContext, result: models.FilterResult, *, files: bool) -> dict[str, Any]:
    renderer = Renderer(ictx)
    return {
        "total": result.total,
        "filtered": result.filtered,
        "items": [renderer.short(row, with_files=files) for row in result.rows],
    }


def _query_filters(req: ApiRequest, ictx: ItemContext) -> dict[str, Any]:
    query = dict(req.query.items())
    with engine_errors():
        return parse_query_filters(ictx.index, query)


# -- single items ---------------------------------------------------------------------------


@router.post("/item/app/{app_id}/")
def add_new_item(req: ApiRequest) -> object:
    """Create an item; answers the full item (items.md §3)."""
    ictx = _app(req, write=True)
    item_id = models.create_item(ictx, req.json_object())
    return models.item_full(ictx, models.item_row(req.tx, item_id))


@router.get("/item/{item_id}")
def get_item(req: ApiRequest) -> object:
    ictx, row = _item(req)
    return models.item_full(ictx, row)


@router.get("/item/{item_id}/basic")
def get_item_basic(req: ApiRequest) -> object:
    ictx, row = _item(req)
    return models.item_full(ictx, row, basic=True)


@router.get("/app/{app_id}/item/{app_item_id:int}")
def get_item_by_app_item_id(req: ApiRequest) -> object:
    ictx = _app(req)
    row = req.tx.one(
        "SELECT item_id FROM items WHERE app_id = ? AND app_item_id = ?",
        (ictx.app.app_id, req.param("app_item_id")),
    )
    if row is None:
        raise not_found("Item not found")
    return models.item_full(ictx, models.item_row(req.tx, int(row["item_id"])))


@router.get("/item/app/{app_id}/external_id/{external_id:str}")
def get_item_by_external_id(req: ApiRequest) -> object:
    """With duplicate external ids the most recently created item is returned."""
    ictx = _app(req)
    row = req.tx.one(
        "SELECT * FROM items WHERE app_id = ? AND external_id = ? AND status = 'active' "
        "ORDER BY item_id DESC LIMIT 1",
        (ictx.app.app_id, str(req.param("external_id"))),
    )
    if row is None:
        raise not_found("Item not found")
    return models.item_full(ictx, row)


@router.get("/item/app/{app_id}/v2/")
def get_items_by_external_id(req: ApiRequest) -> object:
    """Every item with ``?external_id=``, as a collection."""
    ictx = _app(req)
    external_id = req.query_str("external_id")
    if external_id is None:
        raise invalid_value("Invalid value null (null): external_id must be given")
    result = models.filter_items(
        ictx,
        {"external_id": external_id},
        limit=req.query_int("limit", models.MAX_LIMIT, minimum=1, maximum=models.MAX_LIMIT),
        offset=req.query_int("offset", 0, minimum=0),
    )
    return _collection(ictx, result, files=_wants_files(req))


@router.put("/item/{item_id}")
def update_item(req: ApiRequest) -> object:
    """Only given fields change; 409 on a stale ``revision``; 204 when nothing changed."""
    ictx, row = _item(req, write=True)
    return models.update_item(ictx, row, req.json_object())


@router.put("/item/{item_id}/value")
def update_item_values(req: ApiRequest) -> object:
    """The body is the ``fields`` object itself -> ``{"revision", "title"}``."""
    ictx, row = _item(req, write=True)
    body = req.json()
    if isinstance(body, list):
        return models.update_item(ictx, row, {}, fields=body)
    return models.update_item(ictx, row, {}, fields=req.json_object())


@router.put("/item/{item_id}/value/{field_key:str}")
def update_item_field_values(req: ApiRequest) -> object:
    """The body is the field's value(s), e.g. ``[1, 3]`` -> ``{"revision", "title"}``."""
    ictx, row = _item(req, write=True)
    field_key = str(req.param("field_key"))
    with engine_errors():
        ictx.index.get(field_key)
    body = req.json()
    if body is None:
        req.json_object()  # no body: Podio's "No matching operation ... No body was given."
    return models.update_item(ictx, row, {}, fields={field_key: body})


@router.get("/item/{item_id}/value")
def get_item_values(req: ApiRequest) -> object:
    """The item's fields with values (full field view)."""
    ictx, row = _item(req)
    return render_item_fields(ictx.index, models.decode_values(row["field_values"]), ictx.ctx)


@router.get("/item/{item_id}/value/v2")
def get_item_values_v2(req: ApiRequest) -> object:
    """The values keyed by external_id (README: the v2 shape is not documented)."""
    ictx, row = _item(req)
    values = models.decode_values(row["field_values"])
    out: dict[str, Any] = {}
    for fld in ictx.index.active:
        rendered = render_field_values(fld, values.get(fld.field_id, []), ictx.ctx)
        if rendered:
            out[fld.external_id] = rendered
    return out


def _field_values(req: ApiRequest) -> list[dict[str, Any]]:
    ictx, row = _item(req)
    with engine_errors():
        fld = ictx.index.get(str(req.param("field_key")))
    return render_field_values(
        fld, models.decode_values(row["field_values"]).get(fld.field_id, []), ictx.ctx
    )


@router.get("/item/{item_id}/value/{field_key:str}")
def get_item_field_values(req: ApiRequest) -> object:
    return _field_values(req)


@router.get("/item/{item_id}/value/{field_key:str}/v2")
def get_item_field_values_v2(req: ApiRequest) -> object:
    return _field_values(req)


@router.delete("/item/{item_id}")
def delete_item(req: ApiRequest) -> object:
    ictx, row = _item(req, write=True)
    models.delete_item(ictx, row)
    return None


@router.post("/item/app/{app_id}/delete", heavy=True)
def bulk_delete_items(req: ApiRequest) -> object:
    """``{"item_ids": [...]}`` or ``{"view_id", "filters"}`` -> ``{"deleted", "pending"}``.

    App tokens may not bulk delete (items.md §3). Deletion completes at once here, so
    ``pending`` is always empty.
    """
    principal = req.require_principal()
    if principal.type == "app":
        raise forbidden("App authentication may not bulk delete items")
    ictx = _app(req, write=True)
    body = req.json_object()
    item_ids = body.get("item_ids")
    if item_ids is not None:
        if not isinstance(item_ids, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in item_ids
        ):
            raise invalid_value(f"Invalid value {describe(item_ids)}: item_ids must be ids")
        rows = []
        for item_id in dict.fromkeys(item_ids):
            row = req.tx.one(
                "SELECT * FROM items WHERE item_id = ? AND app_id = ? AND status = 'active'",
                (item_id, ictx.app.app_id),
            )
            if row is None:
                raise not_found(f"Item {item_id} not found in this app")
            rows.append(row)
    else:
        filters: Any = body.get("filters") or {}
        view_id = body.get("view_id")
        if view_id is not None:
            view = models.view_filter(ictx, int(view_id))
            filters = _merge_filters(view["filters"], filters)
        result = models.filter_items(ictx, filters, limit=models.MAX_LIMIT)
        rows = list(result.rows)
        while len(rows) < result.filtered:
            more = models.filter_items(ictx, filters, limit=models.MAX_LIMIT, offset=len(rows))
            rows.extend(more.rows)
    deleted = []
    for row in rows:
        if not models.can_edit(ictx, row):
            raise forbidden(f"You may not delete item {row['item_id']}")
        models.delete_item(ictx, row)
        deleted.append(int(row["item_id"]))
    return {"deleted": deleted, "pending": []}


def _merge_filters(base: Any, extra: Any) -> list[dict[str, Any]]:
    listed = list(base or [])
    if isinstance(extra, Mapping):
        listed.extend({"key": k, "values": v} for k, v in extra.items())
    else:
        listed.extend(extra or [])
    return listed


@router.post("/item/{item_id}/clone")
def clone_item(req: ApiRequest) -> object:
    ictx, row = _item(req)
    if ictx.app.status != "active":
        raise forbidden("The app is not active")
    return {"item_id": models.clone_item(ictx, row)}


# -- collections ----------------------------------------------------------------------------


@router.post("/item/app/{app_id}/filter/", heavy=True)
def filter_items(req: ApiRequest) -> object:
    """``{"filters", "sort_by", "sort_desc", "limit" (30, at most 500), "offset",
    "remember"}`` -> ``{"total", "filtered", "items"}`` in the short item view."""
    ictx = _app(req)
    body = req.json_object(required=False)
    result = models.filter_items(
        ictx,
        body.get("filters"),
        sort_by=body.get("sort_by"),
        sort_desc=body.get("sort_desc"),
        limit=body.get("limit"),
        offset=body.get("offset"),
    )
    if body.get("remember"):
        models.remember_view(ictx, body.get("filters"), body.get("sort_by"), body.get("sort_desc"))
    return _collection(ictx, result, files=_wants_files(req))


@router.post("/item/app/{app_id}/filter/{view_id:int}/", heavy=True)
def filter_items_by_view(req: ApiRequest) -> object:
    """The view's filters; sort from the body or else the view's; view 0 = last used."""
    ictx = _app(req)
    view = models.view_filter(ictx, int(req.param("view_id")))
    body = req.json_object(required=False)
    sort_by = body.get("sort_by", view["sort_by"])
    sort_desc = body.get("sort_desc", view["sort_desc"])
    result = models.filter_items(
        ictx,
        view["filters"],
        sort_by=sort_by,
        sort_desc=sort_desc,
        limit=body.get("limit"),
        offset=body.get("offset"),
    )
    if body.get("remember"):
        models.remember_view(ictx, view["filters"], sort_by, sort_desc)
    return _collection(ictx, result, files=_wants_files(req))


@router.get("/item/app/{app_id}/", heavy=True)
def get_items(req: ApiRequest) -> object:
    """Query-string filters (``?status=1;2&amount=20-100``), ``view_id``, paging, sort."""
    ictx = _app(req)
    filters: Any = _query_filters(req, ictx)
    view_id = req.query_str("view_id")
    sort_by: Any = req.query_str("sort_by")
    sort_desc = req.query_bool("sort_desc", True)
    if view_id is not None and view_id.isdigit():
        view = models.view_filter(ictx, int(view_id))
        filters = _merge_filters(view["filters"], filters)
        if sort_by is None:
            sort_by, sort_desc = view["sort_by"], view["sort_desc"]
    result = models.filter_items(
        ictx,
        filters,
        sort_by=sort_by,
        sort_desc=sort_desc,
        limit=req.query_int("limit", models.DEFAULT_LIMIT, minimum=1, maximum=models.MAX_LIMIT),
        offset=req.query_int("offset", 0, minimum=0),
    )
    return _collection(ictx, result, files=_wants_files(req))


@router.get("/item/app/{app_id}/count", slash="both")
def get_item_count(req: ApiRequest) -> object:
    """``{"count"}`` of the items matching query filters and/or ``view_id``."""
    ictx = _app(req)
    filters: Any = _query_filters(req, ictx)
    view_id = req.query_str("view_id")
    if view_id is not None and view_id.isdigit():
        filters = _merge_filters(models.view_filter(ictx, int(view_id))["filters"], filters)
    return {"count": models.count_items(ictx, filters)}


@router.post("/item/app/{app_id}/calculate", heavy=True)
def calculate_items(req: ApiRequest) -> object:
    ictx = _app(req)
    with engine_errors():
        return calculate(
            ictx.index, models.load_records(req.tx, ictx.app.app_id), req.json_object(), ictx.ctx
        )


@router.get("/item/app/{app_id}/values")
def get_app_values(req: ApiRequest) -> object:
    """``{"fields", "created_bys", "created_vias", "tags"}``: values in use (filter choices)."""
    ictx = _app(req)
    records = models.load_records(req.tx, ictx.app.app_id)
    renderer = Renderer(ictx)
    authors = dict.fromkeys(r.created_by for r in records if r.created_by is not None)
    vias: dict[int, Any] = {}
    for row in req.tx.query(
        "SELECT created_via FROM items WHERE app_id = ? AND status = 'active'",
        (ictx.app.app_id,),
    ):
        via = loads(row["created_via"], {}) or {}
        if via.get("id") is not None:
            vias.setdefault(int(via["id"]), via)
    tags = sorted({t for r in records for t in r.tags}, key=str.lower)
    return {
        "fields": app_values(ictx.index, records, ictx.ctx),
        "created_bys": [renderer.byline(kind, ident) for kind, ident in authors],
        "created_vias": list(vias.values()),
        "tags": tags,
    }


# -- revisions ------------------------------------------------------------------------------


@router.get("/item/{item_id}/revision/")
def get_item_revisions(req: ApiRequest) -> object:
    ictx, row = _item(req)
    renderer = Renderer(ictx)
    revisions = req.tx.query(
        "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision", (row["item_id"],)
    )
    return [renderer.revision(r) for r in revisions]


def _revision_row(req: ApiRequest, item_id: int, revision: int) -> Any:
    rev = req.tx.one(
        "SELECT * FROM item_revisions WHERE item_id = ? AND revision = ?", (item_id, revision)
    )
    if rev is None:
        raise not_found("Revision not found")
    return rev


@router.get("/item/{item_id}/revision/{revision:int}")
def get_item_revision(req: ApiRequest) -> object:
    ictx, row = _item(req)
    return Renderer(ictx).revision(
        _revision_row(req, int(row["item_id"]), int(req.param("revision")))
    )


@router.get("/item/{item_id}/revision/{revision_from:int}/{revision_to:int}")
def get_item_revision_difference(req: ApiRequest) -> object:
    """Changed fields between two revisions (samples/item-revision-diff.json)."""
    ictx, row = _item(req)
    item_id = int(row["item_id"])
    before = _revision_row(req, item_id, int(req.param("revision_from")))
    after = _revision_row(req, item_id, int(req.param("revision_to")))
    return diff_values(
        ictx.index,
        models.decode_values(before["field_values"]),
        models.decode_values(after["field_values"]),
        ictx.ctx,
    )


@router.delete("/item/{item_id}/revision/{revision:int}")
def revert_item_revision(req: ApiRequest) -> object:
    """Undo the changes of one revision -> ``{"revision"}`` (204 when nothing to undo)."""
    ictx, row = _item(req, write=True)
    result = models.revert_revision(ictx, row, int(req.param("revision")))
    return None if result is None else {"revision": result["revision"]}


@router.post("/item/{item_id}/revision/{revision:int}/revert_to")
def revert_to_revision(req: ApiRequest) -> object:
    """All values back as they were at that revision -> ``{"revision"}``."""
    ictx, row = _item(req, write=True)
    result = models.revert_to_revision(ictx, row, int(req.param("revision")))
    return None if result is None else {"revision": result["revision"]}


@router.delete("/item/{item_id}/revision/{revision:int}/revert_to")
def revert_to_revision_delete_variant(req: ApiRequest) -> object:
    """podio-dotnet sends DELETE to the revert_to path (endpoints.tsv); same effect."""
    return revert_to_revision(req)


# -- references -----------------------------------------------------------------------------


@router.get("/item/{item_id}/reference/")
def get_item_references(req: ApiRequest) -> object:
    """Items referring to this one, grouped by app field: ``[{"app", "field", "items"}]``."""
    ictx, row = _item(req)
    refs = req.tx.query(
        "SELECT r.field_id, r.item_id FROM item_refs r JOIN items i ON i.item_id = r.item_id "
        "JOIN apps a ON a.app_id = i.app_id WHERE r.ref_item_id = ? AND i.status = 'active' "
        "AND a.status != 'deleted' ORDER BY r.field_id, r.item_id",
        (row["item_id"],),
    )
    groups: dict[int, list[int]] = {}
    for ref in refs:
        groups.setdefault(int(ref["field_id"]), []).append(int(ref["item_id"]))
    out = []
    for field_id, item_ids in groups.items():
        out.append(_reference_group(req, ictx, field_id, item_ids))
    return [g for g in out if g is not None]


def _reference_group(
    req: ApiRequest, ictx: ItemContext, field_id: int, item_ids: list[int]
) -> dict[str, Any] | None:
    app_id = req.tx.scalar("SELECT app_id FROM app_fields WHERE field_id = ?", (field_id,))
    if app_id is None:
        return None
    principal = req.require_principal()
    try:
        other = models.open_app(req.tx, principal, int(app_id), ictx.ctx, req.web_url)
    except PodioError:  # items of apps the caller cannot see are left out
        return None
    fld = other.index.by_id(field_id)
    if fld is None or not fld.active:
        return None
    renderer = Renderer(other)
    rows = [models.item_row(req.tx, i) for i in item_ids]
    return {
        "app": renderer.app_mini,
        "field": models.field_reference(fld, other.ctx),
        "items": [models.item_micro(renderer, r) for r in rows],
    }


@router.get("/item/{item_id}/reference/field/{field_id}")
def get_references_to_item_by_field(req: ApiRequest) -> object:
    """Items referring to this one through one app field (item micros)."""
    _ictx, row = _item(req)
    limit = req.query_int("limit", 100, minimum=1, maximum=models.MAX_LIMIT)
    app_id = req.tx.scalar(
        "SELECT app_id FROM app_fields WHERE field_id = ?", (req.id("field_id"),)
    )
    if app_id is None:
        raise not_found("Field not found")
    principal = req.require_principal()
    other = models.open_app(req.tx, principal, int(app_id), _ictx.ctx, req.web_url)
    renderer = Renderer(other)
    refs = req.tx.query(
        "SELECT i.* FROM item_refs r JOIN items i ON i.item_id = r.item_id "
        "WHERE r.ref_item_id = ? AND r.field_id = ? AND i.status = 'active' "
        "ORDER BY i.item_id LIMIT ?",
        (row["item_id"], req.id("field_id"), limit),
    )
    return [models.item_micro(renderer, r) for r in refs]


@router.get("/item/field/{field_id}/find")
def find_items_by_field_and_title(req: ApiRequest) -> object:
    """Candidates for an app-reference field: items of the referenced apps whose title
    contains ``text`` (case-insensitive), newest first; ``limit`` 13 by default."""
    ictx, fld = _field_app(req)
    if fld is None or fld.type != "app":
        raise invalid_value(f"Invalid value {req.id('field_id')} (integer): not an app field")
    text = (req.query_str("text", "") or "").lower()
    limit = req.query_int("limit", 13, minimum=1, maximum=models.MAX_LIMIT)
    not_item = req.query_str("not_item_id")
    excluded = {int(x) for x in (not_item or "").split(",") if x.strip().isdigit()}
    out: list[dict[str, Any]] = []
    principal = req.require_principal()
    for ref in fld.settings.get("referenced_apps", []):
        try:
            target = models.open_app(req.tx, principal, int(ref["app_id"]), ictx.ctx, req.web_url)
        except PodioError:  # apps the caller cannot see are skipped
            continue
        renderer = Renderer(target)
        rows = req.tx.query(
            "SELECT * FROM items WHERE app_id = ? AND status = 'active' "
            "AND instr(lower(title), ?) > 0 ORDER BY item_id DESC",
            (target.app.app_id, text),
        )
        for row in rows:
            if int(row["item_id"]) in excluded:
                continue
            first = req.tx.one(
                "SELECT * FROM item_revisions WHERE item_id = ? ORDER BY revision LIMIT 1",
                (row["item_id"],),
            )
            if first is None:
                continue
            user = renderer.byline(str(first["created_by_type"]), int(first["created_by_id"]))
            config = target.app.config
            out.append(
                {
                    "item_id": row["item_id"],
                    "title": row["title"],
                    "app": {
                        "app_id": target.app.app_id,
                        "name": config["name"],
                        "item_name": config["item_name"],
                        "icon": config["icon"],
                    },
                    "initial_revision": {
                        "revision": first["revision"],
                        "user": {
                            "user_id": user.get("user_id"),
                            "avatar": user.get("avatar"),
                            "name": user.get("name"),
                        },
                        "created_on": first["created_on"],
                    },
                }
            )
    out.sort(key=lambda i: -int(i["item_id"]))
    return out[:limit]


@router.get("/item/field/{field_id}/top/")
def get_top_values_for_field(req: ApiRequest) -> object:
    """The items most referenced through an app field (item micros); ``limit`` 13."""
    ictx, fld = _field_app(req)
    if fld is None or fld.type != "app":
        raise invalid_value(f"Invalid value {req.id('field_id')} (integer): not an app field")
    limit = req.query_int("limit", 13, minimum=1, maximum=models.MAX_LIMIT)
    rows = req.tx.query(
        "SELECT r.ref_item_id, COUNT(*) AS n FROM item_refs r "
        "JOIN items i ON i.item_id = r.item_id WHERE r.field_id = ? AND i.status = 'active' "
        "GROUP BY r.ref_item_id ORDER BY n DESC, r.ref_item_id DESC",
        (fld.field_id,),
    )
    out = []
    for ref in rows:
        target = req.tx.one(
            "SELECT * FROM items WHERE item_id = ? AND status = 'active'", (ref["ref_item_id"],)
        )
        if target is None:
            continue
        target_app = models.open_app(
            req.tx, req.require_principal(), int(target["app_id"]), ictx.ctx, req.web_url
        )
        out.append(models.item_micro(Renderer(target_app), target))
        if len(out) >= limit:
            break
    return out


@router.get("/item/field/{field_id}/range")
def get_field_ranges(req: ApiRequest) -> object:
    """``{"min", "max"}`` of a number-like or date field over the app's items."""
    ictx, fld = _field_app(req)
    if fld is None:
        raise not_found("Field not found")
    with engine_errors():
        return field_range(fld, models.load_records(req.tx, ictx.app.app_id), ictx.ctx)
