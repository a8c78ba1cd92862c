//! Mutual Recognition Arrangements of the U.S. with other customs administrations, as data
//! (core/data/mra.json, from domain.md §5.6).

use serde::{Deserialize, Serialize};
use time::Date;

/// The MRA table text (core/data/mra.json).
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(ctpat::profile::MRA_JSON).unwrap_or_default();
/// assert_eq!(v["version"], ctpat::profile::mra_table().version.as_str());
/// ```
pub const MRA_JSON: &str = include_str!("../../data/mra.json");

/// How precisely the source dates an arrangement.
///
/// ```
/// // The type is reached through `Mra::precision`.
/// let gt = ctpat::profile::mra_table().find("GT");
/// let precision = gt.and_then(|m| serde_json::to_value(m.precision).ok());
/// assert_eq!(precision, Some(serde_json::json!("year"))); // only the year is known
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// Month known; `effective_from` is the first of the month.
    Month,
    /// Only the year known; `effective_from` is 1 January.
    Year,
}

/// One Mutual Recognition Arrangement.
///
/// ```
/// use time::macros::date;
/// let ca = ctpat::profile::mra_table().find("CA");
/// assert_eq!(ca.map(|m| (m.programme.as_str(), m.effective_from)), Some(("Partners in Protection", date!(2008-06-01))));
/// assert!(ca.is_some_and(|m| m.programme_verified));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mra {
    /// Issuing administration: ISO 3166-1 alpha-2 code, or `EU`.
    pub country: String,
    /// Its name.
    pub country_name: String,
    /// The partner programme's name.
    pub programme: String,
    /// Other names and abbreviations of the programme.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Whether domain.md confirms the programme name (only then is the name checked).
    pub programme_verified: bool,
    /// First day recognition counts (first of the month or year the source gives).
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub effective_from: Date,
    /// How precise `effective_from` is.
    pub precision: DatePrecision,
    /// Remarks (conflicting sources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Mra {
    /// Whether `name` is this arrangement's programme (case, spaces and punctuation ignored).
    ///
    /// ```
    /// let ca = ctpat::profile::mra_table().find("CA");
    /// assert!(ca.is_some_and(|m| m.names_programme("partners-in-protection") && m.names_programme("PIP")));
    /// assert!(ca.is_some_and(|m| !m.names_programme("AEO")));
    /// ```
    pub fn names_programme(&self, name: &str) -> bool {
        let key = normalise(name);
        normalise(&self.programme) == key || self.aliases.iter().any(|a| normalise(a) == key)
    }

    /// The first day on which the effective date is certain (after the imprecise month/year).
    ///
    /// ```
    /// use time::macros::date;
    /// let table = ctpat::profile::mra_table();
    /// assert_eq!(table.find("CA").and_then(|m| m.certain_from()), Some(date!(2008-07-01))); // month precision
    /// assert_eq!(table.find("GT").and_then(|m| m.certain_from()), Some(date!(2024-01-01))); // year precision
    /// ```
    pub fn certain_from(&self) -> Option<Date> {
        match self.precision {
            DatePrecision::Month => crate::calendar::add_months(self.effective_from, 1),
            DatePrecision::Year => crate::calendar::add_years(self.effective_from, 1),
        }
    }
}

fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The MRA table with its provenance.
///
/// ```
/// let table = ctpat::profile::mra_table();
/// assert!(!table.source.is_empty());
/// assert!(table.arrangements.windows(2).all(|w| w[0].effective_from <= w[1].effective_from)); // oldest first
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MraTable {
    /// Table version.
    pub version: String,
    /// Where the dates come from.
    pub source: String,
    /// Remarks on precision and unverified names.
    pub notes: Vec<String>,
    /// The arrangements, oldest first.
    pub arrangements: Vec<Mra>,
}

impl MraTable {
    /// The arrangement with the administration `country` (case-insensitive).
    ///
    /// ```
    /// let table = ctpat::profile::mra_table();
    /// assert_eq!(table.find(" eu ").map(|m| m.country.as_str()), Some("EU"));
    /// assert!(table.find("US").is_none());
    /// ```
    pub fn find(&self, country: &str) -> Option<&Mra> {
        let country = country.trim();
        self.arrangements
            .iter()
            .find(|m| m.country.eq_ignore_ascii_case(country))
    }
}

/// The embedded MRA table.
///
/// ```
/// let table = ctpat::profile::mra_table();
/// assert_eq!(table.version, "mra-2023");
/// assert_eq!(table.arrangements.first().map(|m| m.country.as_str()), Some("NZ"));
/// ```
pub fn mra_table() -> &'static MraTable {
    static TABLE: std::sync::OnceLock<MraTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        // Checked by a unit test; an empty table (nothing recognised) is the safe fallback.
        serde_json::from_str(MRA_JSON).unwrap_or_else(|_| MraTable {
            version: String::new(),
            source: String::new(),
            notes: vec!["embedded table failed to load".to_owned()],
            arrangements: Vec::new(),
        })
    })
}

crate::redact::masked_debug!(Mra, MraTable);

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn table_loads_with_seventeen_arrangements() {
        let t: MraTable = serde_json::from_str(MRA_JSON).unwrap();
        assert_eq!(t.arrangements.len(), 17);
        let ca = t.find("ca").unwrap();
        assert!(ca.programme_verified && ca.names_programme("Partners-in-Protection"));
        assert!(ca.names_programme("pip") && !ca.names_programme("FAST"));
        assert_eq!(t.find("JO").unwrap().effective_from, date!(2008 - 06 - 01));
        assert_eq!(
            t.find("GT").unwrap().certain_from(),
            Some(date!(2024 - 01 - 01))
        );
        let verified = t
            .arrangements
            .iter()
            .filter(|m| m.programme_verified)
            .count();
        assert_eq!(verified, 1);
    }
}
