"""Conversion between Python values and the core's JSON API (no business rules here)."""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from . import _native
from .errors import CtpatError, InputError, from_info

JsonInput = Union[Dict[str, Any], str, bytes]
DateInput = Union[_dt.date, str, None]

# one encoder for every call: ``json.dumps`` with a keyword builds a new encoder each time
_ENCODE = json.JSONEncoder(allow_nan=False).encode


def invoke(op: str, args: Dict[str, Any]) -> Any:
    """Runs core operation ``op`` with the named arguments; raises :class:`CtpatError`.

    The arguments are written as JSON text and the answer read back in Rust (Python's
    ``json`` encoder only handles what the native writer leaves to it).
    """
    try:
        envelope = _native.call_value(op, args, _ENCODE)
    except (TypeError, ValueError) as err:
        raise InputError(f"arguments are not json-serialisable: {err}", "invalid_input") from None
    if envelope["ok"]:
        return envelope["value"]
    raise from_info(envelope["error"])


def invoke_text(op: str, text: str) -> Any:
    """Like :func:`invoke` for a call already written as JSON text (see :func:`splice`)."""
    envelope = _native.call_many_values(op, [text], _ENCODE)[0]
    if envelope["ok"]:
        return envelope["value"]
    raise from_info(envelope["error"])


def invoke_many(op: str, calls: Sequence[Union[Dict[str, Any], str]]) -> List[Any]:
    """Runs ``op`` once per call in one native call (GIL released while the core works).

    A call is an argument dict, or a complete call already written as JSON text (see
    :func:`splice`). Returns one answer per call; a failed call gives its :class:`CtpatError`
    in its place instead of raising, so one bad record does not lose the others.
    """
    return [
        envelope["value"] if envelope["ok"] else from_info(envelope["error"])
        for envelope in _native.call_many_values(op, list(calls), _ENCODE)
    ]


class _CheckedText(str):
    """JSON text already known to be exactly one JSON value."""

    __slots__ = ()


def json_text(value: Any, name: str) -> str:
    """``value`` as the JSON text of one value, ready for :func:`splice`.

    A ``str`` or UTF-8 ``bytes`` is taken as JSON text and checked (never parsed into Python
    objects); a dict, list or result record is written as JSON in Rust.
    """
    if isinstance(value, _CheckedText):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"`{name}` is not valid utf-8: {err.reason}", "invalid_json", f"/{name}") from None
    if isinstance(value, str):
        problem = _native.json_error(value)
        if problem is not None:
            raise InputError(f"`{name}` is not valid json: {problem}", "invalid_json", f"/{name}")
        return value
    value = obj_arg(value, name)
    try:
        return _native.to_json(value, _ENCODE)
    except (TypeError, ValueError) as err:
        raise InputError(f"`{name}` is not json-serialisable: {err}", "invalid_input", f"/{name}") from None


def splice(key: str, text: str, shared: Dict[str, Any]) -> str:
    """The JSON text of the call ``{key: <text>, **shared}``. ``text`` must come from
    :func:`json_text` (exactly one JSON value, so nothing can be injected through it)."""
    tail = _ENCODE(shared)[1:]
    return '{"' + key + '":' + text + ("," + tail if tail != "}" else "}")


def batch_call(key: str, record: Any, name: str, shared: Dict[str, Any]) -> Union[Dict[str, Any], str]:
    """One call of a ``..._many`` batch: JSON text records are spliced in unparsed; objects stay
    objects (an unencodable one then fails alone, in its place)."""
    if isinstance(record, (str, bytes, bytearray, memoryview)):
        return splice(key, json_text(record, name), shared)
    return {key: obj_arg(record, name), **shared}


def records_arg(records: Any, name: str) -> Iterable[Any]:
    """The records of a batch: a list (or any iterable) of records, or the path of a JSON Lines
    file, read line by line (each line stays JSON text)."""
    if isinstance(records, (str, os.PathLike)):
        return _json_lines(os.fspath(records))
    if isinstance(records, (bytes, bytearray, dict)) or records is None:
        raise TypeError(f"{name} must be a list or a JSON Lines file path, not {type(records).__name__}")
    try:
        iter(records)
    except TypeError:
        raise TypeError(f"{name} must be a list or a JSON Lines file path, not {type(records).__name__}") from None
    return records  # type: ignore[no-any-return]


def _json_lines(path: str) -> Iterator[str]:
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"`{path}` line {number} is not valid utf-8: {err.reason}", "invalid_json") from None
            problem = _native.json_error(line)
            if problem is not None:
                raise InputError(f"`{path}` line {number} is not valid json: {problem}", "invalid_json")
            yield _CheckedText(line)


def json_arg(value: Any, name: str) -> Any:
    """Accepts a dict (or list), JSON ``str`` or UTF-8 JSON ``bytes`` for argument ``name``."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"`{name}` is not valid utf-8: {err.reason}", "invalid_json", f"/{name}") from None
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as err:
            raise InputError(f"`{name}` is not valid json: {err}", "invalid_json", f"/{name}") from None
    if isinstance(value, (dict, list)):
        return value
    raise TypeError(f"{name} must be a dict, a JSON str or bytes, not {type(value).__name__}")


def obj_arg(value: Any, name: str) -> Any:
    """Like :func:`json_arg`, and also takes a result record (its ``to_dict()`` is sent)."""
    from ._records import Record  # local import: records import nothing from here

    if isinstance(value, Record):
        return value.to_dict()
    if value is None:
        raise TypeError(f"{name} must be a dict, a JSON str or bytes, not None")
    return json_arg(value, name)


def put_policy(args: Dict[str, Any], policy: Any) -> Dict[str, Any]:
    """Adds ``policy`` to the arguments when one is given; returns ``args``."""
    p = policy_arg(policy)
    if p is not None:
        args["policy"] = p
    return args


def put_rules_version(args: Dict[str, Any], rules_version: Optional[str]) -> Dict[str, Any]:
    """Adds ``rules_version`` to the arguments when one is given (the core checks it); returns
    ``args``."""
    if rules_version is not None:
        args["rules_version"] = rules_version
    return args


def str_arg(value: Any, name: str) -> str:
    """Checks that argument ``name`` is a ``str``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


def date_arg(value: DateInput, name: str, *, default_today: bool) -> Optional[str]:
    """A ``datetime.date`` or ISO string as ``YYYY-MM-DD``; ``None`` → today (UTC) if asked.

    Only the binding may read the clock; the core never does, and every report records the
    ``as_of`` it used.
    """
    if value is None:
        if default_today:
            return _dt.datetime.now(_dt.timezone.utc).date().isoformat()
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a datetime.date or an ISO date str, not {type(value).__name__}")


def policy_arg(value: Any) -> Any:
    """A policy: ``None`` (current), a preset name, a dict/JSON, or a :class:`Policy`."""
    if value is None:
        return None
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, str) and not value.lstrip().startswith("{"):
        return value
    return json_arg(value, "policy")


__all__ = [
    "CtpatError",
    "invoke",
    "invoke_many",
    "invoke_text",
    "batch_call",
    "json_text",
    "records_arg",
    "splice",
    "json_arg",
    "obj_arg",
    "put_policy",
    "put_rules_version",
    "str_arg",
    "date_arg",
    "policy_arg",
]
