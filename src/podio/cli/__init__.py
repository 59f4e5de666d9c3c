"""The ``podio`` command: sign in, look around, export, call the API, generate typed classes.

podio configure --api-url http://127.0.0.1:8080 --client-id emulator
podio login --username user@example.com
podio orgs
podio api GET /user/status
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from .._errors import SecondFactorRequired
from ._browse import app, apps, items, spaces
from ._common import (
    binary_stream,
    check_target,
    emit_table,
    handle_errors,
    json_option,
    note,
    print_json,
    signed_in,
)
from ._config import Settings, config_dir, load_settings, make_client, save_settings, token_store
from ._export import export
from ._files import download, upload
from ._hooks import hooks
from ._import import import_items
from ._login import BrowserLogin

__all__ = ["cli", "main"]


@click.group()
@click.version_option(package_name="podio")
def cli() -> None:
    """Work with Podio from the terminal."""


@cli.command()
@click.option("--api-url", help="Podio's API, or an emulator's URL.")
@click.option("--client-id", help="The API key's client id.")
@click.option("--client-secret", help="The API key's secret (asked for when omitted).")
def configure(api_url: str | None, client_id: str | None, client_secret: str | None) -> None:
    """Save the API URL and the API key to use.

    The secret is asked for without echo (or taken from PODIO_CLIENT_SECRET at each run) and
    never printed; the file holding it is readable by you only.
    """
    current = load_settings()
    new_id = client_id or current.client_id or click.prompt("Client id")
    # A secret belongs to its client id: a new id needs its own secret.
    kept = current.client_secret if new_id == current.client_id else None
    settings = Settings(
        api_url=api_url or current.api_url,
        client_id=new_id,
        client_secret=client_secret or kept or click.prompt("Client secret", hide_input=True),
    )
    path = save_settings(settings)
    click.echo(f"Saved {settings.api_url} and client id {settings.client_id} to {path}")


@cli.command()
@click.option("--username", help="Sign in with this e-mail and a password.")
@click.option("--password", help="The password (asked for when omitted).")
@click.option("--app-id", type=int, help="Sign in as an app (with --app-token).")
@click.option("--app-token", help="The app's token (asked for when omitted).")
@click.option("--browser/--no-browser", default=True, help="Open the browser for the web flow.")
@handle_errors
def login(
    username: str | None,
    password: str | None,
    app_id: int | None,
    app_token: str | None,
    browser: bool,
) -> None:
    """Sign in and keep the token for the next commands.

    Without --username or --app-id, Podio's authorize page opens in the browser (with
    --no-browser, open the printed address yourself) and the token comes back to a one-shot
    server on 127.0.0.1. Passwords and app tokens are asked for without echo.
    """
    settings = load_settings()
    if not settings.client_id or not settings.client_secret:
        raise click.ClickException("no API key configured: run `podio configure` first")
    client = make_client(settings)
    click.get_current_context().call_on_close(client.close)
    if app_id is not None:
        secret = app_token or click.prompt("App token", hide_input=True)
        token = client.authenticate_with_app(app_id, secret)
    elif username:
        secret = password or click.prompt("Password", hide_input=True)
        try:
            token = client.authenticate_with_credentials(username, secret)
        except SecondFactorRequired as challenge:
            code = click.prompt("Second factor code")
            token = client.authenticate_with_second_factor(challenge.nonce, code)
    else:
        flow = BrowserLogin(client, open_browser=_opener(browser))
        note(f"Sign in at: {flow.url}")
        token = flow.run()
    click.echo(f"Signed in as {token.ref_type} {token.ref_id}")


def _opener(browser: bool) -> Callable[[str], object]:
    if browser:
        import webbrowser

        return webbrowser.open
    return lambda url: None


@cli.command()
def logout() -> None:
    """Forget the stored token."""
    token_store().clear()
    click.echo("Signed out")


@cli.command()
@json_option
@handle_errors
def whoami(as_json: bool) -> None:
    """Who the stored token belongs to."""
    client = signed_in()
    token = client.oauth_token
    if token is not None and token.ref_type == "app":
        # App tokens may not read /user/status (403): the token says all there is.
        if as_json:
            print_json({"ref": {"type": "app", "id": token.ref_id}})
        else:
            click.echo(f"app {token.ref_id}")
        return
    body = client.connection.get("/user/status").body
    if as_json:
        print_json(body)
        return
    user = body.get("user", {}) if isinstance(body, dict) else {}
    profile = body.get("profile", {}) if isinstance(body, dict) else {}
    click.echo(f"{profile.get('name', '?')} <{user.get('mail', '?')}> (user {user.get('user_id')})")


@cli.command()
@json_option
@handle_errors
def orgs(as_json: bool) -> None:
    """The organizations you belong to, with their URLs."""
    from ..models.organization import Organization

    found = Organization.find_all(client=signed_in())
    if as_json:
        print_json([org.as_json() for org in found])
        return
    emit_table(
        "Organizations",
        ["org_id", "name", "url", "spaces"],
        [[org.org_id, org.name, org.url, len(org.spaces or [])] for org in found],
    )


@cli.command()
@click.argument("method", type=click.Choice(["GET", "POST", "PUT", "DELETE"], case_sensitive=False))
@click.argument("path")
@click.option("--data", help="A JSON body.")
@click.option("-p", "--param", "params", multiple=True, help="A query parameter key=value.")
@handle_errors
def api(method: str, path: str, data: str | None, params: tuple[str, ...]) -> None:
    """Call any API operation and print the answer as it came.

    The answer is printed whole: what Podio sends back (an app's token, say) is shown.
    """
    body: Any = None
    if data is not None:
        try:
            body = json.loads(data)
        except ValueError as exc:
            raise click.BadParameter(f"not JSON: {exc}", param_hint="--data") from exc
    query: dict[str, str] = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise click.BadParameter(f"{param!r} is not key=value", param_hint="--param")
        query[key] = value
    options: dict[str, Any] = {"params": query or None}
    if body is not None:
        options["json"] = body
    response = signed_in().connection.request(method.upper(), path, **options)
    if isinstance(response.body, (bytes, bytearray)):
        binary_stream("stdout").write(response.body)
    elif response.body is None:
        click.echo(f"{response.status}")
    else:
        print_json(response.body)


@cli.command()
@click.argument("app_ids", nargs=-1, required=True, type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the module here (default: print it).",
)
@handle_errors
def codegen(app_ids: tuple[int, ...], output: str | None) -> None:
    """Write a Python module with one typed class per app.

    Each class has one attribute per field, named after its external id and typed with the
    field's Python type, plus find / iter_all / create / save; mypy and editors understand it.
    """
    from ..fields.codegen import generate
    from ..models.file_attachment import _sink

    client = signed_in()
    if output is not None:
        check_target(output)
    source = generate(list(app_ids), client=client)
    if output is None:
        click.echo(source, nl=False)
        return
    with _sink(output) as write:
        write(source.encode("utf-8"))
    note(f"Wrote {output} ({len(app_ids)} app(s))")


@cli.command("config-dir")
def show_config_dir() -> None:
    """Where settings and the token are kept."""
    click.echo(str(config_dir()))


for _command in (spaces, apps, app, items, export, import_items, upload, download, hooks):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="podio")
