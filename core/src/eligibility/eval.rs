//! Building blocks the rule evaluators share: the [`Eval`] answer and checks of flags, activity
//! windows, staffed offices, identifiers and bonds.

use time::Date;

use super::{Ctx, RuleStatus};
use crate::calendar::{add_months, format_date};
use crate::entity::BondType;
use crate::finding::{Finding, pointer};
use crate::ident::{self, CheckOptions, IdentifierKind};

/// What an evaluator returns: status, message, the decisive path and extra findings.
///
/// ```
/// use ctpat::eligibility::{RuleStatus, eval::Eval};
/// let e = Eval::not_met("the bond is not active", "/bonds/0");
/// assert_eq!((e.status, e.path.as_str()), (RuleStatus::NotMet, "/bonds/0"));
/// assert!(e.findings.is_empty() && !e.advisory);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Eval {
    /// `met`, `not_met` or `unknown`.
    pub status: RuleStatus,
    /// Why, lowercase.
    pub message: String,
    /// JSON Pointer into the partner of the deciding fact.
    pub path: String,
    /// Extra findings (identifier findings, advisory warnings).
    pub findings: Vec<Finding>,
    /// Counts as advisory for this partner (e.g. a rule outside the policy's scope).
    pub advisory: bool,
}

impl Eval {
    fn new(status: RuleStatus, message: impl Into<String>, path: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            path: path.into(),
            findings: Vec::new(),
            advisory: false,
        }
    }

    /// A met answer.
    ///
    /// ```
    /// use ctpat::eligibility::{RuleStatus, eval::Eval};
    /// assert_eq!(Eval::met("active bond", "/bonds/0").status, RuleStatus::Met);
    /// ```
    pub fn met(message: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(RuleStatus::Met, message, path)
    }

    /// A not-met answer.
    ///
    /// ```
    /// use ctpat::eligibility::{RuleStatus, eval::Eval};
    /// assert_eq!(Eval::not_met("no staffed office", "/addresses").status, RuleStatus::NotMet);
    /// ```
    pub fn not_met(message: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(RuleStatus::NotMet, message, path)
    }

    /// An unknown answer; `path` names the fact to supply.
    ///
    /// ```
    /// use ctpat::eligibility::{RuleStatus, eval::Eval};
    /// let e = Eval::unknown("`last_import_on` is not given", "/facts/last_import_on");
    /// assert_eq!((e.status, e.path.as_str()), (RuleStatus::Unknown, "/facts/last_import_on"));
    /// ```
    pub fn unknown(message: impl Into<String>, path: impl Into<String>) -> Self {
        Self::new(RuleStatus::Unknown, message, path)
    }

    /// Marks the answer advisory.
    ///
    /// ```
    /// use ctpat::eligibility::eval::Eval;
    /// assert!(Eval::not_met("no risk assessment first", "/facts").advisory().advisory);
    /// ```
    #[must_use]
    pub fn advisory(mut self) -> Self {
        self.advisory = true;
        self
    }

    /// Adds findings.
    ///
    /// ```
    /// use ctpat::{Finding, eligibility::eval::Eval};
    /// let e = Eval::not_met("`scac` is malformed", "/identifiers/scac")
    ///     .with_findings(vec![Finding::error("ident.scac.length", "/identifiers/scac")]);
    /// assert_eq!(e.findings.len(), 1);
    /// ```
    #[must_use]
    pub fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.findings.extend(findings);
        self
    }

    /// Combines the parts of a rule: the first `not_met` part decides, else the first
    /// `unknown` part, else the answer is `met` with `met_message` at the first part's path.
    /// Findings of every part are kept.
    ///
    /// ```
    /// use ctpat::eligibility::{RuleStatus, eval::Eval};
    /// let parts = vec![Eval::met("rfc given", "/identifiers/rfc"), Eval::unknown("acta?", "/facts/acta_constitutiva")];
    /// let e = Eval::all(parts, "rfc and acta given");
    /// assert_eq!((e.status, e.path.as_str()), (RuleStatus::Unknown, "/facts/acta_constitutiva"));
    /// let e = Eval::all(vec![Eval::met("rfc given", "/identifiers/rfc")], "rfc and acta given");
    /// assert_eq!((e.status, e.message.as_str()), (RuleStatus::Met, "rfc and acta given"));
    /// ```
    pub fn all(parts: Vec<Eval>, met_message: &str) -> Eval {
        let findings: Vec<Finding> = parts.iter().flat_map(|p| p.findings.clone()).collect();
        let decisive = parts
            .iter()
            .find(|p| p.status == RuleStatus::NotMet)
            .or_else(|| parts.iter().find(|p| p.status == RuleStatus::Unknown));
        let mut out = match decisive {
            Some(part) => Eval::new(part.status, part.message.clone(), part.path.clone()),
            None => Eval::met(
                met_message,
                parts.first().map(|p| p.path.clone()).unwrap_or_default(),
            ),
        };
        out.findings = findings;
        out
    }
}

/// Path of a fact in `/facts`.
///
/// ```
/// assert_eq!(ctpat::eligibility::eval::fact_path("last_import_on"), "/facts/last_import_on");
/// ```
pub fn fact_path(name: &str) -> String {
    format!("/facts/{name}")
}

/// A yes/no fact that must equal `want`.
///
/// ```
/// use ctpat::eligibility::{RuleStatus, eval::flag};
/// let f = |v| flag(v, "acta_constitutiva", true, "held", "missing").status;
/// assert_eq!([f(Some(true)), f(Some(false)), f(None)], [RuleStatus::Met, RuleStatus::NotMet, RuleStatus::Unknown]);
/// ```
pub fn flag(value: Option<bool>, name: &str, want: bool, met: &str, not_met: &str) -> Eval {
    let path = fact_path(name);
    match value {
        Some(v) if v == want => Eval::met(met, path),
        Some(_) => Eval::not_met(not_met, path),
        None => Eval::unknown(format!("`{name}` is not given"), path),
    }
}

/// A date fact that must lie within the policy's activity window before `as_of`
/// (`as_of` minus `activity_window_months`, calendar months, inclusive, to `as_of`).
///
/// ```
/// use ctpat::eligibility::{Ctx, RuleStatus, eval::within_window};
/// use time::macros::date;
/// # let partner = serde_json::from_str(r#"{"business_type": "importer"}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// let e = within_window(&ctx, Some(date!(2024-06-30)), "last_import_on", "import");
/// assert_eq!(e.status, RuleStatus::Met); // the window is inclusive
/// assert_eq!(within_window(&ctx, Some(date!(2024-06-29)), "last_import_on", "import").status, RuleStatus::NotMet);
/// ```
pub fn within_window(ctx: &Ctx<'_>, value: Option<Date>, name: &str, what: &str) -> Eval {
    let path = fact_path(name);
    let months = ctx.policy.activity_window_months;
    let Some(date) = value else {
        return Eval::unknown(format!("`{name}` is not given"), path);
    };
    let start = i32::try_from(months)
        .ok()
        .and_then(|m| add_months(ctx.as_of, m.checked_neg()?));
    let Some(start) = start else {
        return Eval::unknown(
            format!("the {months}-month window before `as_of` leaves the calendar"),
            path,
        );
    };
    let (d, s) = (format_date(date), format_date(start));
    if date > ctx.as_of {
        Eval::unknown(
            format!("{what} on `{d}` lies after `as_of`; supply the latest date up to `as_of`"),
            path,
        )
    } else if date >= start {
        Eval::met(
            format!("{what} on `{d}`, within {months} months (since `{s}`)"),
            path,
        )
    } else {
        Eval::not_met(
            format!("last {what} on `{d}` is before `{s}` ({months} months before `as_of`)"),
            path,
        )
    }
}

/// A staffed office in one of `countries` (ISO codes): an address with that country and
/// `staffed_office: true`.
///
/// ```
/// use ctpat::eligibility::{Ctx, RuleStatus, eval::staffed_office};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "importer", "addresses": [{"country": "mx", "staffed_office": true}]}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// assert_eq!(staffed_office(&ctx, &["MX"]).status, RuleStatus::Met);
/// assert_eq!(staffed_office(&ctx, &["US", "CA"]).message, "no staffed office in `US` or `CA`");
/// ```
pub fn staffed_office(ctx: &Ctx<'_>, countries: &[&str]) -> Eval {
    let list = one_of(countries);
    let addresses = &ctx.partner.addresses;
    if addresses.is_empty() {
        return Eval::unknown("no address is given", "/addresses");
    }
    let mut unknown: Option<Eval> = None;
    for (i, address) in addresses.iter().enumerate() {
        let path = format!("/addresses/{i}");
        let country = address
            .country
            .as_deref()
            .map(|c| c.trim().to_ascii_uppercase());
        match (country.as_deref(), address.staffed_office) {
            (Some(c), Some(true)) if countries.contains(&c) => {
                return Eval::met(format!("a staffed office in `{c}`"), path);
            }
            (Some(c), None) if countries.contains(&c) => {
                unknown.get_or_insert_with(|| {
                    Eval::unknown(
                        "whether the office is staffed is not given",
                        format!("{path}/staffed_office"),
                    )
                });
            }
            (None, Some(true) | None) => {
                unknown.get_or_insert_with(|| {
                    Eval::unknown("the address has no country", format!("{path}/country"))
                });
            }
            _ => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Eval::not_met(
            format!("no staffed office in {list}"),
            "/addresses".to_owned(),
        )
    })
}

/// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
///
/// ```
/// use ctpat::eligibility::eval::one_of;
/// assert_eq!(one_of(&["a"]), "`a`");
/// assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
/// assert_eq!(one_of(&[]), "");
/// ```
pub fn one_of(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Path of an identifier.
///
/// ```
/// use ctpat::{IdentifierKind, eligibility::eval::ident_path};
/// assert_eq!(ident_path(IdentifierKind::IrsNumber), "/identifiers/irs_number");
/// ```
pub fn ident_path(kind: IdentifierKind) -> String {
    pointer("/identifiers", kind.code())
}

/// At least one of `kinds` is given and every given one passes the identifier checks.
/// A malformed value is `not_met` (its findings are included); none given is `unknown`.
///
/// ```
/// use ctpat::{IdentifierKind as K, eligibility::{Ctx, RuleStatus, eval::identifier_any}};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "exporter", "identifiers": {"duns": "12"}}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// let e = identifier_any(&ctx, &[K::Ein, K::Duns]);
/// assert_eq!((e.status, e.path.as_str()), (RuleStatus::NotMet, "/identifiers/duns"));
/// assert!(e.findings.iter().all(|f| f.path == "/identifiers/duns"));
/// ```
pub fn identifier_any(ctx: &Ctx<'_>, kinds: &[IdentifierKind]) -> Eval {
    let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    let names = one_of(&codes);
    let mut findings = Vec::new();
    let mut valid: Option<IdentifierKind> = None;
    let mut invalid: Option<IdentifierKind> = None;
    for kind in kinds {
        let Some(text) = ctx.partner.identifiers.get(kind) else {
            continue;
        };
        let options = CheckOptions {
            ssn_based: *kind == IdentifierKind::IrsNumber
                && ctx.partner.ior_ssn_based.unwrap_or(false),
            as_of: Some(ctx.as_of),
        };
        let check = ident::check(*kind, text, &ident_path(*kind), options);
        findings.extend(check.findings);
        if check.valid {
            valid.get_or_insert(*kind);
        } else {
            invalid.get_or_insert(*kind);
        }
    }
    let eval = match (invalid, valid) {
        (Some(kind), _) => Eval::not_met(format!("`{kind}` is malformed"), ident_path(kind)),
        (None, Some(kind)) => Eval::met(
            format!("`{kind}` is given and well formed"),
            ident_path(kind),
        ),
        (None, None) => Eval::unknown(
            format!("no {names} is given"),
            match kinds {
                [one] => ident_path(*one),
                _ => "/identifiers".to_owned(),
            },
        ),
    };
    eval.with_findings(findings)
}

/// An active bond of one of `types`; a given bond number must be well formed.
///
/// ```
/// use ctpat::{entity::BondType, eligibility::{Ctx, RuleStatus, eval::bond_any}};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "importer", "bonds": [{"bond_type": "continuous_import"}]}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// let e = bond_any(&ctx, &[BondType::ContinuousImport]);
/// assert_eq!((e.status, e.path.as_str()), (RuleStatus::Unknown, "/bonds/0/active"));
/// ```
pub fn bond_any(ctx: &Ctx<'_>, types: &[BondType]) -> Eval {
    let codes: Vec<&str> = types.iter().map(|t| bond_code(*t)).collect();
    let names = one_of(&codes);
    let mut parts = Vec::new();
    for (i, bond) in ctx.partner.bonds.iter().enumerate() {
        if !types.contains(&bond.bond_type) {
            continue;
        }
        let path = format!("/bonds/{i}");
        let mut findings = Vec::new();
        let mut malformed = false;
        if let Some(number) = &bond.number {
            let check = ident::check(
                IdentifierKind::BondNumber,
                number,
                &format!("{path}/number"),
                CheckOptions {
                    ssn_based: false,
                    as_of: Some(ctx.as_of),
                },
            );
            malformed = !check.valid;
            findings = check.findings;
        }
        let code = bond_code(bond.bond_type);
        let part = if malformed {
            Eval::not_met(format!("the `{code}` bond number is malformed"), path)
        } else {
            match bond.active {
                Some(true) => Eval::met(format!("active `{code}` bond"), path),
                Some(false) => Eval::not_met(format!("the `{code}` bond is not active"), path),
                None => Eval::unknown(
                    format!("whether the `{code}` bond is active is not given"),
                    format!("{path}/active"),
                ),
            }
        };
        parts.push(part.with_findings(findings));
    }
    let findings: Vec<Finding> = parts.iter().flat_map(|p| p.findings.clone()).collect();
    let pick = |status| parts.iter().find(|p| p.status == status);
    let eval = match pick(RuleStatus::Met)
        .or_else(|| pick(RuleStatus::NotMet))
        .or_else(|| pick(RuleStatus::Unknown))
    {
        Some(p) => Eval::new(p.status, p.message.clone(), p.path.clone()),
        None => Eval::unknown(format!("no {names} bond is given"), "/bonds"),
    };
    eval.with_findings(findings)
}

/// The wire code of a bond type.
///
/// ```
/// use ctpat::{entity::BondType, eligibility::eval::bond_code};
/// assert_eq!(bond_code(BondType::CustodialType2), "custodial_type2");
/// let wire = serde_json::to_value(BondType::CommonCarrier).ok();
/// assert_eq!(wire.as_ref().and_then(|v| v.as_str()), Some(bond_code(BondType::CommonCarrier)));
/// ```
pub fn bond_code(t: BondType) -> &'static str {
    match t {
        BondType::ContinuousImport => "continuous_import",
        BondType::ContinuousInternationalCarrier => "continuous_international_carrier",
        BondType::CustodialType2 => "custodial_type2",
        BondType::CommonCarrier => "common_carrier",
        BondType::SingleTransaction => "single_transaction",
        BondType::Other => "other",
    }
}

/// The incorporation country, uppercased; `None` when not given.
///
/// ```
/// use ctpat::eligibility::{Ctx, eval::incorporation_country};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "foreign_manufacturer", "facts": {"incorporation_country": " mx "}}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// assert_eq!(incorporation_country(&ctx).as_deref(), Some("MX"));
/// ```
pub fn incorporation_country(ctx: &Ctx<'_>) -> Option<String> {
    ctx.partner
        .facts
        .incorporation_country
        .as_deref()
        .map(|c| c.trim().to_ascii_uppercase())
}

/// Requirements of a Mexican firm: RFC, and the Acta Constitutiva (a warning only when
/// `acta_advisory`). Met when the firm is not Mexican; unknown when the country is not given.
///
/// ```
/// use ctpat::eligibility::{Ctx, RuleStatus, eval::mexican_firm};
/// use time::macros::date;
/// let partner = serde_json::from_str(r#"{"business_type": "foreign_manufacturer", "facts": {"incorporation_country": "MX"}}"#).unwrap();
/// let ctx = Ctx { partner: &partner, as_of: date!(2025-06-30), policy: &ctpat::Policy::current() };
/// let e = mexican_firm(&ctx, false);
/// assert_eq!((e.status, e.path.as_str()), (RuleStatus::Unknown, "/identifiers/rfc")); // no RFC given
/// ```
pub fn mexican_firm(ctx: &Ctx<'_>, acta_advisory: bool) -> Eval {
    match incorporation_country(ctx).as_deref() {
        None => Eval::unknown(
            "`incorporation_country` is not given (mexican firms need rfc and acta)",
            fact_path("incorporation_country"),
        ),
        Some("MX") => {
            let rfc = identifier_any(ctx, &[IdentifierKind::Rfc]);
            let acta = flag(
                ctx.partner.facts.acta_constitutiva,
                "acta_constitutiva",
                true,
                "acta constitutiva held",
                "a mexican firm needs its acta constitutiva",
            );
            if acta_advisory {
                let mut findings = Vec::new();
                if acta.status != RuleStatus::Met {
                    findings.push(
                        Finding::warning("eligibility.acta_if_applicable", acta.path.clone())
                            .message(
                                "a mexican firm may need its acta constitutiva (if applicable)",
                            ),
                    );
                }
                rfc.with_findings(findings)
            } else {
                Eval::all(vec![rfc, acta], "rfc and acta constitutiva given")
            }
        }
        Some(c) => Eval::met(
            format!(
                "incorporated in `{}`, not a mexican firm",
                ident::truncate_for_message(c)
            ),
            fact_path("incorporation_country"),
        ),
    }
}
