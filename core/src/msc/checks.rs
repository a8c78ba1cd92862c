//! The structural checks of a loaded catalogue, as data.

use serde::Serialize;

/// One structural check a loaded catalogue must pass.
///
/// ```
/// use ctpat::msc::CATALOGUE_CHECKS;
/// let dup = CATALOGUE_CHECKS.iter().find(|c| c.code == "catalogue.duplicate_id");
/// assert!(dup.is_some_and(|c| c.source.contains("§4.3")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueCheck {
    /// Stable code of the finding it produces.
    pub code: &'static str,
    /// One line describing it.
    pub description: &'static str,
    /// Where the requirement comes from.
    pub source: &'static str,
}

const FORMAT: &str = "domain.md §4.6 (catalogue as data)";
const IDS: &str = "domain.md §4.3 (ids are `<category>.<n>` in one global space)";

/// Every check [`crate::msc::Catalogue::from_json`] applies, as data.
///
/// ```
/// use ctpat::msc::CATALOGUE_CHECKS;
/// assert!(CATALOGUE_CHECKS.iter().all(|c| c.code.starts_with("catalogue.") && !c.description.is_empty()));
/// ```
pub const CATALOGUE_CHECKS: &[CatalogueCheck] = &[
    CatalogueCheck {
        code: "catalogue.invalid_type",
        description: "a field has the wrong json type",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.missing_field",
        description: "a required field is absent",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.unknown_field",
        description: "a field the format does not define",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.invalid_date",
        description: "`effective_from` is not a YYYY-MM-DD date",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.empty_version",
        description: "the catalogue version is empty",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.invalid_category",
        description: "a category or focus area entry is malformed",
        source: FORMAT,
    },
    CatalogueCheck {
        code: "catalogue.duplicate_category",
        description: "two categories share a number",
        source: "domain.md §4.2",
    },
    CatalogueCheck {
        code: "catalogue.unknown_focus_area",
        description: "a category or criterion names a focus area the catalogue lacks",
        source: "domain.md §4.2",
    },
    CatalogueCheck {
        code: "catalogue.focus_area_mismatch",
        description: "a criterion's focus area is not that of its category",
        source: "domain.md §4.2",
    },
    CatalogueCheck {
        code: "catalogue.invalid_id",
        description: "a criterion id is not `<category>.<n>` with positive numbers",
        source: IDS,
    },
    CatalogueCheck {
        code: "catalogue.duplicate_id",
        description: "two criteria share an id",
        source: IDS,
    },
    CatalogueCheck {
        code: "catalogue.id_category_mismatch",
        description: "a criterion id's prefix is not its category",
        source: IDS,
    },
    CatalogueCheck {
        code: "catalogue.unknown_category",
        description: "a criterion names a category the catalogue lacks",
        source: "domain.md §4.2",
    },
    CatalogueCheck {
        code: "catalogue.unknown_business_type",
        description: "`applies_to` names an unknown business type",
        source: "domain.md §2.1",
    },
    CatalogueCheck {
        code: "catalogue.empty_applies_to",
        description: "a criterion applies to no business type",
        source: "domain.md §4.3",
    },
    CatalogueCheck {
        code: "catalogue.invalid_level",
        description: "a level other than `must` or `should`",
        source: "domain.md §4.3",
    },
    CatalogueCheck {
        code: "catalogue.empty_text",
        description: "a criterion has no text",
        source: "domain.md §4.3",
    },
];
