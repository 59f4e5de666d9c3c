"""The Ruby gem's "Full Example", in Python: sign in, print every organization's URL.

    PODIO_CLIENT_ID=... PODIO_CLIENT_SECRET=... PODIO_USERNAME=... PODIO_PASSWORD=... \\
        python examples/full_example.py

Point PODIO_API_URL at the emulator (`podio-emulator serve`) to run it without Podio.
"""

from __future__ import annotations

import os

import podio


def main() -> list[podio.Organization]:
    podio.setup()  # PODIO_CLIENT_ID, PODIO_CLIENT_SECRET and PODIO_API_URL
    podio.client.authenticate_with_credentials(
        os.environ["PODIO_USERNAME"], os.environ["PODIO_PASSWORD"]
    )

    # Print a list of organizations I'm a member of
    my_orgs = podio.Organization.find_all()
    for org in my_orgs:
        print(org.name)
        print(org.url)
    return my_orgs


if __name__ == "__main__":
    main()
