"""Eligibility: does a partner meet its business type's requirements (domain.md §2)."""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _models
from ._core import (
    DateInput,
    JsonInput,
    batch_call,
    date_arg,
    invoke,
    invoke_many,
    json_arg,
    put_policy,
    put_rules_version,
    records_arg,
)
from .errors import CtpatError

Records = Union[Sequence[Union[Dict[str, Any], str, bytes]], str, "os.PathLike[str]"]


def _call(partner: Any, as_of: DateInput, policy: Any, rules_version: Optional[str]) -> Dict[str, Any]:
    args: Dict[str, Any] = {
        "partner": json_arg(partner, "partner"),
        "as_of": date_arg(as_of, "as_of", default_today=True),
    }
    return put_rules_version(put_policy(args, policy), rules_version)


def check_eligibility(
    partner: JsonInput,
    as_of: DateInput = None,
    policy: Any = None,
    *,
    rules_version: Optional[str] = None,
) -> _models.EligibilityReport:
    """Evaluates every eligibility rule of the partner's business type.

    Args:
        partner: the partner as a dict, JSON ``str`` or ``bytes`` (see the ``partner`` schema).
        as_of: the date of the answer (``datetime.date`` or ISO string); default today (UTC).
        policy: ``None`` (current), a preset name, a dict or a :class:`Policy`.
        rules_version: the rules edition you expect; another edition is refused.

    Returns:
        EligibilityReport with ``outcome`` (eligible, ineligible, incomplete), ``results`` per
        rule, ``findings`` and the ``as_of`` and ``rules_version`` it was computed for.

    Raises:
        InputError: unknown business type, wrong types, malformed dates (with ``path``).
    """
    return _models.EligibilityReport(invoke("check_eligibility", _call(partner, as_of, policy, rules_version)))


def check_eligibility_many(
    records: Records,
    as_of: DateInput = None,
    policy: Any = None,
) -> List[Union[_models.EligibilityReport, CtpatError]]:
    """Checks many partners in one native call, with the GIL released while Rust works.

    Args:
        records: a list of partners (dicts, or JSON ``str``/``bytes`` passed to the core
            unparsed) or the path of a JSON Lines file (read line by line, never parsed in
            Python).
        as_of: one date for every record; default today (UTC).
        policy: as for :func:`check_eligibility`.

    Returns:
        One EligibilityReport per record, in order; a record that cannot be understood gives
        its :class:`CtpatError` in its place instead of stopping the batch.
    """
    shared = put_policy({"as_of": date_arg(as_of, "as_of", default_today=True)}, policy)
    calls = [batch_call("partner", r, f"records[{i}]", shared) for i, r in enumerate(records_arg(records, "records"))]
    return [
        r if isinstance(r, CtpatError) else _models.EligibilityReport(r) for r in invoke_many("check_eligibility", calls)
    ]


def rules() -> List[_models.RuleInfo]:
    """Every eligibility rule: code, business types, description, source and kind."""
    return [_models.RuleInfo(r) for r in invoke("rules", {})]
