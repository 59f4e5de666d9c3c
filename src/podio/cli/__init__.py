"""The ``podio`` command: sign in, look around, export, call the API, generate typed classes.

podio configure --api-url http://127.0.0.1:8080 --client-id emulator
podio login --username user@example.com
podio orgs
podio api GET /user/status
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from .._client import Client
from .._errors import PodioError, SecondFactorRequired
from ._config import Settings, config_dir, load_settings, make_client, save_settings, token_store
from ._login import BrowserLogin

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

console = Console()
errors = Console(stderr=True)


def _client() -> Client:
    client = make_client()
    if client.oauth_token is None:
        raise click.ClickException("not signed in: run `podio login` first")
    return client


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _table(title: str, columns: list[str], rows: Iterator[list[Any]] | list[list[Any]]) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    console.print(table)


def _handle_errors(function: F) -> F:
    """Show Podio errors as one clear line (and exit 1) instead of a traceback."""
    import functools

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except PodioError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


@click.group()
@click.version_option(package_name="podio")
def cli() -> None:
    """Work with Podio from the terminal."""


@cli.command()
@click.option("--api-url", help="Podio's API, or an emulator's URL.")
@click.option("--client-id", help="The API key's client id.")
@click.option("--client-secret", help="The API key's secret (asked for when omitted).")
def configure(api_url: str | None, client_id: str | None, client_secret: str | None) -> None:
    """Save the API URL and the API key to use."""
    current = load_settings()
    settings = Settings(
        api_url=api_url or current.api_url,
        client_id=client_id or current.client_id or click.prompt("Client id"),
        client_secret=client_secret
        or current.client_secret
        or click.prompt("Client secret", hide_input=True),
    )
    path = save_settings(settings)
    click.echo(f"Saved to {path}")


@cli.command()
@click.option("--username", help="Sign in with this e-mail and a password.")
@click.option("--password", help="The password (asked for when omitted).")
@click.option("--app-id", type=int, help="Sign in as an app (with --app-token).")
@click.option("--app-token", help="The app's token.")
@click.option("--browser/--no-browser", default=True, help="Open the browser for the web flow.")
@_handle_errors
def login(
    username: str | None,
    password: str | None,
    app_id: int | None,
    app_token: str | None,
    browser: bool,
) -> None:
    """Sign in and keep the token for the next commands.

    Without --username or --app-id, the browser opens Podio's authorize page and the token
    comes back to a one-shot local server.
    """
    client = make_client()
    if app_id is not None:
        token = client.authenticate_with_app(app_id, app_token or click.prompt("App token"))
    elif username:
        secret = password or click.prompt("Password", hide_input=True)
        try:
            token = client.authenticate_with_credentials(username, secret)
        except SecondFactorRequired as challenge:
            code = click.prompt("Second factor code")
            token = client.authenticate_with_second_factor(challenge.nonce, code)
    else:
        flow = BrowserLogin(client, open_browser=_opener(browser))
        errors.print(f"Sign in at: {flow.url}")
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
@click.option("--json", "as_json", is_flag=True, help="Print Podio's JSON.")
@_handle_errors
def whoami(as_json: bool) -> None:
    """Who the stored token belongs to."""
    body = _client().connection.get("/user/status").body
    if as_json:
        _print_json(body)
        return
    user = body.get("user", {}) if isinstance(body, dict) else {}
    profile = body.get("profile", {}) if isinstance(body, dict) else {}
    click.echo(f"{profile.get('name', '?')} <{user.get('mail', '?')}> (user {user.get('user_id')})")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print Podio's JSON.")
@_handle_errors
def orgs(as_json: bool) -> None:
    """The organizations you belong to, with their URLs."""
    from ..models.organization import Organization

    found = Organization.find_all(client=_client())
    if as_json:
        _print_json([org.as_json() for org in found])
        return
    _table(
        "Organizations",
        ["org_id", "name", "url", "spaces"],
        [[org.org_id, org.name, org.url, len(org.spaces or [])] for org in found],
    )


@cli.command()
@click.argument("method", type=click.Choice(["GET", "POST", "PUT", "DELETE"], case_sensitive=False))
@click.argument("path")
@click.option("--data", help="A JSON body.")
@click.option("-p", "--param", "params", multiple=True, help="A query parameter key=value.")
@_handle_errors
def api(method: str, path: str, data: str | None, params: tuple[str, ...]) -> None:
    """Call any API operation and print the answer."""
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
    response = _client().connection.request(method.upper(), path, **options)
    if isinstance(response.body, (bytes, bytearray)):
        sys.stdout.buffer.write(response.body)
    elif response.body is None:
        click.echo(f"{response.status}")
    else:
        _print_json(response.body)


@cli.command()
@click.argument("app_ids", nargs=-1, required=True, type=int)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the module here (default: print it).",
)
@_handle_errors
def codegen(app_ids: tuple[int, ...], output: str | None) -> None:
    """Write a Python module with one typed class per app.

    Each class has one attribute per field, named after its external id and typed with the
    field's Python type, plus find / iter_all / create / save; mypy and editors understand it.
    """
    from pathlib import Path

    from ..fields.codegen import generate

    source = generate(list(app_ids), client=_client())
    if output is None:
        click.echo(source, nl=False)
        return
    Path(output).write_text(source, encoding="utf-8")
    errors.print(f"Wrote {output} ({len(app_ids)} app(s))")


@cli.command("config-dir")
def show_config_dir() -> None:
    """Where settings and the token are kept."""
    click.echo(str(config_dir()))


def main() -> None:
    cli(prog_name="podio")
