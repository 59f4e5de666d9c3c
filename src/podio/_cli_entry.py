"""Entry point of the ``podio`` command: says which extra to install when it is missing."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except ImportError as exc:  # click or rich missing
        missing = getattr(exc, "name", None) or "a dependency"
        print(
            f"The podio command needs {missing}, which comes with the 'cli' extra:\n"
            "    pip install 'podio[cli]'",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
    cli_main()
