import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _models
from ._core import DateInput, JsonInput
from .errors import CtpatError

Records = Union[Sequence[Union[Dict[str, Any], str, bytes]], str, os.PathLike[str]]

def check_eligibility(
    partner: JsonInput,
    as_of: DateInput = None,
    policy: Any = None,
    *,
    rules_version: Optional[str] = None,
) -> _models.EligibilityReport: ...
def check_eligibility_many(
    records: Records,
    as_of: DateInput = None,
    policy: Any = None,
) -> List[Union[_models.EligibilityReport, CtpatError]]: ...
def rules() -> List[_models.RuleInfo]: ...
