"""Shared data for the field tests: the reference samples and an app with every field type."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

# The reference sits next to the checkout (beside /work/main or a worktree's parent folder).
SAMPLES = next(
    (
        parent / "shared" / "podio-api" / "samples"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "podio-api" / "samples").is_dir()
    ),
    Path(__file__).resolve().parents[4] / "shared" / "podio-api" / "samples",
)

ITEM_SAMPLES = (
    "item-get-all-fields.json",
    "item-get-basic-fields.json",
    "item-get-all-fields-2014.json",
    "item-get-progress-location-duration.json",
)
APP_SAMPLES = (
    "app-get-all-fields-2014.json",
    "app-get-question-field-2014.json",
    "app-get-large.json",
)


def sample(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def every_sample_field() -> list[tuple[str, dict[str, Any]]]:
    """(where, item field dict) for every field of every item body in the samples.

    Revision diffs contribute their `from` and `to` values as two fields each.
    """
    out: list[tuple[str, dict[str, Any]]] = []
    for name in ITEM_SAMPLES:
        for field in sample(name)["fields"]:
            out.append((f"{name}:{field['external_id']}", field))
    for item in sample("item-filter.json")["items"]:
        for field in item["fields"]:
            out.append((f"item-filter.json:{field['external_id']}", field))
    for diff in sample("item-revision-diff.json"):
        for side in ("from", "to"):
            field = {key: value for key, value in diff.items() if key not in ("from", "to")}
            field["values"] = diff[side]
            out.append((f"item-revision-diff.json:{diff['field_id']}:{side}", field))
    return out


def _field(
    field_id: int, external_id: str, ftype: str, settings: Any = None, **config: Any
) -> dict[str, Any]:
    return {
        "field_id": field_id,
        "external_id": external_id,
        "type": ftype,
        "label": external_id.replace("-", " ").title(),
        "status": "active",
        "config": {"label": external_id, "settings": settings, "required": False, **config},
    }


def _options(*texts: str) -> list[dict[str, Any]]:
    return [
        {"id": index, "text": text, "status": "active", "color": "DCEBD8"}
        for index, text in enumerate(texts, start=1)
    ]


#: An app with a field of every type Podio has (fields.md §1), settings as in real bodies.
EVERY_TYPE_APP: dict[str, Any] = {
    "app_id": 777,
    "current_revision": 12,
    "config": {"name": "Every Type", "item_name": "Thing"},
    "fields": [
        _field(1, "title", "text", {"size": "small", "format": "plain"}, required=True),
        _field(2, "notes", "text", {"size": "large", "format": "html"}),
        _field(3, "amount", "number", {"decimals": 2}),
        _field(4, "price", "money", {"allowed_currencies": ["EUR", "USD"]}),
        _field(5, "done", "progress"),
        _field(6, "effort", "duration", {"fields": ["days", "hours", "minutes", "seconds"]}),
        _field(7, "due", "date", {"calendar": True, "end": "enabled", "time": "enabled"}),
        _field(
            8,
            "status",
            "category",
            {
                "multiple": False,
                "options": _options("To do", "Doing", "Done", "done"),
                "display": "inline",
            },
        ),
        _field(
            9, "labels", "category", {"multiple": True, "options": _options("Red", "Green", "Blue")}
        ),
        _field(10, "answer", "question", {"multiple": False, "options": _options("Yes", "No")}),
        _field(
            11,
            "related",
            "app",
            {"multiple": True, "referenced_apps": [{"app_id": 777, "view_id": None}]},
        ),
        _field(12, "parent", "app", {"multiple": False, "referenced_apps": [{"app_id": 777}]}),
        _field(13, "owner", "contact", {"type": "space_users", "valid_types": ["user"]}),
        _field(14, "watcher", "member"),
        _field(15, "photo", "image", {"allowed_mimetypes": ["image/*"]}),
        _field(16, "attachment", "file", {"allowed_mimetypes": []}),
        _field(17, "clip", "video"),
        _field(18, "website", "embed"),
        _field(19, "place", "location", {"structured": False, "has_map": True}),
        _field(20, "mail", "email", {"possible_types": ["work", "home", "other"]}),
        _field(21, "phone", "phone", {"possible_types": ["mobile", "work", "home"]}),
        _field(
            22,
            "total",
            "calculation",
            {"return_type": "number", "decimals": 2, "unit": "kg", "script": "1"},
        ),
        _field(23, "summary", "calculation", {"return_type": "text", "script": "'x'"}),
        _field(24, "deadline", "calculation", {"return_type": "date", "script": "x"}),
        _field(25, "keywords", "tag"),
        _field(26, "stage", "state", {"allowed_values": ["new", "old"]}),
        _field(27, "line", "separator"),
        _field(28, "fax", "tel"),
        _field(29, "media", "media"),
        _field(30, "mystery", "hologram"),
        _field(31, "class", "text", {"size": "small"}),
        _field(32, "2nd-phone", "text"),
        _field(33, "save", "text"),
        _field(34, "title_", "text"),
        _field(35, "ünïcode-näme", "text"),
        _field(36, "gone", "text"),
    ],
}
EVERY_TYPE_APP["fields"][-1]["status"] = "deleted"


def _four(value: Any) -> str:
    return format(Decimal(str(value)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")


def podio_stores(
    field: Mapping[str, Any], written: list[Any], tz: dt.tzinfo = dt.timezone.utc
) -> list[Any]:
    """What GET /item would show after writing `written` (one field's write list).

    An independent emulation of Podio from the reference (fields.md §3, conventions.md §3), so
    that round trips do not test the library against itself: amounts get four decimals,
    options their text, referenced objects come back as objects with their id, dates in both
    the user's zone `tz` and UTC.
    """
    ftype = field["type"]
    settings = (field.get("config") or {}).get("settings") or {}
    out: list[Any] = []
    for element in written:
        body = element if isinstance(element, dict) else {"value": element}
        value = body.get("value")
        if ftype == "number":
            out.append({"value": _four(value)})
        elif ftype == "money":
            out.append({"value": _four(value), "currency": body["currency"]})
        elif ftype in ("category", "question"):
            option = next(o for o in settings["options"] if o["id"] == value)
            out.append({"value": dict(option)})
        elif ftype == "app":
            out.append(
                {"value": {"item_id": value, "title": f"Item {value}", "app": {"app_id": 777}}}
            )
        elif ftype == "contact":
            out.append(
                {
                    "value": {
                        "profile_id": value,
                        "user_id": value + 1000,
                        "name": f"P{value}",
                        "type": "user",
                    }
                }
            )
        elif ftype == "member":
            out.append({"value": value})
        elif ftype in ("image", "file", "video"):
            out.append(
                {
                    "value": {
                        "file_id": value,
                        "name": f"f{value}.png",
                        "link": f"https://files.podio.com/{value}",
                    }
                }
            )
        elif ftype == "embed":
            if "url" in body:
                out.append(
                    {
                        "embed": {
                            "embed_id": None,
                            "url": body["url"],
                            "original_url": body["url"],
                        },
                        "file": None,
                    }
                )
            else:
                file = body.get("file")
                out.append(
                    {
                        "embed": {"embed_id": body["embed"], "url": "https://example.com/"},
                        "file": {"file_id": file} if file else None,
                    }
                )
        elif ftype == "date":
            out.append(_stored_date(body, tz))
        elif ftype == "location":
            out.append(
                {
                    "value": body.get("value"),
                    "formatted": body.get("value"),
                    "lat": body.get("lat"),
                    "lng": body.get("lng"),
                    "map_in_sync": True,
                }
            )
        else:
            out.append(dict(body))
    return out


def _stored_date(body: Mapping[str, Any], tz: dt.tzinfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for prefix in ("start", "end"):
        if f"{prefix}_date" in body:
            day = body[f"{prefix}_date"]
            out.update(
                {
                    prefix: f"{day} 00:00:00",
                    f"{prefix}_date": day,
                    f"{prefix}_time": None,
                    f"{prefix}_utc": f"{day} 00:00:00",
                    f"{prefix}_date_utc": day,
                    f"{prefix}_time_utc": None,
                }
            )
            continue
        if f"{prefix}_utc" in body:
            utc = dt.datetime.strptime(body[f"{prefix}_utc"], "%Y-%m-%d %H:%M:%S").replace(
                tzinfo=dt.timezone.utc
            )
        elif prefix in body:
            local_naive = dt.datetime.strptime(body[prefix], "%Y-%m-%d %H:%M:%S")
            utc = local_naive.replace(tzinfo=tz).astimezone(dt.timezone.utc)
        else:
            continue
        local = utc.astimezone(tz).replace(tzinfo=None)
        out.update(
            {
                prefix: local.strftime("%Y-%m-%d %H:%M:%S"),
                f"{prefix}_date": local.date().isoformat(),
                f"{prefix}_time": local.time().isoformat(),
                f"{prefix}_utc": utc.strftime("%Y-%m-%d %H:%M:%S"),
                f"{prefix}_date_utc": utc.date().isoformat(),
                f"{prefix}_time_utc": utc.time().isoformat(),
            }
        )
    return out
