"""ctpat — the rules of the U.S. CBP CTPAT supply-chain security program.

Every function here is a thin conversion over the Rust core's JSON API: the same input gives
the same answer in Rust, Python, Node and the ``ctpat`` command line. Results are immutable
record objects with attributes, ``to_dict()`` and ``to_json()``. Errors are
:class:`CtpatError` subclasses carrying a stable ``code`` and the JSON Pointer ``path`` of the
bad field. Personal identifiers (SSNs) are redacted in every answer unless you pass
``reveal=True``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import _native
from ._core import DateInput, date_arg, invoke, str_arg
from ._eligibility import check_eligibility, check_eligibility_many, rules
from ._identifiers import (
    construct_mid,
    identifier_rules,
)
from ._profile import (
    Catalogue,
    LoadCatalogueAnswer,
    annual_review_window,
    catalogue_checks,
    load_catalogue,
    mra_table,
    profile_checks,
    screen_partners,
    screening_rules,
    validate_profile,
    validate_profile_many,
)
from ._lifecycle import (
    AdvanceResult,
    ApplyResult,
    LinkResult,
    Membership,
    link_for_joint_validation,
    transitions,
    verify_log,
)
from ._portal import (
    Account,
    Decision,
    access_rules,
    add_user,
    authorize,
    change_email,
    change_primary_poc,
    link_accounts,
    remove_user,
    split_company_profile,
    unlink_accounts,
    validate_account,
)
from ._models import (
    AccessRulesAnswer,
    BenefitsAnswer,
    ConstructMidAnswer,
    DeadlinesAnswer,
    IdentRuleInfo,
    LogVerification,
    MraTable,
    ProfileReport,
    ReviewWindow,
    ScreeningReport,
    ScreeningSummary,
    PartnerScreening,
    ProfileCheck,
    CatalogueCheck,
    ScreeningRule,
    Transition,
    TransitionRule,
    ValidateAccountAnswer,
    LogEntry,
    Deadline,
    Benefit,
    JointSchedule,
    CatalogueSummary,
    BusinessTypeInfo,
    EligibilityReport,
    Finding,
    IdentifierCheck,
    IdentifierRequirement,
    RuleInfo,
    RuleResult,
)
from ._policy import Policy
from ._records import Record
from .errors import (
    AccessDenied,
    CatalogueError,
    CtpatError,
    InputError,
    InternalError,
    TransitionError,
    UnsupportedRulesVersion,
)

__version__: str = _native.VERSION
VERSION: str = _native.VERSION
RULES_VERSION: str = _native.RULES_VERSION
SCHEMA_VERSION: str = _native.SCHEMA_VERSION


def call(op: str, args: Optional[Dict[str, Any]] = None) -> Any:
    """Runs any core operation by name on a dict of named arguments; returns plain data.

    This is the generic entry point the typed functions use; the fixture corpus and tools that
    forward JSON payloads call it directly.

    Args:
        op: operation name, e.g. ``"check_identifier"`` (see :func:`operations`).
        args: the named arguments, as in the JSON schemas.

    Returns:
        The answer as dicts, lists and scalars.

    Raises:
        CtpatError: a subclass matching the error code.
    """
    return invoke(str_arg(op, "op"), {} if args is None else args)


def operations() -> List[Dict[str, str]]:
    """Lists every core operation: ``[{"name": ..., "summary": ...}]``."""
    return list(invoke("operations", {}))


def check_identifier(
    kind: str,
    text: str,
    *,
    reveal: bool = False,
    ssn_based: bool = False,
    as_of: DateInput = None,
) -> IdentifierCheck:
    """Normalises and checks one identifier of a declared kind.

    Args:
        kind: the identifier kind, e.g. ``"scac"``, ``"irs_number"``, ``"ssn"``.
        text: the value as entered (case, spaces and hyphens are normalised).
        reveal: return a personal identifier's ``normalized`` value in full (default redacted).
        ssn_based: for ``irs_number``, the importer declared it SSN-based (personal data).
        as_of: date for advisory date checks; not defaulted to today.

    Returns:
        IdentifierCheck with ``valid``, ``kind``, ``normalized``, ``display``, ``redacted``
        and ``findings``.

    Raises:
        InputError: unknown kind (code ``unknown_identifier_kind``).
        TypeError: ``kind`` or ``text`` is not a ``str``.
    """
    args: Dict[str, Any] = {"kind": str_arg(kind, "kind"), "text": str_arg(text, "text")}
    if reveal:
        args["reveal"] = True
    if ssn_based:
        args["ssn_based"] = True
    day = date_arg(as_of, "as_of", default_today=False)
    if day is not None:
        args["as_of"] = day
    return IdentifierCheck(invoke("check_identifier", args))


def business_types() -> List[BusinessTypeInfo]:
    """Every CTPAT business type with its CBP type, required identifiers, bond and sources."""
    return [BusinessTypeInfo(t) for t in invoke("business_types", {})]


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
