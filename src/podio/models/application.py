"""Applications (apps): the definition of a kind of item, with its fields and settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import model_validator
from typing_extensions import Self

from ._base import Model
from ._operation import Call, ClientArg, as_raw, as_status, member, members, returns
from .application_field import ApplicationField
from .profile import Profile

__all__ = ["Application"]

_DOC = "https://developers.podio.com/doc/applications"

AppView = Literal["full", "short", "mini", "micro"]


def _csv(values: Sequence[int | str] | None) -> str | None:
    return None if values is None else ",".join(str(value) for value in values)


class Application(Model):
    """An app (items.md §7): its `config` (name, item name, icon, type, ...) and `fields`.

    Full apps carry `name` and `item_name` only inside `config`; app minis (in items, lists)
    carry them at the top. Both read the same here: when Podio sends them only in `config`,
    `name` and `item_name` fall back to it (as the Ruby gem's do) without adding keys to
    `as_json()`.

    `token` is the app token used by app authentication; it never appears in a repr.
    """

    _id_field = "app_id"

    app_id: int | None = None
    space_id: int | None = None
    status: str | None = None
    name: str | None = None
    item_name: str | None = None
    icon: str | None = None
    icon_id: int | None = None
    config: dict[str, Any] | None = None
    fields: list[ApplicationField] | None = None
    token: str | None = None
    original: int | None = None
    original_revision: int | None = None
    current_revision: int | None = None
    default_view_id: int | None = None
    owner_id: int | None = None
    owner: Profile | None = None
    url: str | None = None
    url_add: str | None = None
    url_label: str | None = None
    link: str | None = None
    link_add: str | None = None
    rights: list[str] | None = None
    layouts: dict[str, Any] | None = None
    integration: dict[str, Any] | None = None
    votings: list[Any] | None = None
    subscribed: bool | None = None
    pinned: bool | None = None
    mailbox: str | None = None
    item_accounting_info: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _names_from_config(self) -> Self:
        # Only for keys Podio did not send at all (an explicit null stays null), and written to
        # __dict__ directly, so that `as_json()` gives back exactly what Podio sent.
        if isinstance(self.config, dict):
            for key in ("name", "item_name"):
                value = self.config.get(key)
                if key not in self.model_fields_set and isinstance(value, str):
                    self.__dict__[key] = value
        return self

    # -- finding apps ------------------------------------------------------------------------

    @member("GET", "/app/{app_id}", doc=f"{_DOC}/get-app-22349")
    def find(
        cls,
        app_id: int,
        *,
        view: AppView | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """One app with its fields; `view` picks how much of it (Podio's default: ``full``).

        `fields` shapes the answer (conventions.md §5), e.g. ``"space.view(full)"``.
        """
        return Call(path={"app_id": app_id}, params={"view": view, "fields": fields})

    afind = find.twin()

    @member(
        "GET",
        "/app/space/{space_id}/{url_label}",
        doc=f"{_DOC}/get-app-on-space-by-url-label-477105",
    )
    def find_by_url_label(
        cls, space_id: int, url_label: str, *, fields: str | None = None, client: ClientArg = None
    ) -> Call:
        """The app with the given URL label (``"leads"``) in a space."""
        return Call(path={"space_id": space_id, "url_label": url_label}, params={"fields": fields})

    afind_by_url_label = find_by_url_label.twin()

    @member(
        "GET",
        "/app/org/{org_label}/space/{space_label}/{app_label}",
        doc=f"{_DOC}/get-app-by-org-label-space-label-and-app-label-91708386",
    )
    def find_by_org_space_and_app_labels(
        cls,
        org_label: str,
        space_label: str,
        app_label: str,
        *,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The app at ``podio.com/<org_label>/<space_label>/apps/<app_label>``."""
        return Call(
            path={"org_label": org_label, "space_label": space_label, "app_label": app_label},
            params={"fields": fields},
        )

    afind_by_org_space_and_app_labels = find_by_org_space_and_app_labels.twin()

    @members("GET", "/app/")
    def find_all(cls, *, fields: str | None = None, client: ClientArg = None) -> Call:
        """The apps the user can see, across spaces."""
        return Call(params={"fields": fields})

    afind_all = find_all.twin()

    @members("GET", "/app/v2/", doc=f"{_DOC}/get-all-user-apps-5902728")
    def find_all_for_current_user(
        cls,
        *,
        exclude_app_ids: Sequence[int] | None = None,
        exclude_demo: bool | None = None,
        limit: int | None = None,
        order: str | None = None,
        referenceable_in_org: int | None = None,
        right: str | None = None,
        text: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The user's apps, optionally narrowed: by `text`, by a `right` the user must have
        (``"view"``, ``"add_item"``...), to those `referenceable_in_org` an org id, ...
        """
        return Call(
            params={
                "exclude_app_ids": _csv(exclude_app_ids),
                "exclude_demo": exclude_demo,
                "limit": limit,
                "order": order,
                "referenceable_in_org": referenceable_in_org,
                "right": right,
                "text": text,
            }
        )

    afind_all_for_current_user = find_all_for_current_user.twin()

    @members("GET", "/app/top/", doc=f"{_DOC}/get-top-apps-22476")
    def find_top(
        cls,
        *,
        exclude_demo: bool | None = None,
        limit: int | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The apps the user uses most (Podio's default `limit`: 4)."""
        return Call(params={"exclude_demo": exclude_demo, "limit": limit})

    afind_top = find_top.twin()

    @members("GET", "/app/org/{org_id}/top/", doc=f"{_DOC}/get-top-apps-for-organization-1671395")
    def find_top_for_org(
        cls, org_id: int, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The apps the user uses most in one organization."""
        return Call(path={"org_id": org_id}, params={"limit": limit})

    afind_top_for_org = find_top_for_org.twin()

    @members("GET", "/app/space/{space_id}/", doc=f"{_DOC}/get-apps-by-space-22478")
    def find_all_for_space(
        cls,
        space_id: int,
        *,
        include_inactive: bool | None = None,
        fields: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The apps of a space (active ones unless `include_inactive`)."""
        return Call(
            path={"space_id": space_id},
            params={"include_inactive": include_inactive, "fields": fields},
        )

    afind_all_for_space = find_all_for_space.twin()

    @members("GET", "/app/{app_id}/calculation/", doc=f"{_DOC}/get-calculations-for-app-773005")
    def get_calculations(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The calculations defined over an app's items, wrapped in Application as the Ruby
        gem does: each keeps Podio's ``app``, ``type``, ``reference_field`` and
        ``value_fields`` keys.
        """
        return Call(path={"app_id": app_id})

    aget_calculations = get_calculations.twin()

    @returns(as_raw, "GET", "/app/{app_id}/dependencies/", doc=f"{_DOC}/get-app-dependencies-39159")
    def dependencies(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """The apps this app depends on through its fields: ``{"apps": [...], "dependencies":
        {...}}`` as Podio sends it."""
        return Call(path={"app_id": app_id})

    adependencies = dependencies.twin()

    @returns(as_raw, "GET", "/app/features/", doc=f"{_DOC}/get-features-43648")
    def features(
        cls,
        *,
        app_ids: Sequence[int] | None = None,
        include_space: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The features (``items``, ``widgets``, ``forms``...) that installing the given apps
        would bring; a list of names."""
        return Call(params={"app_ids": _csv(app_ids), "include_space": include_space})

    afeatures = features.twin()

    @returns(as_raw, "GET", "/app/icon/search", doc=f"{_DOC}/get-icon-suggestions-82045764")
    def search_icons(cls, query: str, *, client: ClientArg = None) -> Call:
        """Icons that fit a word (``"car"``); Podio answers with a list of icon ids."""
        return Call(params={"query": query})

    asearch_icons = search_icons.twin()

    # -- changing apps -----------------------------------------------------------------------

    @member("POST", "/app/", doc=f"{_DOC}/add-new-app-22351")
    def create(
        cls,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Create an app: ``{"space_id": ..., "config": {"name": ..., "item_name": ...},
        "fields": [{"type": ..., "config": {...}}, ...]}``.

        Returns the new app (Podio answers only ``{"app_id": ...}``, which the Ruby gem returns
        bare; here it is `app_id`).
        """
        return Call(params={"silent": silent, "hook": hook}, json=dict(attributes))

    acreate = create.twin()

    @returns(as_status, "PUT", "/app/{app_id}", doc=f"{_DOC}/update-app-22352")
    def update(
        cls,
        app_id: int,
        attributes: Mapping[str, Any],
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Change an app's `config` and add or change `fields`; fields left out are kept, not
        deleted (use `delete_field`). Returns the HTTP status."""
        return Call(
            path={"app_id": app_id}, params={"silent": silent, "hook": hook}, json=dict(attributes)
        )

    aupdate = update.twin()

    @returns(
        as_status, "PUT", "/app/{app_id}/description", doc=f"{_DOC}/update-app-description-33569973"
    )
    def update_description(cls, app_id: int, description: str, *, client: ClientArg = None) -> Call:
        """Replace an app's description; returns the HTTP status."""
        return Call(path={"app_id": app_id}, json={"description": description})

    aupdate_description = update_description.twin()

    @returns(
        as_status,
        "PUT",
        "/app/{app_id}/usage",
        doc=f"{_DOC}/update-app-usage-instructions-33570086",
    )
    def update_usage(cls, app_id: int, usage: str, *, client: ClientArg = None) -> Call:
        """Replace an app's usage instructions; returns the HTTP status."""
        return Call(path={"app_id": app_id}, json={"usage": usage})

    aupdate_usage = update_usage.twin()

    @returns(as_raw, "PUT", "/app/space/{space_id}/order", doc=f"{_DOC}/update-app-order-22463")
    def update_order(
        cls, space_id: int, app_ids: Sequence[int], *, client: ClientArg = None
    ) -> Call:
        """Set the order of a space's apps: the app ids, first to last."""
        if isinstance(app_ids, (str, bytes)) or not isinstance(app_ids, Sequence):
            raise TypeError("app_ids must be a list of app ids")
        return Call(path={"space_id": space_id}, json=list(app_ids))

    aupdate_order = update_order.twin()

    @member("POST", "/app/{app_id}/install", doc=f"{_DOC}/install-app-22506")
    def install(
        cls,
        app_id: int,
        space_id: int,
        *,
        features: Sequence[str] | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Install a copy of an app on a space, with the given `features` (``"items"``,
        ``"filters"``, ``"widgets"``, ``"integration"``, ``"forms"``, ``"flows"``,
        ``"votings"``; Podio's default is all but ``"items"``).

        Returns the new app (Podio answers ``{"app_id": ...}``; the Ruby gem returns the id).
        """
        body: dict[str, Any] = {"space_id": space_id}
        if features is not None:
            body["features"] = list(features)
        return Call(path={"app_id": app_id}, json=body)

    ainstall = install.twin()

    @returns(as_raw, "POST", "/app/{app_id}/activate", doc=f"{_DOC}/activate-app-43822")
    def activate(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Activate a deactivated app."""
        return Call(path={"app_id": app_id})

    aactivate = activate.twin()

    @returns(as_raw, "PUT", "/app/{app_id}/activate/{space_id}")
    def activate_for_space(
        cls,
        app_id: int,
        space_id: int,
        attributes: Mapping[str, Any] | None = None,
        *,
        client: ClientArg = None,
    ) -> Call:
        """Activate an app on the given space (PHP client's ``activate_for_space``)."""
        return Call(path={"app_id": app_id, "space_id": space_id}, json=dict(attributes or {}))

    aactivate_for_space = activate_for_space.twin()

    @returns(as_raw, "POST", "/app/{app_id}/deactivate", doc=f"{_DOC}/deactivate-app-43821")
    def deactivate(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Deactivate an app: it and its items are hidden until activated again."""
        return Call(path={"app_id": app_id})

    adeactivate = deactivate.twin()

    @returns(as_raw, "DELETE", "/app/{app_id}", doc=f"{_DOC}/delete-app-43693")
    def delete(
        cls,
        app_id: int,
        *,
        silent: bool | None = None,
        hook: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Delete an app with all its items."""
        return Call(path={"app_id": app_id}, params={"silent": silent, "hook": hook})

    adelete = delete.twin()

    @returns(
        as_status, "DELETE", "/app/{app_id}/field/{field_id}", doc=f"{_DOC}/delete-app-field-22355"
    )
    def delete_field(
        cls,
        app_id: int,
        field_id: int,
        *,
        delete_values: bool | None = None,
        client: ClientArg = None,
    ) -> Call:
        """Delete a field from an app; with `delete_values` its values go too. Returns the
        HTTP status."""
        return Call(
            path={"app_id": app_id, "field_id": field_id}, params={"delete_values": delete_values}
        )

    adelete_field = delete_field.twin()

    @returns(as_raw, "POST", "/app/{app_id}/token/regenerate")
    def regenerate_apptoken(cls, app_id: int, *, client: ClientArg = None) -> Call:
        """Replace an app's token (the old one stops working); returns Podio's answer, which
        holds the new token."""
        return Call(path={"app_id": app_id})

    aregenerate_apptoken = regenerate_apptoken.twin()
