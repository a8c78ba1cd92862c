from typing import Any, Callable, List, Optional

__all__ = [
    "call",
    "call_many",
    "call_value",
    "call_many_values",
    "json_error",
    "to_json",
    "VERSION",
    "RULES_VERSION",
    "SCHEMA_VERSION",
]

VERSION: str
RULES_VERSION: str
SCHEMA_VERSION: str

def call(op: str, input: str) -> str: ...
def call_many(op: str, inputs: List[str]) -> List[str]: ...
def call_value(op: str, args: Any, fallback: Callable[[Any], str]) -> Any: ...
def call_many_values(op: str, calls: List[Any], fallback: Callable[[Any], str]) -> List[Any]: ...
def json_error(text: str) -> Optional[str]: ...
def to_json(obj: Any, fallback: Callable[[Any], str]) -> str: ...
