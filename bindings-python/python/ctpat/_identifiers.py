"""Identifier rule table and manufacturer identification codes (conversion only)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import _models
from ._core import invoke, put_rules_version, str_arg


def identifier_rules() -> List[_models.IdentRuleInfo]:
    """Every identifier check rule: code, kind, problem, severity, description and source."""
    return [_models.IdentRuleInfo(r) for r in invoke("identifier_rules", {})]


def construct_mid(
    country: str,
    name: str,
    street: str,
    city: str,
    *,
    declared: Optional[str] = None,
    rules_version: Optional[str] = None,
) -> _models.ConstructMidAnswer:
    """Builds a manufacturer identification code (MID) from name and address.

    Args:
        country: ISO 3166-1 alpha-2 country of the manufacturer.
        name, street, city: as written on the invoice.
        declared: a MID someone declared; the answer says whether it ``matches``.
        rules_version: the rules edition you expect; another edition is refused.

    Raises:
        InputError: a malformed country or empty field (with ``path``).
        TypeError: an argument is not a ``str``.
    """
    args: Dict[str, Any] = {
        "country": str_arg(country, "country"),
        "name": str_arg(name, "name"),
        "street": str_arg(street, "street"),
        "city": str_arg(city, "city"),
    }
    if declared is not None:
        args["declared"] = str_arg(declared, "declared")
    return _models.ConstructMidAnswer(invoke("construct_mid", put_rules_version(args, rules_version)))
