"""Where an account stands in its activation, looked up by activation code."""

from __future__ import annotations

from typing import Any

from ._base import Model
from ._operation import Call, ClientArg, member

__all__ = ["ActivationStatus"]


class ActivationStatus(Model):
    """The account an activation code belongs to, and how far its activation went."""

    _id_field = "user_id"

    user_id: int | None = None
    status: str | None = None
    mail: str | None = None
    name: str | None = None
    has_valid_password: bool | None = None
    space_count: int | None = None
    internal_source: dict[str, Any] | None = None

    @member("GET", "/user/status/activation")
    def find(cls, activation_code: str, *, client: ClientArg = None) -> Call:
        """The activation status for an activation code (from a sign-up or invitation mail).

        A trusted-client call: a client without a user token sends its own credentials.
        """
        return Call(basic_auth=True, params={"activation_code": activation_code})

    afind = find.twin()
