"""Write a Python module of typed item classes from app definitions.

``generate_module(apps, source=...)`` takes app bodies as ``GET /app/{app_id}`` returns them and
returns the text of a module with one `TypedItem` subclass per app. Each app field becomes an
attribute typed with the field's Python type (``Money | None``, ``DateRange | None``,
``list[CategoryOption]``, ...) and checked on assignment; the module passes ``mypy --strict``.

Attribute names come from the fields' external_ids:

1. lower-cased, accents folded to ASCII; every run of other characters than ``a-z``, ``0-9``
   and ``_`` becomes one ``_``, and ``_`` at either end is dropped (``progress-slider`` ->
   ``progress_slider``);
2. an empty result becomes ``field_<field_id>``; one starting with a digit gets ``f_`` in
   front (``2nd-phone`` -> ``f_2nd_phone``);
3. a Python keyword, a member of `TypedItem` (``save``, ``item_id``, ...) or a name the module
   itself uses (``str``, ``Money``, ...) gets ``_`` appended (``class`` -> ``class_``);
4. a name already taken by an earlier field of the same app gets ``_2``, ``_3``, ... in the
   app's field order (``contact-2`` and ``contact_2`` -> ``contact_2``, ``contact_2_2``).

Class names are the app's name in CamelCase (``Leads &amp; Clients`` -> ``LeadsClients``),
``App<app_id>`` when nothing usable is left, with the app id appended on a clash.
Separator fields (layout only) get no attribute; calculation fields are read-only.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import keyword
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._client import Client

from ._schema import CATEGORY_TYPES, AppSchema, SchemaField
from ._values import as_mapping
from .typed_item import TypedItem

__all__ = [
    "GeneratedField",
    "agenerate",
    "attribute_name",
    "class_name",
    "field_spec",
    "generate",
    "generate_module",
]

# Names the generated class body refers to: a field attribute must not shadow them.
_MODULE_NAMES = frozenset(
    {
        "Any", "ClassVar", "Decimal", "datetime", "NOT_GIVEN", "NotGiven", "AppSchema",
        "CategoryOption", "DateRange", "EmbedRef", "FileRef", "ItemRef", "Location", "Money",
        "ProfileRef", "TypedValue", "TypedField", "ReadOnlyField", "TypedItem", "TextInput",
        "NumberInput", "MoneyInput", "ProgressInput", "DurationInput", "DateInput",
        "LocationInput", "CategoryInput", "CategoriesInput", "AppRefInput", "AppRefsInput",
        "ContactsInput", "FilesInput", "EmbedsInput", "TypedValuesInput",
        "int", "str", "float", "bool", "list", "dict", "tuple", "object", "self", "cls",
    }
)  # fmt: skip
_RESERVED = (
    _MODULE_NAMES
    | frozenset(keyword.kwlist)
    | frozenset(name for name in dir(TypedItem) if not name.startswith("_"))
    | frozenset({"item_id", "revision"})
)
# Settings that carry whole app objects or scripts: not needed to check values, left out.
_HEAVY_SETTINGS = frozenset({"apps", "script", "expression"})


@dataclass(frozen=True)
class GeneratedField:
    """How one app field appears in a generated class."""

    attribute: str
    descriptor: str  # "TypedField" or "ReadOnlyField"
    read_type: str  # what reading the attribute gives
    write_type: str  # what assigning accepts ("" for read-only fields)
    imports: frozenset[str]


def field_spec(field: SchemaField, attribute: str) -> GeneratedField:
    """The descriptor, read type and write type of `field` (see docs/fields.md)."""
    ftype = field.type
    many = field.multiple
    read, write, uses = _TYPES.get(ftype, ("list[Any]", "Any", ("Any",)))
    if ftype in CATEGORY_TYPES:
        read, write = (
            ("list[CategoryOption]", "CategoriesInput")
            if many
            else ("CategoryOption | None", "CategoryInput")
        )
        uses = ("CategoryOption", write)
    elif ftype == "app":
        read, write = (
            ("list[ItemRef]", "AppRefsInput") if many else ("ItemRef | None", "AppRefInput")
        )
        uses = ("ItemRef", write)
    elif ftype == "calculation":
        read, uses = _CALCULATION_TYPES.get(
            field.return_type or "", ("Decimal | str | DateRange | None", ("Decimal", "DateRange"))
        )
        return GeneratedField(attribute, "ReadOnlyField", read, "", frozenset(uses))
    return GeneratedField(attribute, "TypedField", read, write, frozenset(uses))


_CALCULATION_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "number": ("Decimal | None", ("Decimal",)),
    "text": ("str | None", ()),
    "date": ("DateRange | None", ("DateRange",)),
}
_TYPES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "text": ("str | None", "TextInput", ("TextInput",)),
    "number": ("Decimal | None", "NumberInput", ("Decimal", "NumberInput")),
    "money": ("Money | None", "MoneyInput", ("Money", "MoneyInput")),
    "progress": ("int | None", "ProgressInput", ("ProgressInput",)),
    "duration": ("datetime.timedelta | None", "DurationInput", ("datetime", "DurationInput")),
    "date": ("DateRange | None", "DateInput", ("DateRange", "DateInput")),
    "location": ("Location | None", "LocationInput", ("Location", "LocationInput")),
    "contact": ("list[ProfileRef]", "ContactsInput", ("ProfileRef", "ContactsInput")),
    "member": ("list[ProfileRef]", "ContactsInput", ("ProfileRef", "ContactsInput")),
    "image": ("list[FileRef]", "FilesInput", ("FileRef", "FilesInput")),
    "file": ("list[FileRef]", "FilesInput", ("FileRef", "FilesInput")),
    "video": ("list[FileRef]", "FilesInput", ("FileRef", "FilesInput")),
    "embed": ("list[EmbedRef]", "EmbedsInput", ("EmbedRef", "EmbedsInput")),
    "email": ("list[TypedValue]", "TypedValuesInput", ("TypedValue", "TypedValuesInput")),
    "phone": ("list[TypedValue]", "TypedValuesInput", ("TypedValue", "TypedValuesInput")),
}


def attribute_name(external_id: str | None, field_id: int | None, taken: set[str]) -> str:
    """The attribute for a field (rules in the module docstring); adds it to `taken`."""
    text = unicodedata.normalize("NFKD", external_id or "")
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    name = re.sub(r"[^a-z0-9_]+", "_", text).strip("_")
    name = re.sub(r"_{2,}", "_", name)
    if not name:
        name = f"field_{field_id}" if field_id is not None else "field"
    if name[0].isdigit():
        name = f"f_{name}"
    if name in _RESERVED:
        name = f"{name}_"
    base, counter = name, 2
    while name in taken:
        name = f"{base}_{counter}"
        counter += 1
    taken.add(name)
    return name


def class_name(app: Mapping[str, Any], taken: set[str]) -> str:
    """The class for an app (rules in the module docstring); adds it to `taken`."""
    name_value = as_mapping(app.get("config")).get("name")
    raw = name_value if isinstance(name_value, str) else ""
    text = unicodedata.normalize("NFKD", html.unescape(raw)).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Za-z0-9]+", text) if w]
    name = "".join(w[0].upper() + w[1:] for w in words)
    app_id = app.get("app_id")
    if not name:
        name = f"App{app_id}"
    elif name[0].isdigit():
        name = f"App{name}"
    if name in taken or name in _RESERVED or keyword.iskeyword(name):
        name = f"{name}{app_id}"
    while name in taken:
        name = f"{name}_"
    taken.add(name)
    return name


def _trimmed(field: SchemaField) -> dict[str, Any]:
    """The part of a field definition typed items need: ids, type, label, required, settings."""
    settings: dict[str, Any] = {}
    for key, value in field.settings.items():
        if key in _HEAVY_SETTINGS:
            continue
        if key == "referenced_apps" and isinstance(value, list):
            value = [
                {"app_id": ref.get("app_id"), "view_id": ref.get("view_id")}
                for ref in value
                if isinstance(ref, Mapping)
            ]
        settings[key] = value
    if field.type == "calculation" and field.return_type is not None:
        settings["return_type"] = field.return_type
    return {
        "field_id": field.field_id,
        "external_id": field.external_id,
        "type": field.type,
        "label": field.label,
        "config": {"required": field.required, "settings": settings},
    }


_WIDTH = 88  # the default of black and ruff format, so the module reads as formatted code


def _py(value: Any, indent: int = 0, prefix: int = 0) -> str:
    """A Python literal for JSON-like data, laid out the way code formatters lay it out.

    `indent` is the column the literal's line starts at and `prefix` how many characters
    come before the literal on that line (a key, an assignment).
    """
    flat = _flat(value)
    if indent + prefix + len(flat) + 1 <= _WIDTH or not isinstance(value, (dict, list)):
        return flat
    if not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            head = f"{_flat(str(key))}: "
            items.append(f"{pad}{head}{_py(item, indent + 4, len(head))},")
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{_py(item, indent + 4)}," for item in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flat(str(k))}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return _flat(str(value))


def _doc(text: str) -> str:
    """A one-line string literal for any text, quoted as code formatters prefer."""
    clean = " ".join(text.split())
    if '"' in clean and "'" not in clean:
        return "'" + clean.replace("\\", "\\\\") + "'"
    return json.dumps(clean, ensure_ascii=False)


def _escape_doc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _wrapped_import(module: str, names: Sequence[str]) -> list[str]:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= _WIDTH:
        return [line]
    return [f"from {module} import (", *(f"    {n}," for n in names), ")"]


def generate_module(
    apps: Sequence[Mapping[str, Any]],
    *,
    source: str,
    generated_at: _dt.datetime | None = None,
) -> str:
    """The source of a module with one `TypedItem` subclass per app in `apps`.

    `apps` are ``GET /app/{app_id}`` bodies; `source` says where they came from (a space URL,
    a file name) and goes into the header with the app ids, their ``current_revision`` and
    `generated_at` (default: now, UTC). Raises `ValueError` for an app without fields.
    """
    when = (generated_at or _dt.datetime.now(_dt.timezone.utc)).astimezone(_dt.timezone.utc)
    classes: list[str] = []
    headers: list[str] = []
    names: list[str] = []
    uses: set[str] = {"Any", "ClassVar", "AppSchema", "TypedItem"}
    taken_classes: set[str] = set()
    for app in apps:
        schema = AppSchema.from_app(app)
        name = class_name(app, taken_classes)
        names.append(name)
        revision = schema.revision
        headers.append(
            f"    {name}: app {schema.app_id} {_flat(html.unescape(schema.name or ''))}, "
            f"revision {revision if revision is not None else 'unknown'}"
        )
        classes.append(_class_source(name, schema, uses))
    imports = _imports(uses)
    stamp = when.strftime("%Y-%m-%d %H:%M:%S UTC")
    header = "\n".join(
        [
            '"""Typed items of Podio apps, generated by podio.fields.codegen. Do not edit.',
            "",
            "Regenerate this module when an app changes. Generated from:",
            f"    source: {' '.join(source.split())}",
            f"    at: {stamp}",
            "Apps (class: app id, name, app revision):",
            *headers,
            '"""',
            "# Generated by podio.fields.codegen; edits are lost when it is generated again.",
            "",
            "from __future__ import annotations",
            "",
            *imports,
            "",
            f"__all__ = {_flat(sorted(names))}",
        ]
    )
    return header + "\n" + "".join(classes)


def _imports(uses: set[str]) -> list[str]:
    lines: list[str] = []
    if "datetime" in uses:
        lines.append("import datetime")
    if "Decimal" in uses:
        lines.append("from decimal import Decimal")
    typing_names = sorted(n for n in ("Any", "ClassVar") if n in uses)
    lines.append(f"from typing import {', '.join(typing_names)}")
    lines.append("")
    if "NotGiven" in uses:
        lines.append("from podio import NOT_GIVEN, NotGiven")
    value_names = sorted(
        n
        for n in uses
        if n
        in {
            "AppSchema", "CategoryOption", "DateRange", "EmbedRef", "FileRef", "ItemRef",
            "Location", "Money", "ProfileRef", "TypedValue",
        }
    )  # fmt: skip
    lines.extend(_wrapped_import("podio.fields", value_names))
    typed_names = sorted(
        n for n in uses if n.endswith("Input") or n in {"TypedField", "ReadOnlyField", "TypedItem"}
    )
    lines.extend(_wrapped_import("podio.fields.typed_item", typed_names))
    return lines


def _class_source(name: str, schema: AppSchema, uses: set[str]) -> str:
    constant = "_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper() + "_FIELDS"
    taken: set[str] = set()
    specs: list[tuple[SchemaField, GeneratedField]] = []
    for field in schema:
        if field.type == "separator":
            continue
        spec = field_spec(field, attribute_name(field.external_id, field.field_id, taken))
        specs.append((field, spec))
        uses.update(spec.imports)
        uses.add(spec.descriptor)
    app_name = html.unescape(schema.name or name)
    lines: list[str] = ["", ""]
    head = f"{constant}: list[dict[str, Any]] = "
    lines.append(head + _py([_trimmed(f) for f, _ in specs], 0, len(head)))
    lines += ["", ""]
    lines.append(f"class {name}(TypedItem):")
    doc = f"Items of the Podio app {app_name} (app {schema.app_id}"
    doc += f", revision {schema.revision})." if schema.revision is not None else ")."
    lines.append(f'    """{_escape_doc(" ".join(doc.split()))}"""')
    lines.append("")
    lines.append(f"    app_id: ClassVar[int | None] = {schema.app_id!r}")
    lines.append(f"    app_revision: ClassVar[int | None] = {schema.revision!r}")
    lines.append("    schema: ClassVar[AppSchema] = AppSchema(")
    lines.append(f"        {constant},")
    lines.append(f"        app_id={schema.app_id!r},")
    lines.append(f"        revision={schema.revision!r},")
    lines.append(f"        name={_flat(app_name) if schema.name else None},")
    lines.append(f"        item_name={_flat(schema.item_name) if schema.item_name else None},")
    lines.append("    )")
    for field, spec in specs:
        lines.append("")
        if spec.descriptor == "ReadOnlyField":
            annotation = f"ReadOnlyField[{spec.read_type}]"
        else:
            annotation = f"TypedField[{spec.read_type}, {spec.write_type}]"
        arguments = f"{_flat(field.external_id)}, {field.field_id!r}"
        line = f"    {spec.attribute}: {annotation} = {spec.descriptor}({arguments})"
        if len(line) <= _WIDTH:
            lines.append(line)
        else:
            lines.append(f"    {spec.attribute}: {annotation} = {spec.descriptor}(")
            lines.append(f"        {arguments}")
            lines.append("    )")
        label = field.label or field.external_id or ""
        flags = [field.type] + (["required"] if field.required else [])
        described = f"{label} ({', '.join(flags)})"
        lines.append(f"    {_doc(described)}")
    writable = [spec for _, spec in specs if spec.descriptor == "TypedField"]
    lines.append("")
    lines.append("    def __init__(")
    lines.append("        self,")
    lines.append("        *,")
    lines.append("        item_id: int | None = None,")
    lines.append("        revision: int | None = None,")
    for spec in writable:
        lines.append(f"        {spec.attribute}: {spec.write_type} | NotGiven = NOT_GIVEN,")
    lines.append("    ) -> None:")
    lines.append("        super().__init__(item_id=item_id, revision=revision)")
    if writable:
        uses.add("NotGiven")
        lines.append("        self._assign_given(")
        lines.append("            {")
        lines.extend(f'                "{s.attribute}": {s.attribute},' for s in writable)
        lines.append("            }")
        lines.append("        )")
    return "\n".join(lines) + "\n"


def generate(
    app_ids: Sequence[int], *, client: Client | None = None, source: str | None = None
) -> str:
    """Fetch the apps (``GET /app/{app_id}``) and return the module `generate_module` writes.

    This is what ``podio codegen APP_ID ... -o module.py`` runs.
    """
    from ..models.application import Application

    apps = [Application.find(app_id, client=client).as_json() for app_id in _check_ids(app_ids)]
    return generate_module(apps, source=source or _default_source(app_ids, client))


async def agenerate(
    app_ids: Sequence[int], *, client: Client | None = None, source: str | None = None
) -> str:
    """Async twin of `generate`."""
    from ..models.application import Application

    apps = [
        (await Application.afind(app_id, client=client)).as_json() for app_id in _check_ids(app_ids)
    ]
    return generate_module(apps, source=source or _default_source(app_ids, client))


def _check_ids(app_ids: Sequence[int]) -> list[int]:
    ids = list(app_ids)
    if not ids:
        raise ValueError("give at least one app id")
    for app_id in ids:
        if isinstance(app_id, bool) or not isinstance(app_id, int) or app_id <= 0:
            raise ValueError(f"app ids are positive ints, not {app_id!r}")
    return ids


def _default_source(app_ids: Sequence[int], client: Client | None) -> str:
    from .._context import get_client

    return f"{get_client(client).api_url} apps {', '.join(str(app_id) for app_id in app_ids)}"
