from typing import Any, Dict, Union

from . import _models

class Policy(_models.Policy):
    @classmethod
    def current(cls) -> Policy: ...
    @classmethod
    def preset(cls, name: str) -> Policy: ...
    @classmethod
    def from_json(cls, policy: Union[Dict[str, Any], str, bytes]) -> Policy: ...
