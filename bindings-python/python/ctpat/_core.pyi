import datetime as _dt
from typing import Any, Dict, List, Optional, Sequence, Union

from .errors import CtpatError as CtpatError

JsonInput = Union[Dict[str, Any], str, bytes]
DateInput = Union[_dt.date, str, None]

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

def invoke(op: str, args: Dict[str, Any]) -> Any: ...
def invoke_many(op: str, calls: Sequence[Dict[str, Any]]) -> List[Any]: ...
def json_arg(value: Any, name: str) -> Any: ...
def obj_arg(value: Any, name: str) -> Any: ...
def put_policy(args: Dict[str, Any], policy: Any) -> Dict[str, Any]: ...
def str_arg(value: Any, name: str) -> str: ...
def date_arg(value: DateInput, name: str, *, default_today: bool) -> Optional[str]: ...
def policy_arg(value: Any) -> Any: ...
