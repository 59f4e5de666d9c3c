"""Where each kind of id starts.

Every kind has its own sequence (`Tx.next_id(kind)`), starting in its own range so that an id of
one kind is never also a valid id of another: a client that passes a space id where an app id
belongs gets 404, as it would from Podio. Item, revision, comment and file ids start above
2**31 (and others above 2**32) so that a client storing ids in 32 bits breaks here, not in
production (Podio's ids exceed 32 bits: README.md of the reference).

Areas may register more kinds through `Area.sequences`; a kind listed here must not be
registered again with another start.
"""

from __future__ import annotations

__all__ = ["SEQUENCE_STARTS"]

SEQUENCE_STARTS: dict[str, int] = {
    # platform: users, organizations, spaces, OAuth
    "user": 1_100_001,
    "profile": 100_000_001,
    "org": 200_001,
    "space": 3_000_001,
    "space_member_request": 9_000_001,
    "oauth_grant": 1_001,
    # applications and items
    "app": 20_000_001,
    "app_field": 200_000_001,
    "item": 3_000_000_001,
    "item_revision": 4_000_000_001,
    "view": 40_000_001,
    "form": 700_001,
    "batch": 800_001,
    # the collaboration areas
    "comment": 5_000_000_001,
    "file": 6_000_000_001,
    "status": 7_000_000_001,
    "task": 300_000_001,
    "task_label": 10_001,
    "rating": 2_200_000_001,
    "subscription": 8_000_000_001,
    "notification": 9_000_000_001,
    "embed": 60_000_001,
    "hook": 500_001,
    "tag": 600_001,
    "conversation": 50_000_001,
    "message": 70_000_001,
    "question": 80_000_001,
    "reminder": 900_001,
    "grant": 2_300_001,
    "widget": 400_001,
}
