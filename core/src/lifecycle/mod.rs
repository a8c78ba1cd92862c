//! Membership lifecycle (domain.md §5, §6, §8, §9): statuses, the transition table as data,
//! pure guarded transitions, deadlines and [`Membership::advance`], benefits, joint validation
//! of linked accounts and a hash-chained audit log.
//!
//! ```
//! use ctpat::lifecycle::{Actor, Event, EventKind, Membership, Status};
//! use ctpat::{BusinessType, Policy};
//! use time::macros::date;
//! let p = Policy::current();
//! let m = Membership::new(BusinessType::Importer);
//! let (m, t) = m
//!     .apply(&Event::new(EventKind::ApplicationStarted), Actor::PartnerOfficer, date!(2024-01-02), &p)
//!     .unwrap();
//! assert_eq!((t.id.as_str(), m.status), ("T01", Status::PreApplicant));
//! let err = m
//!     .apply(&Event::new(EventKind::Certified), Actor::CbpScss, date!(2024-01-03), &p)
//!     .unwrap_err();
//! assert_eq!(err.code(), "lifecycle.illegal_transition");
//! ```

pub mod api;
mod appeal;
mod benefits;
mod deadlines;
mod effects;
mod event;
mod linked;
mod log;
mod membership;
mod status;
mod table;

pub use appeal::{Appeal, AppealKind};
pub use benefits::{Benefit, BenefitCode, benefits_for, describe};
pub use deadlines::{Deadline, DeadlineKind, DeadlineState};
pub use event::{AppealOutcome, Event, EventKind, SuspensionCause};
pub use linked::{JointSchedule, link_for_joint_validation};
pub use log::{GENESIS_HASH, LogEntry, LogProblem, LogVerification, verify_log};
pub use membership::{MAX_REASON_CHARS, Membership, Transition};
pub use status::{Actor, Status};
pub use table::{TRANSITIONS, Target, TransitionRule, rule_for, transitions};

/// The table drawn as a Mermaid state diagram (docs/status-diagram.md is generated from it).
///
/// ```
/// let d = ctpat::lifecycle::mermaid_diagram();
/// assert!(d.starts_with("stateDiagram-v2\n"));
/// assert!(d.contains("applicant --> approved"));
/// ```
pub fn mermaid_diagram() -> String {
    let mut out = String::from("stateDiagram-v2\n");
    let name = |s: Status| match s {
        Status::None => "[*]".to_owned(),
        other => other.as_str().to_owned(),
    };
    for rule in TRANSITIONS {
        for from in rule.from {
            let targets: Vec<Status> = match rule.to {
                Target::Status(s) => vec![s],
                Target::Same => {
                    if rule.id.starts_with('T') && rule.event != EventKind::AppealFiled {
                        vec![*from]
                    } else {
                        Vec::new()
                    }
                }
                Target::BeforeSuspension => Status::MEMBER.to_vec(),
                Target::AppealOutcome => Vec::new(),
            };
            for to in targets {
                out.push_str(&format!(
                    "    {} --> {}: {} {}\n",
                    name(*from),
                    name(to),
                    rule.id,
                    rule.event
                ));
            }
        }
    }
    out.push_str("    note right of suspended\n");
    out.push_str("        T16 appeal_filed and T17 appeal_decided are an overlay on\n");
    out.push_str("        rejected, ineligible, suspended and removed: reversed restores\n");
    out.push_str("        the status before the decision, upheld changes nothing\n");
    out.push_str("    end note\n");
    out
}
