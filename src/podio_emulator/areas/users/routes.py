"""Users: `/user/...` operations (endpoints.tsv area `users`)."""

from __future__ import annotations

from typing import Any

from ...db import dumps, loads
from ...errors import forbidden, invalid_value, not_found
from ...request import ApiRequest, Reply, describe
from ...routing import Router
from . import models

router = Router("users")

_LOCALES = {
    "en_GB",
    "en_US",
    "da_DK",
    "de_DE",
    "es_ES",
    "fr_FR",
    "nl_NL",
    "no_NO",
    "pt_BR",
    "sv_SE",
}


@router.get("/user/status", auth="user")
def get_user_status(req: ApiRequest) -> object:
    user = models.get_user(req.tx, req.require_user())
    return models.user_status(req.tx, user, req.web_url, req.require_principal().client_id)


@router.get("/user/", auth="user", slash="both")
def get_user(req: ApiRequest) -> object:
    user = models.get_user(req.tx, req.require_user())
    return models.user_object(user, req.web_url)


@router.put("/user/", auth="user", slash="both")
def update_user(req: ApiRequest) -> object:
    """Change locale and time zone; other keys are ignored (Podio ignores unknown attributes)."""
    user_id = req.require_user()
    body = req.json_object()
    values: dict[str, Any] = {}
    if "locale" in body:
        locale = body["locale"]
        if not isinstance(locale, str) or locale not in _LOCALES:
            raise invalid_value(f"Invalid value {describe(locale)}: unknown locale")
        values["locale"] = locale
    if "timezone" in body:
        tz = body["timezone"]
        if not isinstance(tz, str) or not _valid_timezone(tz):
            raise invalid_value(f"Invalid value {describe(tz)}: unknown time zone")
        values["timezone"] = tz
    req.tx.update("users", values, "user_id = ?", (user_id,))
    return None


def _valid_timezone(name: str) -> bool:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


@router.get("/user/profile/", auth="user", slash="both")
def get_profile(req: ApiRequest) -> object:
    user = models.get_user(req.tx, req.require_user())
    return models.profile_object(req.tx, user, req.web_url)


@router.put("/user/profile/", auth="user", slash="both")
def update_profile(req: ApiRequest) -> object:
    models.update_profile(req.tx, req.require_user(), req.json_object())
    return None


@router.get("/user/profile/{key}", auth="user")
def get_profile_field(req: ApiRequest) -> object:
    """The values of one profile field, always as a list (empty when unset)."""
    key = req.param("key")
    if key not in models.LIST_FIELDS and key not in models.SINGLE_FIELDS and key != "avatar":
        raise not_found("No such profile field")
    user = models.get_user(req.tx, req.require_user())
    profile = models.profile_object(req.tx, user, req.web_url)
    value = profile.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@router.put("/user/profile/{key}", auth="user")
def update_profile_field(req: ApiRequest) -> object:
    """Body `{"value": ...}` (a bare value or list is accepted too)."""
    key = req.param("key")
    body = req.json()
    value = body["value"] if isinstance(body, dict) and "value" in body else body
    models.update_profile(req.tx, req.require_user(), {key: value})
    return None


# -- properties: small per-client key/value store (objects.md "User status": properties) ----


def _properties(req: ApiRequest) -> tuple[int, dict[str, Any], dict[str, Any]]:
    user_id = req.require_user()
    user = models.get_user(req.tx, user_id)
    everything: dict[str, Any] = loads(user["properties"], {})
    client_id = req.require_principal().client_id
    mine: dict[str, Any] = dict(everything.get(client_id, {}))
    return user_id, everything, mine


def _save_properties(
    req: ApiRequest, user_id: int, everything: dict[str, Any], mine: dict[str, Any]
) -> None:
    everything[req.require_principal().client_id] = mine
    req.tx.update("users", {"properties": dumps(everything)}, "user_id = ?", (user_id,))


@router.get("/user/property/{name:str}", auth="user")
def get_user_property(req: ApiRequest) -> object:
    _, _, mine = _properties(req)
    name = req.param("name")
    if name not in mine:
        raise not_found("No such property")
    return {"value": mine[name]}


@router.put("/user/property/{name:str}", auth="user")
def set_user_property(req: ApiRequest) -> object:
    body = req.json_object()
    if "value" not in body:
        raise invalid_value("The body must carry a value")
    user_id, everything, mine = _properties(req)
    mine[req.param("name")] = body["value"]
    _save_properties(req, user_id, everything, mine)
    return None


@router.put("/user/property/", auth="user")
def set_user_properties(req: ApiRequest) -> object:
    body = req.json_object()
    user_id, everything, mine = _properties(req)
    mine.update(body)
    _save_properties(req, user_id, everything, mine)
    return mine


@router.delete("/user/property/{name:str}", auth="user")
def delete_user_property(req: ApiRequest) -> object:
    user_id, everything, mine = _properties(req)
    mine.pop(req.param("name"), None)
    _save_properties(req, user_id, everything, mine)
    return None


# -- operations for trusted clients (HTTP Basic client credentials: auth.md §5) -------------


def _trusted(req: ApiRequest) -> None:
    if req.require_principal().type != "client":
        raise forbidden("Only trusted API clients may do this")


@router.post("/user/", auth="client")
def create_user(req: ApiRequest) -> object:
    """Trusted clients create users: `{"mail", "password", "name", "locale"?, "timezone"?}`
    -> `{"user_id"}` (409 when the mail is taken)."""
    _trusted(req)
    body = req.json_object()
    mail, password, name = body.get("mail"), body.get("password"), body.get("name")
    if not isinstance(mail, str) or "@" not in mail:
        raise invalid_value(f"Invalid value {describe(mail)}: mail must be a mail address")
    if not isinstance(password, str) or len(password) < 1:
        raise invalid_value("password must be a non-empty string")
    if not isinstance(name, str) or not name.strip():
        raise invalid_value(f"Invalid value {describe(name)}: name must be a non-empty string")
    values: dict[str, Any] = {}
    if "locale" in body:
        if body["locale"] not in _LOCALES:
            raise invalid_value(f"Invalid value {describe(body['locale'])}: unknown locale")
        values["locale"] = body["locale"]
    if "timezone" in body:
        if not isinstance(body["timezone"], str) or not _valid_timezone(body["timezone"]):
            raise invalid_value(f"Invalid value {describe(body['timezone'])}: unknown time zone")
        values["timezone"] = body["timezone"]
    user_id = models.create_user(req.tx, mail=mail, name=name.strip(), password=password)
    req.tx.update("users", values, "user_id = ?", (user_id,))
    return Reply({"user_id": user_id}, status=200)


@router.post("/user/recover_password", auth="client")
def recover_password(req: ApiRequest) -> object:
    """Trusted clients start a password recovery for `{"mail"}`. Podio mails a link; the
    emulator sends nothing and answers 204 whether or not the mail is known (no account
    probing)."""
    _trusted(req)
    mail = req.json_object().get("mail")
    if not isinstance(mail, str) or "@" not in mail:
        raise invalid_value(f"Invalid value {describe(mail)}: mail must be a mail address")
    return None
