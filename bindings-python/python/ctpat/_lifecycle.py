"""Membership lifecycle: state in, state out over the core's transition table (conversion only)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Union

from . import _models
from ._core import DateInput, JsonInput, date_arg, invoke, obj_arg, put_policy, put_rules_version, str_arg


def _as_of(value: DateInput, name: str) -> Optional[str]:
    if value is None:
        raise TypeError(f"{name} must be a datetime.date or an ISO date str, not None")
    return date_arg(value, name, default_today=False)


class Membership(_models.Membership):
    """One company's CTPAT membership for one business type (immutable, picklable).

    Every method sends this state to the core and returns new state; the object itself never
    changes. ``log`` is the hash-chained audit log (see :func:`verify_log`).
    """

    __slots__ = ()

    @classmethod
    def new(cls, business_type: str, *, rules_version: Optional[str] = None) -> "Membership":
        """A membership that has not applied yet (status ``none``, empty log).

        Raises:
            InputError: unknown business type.
            UnsupportedRulesVersion: ``rules_version`` names another rules edition.
        """
        args: Dict[str, Any] = {"business_type": str_arg(business_type, "business_type")}
        return cls(invoke("new_membership", put_rules_version(args, rules_version)))

    @classmethod
    def from_dict(cls, data: JsonInput) -> "Membership":
        """Wraps saved state (``to_dict()`` output, a dict or JSON text); the core checks it on use."""
        value = obj_arg(data, "data")
        if not isinstance(value, dict):
            raise TypeError(f"data must be a JSON object, not {type(value).__name__}")
        return cls(value)

    @classmethod
    def replay(cls, business_type: str, log: Any, policy: Any = None) -> "Membership":
        """Rebuilds a membership from its audit log, checking the chain and every transition.

        Raises:
            TransitionError: a tampered log (``lifecycle.log_invalid``) or an entry the rules
                refuse; ``path`` points at the entry.
        """
        args = {"business_type": str_arg(business_type, "business_type"), "log": _log_arg(log)}
        return cls(invoke("replay", put_policy(args, policy)))

    def apply(self, event: JsonInput, actor: str, at: DateInput, policy: Any = None) -> "ApplyResult":
        """Applies one lifecycle event by ``actor`` on date ``at``.

        Args:
            event: ``{"kind": ...}`` plus the event's fields (see the ``event`` schema).
            actor: who acts, e.g. ``"partner_officer"`` or ``"cbp_scss"``.
            at: the date of the event.
            policy: ``None`` (current), a preset name, a dict or a :class:`Policy`.

        Returns:
            ApplyResult with the new ``membership`` and the ``transition`` taken.

        Raises:
            TransitionError: the event is not allowed (code ``lifecycle.*``).
            InputError: malformed event, actor or date.
        """
        args = {
            "membership": self.to_dict(),
            "event": obj_arg(event, "event"),
            "actor": str_arg(actor, "actor"),
            "at": _as_of(at, "at"),
        }
        return ApplyResult(invoke("apply_event", put_policy(args, policy)))

    def advance(self, as_of: DateInput, policy: Any = None) -> "AdvanceResult":
        """Applies every deadline consequence that took effect by ``as_of``."""
        args = {"membership": self.to_dict(), "as_of": _as_of(as_of, "as_of")}
        return AdvanceResult(invoke("advance", put_policy(args, policy)))

    def deadlines(self, as_of: DateInput, policy: Any = None) -> _models.DeadlinesAnswer:
        """What this membership has due next on ``as_of``."""
        args = {"membership": self.to_dict(), "as_of": _as_of(as_of, "as_of")}
        return _models.DeadlinesAnswer(invoke("deadlines", put_policy(args, policy)))

    def benefits(self, policy: Any = None) -> _models.BenefitsAnswer:
        """The benefits this membership enjoys now."""
        return _models.BenefitsAnswer(invoke("benefits", put_policy({"membership": self.to_dict()}, policy)))

    def verify_log(self) -> _models.LogVerification:
        """Checks this membership's audit log chain (see :func:`verify_log`)."""
        return verify_log(self.to_dict().get("log", []))


class ApplyResult(_models.ApplyEventAnswer):
    """The answer of :meth:`Membership.apply`: the new ``membership`` and its ``transition``."""

    __slots__ = ()
    _nested = {**_models.ApplyEventAnswer._nested, "membership": Membership}


class AdvanceResult(_models.AdvanceAnswer):
    """The answer of :meth:`Membership.advance`: the new ``membership`` and the ``transitions``."""

    __slots__ = ()
    _nested = {**_models.AdvanceAnswer._nested, "membership": Membership}


class LinkResult(_models.LinkAnswer):
    """The answer of :func:`link_for_joint_validation`: linked ``memberships`` and ``schedule``."""

    __slots__ = ()
    _nested = {**_models.LinkAnswer._nested, "memberships": Membership}


def _log_arg(log: Any) -> Any:
    if isinstance(log, (list, tuple)):
        return [obj_arg(entry, f"log[{i}]") for i, entry in enumerate(log)]
    value = obj_arg(log, "log")
    if not isinstance(value, list):
        raise TypeError(f"log must be a list of entries, not {type(value).__name__}")
    return value


def verify_log(log: Any, *, rules_version: Optional[str] = None) -> _models.LogVerification:
    """Checks an audit log's hash chain: ``ok``, or the first bad entry and the ``problem``."""
    return _models.LogVerification(invoke("verify_log", put_rules_version({"log": _log_arg(log)}, rules_version)))



def transitions() -> List[_models.TransitionRule]:
    """The lifecycle transition table: event, from, to, actors, guard and source per row."""
    return [_models.TransitionRule(t) for t in invoke("transitions", {})]


def link_for_joint_validation(
    memberships: Sequence[Union[Membership, Dict[str, Any]]],
    group: str,
    policy: Any = None,
    *,
    rules_version: Optional[str] = None,
) -> LinkResult:
    """Links memberships into one validation group and returns the shared schedule.

    Raises:
        TransitionError: joint validation is switched off by the policy, or a membership
            cannot join (code ``lifecycle.*``).
    """
    if isinstance(memberships, (str, bytes, dict)) or not isinstance(memberships, Sequence):
        raise TypeError(f"memberships must be a list of memberships, not {type(memberships).__name__}")
    items = [obj_arg(m, f"memberships[{i}]") for i, m in enumerate(memberships)]
    args = {"memberships": items, "group": str_arg(group, "group")}
    return LinkResult(invoke("link_for_joint_validation", put_rules_version(put_policy(args, policy), rules_version)))
