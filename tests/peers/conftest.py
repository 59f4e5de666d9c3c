"""Fixtures for the peer suite: other clients against the emulator.

The tools come from outside Python: Node.js with podio-js (installed with `npm ci`). Where a
prerequisite cannot be had, the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PODIO_JS = Path(__file__).parent / "podio-js"


def node_modules_current(project: Path) -> bool:
    """Whether `npm ci` ran after the lock file last changed (the Makefile's rule as well)."""
    installed = project / "node_modules" / ".package-lock.json"
    lock = project / "package-lock.json"
    return installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime


@pytest.fixture(scope="session")
def podio_js() -> tuple[str, Path]:
    """`(node, project)`: Node.js and the podio-js project with its packages installed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing = " and ".join(name for name, path in (("node", node), ("npm", npm)) if not path)
        pytest.skip(f"podio-js needs Node.js and npm: {missing} not found on PATH")
    version = subprocess.run(  # noqa: S603 (the machine's own node)
        [node, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 18:
        pytest.skip(f"podio-js's project needs Node.js 18 or newer; found {version}")
    if not node_modules_current(PODIO_JS):
        done = subprocess.run(  # noqa: S603 (fixed arguments)
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=PODIO_JS,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            pytest.fail(f"`npm ci` in {PODIO_JS} failed:\n{done.stderr[-2000:]}")
    return node, PODIO_JS
