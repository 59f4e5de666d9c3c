"""``podio hooks``: list, create, verify and delete webhooks (hooks.md)."""

from __future__ import annotations

import click

from ..models.hook import Hook
from ._common import emit_table, handle_errors, json_option, print_json, signed_in

__all__ = ["hooks"]

_REF_TYPES = click.Choice(["app", "app_field", "space"])


@click.group()
def hooks() -> None:
    """Webhooks: Podio posts events on an app, app field or space to your URL."""


@hooks.command("list")
@click.argument("ref_type", type=_REF_TYPES)
@click.argument("ref_id", type=int)
@json_option
@handle_errors
def list_hooks(ref_type: str, ref_id: int, as_json: bool) -> None:
    """The hooks on an app, app field or space."""
    found = Hook.find_all_for(ref_type, ref_id, client=signed_in())
    if as_json:
        print_json([hook.as_json() for hook in found])
        return
    emit_table(
        f"Hooks on {ref_type} {ref_id}",
        ["hook_id", "type", "status", "url"],
        [[h.hook_id, h.type, h.status, h.url] for h in found],
    )


@hooks.command("create")
@click.argument("ref_type", type=_REF_TYPES)
@click.argument("ref_id", type=int)
@click.argument("url")
@click.argument("type")
@handle_errors
def create_hook(ref_type: str, ref_id: int, url: str, type: str) -> None:
    """Have Podio post TYPE events (item.create, item.update, ...) to URL.

    The hook stays inactive until verified: Podio posts hook.verify with a code to the URL
    at once; confirm it with `podio hooks verify HOOK_ID CODE` (or answer it from the
    receiver with podio.webhooks.validate).
    """
    hook = Hook.create(ref_type, ref_id, url, type, client=signed_in())
    click.echo(hook.hook_id)
    click.echo(
        f"Hook {hook.hook_id} is inactive until verified: Podio posted a code to {url}; "
        f"run `podio hooks verify {hook.hook_id} CODE`.",
        err=True,
    )


@hooks.command("verify")
@click.argument("hook_id", type=int)
@click.argument("code", required=False)
@handle_errors
def verify_hook(hook_id: int, code: str | None) -> None:
    """Activate a hook with the code Podio posted to its URL.

    Without CODE, ask Podio to post a new code (each request makes the last one invalid).
    """
    client = signed_in()
    if code is None:
        Hook.verify(hook_id, client=client)
        click.echo(f"Podio posted a new verification code to hook {hook_id}'s URL")
        return
    Hook.validate(hook_id, code, client=client)
    click.echo(f"Hook {hook_id} is active")


@hooks.command("delete")
@click.argument("hook_id", type=int)
@handle_errors
def delete_hook(hook_id: int) -> None:
    """Delete a hook."""
    Hook.delete(hook_id, client=signed_in())
    click.echo(f"Deleted hook {hook_id}")
