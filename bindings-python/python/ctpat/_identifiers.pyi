from typing import List, Optional

from . import _models

def identifier_rules() -> List[_models.IdentRuleInfo]: ...
def construct_mid(
    country: str,
    name: str,
    street: str,
    city: str,
    *,
    declared: Optional[str] = None,
    rules_version: Optional[str] = None,
) -> _models.ConstructMidAnswer: ...
