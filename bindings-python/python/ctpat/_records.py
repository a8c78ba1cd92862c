"""Immutable result objects built from the core's JSON answers.

A record wraps the answer dict: fields are attributes, nested records and lists of records are
typed, ``to_dict()``/``to_json()`` give the wire form back, records compare by value, pickle,
and their ``repr`` shows only what the core returned (personal identifiers are already redacted).
"""

from __future__ import annotations

import copy
import json
from typing import Any, ClassVar, Dict, Iterator, Tuple, Type


class Record:
    """Base class of every result object."""

    __slots__ = ("_data",)
    #: field name -> record class for nested objects or lists of objects
    _nested: ClassVar[Dict[str, Type["Record"]]] = {}

    def __init__(self, data: Dict[str, Any]) -> None:
        if not isinstance(data, dict):
            raise TypeError(f"{type(self).__name__} takes a dict, not {type(data).__name__}")
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        data = object.__getattribute__(self, "_data")
        if name not in data:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        value = data[name]
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

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __dir__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(sorted(set(object.__dir__(self)) | set(self._data)))

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


class Finding(Record):
    """One problem or remark: ``code``, ``severity``, ``path``, ``message``, ``params``."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        if name == "params" and "params" not in self._data:
            return {}
        return super().__getattr__(name)


class IdentifierCheck(Record):
    """Answer of :func:`ctpat.check_identifier`."""

    __slots__ = ()
    _nested = {"findings": Finding}


class IdentifierRequirement(Record):
    """One identifier requirement of a business type (any one of ``any_of``)."""

    __slots__ = ()


class BusinessTypeInfo(Record):
    """A business type with the identifiers and bond it requires."""

    __slots__ = ()
    _nested = {"required_identifiers": IdentifierRequirement}
