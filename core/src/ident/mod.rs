//! Identifier kinds of the CTPAT world: parse, normalise, check, redact (domain.md §3).
//!
//! [`Identifier::parse`] normalises the text (surrounding whitespace, case, spaces and hyphens)
//! and applies every check rule that is certain; a rule that the sources leave uncertain only
//! yields a `warning` finding. The kind is always declared by the caller, never inferred from
//! the digits. Personal identifiers (SSN, and an IRS-number IOR declared as SSN-based) never
//! print in full: `Display`, `Debug` and every message show at most the last four digits.
//!
//! Every rule is data in [`RULES`] (code `ident.<kind>.<problem>`, severity, description,
//! source). [`construct_mid`] builds a MID from name and address, [`compare_mid`] compares a
//! declared one with it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::finding::{Finding, has_errors};

pub(crate) mod api;
mod carrier;
mod mexico;
mod mid;
mod rules;
mod table;
mod tax;
mod trade;

pub use api::{ConstructMidAnswer, ConstructMidCall, IdentRuleInfo};
pub use mid::{compare_mid, construct_mid, is_mid_country};
pub use table::{IdentRule, RULES};

/// Longest text accepted for any identifier; longer input is reported, not parsed.
///
/// ```
/// use ctpat::ident::{check, CheckOptions, IdentifierKind, MAX_IDENTIFIER_LEN};
/// let long = "1".repeat(MAX_IDENTIFIER_LEN + 1);
/// let c = check(IdentifierKind::Duns, &long, "/duns", CheckOptions::default());
/// assert!(c.findings.iter().any(|f| f.code == "ident.duns.too_long"));
/// ```
pub const MAX_IDENTIFIER_LEN: usize = 64;

macro_rules! kinds {
    ($($variant:ident => $code:literal, $name:literal;)*) => {
        /// Every identifier kind the library knows (snake_case codes on the wire).
        ///
        /// ```
        /// use ctpat::IdentifierKind;
        /// assert_eq!(serde_json::to_value(IdentifierKind::McNumber).ok(), Some(serde_json::json!("mc_number")));
        /// assert_eq!("scac".parse::<IdentifierKind>().ok(), Some(IdentifierKind::Scac));
        /// assert_eq!("nope".parse::<IdentifierKind>().map_err(|e| e.code()), Err("unknown_identifier_kind"));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum IdentifierKind {
            $(
                #[doc = $name]
                $variant,
            )*
        }

        impl IdentifierKind {
            /// Every kind, in declaration order.
            ///
            /// ```
            /// use ctpat::IdentifierKind;
            /// assert_eq!(IdentifierKind::ALL.first(), Some(&IdentifierKind::IrsNumber));
            /// assert!(IdentifierKind::ALL.iter().all(|k| IdentifierKind::from_code(k.code()) == Some(*k)));
            /// ```
            pub const ALL: &'static [IdentifierKind] = &[$(Self::$variant),*];

            /// The snake_case code used on the wire.
            ///
            /// ```
            /// assert_eq!(ctpat::IdentifierKind::BrokerLicense.code(), "broker_license");
            /// ```
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// A short human name.
            ///
            /// ```
            /// assert_eq!(ctpat::IdentifierKind::Scac.name(), "Standard Carrier Alpha Code (NMFTA)");
            /// ```
            pub fn name(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// Looks a kind up by its code (exact, snake_case).
            ///
            /// ```
            /// use ctpat::IdentifierKind;
            /// assert_eq!(IdentifierKind::from_code("ein"), Some(IdentifierKind::Ein));
            /// assert_eq!(IdentifierKind::from_code("EIN"), None);
            /// ```
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    IrsNumber => "irs_number", "IRS number used as importer-of-record number (EIN + 2-character suffix)";
    Ssn => "ssn", "Social Security Number used as importer-of-record number (personal data)";
    CbpAssignedNumber => "cbp_assigned_number", "CBP-assigned importer number (YYDDPP-NNNNN)";
    Ein => "ein", "IRS employer identification number";
    Duns => "duns", "Dun & Bradstreet DUNS number";
    Scac => "scac", "Standard Carrier Alpha Code (NMFTA)";
    Usdot => "usdot", "FMCSA USDOT number";
    McNumber => "mc_number", "FMCSA docket number (MC, FF or MX)";
    BrokerLicense => "broker_license", "customs broker license number";
    FilerCode => "filer_code", "ACE entry filer code";
    FmcOrgNumber => "fmc_org_number", "Federal Maritime Commission organisation number";
    FmcMtoNumber => "fmc_mto_number", "Federal Maritime Commission marine terminal operator number";
    IataOrgNumber => "iata_org_number", "IATA organisation number of an air freight consolidator";
    IataCode => "iata_code", "IATA airline designator";
    IcaoCode => "icao_code", "ICAO airline designator";
    Mid => "mid", "Manufacturer Identification Code";
    Rfc => "rfc", "Mexican tax ID (Registro Federal de Contribuyentes)";
    SctNumber => "sct_number", "Mexican transport ministry (SCT) carrier number";
    Caat => "caat", "Mexican SAT carrier code (CAAT)";
    BondNumber => "bond_number", "CBP bond number";
    CanadianBn => "canadian_bn", "Canada Revenue Agency business number";
    FirmsCode => "firms_code", "FIRMS code of a facility";
    EntryNumber => "entry_number", "CBP entry number";
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for IdentifierKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_code(s.trim()).ok_or_else(|| {
            Error::input_code(
                "unknown_identifier_kind",
                "/kind",
                format!("unknown identifier kind `{}`", truncate_for_message(s)),
            )
        })
    }
}

/// Extra facts some checks need.
///
/// ```
/// use ctpat::ident::{check, CheckOptions, IdentifierKind};
/// let opts = CheckOptions { ssn_based: true, ..CheckOptions::default() };
/// let c = check(IdentifierKind::IrsNumber, "123-45-6789-00", "/ior", opts);
/// assert!(c.valid && c.redacted);
/// assert_eq!(c.display.as_deref(), Some("*******8900"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// For an `irs_number` IOR: the importer declared it is SSN-based (Form 5106), so it is
    /// personal data and is redacted.
    pub ssn_based: bool,
    /// The date the check is made for (used by advisory rules such as a CBP-assigned number's
    /// year lying in the future). `None`: those advisory rules are skipped.
    pub as_of: Option<time::Date>,
}

/// A well-formed identifier of a declared kind, in canonical form.
///
/// ```
/// use ctpat::ident::{Identifier, IdentifierKind};
/// let ssn = Identifier::parse(IdentifierKind::Ssn, " 123-45-6789 ").unwrap();
/// assert_eq!(ssn.to_string(), "***-**-6789");
/// assert_eq!(ssn.reveal(), "123456789");
/// assert!(Identifier::parse(IdentifierKind::Ssn, "666-12-3456").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Identifier {
    kind: IdentifierKind,
    canonical: String,
    personal: bool,
}

impl Identifier {
    /// Normalises and checks `text` as `kind`; `Err` holds the error findings (and warnings).
    ///
    /// ```
    /// use ctpat::ident::{Identifier, IdentifierKind};
    /// let scac = Identifier::parse(IdentifierKind::Scac, " abcd ").ok();
    /// assert_eq!(scac.as_ref().map(|s| s.reveal()), Some("ABCD"));
    /// let errors = Identifier::parse(IdentifierKind::Scac, "AB").err().unwrap_or_default();
    /// assert!(errors.iter().any(|f| f.is_error()));
    /// ```
    pub fn parse(kind: IdentifierKind, text: &str) -> Result<Self, Vec<Finding>> {
        Self::parse_with(kind, text, CheckOptions::default())
    }

    /// As [`Identifier::parse`], with extra facts.
    ///
    /// ```
    /// use ctpat::ident::{CheckOptions, Identifier, IdentifierKind};
    /// let opts = CheckOptions { ssn_based: true, as_of: None };
    /// let ior = Identifier::parse_with(IdentifierKind::IrsNumber, "123456789-00", opts).ok();
    /// assert_eq!(ior.map(|i| i.is_personal()), Some(true));
    /// ```
    pub fn parse_with(
        kind: IdentifierKind,
        text: &str,
        options: CheckOptions,
    ) -> Result<Self, Vec<Finding>> {
        let check = check(kind, text, "", options);
        match check.canonical {
            Some(canonical) if check.valid => Ok(Self {
                kind,
                canonical,
                personal: is_personal(kind, options),
            }),
            _ => Err(check.findings),
        }
    }

    /// The kind this identifier was declared as.
    ///
    /// ```
    /// use ctpat::ident::{Identifier, IdentifierKind};
    /// let id = Identifier::parse(IdentifierKind::Ein, "27-4418203").ok();
    /// assert_eq!(id.map(|i| i.kind()), Some(IdentifierKind::Ein));
    /// ```
    pub fn kind(&self) -> IdentifierKind {
        self.kind
    }

    /// Whether the identifier is personal data (redacted in output).
    ///
    /// ```
    /// use ctpat::ident::{Identifier, IdentifierKind};
    /// let ein = Identifier::parse(IdentifierKind::Ein, "27-4418203").ok();
    /// assert_eq!(ein.map(|i| i.is_personal()), Some(false));
    /// let ssn = Identifier::parse(IdentifierKind::Ssn, "123-45-6789").ok();
    /// assert_eq!(ssn.map(|i| i.is_personal()), Some(true));
    /// ```
    pub fn is_personal(&self) -> bool {
        self.personal
    }

    /// The canonical value in full. Explicit on purpose: personal identifiers are redacted
    /// everywhere else.
    ///
    /// ```
    /// use ctpat::ident::{Identifier, IdentifierKind};
    /// let ein = Identifier::parse(IdentifierKind::Ein, "27-4418203").ok();
    /// assert_eq!(ein.as_ref().map(|i| i.reveal()), Some("274418203"));
    /// ```
    pub fn reveal(&self) -> &str {
        &self.canonical
    }

    /// The usual display form with separators, redacted if personal.
    ///
    /// ```
    /// use ctpat::ident::{Identifier, IdentifierKind};
    /// let ein = Identifier::parse(IdentifierKind::Ein, "274418203").ok();
    /// assert_eq!(ein.map(|i| i.display()).as_deref(), Some("27-4418203"));
    /// let ssn = Identifier::parse(IdentifierKind::Ssn, "123456789").ok();
    /// assert_eq!(ssn.map(|i| i.display()).as_deref(), Some("***-**-6789"));
    /// ```
    pub fn display(&self) -> String {
        if self.personal {
            redact(self.kind, &self.canonical)
        } else {
            rules::display_form(self.kind, &self.canonical)
        }
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identifier")
            .field("kind", &self.kind)
            .field("value", &self.display())
            .finish()
    }
}

/// Whether values of this kind are personal data.
///
/// ```
/// use ctpat::ident::{is_personal, CheckOptions, IdentifierKind};
/// assert!(is_personal(IdentifierKind::Ssn, CheckOptions::default()));
/// assert!(!is_personal(IdentifierKind::IrsNumber, CheckOptions::default()));
/// assert!(is_personal(IdentifierKind::IrsNumber, CheckOptions { ssn_based: true, as_of: None }));
/// ```
pub fn is_personal(kind: IdentifierKind, options: CheckOptions) -> bool {
    matches!(kind, IdentifierKind::Ssn) || (kind == IdentifierKind::IrsNumber && options.ssn_based)
}

/// Redacts a personal identifier: only the last four characters remain (`***-**-6789`).
///
/// ```
/// use ctpat::ident::{redact, IdentifierKind};
/// assert_eq!(redact(IdentifierKind::Ssn, "123456789"), "***-**-6789");
/// assert_eq!(redact(IdentifierKind::IrsNumber, "12345678900"), "*******8900");
/// ```
pub fn redact(kind: IdentifierKind, canonical: &str) -> String {
    let chars: Vec<char> = canonical.chars().collect();
    let keep = chars.len().saturating_sub(4);
    let tail: String = chars.iter().skip(keep).collect();
    match kind {
        IdentifierKind::Ssn => format!("***-**-{tail}"),
        _ => format!("{}{tail}", "*".repeat(keep.min(16))),
    }
}

/// The answer of [`check`]: normalised form, display form and findings.
///
/// `Debug` never prints a personal value in full, even after [`IdentifierCheck::revealed`].
///
/// ```
/// use ctpat::ident::{check, CheckOptions, IdentifierKind};
/// let c = check(IdentifierKind::Ssn, "123-45-6789", "/ssn", CheckOptions::default());
/// assert_eq!(c.normalized.as_deref(), Some("***-**-6789"));
/// let json = serde_json::to_string(&c).unwrap_or_default();
/// assert!(!json.contains("123456789"));
/// assert!(!format!("{c:?}").contains("12345"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentifierCheck {
    /// The kind the value was checked as.
    pub kind: IdentifierKind,
    /// `true` when no finding is an error.
    pub valid: bool,
    /// Canonical form (no separators, uppercase); redacted for personal kinds unless revealed.
    /// `null` when the value could not be normalised.
    pub normalized: Option<String>,
    /// Usual display form with separators; always redacted for personal kinds.
    pub display: Option<String>,
    /// Whether `normalized` and `display` are redacted because the value is personal data.
    pub redacted: bool,
    /// Every problem found, sorted by path, then code.
    pub findings: Vec<Finding>,
    /// The full canonical value; only in memory, never serialised (use `reveal`).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub canonical: Option<String>,
    /// Whether the value is personal data (kept after [`IdentifierCheck::revealed`], so that
    /// `Debug` stays redacted); only in memory, never serialised.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub personal: bool,
}

impl fmt::Debug for IdentifierCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hide = |v: &Option<String>| match v {
            Some(v) if self.personal => Some(redact(self.kind, v)),
            other => other.clone(),
        };
        let normalized = match (&self.canonical, self.personal) {
            (Some(c), true) => Some(redact(self.kind, c)),
            _ => hide(&self.normalized),
        };
        f.debug_struct("IdentifierCheck")
            .field("kind", &self.kind)
            .field("valid", &self.valid)
            .field("normalized", &normalized)
            .field("display", &self.display)
            .field("redacted", &self.redacted)
            .field("findings", &self.findings)
            .field("canonical", &hide(&self.canonical))
            .finish()
    }
}

impl IdentifierCheck {
    /// Replaces the redacted `normalized` with the full value (explicit opt-in).
    ///
    /// ```
    /// use ctpat::ident::{check, CheckOptions, IdentifierKind};
    /// let c = check(IdentifierKind::Ssn, "123-45-6789", "", CheckOptions::default()).revealed();
    /// assert!(!c.redacted);
    /// assert_eq!(c.display.as_deref(), Some("***-**-6789"));
    /// assert!(!format!("{c:?}").contains("12345"));
    /// ```
    #[must_use]
    pub fn revealed(mut self) -> Self {
        if self.redacted {
            self.normalized.clone_from(&self.canonical);
            self.redacted = false;
        }
        self
    }
}

/// Checks `text` as `kind`; findings point at `path` in the caller's input.
///
/// ```
/// use ctpat::ident::{check, CheckOptions, IdentifierKind};
/// let c = check(IdentifierKind::Scac, "qwr4", "/identifiers/scac", CheckOptions::default());
/// assert!(!c.valid);
/// assert_eq!(c.findings[0].path, "/identifiers/scac");
/// ```
pub fn check(
    kind: IdentifierKind,
    text: &str,
    path: &str,
    options: CheckOptions,
) -> IdentifierCheck {
    let mut findings = Vec::new();
    let canonical = rules::check_kind(kind, text, path, options, &mut findings);
    let personal = is_personal(kind, options);
    crate::finding::sort_findings(&mut findings);
    let valid = canonical.is_some() && !has_errors(&findings);
    let (normalized, display) = match &canonical {
        Some(c) if personal => (Some(redact(kind, c)), Some(redact(kind, c))),
        Some(c) => (Some(c.clone()), Some(rules::display_form(kind, c))),
        None => (None, None),
    };
    IdentifierCheck {
        kind,
        valid,
        normalized,
        display,
        redacted: personal && canonical.is_some(),
        findings,
        canonical,
        personal,
    }
}

/// Masks SSN-like digit runs (9 or more digits, possibly split by `-` or blanks) in a
/// message, keeping the last 4 digits: serde echoes enum values it does not know, and a caller
/// may have put personal data in the wrong field.
///
/// ```
/// use ctpat::ident::mask_ssn_like;
/// assert_eq!(mask_ssn_like("unknown kind `123-45-6789`"), "unknown kind `***-**-6789`");
/// assert_eq!(mask_ssn_like("only 12345678 digits"), "only 12345678 digits");
/// ```
pub fn mask_ssn_like(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len());
    let mut i = 0;
    while i < chars.len() {
        let is_run = |c: char| c.is_ascii_digit() || c == '-' || c == ' ';
        if chars.get(i).is_some_and(char::is_ascii_digit) {
            let mut j = i;
            while chars.get(j).is_some_and(|c| is_run(*c)) {
                j += 1;
            }
            let run: &[char] = chars.get(i..j).unwrap_or_default();
            let digits = run.iter().filter(|c| c.is_ascii_digit()).count();
            if digits >= 9 {
                let mut seen = 0;
                for c in run {
                    if c.is_ascii_digit() {
                        seen += 1;
                        out.push(if seen + 4 > digits { *c } else { '*' });
                    } else {
                        out.push(*c);
                    }
                }
            } else {
                out.extend(run);
            }
            i = j;
        } else {
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
            i += 1;
        }
    }
    out
}

/// Shortens text quoted in a message so that a huge input does not become a huge message.
///
/// ```
/// use ctpat::ident::truncate_for_message;
/// assert_eq!(truncate_for_message("short"), "short");
/// assert_eq!(truncate_for_message(&"x".repeat(100)), format!("{}…", "x".repeat(32)));
/// ```
pub fn truncate_for_message(text: &str) -> String {
    const MAX: usize = 32;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}
