//! Every identifier rule as data: code, severity, one-line description and source.

use serde::Serialize;

use super::IdentifierKind;
use crate::finding::Severity;

/// One identifier check rule; its findings carry the code `ident.<kind>.<problem>`.
///
/// ```
/// use ctpat::ident::{IdentifierKind, RULES};
/// let scac: Vec<_> = RULES.iter().filter(|r| r.kind == Some(IdentifierKind::Scac)).collect();
/// assert!(!scac.is_empty());
/// assert!(RULES.iter().all(|r| !r.description.is_empty() && !r.source.is_empty()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IdentRule {
    /// The kind it applies to; `None` for the rules every kind has (`empty`, `too_long`).
    pub kind: Option<IdentifierKind>,
    /// Last part of the finding code (`length`, `charset`, `invalid_area`, ...).
    pub problem: &'static str,
    /// `error` for a certain rule, `warning` for an uncertain or advisory one.
    pub severity: Severity,
    /// What the rule checks, in one line.
    pub description: &'static str,
    /// Where the rule comes from (domain.md's source keys).
    pub source: &'static str,
}

impl IdentRule {
    /// The finding code of this rule for `kind` (`ident.scac.length`; `ident.*.empty`).
    ///
    /// ```
    /// use ctpat::ident::{IdentifierKind, RULES};
    /// let suffix = RULES.iter().find(|r| r.kind == Some(IdentifierKind::IrsNumber) && r.problem == "missing_suffix");
    /// assert_eq!(suffix.map(|r| r.code()).as_deref(), Some("ident.irs_number.missing_suffix"));
    /// assert_eq!(RULES[0].code(), "ident.*.empty");
    /// ```
    pub fn code(&self) -> String {
        match self.kind {
            Some(kind) => format!("ident.{kind}.{}", self.problem),
            None => format!("ident.*.{}", self.problem),
        }
    }
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

macro_rules! rules {
    ($(($kind:expr, $problem:literal, $sev:expr, $desc:literal, $src:literal),)*) => {
        /// Every identifier rule, grouped by kind.
        ///
        /// ```
        /// use ctpat::{Severity, ident::RULES};
        /// let unusual = RULES.iter().find(|r| r.problem == "unusual_suffix");
        /// assert_eq!(unusual.map(|r| r.severity), Some(Severity::Warning));
        /// ```
        pub const RULES: &[IdentRule] = &[$(IdentRule {
            kind: $kind,
            problem: $problem,
            severity: $sev,
            description: $desc,
            source: $src,
        },)*];
    };
}

use IdentifierKind as K;

rules! {
    (None, "empty", E, "the value is empty after normalisation", "domain.md §3 normalisation"),
    (None, "too_long", E, "the value is longer than MAX_IDENTIFIER_LEN characters", "library limit"),
    (None, "length", E, "the value has the wrong number of characters", "domain.md §3 table"),
    (None, "charset", E, "the value has characters its kind does not allow", "domain.md §3 table"),
    (Some(K::IrsNumber), "missing_suffix", E, "9 digits without the 2-character suffix (usually `00`)", "[CBP-5106]"),
    (Some(K::IrsNumber), "suffix_charset", E, "suffix is 2 of [0-9A-Z] without O, I and Z", "[CBP-5106]"),
    (Some(K::IrsNumber), "unusual_suffix", W, "suffix other than the usual `00`", "[CBP-5106]"),
    (Some(K::IrsNumber), "unlisted_prefix", W, "EIN prefix the IRS does not list", "domain.md §3 (2nd)"),
    (Some(K::IrsNumber), "invalid_area", E, "SSN-based: area 000, 666 or 900-999", "[SSA-425]"),
    (Some(K::IrsNumber), "invalid_group", E, "SSN-based: group 00", "[SSA-425]"),
    (Some(K::IrsNumber), "invalid_serial", E, "SSN-based: serial 0000", "[SSA-425]"),
    (Some(K::IrsNumber), "voided_sample", E, "SSN-based: an SSN voided by the SSA (sample card)", "domain.md §3 SSN"),
    (Some(K::Ssn), "invalid_area", E, "area 000, 666 or 900-999 is never issued", "[SSA-425]"),
    (Some(K::Ssn), "invalid_group", E, "group 00 is never issued", "[SSA-425]"),
    (Some(K::Ssn), "invalid_serial", E, "serial 0000 is never issued", "[SSA-425]"),
    (Some(K::Ssn), "voided_sample", E, "SSN voided by the SSA (sample cards, advertising)", "domain.md §3 SSN"),
    (Some(K::CbpAssignedNumber), "future_year", W, "year YY lies after the year of as_of", "[CBP-5106]"),
    (Some(K::Ein), "unlisted_prefix", W, "prefix 00, 07-09, 17-19, 28, 29, 49, 69, 70, 78, 79, 89, 96 or 97 is not listed by the IRS", "domain.md §3 (2nd)"),
    (Some(K::Duns), "placeholder", E, "placeholder 000000000 or 999999999", "domain.md §3"),
    (Some(K::Scac), "equipment_code", E, "a SCAC ending in U, X or Z is an equipment code, not a carrier", "[NMFTA]"),
    (Some(K::Usdot), "not_six_digits", W, "CBP says six digits, FMCSA issues 1-8", "domain.md §3"),
    (Some(K::McNumber), "prefix", E, "docket number must start with MC, FF or MX", "domain.md §3"),
    (Some(K::IataCode), "icao_length", E, "3 letters: an ICAO designator, declare it as icao_code", "domain.md §3"),
    (Some(K::IataOrgNumber), "long_form", W, "7-11 digits: longer IATA numbers are UNVERIFIED", "domain.md §3"),
    (Some(K::Caat), "format", W, "CAAT is 4 alphanumeric characters (UNVERIFIED)", "domain.md §3"),
    (Some(K::EntryNumber), "filer_code", E, "first 3 characters are a filer code (3 alphanumeric)", "[19 CFR 142.3a]"),
    (Some(K::CanadianBn), "check_digit", E, "9th digit is the Luhn (mod 10) check digit", "[CRA]"),
    (Some(K::CanadianBn), "program_account", E, "program account is 2 letters and 4 digits", "[CRA]"),
    (Some(K::CanadianBn), "unknown_program", W, "program identifier other than RT, RP, RC, RM, RR, RZ", "[CRA]"),
    (Some(K::Mid), "country", E, "first 2 characters are an ISO 3166-1 country code", "[19 CFR 102 App.]"),
    (Some(K::Mid), "canada_province", E, "Canada uses its province code (XA..XY), never CA", "[19 CFR 102 App.]"),
    (Some(K::Mid), "construction_mismatch", W, "declared MID differs from the one constructed from name and address", "[19 CFR 102 App.]"),
    (Some(K::Rfc), "name_part", E, "3 (entity) or 4 (person) of [A-Z&Ñ]", "[SAT]"),
    (Some(K::Rfc), "date", E, "YYMMDD is a real calendar date", "[SAT]"),
    (Some(K::Rfc), "homoclave_charset", E, "homoclave is 3 of [A-Z0-9]", "[SAT]"),
    (Some(K::Rfc), "homoclave", W, "homoclave first character [1-9A-V], second [1-9A-Z]", "[SAT]"),
    (Some(K::Rfc), "check_digit", W, "last character is the SAT mod-11 check digit", "[SAT]"),
}

/// The severity of `ident.<kind>.<problem>`: the kind's own rule, else the shared one.
pub(crate) fn severity(kind: IdentifierKind, problem: &str) -> Option<Severity> {
    RULES
        .iter()
        .find(|r| r.kind == Some(kind) && r.problem == problem)
        .or_else(|| {
            RULES
                .iter()
                .find(|r| r.kind.is_none() && r.problem == problem)
        })
        .map(|r| r.severity)
}
