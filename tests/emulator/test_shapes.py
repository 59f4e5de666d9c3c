"""Bodies have the keys and value types of the real ones in samples/ (copied from the
reference: org-list.json, space-get.json, oauth-token-*.json, error-not-found.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from podio_emulator import EmulatorHandle

SAMPLES = Path(__file__).parent / "samples"
# Keys the emulator leaves null where the sample happens to have a value: an organization's
# Podio sales agent does not exist here.
NULLABLE = {"sales_agent_id"}


def sample(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def same_shape(ours: Any, theirs: Any, path: str = "$", *, exact_keys: bool = False) -> list[str]:
    """Differences: keys of `theirs` missing in `ours` (and extra keys when `exact_keys`),
    and values whose JSON type differs. A null in the sample accepts any value."""
    problems: list[str] = []
    if theirs is None or (ours is None and path.rsplit(".", 1)[-1] in NULLABLE):
        return problems
    if kind(ours) != kind(theirs):
        return [f"{path}: {kind(ours)} instead of {kind(theirs)}"]
    if isinstance(theirs, dict):
        missing = sorted(set(theirs) - set(ours))
        problems += [f"{path}.{k}: missing" for k in missing]
        if exact_keys:
            problems += [f"{path}.{k}: not in the sample" for k in sorted(set(ours) - set(theirs))]
        for key in set(theirs) & set(ours):
            problems += same_shape(ours[key], theirs[key], f"{path}.{key}", exact_keys=exact_keys)
    elif isinstance(theirs, list) and theirs and ours:
        problems += same_shape(ours[0], theirs[0], f"{path}[0]", exact_keys=exact_keys)
    return problems


def test_org_list_has_exactly_the_keys_of_the_sample(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    assert api.put(f"/org/{world['org_id']}", json={"logo": 75833289}).status_code == 204
    ours = api.get("/org/").json()
    assert ours[0]["spaces"]
    assert same_shape(ours, sample("org-list.json"), exact_keys=True) == []


def test_space_has_the_keys_and_types_of_the_sample(
    api: httpx.Client, world: dict[str, Any]
) -> None:
    assert api.put("/user/profile/", json={"avatar": 65246588}).status_code == 204
    assert api.put(f"/org/{world['org_id']}", json={"logo": 75833289}).status_code == 204
    space_id = world["space_ids"]["intranet"]
    assert api.put(f"/space/{space_id}", json={"description": "Where we work"}).status_code == 204
    ours = api.get(f"/space/{space_id}").json()
    assert same_shape(ours, sample("space-get.json")) == []
    assert ours["push"]["channel"] == f"/space/{space_id}"
    assert ours["created_by"]["image"]["file_id"] == 65246588


def test_token_bodies_have_the_keys_and_types_of_the_samples(
    podio_emulator: EmulatorHandle,
) -> None:
    first = podio_emulator.token()
    assert same_shape(first, sample("oauth-token-password.json")) == []
    refreshed = httpx.post(
        podio_emulator.url("/oauth/token"),
        data={
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "client_id": podio_emulator.client_id,
            "client_secret": podio_emulator.client_secret,
        },
    ).json()
    assert same_shape(refreshed, sample("oauth-token-refresh.json")) == []


def test_error_body_has_exactly_the_keys_of_the_sample(api: httpx.Client) -> None:
    ours = api.post("/comment/item/78077883/extra/").json()
    theirs = sample("error-not-found.json")
    assert same_shape(ours, theirs, exact_keys=True) == []
    assert ours["error_description"] == theirs["error_description"]
