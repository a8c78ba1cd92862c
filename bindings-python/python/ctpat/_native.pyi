from typing import List

__all__ = ["call", "call_many", "VERSION", "RULES_VERSION", "SCHEMA_VERSION"]

VERSION: str
RULES_VERSION: str
SCHEMA_VERSION: str

def call(op: str, input: str) -> str: ...
def call_many(op: str, inputs: List[str]) -> List[str]: ...
