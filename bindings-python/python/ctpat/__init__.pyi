from typing import Any, Dict, List, Optional

from ._core import DateInput
from ._eligibility import check_eligibility as check_eligibility
from ._eligibility import check_eligibility_many as check_eligibility_many
from ._eligibility import rules as rules
from ._models import BusinessTypeInfo as BusinessTypeInfo
from ._models import EligibilityReport as EligibilityReport
from ._models import RuleInfo as RuleInfo
from ._models import RuleResult as RuleResult
from ._policy import Policy as Policy
from ._models import Finding as Finding
from ._models import IdentifierCheck as IdentifierCheck
from ._models import IdentifierRequirement as IdentifierRequirement
from ._records import Record as Record
from ._models import IdentifierKind
from .errors import AccessDenied as AccessDenied
from .errors import CatalogueError as CatalogueError
from .errors import CtpatError as CtpatError
from .errors import InputError as InputError
from .errors import InternalError as InternalError
from .errors import TransitionError as TransitionError
from .errors import UnsupportedRulesVersion as UnsupportedRulesVersion

__version__: str
VERSION: str
RULES_VERSION: str
SCHEMA_VERSION: str

def call(op: str, args: Optional[Dict[str, Any]] = None) -> Any: ...
def operations() -> List[Dict[str, str]]: ...
def check_identifier(
    kind: IdentifierKind | str,
    text: str,
    *,
    reveal: bool = False,
    ssn_based: bool = False,
    as_of: DateInput = None,
) -> IdentifierCheck: ...
def business_types() -> List[BusinessTypeInfo]: ...

__all__ = [
    "AccessDenied",
    "BusinessTypeInfo",
    "EligibilityReport",
    "Policy",
    "RuleInfo",
    "RuleResult",
    "check_eligibility",
    "check_eligibility_many",
    "rules",
    "CatalogueError",
    "CtpatError",
    "Finding",
    "IdentifierCheck",
    "IdentifierRequirement",
    "InputError",
    "InternalError",
    "Record",
    "RULES_VERSION",
    "SCHEMA_VERSION",
    "TransitionError",
    "UnsupportedRulesVersion",
    "VERSION",
    "__version__",
    "business_types",
    "call",
    "check_identifier",
    "operations",
]
