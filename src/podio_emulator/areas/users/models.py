"""Users and their profiles.

A user has a login (mail + password), a status (`active`, `inactive` until activated,
`blacklisted`), a locale and a time zone (default `Europe/Copenhagen`, so that local and UTC
times differ as they do for most Podio users), and one profile (contact of type `user`).

Profiles live in the shared `profiles` table: the contacts area adds space contacts there
(type `space`), so one `profile_id` sequence serves both.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Mapping
from typing import Any

from ...db import Tx, dumps, loads
from ...errors import conflict, invalid_value, not_found
from ...request import describe
from ...shapes import file_image

__all__ = [
    "LIST_FIELDS",
    "SCHEMA",
    "SINGLE_FIELDS",
    "check_password",
    "create_user",
    "find_user",
    "find_user_by_mail",
    "profile_object",
    "update_profile",
    "user_object",
    "user_status",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_id INTEGER PRIMARY KEY,
    profile_id INTEGER NOT NULL UNIQUE,
    mail TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    locale TEXT NOT NULL DEFAULT 'en_GB',
    timezone TEXT NOT NULL DEFAULT 'Europe/Copenhagen',
    avatar INTEGER,
    created_on TEXT NOT NULL,
    activated_on TEXT,
    last_seen_on TEXT,
    mfa_otp_hash TEXT,
    mfa_recovery TEXT NOT NULL DEFAULT '[]',
    flags TEXT NOT NULL DEFAULT '[]',
    properties TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS profiles (
    profile_id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    user_id INTEGER,
    space_id INTEGER,
    org_id INTEGER,
    external_id TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    data TEXT NOT NULL DEFAULT '{}',
    created_on TEXT NOT NULL,
    created_by INTEGER
);
CREATE INDEX IF NOT EXISTS profiles_user ON profiles (user_id);
CREATE INDEX IF NOT EXISTS profiles_space ON profiles (space_id);
"""

# Profile fields (objects.md, "Profile / contact"): lists of strings, and single values.
LIST_FIELDS = ("mail", "phone", "address", "location", "title", "url", "skill", "im")
SINGLE_FIELDS = (
    "name",
    "birthdate",
    "organization",
    "department",
    "skype",
    "about",
    "zip",
    "city",
    "state",
    "country",
    "linkedin",
    "twitter",
    "vatin",
    "app_store_about",
    "app_store_organization",
    "app_store_location",
    "app_store_title",
    "app_store_url",
)
_PBKDF2_ROUNDS = 2000  # a local emulator: enough to keep plain passwords out of the file


def hash_password(password: str) -> str:
    salt = secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), _PBKDF2_ROUNDS)
    return f"pbkdf2${_PBKDF2_ROUNDS}${salt}${digest.hex()}"


def check_password(stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        _, rounds, salt, digest = stored.split("$")
    except ValueError:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), int(rounds))
    return hmac.compare_digest(candidate.hex(), digest)


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def create_user(
    tx: Tx,
    *,
    mail: str,
    name: str,
    password: str | None,
    status: str = "active",
    mfa_otp: str | None = None,
    recovery_codes: tuple[str, ...] = (),
) -> int:
    """Create a user with its profile; returns the user id. 409 when the mail is taken."""
    mail = mail.strip()
    if "@" not in mail or len(mail) < 3:
        raise invalid_value(f"Invalid value {describe(mail)}: must be a mail address")
    if find_user_by_mail(tx, mail) is not None:
        raise conflict("A user with this mail address already exists")
    user_id = tx.next_id("user")
    profile_id = tx.next_id("profile")
    now = tx.clock.now_str()
    tx.insert(
        "users",
        {
            "user_id": user_id,
            "profile_id": profile_id,
            "mail": mail,
            "name": name,
            "password_hash": hash_password(password) if password else None,
            "status": status,
            "created_on": now,
            "activated_on": now if status == "active" else None,
            "mfa_otp_hash": hash_code(mfa_otp) if mfa_otp else None,
            "mfa_recovery": dumps([hash_code(c) for c in recovery_codes]),
        },
    )
    tx.insert(
        "profiles",
        {
            "profile_id": profile_id,
            "type": "user",
            "user_id": user_id,
            "data": dumps({"name": name, "mail": [mail]}),
            "created_on": now,
            "created_by": user_id,
        },
    )
    return user_id


def set_login(
    tx: Tx,
    user_id: int,
    *,
    password: str,
    mfa_otp: str | None,
    recovery_codes: tuple[str, ...],
) -> None:
    """Reset a user's password and second factor (configured users at bootstrap)."""
    tx.update(
        "users",
        {
            "password_hash": hash_password(password),
            "mfa_otp_hash": hash_code(mfa_otp) if mfa_otp else None,
            "mfa_recovery": dumps([hash_code(c) for c in recovery_codes]),
        },
        "user_id = ?",
        (user_id,),
    )


def activate_user(tx: Tx, user_id: int) -> None:
    tx.execute(
        "UPDATE users SET status = 'active', activated_on = COALESCE(activated_on, ?) "
        "WHERE user_id = ?",
        (tx.clock.now_str(), user_id),
    )


def find_user(tx: Tx, user_id: int) -> sqlite3.Row | None:
    return tx.one("SELECT * FROM users WHERE user_id = ?", (user_id,))


def get_user(tx: Tx, user_id: int) -> sqlite3.Row:
    row = find_user(tx, user_id)
    if row is None:
        raise not_found("User not found")
    return row


def find_user_by_mail(tx: Tx, mail: str) -> sqlite3.Row | None:
    return tx.one("SELECT * FROM users WHERE mail = ? COLLATE NOCASE", (mail.strip(),))


def touch(tx: Tx, user_id: int) -> None:
    """Record that the user was seen now (`last_seen_on`)."""
    tx.execute("UPDATE users SET last_seen_on = ? WHERE user_id = ?", (tx.clock.now_str(), user_id))


def check_second_factor(tx: Tx, user_id: int, *, otp: str | None, recovery: str | None) -> bool:
    """True when `otp` is the user's OTP or `recovery` an unused recovery code (then spent)."""
    row = get_user(tx, user_id)
    if otp is not None:
        stored = row["mfa_otp_hash"]
        return bool(stored) and hmac.compare_digest(stored, hash_code(otp))
    if recovery is not None:
        codes: list[str] = loads(row["mfa_recovery"], [])
        digest = hash_code(recovery)
        if digest in codes:
            codes.remove(digest)
            tx.update("users", {"mfa_recovery": dumps(codes)}, "user_id = ?", (user_id,))
            return True
    return False


# -- shapes --------------------------------------------------------------------------------


def profile_data(tx: Tx, profile_id: int) -> dict[str, Any]:
    return dict(
        loads(tx.scalar("SELECT data FROM profiles WHERE profile_id = ?", (profile_id,)), {})
    )


def profile_object(tx: Tx, user: sqlite3.Row, web_url: str) -> dict[str, Any]:
    """A user's profile (contact of type `user`), objects.md "Profile / contact"."""
    data = profile_data(tx, int(user["profile_id"]))
    link = f"{web_url}/users/{user['user_id']}"
    obj: dict[str, Any] = {
        "profile_id": user["profile_id"],
        "user_id": user["user_id"],
        "type": "user",
        "name": user["name"],
        "avatar": user["avatar"],
        "image": file_image(user["avatar"]),
        "link": link,
        "last_seen_on": user["last_seen_on"],
        "rights": ["view"],
        "external_id": None,
        "space_id": None,
        "org_id": None,
    }
    for key in LIST_FIELDS:
        if key in data:
            obj[key] = list(data[key])
    for key in SINGLE_FIELDS:
        if key in data and key != "name":
            obj[key] = data[key]
    return obj


def user_object(user: sqlite3.Row, web_url: str) -> dict[str, Any]:
    """`GET /user/` (objects.md "User")."""
    return {
        "user_id": user["user_id"],
        "profile_id": user["profile_id"],
        "name": user["name"],
        "mail": user["mail"],
        "mails": [{"mail": user["mail"], "verified": True, "primary": True, "disabled": False}],
        "status": user["status"],
        "locale": user["locale"],
        "timezone": user["timezone"],
        "type": "user",
        "link": f"{web_url}/users/{user['user_id']}",
        "avatar": user["avatar"],
        "flags": loads(user["flags"], []),
        "created_on": user["created_on"],
        "activated_on": user["activated_on"],
    }


def user_status(tx: Tx, user: sqlite3.Row, web_url: str, client_id: str) -> dict[str, Any]:
    """`GET /user/status` (objects.md "User status"); `properties` are the calling client's."""
    uid = user["user_id"]
    return {
        "user": {
            "user_id": uid,
            "mail": user["mail"],
            "status": user["status"],
            "locale": user["locale"],
            "timezone": user["timezone"],
            "invites": 0,
            "created_on": user["created_on"],
            "activated_on": user["activated_on"],
        },
        "profile": profile_object(tx, user, web_url),
        "properties": loads(user["properties"], {}).get(client_id, {}),
        "referral": {"code": f"ref{uid}", "status": "disabled"},
        "flags": loads(user["flags"], []),
        "betas": [],
        "inbox_new": 0,
        "message_unread_count": 0,
        "calendar_code": hashlib.sha1(  # noqa: S324 - an opaque id, not security
            f"calendar:{uid}".encode()
        ).hexdigest()[:16],
        "mailbox": f"user{uid}",
        "task_mail": f"task+{uid}@podio.com",
    }


# -- profile updates -------------------------------------------------------------------------


def validate_profile_value(key: str, value: Any) -> Any:
    """The stored form of one profile field; 400 `invalid_value` for a bad one.

    `None` (like `[]` for lists) is kept: the callers remove the field for it.
    """
    if key in LIST_FIELDS:
        if value is None:
            return None
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise invalid_value(f"Invalid value {describe(value)}: must be string or array of strings")
    if key in SINGLE_FIELDS:
        if key == "birthdate" and value is not None:
            if not isinstance(value, str) or not _is_date(value):
                raise invalid_value(f"Invalid value {describe(value)}: must be a date YYYY-MM-DD")
            return value
        if key == "name" and (not isinstance(value, str) or not value.strip()):
            raise invalid_value(f"Invalid value {describe(value)}: must be a non-empty string")
        if value is not None and not isinstance(value, str):
            raise invalid_value(f"Invalid value {describe(value)}: must be string")
        return value
    if key == "avatar":
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise invalid_value(f"Invalid value {describe(value)}: must be a file id")
        return value
    raise invalid_value(f"Invalid value {describe(key)}: unknown profile field")


def _is_date(text: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def update_profile(tx: Tx, user_id: int, values: Mapping[str, Any]) -> None:
    """Set profile fields (unknown keys are 400; all are checked before anything is stored)."""
    user = get_user(tx, user_id)
    clean = {key: validate_profile_value(key, value) for key, value in values.items()}
    data = profile_data(tx, int(user["profile_id"]))
    for key, value in clean.items():
        if key == "avatar":
            tx.update("users", {"avatar": value}, "user_id = ?", (user_id,))
            continue
        if value is None or value == []:
            data.pop(key, None)
        else:
            data[key] = value
        if key == "name":
            tx.update("users", {"name": value.strip()}, "user_id = ?", (user_id,))
            data["name"] = value.strip()
    tx.update("profiles", {"data": dumps(data)}, "profile_id = ?", (user["profile_id"],))
