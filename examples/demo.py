"""`make demo`: a seeded emulator, and the full example running against it.

Starts the Podio emulator on a free local port with the demo world (organizations, spaces, an
app with a dozen field types and a few hundred items), prints where it runs and how to sign
in, then runs examples/full_example.py against it and walks the demo app's items lazily.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from podio_emulator import running

sys.path.insert(0, str(Path(__file__).resolve().parent))

import full_example

import podio


def main() -> None:
    with running(seed=True) as emulator:
        world = emulator.seed()
        mail, password = emulator.users[0]
        print(f"Podio emulator at {emulator.base_url}")
        print(f"  client id {emulator.client_id!r}, client secret {emulator.client_secret!r}")
        print(f"  user {mail!r}, password {password!r}")
        print()
        os.environ.update(
            PODIO_API_URL=emulator.base_url,
            PODIO_CLIENT_ID=emulator.client_id,
            PODIO_CLIENT_SECRET=emulator.client_secret,
            PODIO_USERNAME=mail,
            PODIO_PASSWORD=password,
        )
        print("== The full example: my organizations")
        full_example.main()
        print()
        for name, app_id in world.get("app_ids", {}).items():
            app = podio.Application.find(app_id)
            items = list(podio.Item.iter_all(app_id, page_size=100))
            print(f"== App {name!r} ({app_id}): {len(app.fields or [])} fields, {len(items)} items")
            for item in items[:3]:
                print(f"   {item.title!r} at {item.link}")


if __name__ == "__main__":
    main()
