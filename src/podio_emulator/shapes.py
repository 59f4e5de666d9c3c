"""Embedded shapes every area uses: byline (`created_by`), via (`created_via`), push.

Shapes follow conventions.md §8 and the samples (`created_by` in samples/space-get.json).
"""

from __future__ import annotations

import hashlib
from typing import Any

from .auth import Principal
from .db import Tx

__all__ = ["app_byline", "byline", "file_image", "push", "user_byline", "via"]

PUSH_LIFETIME = 21600  # seconds, as in samples/space-get.json


def user_byline(tx: Tx, user_id: int, web_url: str) -> dict[str, Any]:
    """A user as `created_by`/`user`: the keys of samples/space-get.json `created_by` plus
    `id` and `url` (conventions.md §8)."""
    row = tx.one(
        "SELECT u.user_id, u.profile_id, u.name, u.last_seen_on, u.avatar FROM users u "
        "WHERE u.user_id = ?",
        (user_id,),
    )
    if row is None:
        return {"type": "user", "id": user_id, "user_id": user_id, "name": "Deleted user"}
    link = f"{web_url}/users/{row['user_id']}"
    return {
        "type": "user",
        "id": row["user_id"],
        "user_id": row["user_id"],
        "profile_id": row["profile_id"],
        "name": row["name"],
        "link": link,
        "url": link,
        "avatar": row["avatar"],
        "avatar_id": row["avatar"],
        "avatar_type": "file" if row["avatar"] is not None else None,
        "image": file_image(row["avatar"]),
        "last_seen_on": row["last_seen_on"],
        "space_id": None,
        "org_id": None,
    }


def app_byline(tx: Tx, app_id: int, web_url: str) -> dict[str, Any]:
    """An app as `created_by` (items created with an app token are attributed to the app)."""
    name = tx.scalar("SELECT name FROM apps WHERE app_id = ?", (app_id,)) or "App"
    return {
        "type": "app",
        "id": app_id,
        "name": name,
        "url": f"{web_url}/apps/{app_id}",
        "link": f"{web_url}/apps/{app_id}",
        "avatar": None,
        "avatar_id": None,
        "avatar_type": "icon",
        "image": None,
        "last_seen_on": None,
    }


def byline(tx: Tx, principal: Principal, web_url: str) -> dict[str, Any]:
    """The byline of whoever made the request."""
    if principal.type == "app":
        return app_byline(tx, principal.id, web_url)
    if principal.type == "user":
        return user_byline(tx, principal.id, web_url)
    return {"type": "system", "id": 0, "name": "Podio", "url": None, "avatar": None, "image": None}


def via(tx: Tx, principal: Principal) -> dict[str, Any]:
    """`created_via`: the API client that made the request (conventions.md §8)."""
    row = tx.one(
        "SELECT rowid AS auth_client_id, name FROM oauth_clients WHERE client_id = ?",
        (principal.client_id,),
    )
    if row is None:
        return {"id": 1, "auth_client_id": 1, "name": "Podio", "url": None, "display": False}
    return {
        "id": row["auth_client_id"],
        "auth_client_id": row["auth_client_id"],
        "name": row["name"],
        "url": None,
        "display": True,
    }


def push(tx: Tx, channel: str) -> dict[str, Any]:
    """Realtime channel info (`push`), signed with a digest that never verifies anywhere."""
    timestamp = int(tx.clock.now())
    signature = hashlib.sha1(  # noqa: S324 - not security: a stand-in signature
        f"{channel}:{timestamp}".encode()
    ).hexdigest()
    return {
        "timestamp": timestamp,
        "expires_in": PUSH_LIFETIME,
        "channel": channel,
        "signature": signature,
    }


def file_image(file_id: int | None) -> dict[str, Any] | None:
    """The file-mini `image` of an avatar or logo (conventions.md §8), None without a file."""
    if file_id is None:
        return None
    link = f"https://files.podio.com/{file_id}"
    return {
        "hosted_by": "podio",
        "hosted_by_humanized_name": "Podio",
        "thumbnail_link": link,
        "link": link,
        "file_id": file_id,
        "external_file_id": None,
        "link_target": "_blank",
    }
