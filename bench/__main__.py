"""Run the benchmarks with their default settings, one after the other (``make bench``).

    python -m bench [NAME ...]

NAME is a module of this package (``chaos_export``...); without one, all of them run.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ("emulator_throughput", "items_filter", "chaos_export")


def main() -> None:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; known: {BENCHMARKS}")
    for name in names:
        print(f"== python -m bench.{name}", flush=True)
        module = importlib.import_module(f"bench.{name}")
        sys.argv = [f"bench.{name}"]  # each parses its own options: the defaults here
        module.main()
        print(flush=True)


if __name__ == "__main__":
    main()
