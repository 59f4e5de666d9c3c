"""Profiles: the contact details of users and of space contacts."""

from __future__ import annotations

from typing import Any

from ._base import Date, DateTime, Model

__all__ = ["Profile"]


class Profile(Model):
    """Contact details shared by users' profiles and space contacts (objects.md, "Profile").

    Multi-valued details (`mail`, `phone`, `address`, ...) are lists, as Podio sends them.
    """

    _id_field = "profile_id"

    profile_id: int | None = None
    user_id: int | None = None
    type: str | None = None
    name: str | None = None
    avatar: int | None = None
    image: dict[str, Any] | None = None
    link: str | None = None
    birthdate: Date | None = None
    organization: str | None = None
    department: str | None = None
    vatin: str | None = None
    skype: str | None = None
    about: str | None = None
    address: list[str] | None = None
    zip: str | None = None
    city: str | None = None
    country: str | None = None
    state: str | None = None
    im: list[str] | None = None
    location: list[str] | None = None
    mail: list[str] | None = None
    phone: list[str] | None = None
    title: list[str] | None = None
    url: list[str] | None = None
    skill: list[str] | None = None
    linkedin: str | None = None
    twitter: str | None = None
    space_id: int | None = None
    org_id: int | None = None
    external_id: str | None = None
    last_seen_on: DateTime | None = None
    is_employee: bool | None = None
    rights: list[str] | None = None
    push: dict[str, Any] | None = None
