"""The e-mail addresses of a user account."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, as_raw, returns

__all__ = ["UserMail"]


class UserMail(Model):
    """One address of a user (`User.mails`): whether it is verified, primary or disabled."""

    _id_field = "mail"

    mail: str | None = None
    verified: bool | None = None
    primary: bool | None = None
    disabled: bool | None = None

    # The gem's name. It hides pydantic's deprecated `BaseModel.validate`, which pydantic itself
    # never calls (it uses `model_validate`).
    @returns(as_raw, "POST", "/user/mail_validation")
    def validate(cls, mail: str, *, client: ClientArg = None) -> Call:  # type: ignore[override]
        """Check whether an address may be used for a new account; returns Podio's verdict.

        Podio serves this to trusted API clients, which call it with their own credentials:
        a client without a user token sends them (HTTP Basic) by itself.
        """
        return Call(basic_auth=True, json={"mail": mail}, idempotent=True)

    avalidate = validate.twin()
