"""Hooks: managing them through the API, and reading what Podio posts to them."""

from __future__ import annotations

from typing import Any

import pytest

import podio
from podio import webhooks

from ...mock_api import MockPodio
from ._wire import Op, arun, equals, model, models, run

HOOK = {"hook_id": 17, "status": "active", "type": "item.create", "url": "https://me.example/h"}

CASES = [
    Op(
        podio.Hook,
        "find_all_for",
        ("app", 4),
        path="/hook/app/4/",
        answer=[HOOK],
        expect=models(podio.Hook, [HOOK]),
    ),
    Op(
        podio.Hook,
        "create",
        ("app_field", 99, "https://me.example/h?secret=s3", "item.update"),
        method="POST",
        path="/hook/app_field/99/",
        body={"url": "https://me.example/h?secret=s3", "type": "item.update"},
        answer={"hook_id": 17},
        expect=model(
            podio.Hook,
            {
                "hook_id": 17,
                "url": "https://me.example/h?secret=s3",
                "type": "item.update",
                "status": "inactive",
            },
        ),
    ),
    Op(podio.Hook, "delete", (17,), method="DELETE", path="/hook/17", expect=equals(None)),
    Op(
        podio.Hook,
        "verify",
        (17,),
        method="POST",
        path="/hook/17/verify/request",
        expect=equals(None),
    ),
    Op(
        podio.Hook,
        "validate",
        (17, "c0de"),
        method="POST",
        path="/hook/17/verify/validate",
        body={"code": "c0de"},
        expect=equals(None),
    ),
]


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
def test_each_call_sends_its_request_and_returns_its_result(api: MockPodio, op: Op) -> None:
    run(api, op)


@pytest.mark.parametrize("op", CASES, ids=[op.id for op in CASES])
async def test_async_twins_send_the_same_and_return_the_same(api: MockPodio, op: Op) -> None:
    await arun(api, op)


def test_hook_creation_checks_its_arguments_first(api: MockPodio) -> None:
    with pytest.raises(ValueError, match="url"):
        podio.Hook.create("app", 4, "ftp://me.example", "item.create")
    with pytest.raises(ValueError, match="type"):
        podio.Hook.create("app", 4, "https://me.example", "")
    with pytest.raises(ValueError, match="code"):
        podio.Hook.validate(17, "")
    assert api.calls == []


# -- deliveries -------------------------------------------------------------------------------


def test_an_item_event_is_parsed_from_the_raw_form_body() -> None:
    body = b"type=item.update&hook_id=17&item_id=350017179&item_revision_id=4&external_id=ext-1"
    event = webhooks.parse(body)
    assert event == webhooks.HookEvent(
        type="item.update",
        hook_id=17,
        item_id=350017179,
        item_revision_id=4,
        external_id="ext-1",
        raw={
            "type": "item.update",
            "hook_id": "17",
            "item_id": "350017179",
            "item_revision_id": "4",
            "external_id": "ext-1",
        },
    )
    assert not event.is_verification


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"type": "comment.create", "hook_id": "3", "item_id": "42", "comment_id": "7"},
            {"type": "comment.create", "hook_id": 3, "item_id": 42, "comment_id": 7},
        ),
        (
            "type=file.change&item_id=42&action_type=file_replaced&file_ids=5%2C6",
            {
                "type": "file.change",
                "item_id": 42,
                "action_type": "file_replaced",
                "file_ids": (5, 6),
            },
        ),
        (
            {"type": ["form.update"], "form_id": ["8"], "app_id": ["9"]},  # parse_qs style
            {"type": "form.update", "form_id": 8, "app_id": 9},
        ),
        (
            "type=item.create&item_id=1&external_id=",  # an empty external id is no id
            {"type": "item.create", "item_id": 1, "external_id": None},
        ),
        (
            "type=task.create&task_id=55&secret=s3&space_id=abc",  # unknown keys kept
            {"type": "task.create", "extra": {"task_id": 55, "secret": "s3", "space_id": "abc"}},
        ),
    ],
)
def test_events_are_typed_and_unknown_parameters_kept(body: Any, expected: dict[str, Any]) -> None:
    event = webhooks.parse(body)
    for key, value in expected.items():
        assert getattr(event, key) == value


def test_codes_and_url_secrets_stay_out_of_reprs() -> None:
    event = webhooks.parse("type=hook.verify&hook_id=17&code=topsecret")
    assert event.is_verification and event.code == "topsecret" and event.hook_id == 17
    assert repr(event) == "HookEvent(type='hook.verify', hook_id=17)"
    event = webhooks.parse("type=item.create&item_id=3&token=s3cr3t")
    assert event.extra == {"token": "s3cr3t"}
    assert repr(event) == "HookEvent(type='item.create', item_id=3, extra keys=['token'])"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"hook_id=17", "type"),
        ("type=item.create&item_id=12x", "item_id"),
        ("type=file.change&file_ids=1,two", "file_ids"),
        (b"type=item.create&item_id=\xff", "UTF-8"),
    ],
)
def test_malformed_deliveries_raise_a_clear_error(body: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        webhooks.parse(body)


def test_validate_answers_a_verification_through_the_api(api: MockPodio) -> None:
    api.on("POST", "/hook/17/verify/validate", None)
    event = webhooks.parse(b"type=hook.verify&hook_id=17&code=abc")
    webhooks.validate(event.hook_id, event.code)
    assert api.last.raw_path == "/hook/17/verify/validate" and api.last.json == {"code": "abc"}
    with pytest.raises(ValueError, match="hook_id"):
        webhooks.validate(None, "abc")
    with pytest.raises(ValueError, match="code"):
        webhooks.validate(17, None)
    assert len(api.calls) == 1


async def test_avalidate_uses_the_client_given(mock_podio: MockPodio) -> None:
    mock_podio.on("POST", "/hook/5/verify/validate", None)
    await webhooks.avalidate(5, "xyz", client=mock_podio.client())
    assert mock_podio.last.json == {"code": "xyz"}
