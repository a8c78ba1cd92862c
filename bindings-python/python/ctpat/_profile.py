"""Security profiles, the MSC catalogue and partner screening (conversion only)."""

from __future__ import annotations

import os
import re
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _models
from ._core import (
    DateInput,
    JsonInput,
    batch_call,
    date_arg,
    invoke,
    invoke_many,
    invoke_text,
    json_text,
    obj_arg,
    put_policy,
    put_rules_version,
    records_arg,
    splice,
)
from .errors import CtpatError, InputError

Records = Union[Iterable[Any], str, "os.PathLike[str]"]

#: how many partners go to the core in one call by :func:`screen_partners`
SCREEN_CHUNK = 10_000


class Catalogue(_models.Catalogue):
    """A Minimum Security Criteria catalogue (immutable); pass it as ``catalogue=``.

    Build one with :meth:`embedded` (the partial 2019 catalogue built into ctpat) or
    :meth:`from_json` (your own catalogue, checked by the core).
    """

    __slots__ = ()

    @classmethod
    def embedded(cls) -> "Catalogue":
        """The catalogue built into this release (see ``gaps`` for what it lacks)."""
        return cls(invoke("catalogue", {}))

    @classmethod
    def from_json(cls, catalogue: JsonInput) -> "Catalogue":
        """Checks a user-supplied catalogue and returns it normalised.

        Raises:
            CatalogueError: the catalogue fails a check (code ``catalogue.invalid``; every
                problem is in ``findings``).
            InputError: not JSON, or not shaped like a catalogue.
            TypeError: ``catalogue`` is not a dict, str or bytes.
        """
        return load_catalogue(catalogue).catalogue


class LoadCatalogueAnswer(_models.LoadCatalogueAnswer):
    """The answer of :func:`load_catalogue`: ``summary`` and the normalised ``catalogue``."""

    __slots__ = ()
    _nested = {**_models.LoadCatalogueAnswer._nested, "catalogue": Catalogue}


def load_catalogue(catalogue: JsonInput) -> LoadCatalogueAnswer:
    """Checks a user-supplied catalogue; see :meth:`Catalogue.from_json`."""
    if isinstance(catalogue, (bytes, bytearray, memoryview)):
        try:
            catalogue = bytes(catalogue).decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"`catalogue` is not valid utf-8: {err.reason}", "invalid_json", "/catalogue") from None
    # JSON text goes to the core as text: it parses it and reports errors as the CLI does
    value = catalogue if isinstance(catalogue, str) else obj_arg(catalogue, "catalogue")
    return LoadCatalogueAnswer(invoke("load_catalogue", {"catalogue": value}))


def _profile_args(
    profile: Any, as_of: DateInput, catalogue: Any, policy: Any, rules_version: Optional[str], name: str
) -> Dict[str, Any]:
    args: Dict[str, Any] = {
        "profile": obj_arg(profile, name),
        "as_of": date_arg(as_of, "as_of", default_today=True),
    }
    if catalogue is not None:
        args["catalogue"] = obj_arg(catalogue, "catalogue")
    return put_rules_version(put_policy(args, policy), rules_version)


def validate_profile(
    profile: JsonInput,
    as_of: DateInput = None,
    catalogue: Union[Catalogue, JsonInput, None] = None,
    policy: Any = None,
    *,
    rules_version: Optional[str] = None,
) -> _models.ProfileReport:
    """Validates a security profile against an MSC catalogue as of a date.

    Args:
        profile: the security profile (dict, JSON ``str`` or ``bytes``).
        as_of: the date of the answer; default today (UTC).
        catalogue: a :class:`Catalogue` or catalogue JSON; default the embedded one.
        policy: ``None`` (current), a preset name, a dict or a :class:`Policy`.
        rules_version: the rules edition you expect; another edition is refused.

    Returns:
        ProfileReport with ``outcome`` (valid, invalid, incomplete), ``findings`` and
        ``completeness``.

    Raises:
        InputError: a wrong type, unknown field or malformed date (with ``path``).
        CatalogueError: the catalogue given fails its checks.
    """
    args = _profile_args(profile, as_of, catalogue, policy, rules_version, "profile")
    return _models.ProfileReport(invoke("validate_profile", args))


def validate_profile_many(
    profiles: Records,
    as_of: DateInput = None,
    catalogue: Union[Catalogue, JsonInput, None] = None,
    policy: Any = None,
) -> List[Union[_models.ProfileReport, CtpatError]]:
    """Validates many profiles in one native call (GIL released while Rust works).

    Args:
        profiles: a list of profiles (dicts or JSON text) or the path of a JSON Lines file.
        as_of, catalogue, policy: one value for every profile, as for :func:`validate_profile`.

    Returns:
        One ProfileReport per profile, in order; a profile that cannot be understood gives its
        :class:`CtpatError` in its place instead of stopping the batch.
    """
    day = date_arg(as_of, "as_of", default_today=True)
    shared: Dict[str, Any] = put_policy({"as_of": day}, policy)
    if catalogue is not None:
        shared["catalogue"] = obj_arg(catalogue, "catalogue")
    calls = [batch_call("profile", p, f"profiles[{i}]", shared) for i, p in enumerate(records_arg(profiles, "profiles"))]
    return [r if isinstance(r, CtpatError) else _models.ProfileReport(r) for r in invoke_many("validate_profile", calls)]


def annual_review_window(
    anniversary: DateInput,
    as_of: DateInput = None,
    last_submitted_on: DateInput = None,
    policy: Any = None,
) -> _models.ReviewWindow:
    """The annual profile review window around an anniversary and its state on ``as_of``.

    Raises:
        InputError: a malformed date, or a date outside the supported range.
    """
    if anniversary is None:
        raise TypeError("anniversary must be a datetime.date or an ISO date str, not None")
    args: Dict[str, Any] = {
        "anniversary": date_arg(anniversary, "anniversary", default_today=False),
        "as_of": date_arg(as_of, "as_of", default_today=True),
    }
    last = date_arg(last_submitted_on, "last_submitted_on", default_today=False)
    if last is not None:
        args["last_submitted_on"] = last
    return _models.ReviewWindow(invoke("annual_review_window", put_policy(args, policy)))


def profile_checks() -> List[_models.ProfileCheck]:
    """Every security-profile check with its severity and source."""
    return [_models.ProfileCheck(c) for c in invoke("profile_checks", {})]


def catalogue_checks() -> List[_models.CatalogueCheck]:
    """The checks a user-supplied catalogue must pass (see :meth:`Catalogue.from_json`)."""
    return [_models.CatalogueCheck(c) for c in invoke("catalogue_checks", {})]


def screening_rules() -> List[_models.ScreeningRule]:
    """Every partner-screening rule with its result and source."""
    return [_models.ScreeningRule(r) for r in invoke("screening_rules", {})]


def mra_table() -> _models.MraTable:
    """The mutual recognition arrangements partner screening uses (dated data)."""
    return _models.MraTable(invoke("mra_table", {}))


# --- partner screening -------------------------------------------------------------------


def _chunks(items: Iterable[Any], size: int) -> Iterator[List[Any]]:
    chunk: List[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_RESULT_INDEX = re.compile(r"^/(\d+)(?=/|$)")
_ERROR_INDEX = re.compile(r"^/partners/(\d+)(?=/|$)")


def _shift(pattern: "re.Pattern[str]", path: str, offset: int, prefix: str) -> str:
    """Rewrites the chunk-relative partner index in a JSON Pointer to the input's index."""
    return pattern.sub(lambda m: f"{prefix}/{int(m.group(1)) + offset}", path, count=1)


_SUMMARY_KEYS = ("total", "accepted_by_documentation", "questionnaire_required", "expired", "not_recognised")


def screen_partners(
    partners: Records,
    as_of: DateInput = None,
    policy: Any = None,
    *,
    summary_only: bool = False,
    chunk_size: int = SCREEN_CHUNK,
    rules_version: Optional[str] = None,
) -> _models.ScreeningReport:
    """Screens business partners on their CTPAT, AEO (MRA) or BASC documentation.

    Partners go to the core ``chunk_size`` at a time, so a JSON Lines file of millions of
    partners never sits in memory at once; the per-chunk answers are joined here (results in
    input order, summary counts added up, partner indexes in ``path`` relative to the input).

    Args:
        partners: a list of partner dicts (or JSON text) or the path of a JSON Lines file.
        as_of: the date of the answer; default today (UTC).
        policy: ``None`` (current), a preset name, a dict or a :class:`Policy`.
        summary_only: keep only the ``summary`` counts (``results`` is empty).
        chunk_size: partners per native call.
        rules_version: the rules edition you expect.

    Returns:
        ScreeningReport with ``results`` per partner and the ``summary`` counts.

    Raises:
        InputError: a malformed partner; its ``path`` is ``/partners/<index in the input>/...``.
    """
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise TypeError("chunk_size must be a positive int")
    base = put_rules_version(put_policy({"as_of": date_arg(as_of, "as_of", default_today=True)}, policy), rules_version)
    if summary_only:
        base["summary_only"] = True  # the core drops the per-partner results itself
    summary = dict.fromkeys(_SUMMARY_KEYS, 0)
    results: List[Dict[str, Any]] = []
    head: Optional[Dict[str, Any]] = None
    offset = 0
    for chunk in _chunks(records_arg(partners, "partners"), chunk_size):
        items = ",".join(json_text(p, f"partners[{offset + i}]") for i, p in enumerate(chunk))
        try:
            answer = invoke_text("screen_partners", splice("partners", f"[{items}]", base))
        except CtpatError as err:
            err.path = _shift(_ERROR_INDEX, err.path, offset, "/partners")
            raise
        head = answer
        for key in _SUMMARY_KEYS:
            summary[key] += int(answer["summary"].get(key, 0))
        if not summary_only:
            for row in answer["results"]:
                if "path" in row:
                    row["path"] = _shift(_RESULT_INDEX, row["path"], offset, "")
                results.append(row)
        offset += len(chunk)
    if head is None:  # no partners: one empty call gives the versions and the date
        head = invoke("screen_partners", {**base, "partners": []})
    report: Dict[str, Any] = {}
    for key, value in head.items():  # keep the core's field order
        report[key] = results if key == "results" else summary if key == "summary" else value
    return _models.ScreeningReport(report)
