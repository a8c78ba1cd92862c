//! Business-partner screening: which suppliers are covered by documentation alone (CTPAT
//! membership, an MRA-recognised AEO certificate, BASC certification) and which must fill the
//! security questionnaire (domain.md §5.6, §7.4).

use serde::{Deserialize, Serialize};
use time::Date;

use super::mra::{MraTable, mra_table};
use crate::calendar::format_date;
use crate::ident::truncate_for_message;
use crate::policy::Policy;

/// A supplier or other business partner and the documentation it declares.
///
/// ```
/// use ctpat::profile::BusinessPartner;
/// let p: Option<BusinessPartner> = serde_json::from_str(r#"{"id": "s-1", "basc": {"expires_on": "2026-05-31"}}"#).ok();
/// assert!(p.as_ref().is_some_and(|p| p.basc.is_some() && p.aeo.is_none() && p.ctpat.is_none()));
/// assert!(serde_json::from_str::<BusinessPartner>(r#"{"id": "s-1", "ceo": "x"}"#).is_err()); // unknown field
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BusinessPartner {
    /// The caller's id for the partner (echoed in the result).
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Country (ISO 3166-1 alpha-2), informational.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// CTPAT membership, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctpat: Option<CtpatMembership>,
    /// An AEO-type certificate, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aeo: Option<AeoCertificate>,
    /// BASC certification, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basc: Option<BascCertificate>,
}

/// Declared CTPAT membership (verified by the caller, e.g. by a monitoring request, §7.4).
///
/// ```
/// use ctpat::profile::{BusinessPartner, CtpatMembership, ScreeningResult, screen_partners};
/// use time::macros::date;
/// let member = CtpatMembership { status: " Tier3 ".into(), account_id: None };
/// let p = BusinessPartner { id: "s-1".into(), name: String::new(), country: None, ctpat: Some(member), aeo: None, basc: None };
/// let r = screen_partners(&[p], date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!(r.results[0].result, ScreeningResult::AcceptedByDocumentation);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CtpatMembership {
    /// Status code (domain.md §6.1): only `certified`, `validated` and `tier3` count (case and
    /// surrounding spaces are ignored).
    pub status: String,
    /// CTPAT account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// A certificate of an AEO-type programme.
///
/// ```
/// use ctpat::profile::{BusinessPartner, ScreeningResult, screen_partners};
/// use time::macros::date;
/// let p: BusinessPartner = serde_json::from_str(r#"{"id": "s-1", "aeo": {"country": "CA", "programme": "PIP"}}"#).unwrap();
/// let r = screen_partners(&[p], date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.results[0].result, r.results[0].code.as_str()), (ScreeningResult::AcceptedByDocumentation, "partner_screening.aeo_mra_recognised"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AeoCertificate {
    /// Issuing administration: ISO 3166-1 alpha-2 code, or `EU`.
    pub country: String,
    /// Programme name (`Partners in Protection`, `AEO`, ...).
    pub programme: String,
    /// Certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// Last day of validity, if the certificate has one.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub valid_until: Option<Date>,
}

/// BASC certification.
///
/// ```
/// use ctpat::profile::{BusinessPartner, ScreeningResult, screen_partners};
/// use time::macros::date;
/// let p: BusinessPartner = serde_json::from_str(r#"{"id": "s-1", "basc": {"expires_on": "2025-06-29"}}"#).unwrap();
/// let r = screen_partners(&[p], date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.results[0].result, r.results[0].path.as_str()), (ScreeningResult::Expired, "/0/basc/expires_on"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BascCertificate {
    /// Certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// Last day of validity.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub expires_on: Date,
}

/// What screening decided for one partner.
///
/// ```
/// use ctpat::profile::ScreeningResult;
/// assert_eq!(serde_json::to_value(ScreeningResult::QuestionnaireRequired).ok(), Some(serde_json::json!("questionnaire_required")));
/// assert!(ScreeningResult::AcceptedByDocumentation < ScreeningResult::Expired); // best first
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScreeningResult {
    /// Documentation suffices; no questionnaire.
    AcceptedByDocumentation,
    /// Documentation was declared but has expired.
    Expired,
    /// Documentation was declared but does not count (status, programme, date).
    NotRecognised,
    /// No documentation: the partner fills the security questionnaire.
    QuestionnaireRequired,
}

/// One screening rule, as data.
///
/// ```
/// use ctpat::profile::{SCREENING_RULES, ScreeningResult};
/// let none = SCREENING_RULES.iter().find(|r| r.code == "partner_screening.no_documentation");
/// assert_eq!(none.map(|r| r.result), Some(ScreeningResult::QuestionnaireRequired));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScreeningRule {
    /// Stable code.
    pub code: &'static str,
    /// The result it gives.
    pub result: ScreeningResult,
    /// One line describing it.
    pub description: &'static str,
    /// Where it comes from.
    pub source: &'static str,
}

const fn rule(
    code: &'static str,
    result: ScreeningResult,
    description: &'static str,
    source: &'static str,
) -> ScreeningRule {
    ScreeningRule {
        code,
        result,
        description,
        source,
    }
}

use ScreeningResult::{AcceptedByDocumentation, Expired, NotRecognised, QuestionnaireRequired};

const CTPAT_MEMBER: ScreeningRule = rule(
    "partner_screening.ctpat_member",
    AcceptedByDocumentation,
    "the partner is a certified, validated or tier 3 CTPAT member",
    "domain.md §7.4 (verified CTPAT status is screening evidence, 2nd), §6.1",
);
const CTPAT_NOT_MEMBER: ScreeningRule = rule(
    "partner_screening.ctpat_not_member",
    NotRecognised,
    "a CTPAT status other than certified, validated or tier 3 (suspended, applicant, withdrawn, ...)",
    "domain.md §6.1, §8 (suspended: benefits paused)",
);
const AEO_RECOGNISED: ScreeningRule = rule(
    "partner_screening.aeo_mra_recognised",
    AcceptedByDocumentation,
    "an AEO-type certificate of a programme under an MRA in effect on `as_of`",
    "domain.md §5.6 (MRAs; recognition is a benefit per seed 003_748fa2daea8a8359.txt)",
);
const AEO_NO_MRA: ScreeningRule = rule(
    "partner_screening.aeo_no_mra",
    NotRecognised,
    "the certificate's administration has no MRA with the U.S. in the table",
    "domain.md §5.6",
);
const AEO_PROGRAMME_UNKNOWN: ScreeningRule = rule(
    "partner_screening.aeo_programme_unknown",
    NotRecognised,
    "the programme is not the MRA partner's programme (checked only where domain.md names it)",
    "domain.md §5.6 (Canada: Partners in Protection)",
);
const AEO_BEFORE_MRA: ScreeningRule = rule(
    "partner_screening.aeo_before_mra",
    NotRecognised,
    "`as_of` is before the MRA's effective date",
    "domain.md §5.6 (dated data)",
);
const AEO_EXPIRED: ScreeningRule = rule(
    "partner_screening.aeo_expired",
    Expired,
    "the AEO certificate's `valid_until` is before `as_of`",
    "domain.md §5.6",
);
const BASC_DOCUMENTED: ScreeningRule = rule(
    "partner_screening.basc_certified_documented",
    AcceptedByDocumentation,
    "a BASC-certified partner only documents that certification",
    "domain.md §5.6 (CBP-WBO Action Plan; seed 003_748fa2daea8a8359.txt)",
);
const BASC_EXPIRED: ScreeningRule = rule(
    "partner_screening.basc_expired",
    Expired,
    "the BASC certificate expired before `as_of`",
    "domain.md §5.6 (seed 003_748fa2daea8a8359.txt: yearly audit)",
);
const NO_DOCUMENTATION: ScreeningRule = rule(
    "partner_screening.no_documentation",
    QuestionnaireRequired,
    "no CTPAT, MRA-recognised AEO or BASC documentation: the partner fills the security questionnaire",
    "domain.md §5.6; issue 5 (documentation first)",
);

/// Every screening rule, as data (listed by the `screening_rules` operation).
///
/// ```
/// use ctpat::profile::SCREENING_RULES;
/// assert_eq!(SCREENING_RULES.len(), 10);
/// assert!(SCREENING_RULES.iter().all(|r| r.code.starts_with("partner_screening.")));
/// ```
pub const SCREENING_RULES: &[ScreeningRule] = &[
    CTPAT_MEMBER,
    CTPAT_NOT_MEMBER,
    AEO_RECOGNISED,
    AEO_NO_MRA,
    AEO_PROGRAMME_UNKNOWN,
    AEO_BEFORE_MRA,
    AEO_EXPIRED,
    BASC_DOCUMENTED,
    BASC_EXPIRED,
    NO_DOCUMENTATION,
];

/// CTPAT statuses that count as membership (Tier 1, 2, 3; domain.md §1, §6.1).
pub const CTPAT_MEMBER_STATUSES: &[&str] = &["certified", "validated", "tier3"];

/// The screening of one partner.
///
/// ```
/// use ctpat::profile::{BusinessPartner, screen_partners};
/// use time::macros::date;
/// let p: BusinessPartner = serde_json::from_str(r#"{"id": "s-9", "ctpat": {"status": "suspended"}}"#).unwrap();
/// let r = screen_partners(&[p], date!(2025-06-30), &ctpat::Policy::current());
/// let s = &r.results[0];
/// assert_eq!((s.id.as_str(), s.code.as_str(), s.path.as_str()), ("s-9", "partner_screening.ctpat_not_member", "/0/ctpat/status"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnerScreening {
    /// The partner's id.
    pub id: String,
    /// The decision.
    pub result: ScreeningResult,
    /// Code of the rule that decided it.
    pub code: String,
    /// Why, lowercase.
    pub reason: String,
    /// JSON Pointer into the partners list (`/3/basc/expires_on`).
    pub path: String,
    /// Whether the decision rests on unverified data (programme name, imprecise MRA date).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uncertain: bool,
}

/// Counts per result.
///
/// ```
/// use ctpat::profile::{BusinessPartner, screen_partners};
/// use time::macros::date;
/// let ps: Vec<BusinessPartner> = serde_json::from_str(r#"[{"id": "a"}, {"id": "b", "ctpat": {"status": "certified"}}]"#).unwrap();
/// let s = screen_partners(&ps, date!(2025-06-30), &ctpat::Policy::current()).summary;
/// assert_eq!((s.total, s.accepted_by_documentation, s.questionnaire_required), (2, 1, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScreeningSummary {
    /// Partners screened.
    pub total: usize,
    /// Accepted on documentation.
    pub accepted_by_documentation: usize,
    /// Must fill the questionnaire.
    pub questionnaire_required: usize,
    /// Documentation expired.
    pub expired: usize,
    /// Documentation not recognised.
    pub not_recognised: usize,
}

/// The answer of [`screen_partners`].
///
/// ```
/// use ctpat::profile::screen_partners;
/// use time::macros::date;
/// let r = screen_partners(&[], date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.as_of, r.mra_version.as_str(), r.rules_version.as_str()), (date!(2025-06-30), "mra-2023", "2026.1"));
/// assert!(r.results.is_empty() && r.summary.total == 0);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScreeningReport {
    /// The date screened for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// One result per partner, in input order.
    pub results: Vec<PartnerScreening>,
    /// Counts per result.
    pub summary: ScreeningSummary,
    /// Version of the MRA table used.
    pub mra_version: String,
    /// Rules edition of this build.
    pub rules_version: String,
}

struct Verdict {
    rule: &'static ScreeningRule,
    reason: String,
    path: String,
    uncertain: bool,
}

fn verdict(rule: &'static ScreeningRule, reason: String, path: String) -> Verdict {
    Verdict {
        rule,
        reason,
        path,
        uncertain: false,
    }
}

fn ctpat(m: &CtpatMembership, base: &str) -> Verdict {
    let path = format!("{base}/ctpat/status");
    let status = truncate_for_message(&m.status);
    let code = m.status.trim();
    if CTPAT_MEMBER_STATUSES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(code))
    {
        verdict(
            &CTPAT_MEMBER,
            format!("ctpat member with status `{status}`"),
            path,
        )
    } else {
        verdict(
            &CTPAT_NOT_MEMBER,
            format!("ctpat status `{status}` is not certified, validated or tier3"),
            path,
        )
    }
}

fn aeo(c: &AeoCertificate, base: &str, as_of: Date, table: &MraTable) -> Verdict {
    let country = truncate_for_message(&c.country);
    let Some(mra) = table.find(&c.country) else {
        return verdict(
            &AEO_NO_MRA,
            format!("no mutual recognition arrangement with `{country}`"),
            format!("{base}/aeo/country"),
        );
    };
    if mra.programme_verified && !mra.names_programme(&c.programme) {
        return verdict(
            &AEO_PROGRAMME_UNKNOWN,
            format!(
                "`{}` is not `{}`, the programme recognised for `{}`",
                truncate_for_message(&c.programme),
                mra.programme,
                mra.country
            ),
            format!("{base}/aeo/programme"),
        );
    }
    if as_of < mra.effective_from {
        return verdict(
            &AEO_BEFORE_MRA,
            format!(
                "the arrangement with `{}` takes effect on `{}`",
                mra.country,
                format_date(mra.effective_from)
            ),
            format!("{base}/aeo/country"),
        );
    }
    if let Some(until) = c.valid_until
        && until < as_of
    {
        return verdict(
            &AEO_EXPIRED,
            format!("the certificate expired on `{}`", format_date(until)),
            format!("{base}/aeo/valid_until"),
        );
    }
    let imprecise = mra.certain_from().is_none_or(|d| as_of < d);
    Verdict {
        uncertain: !mra.programme_verified || imprecise,
        ..verdict(
            &AEO_RECOGNISED,
            format!(
                "certificate of `{}` recognised under the arrangement with `{}`",
                mra.programme, mra.country
            ),
            format!("{base}/aeo"),
        )
    }
}

fn basc(c: &BascCertificate, base: &str, as_of: Date) -> Verdict {
    let path = format!("{base}/basc/expires_on");
    let expires = format_date(c.expires_on);
    if c.expires_on < as_of {
        verdict(
            &BASC_EXPIRED,
            format!("basc certification expired on `{expires}`"),
            path,
        )
    } else {
        verdict(
            &BASC_DOCUMENTED,
            format!("basc certified until `{expires}`"),
            path,
        )
    }
}

fn rank(result: ScreeningResult) -> u8 {
    match result {
        AcceptedByDocumentation => 0,
        Expired => 1,
        NotRecognised => 2,
        QuestionnaireRequired => 3,
    }
}

/// Screens `partners` as of `as_of` in one linear pass (domain.md §5.6, §7.4).
///
/// Each declared document is judged; the best result wins (accepted, then expired, then not
/// recognised); a partner with none must fill the questionnaire. `policy` is taken for
/// symmetry with the other time-dependent calls; no screening rule reads it yet.
///
/// ```
/// use ctpat::profile::{BusinessPartner, ScreeningResult, screen_partners};
/// use time::macros::date;
/// let ps: Vec<BusinessPartner> = serde_json::from_str(r#"[{"id": "a", "aeo": {"country": "GB", "programme": "AEO"}}]"#).unwrap();
/// // The U.S.-UK arrangement dates from January 2021.
/// let before = screen_partners(&ps, date!(2020-12-31), &ctpat::Policy::current());
/// assert_eq!(before.results[0].result, ScreeningResult::NotRecognised);
/// let after = screen_partners(&ps, date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!(after.results[0].result, ScreeningResult::AcceptedByDocumentation);
/// ```
pub fn screen_partners(
    partners: &[BusinessPartner],
    as_of: Date,
    policy: &Policy,
) -> ScreeningReport {
    let _ = policy;
    let table = mra_table();
    let mut summary = ScreeningSummary::default();
    let mut results = Vec::with_capacity(partners.len());
    for (index, partner) in partners.iter().enumerate() {
        let base = format!("/{index}");
        let candidates = [
            partner.ctpat.as_ref().map(|m| ctpat(m, &base)),
            partner.aeo.as_ref().map(|c| aeo(c, &base, as_of, table)),
            partner.basc.as_ref().map(|c| basc(c, &base, as_of)),
        ];
        let best = candidates
            .into_iter()
            .flatten()
            .min_by_key(|v| rank(v.rule.result))
            .unwrap_or_else(|| {
                verdict(
                    &NO_DOCUMENTATION,
                    "no ctpat, mra-recognised aeo or basc documentation".to_owned(),
                    base.clone(),
                )
            });
        summary.total += 1;
        match best.rule.result {
            AcceptedByDocumentation => summary.accepted_by_documentation += 1,
            QuestionnaireRequired => summary.questionnaire_required += 1,
            Expired => summary.expired += 1,
            NotRecognised => summary.not_recognised += 1,
        }
        results.push(PartnerScreening {
            id: partner.id.clone(),
            result: best.rule.result,
            code: best.rule.code.to_owned(),
            reason: best.reason,
            path: best.path,
            uncertain: best.uncertain,
        });
    }
    ScreeningReport {
        as_of,
        results,
        summary,
        mra_version: table.version.clone(),
        rules_version: crate::RULES_VERSION.to_owned(),
    }
}

crate::redact::masked_debug!(
    BusinessPartner,
    CtpatMembership,
    AeoCertificate,
    BascCertificate,
    PartnerScreening,
    ScreeningReport
);
