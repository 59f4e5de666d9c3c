"""Files: uploaded bytes, their attachment to objects, and Podio's rules (files.md).

A file is uploaded on its own (temporary: only its uploader sees it), then attached to one
object (item, status, comment, space or task) through `file_ids` on that object or
`POST /file/{id}/attach`; from then on whoever may read the object may read the file. The
bytes live in `file_blobs` (one row per upload; copies share it), so a file database keeps
them across restarts.

Choices where Podio is silent (README, "Files"):
- the MIME type comes from the file name (Python's built-in table, a few Windows types
  added), else from the part's `Content-Type`; a blocked type (limits.md §3), either derived
  or declared, is 400 `invalid_value`, as is a file above 100 MiB;
- a file attached to one object cannot be attached to another (400): copy it first;
- `link` is `<emulator>/files/{file_id}` on the host the client called.
"""

from __future__ import annotations

import mimetypes
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import PodioError, forbidden, gone, invalid_value, not_found
from ...request import describe
from .._common import author, by_line, file_base, is_author, via_json
from .._refs import Target, reference, resolve

__all__ = [
    "BLOCKED_MIMETYPES",
    "MAX_FILE_SIZE",
    "SCHEMA",
    "attach_files",
    "attach_to",
    "file_object",
    "file_target",
    "files_for",
    "files_of",
    "store_upload",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    file_id INTEGER PRIMARY KEY,
    blob_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    mimetype TEXT NOT NULL,
    size INTEGER NOT NULL,
    description TEXT,
    external_id TEXT,
    ref_type TEXT,
    ref_id INTEGER,
    space_id INTEGER,
    app_id INTEGER,
    replaces TEXT NOT NULL DEFAULT '[]',
    replaced_by INTEGER,
    status TEXT NOT NULL DEFAULT 'active',
    created_on TEXT NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_via TEXT NOT NULL DEFAULT '{}',
    attached_on TEXT,
    deleted_on TEXT
);
CREATE INDEX IF NOT EXISTS files_ref ON files (ref_type, ref_id);
CREATE INDEX IF NOT EXISTS files_space ON files (space_id);
CREATE INDEX IF NOT EXISTS files_app ON files (app_id);
CREATE TABLE IF NOT EXISTS file_blobs (
    blob_id INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);
"""

MAX_FILE_SIZE = 100 * 1024 * 1024  # "max 100 MB per file" (files.md §2); read as MiB
# Disallowed upload MIME types (limits.md §3, from Podio's files page).
BLOCKED_MIMETYPES = frozenset(
    {
        "application/x-msdownload",
        "application/x-msdos-program",
        "application/x-msdos-windows",
        "application/x-download",
        "application/bat",
        "application/x-bat",
        "application/com",
        "application/x-com",
        "application/exe",
        "application/x-exe",
        "application/x-winexe",
        "application/x-winhlp",
        "application/x-winhelp",
        "application/x-javascript",
        "application/hta",
        "application/x-ms-shortcut",
        "application/octet-stream",
        "vms/exe",
    }
)
GENERIC_MIMETYPE = "application/octet-stream"
ATTACH_TYPES = ("item", "status", "comment", "space", "task")
IMAGE_SIZES = ("default", "tiny", "small", "medium", "large", "badge", "extra_large")
_RIGHTS_ALL = ["download", "view", "delete", "update"]
_RIGHTS_READ = ["download", "view"]

# Only Python's built-in table (no /etc/mime.types), so every machine derives the same types;
# Windows executables get the names Podio's block list uses.
_MIME = mimetypes.MimeTypes(filenames=())
_EXTRA_TYPES = {
    ".exe": "application/x-msdownload",
    ".dll": "application/x-msdownload",
    ".msi": "application/x-msdownload",
    ".bat": "application/x-bat",
    ".cmd": "application/x-bat",
    ".com": "application/x-com",
    ".hta": "application/hta",
    ".lnk": "application/x-ms-shortcut",
    ".hlp": "application/x-winhelp",
}


# ---------------------------------------------------------------------------------------------
# Upload


def derive_mimetype(name: str, declared: str | None) -> str:
    """The file's type: by its name's extension, else the declared part type, else generic."""
    lower = name.lower()
    dot = lower.rfind(".")
    if dot >= 0 and lower[dot:] in _EXTRA_TYPES:
        return _EXTRA_TYPES[lower[dot:]]
    guessed, _encoding = _MIME.guess_type(lower, strict=False)
    if guessed:
        return guessed
    declared = (declared or "").split(";", 1)[0].strip().lower()
    return declared or GENERIC_MIMETYPE


def check_upload(name: str, size: int, declared: str | None) -> str:
    """The MIME type to store; 400 for an oversized file or a blocked type."""
    if size > MAX_FILE_SIZE:
        raise invalid_value(
            f"Invalid value {size} (integer): the file is larger than the limit of "
            f"{MAX_FILE_SIZE} bytes (100 MB)"
        )
    mimetype = derive_mimetype(name, declared)
    declared_type = (declared or "").split(";", 1)[0].strip().lower()
    for candidate in (mimetype, declared_type):
        if candidate in BLOCKED_MIMETYPES and (
            candidate != GENERIC_MIMETYPE or candidate == mimetype
        ):
            raise invalid_value(
                f"Invalid value {describe(candidate)}: files of this type may not be uploaded"
            )
    return mimetype


def check_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid_value(f"Invalid value {describe(value)}: filename must not be empty")
    name = value.strip().replace("\\", "/").rsplit("/", 1)[-1]
    if not name or len(name) > 255:
        raise invalid_value(f"Invalid value {describe(value)}: not a usable file name")
    return name


def store_upload(tx: Tx, principal: Principal, name: str, data: bytes, declared: str | None) -> int:
    """Store an uploaded file (temporary until attached); returns its id."""
    name = check_name(name)
    mimetype = check_upload(name, len(data), declared)
    file_id = tx.next_id("file")
    tx.insert("file_blobs", {"blob_id": file_id, "data": data})
    _insert(tx, principal, file_id, file_id, name, mimetype, len(data))
    return file_id


def _insert(
    tx: Tx,
    principal: Principal,
    file_id: int,
    blob_id: int,
    name: str,
    mimetype: str,
    size: int,
    *,
    description: str | None = None,
    external_id: str | None = None,
) -> None:
    by_type, by_id = author(principal)
    tx.insert(
        "files",
        {
            "file_id": file_id,
            "blob_id": blob_id,
            "name": name,
            "mimetype": mimetype,
            "size": size,
            "description": description,
            "external_id": external_id,
            "created_on": tx.clock.now_str(),
            "created_by_type": by_type,
            "created_by_id": by_id,
            "created_via": via_json(tx, principal),
        },
    )


def file_bytes(tx: Tx, row: sqlite3.Row) -> bytes:
    data = tx.scalar("SELECT data FROM file_blobs WHERE blob_id = ?", (row["blob_id"],))
    return bytes(data) if data is not None else b""


# ---------------------------------------------------------------------------------------------
# Access


def file_row(tx: Tx, file_id: int) -> sqlite3.Row:
    """The file; 404 unknown, 410 deleted."""
    row = tx.one("SELECT * FROM files WHERE file_id = ?", (file_id,))
    if row is None:
        raise not_found("File not found")
    if row["status"] == "deleted":
        raise gone("The file has been deleted")
    return row


def open_file(
    tx: Tx, principal: Principal, file_id: int, web_url: str
) -> tuple[sqlite3.Row, Target | None, bool]:
    """`(row, context, may_change)` if the caller may see the file.

    Temporary files are their uploader's only; attached ones follow their object (a deleted
    object makes its files answer 410). The uploader and whoever may moderate the object
    (item editors, space admins, ...) may change or delete the file."""
    row = file_row(tx, file_id)
    uploader = is_author(row, principal)
    if row["ref_type"] is None:
        if not uploader:
            raise forbidden("The file is not attached to anything you can see")
        return row, None, True
    context = resolve(tx, principal, str(row["ref_type"]), int(row["ref_id"]), web_url)
    return row, context, uploader or context.can_moderate


def file_target(tx: Tx, principal: Principal, file_id: int, web_url: str) -> Target:
    """A file as the object of a reference (`_refs.resolve`)."""
    row, context, may_change = open_file(tx, principal, file_id, web_url)
    return Target(
        type="file",
        id=file_id,
        title=str(row["name"]),
        link=_link(tx, file_id),
        space_id=context.space_id if context else None,
        can_edit=may_change,
        can_moderate=may_change,
        app_id=context.app_id if context else None,
        created_on=row["created_on"],
        created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
        created_via=loads(row["created_via"], {}),
    )


# ---------------------------------------------------------------------------------------------
# Rendering


def _link(tx: Tx, file_id: int) -> str:
    return f"{file_base(tx)}/files/{file_id}"


def _render(
    tx: Tx,
    row: sqlite3.Row,
    web_url: str,
    rights: list[str],
    *,
    replaces: bool = True,
) -> dict[str, Any]:
    """The keys of a file inside an item (samples/item-get-all-fields.json `files[]`)."""
    file_id = int(row["file_id"])
    link = _link(tx, file_id)
    replaced = []
    if replaces:
        for old_id in loads(row["replaces"], []) or []:
            old = tx.one("SELECT * FROM files WHERE file_id = ?", (old_id,))
            if old is not None:
                replaced.append(_render(tx, old, web_url, list(_RIGHTS_READ), replaces=False))
    return {
        "file_id": file_id,
        "name": row["name"],
        "mimetype": row["mimetype"],
        "size": row["size"],
        "description": row["description"],
        "link": link,
        "thumbnail_link": link if str(row["mimetype"]).startswith("image/") else None,
        "perma_link": None,
        "hosted_by": "podio",
        "hosted_by_humanized_name": "Podio",
        "external_file_id": None,
        "link_target": "_blank",
        "created_on": row["created_on"],
        "created_by": by_line(tx, str(row["created_by_type"]), int(row["created_by_id"]), web_url),
        "created_via": loads(row["created_via"], {}),
        "rights": rights,
        "replaces": replaced,
        "push": None,
        "presence": None,
    }


def _excerpt(tx: Tx, item_id: int, web_url: str) -> dict[str, Any] | None:
    """`{label, text}` of the item's first non-title field with a value (file context data,
    samples/file-list-app.json)."""
    from ...fieldtypes import field_type
    from ..applications.models import load_fields
    from ..items.models import decode_values
    from ..items.resolver import context_for

    row = tx.one("SELECT app_id, field_values FROM items WHERE item_id = ?", (item_id,))
    if row is None:
        return None
    values = decode_values(row["field_values"])
    ctx = context_for(tx, web_url, None)
    fields = [f for f in load_fields(tx, int(row["app_id"])) if f.active]
    for fld in fields[1:]:
        for element in values.get(fld.field_id, []):
            text = field_type(fld.type).text(fld, element, ctx)
            if text:
                return {"label": fld.label, "text": text}
    return None


def render_full(
    tx: Tx, principal: Principal, row: sqlite3.Row, context: Target | None, web_url: str
) -> dict[str, Any]:
    """`GET /file/{id}` and the file lists: the item keys plus `context` (the object the file
    is attached to, samples/file-list-app.json) and `external_id`."""
    may_change = is_author(row, principal) or (context is not None and context.can_moderate)
    out = _render(tx, row, web_url, list(_RIGHTS_ALL if may_change else _RIGHTS_READ))
    ctx_ref = None
    if context is not None:
        ctx_ref = reference(tx, context, web_url)
        if context.type == "item" and isinstance(ctx_ref.get("data"), dict):
            ctx_ref["data"]["excerpt"] = _excerpt(tx, context.id, web_url)
    out["context"] = ctx_ref
    out["external_id"] = row["external_id"]
    return out


# ---------------------------------------------------------------------------------------------
# Attaching


def _sync_item(tx: Tx, item_id: int) -> None:
    """Keep the item's own list of attachments (`items.file_ids`, the source of its
    `file_count`) equal to the files attached to it."""
    ids = [
        int(r["file_id"])
        for r in tx.query(
            "SELECT file_id FROM files WHERE ref_type = 'item' AND ref_id = ? "
            "AND status = 'active' AND replaced_by IS NULL ORDER BY attached_on, file_id",
            (item_id,),
        )
    ]
    tx.update("items", {"file_ids": dumps(ids)}, "item_id = ?", (item_id,))


def _item_being_created(tx: Tx, item_id: int) -> bool:
    return tx.scalar("SELECT 1 FROM item_revisions WHERE item_id = ? LIMIT 1", (item_id,)) is None


def _file_change(tx: Tx, item_id: int, action: str, file_ids: Iterable[int]) -> None:
    """`file.change` for the item's webhooks (hooks.md §2)."""
    app_id = tx.scalar("SELECT app_id FROM items WHERE item_id = ?", (item_id,))
    if app_id is None:
        return
    tx.emit(
        "file.change",
        "app",
        int(app_id),
        item_id=item_id,
        action_type=action,
        file_ids=",".join(str(f) for f in file_ids),
    )


def _place(
    tx: Tx,
    row: sqlite3.Row,
    ref_type: str,
    ref_id: int,
    space_id: int | None,
    app_id: int | None,
) -> bool:
    """Attach one file; False when it already was attached there."""
    if row["ref_type"] is not None:
        if (row["ref_type"], row["ref_id"]) == (ref_type, ref_id):
            return False
        raise invalid_value(
            f"Invalid value {row['file_id']} (integer): the file is already attached to "
            "another object; copy it first"
        )
    tx.update(
        "files",
        {
            "ref_type": ref_type,
            "ref_id": ref_id,
            "space_id": space_id,
            "app_id": app_id,
            "attached_on": tx.clock.now_str(),
        },
        "file_id = ?",
        (row["file_id"],),
    )
    return True


def attach_to(
    tx: Tx, principal: Principal, file_ids: Sequence[int], target: Target, web_url: str
) -> list[int]:
    """Attach files the caller may see to an object; returns the newly attached ids.

    Every id must be a file the caller can see (404/410/403 otherwise, nothing attached)."""
    rows = []
    for file_id in dict.fromkeys(file_ids):
        try:
            row, _context, _may = open_file(tx, principal, file_id, web_url)
        except PodioError as exc:
            if exc.status in (403, 404):
                raise invalid_value(f"Invalid value {file_id} (integer): No file found") from None
            raise
        rows.append(row)
    added = []
    for row in rows:
        if _place(tx, row, target.type, target.id, target.space_id, target.app_id):
            added.append(int(row["file_id"]))
    if target.type == "item" and added:
        _sync_item(tx, target.id)
        if not _item_being_created(tx, target.id):
            _file_change(tx, target.id, "file_created", added)
    return added


def detach(tx: Tx, principal: Principal, row: sqlite3.Row, context: Target | None) -> None:
    """`DELETE /file/{id}`: the file answers 410 afterwards and leaves its object."""
    tx.update(
        "files",
        {"status": "deleted", "deleted_on": tx.clock.now_str()},
        "file_id = ?",
        (row["file_id"],),
    )
    if context is not None and context.type == "item":
        _sync_item(tx, context.id)
        _file_change(tx, context.id, "file_deleted", [int(row["file_id"])])


def replace(tx: Tx, principal: Principal, new_id: int, old_id: Any, web_url: str) -> None:
    """`POST /file/{new}/replace {"old_file_id"}`: the new file takes the old one's place
    (same object), the old one is listed in its `replaces` and leaves the object's files."""
    if isinstance(old_id, bool) or not isinstance(old_id, int):
        raise invalid_value(f"Invalid value {describe(old_id)}: old_file_id must be integer")
    _new, new_context, _ = open_file(tx, principal, new_id, web_url)
    old, old_context, may_change = open_file(tx, principal, old_id, web_url)
    if not may_change:
        raise forbidden("You may not replace this file")
    if new_id == old_id:
        raise invalid_value(f"Invalid value {old_id} (integer): a file cannot replace itself")
    if new_context is not None:
        raise invalid_value(
            f"Invalid value {new_id} (integer): the new file is already attached to an object"
        )
    history = [old_id, *(loads(old["replaces"], []) or [])]
    updates: dict[str, Any] = {"replaces": dumps(history)}
    if old_context is not None:
        updates.update(
            {
                "ref_type": old["ref_type"],
                "ref_id": old["ref_id"],
                "space_id": old["space_id"],
                "app_id": old["app_id"],
                "attached_on": old["attached_on"],
            }
        )
    tx.update("files", updates, "file_id = ?", (new_id,))
    tx.update("files", {"replaced_by": new_id}, "file_id = ?", (old_id,))
    if old_context is not None and old_context.type == "item":
        _sync_item(tx, old_context.id)
        _file_change(tx, old_context.id, "file_replaced", [new_id])


def copy_file(tx: Tx, principal: Principal, file_id: int, web_url: str) -> int:
    """A temporary copy for the caller with the same bytes; `external_id` is
    `file_<original id>` (files.md §3)."""
    row, _context, _may = open_file(tx, principal, file_id, web_url)
    new_id = tx.next_id("file")
    _insert(
        tx,
        principal,
        new_id,
        int(row["blob_id"]),
        str(row["name"]),
        str(row["mimetype"]),
        int(row["size"]),
        description=row["description"],
        external_id=f"file_{file_id}",
    )
    return new_id


# ---------------------------------------------------------------------------------------------
# Lists


def visible_files(
    tx: Tx,
    principal: Principal,
    rows: Iterable[sqlite3.Row],
    web_url: str,
) -> list[tuple[sqlite3.Row, Target | None]]:
    """The rows the caller may see, with their context (contexts resolved once each)."""
    cache: dict[tuple[str, int], Target | None] = {}
    out: list[tuple[sqlite3.Row, Target | None]] = []
    for row in rows:
        if row["ref_type"] is None:
            if is_author(row, principal):
                out.append((row, None))
            continue
        key = (str(row["ref_type"]), int(row["ref_id"]))
        if key not in cache:
            try:
                cache[key] = resolve(tx, principal, key[0], key[1], web_url)
            except PodioError:
                cache[key] = None
        if cache[key] is not None:
            out.append((row, cache[key]))
    return out


# ---------------------------------------------------------------------------------------------
# Providers for the items area (items/resolver.py) and the other collaboration areas


def file_object(tx: Tx, file_id: int, web_url: str) -> dict[str, Any] | None:
    """Any live file, for item image/file field values (no rights involved)."""
    row = tx.one("SELECT * FROM files WHERE file_id = ? AND status = 'active'", (file_id,))
    if row is None:
        return None
    return _render(tx, row, web_url, list(_RIGHTS_ALL))


def files_for(tx: Tx, ref_type: str, ref_id: int, web_url: str) -> list[dict[str, Any]]:
    """The files attached to an object, oldest first. The caller is not known here, so
    `rights` are the full set (the item rendering has no caller to ask about)."""
    rows = tx.query(
        "SELECT * FROM files WHERE ref_type = ? AND ref_id = ? AND status = 'active' "
        "AND replaced_by IS NULL ORDER BY attached_on, file_id",
        (ref_type, ref_id),
    )
    return [_render(tx, r, web_url, list(_RIGHTS_ALL)) for r in rows]


def files_of(
    tx: Tx, principal: Principal, ref_type: str, ref_id: int, web_url: str, *, moderator: bool
) -> list[dict[str, Any]]:
    """The files attached to an object with the caller's rights on each."""
    rows = tx.query(
        "SELECT * FROM files WHERE ref_type = ? AND ref_id = ? AND status = 'active' "
        "AND replaced_by IS NULL ORDER BY attached_on, file_id",
        (ref_type, ref_id),
    )
    out = []
    for row in rows:
        may = moderator or is_author(row, principal)
        out.append(_render(tx, row, web_url, list(_RIGHTS_ALL if may else _RIGHTS_READ)))
    return out


def attach_files(tx: Tx, file_ids: list[int], ref_type: str, ref_id: int) -> None:
    """`file_ids` of an item create/update (items area). The caller is not passed here, so
    a file qualifies when it is temporary or already attached to this object."""
    target_space: int | None = None
    target_app: int | None = None
    if ref_type == "item":
        row = tx.one(
            "SELECT i.app_id, a.space_id FROM items i JOIN apps a ON a.app_id = i.app_id "
            "WHERE i.item_id = ?",
            (ref_id,),
        )
        if row is not None:
            target_app, target_space = int(row["app_id"]), int(row["space_id"])
    added = []
    for file_id in dict.fromkeys(file_ids):
        found = tx.one("SELECT * FROM files WHERE file_id = ? AND status = 'active'", (file_id,))
        if found is None:
            raise invalid_value(f"Invalid value {file_id} (integer): No file found")
        if _place(tx, found, ref_type, ref_id, target_space, target_app):
            added.append(file_id)
    if ref_type == "item" and added:
        _sync_item(tx, ref_id)
        if not _item_being_created(tx, ref_id):
            _file_change(tx, ref_id, "file_created", added)
