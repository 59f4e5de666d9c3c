"""Files: `/file/...` (endpoints.tsv area `files`) and the download links `/files/{id}`."""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.responses import Response

from ...access import require_app, require_space
from ...errors import NO_OPERATION, forbidden, invalid_value, not_found
from ...request import ApiRequest, describe
from ...routing import Router
from .._common import check_int, check_text
from .._refs import Target, resolve
from . import models

router = Router("files")

DEFAULT_LIMIT = 20  # limits.md §2 (podio-dotnet FileService)
MAX_LIMIT = 100
SORTS = ("created_on", "name")


# -- upload ---------------------------------------------------------------------------------


def _upload(req: ApiRequest) -> object:
    """Multipart `source` (the bytes, with a file name) and `filename` (files.md §2)."""
    principal = req.require_principal()
    form = req.form
    source = form.get("source") if form is not None else None
    if not isinstance(source, UploadFile):
        # Podio's answer to an upload without the file part (files.md §2).
        raise not_found(f"{NO_OPERATION} Missing parameters: source.")
    filename = form.get("filename") if form is not None else None
    name = filename if isinstance(filename, str) and filename.strip() else source.filename
    if not name:
        raise not_found(f"{NO_OPERATION} Missing parameters: filename.")
    data = source.file.read()
    file_id = models.store_upload(req.tx, principal, name, data, source.content_type)
    row = models.file_row(req.tx, file_id)
    return models.render_full(req.tx, principal, row, None, req.web_url)


@router.post("/file/", slash="both")
def upload_file(req: ApiRequest) -> object:
    """Upload (podio-php `/file/`, podio-js `/file`) -> the file object."""
    return _upload(req)


@router.post("/file/v2/", slash="both")
def upload_file_v2(req: ApiRequest) -> object:
    """Upload as podio-rb and podio-dotnet send it; same parts, same answer."""
    return _upload(req)


# -- one file ---------------------------------------------------------------------------------


@router.get("/file/{file_id}")
def get_file(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, context, _may = models.open_file(req.tx, principal, req.id("file_id"), req.web_url)
    return models.render_full(req.tx, principal, row, context, req.web_url)


def _download(req: ApiRequest) -> Response:
    """The bytes with the file's type and name; any image size serves the original."""
    principal = req.require_principal()
    row, _context, _may = models.open_file(req.tx, principal, req.id("file_id"), req.web_url)
    data = models.file_bytes(req.tx, row)
    name = str(row["name"])
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace('"', "'")
    disposition = f'attachment; filename="{ascii_name}"'
    if ascii_name != name:
        disposition += f"; filename*=UTF-8''{quote(name)}"
    # The stored type exactly (no `charset` added: the bytes are the client's own).
    return Response(
        content=data,
        headers={"Content-Type": str(row["mimetype"]), "Content-Disposition": disposition},
    )


@router.get("/file/{file_id}/raw")
def download_file(req: ApiRequest) -> object:
    """Raw bytes (`max_size` is accepted and ignored: images are never resized)."""
    return _download(req)


@router.get("/files/{file_id}")
def download_file_from_link(req: ApiRequest) -> object:
    """The file's `link` (Podio's files host, served by the emulator itself)."""
    return _download(req)


@router.get("/files/{file_id}/{size}")
def download_file_size(req: ApiRequest) -> object:
    """`<link>/<size>` image variants (files.md §4); the original bytes for every size."""
    if req.param("size") not in models.IMAGE_SIZES:
        raise not_found("No such image size")
    return _download(req)


@router.put("/file/{file_id}")
def update_file(req: ApiRequest) -> object:
    """`{"description"}` (podio-rb): the uploader and the object's moderators."""
    principal = req.require_principal()
    row, _context, may = models.open_file(req.tx, principal, req.id("file_id"), req.web_url)
    if not may:
        raise forbidden("You may not change this file")
    body = req.json_object()
    if "description" in body:
        description = check_text(body["description"], "description")
        req.tx.update("files", {"description": description}, "file_id = ?", (row["file_id"],))
    return None


@router.delete("/file/{file_id}")
def delete_file(req: ApiRequest) -> object:
    principal = req.require_principal()
    row, context, may = models.open_file(req.tx, principal, req.id("file_id"), req.web_url)
    if not may:
        raise forbidden("You may not delete this file")
    models.detach(req.tx, principal, row, context)
    return None


@router.post("/file/{file_id}/attach")
def attach_file(req: ApiRequest) -> object:
    """`{"ref_type": item|status|comment|space|task, "ref_id"}`. Comments and statuses take
    files from their author only; items, tasks and spaces from whoever may read them."""
    principal = req.require_principal()
    file_id = req.id("file_id")
    models.open_file(req.tx, principal, file_id, req.web_url)
    body = req.json_object()
    ref_type = body.get("ref_type")
    if not isinstance(ref_type, str):
        raise invalid_value(f"Invalid value {describe(ref_type)}: ref_type must be string")
    ref_id = check_int(body.get("ref_id"), "ref_id")
    target = resolve(req.tx, principal, ref_type, ref_id, req.web_url, allowed=models.ATTACH_TYPES)
    if target.type in ("comment", "status") and not target.can_edit:
        raise forbidden(f"Only the author may add files to this {target.type}")
    models.attach_to(req.tx, principal, [file_id], target, req.web_url)
    return None


@router.post("/file/{file_id}/copy")
def copy_file(req: ApiRequest) -> object:
    principal = req.require_principal()
    return {"file_id": models.copy_file(req.tx, principal, req.id("file_id"), req.web_url)}


@router.post("/file/{file_id}/replace")
def replace_file(req: ApiRequest) -> object:
    """`{"old_file_id"}`: this (temporary) file takes the old file's place."""
    principal = req.require_principal()
    body = req.json_object()
    models.replace(req.tx, principal, req.id("file_id"), body.get("old_file_id"), req.web_url)
    return None


# -- lists ------------------------------------------------------------------------------------


def _list(req: ApiRequest, where: str, params: tuple[Any, ...], *, latest: bool) -> object:
    """Attached files matching `where` that the caller may see, sorted and paged.

    `sort_by` `created_on` (default) or `name`, `sort_desc` (default true), `attached_to` a
    ref type, `limit` 20 (at most 100), `offset`. `latest` lists sort by `created_on` desc."""
    principal = req.require_principal()
    limit = req.query_int("limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    offset = req.query_int("offset", 0, minimum=0)
    sort_by = "created_on" if latest else (req.query_str("sort_by") or "created_on")
    if sort_by not in SORTS:
        raise invalid_value(
            f"Invalid value {describe(sort_by)}: sort_by must be created_on or name"
        )
    desc = True if latest else req.query_bool("sort_desc", True)
    attached_to = req.query_str("attached_to")
    sql = (
        "SELECT * FROM files WHERE status = 'active' AND replaced_by IS NULL "  # noqa: S608
        f"AND ref_type IS NOT NULL AND ({where})"
    )
    args: list[Any] = list(params)
    if attached_to:
        sql += " AND ref_type = ?"
        args.append(attached_to)
    rows = req.tx.query(sql, args)
    visible = models.visible_files(req.tx, principal, rows, req.web_url)

    def key(entry: tuple[sqlite3.Row, Target | None]) -> tuple[str, int]:
        row = entry[0]
        first = str(row["name"]).lower() if sort_by == "name" else str(row["created_on"])
        return first, int(row["file_id"])

    visible.sort(key=key, reverse=desc)
    page = visible[offset : offset + limit]
    return [models.render_full(req.tx, principal, r, c, req.web_url) for r, c in page]


def _all_files(req: ApiRequest, *, latest: bool) -> object:
    principal = req.require_principal()
    if principal.type == "app":
        return _list(req, "app_id = ?", (principal.id,), latest=latest)
    if principal.type != "user":
        raise forbidden(f"A {principal.type} token has no files")
    return _list(
        req,
        "space_id IN (SELECT space_id FROM space_members WHERE user_id = ? "
        "AND ended_on IS NULL AND started_on IS NOT NULL) OR space_id IS NULL",
        (principal.id,),
        latest=latest,
    )


@router.get("/file/")
def get_files(req: ApiRequest) -> object:
    """Every attached file the caller may see (temporary uploads are not listed)."""
    return _all_files(req, latest=False)


@router.get("/file/app/{app_id}/")
def get_files_on_app(req: ApiRequest) -> object:
    """Files on the app's items (and on comments on them)."""
    require_app(req.tx, req.require_principal(), req.id("app_id"), "light")
    return _list(req, "app_id = ?", (req.id("app_id"),), latest=False)


@router.get("/file/app/{app_id}/latest/")
def get_latest_files_on_app(req: ApiRequest) -> object:
    require_app(req.tx, req.require_principal(), req.id("app_id"), "light")
    return _list(req, "app_id = ?", (req.id("app_id"),), latest=True)


@router.get("/file/space/{space_id}/")
def get_files_on_space(req: ApiRequest) -> object:
    """Files on anything in the space: items, statuses, tasks, comments, the space itself."""
    require_space(req.tx, req.require_principal(), req.id("space_id"), "light", allow_open=True)
    return _list(req, "space_id = ?", (req.id("space_id"),), latest=False)


@router.get("/file/space/{space_id}/latest/")
def get_latest_files_on_space(req: ApiRequest) -> object:
    require_space(req.tx, req.require_principal(), req.id("space_id"), "light", allow_open=True)
    return _list(req, "space_id = ?", (req.id("space_id"),), latest=True)
