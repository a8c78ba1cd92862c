"""Portal access control and account operations (conversion only).

Denied operations raise :class:`AccessDenied`; :func:`authorize` answers with a decision
instead of raising, so callers can show the rule that decided.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from . import _models
from ._core import DateInput, JsonInput, date_arg, invoke, obj_arg, put_policy, put_rules_version, str_arg


class Account(_models.Account):
    """A portal account: company, status, contacts, designated users and links (immutable).

    The account operations (:func:`add_user`, ...) take an ``Account`` or a dict and return a
    new ``Account``.
    """

    __slots__ = ()

    @classmethod
    def from_dict(cls, data: JsonInput) -> "Account":
        """Wraps an account dict or JSON text; the core checks it on use."""
        value = obj_arg(data, "data")
        if not isinstance(value, dict):
            raise TypeError(f"data must be a JSON object, not {type(value).__name__}")
        return cls(value)

    def validate(self, policy: Any = None) -> _models.ValidateAccountAnswer:
        """Checks this account's contact and user invariants (see :func:`validate_account`)."""
        return validate_account(self, policy)

    def authorize(
        self, principal: JsonInput, action: str, as_of: DateInput = None, policy: Any = None
    ) -> "Decision":
        """May ``principal`` take ``action`` in this account? (see :func:`authorize`)."""
        return authorize(principal, action, self, as_of, policy)


class Decision(_models.AuthorizeAnswer):
    """The answer of :func:`authorize`: ``allowed`` and the deciding rule's ``code``/``source``."""

    __slots__ = ()


AccountInput = Union[Account, JsonInput]


def _op_args(principal: Any, account: Any, as_of: DateInput, policy: Any) -> Dict[str, Any]:
    args: Dict[str, Any] = {
        "principal": obj_arg(principal, "principal"),
        "account": obj_arg(account, "account"),
        "as_of": date_arg(as_of, "as_of", default_today=True),
    }
    return put_policy(args, policy)


def authorize(
    principal: JsonInput,
    action: str,
    account: AccountInput,
    as_of: DateInput = None,
    policy: Any = None,
) -> "Decision":
    """Decides whether a principal may take an action in a portal account.

    Args:
        principal: ``{"kind": "user", "email": ..., "account_id": ...}`` or a CBP kind such as
            ``{"kind": "cbp_scss"}``.
        action: e.g. ``"view_account"``, ``"add_user"``, ``"certify"``.
        account: the :class:`Account` (or dict) acted on.
        as_of: the date of the decision; default today (UTC).
        policy: ``None`` (current), a preset name, a dict or a :class:`Policy`.

    Returns:
        Decision with ``allowed`` and the ``code``, ``reason`` and ``source`` of the deciding rule.

    Raises:
        AccessDenied: an action the portal does not know (``portal.unknown_action``).
        InputError: a malformed principal, account or date.
    """
    args = _op_args(principal, account, as_of, policy)
    args["action"] = str_arg(action, "action")
    return Decision(invoke("authorize", args))


def validate_account(account: AccountInput, policy: Any = None) -> _models.ValidateAccountAnswer:
    """Checks a portal account's contact and user invariants: ``valid`` and ``findings``."""
    return _models.ValidateAccountAnswer(
        invoke("validate_account", put_policy({"account": obj_arg(account, "account")}, policy))
    )


def _account_op(op: str, args: Dict[str, Any]) -> Account:
    return Account(invoke(op, args)["account"])


def add_user(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account:
    """The primary point of contact designates a new user; returns the new account.

    Raises:
        AccessDenied: the principal may not add users (``portal.access_denied``).
        CtpatError: the e-mail is taken or the result would break an account invariant.
    """
    args = _op_args(principal, account, as_of, policy)
    args["email"] = str_arg(email, "email")
    return _account_op("add_user", args)


def remove_user(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account:
    """The primary point of contact removes a designated user; returns the new account."""
    args = _op_args(principal, account, as_of, policy)
    args["email"] = str_arg(email, "email")
    return _account_op("remove_user", args)


def change_primary_poc(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account:
    """Hands the primary point-of-contact role to the contact with ``email``."""
    args = _op_args(principal, account, as_of, policy)
    args["email"] = str_arg(email, "email")
    return _account_op("change_primary_poc", args)


def change_email(
    principal: JsonInput,
    account: AccountInput,
    old_email: str,
    new_email: str,
    as_of: DateInput = None,
    policy: Any = None,
) -> Account:
    """Changes a contact's or user's e-mail (the portal deletes and re-adds the login)."""
    args = _op_args(principal, account, as_of, policy)
    args["old_email"] = str_arg(old_email, "old_email")
    args["new_email"] = str_arg(new_email, "new_email")
    return _account_op("change_email", args)


def link_accounts(
    principal: JsonInput, account: AccountInput, other_account_id: str, as_of: DateInput = None, policy: Any = None
) -> Account:
    """Links another account for a joint review; returns the new account."""
    args = _op_args(principal, account, as_of, policy)
    args["other_account_id"] = str_arg(other_account_id, "other_account_id")
    return _account_op("link_accounts", args)


def unlink_accounts(
    principal: JsonInput, account: AccountInput, other_account_id: str, as_of: DateInput = None, policy: Any = None
) -> Account:
    """Removes the link to another account; returns the new account."""
    args = _op_args(principal, account, as_of, policy)
    args["other_account_id"] = str_arg(other_account_id, "other_account_id")
    return _account_op("unlink_accounts", args)


def split_company_profile(profile: JsonInput, *, rules_version: Optional[str] = None) -> List[Account]:
    """Splits a portal 2.0 company profile into one account per security model.

    Raises:
        AccessDenied: a profile the migration cannot split (codes ``portal.v3.*``).
    """
    args = put_rules_version({"profile": obj_arg(profile, "profile")}, rules_version)
    return [Account(a) for a in invoke("split_company_profile", args)["accounts"]]


def access_rules() -> _models.AccessRulesAnswer:
    """The portal access rules in evaluation order and the account invariants."""
    return _models.AccessRulesAnswer(invoke("access_rules", {}))
