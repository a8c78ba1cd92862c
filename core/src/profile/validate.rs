//! `validate_profile`: a security profile against a catalogue, as of a date.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use time::Date;

use super::checks::{self, ProfileCheck};
use super::{AnswerStatus, SecurityProfile};
use crate::entity::BusinessType;
use crate::finding::{Finding, Severity, pointer, sort_findings};
use crate::msc::{Catalogue, Criterion, Level};
use crate::policy::Policy;

/// The overall answer of a profile validation.
///
/// ```
/// use ctpat::profile::ProfileOutcome;
/// assert_eq!(serde_json::to_value(ProfileOutcome::Incomplete).ok(), Some(serde_json::json!("incomplete")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProfileOutcome {
    /// No error and every applicable criterion answered.
    Valid,
    /// At least one error finding.
    Invalid,
    /// No error, but criteria are unanswered or the risk assessment is unknown.
    Incomplete,
}

/// Answered versus applicable criteria.
///
/// ```
/// use ctpat::{msc::Catalogue, profile::validate_profile};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial", "answers": {"4.1": {"status": "implemented"}}}"#).unwrap();
/// let r = validate_profile(&p, Catalogue::embedded(), date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.completeness.must.answered, r.completeness.must.applicable), (1, 9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    /// Applicable criteria that have an answer.
    pub answered: usize,
    /// Criteria that apply to the business type.
    pub applicable: usize,
}

impl Count {
    fn add(&mut self, answered: bool) {
        self.applicable += 1;
        if answered {
            self.answered += 1;
        }
    }
}

/// Completeness of one category (or of the whole profile), Must and Should apart.
///
/// ```
/// use ctpat::{msc::Catalogue, profile::validate_profile};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial", "answers": {"1.1": {"status": "implemented"}}}"#).unwrap();
/// let r = validate_profile(&p, Catalogue::embedded(), date!(2025-06-30), &ctpat::Policy::current());
/// let first = r.completeness.by_category.get(&1).copied().unwrap_or_default();
/// assert_eq!((first.should.answered, first.should.applicable, first.must.applicable), (1, 2, 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryCompleteness {
    /// All levels.
    pub overall: Count,
    /// Must criteria.
    pub must: Count,
    /// Should criteria.
    pub should: Count,
}

impl CategoryCompleteness {
    fn add(&mut self, level: Level, answered: bool) {
        self.overall.add(answered);
        match level {
            Level::Must => self.must.add(answered),
            Level::Should => self.should.add(answered),
        }
    }
}

/// How much of the applicable catalogue the profile answers.
///
/// ```
/// use ctpat::{msc::Catalogue, profile::validate_profile};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial"}"#).unwrap();
/// let c = validate_profile(&p, Catalogue::embedded(), date!(2025-06-30), &ctpat::Policy::current()).completeness;
/// assert_eq!((c.overall.answered, c.overall.applicable), (0, 11));
/// assert_eq!(c.by_category.len(), 12); // every category, `0/0` where none applies
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Completeness {
    /// All criteria.
    pub overall: Count,
    /// Must criteria.
    pub must: Count,
    /// Should criteria.
    pub should: Count,
    /// Per category number (every category of the catalogue, `0/0` where none applies).
    pub by_category: BTreeMap<u32, CategoryCompleteness>,
}

/// The answer of [`validate_profile`].
///
/// ```
/// use ctpat::{msc::Catalogue, profile::{validate_profile, ProfileOutcome}};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial"}"#).unwrap();
/// let r = validate_profile(&p, Catalogue::embedded(), date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!((r.outcome, r.catalogue_complete), (ProfileOutcome::Incomplete, false));
/// assert!(r.findings.iter().any(|f| f.code == "profile.unanswered" && f.path == "/answers/4.1"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProfileReport {
    /// `valid`, `invalid` or `incomplete`.
    pub outcome: ProfileOutcome,
    /// The date the profile was judged for.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub as_of: Date,
    /// The profile's business type.
    pub business_type: BusinessType,
    /// Version of the catalogue used.
    pub catalogue_version: String,
    /// Whether that catalogue says it is complete.
    pub catalogue_complete: bool,
    /// Every finding, sorted by path; paths point into the profile (`/answers/4.1/status`).
    pub findings: Vec<Finding>,
    /// Answered versus applicable criteria.
    pub completeness: Completeness,
    /// Rules edition of this build.
    pub rules_version: String,
}

struct Ctx<'a> {
    findings: Vec<Finding>,
    as_of: Date,
    period_months: i32,
    policy: &'a Policy,
}

impl Ctx<'_> {
    fn push(&mut self, check: &ProfileCheck, path: String, message: String) {
        self.findings.push(check.at(path, message));
    }

    /// A finding about one criterion: errors on a criterion flagged uncertain become warnings.
    fn criterion(
        &mut self,
        check: &ProfileCheck,
        criterion: &Criterion,
        path: String,
        message: String,
    ) {
        let mut finding = check
            .at(path, message)
            .param("criterion", criterion.id.as_str());
        if check.code == checks::MUST_PARTIALLY_IMPLEMENTED.code
            && self.policy.partially_implemented_must_allowed
        {
            finding.severity = Severity::Warning;
            finding = finding.param("allowed_by_policy", true);
        }
        if criterion.uncertain && finding.severity == Severity::Error {
            finding.severity = Severity::Warning;
            finding = finding.param("uncertain", true);
        }
        self.findings.push(finding);
    }

    /// Whether `date` is older than the annual review period as of `as_of`.
    fn is_stale(&self, date: Date) -> bool {
        crate::calendar::add_months(date, self.period_months).is_some_and(|end| end < self.as_of)
    }

    fn future(&mut self, date: Date, path: String) {
        if date > self.as_of {
            let message = format!(
                "date `{}` is after as_of `{}`",
                crate::calendar::format_date(date),
                crate::calendar::format_date(self.as_of)
            );
            self.push(&checks::DATE_AFTER_AS_OF, path, message);
        }
    }
}

/// Validates `profile` against `catalogue` as of `as_of` (domain.md §4, §5.3).
///
/// Every criterion of the catalogue that applies to the profile's business type must be
/// answered; answers are judged by level and status; answers and the risk assessment must be
/// younger than `policy.annual_review_period_months`. Findings carry a path into the profile.
///
/// ```
/// use ctpat::{msc::Catalogue, profile::{validate_profile, ProfileOutcome}};
/// use time::macros::date;
/// let p = serde_json::from_str(r#"{"business_type": "importer", "catalogue_version": "msc-2019-partial",
///     "answers": {"7.37": {"status": "not_implemented", "updated_on": "2025-05-01"}}}"#).unwrap();
/// let r = validate_profile(&p, Catalogue::embedded(), date!(2025-06-30), &ctpat::Policy::current());
/// assert_eq!(r.outcome, ProfileOutcome::Invalid); // a Must criterion not implemented
/// assert!(r.findings.iter().any(|f| f.code == "profile.must_not_implemented" && f.path == "/answers/7.37/status"));
/// ```
pub fn validate_profile(
    profile: &SecurityProfile,
    catalogue: &Catalogue,
    as_of: Date,
    policy: &Policy,
) -> ProfileReport {
    let mut cx = Ctx {
        findings: Vec::new(),
        as_of,
        period_months: i32::try_from(policy.annual_review_period_months).unwrap_or(i32::MAX),
        policy,
    };
    if profile.catalogue_version != catalogue.version {
        let message = format!(
            "the profile answers catalogue `{}`, not `{}`",
            crate::ident::truncate_for_message(&profile.catalogue_version),
            crate::ident::truncate_for_message(&catalogue.version)
        );
        cx.push(
            &checks::CATALOGUE_VERSION_MISMATCH,
            "/catalogue_version".to_owned(),
            message,
        );
    }
    if catalogue.effective_from > as_of {
        let message = format!(
            "catalogue `{}` takes effect on `{}`, after `{}`",
            crate::ident::truncate_for_message(&catalogue.version),
            crate::calendar::format_date(catalogue.effective_from),
            crate::calendar::format_date(as_of)
        );
        cx.push(&checks::CATALOGUE_NOT_IN_EFFECT, String::new(), message);
    }
    if !catalogue.complete {
        let message = format!(
            "catalogue `{}` is partial: only its {} criteria were checked",
            crate::ident::truncate_for_message(&catalogue.version),
            catalogue.criteria.len()
        );
        cx.push(&checks::CATALOGUE_INCOMPLETE, String::new(), message);
    }

    let mut completeness = Completeness {
        by_category: catalogue
            .categories
            .iter()
            .map(|c| (c.number, CategoryCompleteness::default()))
            .collect(),
        ..Completeness::default()
    };
    let business_type = profile.business_type;
    for criterion in catalogue.applicable(business_type) {
        let answered = profile.answers.contains_key(&criterion.id);
        completeness.overall.add(answered);
        match criterion.level {
            Level::Must => completeness.must.add(answered),
            Level::Should => completeness.should.add(answered),
        }
        completeness
            .by_category
            .entry(criterion.category)
            .or_default()
            .add(criterion.level, answered);
        if !answered {
            let message = format!(
                "{} criterion `{}` is not answered",
                criterion.level.as_str(),
                criterion.id
            );
            let path = pointer("/answers", &criterion.id);
            cx.criterion(&checks::UNANSWERED, criterion, path, message);
        }
    }

    let index: HashMap<&str, &Criterion> = catalogue
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    for (id, answer) in &profile.answers {
        let base = pointer("/answers", id);
        let Some(criterion) = index.get(id.as_str()).copied() else {
            let message = format!(
                "criterion `{}` is not in catalogue `{}`",
                crate::ident::truncate_for_message(id),
                crate::ident::truncate_for_message(&catalogue.version)
            );
            cx.push(&checks::UNKNOWN_CRITERION, base, message);
            continue;
        };
        if !criterion.applies_to(business_type) {
            if answer.status != AnswerStatus::NotApplicable {
                let message = format!(
                    "criterion `{id}` does not apply to `{business_type}` but is answered `{}`",
                    answer.status.as_str()
                );
                cx.criterion(
                    &checks::NOT_APPLICABLE_TO_TYPE,
                    criterion,
                    format!("{base}/status"),
                    message,
                );
            }
            continue;
        }
        judge_status(&mut cx, criterion, answer, &base);
        match answer.updated_on {
            None => {
                let message = format!("the answer to `{id}` has no `updated_on` date");
                cx.push(&checks::ANSWER_UNDATED, base, message);
            }
            Some(date) => {
                let path = format!("{base}/updated_on");
                if cx.is_stale(date) {
                    let message = format!(
                        "the answer to `{id}` was last updated on `{}`, more than {} months before `{}`",
                        crate::calendar::format_date(date),
                        policy.annual_review_period_months,
                        crate::calendar::format_date(as_of)
                    );
                    cx.push(&checks::STALE_ANSWER, path, message);
                } else {
                    cx.future(date, path);
                }
            }
        }
    }

    risk_assessment(&mut cx, profile);
    if let Some(date) = profile.last_review_submitted_on {
        cx.future(date, "/last_review_submitted_on".to_owned());
    }

    let mut findings = cx.findings;
    sort_findings(&mut findings);
    let outcome = if findings.iter().any(Finding::is_error) {
        ProfileOutcome::Invalid
    } else if findings.iter().any(|f| checks::marks_incomplete(&f.code)) {
        ProfileOutcome::Incomplete
    } else {
        ProfileOutcome::Valid
    };
    ProfileReport {
        outcome,
        as_of,
        business_type,
        catalogue_version: catalogue.version.clone(),
        catalogue_complete: catalogue.complete,
        findings,
        completeness,
        rules_version: crate::RULES_VERSION.to_owned(),
    }
}

fn judge_status(cx: &mut Ctx<'_>, criterion: &Criterion, answer: &super::Answer, base: &str) {
    let id = criterion.id.as_str();
    let status_path = format!("{base}/status");
    match (answer.status, criterion.level) {
        (AnswerStatus::Implemented, _) | (AnswerStatus::PartiallyImplemented, Level::Should) => {}
        (AnswerStatus::NotImplemented, Level::Must) => {
            let message = format!("must criterion `{id}` is not implemented");
            cx.criterion(
                &checks::MUST_NOT_IMPLEMENTED,
                criterion,
                status_path,
                message,
            );
        }
        (AnswerStatus::NotImplemented, Level::Should) => {
            let message = format!("should criterion `{id}` is not implemented");
            cx.criterion(
                &checks::SHOULD_NOT_IMPLEMENTED,
                criterion,
                status_path,
                message,
            );
        }
        (AnswerStatus::PartiallyImplemented, Level::Must) => {
            let message = format!("must criterion `{id}` is only partially implemented");
            cx.criterion(
                &checks::MUST_PARTIALLY_IMPLEMENTED,
                criterion,
                status_path,
                message,
            );
        }
        (AnswerStatus::NotApplicable, level) => {
            if answer
                .narrative
                .as_deref()
                .is_none_or(|n| n.trim().is_empty())
            {
                let message = format!("`not_applicable` for `{id}` needs a narrative saying why");
                cx.criterion(
                    &checks::NOT_APPLICABLE_WITHOUT_NARRATIVE,
                    criterion,
                    format!("{base}/narrative"),
                    message,
                );
            }
            if level == Level::Must {
                let message = format!(
                    "must criterion `{id}` applies to this business type and cannot be `not_applicable`"
                );
                cx.criterion(
                    &checks::MUST_NOT_APPLICABLE,
                    criterion,
                    status_path,
                    message,
                );
            }
        }
    }
}

fn risk_assessment(cx: &mut Ctx<'_>, profile: &SecurityProfile) {
    let ra = profile.risk_assessment.unwrap_or_default();
    let latest = match (ra.performed_on, ra.reviewed_on) {
        (None, None) => None,
        (Some(p), None) => Some((p, "performed_on")),
        (None, Some(r)) => Some((r, "reviewed_on")),
        (Some(p), Some(r)) if r >= p => Some((r, "reviewed_on")),
        (Some(p), Some(_)) => Some((p, "performed_on")),
    };
    let Some((date, field)) = latest else {
        cx.push(
            &checks::RISK_ASSESSMENT_MISSING,
            "/risk_assessment".to_owned(),
            "no risk assessment date is given".to_owned(),
        );
        return;
    };
    let path = format!("/risk_assessment/{field}");
    if cx.is_stale(date) {
        let message = format!(
            "the risk assessment was last done on `{}`, more than {} months before `{}`",
            crate::calendar::format_date(date),
            cx.policy.annual_review_period_months,
            crate::calendar::format_date(cx.as_of)
        );
        cx.push(&checks::RISK_ASSESSMENT_OVERDUE, path, message);
    }
    for (date, field) in [
        (ra.performed_on, "performed_on"),
        (ra.reviewed_on, "reviewed_on"),
    ] {
        if let Some(d) = date {
            cx.future(d, format!("/risk_assessment/{field}"));
        }
    }
}

crate::redact::masked_debug!(ProfileReport);
