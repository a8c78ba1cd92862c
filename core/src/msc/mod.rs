//! Minimum Security Criteria (MSC) catalogue as versioned data (domain.md §4).
//!
//! Criteria are never hard-coded: a [`Catalogue`] is loaded from JSON, either the partial 2019
//! catalogue embedded in the library ([`Catalogue::embedded`], `complete: false`) or a full
//! official catalogue a user supplies ([`Catalogue::from_json`]), which is validated and rejected
//! with every problem listed (`catalogue.invalid`).
//!
//! ```
//! let cat = ctpat::msc::Catalogue::embedded();
//! assert!(!cat.complete);
//! assert_eq!(cat.categories.len(), 12);
//! assert!(cat.criterion("7.37").is_some());
//! ```

pub(crate) mod api;
mod checks;
mod load;
mod walk;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::entity::BusinessType;
use crate::error::Error;

pub use checks::{CATALOGUE_CHECKS, CatalogueCheck};

/// The embedded 2019 catalogue text (core/data/msc-2019.json).
///
/// ```
/// let value: serde_json::Value = serde_json::from_str(ctpat::msc::EMBEDDED_JSON).unwrap_or_default();
/// assert_eq!(value["version"], "msc-2019-partial");
/// assert_eq!(value["complete"], false);
/// ```
pub const EMBEDDED_JSON: &str = include_str!("../../data/msc-2019.json");

/// Whether a criterion is required for certification.
///
/// ```
/// use ctpat::msc::{Catalogue, Level};
/// assert_eq!(Catalogue::embedded().criterion("4.1").map(|c| c.level), Some(Level::Must));
/// assert!(Level::Must < Level::Should);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Required for certification (domain.md §4.3).
    Must,
    /// Recommended, no quota (domain.md §4.3).
    Should,
}

impl Level {
    /// The snake_case name used on the wire.
    ///
    /// ```
    /// assert_eq!(ctpat::msc::Level::Should.as_str(), "should");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Must => "must",
            Self::Should => "should",
        }
    }

    /// Parses `must` or `should`.
    ///
    /// ```
    /// use ctpat::msc::Level;
    /// assert_eq!(Level::from_code("must"), Some(Level::Must));
    /// assert_eq!(Level::from_code("MUST"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Must, Self::Should]
            .into_iter()
            .find(|l| l.as_str() == code)
    }
}

/// One of the three focus areas of the 2019 MSC (domain.md §4.2).
///
/// ```
/// let areas = &ctpat::msc::Catalogue::embedded().focus_areas;
/// let codes: Vec<_> = areas.iter().map(|a| a.code.as_str()).collect();
/// assert_eq!(codes, ["corporate_security", "transportation_security", "people_and_physical_security"]);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// snake_case code (`corporate_security`).
    pub code: String,
    /// Display name.
    pub name: String,
}

/// One criteria category (domain.md §4.2: 12 in 2019).
///
/// ```
/// let cyber = ctpat::msc::Catalogue::embedded().category(4);
/// assert_eq!(cyber.map(|c| (c.name.as_str(), c.new_in_2019)), Some(("Cybersecurity", true)));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Category number, the prefix of its criterion ids (`4` for `4.1`).
    pub number: u32,
    /// Display name.
    pub name: String,
    /// Code of the focus area the category belongs to.
    pub focus_area: String,
    /// Whether the category was new in the 2019 criteria.
    #[serde(default)]
    pub new_in_2019: bool,
    /// Remarks (category-level rules without an id, source conflicts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One Minimum Security Criterion.
///
/// ```
/// use ctpat::msc::{Catalogue, Level};
/// let c = Catalogue::embedded().criterion("7.37");
/// assert_eq!(c.map(|c| (c.category, c.level)), Some((7, Level::Must)));
/// assert!(c.is_some_and(|c| !c.text.is_empty() && !c.source.is_empty()));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// `<category>.<n>`, one global space (domain.md §4.3).
    pub id: String,
    /// Category number (the id's prefix).
    pub category: u32,
    /// Focus area code; optional in input (filled in from the category), and must match it.
    #[serde(default)]
    pub focus_area: String,
    /// `must` or `should`.
    pub level: Level,
    /// Business types the criterion applies to; for others it does not apply.
    pub applies_to: Vec<BusinessType>,
    /// Free tags (`core`, `hc_lh_3pl`, ...).
    #[serde(default)]
    pub tags: Vec<String>,
    /// What the criterion asks, in our own words.
    pub text: String,
    /// How to meet it, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// Whether its applicability or level is unverified: findings on it are warnings only.
    #[serde(default)]
    pub uncertain: bool,
    /// Why it is uncertain, or other remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Criterion {
    /// Whether the criterion applies to `business_type`.
    ///
    /// ```
    /// use ctpat::{BusinessType, msc::Catalogue};
    /// let c = Catalogue::embedded().criterion("1.1");
    /// assert!(c.is_some_and(|c| c.applies_to(BusinessType::Importer)));
    /// assert!(c.is_some_and(|c| !c.applies_to(BusinessType::SeaCarrier)));
    /// ```
    pub fn applies_to(&self, business_type: BusinessType) -> bool {
        self.applies_to.contains(&business_type)
    }
}

/// A criterion the sources mention but whose id is unknown (not part of the criteria).
///
/// ```
/// let gaps = &ctpat::msc::Catalogue::embedded().gaps;
/// assert!(gaps.iter().any(|g| g.reference == "1.x"));
/// // A gap is never a criterion.
/// assert!(ctpat::msc::Catalogue::embedded().criterion("1.x").is_none());
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// What the source calls it (`1.x`, `4.x`, a category number).
    pub reference: String,
    /// Level, if the source gives one.
    pub level: Option<Level>,
    /// What it is about, in our own words.
    pub text: String,
    /// Why it is not a criterion here.
    pub reason: String,
}

/// A versioned MSC catalogue (domain.md §4.6).
///
/// ```
/// use ctpat::msc::Catalogue;
/// use time::macros::date;
/// let cat = Catalogue::embedded();
/// assert_eq!((cat.version.as_str(), cat.effective_from), ("msc-2019-partial", date!(2020-01-01)));
/// assert_eq!(cat.focus_areas.len(), 3);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version a profile names in `catalogue_version`.
    pub version: String,
    /// First day the criteria apply.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub effective_from: Date,
    /// Where the catalogue comes from.
    #[serde(default)]
    pub source: String,
    /// Whether it holds every criterion (the embedded catalogue does not).
    #[serde(default)]
    pub complete: bool,
    /// Remarks on the catalogue.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Focus areas (absent in a user catalogue: the three of 2019).
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    /// Categories, sorted by number (absent in a user catalogue: the twelve of 2019).
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Criteria in catalogue order.
    pub criteria: Vec<Criterion>,
    /// Criteria known to exist but without a verified id.
    #[serde(default)]
    pub gaps: Vec<Gap>,
}

impl Catalogue {
    /// The partial 2019 catalogue embedded in the library (`complete: false`).
    ///
    /// ```
    /// let cat = ctpat::msc::Catalogue::embedded();
    /// assert!(!cat.complete);
    /// assert_eq!(cat.criteria.len(), 13);
    /// ```
    pub fn embedded() -> &'static Catalogue {
        static EMBEDDED: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The embedded data is checked by a unit test; should it ever fail to load, an empty
            // catalogue of the same version is safer than a panic.
            Self::from_json(EMBEDDED_JSON).unwrap_or_else(|_| Catalogue {
                version: "msc-2019-partial".to_owned(),
                effective_from: time::macros::date!(2020 - 01 - 01),
                source: String::new(),
                complete: false,
                notes: vec!["embedded catalogue failed to load".to_owned()],
                focus_areas: Vec::new(),
                categories: Vec::new(),
                criteria: Vec::new(),
                gaps: Vec::new(),
            })
        })
    }

    /// Loads and validates a catalogue from JSON text.
    ///
    /// Text that is not JSON → `invalid_json`; any structural problem → `Error::Rejected` with
    /// code `catalogue.invalid` and one finding per problem (path into the catalogue).
    ///
    /// ```
    /// use ctpat::msc::Catalogue;
    /// let c = r#"{"id": "4.1", "category": 4, "level": "must", "applies_to": ["importer"], "text": "t"}"#;
    /// let ok = Catalogue::from_json(&format!(r#"{{"version": "v1", "effective_from": "2020-01-01", "criteria": [{c}]}}"#));
    /// assert_eq!(ok.map(|cat| cat.categories.len()).ok(), Some(12)); // the 2019 categories by default
    /// let dup = Catalogue::from_json(&format!(r#"{{"version": "v1", "effective_from": "2020-01-01", "criteria": [{c}, {c}]}}"#));
    /// let e = dup.err().unwrap();
    /// assert_eq!((e.code(), e.findings()[0].code.as_str()), ("catalogue.invalid", "catalogue.duplicate_id"));
    /// assert_eq!(Catalogue::from_json("{").err().map(|e| e.code()), Some("invalid_json"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let value: serde_json::Value = serde_json::from_str(text)?;
        Self::from_value(&value)
    }

    /// Validates a catalogue already parsed as JSON (see [`Catalogue::from_json`]).
    ///
    /// ```
    /// use ctpat::msc::Catalogue;
    /// let v = serde_json::json!({"version": "", "effective_from": "2020-01-01", "criteria": []});
    /// let e = Catalogue::from_value(&v).err().unwrap();
    /// assert!(e.findings().iter().any(|f| f.code == "catalogue.empty_version" && f.path == "/version"));
    /// ```
    pub fn from_value(value: &serde_json::Value) -> Result<Self, Error> {
        load::load(value)
    }

    /// The criterion with this id.
    ///
    /// ```
    /// let cat = ctpat::msc::Catalogue::embedded();
    /// assert_eq!(cat.criterion("12.5").map(|c| c.category), Some(12));
    /// assert!(cat.criterion("99.1").is_none());
    /// ```
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The category with this number.
    ///
    /// ```
    /// let cat = ctpat::msc::Catalogue::embedded();
    /// assert_eq!(cat.category(9).map(|c| c.name.as_str()), Some("Physical Security"));
    /// assert!(cat.category(13).is_none());
    /// ```
    pub fn category(&self, number: u32) -> Option<&Category> {
        self.categories.iter().find(|c| c.number == number)
    }

    /// Criteria that apply to `business_type`, in catalogue order.
    ///
    /// ```
    /// use ctpat::{BusinessType, msc::Catalogue};
    /// let cat = Catalogue::embedded();
    /// assert_eq!(cat.applicable(BusinessType::Importer).count(), 11);
    /// assert!(cat.applicable(BusinessType::SeaCarrier).all(|c| c.id != "1.1"));
    /// ```
    pub fn applicable(&self, business_type: BusinessType) -> impl Iterator<Item = &Criterion> {
        self.criteria
            .iter()
            .filter(move |c| c.applies_to(business_type))
    }
}

crate::redact::masked_debug!(FocusArea, Category, Criterion, Gap, Catalogue);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_loads_and_is_partial() {
        let cat = Catalogue::from_json(EMBEDDED_JSON).unwrap();
        assert_eq!(cat.version, "msc-2019-partial");
        assert!(!cat.complete);
        assert_eq!(cat.focus_areas.len(), 3);
        let names: Vec<_> = cat
            .categories
            .iter()
            .map(|c| (c.number, c.name.as_str()))
            .collect();
        assert_eq!(names.len(), 12);
        assert!(names.contains(&(9, "Physical Security")));
        assert!(names.contains(&(10, "Physical Access Controls")));
        assert_eq!(cat.criteria.len(), 13);
        assert_eq!(Catalogue::embedded(), &cat);
    }

    #[test]
    fn criteria_added_in_november_2019_apply_to_every_type() {
        let cat = Catalogue::embedded();
        for id in ["7.37", "11.5", "12.1"] {
            let c = cat.criterion(id).unwrap();
            assert_eq!(c.level, Level::Must);
            assert!(!c.uncertain);
            assert_eq!(c.applies_to.len(), BusinessType::ALL.len(), "{id}");
        }
        let broker_only = cat.criterion("12.5").unwrap();
        assert_eq!(broker_only.applies_to, [BusinessType::CustomsBroker]);
    }

    #[test]
    fn every_embedded_criterion_has_text_and_source() {
        for c in &Catalogue::embedded().criteria {
            assert!(
                !c.text.trim().is_empty() && !c.source.is_empty(),
                "{}",
                c.id
            );
            assert!(c.id.starts_with(&format!("{}.", c.category)), "{}", c.id);
        }
    }
}
