"""Slash-aware routing, as Podio routes.

Templates are written as in endpoints.tsv: `/space/{space_id}/member/{role}/`. Rules:

- The trailing slash is significant (conventions.md §1): `/item/app/{app_id}/` and
  `/item/{item_id}` are different operations. A route registered with `slash="both"` also
  answers the other form (for rows where clients disagree, endpoints-summary.md).
- Variable types: `{x:int}` digits only; `{x:ids}` comma-separated digits; `{x:word}` any
  segment that is not all digits; `{x:str}` any segment; `{x:path}` the rest of the path (last
  segment only). Without a type, names ending in `_id` are `int` and other names are `word`,
  which tells `/conversation/{flag}/` from `/conversation/{conversation_id}` (routing notes).
- Literal segments win over variables, `int` over `word` over `str` over `path`, compared
  from the left; an exact slash match wins over a `slash="both"` match.
- A path no route matches (for any method) is answered by the app with 404 `not_found`
  "No matching operation could be found. ..." (samples/error-not-found.json).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .request import ApiRequest

__all__ = ["AuthMode", "Handler", "Route", "RouteTable", "Router"]

Handler = Callable[["ApiRequest"], object]
AuthMode = Literal["token", "user", "optional", "none", "client"]
"""Who may call a route.

- `token` (default): an OAuth2 access token of a user or an app; trusted-client Basic auth is
  refused with 401.
- `user`: as `token`, but app tokens get 403 (operations that only make sense for people).
- `optional`: a token is used when given, its absence is fine (`ApiRequest.principal` may be
  None).
- `client`: a token, or HTTP Basic client credentials of a trusted client (auth.md §5).
- `none`: no authentication at all (OAuth endpoints, the control API).
"""

_KINDS = ("literal", "int", "ids", "word", "str", "path")
_RANK = {kind: rank for rank, kind in enumerate(_KINDS)}
_TYPE_RE = {
    "int": re.compile(r"\d+"),
    "ids": re.compile(r"\d+(?:,\d+)*"),
    "word": re.compile(r"(?!\d+$).+"),
    "str": re.compile(r".+"),
}
_VAR_RE = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?\}$")


@dataclass(frozen=True)
class Segment:
    kind: str
    value: str  # the literal text, or the variable name

    def matches(self, text: str) -> bool:
        if self.kind == "literal":
            return text == self.value
        return _TYPE_RE[self.kind].fullmatch(text) is not None

    def convert(self, text: str) -> Any:
        if self.kind == "int":
            return int(text)
        if self.kind == "ids":
            return [int(part) for part in text.split(",")]
        return text


@dataclass(frozen=True)
class Route:
    """One operation: method, path template, handler and its policies."""

    method: str
    template: str
    handler: Handler
    segments: tuple[Segment, ...]
    trailing_slash: bool
    slash: Literal["exact", "both"]
    auth: AuthMode
    heavy: bool
    dry_run: bool
    area: str

    @property
    def key(self) -> str:
        """`"METHOD /path/{name}"`: types dropped, as in endpoints.tsv and `heavy_routes`."""
        parts = [s.value if s.kind == "literal" else "{" + s.value + "}" for s in self.segments]
        path = "/" + "/".join(parts)
        if self.trailing_slash and parts:
            path += "/"
        return f"{self.method} {path}"

    @property
    def name(self) -> str:
        return getattr(self.handler, "__name__", self.key)

    def rank(self) -> tuple[int, ...]:
        return tuple(_RANK[s.kind] for s in self.segments)

    def shape(self) -> tuple[str, tuple[tuple[str, str], ...], bool]:
        """What makes two routes indistinguishable (variable names do not count)."""
        return (
            self.method,
            tuple((s.kind, s.value if s.kind == "literal" else "") for s in self.segments),
            self.trailing_slash,
        )


def parse_template(template: str) -> tuple[tuple[Segment, ...], bool]:
    if not template.startswith("/"):
        raise ValueError(f"route template must start with '/': {template!r}")
    trailing = template.endswith("/") and template != "/"
    body = template.strip("/")
    segments: list[Segment] = []
    parts = body.split("/") if body else []
    for i, part in enumerate(parts):
        m = _VAR_RE.match(part)
        if m is None:
            if "{" in part or "}" in part or not part:
                raise ValueError(f"bad segment {part!r} in {template!r}")
            segments.append(Segment("literal", part))
            continue
        name, kind = m.group(1), m.group(2)
        if kind is None:
            kind = "int" if name.endswith("_id") else "word"
        if kind not in _RANK or kind == "literal":
            raise ValueError(f"unknown variable type {kind!r} in {template!r}")
        if kind == "path" and i != len(parts) - 1:
            raise ValueError(f"a path variable must be last: {template!r}")
        segments.append(Segment(kind, name))
    return tuple(segments), trailing


class Router:
    """Collects one area's routes; the app builds one `RouteTable` from all routers.

    router = Router("spaces")

    @router.get("/space/{space_id}")
    def get_space(req: ApiRequest) -> object: ...
    """

    def __init__(self, area: str = "") -> None:
        self.area = area
        self.routes: list[Route] = []

    def route(
        self,
        method: str,
        template: str,
        *,
        auth: AuthMode = "token",
        heavy: bool = False,
        slash: Literal["exact", "both"] = "exact",
        dry_run: bool = True,
    ) -> Callable[[Handler], Handler]:
        """Register a handler. `dry_run=False` means `X-Podio-Dry-Run` is ignored there."""
        segments, trailing = parse_template(template)

        def register(handler: Handler) -> Handler:
            self.routes.append(
                Route(
                    method=method.upper(),
                    template=template,
                    handler=handler,
                    segments=segments,
                    trailing_slash=trailing,
                    slash=slash,
                    auth=auth,
                    heavy=heavy,
                    dry_run=dry_run,
                    area=self.area,
                )
            )
            return handler

        return register

    def get(self, template: str, **kw: Any) -> Callable[[Handler], Handler]:
        return self.route("GET", template, **kw)

    def post(self, template: str, **kw: Any) -> Callable[[Handler], Handler]:
        return self.route("POST", template, **kw)

    def put(self, template: str, **kw: Any) -> Callable[[Handler], Handler]:
        return self.route("PUT", template, **kw)

    def delete(self, template: str, **kw: Any) -> Callable[[Handler], Handler]:
        return self.route("DELETE", template, **kw)


class RouteTable:
    """All routes of the emulator, matched by specificity."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes: list[Route] = []
        self._by_count: dict[int, list[Route]] = {}
        self._with_path: list[Route] = []
        seen: dict[tuple[str, tuple[tuple[str, str], ...], bool], Route] = {}
        for route in routes:
            shape = route.shape()
            if shape in seen:
                other = seen[shape]
                raise ValueError(
                    f"route {route.key} ({route.area}) clashes with {other.key} ({other.area})"
                )
            seen[shape] = route
            self.routes.append(route)
            if route.segments and route.segments[-1].kind == "path":
                self._with_path.append(route)
            else:
                self._by_count.setdefault(len(route.segments), []).append(route)

    def match(self, method: str, path: str) -> tuple[Route, dict[str, Any]] | None:
        """The best route for `method` and `path`, with converted path parameters."""
        trailing = path.endswith("/") and path != "/"
        body = path.strip("/")
        parts = body.split("/") if body else []
        if any(not p for p in parts):
            return None
        best: tuple[tuple[int, ...], int, Route] | None = None
        candidates = [*self._by_count.get(len(parts), ()), *self._with_path]
        for route in candidates:
            if route.method != method:
                continue
            if not _segments_match(route.segments, parts):
                continue
            if route.trailing_slash != trailing and route.slash != "both":
                continue
            slash_penalty = 0 if route.trailing_slash == trailing else 1
            score = (route.rank(), slash_penalty)
            if best is None or score < (best[0], best[1]):
                best = (score[0], score[1], route)
        if best is None:
            return None
        route = best[2]
        params: dict[str, Any] = {}
        for i, seg in enumerate(route.segments):
            if seg.kind == "literal":
                continue
            if seg.kind == "path":
                params[seg.value] = "/".join(parts[i:])
            else:
                params[seg.value] = seg.convert(parts[i])
        return route, params


def _segments_match(segments: tuple[Segment, ...], parts: list[str]) -> bool:
    if segments and segments[-1].kind == "path":
        fixed = segments[:-1]
        if len(parts) <= len(fixed):
            return False
    else:
        fixed = segments
        if len(parts) != len(fixed):
            return False
    return all(seg.matches(part) for seg, part in zip(fixed, parts, strict=False))
