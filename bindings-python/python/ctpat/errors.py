"""Exceptions raised by :mod:`ctpat`.

Every exception carries the stable ``code`` of the core error (the same string Node puts on
``err.code``), the JSON Pointer ``path`` of the bad field (``""`` for the whole input) and the
``findings`` that explain it, if any. All of them pickle with their attributes.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

__all__ = [
    "CtpatError",
    "InputError",
    "UnsupportedRulesVersion",
    "TransitionError",
    "AccessDenied",
    "CatalogueError",
    "InternalError",
    "from_info",
]


class CtpatError(Exception):
    """Base class of every ctpat error; ``code`` is the stable identifier from the core."""

    def __init__(
        self,
        message: str,
        code: str = "error",
        path: str = "",
        findings: Optional[List[Any]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.findings = list(findings or [])

    def __reduce__(self) -> Any:
        return type(self), (self.message, self.code, self.path, self.findings)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, path={self.path!r}, message={self.message!r})"


class InputError(CtpatError, ValueError):
    """The input cannot be understood: not JSON, a wrong type, an unknown value or field."""


class UnsupportedRulesVersion(InputError):
    """The caller asked for a rules edition this build does not implement."""


class TransitionError(CtpatError):
    """A membership event that is not allowed (status, actor or date)."""


class AccessDenied(CtpatError):
    """A portal operation the principal may not perform."""


class CatalogueError(CtpatError, ValueError):
    """A Minimum Security Criteria catalogue that fails validation."""


class InternalError(CtpatError):
    """A bug in ctpat (a caught panic). The interpreter keeps running; please report it."""


_INPUT_CODES = {
    "invalid_json",
    "invalid_input",
    "invalid_date",
    "unknown_field",
    "unknown_operation",
    "limit_exceeded",
    "date_out_of_range",
}


def _class_for(code: str) -> type:
    if code == "internal":
        return InternalError
    if code == "unsupported_rules_version":
        return UnsupportedRulesVersion
    if code.startswith("lifecycle."):
        return TransitionError
    if code.startswith("portal.") or code.startswith("access."):
        return AccessDenied
    if code.startswith("catalogue."):
        return CatalogueError
    if code in _INPUT_CODES or code.startswith("unknown_") or code.startswith("invalid_"):
        return InputError
    return CtpatError


def from_info(info: Dict[str, Any]) -> CtpatError:
    """Builds the exception for an error envelope ``{code, message, path, findings}``."""
    from ._models import Finding  # local import: models import nothing from here

    code = str(info.get("code", "error"))
    findings = [Finding(f) for f in info.get("findings", [])]
    cls = _class_for(code)
    return cls(str(info.get("message", code)), code, str(info.get("path", "")), findings)
