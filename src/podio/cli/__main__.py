"""``python -m podio.cli``: the ``podio`` command."""

from __future__ import annotations

from . import main

main()
