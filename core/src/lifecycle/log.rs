//! The tamper-evident audit log (domain.md §6.3 "each transition is appended"; [6 USC 971]).
//!
//! Each entry carries the hash of the previous one. `hash` is the lowercase hex SHA-256 of the
//! canonical encoding: the compact JSON object
//! `{"seq","at","actor","event","from","to","reason","prev_hash"}` with keys in that order, the
//! event's empty details and a `null` reason left out exactly as in the wire form. The first
//! entry's `prev_hash` is 64 zeros. Truncating the tail cannot be detected from the log alone;
//! keep the last hash elsewhere to detect that.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Date;

use super::event::Event;
use super::status::{Actor, Status};
use crate::error::Error;

/// `prev_hash` of the first entry.
///
/// ```
/// use ctpat::lifecycle::GENESIS_HASH;
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// assert_eq!(GENESIS_HASH.len(), 64);
/// assert_eq!(m.log[0].prev_hash, GENESIS_HASH);
/// assert_eq!(m.log[1].prev_hash, m.log[0].hash); // each entry links to the one before
/// ```
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One applied transition.
///
/// ```
/// use ctpat::lifecycle::Status;
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// let e = &m.log[3];
/// assert_eq!((e.seq, e.at, e.actor, e.from, e.to), (4, date!(2024-03-01), Actor::CbpScss, Status::Approved, Status::Certified));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// 1, 2, 3, ...
    pub seq: u64,
    /// Date of the event.
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub at: Date,
    /// Who caused it.
    pub actor: Actor,
    /// The event, without its reason (see `reason`).
    pub event: Event,
    /// Status before.
    pub from: Status,
    /// Status after.
    pub to: Status,
    /// Why: the event's reason or the rule's default (`portal_deadline_missed`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Hash of the previous entry (64 zeros for the first).
    pub prev_hash: String,
    /// Hash of this entry.
    pub hash: String,
}

#[derive(Serialize)]
struct Canonical<'a> {
    seq: u64,
    #[serde(with = "crate::calendar::serde_date")]
    at: Date,
    actor: Actor,
    event: &'a Event,
    from: Status,
    to: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    prev_hash: &'a str,
}

impl LogEntry {
    /// The hash this entry should carry, computed from its content and `prev_hash`.
    ///
    /// ```
    /// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
    /// # use ctpat::{BusinessType, Policy};
    /// # use time::macros::date;
    /// # let p = Policy::current();
    /// # let mut m = Membership::new(BusinessType::Importer);
    /// # for (k, a, d) in [
    /// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
    /// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
    /// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
    /// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
    /// # ] {
    /// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
    /// # }
    /// let mut e = m.log[0].clone();
    /// assert_eq!(e.compute_hash().ok(), Some(e.hash.clone()));
    /// e.at = date!(2024-01-01); // edited
    /// assert_ne!(e.compute_hash().ok(), Some(e.hash.clone()));
    /// ```
    pub fn compute_hash(&self) -> Result<String, Error> {
        let canonical = Canonical {
            seq: self.seq,
            at: self.at,
            actor: self.actor,
            event: &self.event,
            from: self.from,
            to: self.to,
            reason: self.reason.as_deref(),
            prev_hash: &self.prev_hash,
        };
        let bytes = serde_json::to_vec(&canonical)?;
        let digest = Sha256::digest(&bytes);
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(64);
        for byte in digest {
            for nibble in [byte >> 4, byte & 0x0f] {
                out.push(char::from(*HEX.get(usize::from(nibble)).unwrap_or(&b'0')));
            }
        }
        Ok(out)
    }
}

/// What is wrong with a log.
///
/// ```
/// use ctpat::lifecycle::{LogProblem, verify_log};
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// m.log.swap(1, 2);
/// assert_eq!(verify_log(&m.log).problem, Some(LogProblem::Reordered));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LogProblem {
    /// An entry's content no longer matches its hash, or its successor's `prev_hash`.
    Edited,
    /// An entry is missing (a gap in `seq`).
    Removed,
    /// An extra entry (a repeated `seq`, or a chain link that does not fit).
    Inserted,
    /// Entries are out of order.
    Reordered,
    /// Dates go backwards although the chain is intact.
    DateOrder,
}

/// The answer of [`verify_log`].
///
/// ```
/// use ctpat::lifecycle::{LogProblem, verify_log};
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// m.log.remove(1);
/// let v = verify_log(&m.log);
/// assert_eq!((v.ok, v.entries, v.first_bad_seq, v.problem), (false, 3, Some(2), Some(LogProblem::Removed)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LogVerification {
    /// Whether the whole log is intact.
    pub ok: bool,
    /// Number of entries checked.
    pub entries: usize,
    /// `seq` of the first bad entry (for `removed`: the missing `seq`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_bad_seq: Option<u64>,
    /// Index (0-based) in the given list where the problem was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// What is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<LogProblem>,
}

fn bad(entries: usize, index: usize, seq: u64, problem: LogProblem) -> LogVerification {
    LogVerification {
        ok: false,
        entries,
        first_bad_seq: Some(seq),
        index: Some(index),
        problem: Some(problem),
    }
}

/// Checks the hash chain and the numbering; reports the first problem.
///
/// ```
/// use ctpat::lifecycle::{LogProblem, verify_log};
/// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
/// # use ctpat::{BusinessType, Policy};
/// # use time::macros::date;
/// # let p = Policy::current();
/// # let mut m = Membership::new(BusinessType::Importer);
/// # for (k, a, d) in [
/// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
/// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
/// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
/// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
/// # ] {
/// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
/// # }
/// assert!(verify_log(&m.log).ok);
/// m.log[2].reason = Some("edited".into());
/// let v = verify_log(&m.log);
/// assert_eq!((v.ok, v.index, v.problem), (false, Some(2), Some(LogProblem::Edited)));
/// ```
pub fn verify_log(log: &[LogEntry]) -> LogVerification {
    let n = log.len();
    let mut prev: Option<&LogEntry> = None;
    for (i, entry) in log.iter().enumerate() {
        let expected = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
        if entry.seq != expected {
            let problem = if entry.seq < expected {
                if log.iter().take(i).any(|e| e.seq == entry.seq) {
                    LogProblem::Inserted
                } else {
                    LogProblem::Reordered
                }
            } else if log.iter().skip(i).any(|e| e.seq == expected) {
                LogProblem::Reordered
            } else {
                return bad(n, i, expected, LogProblem::Removed);
            };
            return bad(n, i, entry.seq, problem);
        }
        let own_ok = entry.compute_hash().is_ok_and(|h| h == entry.hash);
        if !own_ok {
            return bad(n, i, entry.seq, LogProblem::Edited);
        }
        let prev_hash = prev.map_or(GENESIS_HASH, |p| p.hash.as_str());
        if entry.prev_hash != prev_hash {
            // The predecessor was rewritten and re-hashed, or this entry was slipped in.
            let linked_earlier = log.iter().take(i).any(|e| e.hash == entry.prev_hash);
            return match prev {
                Some(p) if !linked_earlier => {
                    bad(n, i.saturating_sub(1), p.seq, LogProblem::Edited)
                }
                _ => bad(n, i, entry.seq, LogProblem::Inserted),
            };
        }
        if let Some(p) = prev
            && entry.at < p.at
        {
            return bad(n, i, entry.seq, LogProblem::DateOrder);
        }
        prev = Some(entry);
    }
    LogVerification {
        ok: true,
        entries: n,
        first_bad_seq: None,
        index: None,
        problem: None,
    }
}

impl super::membership::Membership {
    /// Rebuilds a membership from its log: verifies the chain (`lifecycle.log_invalid` at the
    /// first bad entry), then re-applies every entry under `policy` and checks that each
    /// re-computed hash equals the logged one (`lifecycle.replay_mismatch`). An entry that the
    /// rules refuse fails with the rule's code, its path prefixed by `/log/<index>`.
    ///
    /// The chain covers every entry but not the membership's business type: a log replayed
    /// under another type whose transitions allow the same events is not refused, so store the
    /// business type where it cannot be changed (a known limit; binding it into the first hash
    /// would change every stored hash).
    ///
    /// ```
    /// # use ctpat::lifecycle::{Actor, Event, EventKind, Membership};
    /// # use ctpat::{BusinessType, Policy};
    /// # use time::macros::date;
    /// # let p = Policy::current();
    /// # let mut m = Membership::new(BusinessType::Importer);
    /// # for (k, a, d) in [
    /// #     (EventKind::ApplicationStarted, Actor::PartnerOfficer, date!(2024-01-02)),
    /// #     (EventKind::ProfileSubmitted, Actor::PartnerOfficer, date!(2024-01-10)),
    /// #     (EventKind::ProfileApproved, Actor::CbpScss, date!(2024-02-01)),
    /// #     (EventKind::Certified, Actor::CbpScss, date!(2024-03-01)),
    /// # ] {
    /// #     m.apply_mut(&Event::new(k), a, d, &p).unwrap();
    /// # }
    /// let rebuilt = Membership::replay(BusinessType::Importer, &m.log, &p).unwrap();
    /// assert_eq!(rebuilt, m);
    /// m.log[1].at = date!(2024-01-09); // tampered with
    /// let e = Membership::replay(BusinessType::Importer, &m.log, &p).unwrap_err();
    /// assert_eq!((e.code(), e.path()), ("lifecycle.log_invalid", "/log/1"));
    /// ```
    pub fn replay(
        business_type: crate::entity::BusinessType,
        log: &[LogEntry],
        policy: &crate::policy::Policy,
    ) -> Result<Self, Error> {
        let check = verify_log(log);
        if !check.ok {
            return Err(Error::input_code(
                "lifecycle.log_invalid",
                format!("/log/{}", check.index.unwrap_or(0)),
                format!(
                    "the log fails verification: `{}` at seq `{}`",
                    check.problem.map_or("unknown", LogProblem::as_str),
                    check.first_bad_seq.unwrap_or(0)
                ),
            ));
        }
        let mut membership = Self::new(business_type);
        for (i, entry) in log.iter().enumerate() {
            let mut event = entry.event.clone();
            event.reason = entry.reason.clone();
            let transition = membership
                .apply_mut(&event, entry.actor, entry.at, policy)
                .map_err(|e| prefix_path(e, i))?;
            if transition.hash != entry.hash {
                return Err(Error::input_code(
                    "lifecycle.replay_mismatch",
                    format!("/log/{i}"),
                    format!(
                        "entry `{}` gives a different result under this policy or business type",
                        entry.seq
                    ),
                ));
            }
        }
        Ok(membership)
    }
}

fn prefix_path(err: Error, index: usize) -> Error {
    match err {
        Error::NotAllowed {
            code,
            message,
            path,
        } => Error::NotAllowed {
            code,
            message,
            path: format!("/log/{index}{path}"),
        },
        Error::Input {
            code,
            path,
            message,
        } => Error::Input {
            code,
            path: format!("/log/{index}{path}"),
            message,
        },
        Error::DateOutOfRange { path, message } => Error::DateOutOfRange {
            path: format!("/log/{index}{path}"),
            message,
        },
        other => other,
    }
}

impl LogProblem {
    /// The snake_case name used on the wire.
    ///
    /// ```
    /// use ctpat::lifecycle::LogProblem;
    /// assert_eq!(LogProblem::DateOrder.as_str(), "date_order");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Edited => "edited",
            Self::Removed => "removed",
            Self::Inserted => "inserted",
            Self::Reordered => "reordered",
            Self::DateOrder => "date_order",
        }
    }
}

crate::redact::masked_debug!(LogEntry);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::{EventKind, Membership};
    use crate::{BusinessType, Policy};
    use time::macros::date;

    fn sample() -> Vec<LogEntry> {
        let p = Policy::current();
        let mut m = Membership::new(BusinessType::Importer);
        for (kind, actor, at) in [
            (
                EventKind::ApplicationStarted,
                Actor::PartnerOfficer,
                date!(2024 - 01 - 02),
            ),
            (
                EventKind::ProfileSubmitted,
                Actor::PartnerOfficer,
                date!(2024 - 01 - 10),
            ),
            (
                EventKind::ProfileApproved,
                Actor::CbpScss,
                date!(2024 - 02 - 01),
            ),
            (EventKind::Certified, Actor::CbpScss, date!(2024 - 03 - 01)),
        ] {
            m = m.apply(&Event::new(kind), actor, at, &p).unwrap().0;
        }
        m.log
    }

    #[test]
    fn intact_log_verifies() {
        let v = verify_log(&sample());
        assert!(v.ok, "{v:?}");
        assert_eq!(v.entries, 4);
    }

    #[test]
    fn detects_edit_removal_insertion_and_reordering() {
        let log = sample();
        let mut edited = log.clone();
        edited[1].at = date!(2024 - 01 - 11);
        assert_eq!(verify_log(&edited).problem, Some(LogProblem::Edited));
        assert_eq!(verify_log(&edited).first_bad_seq, Some(2));

        let mut rehashed = log.clone();
        rehashed[1].at = date!(2024 - 01 - 11);
        rehashed[1].hash = rehashed[1].compute_hash().unwrap();
        let v = verify_log(&rehashed);
        assert_eq!(
            (v.problem, v.first_bad_seq),
            (Some(LogProblem::Edited), Some(2))
        );

        let mut removed = log.clone();
        removed.remove(1);
        let v = verify_log(&removed);
        assert_eq!(
            (v.problem, v.first_bad_seq),
            (Some(LogProblem::Removed), Some(2))
        );

        let mut inserted = log.clone();
        inserted.insert(2, log[1].clone());
        assert_eq!(verify_log(&inserted).problem, Some(LogProblem::Inserted));

        let mut reordered = log.clone();
        reordered.swap(1, 2);
        assert_eq!(verify_log(&reordered).problem, Some(LogProblem::Reordered));
    }
}
