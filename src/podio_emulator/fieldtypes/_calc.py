"""Calculation fields: a safe evaluator for the JavaScript subset Podio formulas use.

Podio calculation fields hold a ``script`` (JavaScript) where ``@[Label](field_<id>)`` tokens
stand for the values of other fields of the same item (``fields.md`` §3, calculation). The
emulator parses the script into a tree and walks it; nothing is ever handed to ``eval``.

Supported: numbers, strings, ``true``/``false``/``null``, field tokens, ``var``/``let``/
``const`` declarations, ``;``-separated statements (the value of the last expression
statement is the result, as in JavaScript's completion value), ``+ - * / %``, unary ``- + !``,
comparisons, ``&& ||``, the ternary ``?:``, parentheses, the globals ``parseInt``,
``parseFloat``, ``Number``, ``String``, ``isNaN``, ``isFinite``, ``Math.<fn>`` (round, floor,
ceil, abs, min, max, pow, sqrt, trunc, sign) and ``Math.PI``/``Math.E``, and the methods
``toFixed``, ``toString``, ``toUpperCase``, ``toLowerCase``, ``trim`` and ``length``.
Arithmetic follows JavaScript: ``null`` counts as 0, ``+`` concatenates when either side is
a string. Anything else (function literals, loops, ``@[..](in_...)`` aggregates over
incoming references) is reported as unsupported, and the field is then left without value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

__all__ = [
    "UNDEFINED",
    "CalcDate",
    "CalcError",
    "CalcUnsupported",
    "Script",
    "js_to_string",
    "parse_script",
]

MAX_SCRIPT_LENGTH = 10_000


class CalcError(Exception):
    """The script is not valid (syntax); reported as ``invalid_value`` on field save."""


class CalcUnsupported(CalcError):
    """Valid JavaScript the emulator does not evaluate; the field stays without value."""


class _Undefined:
    _instance: _Undefined | None = None

    def __new__(cls) -> _Undefined:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "undefined"


UNDEFINED = _Undefined()


@dataclass(frozen=True)
class CalcDate:
    """A date inside a calculation: a UTC instant, or an all-day date (``all_day``)."""

    utc: datetime
    all_day: bool = False

    def millis(self) -> float:
        return self.utc.replace(tzinfo=timezone.utc).timestamp() * 1000.0


# ---------------------------------------------------------------------------------------------
# Tokenizer

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<field>@\[(?P<label>(?:[^\]\\]|\\.)*)\]\((?P<ref>[^)]*)\))
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_$][\w$]*)
  | (?P<op>===|!==|==|!=|<=|>=|&&|\|\||[-+*/%()<>!?:,;=.{}\[\]])
    """,
    re.VERBOSE | re.DOTALL,
)

_FIELD_REF_RE = re.compile(r"^field_(\d+)$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # number | string | ident | op | field | end
    value: Any
    pos: int


def _unescape(body: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _tokenize(source: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN_RE.match(source, pos)
        if match is None:
            raise CalcError(f"unexpected character {source[pos]!r} at position {pos}")
        kind = match.lastgroup
        text = match.group(0)
        if match.group("field") is not None:
            ref = match.group("ref")
            ref_match = _FIELD_REF_RE.match(ref)
            if ref_match is None:
                raise CalcUnsupported(f"token {text!r} is not supported by the emulator")
            tokens.append(_Tok("field", int(ref_match.group(1)), pos))
        elif kind == "number":
            tokens.append(_Tok("number", float(text), pos))
        elif kind == "string":
            tokens.append(_Tok("string", _unescape(text[1:-1]), pos))
        elif kind == "ident":
            tokens.append(_Tok("ident", text, pos))
        elif kind == "op":
            tokens.append(_Tok("op", text, pos))
        pos = match.end()
    tokens.append(_Tok("end", None, pos))
    return tokens


# ---------------------------------------------------------------------------------------------
# Parser: a recursive-descent parser producing tuples ("kind", ...).

Node = tuple[Any, ...]
_KEYWORDS_UNSUPPORTED = {
    "function", "for", "while", "do", "if", "else", "return", "new", "switch", "try",
    "catch", "throw", "class", "this", "typeof", "delete", "in", "instanceof", "void",
}  # fmt: skip


class _Parser:
    def __init__(self, tokens: list[_Tok]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> _Tok:
        return self.tokens[self.i]

    def next(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        tok = self.peek()
        return tok.kind == "op" and tok.value in ops

    def expect_op(self, op: str) -> None:
        tok = self.next()
        if tok.kind != "op" or tok.value != op:
            raise CalcError(f"expected {op!r} at position {tok.pos}")

    def program(self) -> list[Node]:
        statements: list[Node] = []
        while self.peek().kind != "end":
            if self.at_op(";"):
                self.next()
                continue
            statements.append(self.statement())
            if self.at_op(";"):
                self.next()
            elif self.peek().kind != "end":
                # JavaScript's automatic semicolon insertion happens at line breaks; the
                # emulator is lenient and accepts a following statement directly.
                continue
        return statements

    def statement(self) -> Node:
        tok = self.peek()
        if tok.kind == "ident" and tok.value in ("var", "let", "const"):
            self.next()
            # Declarations are lists, not tuples, so a variable called "field" is never
            # mistaken for a field token by _collect_fields.
            decls: list[list[Any]] = []
            while True:
                name = self.next()
                if name.kind != "ident":
                    raise CalcError(f"expected a variable name at position {name.pos}")
                init: Node | None = None
                if self.at_op("="):
                    self.next()
                    init = self.expression()
                decls.append([name.value, init])
                if not self.at_op(","):
                    break
                self.next()
            return ("var", decls)
        if (
            tok.kind == "ident"
            and self.tokens[self.i + 1].kind == "op"
            and self.tokens[self.i + 1].value == "="
        ):
            self.next()
            self.next()
            return ("assign", tok.value, self.expression())
        return ("expr", self.expression())

    def expression(self) -> Node:
        cond = self.logical_or()
        if self.at_op("?"):
            self.next()
            yes = self.expression()
            self.expect_op(":")
            no = self.expression()
            return ("cond", cond, yes, no)
        return cond

    def logical_or(self) -> Node:
        node = self.logical_and()
        while self.at_op("||"):
            self.next()
            node = ("or", node, self.logical_and())
        return node

    def logical_and(self) -> Node:
        node = self.equality()
        while self.at_op("&&"):
            self.next()
            node = ("and", node, self.equality())
        return node

    def equality(self) -> Node:
        node = self.relational()
        while self.at_op("==", "!=", "===", "!=="):
            op = self.next().value
            node = ("bin", op, node, self.relational())
        return node

    def relational(self) -> Node:
        node = self.additive()
        while self.at_op("<", ">", "<=", ">="):
            op = self.next().value
            node = ("bin", op, node, self.additive())
        return node

    def additive(self) -> Node:
        node = self.multiplicative()
        while self.at_op("+", "-"):
            op = self.next().value
            node = ("bin", op, node, self.multiplicative())
        return node

    def multiplicative(self) -> Node:
        node = self.unary()
        while self.at_op("*", "/", "%"):
            op = self.next().value
            node = ("bin", op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.at_op("-", "+", "!"):
            op = self.next().value
            return ("unary", op, self.unary())
        return self.postfix()

    def postfix(self) -> Node:
        node = self.primary()
        while True:
            if self.at_op("."):
                self.next()
                name = self.next()
                if name.kind != "ident":
                    raise CalcError(f"expected a property name at position {name.pos}")
                node = ("member", node, name.value)
            elif self.at_op("("):
                self.next()
                args: list[Node] = []
                if not self.at_op(")"):
                    while True:
                        args.append(self.expression())
                        if not self.at_op(","):
                            break
                        self.next()
                self.expect_op(")")
                node = ("call", node, args)
            elif self.at_op("["):
                raise CalcUnsupported("indexing is not supported by the emulator")
            else:
                return node

    def primary(self) -> Node:
        tok = self.next()
        if tok.kind == "number":
            return ("num", tok.value)
        if tok.kind == "string":
            return ("str", tok.value)
        if tok.kind == "field":
            return ("field", tok.value)
        if tok.kind == "ident":
            if tok.value == "true":
                return ("const", True)
            if tok.value == "false":
                return ("const", False)
            if tok.value == "null":
                return ("const", None)
            if tok.value == "undefined":
                return ("const", UNDEFINED)
            if tok.value == "NaN":
                return ("num", math.nan)
            if tok.value == "Infinity":
                return ("num", math.inf)
            if tok.value in _KEYWORDS_UNSUPPORTED:
                raise CalcUnsupported(f"{tok.value!r} is not supported by the emulator")
            return ("name", tok.value)
        if tok.kind == "op" and tok.value == "(":
            node = self.expression()
            self.expect_op(")")
            return node
        if tok.kind == "op" and tok.value in ("{", "["):
            raise CalcUnsupported("object and array literals are not supported by the emulator")
        if tok.kind == "end":
            raise CalcError("unexpected end of script")
        raise CalcError(f"unexpected {tok.value!r} at position {tok.pos}")


# ---------------------------------------------------------------------------------------------
# JavaScript value semantics


def js_to_number(value: Any) -> float:
    if value is None:
        return 0.0
    if value is UNDEFINED:
        return math.nan
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0.0
        try:
            return float(text)
        except ValueError:
            return math.nan
    if isinstance(value, CalcDate):
        return value.millis()
    return math.nan


def _format_number(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == int(number) and abs(number) < 1e21:
        return str(int(number))
    return repr(number)


def js_to_string(value: Any) -> str:
    """JavaScript's ``String(value)`` for the values a calculation can produce."""
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _format_number(float(value))
    if isinstance(value, CalcDate):
        if value.all_day:
            return value.utc.strftime("%Y-%m-%d")
        return value.utc.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def _truthy(value: Any) -> bool:
    if value is None or value is UNDEFINED:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return True


def _strict_equal(left: Any, right: Any) -> bool:
    if isinstance(left, (int, float)) and not isinstance(left, bool):
        if isinstance(right, (int, float)) and not isinstance(right, bool):
            return float(left) == float(right)
        return False
    return type(left) is type(right) and left == right


def _loose_equal(left: Any, right: Any) -> bool:
    nullish = (None, UNDEFINED)
    if left in nullish or right in nullish:
        return left in nullish and right in nullish
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    return js_to_number(left) == js_to_number(right)


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        a: Any = left
        b: Any = right
    else:
        a, b = js_to_number(left), js_to_number(right)
        if math.isnan(a) or math.isnan(b):
            return False
    if op == "<":
        return bool(a < b)
    if op == ">":
        return bool(a > b)
    if op == "<=":
        return bool(a <= b)
    return bool(a >= b)


def _binary(op: str, left: Any, right: Any) -> Any:
    if op == "+":
        # Dates convert to strings under +, as JavaScript's default hint does.
        if isinstance(left, (str, CalcDate)) or isinstance(right, (str, CalcDate)):
            return js_to_string(left) + js_to_string(right)
        return js_to_number(left) + js_to_number(right)
    if op in ("-", "*", "/", "%"):
        a, b = js_to_number(left), js_to_number(right)
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0:
                if a == 0 or math.isnan(a):
                    return math.nan
                return math.copysign(math.inf, a) * math.copysign(1.0, b)
            return a / b
        if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b):
            return math.nan
        return math.fmod(a, b)
    if op == "===":
        return _strict_equal(left, right)
    if op == "!==":
        return not _strict_equal(left, right)
    if op == "==":
        return _loose_equal(left, right)
    if op == "!=":
        return not _loose_equal(left, right)
    return _compare(op, left, right)


def _js_round(x: float) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    return float(math.floor(x + 0.5))


def _parse_int(value: Any, radix: Any = UNDEFINED) -> float:
    text = js_to_string(value).strip()
    base = 10 if radix is UNDEFINED else int(js_to_number(radix))
    if base == 0:
        base = 10
    if not 2 <= base <= 36:
        return math.nan
    sign = 1
    if text[:1] in ("+", "-"):
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if base == 16 and text[:2].lower() == "0x":
        text = text[2:]
    digits = ""
    for ch in text:
        if ch.isalnum() and int(ch, 36) < base:
            digits += ch
        else:
            break
    if not digits:
        return math.nan
    return float(sign * int(digits, base))


_FLOAT_PREFIX = re.compile(r"^[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def _parse_float(value: Any) -> float:
    match = _FLOAT_PREFIX.match(js_to_string(value).strip())
    if match is None:
        return math.nan
    return float(match.group(0).replace("Infinity", "inf"))


def _math_fn(fn: Callable[..., float]) -> Callable[..., float]:
    def call(*args: Any) -> float:
        numbers = [js_to_number(a) for a in args]
        try:
            return fn(*numbers)
        except (ValueError, OverflowError):
            return math.nan

    return call


def _math_min(*args: float) -> float:
    return math.inf if not args else (math.nan if any(map(math.isnan, args)) else min(args))


def _math_max(*args: float) -> float:
    return -math.inf if not args else (math.nan if any(map(math.isnan, args)) else max(args))


def _math_sign(x: float) -> float:
    return x if x == 0 or math.isnan(x) else math.copysign(1.0, x)


_MATH_FUNCTIONS: dict[str, Callable[..., float]] = {
    "round": _math_fn(_js_round),
    "floor": _math_fn(lambda x: float(math.floor(x)) if math.isfinite(x) else x),
    "ceil": _math_fn(lambda x: float(math.ceil(x)) if math.isfinite(x) else x),
    "trunc": _math_fn(lambda x: float(math.trunc(x)) if math.isfinite(x) else x),
    "abs": _math_fn(abs),
    "sqrt": _math_fn(lambda x: math.sqrt(x) if x >= 0 else math.nan),
    "pow": _math_fn(lambda x, y: math.pow(x, y)),
    "min": _math_fn(_math_min),
    "max": _math_fn(_math_max),
    "sign": _math_fn(_math_sign),
}
_MATH_CONSTANTS = {"PI": math.pi, "E": math.e}


class _MathNamespace:
    pass


_MATH = _MathNamespace()


@dataclass(frozen=True)
class _Builtin:
    name: str
    fn: Callable[..., Any]


def _number_of(value: Any) -> float:
    return js_to_number(value)


def _is_nan(value: Any) -> bool:
    return math.isnan(js_to_number(value))


def _is_finite(value: Any) -> bool:
    return math.isfinite(js_to_number(value))


_GLOBALS: dict[str, Any] = {
    "Math": _MATH,
    "parseInt": _Builtin("parseInt", _parse_int),
    "parseFloat": _Builtin("parseFloat", _parse_float),
    "Number": _Builtin("Number", _number_of),
    "String": _Builtin("String", js_to_string),
    "isNaN": _Builtin("isNaN", _is_nan),
    "isFinite": _Builtin("isFinite", _is_finite),
}


def _to_fixed(number: float, digits: Any = 0) -> str:
    places = int(js_to_number(digits)) if digits is not UNDEFINED else 0
    if math.isnan(number) or math.isinf(number):
        return _format_number(number)
    return f"{number:.{max(0, min(places, 100))}f}"


def _member(obj: Any, name: str) -> Any:
    if obj is _MATH:
        if name in _MATH_FUNCTIONS:
            return _Builtin(f"Math.{name}", _MATH_FUNCTIONS[name])
        if name in _MATH_CONSTANTS:
            return _MATH_CONSTANTS[name]
        raise CalcUnsupported(f"Math.{name} is not supported by the emulator")
    if isinstance(obj, str):
        if name == "length":
            return float(len(obj))
        methods: dict[str, Callable[..., Any]] = {
            "toUpperCase": obj.upper,
            "toLowerCase": obj.lower,
            "trim": obj.strip,
            "toString": lambda: obj,
        }
        if name in methods:
            return _Builtin(name, methods[name])
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        number = float(obj)
        if name == "toFixed":
            return _Builtin(name, lambda digits=UNDEFINED: _to_fixed(number, digits))
        if name == "toString":
            return _Builtin(name, lambda: _format_number(number))
    elif obj is None or obj is UNDEFINED:
        # JavaScript would throw a TypeError here; the field then shows no value.
        raise _NoValue(f"cannot read property {name!r} of {js_to_string(obj)}")
    raise CalcUnsupported(f"property {name!r} is not supported by the emulator")


class _NoValue(Exception):
    """A runtime error inside the script: Podio shows the field empty."""


class _Interpreter:
    def __init__(self, fields: Mapping[int, Any]) -> None:
        self.fields = fields
        self.scope: dict[str, Any] = {}

    def run(self, program: Sequence[Node]) -> Any:
        result: Any = UNDEFINED
        for stmt in program:
            kind = stmt[0]
            if kind == "var":
                for name, init in stmt[1]:
                    self.scope[name] = self.eval(init) if init is not None else UNDEFINED
            elif kind == "assign":
                result = self.scope[stmt[1]] = self.eval(stmt[2])
            else:
                result = self.eval(stmt[1])
        return result

    def eval(self, node: Node) -> Any:
        kind = node[0]
        if kind in ("num", "str", "const"):
            return node[1]
        if kind == "field":
            return self.fields.get(node[1])
        if kind == "name":
            if node[1] in self.scope:
                return self.scope[node[1]]
            if node[1] in _GLOBALS:
                return _GLOBALS[node[1]]
            raise _NoValue(f"{node[1]} is not defined")
        if kind == "bin":
            return _binary(node[1], self.eval(node[2]), self.eval(node[3]))
        if kind == "unary":
            value = self.eval(node[2])
            if node[1] == "!":
                return not _truthy(value)
            number = js_to_number(value)
            return -number if node[1] == "-" else number
        if kind == "and":
            left = self.eval(node[1])
            return self.eval(node[2]) if _truthy(left) else left
        if kind == "or":
            left = self.eval(node[1])
            return left if _truthy(left) else self.eval(node[2])
        if kind == "cond":
            return self.eval(node[2]) if _truthy(self.eval(node[1])) else self.eval(node[3])
        if kind == "member":
            return _member(self.eval(node[1]), node[2])
        if kind == "call":
            target = self.eval(node[1])
            if not isinstance(target, _Builtin):
                raise _NoValue(f"{js_to_string(target)} is not a function")
            args = [self.eval(arg) for arg in node[2]]
            return target.fn(*args)
        raise CalcError(f"unknown node {kind}")


@dataclass(frozen=True)
class Script:
    """A parsed calculation script; :meth:`evaluate` may be called any number of times."""

    source: str
    program: tuple[Node, ...]
    field_ids: frozenset[int]

    def evaluate(self, fields: Mapping[int, Any]) -> Any:
        """Run the script with ``fields`` (field_id -> token value) and return its result.

        Token values are ``float`` (numeric fields), ``str``, :class:`CalcDate` or ``None``
        for an empty field. Runtime errors give ``UNDEFINED`` (Podio shows no value).
        """
        try:
            return _Interpreter(fields).run(self.program)
        except (_NoValue, RecursionError, OverflowError, ValueError, TypeError):
            return UNDEFINED


def _collect_fields(node: Any, found: set[int]) -> None:
    if isinstance(node, tuple):
        if node and node[0] == "field":
            found.add(node[1])
            return
        for part in node:
            _collect_fields(part, found)
    elif isinstance(node, list):
        for part in node:
            _collect_fields(part, found)


def parse_script(source: str) -> Script:
    """Parse a calculation script; :class:`CalcError` on bad syntax, :class:`CalcUnsupported`
    for constructs the emulator does not evaluate."""
    if len(source) > MAX_SCRIPT_LENGTH:
        raise CalcError("script is too long")
    try:
        program = tuple(_Parser(_tokenize(source)).program())
    except RecursionError:
        raise CalcError("script is nested too deeply") from None
    found: set[int] = set()
    _collect_fields(program, found)
    return Script(source=source, program=program, field_ids=frozenset(found))
