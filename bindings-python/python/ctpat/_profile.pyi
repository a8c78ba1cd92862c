import os
from typing import Any, ClassVar, Dict, Iterable, List, Optional, Type, Union

from . import _models
from ._core import DateInput, JsonInput
from ._records import Record
from .errors import CtpatError

Records = Union[Iterable[Any], str, os.PathLike[str]]
SCREEN_CHUNK: int

class Catalogue(_models.Catalogue):
    @classmethod
    def embedded(cls) -> Catalogue: ...
    @classmethod
    def from_json(cls, catalogue: JsonInput) -> Catalogue: ...

class LoadCatalogueAnswer(_models.LoadCatalogueAnswer):
    _nested: ClassVar[Dict[str, Type[Record]]]
    @property
    def catalogue(self) -> Catalogue: ...

def load_catalogue(catalogue: JsonInput) -> LoadCatalogueAnswer: ...
def validate_profile(
    profile: JsonInput,
    as_of: DateInput = None,
    catalogue: Union[Catalogue, JsonInput, None] = None,
    policy: Any = None,
    *,
    rules_version: Optional[str] = None,
) -> _models.ProfileReport: ...
def validate_profile_many(
    profiles: Records,
    as_of: DateInput = None,
    catalogue: Union[Catalogue, JsonInput, None] = None,
    policy: Any = None,
) -> List[Union[_models.ProfileReport, CtpatError]]: ...
def annual_review_window(
    anniversary: DateInput,
    as_of: DateInput = None,
    last_submitted_on: DateInput = None,
    policy: Any = None,
) -> _models.ReviewWindow: ...
def profile_checks() -> List[_models.ProfileCheck]: ...
def catalogue_checks() -> List[_models.CatalogueCheck]: ...
def screening_rules() -> List[_models.ScreeningRule]: ...
def mra_table() -> _models.MraTable: ...
def screen_partners(
    partners: Records,
    as_of: DateInput = None,
    policy: Any = None,
    *,
    summary_only: bool = False,
    chunk_size: int = 10000,
    rules_version: Optional[str] = None,
) -> _models.ScreeningReport: ...
