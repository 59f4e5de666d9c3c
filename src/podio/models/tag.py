"""Tags: free-text labels on items and statuses, and lookups by tag."""

from __future__ import annotations

from collections.abc import Sequence

from ._base import Model
from ._operation import Call, ClientArg, as_model_list, as_raw, as_status, members, returns
from .tag_search import TagSearch

__all__ = ["Tag"]

_DOC = "https://developers.podio.com/doc/tags"


def _texts(tags: Sequence[str]) -> list[str]:
    """Tags are written as a JSON list of strings (conventions.md §7)."""
    if isinstance(tags, (str, bytes)):
        raise TypeError("tags is a list of strings, e.g. ['urgent', 'q3']")
    texts = list(tags)
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"every tag must be a non-empty string, not {text!r}")
    return texts


def _text(text: str) -> str:
    if not isinstance(text, str) or not text:
        raise ValueError("text must be the tag to look for")
    return text


class Tag(Model):
    """A tag and how often it is used (``{"text", "count"}``) in the lookups.

    On objects themselves, tags are plain strings (an item's ``tags``).
    """

    _id_field = "text"

    text: str | None = None
    count: int | None = None

    # -- tagging objects ------------------------------------------------------------------

    @returns(as_raw, "POST", "/tag/{ref_type}/{ref_id}/", doc=f"{_DOC}/create-tags-22464")
    def create(
        cls, ref_type: str, ref_id: int, tags: Sequence[str], *, client: ClientArg = None
    ) -> Call:
        """Add tags to an object, keeping those it has (a tag it already has is ignored)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=_texts(tags))

    acreate = create.twin()

    @returns(as_raw, "PUT", "/tag/{ref_type}/{ref_id}/", doc=f"{_DOC}/update-tags-39859")
    def update(
        cls, ref_type: str, ref_id: int, tags: Sequence[str], *, client: ClientArg = None
    ) -> Call:
        """Replace all tags of an object with these (an empty list removes them all)."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, json=_texts(tags))

    aupdate = update.twin()

    @returns(as_status, "DELETE", "/tag/{ref_type}/{ref_id}/", doc=f"{_DOC}/remove-tag-22465")
    def delete(cls, ref_type: str, ref_id: int, text: str, *, client: ClientArg = None) -> Call:
        """Remove one tag from an object; returns the HTTP status."""
        return Call(path={"ref_type": ref_type, "ref_id": ref_id}, params={"text": _text(text)})

    adelete = delete.twin()

    # -- tags in use --------------------------------------------------------------------------

    @members("GET", "/tag/app/{app_id}/", doc=f"{_DOC}/get-tags-on-app-22467")
    def find_by_app(
        cls,
        app_id: int,
        *,
        limit: int | None = None,
        text: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The tags on an app's items: the `limit` most used, sorted by text; `text` filters."""
        return Call(path={"app_id": app_id}, params={"limit": limit, "text": text})

    afind_by_app = find_by_app.twin()

    @returns(as_raw, "GET", "/tag/app/{app_id}/top/", doc=f"{_DOC}/get-tags-on-app-top-68485")
    def find_top_by_app(
        cls,
        app_id: int,
        *,
        limit: int | None = None,
        text: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The most used tags of an app, as a list of their texts."""
        return Call(path={"app_id": app_id}, params={"limit": limit, "text": text})

    afind_top_by_app = find_top_by_app.twin()

    @members("GET", "/tag/space/{space_id}/", doc=f"{_DOC}/get-tags-on-space-22466")
    def find_by_space(
        cls,
        space_id: int,
        *,
        limit: int | None = None,
        text: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The tags in a space (items and statuses)."""
        return Call(path={"space_id": space_id}, params={"limit": limit, "text": text})

    afind_by_space = find_by_space.twin()

    @members("GET", "/tag/org/{org_id}/", doc=f"{_DOC}/get-tags-on-organization-48473")
    def find_by_org(
        cls,
        org_id: int,
        *,
        limit: int | None = None,
        text: str | None = None,
        client: ClientArg = None,
    ) -> Call:
        """The tags in an organization's spaces that the user is in."""
        return Call(path={"org_id": org_id}, params={"limit": limit, "text": text})

    afind_by_org = find_by_org.twin()

    # -- objects by tag ----------------------------------------------------------------------

    @returns(
        as_model_list(TagSearch),
        "GET",
        "/tag/app/{app_id}/search/",
        doc=f"{_DOC}/get-objects-on-app-with-tag-22469",
    )
    def find_tagged_objects_on_app(
        cls, app_id: int, text: str, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The objects of an app tagged `text`, most recently tagged first."""
        return Call(path={"app_id": app_id}, params={"text": _text(text), "limit": limit})

    afind_tagged_objects_on_app = find_tagged_objects_on_app.twin()

    @returns(
        as_model_list(TagSearch),
        "GET",
        "/tag/space/{space_id}/search/",
        doc=f"{_DOC}/get-objects-on-space-with-tag-22468",
    )
    def find_tagged_objects_on_space(
        cls, space_id: int, text: str, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The objects of a space tagged `text` (the gem's ``TagSearch.search_by_space`` too)."""
        return Call(path={"space_id": space_id}, params={"text": _text(text), "limit": limit})

    afind_tagged_objects_on_space = find_tagged_objects_on_space.twin()

    @returns(
        as_model_list(TagSearch),
        "GET",
        "/tag/org/{org_id}/search/",
        doc=f"{_DOC}/get-objects-on-organization-with-tag-48478",
    )
    def find_tagged_objects_on_org(
        cls, org_id: int, text: str, *, limit: int | None = None, client: ClientArg = None
    ) -> Call:
        """The objects of an organization tagged `text`."""
        return Call(path={"org_id": org_id}, params={"text": _text(text), "limit": limit})

    afind_tagged_objects_on_org = find_tagged_objects_on_org.twin()
