"""App definitions as the field layer needs them, and a per-client cache of them.

`AppSchema` reads the JSON of ``GET /app/{app_id}`` (or just its ``fields`` list, or the
``fields`` of an item, which carry the same ``field_id``/``external_id``/``type``/``config``
keys: fields.md §2) and answers the questions writing and display ask: which field is
``"status"``, ``123`` or ``"Status"``, its options, whether it is required or read-only.
"""

from __future__ import annotations

import difflib
import threading
import weakref
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._errors import FieldValueError
from ._values import CategoryOption, as_mapping

__all__ = ["READ_ONLY_TYPES", "AppSchema", "SchemaCache", "SchemaField", "schema_cache"]

#: Types whose values Podio computes or that hold no value at all (fields.md §2.3).
READ_ONLY_TYPES = frozenset({"calculation", "separator"})
#: Types that hold at most one value whatever the settings say.
SINGLE_TYPES = frozenset(
    {"text", "number", "money", "progress", "duration", "date", "location", "calculation"}
)
#: Types whose values are options of the field (legacy ``question`` behaves like category).
CATEGORY_TYPES = frozenset({"category", "question"})


@dataclass(frozen=True)
class SchemaField:
    """One app field definition: id, external_id, type, label and its config.

    Built from an app field (``GET /app`` → ``fields[]``) or an item field (same keys, maybe
    with a reduced config). `settings` is ``config.settings`` or an empty dict.
    """

    field_id: int | None
    external_id: str | None
    type: str
    label: str | None
    config: Mapping[str, Any] = field(default_factory=dict, repr=False)
    status: str | None = field(default="active", repr=False)

    @classmethod
    def from_api(cls, data: Mapping[str, Any]) -> SchemaField:
        config = as_mapping(data.get("config"))
        field_id = data.get("field_id")
        external_id = data.get("external_id")
        label = data.get("label", config.get("label"))
        return cls(
            field_id=field_id if type(field_id) is int else None,
            external_id=external_id if isinstance(external_id, str) else None,
            type=str(data.get("type") or "unknown"),
            label=label if isinstance(label, str) else None,
            config=config,
            status=data.get("status") if isinstance(data.get("status"), str) else None,
        )

    @property
    def name(self) -> str:
        """How errors and messages name the field: its external_id, else label, else id."""
        return self.external_id or self.label or str(self.field_id)

    @property
    def settings(self) -> Mapping[str, Any]:
        settings = self.config.get("settings")
        return settings if isinstance(settings, Mapping) else {}

    @property
    def required(self) -> bool:
        return self.config.get("required") is True

    @property
    def read_only(self) -> bool:
        return self.type in READ_ONLY_TYPES

    @property
    def multiple(self) -> bool:
        """Whether the field may hold several values.

        Category fields say so in ``settings.multiple`` (default single); relationship fields
        too, and old ones without the setting hold many; contacts, files, embeds, e-mail and
        phone lists always may; text, number, money, progress, duration, date, location and
        calculation hold one.
        """
        if self.type in SINGLE_TYPES:
            return False
        if self.type in CATEGORY_TYPES:
            return self.settings.get("multiple") is True
        if self.type == "app":
            return self.settings.get("multiple") is not False
        return True

    @property
    def options(self) -> tuple[CategoryOption, ...]:
        """The options of a category or question field (every status), in Podio's order."""
        raw = self.settings.get("options")
        if self.type not in CATEGORY_TYPES or not isinstance(raw, list):
            return ()
        out: list[CategoryOption] = []
        for option in raw:
            if isinstance(option, Mapping):
                try:
                    out.append(CategoryOption.from_api(option))
                except ValueError:
                    continue
        return tuple(out)

    @property
    def allowed_currencies(self) -> tuple[str, ...]:
        raw = self.settings.get("allowed_currencies")
        if not isinstance(raw, list):
            return ()
        return tuple(str(code).upper() for code in raw if isinstance(code, str))

    @property
    def return_type(self) -> str | None:
        """A calculation's result type (``number``, ``text``, ``date``); None when unknown.

        Old calculations built from an ``expression`` tree have no ``return_type`` and are
        arithmetic, i.e. numbers (samples/app-get-all-fields-2014.json).
        """
        if self.type != "calculation":
            return None
        value = self.settings.get("return_type")
        if isinstance(value, str):
            return value
        return "number" if self.settings.get("expression") is not None else None

    def option(self, key: int | str) -> CategoryOption:
        """The option with this id, or with this text (exact, then case-insensitive).

        Raises `FieldValueError` naming the field and the options it has when there is none,
        when the option was deleted, or when a text matches several options.
        """
        options = self.options
        active = [o for o in options if o.active]
        choices = [o.text or str(o.id) for o in active]
        if isinstance(key, int) and not isinstance(key, bool):
            for option in options:
                if option.id == key:
                    if not option.active:
                        raise FieldValueError(
                            self.name, key, f"option {option} (id {key}) is {option.status}",
                            choices=choices,
                        )  # fmt: skip
                    return option
            raise FieldValueError(
                self.name, key, f"has no option with id {key}; options: {_listing(active)}",
                choices=choices,
            )  # fmt: skip
        if not isinstance(key, str):
            raise FieldValueError(self.name, key, "options are chosen by id (int) or text (str)")
        exact = [o for o in active if o.text == key]
        if len(exact) == 1:
            return exact[0]
        folded = key.casefold()
        loose = exact or [o for o in active if (o.text or "").casefold() == folded]
        if len(loose) == 1:
            return loose[0]
        if loose:
            raise FieldValueError(
                self.name, key,
                f"option {key!r} is ambiguous: ids {', '.join(str(o.id) for o in loose)}",
                choices=choices,
            )  # fmt: skip
        raise FieldValueError(
            self.name, key, f"has no option {key!r}; options: {_listing(active)}", choices=choices
        )


def _listing(options: Sequence[CategoryOption]) -> str:
    if not options:
        return "(none)"
    return ", ".join(f"{o.text!r} ({o.id})" for o in options)


class AppSchema:
    """The fields of one app, found by external_id, field_id or label.

    ``schema["status"]``, ``schema[123]``, ``schema["Status"]`` (label: exact, then
    case-insensitive) return a `SchemaField`; an unknown key raises `FieldValueError` that
    lists the close matches. Iteration yields the active fields in Podio's order.

    `complete` is False for a schema built from an item's fields: items carry only fields
    that have values, so "required field missing" cannot be judged from it.
    """

    def __init__(
        self,
        fields: Sequence[Mapping[str, Any] | SchemaField],
        *,
        app_id: int | None = None,
        revision: int | None = None,
        name: str | None = None,
        item_name: str | None = None,
        complete: bool = True,
    ) -> None:
        if isinstance(fields, (str, bytes, Mapping)) or not isinstance(fields, Sequence):
            raise TypeError(
                f"an app's fields are a list of field definitions, not {type(fields).__name__}"
            )
        parsed: list[SchemaField] = []
        for entry in fields:
            if isinstance(entry, SchemaField):
                parsed.append(entry)
            elif isinstance(entry, Mapping):
                parsed.append(SchemaField.from_api(entry))
            else:
                raise TypeError(
                    f"an app field definition is a dict (GET /app/{{app_id}} fields[]), "
                    f"not {type(entry).__name__}"
                )
        self.fields: tuple[SchemaField, ...] = tuple(
            f for f in parsed if f.status in (None, "active")
        )
        self.app_id = app_id
        self.revision = revision
        self.name = name
        self.item_name = item_name
        self.complete = complete
        self._by_external_id = {f.external_id: f for f in self.fields if f.external_id}
        self._by_id = {f.field_id: f for f in self.fields if f.field_id is not None}
        self._by_label: dict[str, list[SchemaField]] = {}
        self._by_folded_label: dict[str, list[SchemaField]] = {}
        for f in self.fields:
            if f.label:
                self._by_label.setdefault(f.label, []).append(f)
                self._by_folded_label.setdefault(f.label.casefold(), []).append(f)

    @classmethod
    def from_app(cls, app: Mapping[str, Any]) -> AppSchema:
        """From the body of ``GET /app/{app_id}`` (``app_id``, ``current_revision``, ``fields``)."""
        config = as_mapping(app.get("config"))
        fields = app.get("fields")
        if not isinstance(fields, list):
            raise ValueError("an app definition needs its 'fields' list (GET /app/{app_id})")
        app_id = app.get("app_id")
        revision = app.get("current_revision")
        return cls(
            fields,
            app_id=app_id if isinstance(app_id, int) else None,
            revision=revision if isinstance(revision, int) else None,
            name=config.get("name") if isinstance(config.get("name"), str) else None,
            item_name=config.get("item_name") if isinstance(config.get("item_name"), str) else None,
        )

    @classmethod
    def from_item_fields(cls, fields: Sequence[Mapping[str, Any]]) -> AppSchema:
        """A partial schema from an item's ``fields`` (only those with values are known)."""
        return cls(fields, complete=False)

    @classmethod
    def coerce(
        cls, value: AppSchema | Mapping[str, Any] | Sequence[Mapping[str, Any]] | None
    ) -> AppSchema | None:
        """Accept a schema, an app body or a list of app field dicts (None stays None).

        Raises `TypeError` for anything else and `ValueError` for an app body without its
        ``fields`` list.
        """
        if value is None or isinstance(value, AppSchema):
            return value
        if isinstance(value, Mapping):
            return cls.from_app(value)
        return cls(value)

    def __len__(self) -> int:
        return len(self.fields)

    def __iter__(self) -> Iterator[SchemaField]:
        return iter(self.fields)

    def __contains__(self, key: object) -> bool:
        try:
            return self.find(key) is not None
        except FieldValueError:
            return True  # a label several fields share

    def __getitem__(self, key: str | int) -> SchemaField:
        """The field for `key`; `KeyError` (with the closest names) when there is none."""
        found = self.find(key)
        if found is None:
            raise KeyError(str(self.unknown(key)))
        return found

    def resolve(self, key: str | int) -> SchemaField:
        """Like ``schema[key]`` but raising `FieldValueError`, as writing values does."""
        found = self.find(key)
        if found is None:
            raise self.unknown(key)
        return found

    def get(self, key: str | int) -> SchemaField | None:
        return self.find(key)

    def find(self, key: object) -> SchemaField | None:
        """The field for an external_id, field_id or label, or None.

        An int is a field_id; a str an external_id, then a field_id written in digits (JSON
        object keys are strings: ``{"123": ...}``), then an exact label, then a label compared
        case-insensitively. A label shared by several fields raises `FieldValueError`.
        """
        if isinstance(key, bool):
            return None
        if isinstance(key, int):
            return self._by_id.get(key)
        if not isinstance(key, str):
            return None
        if key in self._by_external_id:
            return self._by_external_id[key]
        if key.isdigit() and int(key) in self._by_id:
            return self._by_id[int(key)]
        for table, probe in ((self._by_label, key), (self._by_folded_label, key.casefold())):
            matches = table.get(probe)
            if matches:
                if len(matches) > 1:
                    names = ", ".join(repr(f.name) for f in matches)
                    raise FieldValueError(
                        key, None, f"label {key!r} is shared by fields {names}: use an external_id",
                        choices=[f.name for f in matches],
                    )  # fmt: skip
                return matches[0]
        return None

    def unknown(self, key: object) -> FieldValueError:
        """The error for a field this app does not have, with the closest names."""
        known = [f.external_id for f in self.fields if f.external_id]
        close = difflib.get_close_matches(str(key), known, n=3, cutoff=0.6)
        if not close and isinstance(key, str):
            labels = [f.label for f in self.fields if f.label]
            close = [
                self._by_label[label][0].name
                for label in difflib.get_close_matches(key, labels, n=3, cutoff=0.6)
            ]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        where = f"app {self.app_id}" if self.app_id is not None else "this app"
        return FieldValueError(
            key if isinstance(key, (str, int)) else repr(key),
            None,
            f"{where} has no such field{hint}",
            choices=close,
        )

    @property
    def required(self) -> tuple[SchemaField, ...]:
        return tuple(f for f in self.fields if f.required)

    def __repr__(self) -> str:
        return f"<AppSchema app_id={self.app_id} revision={self.revision} fields={len(self)}>"


class SchemaCache:
    """App schemas kept per client and app id, so an app is fetched once per client.

    Entries are keyed by ``(id(client), app_id)`` and dropped when the client is garbage
    collected (an id can be reused by a later object). `get` with a `revision` misses when
    the cached schema is older or newer, so an item whose ``app.current_revision`` moved on
    triggers a fresh fetch. Thread-safe; loading is not single-flight (two threads may both
    fetch the same app once, and the last one wins), which costs a request, never data.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[int, int], AppSchema] = {}
        self._lock = threading.Lock()
        self._watched: set[int] = set()

    def get(self, client: object, app_id: int, *, revision: int | None = None) -> AppSchema | None:
        with self._lock:
            schema = self._entries.get((id(client), app_id))
        if schema is None or (revision is not None and schema.revision != revision):
            return None
        return schema

    def put(self, client: object, app_id: int, schema: AppSchema) -> AppSchema:
        key = id(client)
        with self._lock:
            self._entries[(key, app_id)] = schema
            if key not in self._watched:
                try:
                    weakref.finalize(client, self._forget_client, key)
                except TypeError:
                    pass  # not weak-referenceable: kept until invalidate()
                else:
                    self._watched.add(key)
        return schema

    def get_or_load(
        self,
        client: object,
        app_id: int,
        load: Callable[[], Mapping[str, Any]],
        *,
        revision: int | None = None,
    ) -> AppSchema:
        """The cached schema, or ``AppSchema.from_app(load())`` stored for next time."""
        cached = self.get(client, app_id, revision=revision)
        if cached is not None:
            return cached
        return self.put(client, app_id, AppSchema.from_app(load()))

    async def aget_or_load(
        self,
        client: object,
        app_id: int,
        load: Callable[[], Awaitable[Mapping[str, Any]]],
        *,
        revision: int | None = None,
    ) -> AppSchema:
        cached = self.get(client, app_id, revision=revision)
        if cached is not None:
            return cached
        return self.put(client, app_id, AppSchema.from_app(await load()))

    def invalidate(self, client: object | None = None, app_id: int | None = None) -> None:
        """Forget one app of one client, every app of a client, an app everywhere, or all."""
        with self._lock:
            for key in list(self._entries):
                if (client is None or key[0] == id(client)) and (
                    app_id is None or key[1] == app_id
                ):
                    del self._entries[key]

    def _forget_client(self, key: int) -> None:
        with self._lock:
            self._watched.discard(key)
            for entry in [k for k in self._entries if k[0] == key]:
                del self._entries[entry]

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


#: The process-wide cache the item models use.
schema_cache = SchemaCache()
