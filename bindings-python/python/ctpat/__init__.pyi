from typing import Any, Dict, List, Optional

from ._core import DateInput
from ._eligibility import check_eligibility as check_eligibility
from ._eligibility import check_eligibility_many as check_eligibility_many
from ._eligibility import rules as rules
from ._identifiers import construct_mid as construct_mid
from ._identifiers import identifier_rules as identifier_rules
from ._profile import Catalogue as Catalogue
from ._profile import LoadCatalogueAnswer as LoadCatalogueAnswer
from ._profile import annual_review_window as annual_review_window
from ._profile import catalogue_checks as catalogue_checks
from ._profile import load_catalogue as load_catalogue
from ._profile import mra_table as mra_table
from ._profile import profile_checks as profile_checks
from ._profile import screen_partners as screen_partners
from ._profile import screening_rules as screening_rules
from ._profile import validate_profile as validate_profile
from ._profile import validate_profile_many as validate_profile_many
from ._lifecycle import AdvanceResult as AdvanceResult
from ._lifecycle import ApplyResult as ApplyResult
from ._lifecycle import LinkResult as LinkResult
from ._lifecycle import Membership as Membership
from ._lifecycle import link_for_joint_validation as link_for_joint_validation
from ._lifecycle import transitions as transitions
from ._lifecycle import verify_log as verify_log
from ._portal import Account as Account
from ._portal import Decision as Decision
from ._portal import access_rules as access_rules
from ._portal import add_user as add_user
from ._portal import authorize as authorize
from ._portal import change_email as change_email
from ._portal import change_primary_poc as change_primary_poc
from ._portal import link_accounts as link_accounts
from ._portal import remove_user as remove_user
from ._portal import split_company_profile as split_company_profile
from ._portal import unlink_accounts as unlink_accounts
from ._portal import validate_account as validate_account
from ._models import AccessRulesAnswer as AccessRulesAnswer
from ._models import BenefitsAnswer as BenefitsAnswer
from ._models import ConstructMidAnswer as ConstructMidAnswer
from ._models import DeadlinesAnswer as DeadlinesAnswer
from ._models import IdentRuleInfo as IdentRuleInfo
from ._models import LogVerification as LogVerification
from ._models import MraTable as MraTable
from ._models import ProfileReport as ProfileReport
from ._models import ReviewWindow as ReviewWindow
from ._models import ScreeningReport as ScreeningReport
from ._models import ScreeningSummary as ScreeningSummary
from ._models import PartnerScreening as PartnerScreening
from ._models import ProfileCheck as ProfileCheck
from ._models import CatalogueCheck as CatalogueCheck
from ._models import ScreeningRule as ScreeningRule
from ._models import Transition as Transition
from ._models import TransitionRule as TransitionRule
from ._models import ValidateAccountAnswer as ValidateAccountAnswer
from ._models import LogEntry as LogEntry
from ._models import Deadline as Deadline
from ._models import Benefit as Benefit
from ._models import JointSchedule as JointSchedule
from ._models import CatalogueSummary as CatalogueSummary
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
    "AccessRulesAnswer",
    "Account",
    "AdvanceResult",
    "ApplyResult",
    "Benefit",
    "BenefitsAnswer",
    "BusinessTypeInfo",
    "Catalogue",
    "CatalogueCheck",
    "CatalogueError",
    "CatalogueSummary",
    "ConstructMidAnswer",
    "CtpatError",
    "Deadline",
    "DeadlinesAnswer",
    "Decision",
    "EligibilityReport",
    "Finding",
    "IdentifierCheck",
    "IdentifierRequirement",
    "IdentRuleInfo",
    "InputError",
    "InternalError",
    "JointSchedule",
    "LinkResult",
    "LoadCatalogueAnswer",
    "LogEntry",
    "LogVerification",
    "Membership",
    "MraTable",
    "PartnerScreening",
    "Policy",
    "ProfileCheck",
    "ProfileReport",
    "Record",
    "ReviewWindow",
    "RuleInfo",
    "RuleResult",
    "RULES_VERSION",
    "SCHEMA_VERSION",
    "ScreeningReport",
    "ScreeningRule",
    "ScreeningSummary",
    "Transition",
    "TransitionError",
    "TransitionRule",
    "UnsupportedRulesVersion",
    "ValidateAccountAnswer",
    "VERSION",
    "__version__",
    "access_rules",
    "add_user",
    "annual_review_window",
    "authorize",
    "business_types",
    "call",
    "catalogue_checks",
    "change_email",
    "change_primary_poc",
    "check_eligibility",
    "check_eligibility_many",
    "check_identifier",
    "construct_mid",
    "identifier_rules",
    "link_accounts",
    "link_for_joint_validation",
    "load_catalogue",
    "mra_table",
    "operations",
    "profile_checks",
    "remove_user",
    "rules",
    "screen_partners",
    "screening_rules",
    "split_company_profile",
    "transitions",
    "unlink_accounts",
    "validate_account",
    "validate_profile",
    "validate_profile_many",
    "verify_log",
]
