"""Area `users`: accounts, profiles, per-client properties; the configured users."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...config import UserSpec
from ...errors import invalid_value
from ...request import ApiRequest, Reply
from ...routing import Router
from .. import Area, SeedWorld
from . import models
from .routes import router

if TYPE_CHECKING:
    from ...db import Tx
    from ...emulator import Emulator

control = Router("users")

# People of the demo world (`POST /_emulator/seed`); all share the password "password".
DEMO_USERS = (
    ("alice@example.com", "Alice Admin"),
    ("bob@example.com", "Bob Regular"),
    ("carol@example.com", "Carol Light"),
)
DEMO_PASSWORD = "password"  # noqa: S105 - documented demo credential


def _create_from_spec(tx: Tx, spec: UserSpec) -> int:
    return models.create_user(
        tx,
        mail=spec.mail,
        name=spec.display_name,
        password=spec.password,
        mfa_otp=spec.otp if spec.mfa else None,
        recovery_codes=spec.recovery_codes if spec.mfa else (),
    )


def bootstrap(tx: Tx, emulator: Emulator) -> None:
    """Make sure every configured user exists and logs in with its configured password."""
    for spec in emulator.config.users:
        row = models.find_user_by_mail(tx, spec.mail)
        if row is None:
            _create_from_spec(tx, spec)
        else:
            models.set_login(
                tx,
                int(row["user_id"]),
                password=spec.password,
                mfa_otp=spec.otp if spec.mfa else None,
                recovery_codes=spec.recovery_codes if spec.mfa else (),
            )


def seed(tx: Tx, emulator: Emulator, world: SeedWorld) -> None:
    users: dict[str, int] = {}
    for spec in emulator.config.users:
        row = models.find_user_by_mail(tx, spec.mail)
        if row is not None:
            users[spec.mail] = int(row["user_id"])
    for mail, name in DEMO_USERS:
        row = models.find_user_by_mail(tx, mail)
        if row is None:
            users[mail] = models.create_user(tx, mail=mail, name=name, password=DEMO_PASSWORD)
        else:
            users[mail] = int(row["user_id"])
    world["users"] = users


@control.post("/_emulator/users", auth="none")
def create_user(req: ApiRequest) -> object:
    """Add a user: `{"mail", "password", "name"?, "mfa"?: bool}`.

    Answers `{"user_id", "profile_id", "mail"}` plus, with `mfa`, `{"otp", "recovery_codes"}`:
    the second factor that `POST /mfa/verify` then accepts.
    """
    body = req.json_object()
    mail, password = body.get("mail"), body.get("password")
    name = body.get("name") or ""
    mfa = body.get("mfa", False)
    if not isinstance(mail, str) or not isinstance(password, str) or not password:
        raise invalid_value("mail and password are required strings")
    if not isinstance(name, str) or not isinstance(mfa, bool):
        raise invalid_value("name must be a string and mfa a boolean")
    spec = UserSpec(mail=mail, password=password, name=name, mfa=mfa)
    user_id = _create_from_spec(req.tx, spec)
    result: dict[str, Any] = {
        "user_id": user_id,
        "profile_id": models.get_user(req.tx, user_id)["profile_id"],
        "mail": mail,
    }
    if mfa:
        result["otp"] = spec.otp
        result["recovery_codes"] = list(spec.recovery_codes)
    return Reply(result, status=201)


AREA = Area(
    name="users",
    router=router,
    control_router=control,
    schema=models.SCHEMA,
    bootstrap=bootstrap,
    seed=seed,
    counts={
        "user": "SELECT COUNT(*) FROM users",
        "profile": "SELECT COUNT(*) FROM profiles",
    },
    order=10,
)
