"""podio hooks: create, verify with the code Podio posted, list, delete."""

from __future__ import annotations

import json
from typing import Any

import podio
from podio_emulator import EmulatorHandle

from ..emulator.collab_support import flush, receiver
from .conftest import Cli


def test_the_hook_lifecycle(
    signed_in: Cli, world: dict[str, Any], emulator: EmulatorHandle, client: podio.Client
) -> None:
    app_id = world["app_ids"]["clients"]
    with receiver() as rec:
        created = signed_in.ok("hooks", "create", "app", app_id, rec.url, "item.create")
        hook_id = int(created.stdout)
        assert f"podio hooks verify {hook_id} CODE" in created.stderr
        flush(emulator.control)
        (verify,) = rec.of_type("hook.verify")
        code = verify["code"]

        rows = [
            line.split("\t")
            for line in signed_in.ok("hooks", "list", "app", app_id).stdout.splitlines()
        ]
        assert rows == [
            ["hook_id", "type", "status", "url"],
            [str(hook_id), "item.create", "inactive", rec.url],
        ]

        wrong = signed_in.fails("hooks", "verify", hook_id, "not-the-code")
        assert wrong.startswith("Error: 400 invalid_value")
        assert (
            signed_in.ok("hooks", "verify", hook_id, code).stdout == f"Hook {hook_id} is active\n"
        )
        listed = json.loads(signed_in.ok("hooks", "list", "app", app_id, "--json").stdout)
        assert [(h["hook_id"], h["status"]) for h in listed] == [(hook_id, "active")]

        podio.Item.create(app_id, fields={"name": "Hooked"}, client=client)
        flush(emulator.control)
        assert [event["type"] for event in rec.events()] == ["item.create"]

        again = signed_in.ok("hooks", "verify", hook_id)
        assert "new verification code" in again.stdout
        flush(emulator.control)
        assert len(rec.of_type("hook.verify")) == 2

    assert signed_in.ok("hooks", "delete", hook_id).stdout == f"Deleted hook {hook_id}\n"
    assert podio.Hook.find_all_for("app", app_id, client=client) == []
    assert signed_in.fails("hooks", "delete", hook_id).startswith("Error: 404 not_found")


def test_hook_arguments_are_checked(signed_in: Cli, world: dict[str, Any]) -> None:
    app_id = world["app_ids"]["clients"]
    bad_url = signed_in.fails("hooks", "create", "app", app_id, "ftp://example.com", "item.create")
    assert bad_url == "Error: url must be an http(s) URL that Podio can reach"
    bad_type = signed_in.fails(
        "hooks", "create", "app", app_id, "http://127.0.0.1:9/x", "item.explode"
    )
    assert bad_type.startswith("Error: 400 invalid_value")
    wrong_ref = signed_in("hooks", "list", "item", 1)
    assert wrong_ref.exit_code == 2
    assert "'item' is not one of 'app', 'app_field', 'space'" in wrong_ref.stderr
