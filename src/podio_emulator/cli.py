"""`podio-emulator serve`: run the emulator from the command line.

Every option defaults to its `PODIO_EMULATOR_*` environment variable, then to the built-in
default (README.md lists them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="podio-emulator", description="A local emulator of the Podio API."
    )
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser(
        "serve",
        help="run the emulator (the default command)",
        argument_default=argparse.SUPPRESS,
    )
    _serve_options(serve)
    _serve_options(parser)
    return parser


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8080; 0 picks a free one)")
    parser.add_argument("--db", dest="db_path", help="SQLite file, or :memory: (the default)")
    parser.add_argument("--client-id", help="API client id (default emulator)")
    parser.add_argument("--client-secret", help="API client secret (default emulator-secret)")
    parser.add_argument(
        "--user",
        dest="users",
        action="extend",
        nargs="+",
        metavar="MAIL:PASSWORD[:NAME][:mfa]",
        help="users (several, or repeat the option); ':mfa' adds a second factor (OTP 123456)",
    )
    parser.add_argument("--seed", action="store_true", default=None, help="create the demo world")
    parser.add_argument("--rate-limit", type=int, help="general calls per hour (default 1000)")
    parser.add_argument("--heavy-rate-limit", type=int, help="heavy calls per hour (default 250)")
    parser.add_argument(
        "--access-log", action="store_true", default=None, help="log every call (no query strings)"
    )
    parser.add_argument("--log-level", default="info", help="uvicorn log level (default info)")


def config_from_args(args: argparse.Namespace) -> Any:
    from .config import EmulatorConfig

    config = EmulatorConfig.from_env()
    overrides: dict[str, Any] = {}
    for name in (
        "host",
        "port",
        "db_path",
        "client_id",
        "client_secret",
        "users",
        "seed",
        "rate_limit",
        "heavy_rate_limit",
        "access_log",
    ):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return config.with_overrides(**overrides)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        import uvicorn

        from .app import create_app
        from .emulator import Emulator
        from .server import bind_socket, uvicorn_config
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        print(
            f"podio-emulator needs the emulator extra: pip install 'podio[emulator]' ({exc})",
            file=sys.stderr,
        )
        return 2
    try:
        config = config_from_args(args)
    except (ValueError, TypeError) as exc:
        parser.error(str(exc))
    emulator = Emulator(config)
    app = create_app(emulator=emulator)
    sock = bind_socket(config.host, config.port)
    host, port = sock.getsockname()[:2]
    url_host = f"[{host}]" if ":" in host else host
    base_url = f"http://{url_host}:{port}"
    lines = [
        f"Podio emulator listening on {base_url}",
        f"  client_id:     {config.client_id}",
        f"  client_secret: {config.client_secret}",
    ]
    for user in config.users:
        extra = f" (second factor: OTP {user.otp})" if user.mfa else ""
        lines.append(f"  user:          {user.mail} / {user.password}{extra}")
    if config.seed:
        lines.append(
            "  demo users:    alice@example.com, bob@example.com, carol@example.com / password"
        )
    lines += [
        f"  database:      {config.db_path}",
        f"  control API:   {base_url}/_emulator/",
    ]
    print("\n".join(lines), flush=True)
    logging_level = args.log_level
    if config.access_log:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = uvicorn.Server(uvicorn_config(app, config, log_level=logging_level))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        emulator.close()
    return 0
