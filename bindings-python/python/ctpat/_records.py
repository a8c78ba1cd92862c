"""Immutable result objects built from the core's JSON answers.

A record wraps the answer dict: fields are attributes, nested records and lists of records are
typed, ``to_dict()``/``to_json()`` give the wire form back, records compare by value, pickle,
and their ``repr`` shows only what the core returned (personal identifiers are already redacted).
"""

from __future__ import annotations

import copy
import keyword
import json
from typing import Any, ClassVar, Dict, Tuple, Type


def _field(name: str) -> property:
    def get(self: "Record") -> Any:
        if name not in self._data:
            return copy.deepcopy(type(self)._defaults.get(name))
        value = self._data[name]
        cls = type(self)._nested.get(name)
        if cls is not None:
            if isinstance(value, list):
                return tuple(cls(v) if isinstance(v, dict) else v for v in value)
            if isinstance(value, dict):
                return cls(value)
        if isinstance(value, list):
            return tuple(copy.deepcopy(value))
        if isinstance(value, dict):
            return copy.deepcopy(value)
        return value

    get.__name__ = name
    return property(get, doc=f"The `{name}` field of the answer.")


class Record:
    """Base class of every result object.

    Subclasses list their fields in ``_fields``; each becomes a read-only property. A field
    the answer leaves out reads as ``None`` (an empty list or dict for collections).
    """

    __slots__ = ("_data",)
    #: the answer's field names, in wire order
    _fields: ClassVar[Tuple[str, ...]] = ()
    #: field name -> record class for nested objects or lists of objects
    _nested: ClassVar[Dict[str, Type["Record"]]] = {}
    #: value of a field the answer leaves out (else None)
    _defaults: ClassVar[Dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("_fields", ()):
            attr = f"{name}_" if keyword.iskeyword(name) else name  # `from` -> `from_`
            if attr not in cls.__dict__:  # an explicit property wins
                setattr(cls, attr, _field(name))

    def __init__(self, data: Dict[str, Any]) -> None:
        if not isinstance(data, dict):
            raise TypeError(f"{type(self).__name__} takes a dict, not {type(data).__name__}")
        object.__setattr__(self, "_data", data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._data == other._data)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, json.dumps(self._data, sort_keys=True)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._data.items())
        return f"{type(self).__name__}({fields})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return type(self), (self._data,)

    def to_dict(self) -> Dict[str, Any]:
        """The answer as plain JSON-compatible data (a deep copy)."""
        return copy.deepcopy(self._data)

    def to_json(self, **kwargs: Any) -> str:
        """The answer as JSON text (keyword arguments go to :func:`json.dumps`)."""
        return json.dumps(self._data, **kwargs)
