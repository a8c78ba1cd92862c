from typing import Any, List, Optional, Union

from . import _models
from ._core import DateInput, JsonInput

class Account(_models.Account):
    @classmethod
    def from_dict(cls, data: JsonInput) -> Account: ...
    def validate(self, policy: Any = None) -> _models.ValidateAccountAnswer: ...
    def authorize(
        self, principal: JsonInput, action: Union[_models.Action, str], as_of: DateInput = None, policy: Any = None
    ) -> Decision: ...

class Decision(_models.AuthorizeAnswer): ...

AccountInput = Union[Account, JsonInput]

def authorize(
    principal: JsonInput,
    action: Union[_models.Action, str],
    account: AccountInput,
    as_of: DateInput = None,
    policy: Any = None,
) -> Decision: ...
def validate_account(account: AccountInput, policy: Any = None) -> _models.ValidateAccountAnswer: ...
def add_user(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account: ...
def remove_user(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account: ...
def change_primary_poc(
    principal: JsonInput, account: AccountInput, email: str, as_of: DateInput = None, policy: Any = None
) -> Account: ...
def change_email(
    principal: JsonInput,
    account: AccountInput,
    old_email: str,
    new_email: str,
    as_of: DateInput = None,
    policy: Any = None,
) -> Account: ...
def link_accounts(
    principal: JsonInput, account: AccountInput, other_account_id: str, as_of: DateInput = None, policy: Any = None
) -> Account: ...
def unlink_accounts(
    principal: JsonInput, account: AccountInput, other_account_id: str, as_of: DateInput = None, policy: Any = None
) -> Account: ...
def split_company_profile(profile: JsonInput, *, rules_version: Optional[str] = None) -> List[Account]: ...
def access_rules() -> _models.AccessRulesAnswer: ...
