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
    message: str
    code: str
    path: str
    findings: List[Any]
    def __init__(
        self, message: str, code: str = "error", path: str = "", findings: Optional[List[Any]] = None
    ) -> None: ...
    def __reduce__(self) -> Any: ...

class InputError(CtpatError, ValueError): ...
class UnsupportedRulesVersion(InputError): ...
class TransitionError(CtpatError): ...
class AccessDenied(CtpatError): ...
class CatalogueError(CtpatError, ValueError): ...
class InternalError(CtpatError): ...

def from_info(info: Dict[str, Any]) -> CtpatError: ...
