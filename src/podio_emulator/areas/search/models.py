"""Search across items, tasks, statuses, files, profiles and apps (objects.md "Search result").

Everything is searched as stored, within what the caller may see: items, statuses, files and
apps of the spaces the caller is a member of (of one organization, space or app when the
search is scoped), tasks the caller may see (private tasks only by their creator and
assignee), and the profiles of people sharing a space or organization with the caller plus
the space contacts of those spaces. An app token searches its own app.

A result matches when every word of the query occurs (without case) in the searched text:
- item: title, field values (text, number, e-mail, phone, location: the items area's search
  text), tags, comments;
- task: text, description, comments; status: text, comments; file: name; app: name and item
  name; profile: name, mail, phone, title, skill, about, location, skype.
`search_fields` narrows that to the named parts. Results with the words in their title come
first, then newest first.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...auth import Principal
from ...db import Tx, loads
from ...errors import invalid_value
from ...request import describe
from .._common import by_line, org_mini, space_data

__all__ = [
    "MAX_LIMIT",
    "REF_TYPES",
    "SEARCH_FIELDS",
    "Document",
    "Scope",
    "run_search",
]

REF_TYPES = ("item", "task", "status", "file", "profile", "app", "conversation")
SEARCH_FIELDS = (
    "name", "job_title", "skill", "about", "location", "mail", "phone", "skype", "comments",
    "title", "text_values", "email_values", "phone_values", "num_values", "location_values",
    "tags",
)  # fmt: skip
_VALUE_FIELDS = ("text_values", "email_values", "phone_values", "num_values", "location_values")
DEFAULT_LIMIT = 20
MAX_LIMIT = 20  # "at most 20 per call" (podio-dotnet SearchService); larger limits are 400
_PROFILE_PARTS = {
    "name": "name",
    "mail": "mail",
    "phone": "phone",
    "job_title": "title",
    "skill": "skill",
    "about": "about",
    "location": "location",
    "skype": "skype",
}


@dataclass
class Scope:
    """What a search covers: spaces, or one app; `personal` adds the caller's tasks outside
    spaces (global searches)."""

    space_ids: list[int]
    app_id: int | None = None
    personal: bool = False


@dataclass
class Document:
    type: str
    id: int
    title: str
    link: str
    created_on: str
    created_by: tuple[str, int] | None
    space_id: int | None
    app_id: int | None = None
    parts: dict[str, str] = field(default_factory=dict)


def _comments(tx: Tx, ref_type: str, ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, list[str]] = defaultdict(list)
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        if not chunk:
            continue
        marks = ",".join("?" for _ in chunk)
        for row in tx.query(
            f"SELECT ref_id, value FROM comments WHERE ref_type = ? AND status = 'active' "  # noqa: S608 - marks only
            f"AND ref_id IN ({marks})",
            [ref_type, *chunk],
        ):
            out[int(row["ref_id"])].append(str(row["value"]))
    return {k: "\n".join(v) for k, v in out.items()}


def _in(column: str, values: Sequence[int]) -> tuple[str, list[int]]:
    if not values:
        return "0", []
    return f"{column} IN ({','.join('?' for _ in values)})", list(values)


def _items(tx: Tx, scope: Scope, web_url: str) -> list[Document]:
    from ..applications.models import AppRecord, app_urls

    if scope.app_id is not None:
        where, params = "a.app_id = ?", [scope.app_id]
    else:
        where, params = _in("a.space_id", scope.space_ids)
    rows = tx.query(
        "SELECT i.item_id, i.app_item_id, i.title, i.created_on, i.created_by_type, "  # noqa: S608 - fixed parts
        "i.created_by_id, i.tags, i.search, a.* FROM items i JOIN apps a ON a.app_id = i.app_id "
        f"WHERE i.status = 'active' AND a.status != 'deleted' AND {where}",
        params,
    )
    comments = _comments(tx, "item", [int(r["item_id"]) for r in rows])
    urls: dict[int, str] = {}
    docs = []
    for row in rows:
        app_id = int(row["app_id"])
        if app_id not in urls:
            urls[app_id] = app_urls(tx, AppRecord(row), web_url)[0]
        values = str(row["search"] or "")
        docs.append(
            Document(
                type="item",
                id=int(row["item_id"]),
                title=str(row["title"]),
                link=f"{urls[app_id]}/items/{row['app_item_id']}",
                created_on=str(row["created_on"]),
                created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
                space_id=int(row["space_id"]),
                app_id=app_id,
                parts={
                    "title": str(row["title"]),
                    **dict.fromkeys(_VALUE_FIELDS, values),
                    "tags": " ".join(loads(row["tags"], []) or []),
                    "comments": comments.get(int(row["item_id"]), ""),
                },
            )
        )
    return docs


def _tasks(tx: Tx, principal: Principal, scope: Scope, web_url: str) -> list[Document]:
    from ..tasks.models import task_target, visible_rows

    params: dict[str, Any]
    if scope.app_id is not None:
        where, params = "app_id = :scope_app", {"scope_app": scope.app_id}
    else:
        marks = ",".join(f":s{i}" for i in range(len(scope.space_ids)))
        where = f"space_id IN ({marks})" if marks else "0"
        params = {f"s{i}": s for i, s in enumerate(scope.space_ids)}
        if scope.personal:
            where = f"({where} OR space_id IS NULL)"
    rows = visible_rows(tx, principal, where, params)
    comments = _comments(tx, "task", [int(r["task_id"]) for r in rows])
    docs = []
    for row in rows:
        target = task_target(tx, principal, int(row["task_id"]), web_url)
        docs.append(
            Document(
                type="task",
                id=int(row["task_id"]),
                title=str(row["text"]),
                link=target.link,
                created_on=str(row["created_on"]),
                created_by=(str(row["created_by_type"]), int(row["created_by_id"])),
                space_id=row["space_id"],
                app_id=row["app_id"],
                parts={
                    "title": str(row["text"]),
                    "text_values": str(row["description"] or ""),
                    "comments": comments.get(int(row["task_id"]), ""),
                },
            )
        )
    return docs


def _statuses(tx: Tx, scope: Scope, web_url: str) -> list[Document]:
    from ..statuses.models import status_link

    if scope.app_id is not None:
        return []
    where, params = _in("space_id", scope.space_ids)
    rows = tx.query(f"SELECT * FROM statuses WHERE status = 'active' AND {where}", params)  # noqa: S608 - fixed parts
    comments = _comments(tx, "status", [int(r["status_id"]) for r in rows])
    return [
        Document(
            type="status",
            id=int(r["status_id"]),
            title=str(r["value"])[:100],
            link=status_link(tx, r, web_url),
            created_on=str(r["created_on"]),
            created_by=(str(r["created_by_type"]), int(r["created_by_id"])),
            space_id=int(r["space_id"]),
            parts={
                "title": str(r["value"]),
                "tags": " ".join(loads(r["tags"], []) or []),
                "comments": comments.get(int(r["status_id"]), ""),
            },
        )
        for r in rows
    ]


def _files(tx: Tx, principal: Principal, scope: Scope, web_url: str) -> list[Document]:
    from ..files.models import visible_files

    if scope.app_id is not None:
        where, params = "app_id = ?", [scope.app_id]
    else:
        where, params = _in("space_id", scope.space_ids)
    rows = tx.query(
        "SELECT * FROM files WHERE status = 'active' AND replaced_by IS NULL "  # noqa: S608 - fixed parts
        f"AND ref_type IS NOT NULL AND {where}",
        params,
    )
    base = (tx.base_url or "").rstrip("/")
    return [
        Document(
            type="file",
            id=int(r["file_id"]),
            title=str(r["name"]),
            link=f"{base}/files/{r['file_id']}",
            created_on=str(r["created_on"]),
            created_by=(str(r["created_by_type"]), int(r["created_by_id"])),
            space_id=r["space_id"],
            app_id=r["app_id"],
            parts={"title": str(r["name"]), "name": str(r["name"])},
        )
        for r, _context in visible_files(tx, principal, rows, web_url)
    ]


def _apps(tx: Tx, scope: Scope, web_url: str) -> list[Document]:
    from ..applications.models import AppRecord, app_urls

    if scope.app_id is not None:
        where, params = "app_id = ?", [scope.app_id]
    else:
        where, params = _in("space_id", scope.space_ids)
    rows = tx.query(f"SELECT * FROM apps WHERE status = 'active' AND {where}", params)  # noqa: S608 - fixed parts
    docs = []
    for row in rows:
        app = AppRecord(row)
        config = app.config
        docs.append(
            Document(
                type="app",
                id=app.app_id,
                title=str(config.get("name") or ""),
                link=app_urls(tx, app, web_url)[0],
                created_on=str(app.data.get("created_on") or ""),
                created_by=("user", app.owner_id) if app.owner_id is not None else None,
                space_id=app.space_id,
                app_id=app.app_id,
                parts={
                    "title": str(config.get("name") or ""),
                    "name": f"{config.get('name') or ''} {config.get('item_name') or ''}",
                },
            )
        )
    return docs


def _profiles(tx: Tx, principal: Principal, scope: Scope, web_url: str) -> list[Document]:
    if principal.type != "user" or scope.app_id is not None:
        return []
    space_where, space_params = _in("space_id", scope.space_ids)
    users = tx.query(
        "SELECT u.user_id, u.profile_id, u.name, u.created_on, p.data FROM users u "  # noqa: S608 - fixed parts
        "JOIN profiles p ON p.profile_id = u.profile_id WHERE u.status = 'active' AND "
        f"u.user_id IN (SELECT user_id FROM space_members WHERE {space_where} "
        "AND ended_on IS NULL AND started_on IS NOT NULL)",
        space_params,
    )
    contacts = tx.query(
        f"SELECT * FROM profiles WHERE type = 'space' AND status = 'active' AND {space_where}",  # noqa: S608 - fixed parts
        space_params,
    )
    docs = []
    for row in users:
        data = loads(row["data"], {}) or {}
        data["name"] = row["name"]
        docs.append(
            _profile_doc(
                int(row["profile_id"]), data, f"{web_url}/users/{row['user_id']}",
                str(row["created_on"]), None, None,
            )
        )  # fmt: skip
    for row in contacts:
        data = loads(row["data"], {}) or {}
        link = f"{web_url}/contacts/{row['profile_id']}"
        space = space_data(tx, int(row["space_id"]), web_url)
        if space is not None:
            link = f"{space['url']}/contacts/{row['profile_id']}"
        by = ("user", int(row["created_by"])) if row["created_by"] is not None else None
        docs.append(
            _profile_doc(
                int(row["profile_id"]), data, link, str(row["created_on"]), by,
                int(row["space_id"]),
            )
        )  # fmt: skip
    return docs


def _profile_doc(
    profile_id: int, data: dict[str, Any], link: str, created_on: str,
    created_by: tuple[str, int] | None, space_id: int | None,
) -> Document:  # fmt: skip
    parts = {}
    for part, key in _PROFILE_PARTS.items():
        value = data.get(key)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        parts[part] = str(value or "")
    parts["title"] = str(data.get("name") or "")
    return Document(
        type="profile",
        id=profile_id,
        title=str(data.get("name") or ""),
        link=link,
        created_on=created_on,
        created_by=created_by,
        space_id=space_id,
        parts=parts,
    )


def collect(
    tx: Tx, principal: Principal, scope: Scope, web_url: str, types: Iterable[str]
) -> list[Document]:
    wanted = set(types)
    docs: list[Document] = []
    if "item" in wanted:
        docs += _items(tx, scope, web_url)
    if "task" in wanted:
        docs += _tasks(tx, principal, scope, web_url)
    if "status" in wanted:
        docs += _statuses(tx, scope, web_url)
    if "file" in wanted:
        docs += _files(tx, principal, scope, web_url)
    if "app" in wanted:
        docs += _apps(tx, scope, web_url)
    if "profile" in wanted:
        docs += _profiles(tx, principal, scope, web_url)
    return docs


def _words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", query.lower().strip()) if w]


def _matches(doc: Document, words: Sequence[str], fields: Sequence[str] | None) -> bool:
    parts = doc.parts if fields is None else {k: v for k, v in doc.parts.items() if k in fields}
    text = "\n".join(parts.values()).lower()
    return all(w in text for w in words)


def _highlight(doc: Document, words: Sequence[str]) -> str | None:
    """A short excerpt around the first match, words wrapped in `<em>`."""
    for text in doc.parts.values():
        lower = text.lower()
        hits = [lower.find(w) for w in words if w in lower]
        if not hits:
            continue
        start = max(0, min(hits) - 40)
        excerpt = text[start : start + 160]
        escaped = html.escape(excerpt)
        for word in sorted(set(words), key=len, reverse=True):
            escaped = re.sub(
                re.escape(html.escape(word)),
                lambda m: f"<em>{m.group(0)}</em>",
                escaped,
                flags=re.IGNORECASE,
            )
        return ("..." if start else "") + escaped
    return None


def parse_body(body: dict[str, Any]) -> dict[str, Any]:
    """`{query, ref_type?, limit?, offset?, counts?, highlights?, search_fields?}`; nulls
    mean the defaults (podio-dotnet sends them)."""
    query = body.get("query")
    if not isinstance(query, str) or not _words(query):
        raise invalid_value(f"Invalid value {describe(query)}: query must be a non-empty string")
    ref_type = body.get("ref_type")
    types = list(REF_TYPES)
    if ref_type is not None:
        types = ref_type if isinstance(ref_type, list) else [ref_type]
        if not types or not all(t in REF_TYPES for t in types):
            raise invalid_value(
                f"Invalid value {describe(ref_type)}: ref_type must be one of "
                + ", ".join(REF_TYPES)
            )
    limit = body.get("limit")
    if limit is None:
        limit = DEFAULT_LIMIT
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise invalid_value(f"Invalid value {describe(limit)}: limit must be at least 1")
    if limit > MAX_LIMIT:
        raise invalid_value(
            f"Invalid value {limit} (integer): must not be greater than {MAX_LIMIT}"
        )
    offset = body.get("offset") or 0
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise invalid_value(f"Invalid value {describe(offset)}: offset must not be negative")
    fields = body.get("search_fields")
    if fields is not None:
        if isinstance(fields, str):
            fields = [f.strip() for f in fields.split(",") if f.strip()]
        if not isinstance(fields, list) or not all(f in SEARCH_FIELDS for f in fields):
            raise invalid_value(
                f"Invalid value {describe(fields)}: search_fields must be among "
                + ", ".join(SEARCH_FIELDS)
            )
    for key in ("counts", "highlights"):
        if body.get(key) is not None and not isinstance(body[key], bool):
            raise invalid_value(f"Invalid value {describe(body[key])}: {key} must be boolean")
    return {
        "words": _words(query),
        "types": types,
        "limit": limit,
        "offset": offset,
        "fields": fields,
        "counts": bool(body.get("counts")),
        "highlights": bool(body.get("highlights")),
    }


def run_search(
    tx: Tx, principal: Principal, scope: Scope, body: dict[str, Any], web_url: str
) -> Any:
    """The results (a list), or `{"results", "counts"}` when `counts` is asked for."""
    from ..applications.models import app_mini, load_app

    opts = parse_body(body)
    words: list[str] = opts["words"]
    docs = collect(tx, principal, scope, web_url, REF_TYPES if opts["counts"] else opts["types"])
    found = [d for d in docs if _matches(d, words, opts["fields"])]
    title_hits = {id(d): sum(w in d.title.lower() for w in words) for d in found}
    found.sort(key=lambda d: (title_hits[id(d)], d.created_on, d.id), reverse=True)
    counts = {t: sum(1 for d in found if d.type == t) for t in REF_TYPES}
    chosen = [d for d in found if d.type in opts["types"]]
    search_id = tx.next_id("search")
    page = chosen[opts["offset"] : opts["offset"] + opts["limit"]]
    results = []
    for position, doc in enumerate(page, start=opts["offset"] + 1):
        space = space_data(tx, doc.space_id, web_url) if doc.space_id is not None else None
        org_id = (
            tx.scalar("SELECT org_id FROM spaces WHERE space_id = ?", (doc.space_id,))
            if doc.space_id is not None
            else None
        )
        results.append(
            {
                "type": doc.type,
                "id": doc.id,
                "title": doc.title,
                "link": doc.link,
                "rank": position,
                "search_id": search_id,
                "created_on": doc.created_on or None,
                "created_by": by_line(tx, doc.created_by[0], doc.created_by[1], web_url)
                if doc.created_by is not None
                else None,
                "app": app_mini(tx, load_app(tx, doc.app_id), web_url)
                if doc.app_id is not None
                else None,
                "space": space,
                "org": org_mini(tx, int(org_id), web_url) if org_id is not None else None,
                "highlight": _highlight(doc, words) if opts["highlights"] else None,
            }
        )
    if opts["counts"]:
        return {"results": results, "counts": counts}
    return results
