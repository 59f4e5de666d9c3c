"""Start the emulator, log in with the password grant, create a space, read it back.

Run it with `python examples/emulator_quickstart.py`; it needs `podio[emulator]`.
"""

from __future__ import annotations

import httpx

from podio_emulator import running


def main() -> dict[str, object]:
    with running(seed=True) as emu:
        world = emu.seed()
        mail, password = emu.users[0]
        token = httpx.post(
            emu.url("/oauth/token"),
            data={
                "grant_type": "password",
                "client_id": emu.client_id,
                "client_secret": emu.client_secret,
                "username": mail,
                "password": password,
            },
        ).json()
        headers = {"Authorization": f"OAuth2 {token['access_token']}"}
        created = httpx.post(
            emu.url("/space/"),
            headers=headers,
            json={"org_id": world["org_id"], "name": "Quickstart"},
        ).json()
        space: dict[str, object] = httpx.get(
            emu.url(f"/space/{created['space_id']}"), headers=headers
        ).json()
        print(f"created space {space['space_id']} at {space['url']} as {space['role']}")
        return space


if __name__ == "__main__":
    main()
