"""Conversion between Python values and the core's JSON API (no business rules here)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _native
from .errors import CtpatError, InputError, from_info

JsonInput = Union[Dict[str, Any], str, bytes]
DateInput = Union[_dt.date, str, None]

# one encoder for every call: ``json.dumps`` with a keyword builds a new encoder each time
_ENCODE = json.JSONEncoder(allow_nan=False).encode


def invoke(op: str, args: Dict[str, Any]) -> Any:
    """Runs core operation ``op`` with the named arguments; raises :class:`CtpatError`."""
    try:
        text = _ENCODE(args)
    except (TypeError, ValueError) as err:
        raise InputError(f"arguments are not json-serialisable: {err}", "invalid_input") from None
    envelope = json.loads(_native.call(op, text))
    if envelope["ok"]:
        return envelope["value"]
    raise from_info(envelope["error"])


def invoke_many(op: str, calls: Sequence[Dict[str, Any]]) -> List[Any]:
    """Runs ``op`` once per argument object in one native call (GIL released).

    Returns one answer per call; a failed call gives its :class:`CtpatError` in its place
    instead of raising, so one bad record does not lose the others.
    """
    texts = []
    for args in calls:
        try:
            texts.append(_ENCODE(args))
        except (TypeError, ValueError) as err:
            texts.append(json.dumps({"__unserialisable__": str(err)}))
    out: List[Any] = []
    for text in _native.call_many(op, texts):
        envelope = json.loads(text)
        out.append(envelope["value"] if envelope["ok"] else from_info(envelope["error"]))
    return out


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
    "json_arg",
    "obj_arg",
    "put_policy",
    "str_arg",
    "date_arg",
    "policy_arg",
]
