"""The :class:`Policy` model: presets and policies loaded from JSON, checked by the core."""

from __future__ import annotations

from typing import Any, Dict, Union

from . import _models
from ._core import invoke, json_arg


class Policy(_models.Policy):
    """Every duration, deadline and switch the rules use (immutable).

    Build one with :meth:`current`, :meth:`preset` or :meth:`from_json`; pass it as the
    ``policy`` argument of any function (a preset name or a dict work too).
    """

    __slots__ = ()

    @classmethod
    def current(cls) -> "Policy":
        """Today's rules, with the documented default wherever sources conflict."""
        return cls(invoke("policy", {}))

    @classmethod
    def preset(cls, name: str) -> "Policy":
        """A named preset: ``current``, ``portal_2006`` or ``portal_2006_importers_july``.

        Raises:
            InputError: unknown preset (code ``unknown_policy_preset``).
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be str, not {type(name).__name__}")
        return cls(invoke("policy", {"policy": name}))

    @classmethod
    def from_json(cls, policy: Union[Dict[str, Any], str, bytes]) -> "Policy":
        """Loads a policy from a dict or JSON text; omitted fields keep the ``current`` defaults.

        Raises:
            InputError: a wrong type, an unknown field or a malformed date, with its ``path``.
        """
        return cls(invoke("policy", {"policy": json_arg(policy, "policy")}))
