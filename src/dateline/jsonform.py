"""The JSON form of dataclasses, read from their fields: to_json, from_json and a JSON Schema.

`dateline.model` describes each type once, as a dataclass whose field metadata says how
the field appears in JSON; this module turns that description into serialisation,
validating deserialisation and a JSON Schema, so the three cannot disagree.

Field metadata (the constants and helpers below):

* `INTERNAL`: not in JSON (parse positions, bookkeeping);
* `OMITTED_IF_NONE`: the key appears only when the value is set;
* `rounded(n)`: a float rounded to `n` decimals in JSON;
* `optional_key(missing)`: the key may be absent (the value then is `missing`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass
from types import MappingProxyType
from typing import Any, Literal, Union, get_args, get_origin

_NO_FALLBACK = object()
_UNIONS = (Union, types.UnionType)


#: Field metadata: not part of the JSON form. Give such fields `compare=False` too, so that
#: equality is equality of the JSON form.
INTERNAL: Mapping[str, Any] = MappingProxyType({"json": False})
#: Field metadata: the key appears in JSON only when the value is not None.
OMITTED_IF_NONE: Mapping[str, Any] = MappingProxyType({"omit_none": True})


def rounded(digits: int) -> dict[str, Any]:
    """Field metadata: round this float to `digits` decimals in JSON."""
    return {"digits": digits}


def optional_key(missing: Any) -> dict[str, Any]:
    """Field metadata: the key may be left out of JSON; reading it back then gives `missing`."""
    return {"optional": True, "missing": missing}


@dataclass(frozen=True)
class JsonField:
    """How one dataclass field appears in JSON."""

    name: str
    hint: Any
    omit_none: bool
    optional: bool
    digits: int | None
    missing: Any
    has_default: bool


@functools.cache
def json_fields(cls: type) -> tuple[JsonField, ...]:
    """The fields of `cls` that appear in its JSON form, in declaration (= key) order."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        meta = f.metadata
        if not meta.get("json", True):
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        out.append(JsonField(f.name, hints[f.name], bool(meta.get("omit_none")), bool(meta.get("optional")),
                             meta.get("digits"), meta.get("missing", _NO_FALLBACK), has_default))
    return tuple(out)


class JsonForm:
    """Mixin giving a dataclass `to_json()` and `from_json()` from its fields' metadata."""

    def to_json(self) -> dict[str, Any]:
        """This object as JSON-ready dicts, lists, strings and numbers."""
        out: dict[str, Any] = {}
        for spec in json_fields(type(self)):
            value = getattr(self, spec.name)
            if value is None and spec.omit_none:
                continue
            out[spec.name] = _dump(value, spec.digits)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Any:
        """Build an object from its JSON form, checking literal values; unknown keys are ignored.

        Raises ValueError naming the type, the key and what was expected.
        """
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected a JSON object, got {type(data).__name__}")
        kwargs: dict[str, Any] = {}
        lacking = []
        for spec in json_fields(cls):
            if spec.name in data:
                kwargs[spec.name] = _load(spec.hint, data[spec.name], f"{cls.__name__}.{spec.name}")
            elif spec.missing is not _NO_FALLBACK:
                kwargs[spec.name] = spec.missing
            elif not spec.has_default:
                lacking.append(spec.name)
        if lacking:
            raise ValueError(f"{cls.__name__}: the JSON object lacks {', '.join(map(repr, lacking))} "
                             f"(it has {', '.join(map(repr, data)) or 'no keys'})")
        return cls(**kwargs)


def _dump(value: Any, digits: int | None = None) -> Any:
    if value is None:
        return None
    if isinstance(value, JsonForm):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [_dump(v, digits) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if digits is not None:
        return round(float(value), digits)
    return value


@functools.cache
def _shape(hint: Any) -> tuple[Any, tuple[Any, ...], Any]:
    """`get_origin` and `get_args` of a hint, and the one type an optional hint allows besides None, kept:
    reading stored events asks them of the same few hints tens of thousands of times a listing."""
    origin, args = get_origin(hint), get_args(hint)
    if origin not in _UNIONS:
        return origin, args, None
    (inner,) = [a for a in args if a is not type(None)]
    return origin, args, inner


def _load(hint: Any, value: Any, where: str) -> Any:
    origin, args, inner = _shape(hint)
    if value is None:
        if origin in _UNIONS and type(None) in args:
            return None
        raise ValueError(f"{where}: null where a value is required")
    if origin in _UNIONS:
        return _load(inner, value, where)
    if origin is Literal:
        if value not in args:
            raise ValueError(f"{where}: {value!r} is not one of {', '.join(map(str, args))}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, got {value!r}")
        return [_load(args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(hint, type) and issubclass(hint, JsonForm):
        return hint.from_json(value)
    if hint is dt.date:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: expected an ISO date (YYYY-MM-DD), got {value!r}") from None
    if hint is float:
        return float(value)
    return value


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}, bool: {"type": "boolean"},
    dt.date: {"type": "string", "format": "date"},
}


def schema_of(root: type) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of `root`'s JSON form, every nested type under `$defs`."""
    defs: dict[str, Any] = {}
    ref = _schema(root, defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **ref, "$defs": defs}


def _schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(hint), get_args(hint)
    if origin in _UNIONS:
        options = [_schema(a, defs) for a in args if a is not type(None)]
        return {"anyOf": [*options, {"type": "null"}]} if type(None) in args else {"anyOf": options}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _schema(args[0], defs)}
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    if isinstance(hint, type) and issubclass(hint, JsonForm):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # placeholder: a type may refer to itself
            defs[hint.__name__] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for the type {hint!r}: give the field a str, int, float, bool, date, "
                    "Literal, list or JsonForm type, or give it INTERNAL metadata")


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    specs = json_fields(cls)
    return {
        "type": "object",
        "title": cls.__name__,
        "description": " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split()),
        "properties": {s.name: _schema(s.hint, defs) for s in specs},
        "required": [s.name for s in specs if not (s.omit_none or s.optional)],
        "additionalProperties": False,
    }


__all__ = ["INTERNAL", "OMITTED_IF_NONE", "JsonField", "JsonForm", "json_fields", "optional_key", "rounded",
           "schema_of"]
