"""Mail addresses that feed content into Podio (an app's or a space's inbound address)."""

from __future__ import annotations

from ._base import Model
from ._operation import Call, ClientArg, as_raw, member, returns
from ._text import as_text

__all__ = ["EmailContact"]

_DOC = "https://developers.podio.com/doc/email"


class EmailContact(Model):
    """A named inbound mail address (`name`, `mail`), global or of an object (`get_ref`)."""

    _id_field = "mail"

    name: str | None = None
    mail: str | None = None

    @member("GET", "/email/contact/{name}", doc=f"{_DOC}/get-global-contact-13716154")
    def get_global(cls, name: str, *, client: ClientArg = None) -> Call:
        """The global mail contact with the given name."""
        return Call(path={"name": name})

    aget_global = get_global.twin()

    @member(
        "GET",
        "/email/contact/{name}/{ref_type}/{ref_id}",
        doc=f"{_DOC}/get-email-contact-for-reference-13716555",
    )
    def get_ref(cls, name: str, ref_type: str, ref_id: int, *, client: ClientArg = None) -> Call:
        """The mail contact of an object (``"app"``, ``"space"``...) with the given name."""
        return Call(path={"name": name, "ref_type": ref_type, "ref_id": ref_id})

    aget_ref = get_ref.twin()

    @returns(
        as_text,
        "GET",
        "/email/contact/{name}/vcard",
        doc=f"{_DOC}/get-global-email-contact-as-vcard-13624848",
    )
    def get_global_as_vcard(cls, name: str, *, client: ClientArg = None) -> Call:
        """The global mail contact as vCard text."""
        return Call(path={"name": name})

    aget_global_as_vcard = get_global_as_vcard.twin()

    @returns(
        as_text,
        "GET",
        "/email/contact/{name}/{ref_type}/{ref_id}/vcard",
        doc=f"{_DOC}/get-email-contact-for-reference-as-vcard-13628255",
    )
    def get_ref_as_vcard(
        cls, name: str, ref_type: str, ref_id: int, *, client: ClientArg = None
    ) -> Call:
        """The mail contact of an object as vCard text."""
        return Call(path={"name": name, "ref_type": ref_type, "ref_id": ref_id})

    aget_ref_as_vcard = get_ref_as_vcard.twin()

    @returns(
        as_raw,
        "POST",
        "/email/contact/{name}/export",
        doc=f"{_DOC}/export-global-email-contact-to-linked-account-13629508",
    )
    def export_global(cls, name: str, linked_account_id: int, *, client: ClientArg = None) -> Call:
        """Add the global mail contact to the address book of a linked account."""
        return Call(path={"name": name}, json={"linked_account_id": linked_account_id})

    aexport_global = export_global.twin()

    @returns(
        as_raw,
        "POST",
        "/email/contact/{name}/{ref_type}/{ref_id}/export",
        doc=f"{_DOC}/export-email-contact-for-reference-to-linked-account-13628926",
    )
    def export_ref(
        cls,
        name: str,
        ref_type: str,
        ref_id: int,
        linked_account_id: int,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Add the mail contact of an object to the address book of a linked account."""
        return Call(
            path={"name": name, "ref_type": ref_type, "ref_id": ref_id},
            json={"linked_account_id": linked_account_id},
        )

    aexport_ref = export_ref.twin()
