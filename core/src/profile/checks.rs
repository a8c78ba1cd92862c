//! Every profile check as data: code, default severity, description, source.

use serde::Serialize;

use crate::finding::{Finding, Severity};

/// One check [`super::validate_profile`] applies.
///
/// ```
/// use ctpat::{Severity, profile::PROFILE_CHECKS};
/// let unanswered = PROFILE_CHECKS.iter().find(|c| c.code == "profile.unanswered");
/// assert!(unanswered.is_some_and(|c| c.incomplete));
/// let must = PROFILE_CHECKS.iter().find(|c| c.code == "profile.must_not_implemented");
/// assert_eq!(must.map(|c| c.severity), Some(Severity::Error));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProfileCheck {
    /// Stable code of the finding.
    pub code: &'static str,
    /// Severity before adjustments (policy switches; criteria flagged uncertain give warnings).
    pub severity: Severity,
    /// Whether the finding makes the outcome `incomplete` (when nothing is an error).
    pub incomplete: bool,
    /// One line describing it.
    pub description: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

impl ProfileCheck {
    /// A finding of this check at `path`.
    pub(crate) fn at(&self, path: String, message: String) -> Finding {
        Finding::new(self.severity, self.code, path).message(message)
    }
}

const fn check(
    code: &'static str,
    severity: Severity,
    incomplete: bool,
    description: &'static str,
    source: &'static str,
) -> ProfileCheck {
    ProfileCheck {
        code,
        severity,
        incomplete,
        description,
        source,
    }
}

use Severity::{Error, Info, Warning};

pub(crate) const CATALOGUE_VERSION_MISMATCH: ProfileCheck = check(
    "profile.catalogue_version_mismatch",
    Error,
    false,
    "the profile answers another catalogue version than the one it is checked against",
    "domain.md §4.6 (a profile records the catalogue version it answers)",
);
pub(crate) const CATALOGUE_INCOMPLETE: ProfileCheck = check(
    "profile.catalogue_incomplete",
    Info,
    false,
    "the catalogue is partial, so a valid outcome covers only the criteria it holds",
    "domain.md §4.6 (embedded criteria labelled incomplete)",
);
pub(crate) const CATALOGUE_NOT_IN_EFFECT: ProfileCheck = check(
    "profile.catalogue_not_in_effect",
    Warning,
    false,
    "the catalogue takes effect after `as_of`",
    "domain.md §4.1 (2019 criteria due Jan 2020), §4.6 (versioned catalogue with effective date)",
);
pub(crate) const UNKNOWN_CRITERION: ProfileCheck = check(
    "profile.unknown_criterion",
    Error,
    false,
    "an answer names a criterion id the catalogue does not hold",
    "domain.md §4.3 (ids in one global space)",
);
pub(crate) const NOT_APPLICABLE_TO_TYPE: ProfileCheck = check(
    "profile.criterion_not_applicable_to_type",
    Error,
    false,
    "an answer other than `not_applicable` for a criterion that does not apply to the business type",
    "domain.md §4.3 (an unlisted id does not apply to the entity)",
);
pub(crate) const UNANSWERED: ProfileCheck = check(
    "profile.unanswered",
    Warning,
    true,
    "a criterion that applies to the business type has no answer",
    "domain.md §2.2 common.security_profile_complete (seed 003_748fa2daea8a8359.txt)",
);
pub(crate) const MUST_NOT_IMPLEMENTED: ProfileCheck = check(
    "profile.must_not_implemented",
    Error,
    false,
    "a must criterion is not implemented",
    "domain.md §4.3 (must is required for certification)",
);
pub(crate) const MUST_PARTIALLY_IMPLEMENTED: ProfileCheck = check(
    "profile.must_partially_implemented",
    Error,
    false,
    "a must criterion is only partially implemented (a warning when policy.partially_implemented_must_allowed)",
    "domain.md §4.3 (must is required for certification); policy switch",
);
pub(crate) const SHOULD_NOT_IMPLEMENTED: ProfileCheck = check(
    "profile.should_not_implemented",
    Warning,
    false,
    "a should criterion is not implemented (recommended, no quota)",
    "domain.md §4.3 (should is recommended, with no quota)",
);
pub(crate) const NOT_APPLICABLE_WITHOUT_NARRATIVE: ProfileCheck = check(
    "profile.not_applicable_without_narrative",
    Error,
    false,
    "a `not_applicable` answer gives no narrative saying why",
    "issue 5 §3; domain.md §4.3 (each entity document lists its applicable ids)",
);
pub(crate) const MUST_NOT_APPLICABLE: ProfileCheck = check(
    "profile.must_not_applicable",
    Error,
    false,
    "a must criterion that applies to the business type is answered `not_applicable`",
    "domain.md §4.3 (must is required for certification)",
);
pub(crate) const ANSWER_UNDATED: ProfileCheck = check(
    "profile.answer_undated",
    Warning,
    false,
    "an answer has no `updated_on`, so whether it is current is unknown",
    "domain.md §5.3 (the profile is re-certified yearly)",
);
pub(crate) const STALE_ANSWER: ProfileCheck = check(
    "profile.stale_answer",
    Warning,
    false,
    "an answer is older than the policy's annual review period",
    "domain.md §5.3 (re-certified yearly; seed 000_ce488379f704c3ca.txt, seed 001_66a073baa83fabba.txt)",
);
pub(crate) const RISK_ASSESSMENT_MISSING: ProfileCheck = check(
    "profile.risk_assessment_missing",
    Warning,
    true,
    "no risk assessment date is given",
    "domain.md §2.2 #8, §4.5 (the risk assessment precedes the profile)",
);
pub(crate) const RISK_ASSESSMENT_OVERDUE: ProfileCheck = check(
    "profile.risk_assessment_overdue",
    Error,
    false,
    "the risk assessment was last performed or reviewed longer ago than the annual review period",
    "domain.md §4.5 (five-step risk assessment, step 5: redo it at least yearly)",
);
pub(crate) const DATE_AFTER_AS_OF: ProfileCheck = check(
    "profile.date_after_as_of",
    Warning,
    false,
    "a date in the profile lies after `as_of`",
    "design.md (time is an input)",
);

/// Every profile check, as data (listed by the `profile_checks` operation).
///
/// ```
/// use ctpat::profile::PROFILE_CHECKS;
/// assert!(PROFILE_CHECKS.iter().all(|c| c.code.starts_with("profile.") && !c.source.is_empty()));
/// ```
pub const PROFILE_CHECKS: &[ProfileCheck] = &[
    CATALOGUE_VERSION_MISMATCH,
    CATALOGUE_INCOMPLETE,
    CATALOGUE_NOT_IN_EFFECT,
    UNKNOWN_CRITERION,
    NOT_APPLICABLE_TO_TYPE,
    UNANSWERED,
    MUST_NOT_IMPLEMENTED,
    MUST_PARTIALLY_IMPLEMENTED,
    SHOULD_NOT_IMPLEMENTED,
    NOT_APPLICABLE_WITHOUT_NARRATIVE,
    MUST_NOT_APPLICABLE,
    ANSWER_UNDATED,
    STALE_ANSWER,
    RISK_ASSESSMENT_MISSING,
    RISK_ASSESSMENT_OVERDUE,
    DATE_AFTER_AS_OF,
];

/// Whether a finding code makes a report `incomplete`.
pub(crate) fn marks_incomplete(code: &str) -> bool {
    PROFILE_CHECKS
        .iter()
        .any(|c| c.incomplete && c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_prefixed() {
        let mut codes: Vec<_> = PROFILE_CHECKS.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), PROFILE_CHECKS.len());
        assert!(codes.iter().all(|c| c.starts_with("profile.")));
        assert!(marks_incomplete("profile.unanswered"));
        assert!(!marks_incomplete("profile.must_not_implemented"));
    }
}
